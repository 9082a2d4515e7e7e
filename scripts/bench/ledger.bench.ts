// Benchmarks of the ledger's hot paths on large ledgers: service calls counted by the local runtime, the cost it
// models for them (Sheets round trips, local calls, cells read and written, modelled seconds: decision 12,
// emulator/host/costs.ts), and CPU time of the whole Node process for the measured step (the runtime's own
// overhead included, so compare run to run).
import { createGasEnvironment, type GasEnvironment } from '../../emulator/index';
import { computedDue, derivedCells } from '../../src/app/derived';
import { toCell } from '../../src/gas/ledger';
import { WorkCalendar } from '../../src/core/calendar';
import { encodeRecord } from '../../src/core/controls';
import { DEFAULT_TIME_LIMITS } from '../../src/core/deadlines';
import { DERIVED_FIELDS, fieldLabel, type Case } from '../../src/core/model';
import { DEFAULT_SETTINGS, type Rules } from '../../src/core/roles';
import path from 'node:path';

const OWNER = 'wangfang@jinghu.gov.cn';
const LEADER = 'lisi@jinghu.gov.cn';
const DIST = path.resolve(__dirname, '..', '..', 'dist');

export function office(now: string): GasEnvironment {
  const env = createGasEnvironment({ now, owner: OWNER, seed: 3 });
  env.loadBundle(DIST);
  env.open();
  env.answerNextDialog({ button: 'OK' });
  env.clickMenu('信访台账', '初始化/修复', '初始化/修复');
  env.typeInto('人员', 'A2', [
    ['王芳', OWNER, '信访办', '综合事务部'],
    ['李四', LEADER, '信访工作分管领导', '综合事务部'],
  ]);
  return env;
}

export function header(env: GasEnvironment): Map<string, number> {
  const sheet = env.globals.SpreadsheetApp.getActive().getSheetByName('台账')!;
  return new Map(
    sheet
      .getRange(1, 1, 1, sheet.getLastColumn())
      .getValues()[0]!
      .map((l, i) => [String(l), i + 1]),
  );
}

const RULES: Rules = { settings: DEFAULT_SETTINGS, limits: DEFAULT_TIME_LIMITS, calendar: WorkCalendar.withDefaults() };
/** The derived columns' labels by key, as the model names them. */
const DERIVED_LABELS: Record<string, string> = Object.fromEntries(DERIVED_FIELDS.fields.map((f) => [f.key, f.label]));

/**
 * n cases. `pasted`: as an old Excel ledger pasted in (three in four open, no anchor, no record: 初始化/修复 takes
 * them in); otherwise as the app writes them (anchor, control record, derived columns), a twentieth open: the last
 * twentieth of the rows, or with `scattered` every twentieth row (as a ledger sorted by another column leaves them).
 */
export function seed(env: GasEnvironment, n: number, pasted = false, scattered = false): void {
  const sheet = env.globals.SpreadsheetApp.getActive().getSheetByName('台账')!;
  const h = header(env);
  const now = new Date('2026-11-02T09:00:00+08:00');
  const rows = Array.from({ length: n }, (_, i) => {
    const line: unknown[] = new Array(h.size).fill('');
    const put = (label: string, v: unknown) => (line[h.get(label)! - 1] = v);
    const no = `镜访〔2026〕${String(i + 1).padStart(3, '0')}号`;
    // Open cases are the recent ones (the last twentieth of the rows, in registration order).
    const open = scattered ? i % 20 === 19 : i >= n - n / 20;
    const state = pasted ? ['办理中', '待签收', '审核中', '已归档'][i % 4]! : open ? '办理中' : '已归档';
    put('编号', no);
    put('状态', state);
    if (!pasted) {
      const petitionDate = `2026-${String(1 + (i % 11)).padStart(2, '0')}-${String(1 + (i % 27)).padStart(2, '0')}`;
      const c = {
        caseNo: no,
        state,
        petitionDate,
        department: '规划建设部',
        matterType: '咨询',
        // As registration computes it.
        ...computedDue({ petitionDate, matterType: '咨询' }, RULES),
      } as Case;
      if (open) {
        // 交办 the day after the petition, received within the hour; one open case in ten not received yet.
        const assigned = new Date(`${petitionDate}T10:00:00+08:00`);
        assigned.setTime(assigned.getTime() + 86_400_000);
        c.assignedAt = assigned;
        if (Math.floor(i / 20) % 10 !== 0) c.receivedAt = new Date(assigned.getTime() + 3_600_000);
      }
      put('系统编号（勿改）', no);
      put('系统流程记录（勿改）', encodeRecord(c));
      for (const key of ['dueDate', 'dueSource', 'dueProvisional', 'assignedAt', 'receivedAt'] as const)
        if (c[key] !== undefined) put(fieldLabel(key), toCell(key, c[key]));
      for (const [k, v] of Object.entries(derivedCells(c, RULES, now))) put(DERIVED_LABELS[k]!, v);
    }
    put('信访日期', new Date(Date.UTC(2026, i % 11, 1 + (i % 27))));
    put('信访人姓名', `群众${i}`);
    put('身份证号码', '');
    put('联系电话', `139${String(i).padStart(8, '0')}`);
    put('信访件来源', '本级');
    put('信访形式', '来信');
    put('事项类型', '咨询');
    put('信访诉求', `第${i}件的诉求`);
    put('承办部室', '规划建设部');
    return line;
  });
  if (sheet.getMaxRows() < n + 1) sheet.insertRowsAfter(sheet.getMaxRows(), n + 1 - sheet.getMaxRows());
  sheet.getRange(2, 1, n, h.size).setValues(rows);
  env.globals.PropertiesService.getScriptProperties().setProperty('CASE_SEQ_2026', String(n));
  if (!pasted) history(env, n);
}

/** Sheet rows as the app writes them into a sheet laid out by setup: values by header label. */
function fill(env: GasEnvironment, name: string, lines: Record<string, unknown>[]): void {
  const sheet = env.globals.SpreadsheetApp.getActive().getSheetByName(name)!;
  const labels = sheet.getRange(1, 1, 1, sheet.getLastColumn()).getValues()[0]!.map(String);
  const grid = lines.map((l) => labels.map((label) => l[label] ?? ''));
  // Room below, as the app's appends leave it (table.ts growFor): the next line does not grow the grid.
  const rows = grid.length + 1 + 200;
  if (sheet.getMaxRows() < rows) sheet.insertRowsAfter(sheet.getMaxRows(), rows - sheet.getMaxRows());
  sheet.getRange(2, 1, grid.length, labels.length).setValues(grid);
}

/**
 * What an office's history leaves beside n cases: four 流转记录 lines and two 签批记录 sign-offs a case, in time
 * order (the steps that find a case's lines and records search these, never read them whole).
 */
function history(env: GasEnvironment, n: number): void {
  const no = (i: number) => `镜访〔2026〕${String(i + 1).padStart(3, '0')}号`;
  // Spread from 1 January to 1 November (the bench's day is 2 November): every month's lines are in the log.
  const at = (i: number, k: number) =>
    new Date(Date.UTC(2026, 0, 1) + Math.floor(((i + 1) * 304 * 86_400_000) / n) - (4 - k) * 60_000);
  const steps = ['登记', '签收', '交办', '接收'];
  fill(
    env,
    '流转记录',
    Array.from({ length: n * steps.length }, (_, j) => {
      const i = Math.floor(j / steps.length);
      return {
        时间: at(i, j % steps.length),
        编号: no(i),
        动作: steps[j % steps.length],
        操作人: '王芳 <wangfang@jinghu.gov.cn>',
      };
    }),
  );
  fill(
    env,
    '签批记录',
    Array.from({ length: n * 2 }, (_, j) => {
      const i = j >> 1;
      return {
        编号: no(i),
        序号: (j & 1) + 1,
        时间: at(i, j & 1),
        经办人: '王芳',
        环节: j & 1 ? '交办签批' : '信访办签收',
        轮次: 1,
        角色: '信访办',
      };
    }),
  );
}

const seconds = (ms: number): number => Math.round(ms) / 1000;

/** Seconds from its execution's start to the last toast shown since `from` toasts; nothing when none was shown. */
function toastAt(env: GasEnvironment, from: number): { toastS?: number } {
  const toast = env.ui.toasts.slice(from).at(-1);
  if (!toast) return {};
  const ex = env
    .executions()
    .filter((e) => e.start.getTime() <= toast.at.getTime())
    .at(-1)!;
  return { toastS: seconds(toast.at.getTime() - ex.start.getTime()) };
}

/** Calls, modelled cost and CPU ms of the executions `step` starts. */
export function measure(env: GasEnvironment, name: string, cases: number, step: () => void): object {
  const before = env.stats().executions.length;
  const toasts = env.ui.toasts.length;
  const cpu = process.cpuUsage();
  step();
  const used = process.cpuUsage(cpu);
  const runs = env.stats().executions.slice(before);
  const sum = (f: (e: (typeof runs)[number]) => number) => runs.reduce((s, e) => s + f(e), 0);
  return {
    name,
    cases,
    spreadsheetCalls: runs.reduce((s, e) => s + e.spreadsheetCalls, 0),
    serviceCalls: runs.reduce((s, e) => s + e.calls, 0),
    executions: runs.length,
    roundTrips: sum((e) => e.roundTrips),
    localCalls: sum((e) => e.localCalls),
    cellsRead: sum((e) => e.cellsRead),
    cellsWritten: sum((e) => e.cellsWritten),
    cellsScanned: sum((e) => e.cellsScanned),
    /** Modelled seconds of the step (all its executions), and of its slowest execution (what the limits bite on). */
    modelledS: seconds(sum((e) => e.modelledMs)),
    slowestS: seconds(Math.max(0, ...runs.map((e) => e.modelledMs))),
    /** The slowest execution of each handler the step ran (a trigger run that caught up on several hours is one). */
    slowestByHandlerS: Object.fromEntries(
      [...new Set(runs.map((e) => e.functionName))].map((f) => [
        f,
        seconds(Math.max(...runs.filter((e) => e.functionName === f).map((e) => e.modelledMs))),
      ]),
    ),
    /** When the step's last toast was shown, from the start of the execution that showed it (what a person waits). */
    ...toastAt(env, toasts),
    failed: env
      .executions()
      .slice(-runs.length)
      .filter((e) => e.outcome === 'failed')
      .map((e) => e.error),
    cpuMs: Math.round((used.user + used.system) / 1000),
  };
}

export function run(): object[] {
  const out: object[] = [];
  // Taking in a pasted Excel ledger (初始化/修复 anchors every row and records its controls, 补录). At 50,000 the
  // first run stops taking rows in at its time budget and says how many are left; the second takes in the rest.
  for (const n of [10_000, 50_000]) {
    const pasted = office('2026-11-02T09:00:00+08:00');
    seed(pasted, n, true);
    const click = () => {
      pasted.answerNextDialog({ button: 'OK' });
      pasted.clickMenu('信访台账', '初始化/修复', '初始化/修复');
    };
    out.push(measure(pasted, 'setup-adopt', n, click));
    if (String(pasted.ui.alerts.at(-1)?.message).includes('未登记'))
      out.push(measure(pasted, 'setup-adopt-again', n, click));
  }
  for (const n of [10_000, 50_000]) {
    const env = office('2026-11-02T09:00:00+08:00');
    seed(env, n);
    out.push(
      measure(env, 'setup', n, () => {
        env.answerNextDialog({ button: 'OK' });
        env.clickMenu('信访台账', '初始化/修复', '初始化/修复');
      }),
    );
    const h = header(env);
    const sheet = env.globals.SpreadsheetApp.getActive().getSheetByName('台账')!;
    out.push(
      measure(env, 'daily-refresh', n, () => {
        // 07:00: the refresh has run (06:xx), the reminders not yet (scripts/bench/reminders.bench.ts measures them).
        env.clock.set('2026-11-03T07:00:00+08:00');
        env.runDueTriggers();
      }),
    );
    const demandCol = h.get('信访诉求')!;
    const letter =
      String.fromCharCode(64 + Math.floor((demandCol - 1) / 26)).replace('@', '') +
      String.fromCharCode(65 + ((demandCol - 1) % 26));
    // The morning's first edit: 人员 and 设置 are read into the Script Cache (which keeps them ten minutes); then an
    // edit while the office works.
    out.push(
      measure(env, 'typed-edit-cold', n, () =>
        env.typeInto('台账', `${letter}${1 + (n >> 1)}`, '补充诉求', { user: OWNER }),
      ),
    );
    out.push(
      measure(env, 'typed-edit', n, () =>
        env.typeInto('台账', `${letter}${2 + (n >> 1)}`, '补充诉求', { user: OWNER }),
      ),
    );
    // An open case's 信访诉求: its workbench index line changes too.
    out.push(
      measure(env, 'typed-edit-open', n, () => env.typeInto('台账', `${letter}${n + 1}`, '补充诉求', { user: OWNER })),
    );
    const register = () => {
      env.clickMenu('信访台账', '新建信访件…');
      env.submitDialog('submitNewCase', [
        {
          petitionDate: '2026-11-03',
          petitionerName: '新来人',
          source: '本级',
          form: '来信',
          matterType: '咨询',
          demand: '咨询政策',
        },
      ]);
    };
    const sign = () => {
      env.select('台账', `A${sheet.getLastRow()}`);
      env.clickMenu('信访台账', '受理交办', '签收');
    };
    out.push(measure(env, 'register-case', n, register));
    // The first sign-off after 初始化/修复 (which checked or built 签批记录's month index: the seed wrote its records
    // without the app) and a later one.
    out.push(measure(env, 'menu-sign-first', n, sign));
    register();
    out.push(measure(env, 'menu-sign', n, sign));
    // A leader's sign-off from its dialog (the case card above the opinion box): opening it, then submitting it.
    const row = sheet.getLastRow();
    out.push(
      measure(env, 'menu-approve-open', n, () => {
        env.open({ user: LEADER });
        env.select('台账', `A${row}`, { user: LEADER });
        env.clickMenu('信访台账', '受理交办', '交办签批…', { user: LEADER });
      }),
    );
    const data = JSON.parse(/var DATA = (\{.*?\});\n/.exec(env.ui.dialogs.at(-1)!.html)![1]!) as {
      action: string;
      caseIds: string[];
      rows: number[];
    };
    out.push(
      measure(env, 'menu-approve-submit', n, () =>
        env.submitDialog(
          'submitAction',
          [{ action: data.action, caseIds: data.caseIds, rows: data.rows, fields: { assignSignOpinion: '同意' } }],
          { user: LEADER },
        ),
      ),
    );
  }
  // The open cases scattered through the ledger (sorted by another column): the refresh's reads span the rows.
  for (const n of [10_000, 50_000]) {
    const env = office('2026-11-02T09:00:00+08:00');
    seed(env, n, false, true);
    env.answerNextDialog({ button: 'OK' });
    env.clickMenu('信访台账', '初始化/修复', '初始化/修复');
    out.push(
      measure(env, 'daily-refresh-scattered', n, () => {
        env.clock.set('2026-11-03T07:00:00+08:00');
        env.runDueTriggers();
      }),
    );
  }
  return out;
}
