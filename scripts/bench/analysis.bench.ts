// The monthly analysis on large ledgers (issue 16): 10,000 and 50,000 cases received over five years, a twentieth
// open, five 流转记录 lines each. Prints the cost of building October 2026's tab on 11-01 by the trigger with the
// 月度汇总 holding every earlier month (the steady state: reads should not grow with the years behind the month), and
// of the first build of a ledger whose summary is empty (once: it counts the 12 months of the trend and 去年同月).
import type { GasEnvironment } from '../../emulator/index';
import { header, office } from './ledger.bench';

const DEPARTMENTS = Array.from({ length: 12 }, (_, i) => `第${i + 1}部`);
const DAY = 86_400_000;
const START = new Date('2021-11-01T00:00:00+08:00').getTime();
const END = new Date('2026-10-31T00:00:00+08:00').getTime();

function people(env: GasEnvironment): void {
  env.typeInto('人员', 'A3', [
    ['钱伟', 'qianwei@jinghu.gov.cn', '信访工作分管领导', '', '', ''],
    ['赵强', 'zhaoqiang@jinghu.gov.cn', '主职领导', '', '', ''],
  ]);
  env.typeInto(
    '部室',
    'A2',
    DEPARTMENTS.map((d) => [d]),
  );
}

/** Midnight in Shanghai of a day index since START. */
const day = (t: number): Date => new Date(START + Math.floor((t - START) / DAY) * DAY);

/**
 * n cases received evenly from 2021-11 to 2026-10 (row order = registration order); the last twentieth still open,
 * the rest closed 20 days after receipt, called back, archived. Five log lines a case, in time order.
 */
function seed(env: GasEnvironment, n: number): void {
  const ss = env.globals.SpreadsheetApp.getActive();
  const sheet = ss.getSheetByName('台账')!;
  const h = header(env);
  const log: unknown[][] = [];
  const rows = Array.from({ length: n }, (_, i) => {
    const line: unknown[] = new Array(h.size).fill('');
    const put = (label: string, v: unknown) => (line[h.get(label)! - 1] = v);
    const received = day(START + ((END - START) * i) / n);
    const open = i >= n - n / 20;
    const no = `镜访〔${received.getFullYear()}〕${String(i + 1).padStart(5, '0')}号`;
    const registered = new Date(received.getTime() + 10 * 3_600_000);
    const assigned = new Date(received.getTime() + DAY + 10 * 3_600_000);
    const closed = new Date(received.getTime() + 20 * DAY + 15 * 3_600_000);
    const called = new Date(closed.getTime() + DAY);
    put('编号', no);
    put('系统编号（勿改）', no);
    put('状态', open ? '办理中' : '已归档');
    put('信访日期', received);
    put('信访人姓名', `群众${i}`);
    put('联系电话', `139${String(i % (n / 4)).padStart(8, '0')}`); // a quarter come back within the years
    put('信访件来源', '本级');
    put('信访形式', ['来信', '来访', '网上信访'][i % 3]);
    put('事项类型', ['投诉', '求助', '咨询', '建议'][i % 4]);
    put('问题类别', ['城乡建设', '劳动社保', '农业农村'][i % 3]);
    put('信访诉求', `第${i}件的诉求`);
    put('承办部室', DEPARTMENTS[i % DEPARTMENTS.length]);
    put('登记时间', registered);
    put('交办时间', assigned);
    const lines: [Date, string, string, string][] = [
      [registered, '登记', '', '待签收'],
      [assigned, '交办', '待交办', '办理中'],
    ];
    if (!open) {
      put('办结签批时间', closed);
      put('回访日期', called);
      put('信访人意见', ['满意', '基本满意', '不满意'][i % 3]);
      lines.push([closed, '办结签批', '待办结签批', '待回访'], [called, '回访', '待回访', '已回访']);
      lines.push([new Date(called.getTime() + DAY), '归档', '已回访', '已归档']);
    } else lines.push([new Date(assigned.getTime() + 3_600_000), '接收', '办理中', '办理中']);
    for (const [t, action, from, to] of lines) log.push([t, no, action, from, to, '王芳 <wangfang@jinghu.gov.cn>', '']);
    return line;
  });
  if (sheet.getMaxRows() < n + 1) sheet.insertRowsAfter(sheet.getMaxRows(), n + 1 - sheet.getMaxRows());
  sheet.getRange(2, 1, n, h.size).setValues(rows);
  log.sort((a, b) => (a[0] as Date).getTime() - (b[0] as Date).getTime());
  const logSheet = ss.getSheetByName('流转记录')!;
  const start = logSheet.getLastRow() + 1;
  const needed = start + log.length - 1 - logSheet.getMaxRows();
  if (needed > 0) logSheet.insertRowsAfter(logSheet.getMaxRows(), needed);
  logSheet.getRange(start, 1, log.length, 7).setValues(log);
}

/** The cost of the executions of one handler in a step. */
function measureRun(env: GasEnvironment, name: string, fn: string, cases: number, step: () => void): object {
  const before = env.stats().executions.length;
  step();
  const runs = env
    .stats()
    .executions.slice(before)
    .filter((e) => e.functionName === fn);
  const sum = (f: (e: (typeof runs)[number]) => number) => runs.reduce((s, e) => s + f(e), 0);
  const failed = env
    .executions()
    .filter((e) => e.functionName === fn && e.outcome === 'failed')
    .map((e) => e.error);
  return {
    name,
    cases,
    logLines: env.globals.SpreadsheetApp.getActive().getSheetByName('流转记录')!.getLastRow() - 1,
    executions: runs.length,
    roundTrips: sum((e) => e.roundTrips),
    cellsRead: sum((e) => e.cellsRead),
    cellsWritten: sum((e) => e.cellsWritten),
    modelledS: Math.round(sum((e) => e.modelledMs) / 100) / 10,
    failed,
  };
}

export function run(): object[] {
  const out: object[] = [];
  for (const n of [10_000, 50_000]) {
    const env = office('2026-10-02T10:00:00+08:00');
    people(env);
    seed(env, n);
    env.answerNextDialog({ button: 'OK' });
    env.clickMenu('信访台账', '初始化/修复', '初始化/修复'); // rebuilds the log's month index
    // First build, the summary empty: September 2026 from the menu, counting the trend's months and 去年同月.
    out.push(
      measureRun(env, 'analysis-first-build', 'menuMonthlyAnalysis', n, () => {
        env.answerNextDialog({ button: 'OK', text: '2026-09' });
        env.answerNextDialog({ button: 'OK' });
        env.clickMenu('信访台账', '生成月度分析…');
      }),
    );
    // The 1st of November: the morning's other triggers first, then the analysis at 08:xx by its trigger.
    env.clock.set('2026-11-01T07:59:00+08:00');
    env.runDueTriggers();
    const mails = env.outbox.length;
    const step = measureRun(env, 'analysis-monthly', 'buildMonthlyAnalysis', n, () => {
      env.clock.set('2026-11-01T09:30:00+08:00');
      env.runDueTriggers();
    });
    const tab = env.globals.SpreadsheetApp.getActive().getSheetByName('月度分析 2026-10');
    out.push({
      ...step,
      tabCells: tab ? tab.getMaxRows() * tab.getMaxColumns() : 0,
      charts: tab ? tab.getCharts().length : 0,
      mailsToLeaders: env.outbox.slice(mails).filter((m) => m.subject.includes('月度分析')).length,
    });
  }
  return out;
}
