// 归档往年… when a run takes more than one batch (450 cases of 2023: a batch of 400, then one of 50): the run counts
// the ledger once and keeps the rows that may move as a queue; each batch is judged again when it is taken off it, so
// a case changed after the count stays; rows someone inserts or deletes between slices are found again by their
// anchors and nothing is lost or doubled; and a slice after the first costs what it moves — the same cells read and
// round trips on a ledger of 450 rows as on one of 10,450.
import { dayNumber, fromDayNumber } from '../../src/core/dates';
import type { GasEnvironment } from '../../emulator/index';
import {
  archive,
  everything,
  indexProblems,
  MOVING_SHEETS,
  norm,
  NOW,
  records,
  runToEnd,
  seed,
  slice,
  ss,
  type Seed,
} from './archive';
import { act, register, startOffice } from './office';

/** n cases of `year`, 已归档 (answered the day they came), numbered from `from`. */
const cases = (year: number, n: number, from = 1): Seed[] =>
  Array.from({ length: n }, (_, i) => ({
    no: `镜访〔${year}〕${String(from + i).padStart(5, '0')}号`,
    date: fromDayNumber(dayNumber(`${year}-01-02`) + (i % 360)),
    state: '已归档',
  }));
const MOVERS = cases(2023, 450);
const MOVER_NOS = MOVERS.map((c) => c.no);

/** A letter registered from the sidebar (an open case, so the workbench index has a line below the movers). */
const letter = (name: string): Record<string, string> => ({
  petitionDate: '2026-01-05',
  petitionerName: name,
  personCount: '1',
  idNumber: '',
  phone: '',
  address: '镜湖新区',
  source: '本级',
  upstreamNo: '',
  form: '来信',
  matterType: '投诉',
  category: '城乡建设',
  demand: '道路破损。',
});

/**
 * An office in January 2026 with the 450 movers first, `stayers` cases of 2025 after them (with their log lines and
 * records; their 台账 rows too unless `ledger` is false) and two open letters.
 */
function office(stayers: number, ledger = true): GasEnvironment {
  const env = startOffice('2023-01-03T09:00:00+08:00');
  env.clock.set('2025-12-31T18:00:00+08:00');
  seed(env, MOVERS, env.clock.now());
  if (stayers) seed(env, cases(2025, stayers), env.clock.now());
  if (stayers && !ledger)
    ss(env)
      .getSheetByName('台账')!
      .deleteRows(MOVERS.length + 2, stayers);
  env.clock.set(NOW);
  for (const name of ['甲', '乙']) expect(register(env, letter(name))).toMatchObject({ ok: true });
  return env;
}

/** Every row of the moving sheets of the ledger and the archives, as comparable text, by sheet. */
const snapshot = (env: GasEnvironment): Record<string, string[]> =>
  Object.fromEntries(
    Object.entries(everything(env)).map(([name, rows]) => [
      name,
      rows
        .map(norm)
        .filter((r) => r !== '[]')
        .sort(),
    ]),
  );

describe('a run of two batches', () => {
  let env: GasEnvironment;
  let before: Record<string, string[]>;
  const changed = MOVER_NOS[420]!;

  beforeAll(() => {
    env = office(0);
    before = snapshot(env);
  });

  it('counts once, writes the first batch of 400, and says how many wait', () => {
    const first = slice(env, { start: true });
    expect(first).toMatchObject({ error: '', step: '核对「信访台账归档 2023」并从台账移出（400 件）' });
    expect(first.waiting).toEqual([{ year: 2023, count: 450 }]);
  });

  it('a case of the second batch that asks for 复查 after the count stays in 台账; the other 449 move', () => {
    expect(
      act(env, 'office', changed, ['复查复核', '复查复核申请…'], {
        reviewKind: '复查',
        reviewRequestDate: '2026-01-06',
      }),
    ).toMatchObject({ ok: true });
    const end = runToEnd(env, false).at(-1)!;
    expect(end).toMatchObject({ finished: true, error: '', moved: [{ year: 2023, count: 449 }], waiting: [] });
    const left = records(ss(env).getSheetByName('台账')).map((r) => r['编号']);
    expect(left.filter((no) => MOVER_NOS.includes(String(no)))).toEqual([changed]);
    expect(records(archive(env, 2023).getSheetByName('台账')).map((r) => r['编号'])).toEqual(
      MOVER_NOS.filter((no) => no !== changed),
    );
  });

  it('loses and doubles nothing, and every row number kept outside the sheets still holds', () => {
    // Every row of the others is where it belongs, once; the case that stayed was never written to the archive.
    const after = snapshot(env);
    const others = (rows: string[]): string[] => rows.filter((r) => !r.includes(changed));
    for (const name of MOVING_SHEETS) expect([name, others(after[name]!)]).toEqual([name, others(before[name]!)]);
    for (const name of MOVING_SHEETS)
      expect([name, records(archive(env, 2023).getSheetByName(name)).filter((r) => r['编号'] === changed)]).toEqual([
        name,
        [],
      ]);
    expect(indexProblems(env)).toEqual([]);
  });
});

describe('rows someone inserts or deletes in 台账 between slices', () => {
  it('each batch is found by its anchors and the queue counted again: all move, nothing is lost', () => {
    const env = office(0);
    const before = snapshot(env);
    const sheet = ss(env).getSheetByName('台账')!;
    slice(env, { start: true });
    // Three rows inserted above the batch written, then two of them deleted above the next one.
    sheet.insertRowsBefore(2, 3);
    expect(slice(env)).toMatchObject({ error: '' });
    sheet.deleteRows(2, 2);
    const end = runToEnd(env, false).at(-1)!;
    expect(end).toMatchObject({ finished: true, error: '', moved: [{ year: 2023, count: 450 }] });
    expect(snapshot(env)).toEqual(before);
    const left = records(sheet).map((r) => String(r['编号']));
    expect(left.length).toBe(3);
    expect(left[0]).toBe('');
    expect(left.slice(1).every((no) => no.startsWith('镜访〔2026〕'))).toBe(true);
    // The log's month index followed the rows the run deleted. The workbench index's rows are hints once someone
    // moved rows under it (confirmed by the anchor when used); the next save or daily refresh puts them right.
    expect(indexProblems(env).filter((p) => !p.startsWith('workbench index'))).toEqual([]);
  });
});

describe('what a slice costs', () => {
  /** The slices' costs, after the first (which counts the ledger), of moving the 450 with 10,000 others around. */
  function slices(ledger: boolean) {
    const env = office(10_000, ledger);
    const from = env.stats().executions.length;
    expect(runToEnd(env).at(-1)).toMatchObject({ finished: true, error: '', moved: [{ year: 2023, count: 450 }] });
    expect(indexProblems(env)).toEqual([]);
    return env
      .stats()
      .executions.slice(from + 1)
      .map((e) => ({ cellsRead: e.cellsRead, roundTrips: e.roundTrips, cellsWritten: e.cellsWritten }));
  }

  it('after the count, moving the same cases costs the same whether 台账 holds 450 rows or 10,450', () => {
    // The same log and records in both: only 台账's size differs, so a slice reading any of its columns whole (a
    // count per batch, an index rebuilt from the ledger) reads 10,000 cells more.
    const small = slices(false);
    const large = slices(true);
    expect(large.length).toBe(small.length);
    large.forEach((l, i) => {
      const s = small[i]!;
      const more = l.cellsRead - s.cellsRead;
      expect([i, Math.abs(more) < 1_000 ? 'about the same cells read' : `${more} cells more`]).toEqual([
        i,
        'about the same cells read',
      ]);
      expect([i, l.roundTrips]).toEqual([i, s.roundTrips]);
      expect([i, l.cellsWritten]).toEqual([i, s.cellsWritten]);
    });
  });
});
