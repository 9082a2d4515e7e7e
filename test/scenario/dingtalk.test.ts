// The DingTalk robot channel through the real bundle: the 信访办 sets a group's robot in 期限提醒 › 钉钉机器人设置…
// (a liaison is refused), the secret stays in Script Properties, and test messages go through sendRobotDigests to a
// DingTalk-like robot on a loopback server that checks the 加签 signature, the markdown and 20 messages a minute.
import { createHmac, randomBytes } from 'node:crypto';
import path from 'node:path';
import type { GasEnvironment, DialogRecord } from '../../emulator/index';
import { startLoopbackServer, type LoopbackServer } from '../../emulator/url-fetch/loopback-server';
import { lastAlert, ok, PEOPLE, startOffice } from './office';

const START = '2026-10-09T09:00:00+08:00';
const SECRET = 'SEC' + 'a1b2c3d4e5f60718'.repeat(4);
const WEBHOOK = 'https://oapi.dingtalk.com/robot/send?access_token=';
const OFFICE = PEOPLE.office.email;
const GROUP = '规划建设部';

interface Answer {
  ok: boolean;
  message: string;
  groups: { group: string; state: string; set: boolean; known: boolean }[];
}

let robot: LoopbackServer;
let env: GasEnvironment;

beforeAll(async () => {
  robot = await startLoopbackServer(path.join(__dirname, '../fixtures/dingtalk-group-robot.ts'), {
    env: { DINGTALK_SECRET: SECRET, DINGTALK_NOW_MS: String(Date.parse(START)) },
  });
});
afterAll(() => robot.close());
beforeEach(() => {
  env = startOffice(START);
  env.http.forward('https://oapi.dingtalk.com', robot.url);
});
afterEach(() => env.http.close());

/** A new robot's token (the server counts 20 a minute per token, across tests). */
const newToken = (): string => randomBytes(32).toString('hex');

/** A person opens 期限提醒 › 钉钉机器人设置…; the dialog shown, if any. */
function openDialog(user = OFFICE): DialogRecord | undefined {
  env.open({ user });
  const before = env.ui.dialogs.length;
  env.clickMenu('信访台账', '期限提醒', '钉钉机器人设置…', { user });
  return env.ui.dialogs.length > before ? env.ui.dialogs.at(-1) : undefined;
}

function dataOf(d: DialogRecord): { groups: Answer['groups']; testText: string } {
  const m = /var DATA = (\{.*?\});\n/.exec(d.html);
  if (!m) throw new Error(`not the robot dialog: ${d.title}`);
  return JSON.parse(m[1]!);
}

/** What the dialog's google.script.run call answers. */
const call = (fn: string, arg: object, user = OFFICE): Answer => env.submitDialog(fn, [arg], { user }) as Answer;
const setRobot = (group: string, token: string, secret = SECRET, user = OFFICE): Answer =>
  call('saveDingTalkRobot', { group, url: WEBHOOK + token, secret }, user);
const sendTest = (text: string, group = GROUP): Answer => call('testDingTalkRobot', { group, text });

/** The requests that went to DingTalk, and their bodies. */
const posts = (): typeof env.http.log => env.http.log.filter((e) => e.url.startsWith('https://oapi.dingtalk.com/'));
const bodies = (): { msgtype: string; markdown: { title: string; text: string }; at: unknown }[] =>
  posts().map((e) => JSON.parse(e.payload!));

const robotProps = (): Record<string, string> =>
  Object.fromEntries(
    Object.entries(env.globals.PropertiesService.getScriptProperties().getProperties()).filter(([k]) =>
      k.startsWith('DINGTALK_'),
    ),
  );

/** Every value of every sheet, as text. */
function sheetText(): string {
  return env.globals.SpreadsheetApp.getActive()
    .getSheets()
    .map((s) => JSON.stringify(s.getDataRange().getValues()))
    .join('\n');
}

describe('钉钉机器人设置', () => {
  it('the 信访办 sets a group’s robot; the secret lives in Script Properties only and is never shown back', () => {
    const token = newToken();
    const first = openDialog()!;
    expect(first.title).toBe('钉钉机器人设置');
    expect(dataOf(first).groups.map((g) => [g.group, g.state])).toEqual([
      ['信访办', '未设置'],
      ['规划建设部', '未设置'],
      ['综合事务部', '未设置'],
      ['经济发展部', '未设置'],
    ]);

    expect(setRobot(GROUP, token, 'sec-not-a-secret').message).toBe(
      '加签密钥应以 SEC 开头，请从机器人安全设置中复制。',
    );
    expect(call('saveDingTalkRobot', { group: GROUP, url: 'http://example.com/x', secret: SECRET }).message).toContain(
      'Webhook 地址应以 https://oapi.dingtalk.com/robot/send?access_token= 开头',
    );
    expect(setRobot('不存在的部', token).message).toContain('「不存在的部」不是信访办，也不在「部室」表中');
    expect(robotProps()).toEqual({});

    const saved = setRobot(GROUP, token);
    expect(saved).toMatchObject({
      ok: true,
      message: `已保存「${GROUP}」的钉钉机器人（…${token.slice(-4)}）。可发送测试消息确认。`,
    });
    expect(saved.groups.find((g) => g.group === GROUP)).toEqual({
      group: GROUP,
      state: `已设置（…${token.slice(-4)}）`,
      set: true,
      known: true,
    });
    expect(robotProps()).toEqual({ [`DINGTALK_${GROUP}`]: JSON.stringify({ url: WEBHOOK + token, secret: SECRET }) });
    expect(sheetText()).not.toContain(token);
    expect(sheetText()).not.toContain(SECRET);
    expect(JSON.stringify(saved)).not.toContain(SECRET);
    expect(JSON.stringify(saved)).not.toContain(token);

    const again = openDialog()!;
    expect(again.html).toContain(`已设置（…${token.slice(-4)}）`);
    expect(again.html).not.toContain(SECRET);
    expect(again.html).not.toContain(token);

    expect(setRobot('信访办', token).message).toContain(`此 Webhook 已用于「${GROUP}」`);
    expect(Object.keys(robotProps())).toEqual([`DINGTALK_${GROUP}`]);

    expect(call('clearDingTalkRobot', { group: GROUP })).toMatchObject({
      ok: true,
      message: `已清除「${GROUP}」的钉钉机器人。`,
    });
    expect(robotProps()).toEqual({});
    expect(sendTest('测试')).toMatchObject({ ok: false, message: expect.stringContaining('尚未设置钉钉机器人') });
    expect(posts()).toEqual([]);
  });

  it('a department liaison is refused the dialog and each of its calls; nothing is stored or sent', () => {
    const user = PEOPLE.liaison.email;
    ok(env);
    expect(openDialog(user)).toBeUndefined();
    expect(lastAlert(env)).toContain('此功能只限「信访办」使用。');
    const token = newToken();
    expect(() => setRobot(GROUP, token, SECRET, user)).toThrow('此功能只限「信访办」使用。');
    setRobot(GROUP, token); // the 信访办 sets it; the liaison may neither test nor clear it
    expect(() => call('testDingTalkRobot', { group: GROUP, text: 'x' }, user)).toThrow('此功能只限「信访办」使用。');
    expect(() => call('clearDingTalkRobot', { group: GROUP }, user)).toThrow('此功能只限「信访办」使用。');
    expect(Object.keys(robotProps())).toEqual([`DINGTALK_${GROUP}`]);
    expect(posts()).toEqual([]);
  });
});

describe('a test message through sendRobotDigests', () => {
  it('is signed with the secret and posted as markdown; the robot verifies both and accepts it', () => {
    const token = newToken();
    setRobot(GROUP, token);
    const text = dataOf(openDialog()!).testText;
    expect(text).toBe('本群的钉钉机器人已接入「信访台账」，期限提醒将发到这里。（测试消息，由 王芳 发送）');
    expect(sendTest(text)).toMatchObject({ ok: true, message: `已向「${GROUP}」发送测试消息，请在钉钉群中查看。` });

    const [req, ...more] = posts();
    expect(more).toEqual([]);
    expect(req).toMatchObject({ method: 'POST', via: 'forward', status: 200 });
    expect(req!.headers['Content-Type']).toMatch(/^application\/json/);
    const url = new URL(req!.url);
    expect(`${url.origin}${url.pathname}?access_token=${url.searchParams.get('access_token')}`).toBe(WEBHOOK + token);
    const ts = Number(url.searchParams.get('timestamp'));
    expect(ts).toBeGreaterThanOrEqual(Date.parse(START));
    expect(ts).toBeLessThanOrEqual(env.clock.nowMs());
    expect(url.searchParams.get('sign')).toBe(createHmac('sha256', SECRET).update(`${ts}\n${SECRET}`).digest('base64'));
    expect(bodies()).toEqual([
      {
        msgtype: 'markdown',
        markdown: { title: '信访台账 · 测试消息', text: `#### 信访台账 · 测试消息\n${text}` },
        at: { atMobiles: [], isAtAll: false },
      },
    ]);
    expect(env.executions().at(-1)).toMatchObject({ functionName: 'testDingTalkRobot', outcome: 'completed' });
  });

  it('@s the sender when 人员 has their mobile (typed with spaces); the robot finds the @mention in the text', () => {
    setRobot(GROUP, newToken());
    env.typeInto('人员', 'F2', '138 0000 0009', { user: OFFICE }); // 王芳's 手机
    expect(sendTest('测试')).toMatchObject({ ok: true });
    expect(bodies().at(-1)).toMatchObject({
      markdown: { text: '#### 信访台账 · 测试消息\n测试\n@13800000009' },
      at: { atMobiles: ['13800000009'], isAtAll: false },
    });
    env.typeInto('人员', 'F2', '1380000', { user: OFFICE });
    expect(sendTest('测试').message).toBe(
      `「${GROUP}」：已发送，但有 1 个手机号不是 11 位手机号，未能 @ 提醒：请核对「人员」表的「手机」列。`,
    );
    expect(bodies().at(-1)).toMatchObject({ at: { atMobiles: [] } });
    expect(posts().map((e) => e.status)).toEqual([200, 200]);
  });

  it('DingTalk refusing it (errcode 310000, a wrong secret) is reported and logged, not thrown', () => {
    const token = newToken();
    setRobot(GROUP, token, 'SEC' + 'f'.repeat(64));
    const r = sendTest('测试');
    expect(r.ok).toBe(false);
    expect(r.message).toBe(
      `「${GROUP}」：消息发送失败：钉钉拒收（310000 sign not match）：请核对加签密钥是否与机器人一致；机器人若另设了关键词或 IP 地址限制，请取消。`,
    );
    const run = env.executions().at(-1)!;
    expect(run).toMatchObject({ functionName: 'testDingTalkRobot', outcome: 'completed' });
    expect(run.logs).toContain(`WARN: 钉钉机器人 ${r.message}`);
    expect(posts().map((e) => e.status)).toEqual([200]);
  });

  it('an unreachable DingTalk is reported without the token, not thrown', () => {
    const token = newToken();
    setRobot(GROUP, token);
    env.http.forward('https://oapi.dingtalk.com', 'http://127.0.0.1:9');
    const r = sendTest('测试');
    expect(r.ok).toBe(false);
    expect(r.message).toBe(
      `「${GROUP}」：消息发送失败：无法连接钉钉（Address unavailable: ${WEBHOOK}…&timestamp=…&sign=…）。`,
    );
    expect(env.executions().at(-1)!.logs.join('\n')).not.toContain(token);
    expect(env.executions().at(-1)).toMatchObject({ outcome: 'completed' });
  });

  it('an HTTP error from DingTalk’s side (502) is reported with its status, not thrown', () => {
    const token = newToken();
    setRobot(GROUP, token);
    env.http.respond(
      (req) => req.url.includes(token),
      () => ({ status: 502, body: 'Bad Gateway' }),
    );
    expect(sendTest('测试')).toMatchObject({
      ok: false,
      message: `「${GROUP}」：消息发送失败：钉钉服务器返回 HTTP 502。`,
    });
    expect(env.executions().at(-1)).toMatchObject({ outcome: 'completed' });
  });

  it('a long text goes as numbered messages split at line boundaries, each accepted', () => {
    setRobot(GROUP, newToken());
    const lines = Array.from(
      { length: 250 },
      (_, i) => `- 2026-${String(i + 1).padStart(3, '0')} 城乡建设 办理期限将至`,
    );
    expect(sendTest(lines.join('\n'))).toMatchObject({ ok: true, message: expect.stringContaining('（分 3 条）') });
    const sent = bodies();
    expect(sent.map((b) => b.markdown.title)).toEqual(['1/3', '2/3', '3/3'].map((n) => `信访台账 · 测试消息（${n}）`));
    for (const b of sent) expect(Buffer.byteLength(b.markdown.text)).toBeLessThanOrEqual(4000);
    expect(sent.flatMap((b) => b.markdown.text.split('\n').slice(1))).toEqual(lines);
    expect(posts().map((e) => e.status)).toEqual([200, 200, 200]);
  });

  it('past 20 messages a minute the rest is deferred, not sent; a minute later it goes', () => {
    setRobot(GROUP, newToken());
    for (let i = 1; i <= 18; i++) expect(sendTest(`第 ${i} 条`)).toMatchObject({ ok: true });
    const long = Array.from({ length: 250 }, (_, i) => `- 2026-${i + 1} 城乡建设 办理期限将至`).join('\n');
    expect(sendTest(long)).toEqual(
      expect.objectContaining({
        ok: false,
        message: `「${GROUP}」：钉钉机器人每分钟最多发送 20 条，已发送 2 条，其余 1 条推迟未发，请一分钟后再发送。`,
      }),
    );
    expect(sendTest('第 21 条').message).toBe(
      `「${GROUP}」：钉钉机器人每分钟最多发送 20 条，1 条消息推迟未发，请一分钟后再发送。`,
    );
    expect(posts()).toHaveLength(20);
    const stamps = posts().map((e) => Number(new URL(e.url).searchParams.get('timestamp')));
    expect(stamps.at(-1)! - stamps[0]!).toBeLessThan(60_000); // all inside one minute: the robot would refuse a 21st
    env.clock.advance(60_000);
    expect(sendTest('第 21 条')).toMatchObject({ ok: true });
    expect(posts().map((e) => e.status)).toEqual(Array(21).fill(200));
  });

  it('a text with a petitioner’s mobile or ID number is refused whole and nothing is posted', () => {
    setRobot(GROUP, newToken());
    expect(sendTest('来电人 13812345678 催办').message).toBe(
      `「${GROUP}」：第 1 行含有疑似手机号：为保护个人信息，本组消息未发送（工作人员的手机号只能以 @ 提醒的方式出现）。`,
    );
    expect(sendTest('今日提醒\n身份证 330602199001011234').message).toContain('第 2 行含有疑似身份证号');
    expect(posts()).toEqual([]);
  });
});
