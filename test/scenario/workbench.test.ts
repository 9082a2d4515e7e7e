// The 部室工作台 (issue 17) through the real bundle, as Apps Script serves a web app executing as the deployer with
// access limited to the domain: a liaison of 规划建设部 sees exactly that department's open cases and performs 接收 and
// 退单; another department's case is refused and logged; a 检举控告 against a department never shows anyone in it the
// petitioner; a visitor not in 人员 is told so; a stale page is refused; every other handler refuses a web-app call.
import type { GasEnvironment } from '../../emulator/index';
import { HANDLERS } from '../../src/handlers';
import { act, caseRow, logOf, ok, PEOPLE, PLATFORM_CASE, register, rowsOf, startOffice, type Who } from './office';

let env: GasEnvironment;
const cases: Record<string, string> = {};
const { liaison, liaisonB, liaison2, handler, office, principal } = PEOPLE;

interface Page {
  view: string;
  title?: string;
  text?: string;
  base?: string;
  mine?: { caseNo: string; node: string; summary: string; row: number }[];
  others?: { caseNo: string; summary: string }[];
  caseNo?: string;
  row?: number;
  version?: string;
  facts?: [string, string][];
  history?: string[];
  actions?: { type: string; caption: string }[];
}

/** What a person's browser receives for the web app with these parameters, and the page's data. */
function visit(user: string, parameter: Record<string, string> = {}): { html: string; data: Page } {
  const r = env.webApp.get({ user, parameter });
  if (r.kind !== 'html') throw new Error(`not a page: ${JSON.stringify(r)}`);
  const m = /var DATA = (\{.*?\});\n/.exec(r.html);
  if (!m) throw new Error('no DATA in the page');
  return { html: r.html, data: JSON.parse(m[1]!) as Page };
}

const actFromPage = (user: string, req: Record<string, unknown>) =>
  env.webApp.run('workbenchAct', [req], { user }) as { ok: boolean; message: string };

/** A platform case taken to 办理中 in `department` (not received). */
function assigned(department: string, fields: Record<string, string> = {}, signer: Who = 'petitionLeader'): string {
  const { caseNo } = register(env, { ...PLATFORM_CASE, ...fields });
  act(env, 'office', caseNo, ['受理交办', '签收']);
  act(env, signer, caseNo, ['受理交办', '交办签批…']);
  act(env, 'office', caseNo, ['受理交办', '交办…'], { department });
  return caseNo;
}

beforeAll(() => {
  env = startOffice('2026-10-12T09:00:00+08:00');
  env.webApp.deploy();
  visit(office.email); // the first request records the /exec URL
  cases.mine = assigned('规划建设部', { petitionerName: '赵一' });
  cases.other = assigned('综合事务部', { petitionerName: '钱二' });
  cases.report = assigned(
    '规划建设部',
    { petitionerName: '孙三', matterType: '检举控告', demand: '举报规划建设部某科长收受好处，孙三可作证。' },
    'principal',
  );
  cases.toReturn = assigned('规划建设部', { petitionerName: '李四' });
  cases.race = assigned('规划建设部', { petitionerName: '周五' });
});

describe('我的待办', () => {
  it('lists exactly the liaison’s department’s open cases, those waiting on them first, with the node', () => {
    const { data } = visit(liaison.email);
    expect(data.view).toBe('queue');
    const mine = data.mine!.map((q) => q.caseNo);
    expect(mine.sort()).toEqual([cases.mine, cases.report, cases.toReturn, cases.race].sort());
    expect(data.mine!.every((q) => q.node === '接收')).toBe(true);
    expect([...mine, ...data.others!.map((q) => q.caseNo)]).not.toContain(cases.other);
    // 综合事务部's liaison sees only theirs.
    expect(visit(liaison2.email).data.mine!.map((q) => q.caseNo)).toEqual([cases.other]);
  });

  it('never names the petitioner of a 检举控告 to the department; the 信访办 sees it in the sheet, masked here', () => {
    const { html, data } = visit(liaison.email);
    expect(data.mine!.find((q) => q.caseNo === cases.report)!.summary).toContain('信访人：匿名保护');
    expect(html).not.toContain('孙三');
    expect(html).not.toContain('孙*');
  });

  it('a visitor not in 人员 sees only 未登记，请联系信访办', () => {
    const { html, data } = visit(`stranger@${liaison.email.split('@')[1]}`);
    expect(data).toEqual({ view: 'message', title: '未登记', text: '未登记，请联系信访办。' });
    expect(html).not.toContain(cases.mine!);
  });

  it('a visitor outside the domain is refused by Google before the script runs', () => {
    const before = env.executions().length;
    expect(env.webApp.get({ user: 'someone@gmail.com' }).kind).toBe('refused');
    expect(env.executions().length).toBe(before);
  });
});

describe('the case page and its actions', () => {
  it('接收 from the page: the ledger and the log show it', () => {
    const { data } = visit(liaison.email, { case: cases.mine! });
    expect(data.view).toBe('case');
    expect(data.actions!.map((a) => a.caption)).toEqual(['接收', '退单']);
    const r = actFromPage(liaison.email, {
      caseNo: cases.mine,
      action: 'receive',
      version: data.version,
      row: data.row,
    });
    expect(r).toMatchObject({ ok: true });
    expect(caseRow(env, cases.mine!)).toMatchObject({ 状态: '办理中', 接收人: '李明' });
    expect(logOf(env, cases.mine!).pop()).toMatchObject({ 动作: '接收', 操作人: `李明 <${liaison.email}>` });
    // The queue follows: the case now waits on the department's opinion (办理), no longer on 接收.
    expect(visit(liaison.email).data.mine!.find((q) => q.caseNo === cases.mine)!.node).toBe('办理');
  });

  it('退单 with its reason', () => {
    const { data } = visit(liaison.email, { case: cases.toReturn! });
    const r = actFromPage(liaison.email, {
      caseNo: cases.toReturn,
      action: 'returnCase',
      fields: { returnReason: '不属于本部室职责' },
      version: data.version,
      row: data.row,
    });
    expect(r).toMatchObject({ ok: true });
    expect(caseRow(env, cases.toReturn!)).toMatchObject({ 状态: '已退单', 退单原因: '不属于本部室职责' });
  });

  it('a stale page is refused: liaison B received the case after A’s page was shown', () => {
    const seenByA = visit(liaison.email, { case: cases.race! }).data;
    const seenByB = visit(liaisonB.email, { case: cases.race! }).data;
    expect(
      actFromPage(liaisonB.email, { caseNo: cases.race, action: 'receive', version: seenByB.version }),
    ).toMatchObject({
      ok: true,
    });
    const log = logOf(env, cases.race!).length;
    expect(actFromPage(liaison.email, { caseNo: cases.race, action: 'receive', version: seenByA.version })).toEqual({
      ok: false,
      message: '该件已被他人办理，请刷新',
    });
    expect(logOf(env, cases.race!)).toHaveLength(log);
    expect(caseRow(env, cases.race!)['接收人']).toBe('陈晨');
  });

  it('a page or a call naming another department’s case is refused and logged, and shows nothing of it', () => {
    const { html, data } = visit(liaison.email, { case: cases.other! });
    expect(data).toMatchObject({ view: 'message', text: `${cases.other} 不是您所在部室的信访件，不能查看。` });
    expect(html).not.toContain('钱二');
    expect(() => actFromPage(liaison.email, { caseNo: cases.other, action: 'receive', version: '' })).toThrow(
      `${cases.other} 不是您所在部室的信访件，不能办理。`,
    );
    expect(caseRow(env, cases.other!)['接收人']).toBe('');
    const refusals = rowsOf(env, '流转记录').filter((l) => l['动作'] === '拒绝访问' && l['编号'] === cases.other);
    expect(refusals).toHaveLength(2);
    expect(String(refusals[0]!['说明'])).toContain('李明');
  });

  it('a 检举控告: 匿名保护 for the liaison and the assigned handler alike, the full name for the 信访办 and the leaders', () => {
    const forLiaison = visit(liaison.email, { case: cases.report! });
    expect(forLiaison.data.facts).toContainEqual(['信访人', '匿名保护']);
    expect(forLiaison.html).not.toContain('孙三');
    // Receive it, then the handler writes the opinion as its 承办人.
    actFromPage(liaison.email, { caseNo: cases.report, action: 'receive', version: forLiaison.data.version });
    const forHandler = visit(handler.email, { case: cases.report! });
    expect(forHandler.data.actions!.map((a) => a.caption)).toEqual(['填写办理意见', '申请延期']);
    actFromPage(handler.email, {
      caseNo: cases.report,
      action: 'submit',
      fields: { handler: '周杰', opinion: '已核查，未发现收受好处情形。' },
      version: forHandler.data.version,
    });
    const after = visit(handler.email, { case: cases.report! });
    expect(after.data.facts).toContainEqual(['信访人', '匿名保护']);
    expect(after.html).not.toContain('孙三');
    expect(after.html).not.toContain('13812345678');
    expect(visit(principal.email, { case: cases.report! }).data.facts).toContainEqual(['信访人', '孙三　13812345678']);
  });

  it('the assigned handler of another case sees the petitioner’s phone; the liaison sees it masked', () => {
    const seen = visit(handler.email, { case: cases.mine! }).data;
    actFromPage(handler.email, {
      caseNo: cases.mine,
      action: 'submit',
      fields: { handler: '周杰', opinion: '已约谈施工单位，夜间停工。' },
      version: seen.version,
    });
    expect(visit(handler.email, { case: cases.mine! }).data.facts).toContainEqual(['信访人', '赵一　13812345678']);
    expect(visit(liaison.email, { case: cases.mine! }).data.facts).toContainEqual(['信访人', '赵*　138****5678']);
  });
});

describe('leaders from the web app', () => {
  it('the 事项分管领导 reviews (agrees) and the 信访工作分管领导 signs the closure, each from their page', () => {
    // cases.mine has the handler's opinion (above): it waits on the 事项分管领导's review.
    const { lineLeader, petitionLeader } = PEOPLE;
    const q = visit(lineLeader.email).data.mine!.map((x) => x.caseNo);
    expect(q).toContain(cases.mine);
    const seen = visit(lineLeader.email, { case: cases.mine! }).data;
    expect(seen.actions!.map((a) => a.caption)).toEqual(['事项分管领导审核', '退回重办']);
    expect(
      actFromPage(lineLeader.email, {
        caseNo: cases.mine,
        action: 'itemReview',
        fields: { itemReviewOpinion: '同意' },
        version: seen.version,
      }),
    ).toMatchObject({ ok: true });
    const review = visit(petitionLeader.email, { case: cases.mine! }).data;
    actFromPage(petitionLeader.email, {
      caseNo: cases.mine,
      action: 'petitionReview',
      fields: { petitionReviewOpinion: '同意' },
      version: review.version,
    });
    const close = visit(petitionLeader.email, { case: cases.mine! }).data;
    expect(close.actions!.map((a) => a.caption)).toEqual(['办结签批']);
    actFromPage(petitionLeader.email, {
      caseNo: cases.mine,
      action: 'approveClose',
      fields: { closeSignOpinion: '同意办结' },
      version: close.version,
    });
    expect(caseRow(env, cases.mine!)).toMatchObject({ 状态: '已办结', 办结签批人: '钱伟' });
    expect(
      logOf(env, cases.mine!)
        .map((l) => l['动作'])
        .slice(-3),
    ).toEqual(['事项分管领导审核', '信访分管领导审核', '办结签批']);
  });
});

describe('the index behind 我的待办', () => {
  it('is rewritten by the daily refresh when a save could not keep it (here: cleared by hand)', () => {
    const index = env.globals.SpreadsheetApp.getActive().getSheetByName('工作台索引')!;
    expect(index.isSheetHidden()).toBe(true);
    const before = visit(liaison.email).data.mine!.map((q) => q.caseNo);
    index.getRange(2, 1, index.getLastRow() - 1, index.getLastColumn()).clearContent();
    expect(visit(liaison.email).data.mine).toEqual([]);
    env.clock.set('2026-10-13T07:00:00+08:00');
    env.runDueTriggers();
    expect(
      visit(liaison.email)
        .data.mine!.map((q) => q.caseNo)
        .sort(),
    ).toEqual(before.sort());
  });
});

describe('every handler checks its caller', () => {
  it('every handler of the table called from the web app as a liaison refuses, but the web app’s own', () => {
    for (const name of Object.keys(HANDLERS)) {
      if (name === 'doGet' || name === 'workbenchAct') continue;
      const before = rowsOf(env, '台账');
      let refusal = '';
      try {
        env.webApp.run(name, [], { user: liaison.email });
      } catch (e) {
        refusal = String((e as Error).message);
      }
      expect([name, refusal]).toEqual([
        name,
        expect.stringMatching(/不能从部室工作台或其他网页调用|只由本台账已安装的触发器运行/),
      ]);
      expect(rowsOf(env, '台账')).toEqual(before);
    }
  });

  it('workbenchAct refuses an action the web app does not offer (交办), before reading the case', () => {
    expect(() =>
      actFromPage(liaison.email, {
        caseNo: cases.other,
        action: 'assign',
        fields: { department: '规划建设部' },
        version: '',
      }),
    ).toThrow('部室工作台不办理「交办」，请联系信访办。');
  });
});

describe('links to the workbench', () => {
  it('the /exec URL is recorded from a request there; notices to department people link to the case page', () => {
    const url = env.webApp.url()!;
    expect(url).toMatch(/\/exec$/);
    const from = env.outbox.length;
    assigned('规划建设部', { petitionerName: '吴六' });
    const toLiaison = env.outbox.slice(from).find((m) => m.to.includes(liaison.email))!;
    expect(toLiaison.body).toMatch(new RegExp(`在部室工作台打开：${url.replace(/[.?]/g, '\\$&')}\\?case=`));
    env.open({ user: office.email });
    ok(env);
    env.clickMenu('信访台账', '复制工作台链接', { user: office.email });
    expect(env.ui.alerts[env.ui.alerts.length - 1]!.message).toContain(url);
  });
});

describe('on a consumer account', () => {
  it('the web app is not offered: Google serves a DOMAIN web app to nobody outside a Workspace domain', () => {
    const consumer = startOffice('2026-10-12T09:00:00+08:00', { accountType: 'consumer' });
    consumer.webApp.deploy();
    expect(consumer.webApp.get({ user: liaison.email }).kind).toBe('refused');
  });
});
