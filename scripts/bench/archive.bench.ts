// The yearly archive (归档往年…, issue 18) on a 50,000-case ledger: 2023 and 2024 (10,500 cases each, one in twenty
// still open) may move in January 2026, 2025's 29,000 stay. Cases, log lines (three an archived case) and records
// are seeded as the app writes them (test/scenario/archive.ts); one archived case in a hundred has a 复查 (decided,
// or for one in a thousand still pending: it stays; NO_REVIEWS=1 leaves them out). Prints what opening the sidebar
// costs, then the run to its end through the sidebar's slices: slices, round trips, cells read and written, modelled
// seconds in all, a slice on average and the slowest slice, and cells read per case moved.
import type { GasEnvironment } from '../../emulator/index';
import { addDays, dayNumber, fromDayNumber } from '../../src/core/dates';
import { cellsOf, OFFICE, runToEnd, seed, ss, type Seed } from '../../test/scenario/archive';
import { startOffice } from '../../test/scenario/office';

const NOW = '2026-01-06T09:00:00+08:00';
const YEARS: [number, number][] = [
  [2023, 10_500],
  [2024, 10_500],
  [2025, 29_000],
];

/** A year's cases spread evenly over it, numbered by date; one in twenty still 办理中, the rest 已归档. */
function cases(year: number, n: number): Seed[] {
  const first = dayNumber(`${year}-01-01`);
  const days = dayNumber(`${year + 1}-01-01`) - first;
  return Array.from({ length: n }, (_, i) => {
    const date = fromDayNumber(first + Math.floor((i * days) / n));
    const closed = addDays(date, 20);
    return {
      no: `镜访〔${year}〕${String(i + 1).padStart(5, '0')}号`,
      date,
      state: i % 20 === 13 ? '办理中' : '已归档',
      closed: closed > `${year}-12-10` ? `${year}-12-10` : closed,
      idNumber: '',
      phone: `139${String(i).padStart(8, '0')}`,
    };
  });
}

/** 复查复核 records for one archived case in a hundred of the old years: decided within the year, or still pending. */
function reviews(env: GasEnvironment, seeded: readonly Seed[]): void {
  const sheet = ss(env).getSheetByName('复查复核')!;
  const labels = sheet.getRange(1, 1, 1, sheet.getLastColumn()).getValues()[0]!.map(String);
  const day = (d: string): Date => new Date(`${d}T00:00:00+08:00`);
  const rows = seeded
    .filter((c, i) => c.state === '已归档' && i % 100 === 50)
    .map((c, i) => {
      const cells: Record<string, unknown> = {
        编号: c.no,
        序号: 1,
        时间: day(c.closed!),
        经办人: '王芳',
        类别: '复查',
        申请日期: day(c.closed!),
        办理期限: day(addDays(c.closed!, 30)),
      };
      if (i % 10 !== 3) Object.assign(cells, { 结论: '维持', 办结日期: day(addDays(c.closed!, 10)) });
      return labels.map((l) => cells[l] ?? '');
    });
  const start = sheet.getLastRow() + 1;
  const over = start + rows.length - 1 - sheet.getMaxRows();
  if (over > 0) sheet.insertRowsAfter(sheet.getMaxRows(), over);
  sheet.getRange(start, 1, rows.length, labels.length).setValues(rows);
}

const seconds = (ms: number): number => Math.round(ms / 100) / 10;

/** The cost of the executions `step` starts. */
function measure(env: GasEnvironment, step: () => void) {
  const from = env.stats().executions.length;
  step();
  const runs = env.stats().executions.slice(from);
  const sum = (f: (e: (typeof runs)[number]) => number): number => runs.reduce((s, e) => s + f(e), 0);
  const slowest = runs.reduce((a, e) => (e.modelledMs > a.modelledMs ? e : a), runs[0]!);
  return {
    executions: runs.length,
    roundTrips: sum((e) => e.roundTrips),
    cellsRead: sum((e) => e.cellsRead),
    cellsWritten: sum((e) => e.cellsWritten),
    cellsScanned: sum((e) => e.cellsScanned),
    modelledS: seconds(sum((e) => e.modelledMs)),
    slowest: {
      modelledS: seconds(slowest.modelledMs),
      roundTrips: slowest.roundTrips,
      cellsRead: slowest.cellsRead,
      cellsWritten: slowest.cellsWritten,
    },
  };
}

export function run(): object[] {
  const env = startOffice(`${YEARS[0]![0]}-01-03T09:00:00+08:00`);
  let total = 0;
  for (const [year, n] of YEARS) {
    env.clock.set(`${year}-12-31T18:00:00+08:00`);
    const seeded = cases(year, n);
    seed(env, seeded, env.clock.now());
    if (year < 2025 && !process.env.NO_REVIEWS) reviews(env, seeded);
    total += n;
  }
  env.clock.set(NOW);
  const logLines = ss(env).getSheetByName('流转记录')!.getLastRow() - 1;
  const cellsBefore = cellsOf(ss(env));
  const out: object[] = [];
  const open = measure(env, () => {
    env.open(OFFICE);
    env.clickMenu('信访台账', '标记与归档', '归档往年…', OFFICE);
  });
  out.push({ name: 'archive-open-sidebar', cases: total, logLines, ...open });
  let seen: ReturnType<typeof runToEnd> = [];
  const cpu = Date.now();
  const runCost = measure(env, () => (seen = runToEnd(env, true, 1_000)));
  const moved = seen.at(-1)!.moved.reduce((s, m) => s + m.count, 0);
  out.push({
    name: 'archive-run',
    cases: total,
    logLines,
    moved,
    slices: runCost.executions,
    finished: seen.at(-1)!.finished,
    error: seen.at(-1)!.error,
    ...runCost,
    perSlice: {
      modelledS: seconds((runCost.modelledS * 1000) / runCost.executions),
      roundTrips: Math.round(runCost.roundTrips / runCost.executions),
      cellsRead: Math.round(runCost.cellsRead / runCost.executions),
      cellsWritten: Math.round(runCost.cellsWritten / runCost.executions),
    },
    cellsReadPerCaseMoved: Math.round(runCost.cellsRead / Math.max(1, moved)),
    cellsWrittenPerCaseMoved: Math.round(runCost.cellsWritten / Math.max(1, moved)),
    spreadsheetCells: { before: cellsBefore, after: cellsOf(ss(env)) },
    realS: Math.round((Date.now() - cpu) / 1000),
  });
  return out;
}
