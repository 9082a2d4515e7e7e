// Benchmarks of 生成表单 (annexes 3–7): one form (a new case folder, a regenerated form, a form with its PDF) and a
// batch of 60 through the sidebar's slices, on a small office and on a 10,000-case ledger. Each line gives the
// executions (the menu click and the slices), the service calls counted by the local runtime — Drive, Docs,
// UrlFetch, Properties and Sheets separately — and the modelled seconds (decision 12, emulator/host/costs.ts): in all,
// per form, and of the slowest execution (what Apps Script's limits bite on).
import type { GasEnvironment } from '../../emulator/index';
import { act, PEOPLE, PLATFORM_CASE, register, selectCase } from '../../test/scenario/office';
import { formsOffice, generate, nextSlice, type FormBatchStatus } from '../../test/scenario/forms';

const office = { user: PEOPLE.office.email };
const seconds = (ms: number): number => Math.round(ms) / 1000;

/** Calls and modelled cost of the executions `step` starts, per form made. */
function measure(env: GasEnvironment, name: string, ledger: number, step: () => number): object {
  const before = env.stats().executions.length;
  const totals = { ...env.stats().total };
  const cpu = process.cpuUsage();
  const forms = step();
  const used = process.cpuUsage(cpu);
  const runs = env.stats().executions.slice(before);
  const after = env.stats().total;
  const calls = (prefix: string): number =>
    Object.keys(after)
      .filter((k) => k.startsWith(prefix))
      .reduce((s, k) => s + after[k]! - (totals[k] ?? 0), 0);
  const sum = (f: (e: (typeof runs)[number]) => number): number => runs.reduce((s, e) => s + f(e), 0);
  return {
    name,
    ledger,
    forms,
    executions: runs.length,
    serviceCalls: sum((e) => e.calls),
    driveCalls: calls('Drive.'),
    docsCalls: calls('Docs.'),
    urlFetchCalls: calls('UrlFetchApp.'),
    propertiesCalls: calls('PropertiesService.Properties.'),
    spreadsheetCalls: sum((e) => e.spreadsheetCalls),
    roundTrips: sum((e) => e.roundTrips),
    cellsRead: sum((e) => e.cellsRead),
    cellsWritten: sum((e) => e.cellsWritten),
    modelledS: seconds(sum((e) => e.modelledMs)),
    perFormS: forms ? seconds(sum((e) => e.modelledMs) / forms) : null,
    slowestS: seconds(Math.max(0, ...runs.map((e) => e.modelledMs))),
    failed: env
      .executions()
      .slice(-runs.length)
      .filter((e) => e.outcome === 'failed')
      .map((e) => e.error),
    cpuMs: Math.round((used.user + used.system) / 1000),
  };
}

/** `n` platform cases, registered and signed for in one action. */
function signedCases(env: GasEnvironment, n: number): string[] {
  const nos = Array.from(
    { length: n },
    (_, i) =>
      register(env, {
        ...PLATFORM_CASE,
        petitionerName: `群众${i + 1}`,
        idNumber: '',
        phone: `139${String(i).padStart(8, '0')}`,
        upstreamNo: `ZJ${String(i).padStart(6, '0')}`,
      }).caseNo,
  );
  env.open(office);
  selectCase(env, 'office', ...nos);
  env.clickMenu('信访台账', '受理交办', '签收', office);
  return nos;
}

/** A whole batch: the click, then the sidebar's slices until it is done; the forms made. */
function batch(env: GasEnvironment, nos: string[]): number {
  let s: FormBatchStatus = generate(env, 'office', nos, 3)!;
  while (!s.finished) s = nextSlice(env);
  return s.done;
}

/**
 * Pastes `n` cases already in 办理中 into the ledger and lets 初始化/修复 adopt them (补录), as a moved-in ledger;
 * returns their 编号. (Registering cases one by one on a ledger this size is not done here: the runtime holds on to
 * some 80 MB per registration at 10,000 cases, see the report of the forms issue.)
 */
function bigLedger(env: GasEnvironment, n: number): string[] {
  const sheet = env.globals.SpreadsheetApp.getActive().getSheetByName('台账')!;
  const labels = sheet.getRange(1, 1, 1, sheet.getLastColumn()).getValues()[0]!.map(String);
  const col = new Map(labels.map((l, i) => [l, i]));
  const rows = Array.from({ length: n }, (_, i) => {
    const line: unknown[] = new Array(labels.length).fill('');
    const put = (label: string, v: unknown): void => void (line[col.get(label)!] = v);
    put('编号', `镜访〔2025〕${String(i + 1).padStart(5, '0')}号`);
    put('状态', '办理中');
    put('信访日期', new Date(Date.UTC(2025, i % 12, 1 + (i % 27))));
    put('信访人姓名', `旧件${i}`);
    put('信访件来源', '本级');
    put('信访形式', '来信');
    put('事项类型', '咨询');
    put('信访诉求', `第${i}件的诉求`);
    put('承办部室', '规划建设部');
    return line;
  });
  if (sheet.getMaxRows() < n + 1) sheet.insertRowsAfter(sheet.getMaxRows(), n + 1 - sheet.getMaxRows());
  sheet.getRange(2, 1, n, labels.length).setValues(rows);
  env.globals.PropertiesService.getScriptProperties().setProperty('CASE_SEQ_2025', String(n));
  env.answerNextDialog({ button: 'OK' });
  env.open(office);
  env.clickMenu('信访台账', '初始化/修复', '初始化/修复', office);
  return rows.map((r) => String(r[col.get('编号')!]));
}

/** One form: a new case folder, the same form again (the first copy voided), and a form with its PDF. */
function singleForms(): object[] {
  const env = formsOffice();
  const [one, two] = signedCases(env, 2);
  const out = [measure(env, 'form-new-case-folder', 2, () => generate(env, 'office', [one!], 3)!.done)];
  act(env, 'office', one!, ['标记与归档', '周会商…'], { weeklyConsult: '是' });
  out.push(measure(env, 'form-regenerated', 2, () => generate(env, 'office', [one!], 3)!.done));
  nextSlice(env, 'office', { pdf: true });
  out.push(measure(env, 'form-with-pdf', 2, () => generate(env, 'office', [two!], 3)!.done));
  return out;
}

/** 60 forms through the sidebar: on an office with 60 cases, or the last 60 of a moved-in ledger of `ledger`. */
function sixty(ledger: number): object {
  const env = formsOffice();
  const nos = ledger ? bigLedger(env, ledger).slice(-60) : signedCases(env, 60);
  return measure(env, 'batch-60-sidebar', ledger || 60, () => batch(env, nos));
}

export function run(): object[] {
  return [...singleForms(), sixty(0), sixty(10_000)];
}
