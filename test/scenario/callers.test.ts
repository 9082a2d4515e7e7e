// Every handler checks who is calling and from where (decision 11): each handler of the table called by name as
// the 信访办's owner, a department liaison and a stranger, from a spreadsheet dialog and from a web app page —
// what is refused, what data comes back, and that nothing in the spreadsheet or the outbox changes.
import type { GasEnvironment } from '../../emulator/index';
import { ROBOT_URL_PREFIX } from '../../src/core/dingtalk';
import { HANDLERS, type HandlerName } from '../../src/handlers';
import { ok, PEOPLE, PLATFORM_CASE, register, startOffice } from './office';

const STRANGER = 'stranger@jinghu.gov.cn';
const CALLERS = { owner: PEOPLE.office.email, liaison: PEOPLE.liaison.email, stranger: STRANGER } as const;
type Caller = keyof typeof CALLERS;
type Channel = 'dialog' | 'webApp';

/** The arguments each handler is called with; `satisfies` makes a new handler without an entry fail to compile. */
function argsFor(cases: { own: string; other: string }): Record<HandlerName, unknown[]> {
  const none: unknown[] = [];
  return {
    ...(Object.fromEntries(Object.keys(HANDLERS).map((n) => [n, none])) as Record<HandlerName, unknown[]>),
    onLedgerEdit: [{ triggerUid: '424242', authMode: 'FULL' }],
    dailyRefresh: [{ triggerUid: '424242', authMode: 'FULL' }],
    submitAction: [{ action: 'approveClose', caseIds: [cases.own], fields: { closeSignOpinion: '同意办结' } }],
    submitNewCase: [{ ...PLATFORM_CASE, petitionerName: '冒名' }],
    checkRepeat: [{ idNumber: PLATFORM_CASE.idNumber }],
    findCases: ['张'],
    jumpToCase: [cases.other],
    saveDingTalkRobot: [
      { group: '规划建设部', url: `${ROBOT_URL_PREFIX}${'ab'.repeat(32)}`, secret: `SEC${'cd'.repeat(32)}` },
    ],
    clearDingTalkRobot: [{ group: '规划建设部' }],
    testDingTalkRobot: [{ group: '规划建设部', text: '测试' }],
    // The web app's own: an action the page never offers, refused before anything is read.
    workbenchAct: [{ caseNo: cases.other, action: 'assign', fields: { department: '规划建设部' }, version: '' }],
  } satisfies Record<HandlerName, unknown[]>;
}

/** An office with two cases: one of the liaison's department (规划建设部), one of another (综合事务部). */
function office(): { env: GasEnvironment; own: string; other: string } {
  const env = startOffice();
  const own = register(env, { ...PLATFORM_CASE, department: '规划建设部' }).caseNo;
  const other = register(env, { ...PLATFORM_CASE, petitionerName: '张四', department: '综合事务部' }).caseNo;
  // The deployment the 部室工作台 issue adds: executing as the owner, for the office's domain.
  env.core.manifest!.webapp = { executeAs: 'USER_DEPLOYING', access: 'DOMAIN' };
  return { env, own, other };
}

/** What the caller gets: the value, the alert the handler showed, or the error their page's failure handler gets. */
function attempt(env: GasEnvironment, name: HandlerName, args: unknown[], user: string, channel: Channel): string {
  const before = env.ui.alerts.length;
  env.answerNextDialog({ button: 'CLOSE' }); // answers any alert (a leftover answer does no harm)
  try {
    const r = channel === 'webApp' ? env.callFromWebApp(name, args, { user }) : env.submitDialog(name, args, { user });
    const shown = env.ui.alerts.slice(before).map((a) => a.message ?? '');
    return shown.length ? `alert: ${shown.join(' / ')}` : `ok: ${JSON.stringify(r ?? null)}`;
  } catch (e) {
    return `threw: ${(e as Error).message}`;
  }
}

/**
 * Everything a call could change: every sheet's values, the triggers, the mails and the script properties (but the
 * web app's own /exec URL, which any request to it records).
 */
function state(env: GasEnvironment): string {
  const ss = env.globals.SpreadsheetApp.getActive();
  const { WORKBENCH_URL: _url, ...props } = env.globals.PropertiesService.getScriptProperties().getProperties();
  return JSON.stringify({
    sheets: ss.getSheets().map((s) => [s.getName(), s.getDataRange().getValues()]),
    triggers: env.triggers().map((t) => [t.uid, t.owner, t.handler]),
    mails: env.outbox.length,
    props,
  });
}

/** The web app's own handlers: doGet serves a page to anyone the platform lets in; workbenchAct checks each call. */
const WEB_APP_OWN: readonly HandlerName[] = ['doGet', 'workbenchAct'];

const NAMES = Object.keys(HANDLERS) as HandlerName[];

describe('a call from a web app page (the visitor is not the account the code runs as; no container)', () => {
  it.each(Object.keys(CALLERS) as Caller[])('every handler refuses the %s and nothing changes', (who) => {
    const { env, own, other } = office();
    const args = argsFor({ own, other });
    const before = state(env);
    const outcomes = Object.fromEntries(NAMES.map((n) => [n, attempt(env, n, args[n], CALLERS[who], 'webApp')]));
    const others = NAMES.filter((n) => !WEB_APP_OWN.includes(n));
    for (const n of others) expect([n, outcomes[n]]).toEqual([n, expect.stringMatching(/^threw: /)]);
    for (const n of others.filter((x) => HANDLERS[x].kind === 'menu' || HANDLERS[x].kind === 'dialog'))
      expect([n, outcomes[n]]).toEqual([n, expect.stringContaining('不能从部室工作台或其他网页调用')]);
    // The web app's own: doGet called by name from a page hands back nothing (an HtmlOutput never crosses
    // google.script.run: the success handler would get null, which the runtime reports); the action is refused,
    // for the stranger as not in 人员.
    expect(outcomes.doGet).toContain('doGet returned an illegal value');
    expect(outcomes.workbenchAct).toBe(
      who === 'stranger'
        ? `threw: ${STRANGER} 未在「人员」表登记，不能办理。请信访办在「人员」表中添加您的姓名、邮箱和角色。`
        : 'threw: 部室工作台不办理「交办」，请联系信访办。',
    );
    expect(outcomes.onLedgerEdit).toContain('此功能只由本台账已安装的触发器运行');
    expect(state(env)).toBe(before);
  });
});

describe('a call by name from a spreadsheet dialog (google.script.run)', () => {
  it('a stranger (not in 人员) is refused by every handler that touches data, and nothing changes', () => {
    const { env, own, other } = office();
    const args = argsFor({ own, other });
    env.open({ user: STRANGER });
    const before = state(env);
    for (const n of NAMES) {
      const out = attempt(env, n, args[n], STRANGER, 'dialog');
      if (n === 'onOpen')
        expect(out).toBe('ok: null'); // builds the stranger's menu: no data
      else if (n === 'showHelp')
        expect(out).toBe('ok: null'); // the help page: no case data
      else if (HANDLERS[n].kind === 'installableTrigger' || HANDLERS[n].kind === 'timeTrigger')
        expect([n, out]).toEqual([n, expect.stringContaining('此功能只由本台账已安装的触发器运行')]);
      else if (n === 'menuSetup') expect(out).toContain('「初始化/修复」只限「人员」表中的「信访办」人员运行。');
      else if (n === 'doGet')
        expect(out).toContain('doGet returned an illegal value'); // a page: null to the caller
      else expect([n, out]).toEqual([n, expect.stringContaining(`${STRANGER} 未在「人员」表登记`)]);
    }
    expect(state(env)).toBe(before);
  });

  it('a liaison finds only their department’s cases and is refused the 信访办’s handlers; nothing changes', () => {
    const { env, own, other } = office();
    const args = argsFor({ own, other });
    const user = PEOPLE.liaison.email;
    env.open({ user });
    const before = state(env);
    const found = JSON.parse(attempt(env, 'findCases', ['张'], user, 'dialog').replace(/^ok: /, '')) as {
      caseNo: string;
    }[];
    expect(found.map((f) => f.caseNo)).toEqual([own]);
    expect(attempt(env, 'jumpToCase', [other], user, 'dialog')).toContain(`${other} 不是您所在部室的信访件`);
    expect(attempt(env, 'jumpToCase', [own], user, 'dialog')).toBe('ok: true');
    for (const n of ['checkRepeat', 'submitNewCase', 'menuNewCase'] as const)
      expect([n, attempt(env, n, args[n], user, 'dialog')]).toEqual([
        n,
        expect.stringMatching(/只限「信访办」|须由「信访办」/),
      ]);
    expect(attempt(env, 'menuTakeOverTriggers', [], user, 'dialog')).toContain('此功能只限「信访办」使用。');
    for (const n of ['menuDingTalk', 'saveDingTalkRobot', 'clearDingTalkRobot', 'testDingTalkRobot'] as const)
      expect([n, attempt(env, n, args[n], user, 'dialog')]).toEqual([n, expect.stringContaining('只限「信访办」使用')]);
    expect(attempt(env, 'menuSetup', [], user, 'dialog')).toContain('只限「人员」表中的「信访办」');
    expect(attempt(env, 'submitAction', args.submitAction, user, 'dialog')).toMatch(/不能|只能|角色/);
    for (const n of ['onLedgerEdit', 'dailyRefresh'] as const)
      expect(attempt(env, n, args[n], user, 'dialog')).toContain('此功能只由本台账已安装的触发器运行');
    // The selection is the liaison's own case; everything else read or written stays as it was.
    const after = JSON.parse(state(env)) as Record<string, unknown>;
    expect({ ...after, sheets: null }).toEqual({ ...(JSON.parse(before) as object), sheets: null });
    expect(after.sheets).toEqual((JSON.parse(before) as Record<string, unknown>).sheets);
  });

  it('the 信访办 finds every case and gets the repeat hint; trigger handlers still refuse a call by name', () => {
    const { env, own, other } = office();
    const user = PEOPLE.office.email;
    env.open({ user });
    const found = JSON.parse(attempt(env, 'findCases', ['张'], user, 'dialog').replace(/^ok: /, '')) as {
      caseNo: string;
      hint: string;
    }[];
    expect(found.map((f) => f.caseNo).sort()).toEqual([own, other].sort());
    expect(found.every((f) => !f.hint.includes(PLATFORM_CASE.idNumber))).toBe(true);
    expect(attempt(env, 'checkRepeat', [{ idNumber: PLATFORM_CASE.idNumber }], user, 'dialog')).toContain(own);
    expect(attempt(env, 'jumpToCase', [other], user, 'dialog')).toBe('ok: true');
    const before = state(env);
    expect(attempt(env, 'onLedgerEdit', [{ triggerUid: '424242' }], user, 'dialog')).toContain(
      '此功能只由本台账已安装的触发器运行',
    );
    expect(attempt(env, 'dailyRefresh', [], user, 'dialog')).toContain('此功能只由本台账已安装的触发器运行');
    expect(state(env)).toBe(before);
  });
});

describe('the recorded triggers', () => {
  it('run for their owner: a typed edit is still judged and logged', () => {
    const { env, own } = office();
    ok(env);
    const rows = env.globals.SpreadsheetApp.getActive().getSheetByName('流转记录')!.getLastRow();
    env.typeInto('台账', 'A1', '编号', { user: PEOPLE.office.email }); // the header: nothing to judge
    expect(env.executions().at(-1)).toMatchObject({ functionName: 'onLedgerEdit', outcome: 'completed' });
    expect(env.globals.SpreadsheetApp.getActive().getSheetByName('流转记录')!.getLastRow()).toBe(rows);
    expect(own).toBeTruthy();
  });
});
