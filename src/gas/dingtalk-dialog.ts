// 初始化/修复 › 钉钉机器人设置…: the 信访办 lists the groups (信访办 and the departments of 部室), sets or clears each
// group's robot and sends a test message. A stored secret never goes back to the page: only 已设置 and the token's
// last 4 characters.
import { OFFICE_GROUP, parseRobotInput, robotLabel, robotToken } from '../core/dingtalk';
import { requireRole } from './caller';
import { deleteRobot, saveRobot, sendRobotDigests, storedRobots } from './dingtalk';
import { SHEET } from './layout';
import { formPage } from './pages';
import { gasPorts } from './ports';

/** One group as the dialog lists it. */
export interface RobotRow {
  group: string;
  /** 已设置（…abcd） or 未设置. */
  state: string;
  set: boolean;
  /** False for a group with a robot that is no longer 信访办 or a department of 部室 (it can only be cleared). */
  known: boolean;
}

/** What each of the dialog's calls answers: the message for the person and the list as it now is. */
export interface RobotDialogAnswer {
  ok: boolean;
  message: string;
  groups: RobotRow[];
}

const TEST_TITLE = '信访台账 · 测试消息';

/** The menu item: the dialog with every group's state and a test text to edit. */
export function showDingTalkDialog(): void {
  const p = gasPorts();
  const me = requireRole(p, ['信访办']);
  const data = {
    groups: robotRows(),
    testText: `本群的钉钉机器人已接入「信访台账」，期限提醒将发到这里。（测试消息，由 ${me.name} 发送）`,
  };
  SpreadsheetApp.getUi().showModalDialog(
    formPage('DingTalkRobots', { data }).setWidth(560).setHeight(620),
    '钉钉机器人设置',
  );
}

/** The groups a robot may be set for: the 信访办 and each department of 部室. */
function knownGroups(): string[] {
  return [...new Set([OFFICE_GROUP, ...gasPorts().directory.departments()])];
}

function robotRows(): RobotRow[] {
  const robots = storedRobots();
  const known = knownGroups();
  const row = (group: string, isKnown: boolean): RobotRow => {
    const robot = robots.get(group);
    return { group, state: robot ? robotLabel(robot) : '未设置', set: Boolean(robot), known: isKnown };
  };
  return [
    ...known.map((g) => row(g, true)),
    ...[...robots.keys()].filter((g) => !known.includes(g)).map((g) => row(g, false)),
  ];
}

const answer = (ok: boolean, message: string): RobotDialogAnswer => ({ ok, message, groups: robotRows() });

/** 保存: checks the group and the robot as typed, refuses a webhook another group uses, then stores it. */
export function saveRobotForm(form: { group?: unknown; url?: unknown; secret?: unknown } | null): RobotDialogAnswer {
  const me = requireRole(gasPorts(), ['信访办']);
  const group = String(form?.group ?? '').trim();
  if (!group) return answer(false, '请先选择群组。');
  if (!knownGroups().includes(group))
    return answer(
      false,
      `「${group}」不是信访办，也不在「${SHEET.departments}」表中：请先在「${SHEET.departments}」表中添加该部室。`,
    );
  const parsed = parseRobotInput({ url: form?.url, secret: form?.secret });
  if (!parsed.ok) return answer(false, parsed.reason);
  const token = robotToken(parsed.config.url);
  const other = [...storedRobots()].find(([g, r]) => g !== group && robotToken(r.url) === token);
  if (other)
    return answer(
      false,
      `此 Webhook 已用于「${other[0]}」。每个群组用各自的机器人（同一钉钉群可再添加一个自定义机器人），以便分别计算每分钟 20 条的限额。`,
    );
  saveRobot(group, parsed.config);
  console.log(`钉钉机器人：${me.email} 设置了「${group}」${robotLabel(parsed.config)}`);
  return answer(
    true,
    `已保存「${group}」的钉钉机器人${robotLabel(parsed.config).replace('已设置', '')}。可发送测试消息确认。`,
  );
}

/** 清除: removes a group's robot (its messages then go nowhere; mail is unaffected). */
export function clearRobotForm(form: { group?: unknown } | null): RobotDialogAnswer {
  const me = requireRole(gasPorts(), ['信访办']);
  const group = String(form?.group ?? '').trim();
  if (!storedRobots().has(group)) return answer(false, `「${group}」没有设置钉钉机器人。`);
  deleteRobot(group);
  console.log(`钉钉机器人：${me.email} 清除了「${group}」`);
  return answer(true, `已清除「${group}」的钉钉机器人。`);
}

/** 发送测试消息: the text (or the default) posted through the same channel as the reminders, @ing the sender. */
export function testRobotForm(form: { group?: unknown; text?: unknown } | null): RobotDialogAnswer {
  const me = requireRole(gasPorts(), ['信访办']);
  const group = String(form?.group ?? '').trim();
  if (!storedRobots().has(group)) return answer(false, `「${group}」尚未设置钉钉机器人，请先保存 Webhook 和加签密钥。`);
  const text = String(form?.text ?? '').trim() || `钉钉机器人测试消息（由 ${me.name} 发送）`;
  const atMobiles = me.mobile ? [me.mobile] : []; // @ the sender, as a reminder @s its recipients
  const [r] = sendRobotDigests([{ group, title: TEST_TITLE, lines: text.split(/\r?\n/), atMobiles }]);
  if (!r || r.error) return answer(false, r?.error ?? '未发送。');
  return answer(true, `已向「${group}」发送测试消息${r.sent > 1 ? `（分 ${r.sent} 条）` : ''}，请在钉钉群中查看。`);
}
