// The 月度分析 tab through the real bundle (issue 16): October 2026 lived day by day — a platform case received in
// September and closed by its 系统回复 in October, a return, a forward, a case rated 不满意 and sent to verification,
// one left past its deadline, one extended and closed inside the extension, one typed straight into 台账 with its
// date as text — then the clock at 2026-11-01 09:30 and the due triggers run, as Apps Script runs them.
import type { GasEnvironment } from '../../emulator/index';
import { formatDateTime } from '../../src/core/dates';
import { act, caseRow, lastAlert, ok, PEOPLE, PLATFORM_CASE, register, rowsOf, startOffice, type Who } from './office';

let env: GasEnvironment;
const cases: Record<string, string> = {};
/** Every petitioner's name, phone and ID number the cases carry: none may appear in the tab. */
const personal: string[] = [];

function at(datetime: string): void {
  env.clock.set(`${datetime}:00+08:00`);
  env.runDueTriggers();
}

function done(who: Who, caseNo: string, path: [string, string], fields?: Record<string, string>): void {
  const r = act(env, who, caseNo, path, fields);
  if (r) expect([path[1], r]).toMatchObject([path[1], { ok: true }]);
}

/** A platform case registered, signed for, approved, assigned to 规划建设部 and received. */
function assigned(n: number, fields: Record<string, string>, receive = true): string {
  const name = `测试人${'甲乙丙丁戊己庚辛'[n]}`;
  const phone = `1390000000${n}`;
  const idNumber = ['110105194912310021', '110105194912310048', '11010519491231002X'][n % 3]!;
  personal.push(name, phone, idNumber);
  const r = register(env, { ...PLATFORM_CASE, petitionerName: name, phone, idNumber, ...fields });
  expect(r).toMatchObject({ ok: true });
  done('office', r.caseNo, ['受理交办', '签收']);
  done('petitionLeader', r.caseNo, ['受理交办', '交办签批…']);
  done('office', r.caseNo, ['受理交办', '交办…'], { department: '规划建设部' });
  if (receive) done('liaison', r.caseNo, ['受理交办', '接收']);
  return r.caseNo;
}

/** From 办理中 to 待回访: the opinion, both reviews, 办结签批, and the platform's 系统回复. */
function close(caseNo: string): void {
  done('handler', caseNo, ['办理审核', '填写办理意见…'], { handler: '周杰', opinion: '已约谈施工单位，夜间停工。' });
  done('lineLeader', caseNo, ['办理审核', '事项分管领导审核…'], { itemReviewOpinion: '同意' });
  done('petitionLeader', caseNo, ['办理审核', '信访分管领导审核…'], { petitionReviewOpinion: '同意' });
  done('petitionLeader', caseNo, ['办结回访', '办结签批…'], { closeSignOpinion: '同意办结' });
  done('office', caseNo, ['办结回访', '系统回复']);
}

const ss = () => env.globals.SpreadsheetApp.getActive();
const tab = () => ss().getSheetByName('月度分析 2026-10');
const tabText = (): string[] => {
  const sheet = tab()!;
  return sheet.getRange(1, 1, sheet.getMaxRows(), sheet.getMaxColumns()).getDisplayValues().flat().filter(Boolean);
};
/** The headline row of a figure: 指标, 本月, 上月, 去年同月 as displayed. */
const figure = (label: string): string[] => {
  const sheet = tab()!;
  const rows = sheet.getRange(1, 1, sheet.getMaxRows(), 4).getDisplayValues();
  const row = rows.find((r) => r[0] === label);
  if (!row) throw new Error(`no row ${label}`);
  return row;
};

beforeAll(() => {
  env = startOffice('2026-09-21T09:00:00+08:00');
  // September: a platform case (deadline 10-20) received on 09-22, closed by its 系统回复 on 10-13.
  at('2026-09-22T10:00');
  cases.september = assigned(0, { petitionDate: '2026-09-22', dueDate: '2026-10-20' });

  at('2026-10-09T10:00');
  cases.returned = assigned(1, { petitionDate: '2026-10-09', dueDate: '2026-11-09' }, false);
  done('liaison', cases.returned, ['受理交办', '退单…'], { returnReason: '不属于本部室职责' });
  cases.forwarded = assigned(2, { petitionDate: '2026-10-09', dueDate: '2026-11-09' }, false);
  done('office', cases.forwarded, ['受理交办', '转送…'], {
    forwardedTo: '越城区住建局',
    forwardReason: '不在开发区范围',
  });

  at('2026-10-12T10:00');
  cases.dissatisfied = assigned(3, { petitionDate: '2026-10-12', dueDate: '2026-10-20' });
  cases.overdue = assigned(4, { petitionDate: '2026-10-12', dueDate: '2026-10-16', matterType: '求助' });
  cases.extended = assigned(5, { petitionDate: '2026-10-12', dueDate: '2026-10-20' });

  at('2026-10-13T15:00');
  close(cases.september);
  at('2026-10-14T15:00');
  close(cases.dissatisfied);
  done('liaison', cases.extended, ['办理审核', '申请延期…'], { extRequestDays: '10', extReason: '需第三方检测' });
  done('petitionLeader', cases.extended, ['办理审核', '批准延期…']);
  at('2026-10-15T10:00');
  done('office', cases.dissatisfied, ['办结回访', '回访…'], { satisfaction: '不满意', callbackMethod: '电话' });
  done('office', cases.dissatisfied, ['不满意核实', '核实交办…'], { verifyRequirement: '核实夜间施工是否仍在继续' });

  // The 信访办 types a case straight into 台账, its date as text.
  at('2026-10-16T11:00');
  const ledger = ss().getSheetByName('台账')!;
  const next = ledger.getLastRow() + 1;
  personal.push('测试人壬');
  const header = ledger.getRange(1, 1, 1, ledger.getLastColumn()).getValues()[0]!.map(String);
  const col = (label: string) => String.fromCharCode(65 + header.indexOf(label));
  env.typeInto('台账', `${col('信访人姓名')}${next}`, '测试人壬', { user: PEOPLE.office.email });
  env.typeInto('台账', `${col('信访日期')}${next}`, '2026年10月16日', { user: PEOPLE.office.email });
  env.typeInto('台账', `${col('事项类型')}${next}`, '咨询', { user: PEOPLE.office.email });
  env.typeInto('台账', `${col('信访诉求')}${next}`, '咨询拆迁补偿标准', { user: PEOPLE.office.email });
  cases.typed = String(rowsOf(env, '台账').find((r) => r['信访人姓名'] === '测试人壬')?.['编号'] ?? '');

  at('2026-10-29T15:00');
  close(cases.extended);
  at('2026-10-30T17:00');
  // The morning of the 1st: every trigger due by 09:30 runs, the monthly analysis among them.
  at('2026-11-01T09:30');
});

describe('the monthly analysis, built on the 1st', () => {
  test('the trigger ran after 08:00 on the 1st and built 月度分析 2026-10', () => {
    // One run a month: on 10-01 for September, on 11-01 (08:xx) for October.
    const runs = env.executions().filter((e) => e.functionName === 'buildMonthlyAnalysis');
    expect(runs.map((r) => [formatDateTime(r.start).slice(0, 13), r.outcome])).toEqual([
      ['2026-10-01 08', 'completed'],
      ['2026-11-01 08', 'completed'],
    ]);
    expect(tab()).not.toBeNull();
    expect(tabText()[0]).toBe('2026年10月信访工作月度分析');
    expect(cases.typed).toMatch(/^镜访〔2026〕\d+号$/);
  });

  test('the headline figures: 本月, 上月 and 去年同月', () => {
    // Received in October: the returned, forwarded, dissatisfied, overdue, extended and typed cases.
    expect(figure('本月受理')).toEqual(['本月受理', '6', '1', '0']);
    // Closed in October: the September case (系统回复 10-13), the dissatisfied one (10-14), the extended one (10-29).
    expect(figure('本月办结')).toEqual(['本月办结', '3', '0', '0']);
    expect(figure('本月退单')[1]).toBe('1');
    expect(figure('本月转送')[1]).toBe('1');
    // Open at the end of October: the overdue case and the typed one (the returned one waits, not 在办).
    expect(figure('月末在办')).toEqual(['月末在办', '2', '1', '0']);
    expect(figure('按期办结率')[1]).toBe('100.0%');
    expect(figure('超期件数')[1]).toBe('1'); // due 10-16, never closed
    // 回访 due in October: the September case (10-13 + 3 日) and the dissatisfied one; only the latter called back.
    expect(figure('回访率')[1]).toBe('50.0%');
    expect(figure('满意率')[1]).toBe('0.0%');
    expect(figure('不满意件数')[1]).toBe('1');
  });

  test('the 考核 table, the lists, the trend and the 研判', () => {
    const text = tabText();
    expect(text).toEqual(expect.arrayContaining(['三、部室考核', '规划建设部', '五、超期件清单', cases.overdue]));
    expect(text).toContain(cases.dissatisfied);
    expect(text.join('\n')).toContain('本月受理信访件6件，办结3件，退单1件，转送1件，月末在办2件。');
    expect(text.join('\n')).toContain('超期件1件，涉及规划建设部1件。');
    expect(text.join('\n')).toMatch(/1件不满意件正在核实（核实\S*1件）/);
    expect(text).toEqual(expect.arrayContaining(['2025-11', '2026-10']));
  });

  test('three charts built by script: the trend (line), the categories and the departments’ on-time rates (bar)', () => {
    const charts = tab()!.getCharts();
    expect(charts.map((c) => c.getOptions().get('title'))).toEqual([
      '近12个月受理与办结',
      '本月受理件按事项类型',
      '各部室按期办结率',
    ]);
    expect(charts.map((c) => String(c.modify().getChartType()))).toEqual(['LINE', 'BAR', 'BAR']);
    expect(charts[0]!.getRanges()[0]!.getValues()[0]).toEqual(['月份', '受理', '办结']);
  });

  test('the leaders received the link to the tab; no petitioner is named, no ID or phone shown', () => {
    const mails = env.outbox.filter((m) => m.subject === '【信访】2026年10月信访工作月度分析');
    expect(mails).toHaveLength(1);
    expect(mails[0]!.to.sort()).toEqual([PEOPLE.principal.email, PEOPLE.petitionLeader.email].sort());
    expect(mails[0]!.body).toContain(`${ss().getUrl()}#gid=${tab()!.getSheetId()}`);
    const all = tabText().join('\n') + mails[0]!.body + mails[0]!.htmlBody;
    for (const p of personal) expect(all).not.toContain(p);
    expect(all).toContain('测**'); // the lists show masked names
  });

  test('the tab is trimmed to the cells it uses, and the month’s figures are kept in 月度汇总', () => {
    const sheet = tab()!;
    expect(sheet.getMaxColumns()).toBe(8);
    expect(sheet.getMaxRows()).toBe(sheet.getLastRow() > 0 ? sheet.getMaxRows() : -1);
    expect(sheet.getRange(sheet.getMaxRows(), 1).getValue()).not.toBe('');
    const summary = rowsOf(env, '月度汇总');
    expect(summary.find((r) => r['月份'] === '2026-10')).toMatchObject({ 本月受理: 6, 本月办结: 3, 月末在办: 2 });
    expect(summary.find((r) => r['月份'] === '2026-09')).toMatchObject({ 本月受理: 1, 本月办结: 0 });
  });
});

describe('生成月度分析… from the menu', () => {
  test('rebuilding October rewrites the tab in place (same sheet, same link) and touches nothing else', () => {
    const id = tab()!.getSheetId();
    const ledger = rowsOf(env, '台账');
    const log = rowsOf(env, '流转记录');
    const sheets = ss()
      .getSheets()
      .map((s) => s.getName());
    const mails = env.outbox.length;
    env.open({ user: PEOPLE.office.email });
    env.answerNextDialog({ button: 'OK', text: '2026-10' });
    ok(env);
    env.clickMenu('信访台账', '生成月度分析…', { user: PEOPLE.office.email });
    expect(lastAlert(env)).toContain('已生成「月度分析 2026-10」：本月受理 6 件，办结 3 件，月末在办 2 件。');
    expect(tab()!.getSheetId()).toBe(id);
    expect(tab()!.getCharts()).toHaveLength(3);
    expect(rowsOf(env, '台账')).toEqual(ledger);
    expect(rowsOf(env, '流转记录')).toEqual(log);
    expect(
      ss()
        .getSheets()
        .map((s) => s.getName()),
    ).toEqual(sheets);
    expect(env.outbox.length).toBe(mails); // a rebuild from the menu mails no one
  });

  test('any month on demand: September from its own window, the month not yet over with what it has', () => {
    env.open({ user: PEOPLE.office.email });
    env.answerNextDialog({ button: 'OK', text: '2026年9月' });
    ok(env);
    env.clickMenu('信访台账', '生成月度分析…', { user: PEOPLE.office.email });
    expect(ss().getSheetByName('月度分析 2026-09')).not.toBeNull();
    expect(lastAlert(env)).toContain('本月受理 1 件');
  });

  test('a malformed or future month is refused with a message; a liaison may not build the analysis', () => {
    env.open({ user: PEOPLE.office.email });
    env.answerNextDialog({ button: 'OK', text: '十月' });
    ok(env);
    env.clickMenu('信访台账', '生成月度分析…', { user: PEOPLE.office.email });
    expect(lastAlert(env)).toContain('「十月」不是月份，请按 2026-10 的格式输入。');
    env.answerNextDialog({ button: 'OK', text: '2027-01' });
    ok(env);
    env.clickMenu('信访台账', '生成月度分析…', { user: PEOPLE.office.email });
    expect(lastAlert(env)).toContain('2027-01 尚未开始');
    env.open({ user: PEOPLE.liaison.email });
    ok(env);
    env.clickMenu('信访台账', '生成月度分析…', { user: PEOPLE.liaison.email });
    expect(lastAlert(env)).toContain('此功能只限「信访办」「主职领导」「信访工作分管领导」使用。');
    expect(caseRow(env, cases.overdue)['状态']).toBe('办理中');
  });
});
