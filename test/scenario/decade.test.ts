// Ten years of a petition office through the real bundle (issue 18): 100,000 cases received 2017–2026, written in
// bulk through the runtime's host API as the app writes them (anchor, control record, derived columns, 重复信访, log
// lines, records), and each January the 信访办 runs 归档往年… from the sidebar slice by slice, as an office keeping a
// decade would. A ledger holding all 100,000 at once does not fit Sheets' 10 million cells (台账 alone is 127 columns
// wide: 12.7 million), so the cases arrive year by year and each January moves the cases two or more calendar years
// back (in January 2027: 2025 and before). Then the ledger's spreadsheet holds 2026 and the cases that stay (not
// 已归档) of every year; every case, log line and record is in exactly one place, 查找 finds each case there, and
// registration's 365-day repeat check names the earlier cases it should — also one archived this January (a letter
// dated late in 2026 and a case of the same petitioner 365 days before it).
// About 8 minutes of real time, most of it the nine archive runs; DECADE_REPORT=1 prints each run's slices, real
// time, slowest slice in modelled seconds and cells, and what 查找 and registering cost.
import { createHash } from 'node:crypto';
import type { GasEnvironment } from '../../emulator/index';
import { addDays, dayNumber, daysBetween, fromDayNumber } from '../../src/core/dates';
import { findEarlierCases } from '../../src/core/duplicates';
import type { Case } from '../../src/core/model';
import { idCheckChar } from '../../src/core/validate';
import {
  archive,
  archiveIds,
  cellsOf,
  findCases,
  MOVING_SHEETS,
  norm,
  OFFICE,
  records,
  runToEnd,
  seed,
  ss,
  type ArchiveStatus,
  type FoundCase,
  type Seed,
} from './archive';
import { headerOf, register, startOffice } from './office';

const FIRST_YEAR = 2017;
const LAST_YEAR = 2026;
const YEARS = Array.from({ length: LAST_YEAR - FIRST_YEAR + 1 }, (_, i) => FIRST_YEAR + i);
const PER_YEAR = 10_000;
/** Each January's run (a Wednesday in 2027: the final state is read then). */
const january = (year: number): string => `${year}-01-06T09:00:00+08:00`;
/** In January 2027 the cases received in 2025 or before may move (two or more calendar years back). */
const LAST_MOVED = 2025;

// ── The petitioners ──────────────────────────────────────────────────────────────────────────────────────────────

/** Ordinary petitioners (most come once; some come back). */
const ORDINARY = 30_000;
/** Frequent petitioners, k = ORDINARY + 0…9: about three cases a year each, every year. */
const FREQUENT = 10;
/** Petitioners placed for the repeat check, by the dates of their cases. */
const A = ORDINARY + FREQUENT;
const B = A + 1;
const C = A + 2;
const PLACED: [number, string, Case['state']][] = [
  [A, '2025-03-10', '已归档'], // more than 365 days before January 2027: archived, not named
  [A, '2026-01-06', '已归档'], // exactly 365 days before 2027-01-06: named
  [A, '2026-07-15', '已归档'],
  [B, '2024-11-20', '已归档'],
  [B, '2026-03-02', '办理中'],
  [C, '2025-12-31', '已归档'], // archived in January 2027, yet 365 days before a letter received 2026-12-31
  [C, '2026-10-10', '已归档'],
];

/** A petitioner's ID number (valid check character, unique by k), mobile phone (unique by k) and name. */
function petitioner(k: number): { name: string; idNumber: string; phone: string } {
  const pad = (n: number, w: number): string => String(n).padStart(w, '0');
  const born = `${1940 + (k % 60)}${pad(1 + (Math.floor(k / 60) % 12), 2)}${pad(1 + (Math.floor(k / 720) % 28), 2)}`;
  const first = `330602${born}${pad(Math.floor(k / 20_160), 3)}`;
  return { name: `信访人${pad(k, 5)}`, idNumber: first + idCheckChar(first), phone: `1${3 + (k % 7)}${pad(k, 9)}` };
}

/** A small deterministic generator (mulberry32). */
function random(seedNo: number): () => number {
  let a = seedNo >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

/** A generated case and its petitioner. */
interface Generated extends Seed {
  k: number;
  year: number;
}

/** States of the cases that are never 已归档 (about 5 % of each year): they stay in 台账 whatever their age. */
const OPEN_STATES: Case['state'][] = ['办理中', '待回访', '已回访', '已转送'];

/**
 * The decade's cases, numbered by date within each year; 1 in 20 not 已归档; 1 in 333 a frequent petitioner's; each
 * case recording the petitioner's ID number and phone, the phone only, or the ID number only; the 重复信访 hint
 * registration would have written (earlier cases of the same ID number or phone within 365 days).
 */
function generate(): Generated[] {
  const rand = random(2017);
  const all: Generated[] = [];
  for (const year of YEARS) {
    const first = dayNumber(`${year}-01-01`);
    const days = dayNumber(`${year + 1}-01-01`) - first;
    for (let i = 0; i < PER_YEAR; i++) {
      const date = fromDayNumber(first + Math.floor((i * days) / PER_YEAR));
      const frequent = i % 333 === 7;
      const k = frequent ? ORDINARY + ((Math.floor(i / 333) + year) % FREQUENT) : Math.floor(rand() * ORDINARY);
      const closed = addDays(date, 3 + Math.floor(rand() * 40));
      const which = rand();
      const p = petitioner(k);
      all.push({
        k,
        year,
        no: `镜访〔${year}〕${String(i + 1).padStart(3, '0')}号`,
        date,
        state: i % 20 === 13 ? OPEN_STATES[Math.floor(i / 20) % OPEN_STATES.length]! : '已归档',
        closed: closed > `${year}-12-31` ? `${year}-12-31` : closed,
        name: p.name,
        idNumber: frequent || which < 0.85 ? p.idNumber : '',
        phone: frequent || which >= 0.1 ? p.phone : '',
      });
    }
  }
  for (const [k, date, state] of PLACED) {
    const c = all.find((x) => x.date === date && x.state === '已归档' && x.k < ORDINARY)!;
    Object.assign(c, { k, state, ...petitioner(k) });
  }
  const byId = new Map<string, Case[]>();
  const byPhone = new Map<string, Case[]>();
  for (const c of all) {
    const me = { caseNo: c.no, petitionDate: c.date, idNumber: c.idNumber, phone: c.phone } as Case;
    const peers = [...(byId.get(c.idNumber!) ?? []), ...(byPhone.get(c.phone!) ?? [])];
    c.repeatOf = findEarlierCases(me, peers).join('、');
    if (c.idNumber) byId.set(c.idNumber, [...(byId.get(c.idNumber) ?? []), me]);
    if (c.phone) byPhone.set(c.phone, [...(byPhone.get(c.phone) ?? []), me]);
  }
  return all;
}

/** Where a case ends in January 2027: its year's archive when 已归档 and received in 2025 or before; else 台账. */
const placeOf = (c: Generated): number | 'ledger' => (c.state === '已归档' && c.year <= LAST_MOVED ? c.year : 'ledger');

// ── Reading the books ────────────────────────────────────────────────────────────────────────────────────────────

/** Every row of a sheet as a key (what makes it that row) and a digest of all its cells (blank cells left out). */
function digests(rows: Record<string, unknown>[], name: string): { key: string; no: string; digest: string }[] {
  return rows
    .filter((r) => r['动作'] !== '年度归档')
    .map((r) => ({
      no: String(r['编号']),
      key:
        name === '台账'
          ? String(r['编号'])
          : name === '流转记录'
            ? `${String(r['编号'])}|${String(r['动作'])}|${(r['时间'] as Date).getTime()}`
            : `${String(r['编号'])}|${String(r['序号'])}`,
      digest: createHash('sha1').update(norm(r)).digest('base64'),
    }));
}

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

/** A ledger cell of a case by 编号, as the owner reads it. */
function ledgerCell(env: GasEnvironment, caseNo: string, label: string): unknown {
  const sheet = ss(env).getSheetByName('台账')!;
  const h = headerOf(env, '台账');
  const nos = sheet.getRange(2, h.get('编号')!, sheet.getLastRow() - 1, 1).getValues();
  const i = nos.findIndex((r) => r[0] === caseNo);
  if (i < 0) throw new Error(`no ledger row with 编号 ${caseNo}`);
  return sheet.getRange(i + 2, h.get(label)!).getValue();
}

/** The earlier cases the 365-day repeat check must name for a new case (counted here, not by the app's code). */
function earlierOf(all: readonly Generated[], q: { idNumber?: string; phone?: string; date: string }): string[] {
  return all
    .filter((c) => (q.idNumber && c.idNumber === q.idNumber) || (q.phone && c.phone === q.phone))
    .filter((c) => daysBetween(c.date, q.date) >= 0 && daysBetween(c.date, q.date) <= 365)
    .sort((a, b) => (a.date !== b.date ? (a.date < b.date ? -1 : 1) : a.no < b.no ? -1 : 1))
    .map((c) => c.no);
}

/** A letter from a petitioner, registered in the 新建信访件 sidebar. */
const letter = (who: { name: string; idNumber?: string; phone?: string }, date: string): Record<string, string> => ({
  petitionDate: date,
  petitionerName: who.name,
  personCount: '1',
  idNumber: who.idNumber ?? '',
  phone: who.phone ?? '',
  address: '镜湖新区梅山街道某小区',
  source: '本级',
  upstreamNo: '',
  form: '来信',
  matterType: '投诉',
  category: '城乡建设',
  demand: '再次反映小区道路破损问题。',
});

const say = (line: string): void => {
  if (process.env.DECADE_REPORT) process.stdout.write(`${line}\n`);
};

describe('ten years, 100,000 cases: 归档往年… each January keeps the ledger small and every case findable', () => {
  let env: GasEnvironment;
  let all: Generated[];
  /** What the seeding wrote, by sheet: each row's key and digest, and its case. */
  const written: Record<string, { key: string; no: string; digest: string }[]> = {};
  /** Each January's run: the sidebar's statuses and the slices' modelled costs. */
  const runs: {
    year: number;
    shown: ArchiveStatus;
    seen: ArchiveStatus[];
    slices: { modelledMs: number; cellsRead: number; roundTrips: number }[];
    outcomes: string[];
    realMs: number;
  }[] = [];
  const cells: { before: number; after: number }[] = [];
  let peak = 0;
  const started = Date.now();

  beforeAll(() => {
    all = generate();
    for (const name of MOVING_SHEETS) written[name] = [];
    env = startOffice(`${FIRST_YEAR}-01-03T09:00:00+08:00`);
    for (const year of YEARS) {
      // The year's cases, as the app wrote them during the year (the derived columns as at its last day).
      env.clock.set(`${year}-12-31T18:00:00+08:00`);
      const rows = seed(
        env,
        all.filter((c) => c.year === year),
        env.clock.now(),
      );
      for (const name of MOVING_SHEETS) written[name]!.push(...digests(rows[name], name));
      peak = Math.max(peak, cellsOf(ss(env)));
      if (year < FIRST_YEAR + 1) continue;
      // January: the 信访办 opens 归档往年… and runs it to the end.
      env.clock.set(january(year + 1));
      const before = cellsOf(ss(env));
      env.open(OFFICE);
      env.clickMenu('信访台账', '标记与归档', '归档往年…', OFFICE);
      const shown = JSON.parse(/var DATA = (.*);/.exec(env.ui.dialogs.at(-1)!.html)![1]!) as ArchiveStatus;
      const from = env.stats().executions.length;
      const fromRecords = env.executions().length;
      const t0 = Date.now();
      const seen = runToEnd(env, true, 100);
      const realMs = Date.now() - t0;
      const slices = env.stats().executions.slice(from);
      const outcomes = env
        .executions()
        .slice(fromRecords)
        .map((e) => `${e.functionName}:${e.outcome ?? ''}`);
      runs.push({ year: year + 1, shown, seen, slices, outcomes, realMs });
      cells.push({ before, after: cellsOf(ss(env)) });
      say(
        `January ${year + 1}: ${seen.length} slices, ${(realMs / 1000).toFixed(1)} s real, slowest ` +
          `${(Math.max(...slices.map((s) => s.modelledMs)) / 1000).toFixed(1)} s modelled; cells ${before} → ${cells.at(-1)!.after}`,
      );
    }
    say(`seeded and archived in ${((Date.now() - started) / 1000).toFixed(0)} s; peak ${peak} cells`);
  }, 900_000);

  afterAll(() => say(`whole file: ${((Date.now() - started) / 1000).toFixed(0)} s`));

  it('generates 100,000 cases over ten years, some not 已归档 every year, petitioners who come back', () => {
    expect(all.length).toBe(100_000);
    expect(new Set(all.map((c) => c.no)).size).toBe(100_000);
    for (const year of YEARS) {
      const mine = all.filter((c) => c.year === year);
      expect([year, mine.length]).toEqual([year, PER_YEAR]);
      expect(mine.filter((c) => c.state !== '已归档').length / PER_YEAR).toBeCloseTo(0.05, 2);
    }
    const visits = new Map<number, number>();
    for (const c of all) visits.set(c.k, (visits.get(c.k) ?? 0) + 1);
    expect([...visits.values()].filter((n) => n > 1).length).toBeGreaterThan(10_000);
    expect(all.filter((c) => c.repeatOf).length).toBeGreaterThan(5_000);
  });

  it('each January moves the year two years back, slice by slice, each slice well inside the 6-minute limit', () => {
    expect(runs.map((r) => r.year)).toEqual(YEARS.slice(2).concat(LAST_YEAR + 1));
    for (const r of runs) {
      const year = r.year - 2;
      const moving = all.filter((c) => c.year === year && c.state === '已归档').length;
      const staying = all.filter((c) => c.year <= year && c.state !== '已归档').length;
      // The sidebar says what may move, and why the old cases that stay do.
      expect([r.year, r.shown.waiting, r.shown.staying]).toEqual([
        r.year,
        [{ year, count: moving }],
        [{ reason: '尚未归档', count: staying }],
      ]);
      expect([r.year, r.seen.at(-1)]).toEqual([
        r.year,
        expect.objectContaining({ finished: true, error: '', moved: [{ year, count: moving }] }),
      ]);
      expect(r.seen.filter((s) => s.error)).toEqual([]);
      expect(new Set(r.outcomes)).toEqual(new Set(['archiveRunSlice:completed']));
      expect(r.slices.length).toBe(r.seen.length);
      expect(Math.max(...r.slices.map((s) => s.modelledMs))).toBeLessThan(120_000);
    }
    expect(Object.keys(archiveIds(env)).map(Number)).toEqual(YEARS.filter((y) => y <= LAST_MOVED));
  });

  it('ends with the ledger’s spreadsheet under 6 million cells (never near 10 million on the way)', () => {
    const now = cellsOf(ss(env));
    expect(now).toBeLessThan(6_000_000);
    expect(peak).toBeLessThan(7_000_000);
    for (const c of cells) expect(c.after).toBeLessThan(c.before);
    say(`cells: peak ${peak}, January 2027 before ${cells.at(-1)!.before}, after ${now}`);
  });

  it('keeps in 台账 the cases received in 2026 and every case not 已归档, whatever its year', () => {
    const ledger = records(ss(env).getSheetByName('台账'));
    const expected = all.filter((c) => placeOf(c) === 'ledger').map((c) => c.no);
    expect(ledger.map((r) => String(r['编号'])).sort()).toEqual(expected.sort());
    expect(ledger.every((r) => r['系统编号（勿改）'] === r['编号'])).toBe(true);
    expect(all.filter((c) => c.year === LAST_YEAR).every((c) => placeOf(c) === 'ledger')).toBe(true);
  });

  it('loses and doubles nothing: every case, log line and record is in exactly one place, cell for cell', () => {
    const place = new Map(all.map((c) => [c.no, placeOf(c)]));
    const books: [number | 'ledger', Spreadsheet][] = [
      ['ledger', ss(env)],
      ...YEARS.filter((y) => y <= LAST_MOVED).map((y): [number, Spreadsheet] => [y, archive(env, y)]),
    ];
    for (const name of MOVING_SHEETS) {
      const found: { key: string; no: string; digest: string; book: number | 'ledger' }[] = [];
      for (const [book, ssheet] of books)
        for (const d of digests(records(ssheet.getSheetByName(name)), name)) found.push({ ...d, book });
      // Every row written is found once, with the same cells; nothing else is found.
      expect([name, found.length]).toEqual([name, written[name]!.length]);
      expect(found.map((f) => `${f.key}#${f.digest}`).sort()).toEqual(
        written[name]!.map((w) => `${w.key}#${w.digest}`).sort(),
      );
      // …and in the book its case is in.
      const misplaced = found.filter((f) => place.get(f.no) !== f.book);
      expect([name, misplaced.slice(0, 3)]).toEqual([name, []]);
    }
  });

  it('finds every case through 查找 where it is: by 编号 across all years, by ID number and by phone', () => {
    const names = new Map(Object.keys(archiveIds(env)).map((y) => [Number(y), `信访台账归档 ${y}`]));
    const urls = new Map(Object.keys(archiveIds(env)).map((y) => [Number(y), archive(env, Number(y)).getUrl()]));
    const shown = (c: Generated): unknown[] => {
      const at = placeOf(c);
      return [c.no, c.name, c.state, c.date, at === 'ledger' ? null : { name: names.get(at), url: urls.get(at) }];
    };
    const got = (f: FoundCase): unknown[] => [f.caseNo, f.name, f.state, f.date, f.archive ?? null];
    const checked = new Set<string>();
    const expectFinds = (query: string, cases: Generated[]): void => {
      expect(cases.length).toBeGreaterThan(0);
      const found = findCases(env, query);
      expect([query, found.map(got).sort()]).toEqual([query, cases.map(shown).sort()]);
      for (const c of cases) checked.add(c.no);
    };
    const byNo = new Map(all.map((c) => [c.no, c]));
    // Part of a 编号 (〕0123号): that number in each of the ten years, moved or not.
    for (let j = 0; j < 30; j++) {
      // 24 spread over the year, 6 of the 1 in 20 numbers never 已归档 (i % 20 = 13).
      const n = String(
        j < 24 ? 5 + Math.floor((PER_YEAR / 24) * j) : 14 + 20 * Math.floor((PER_YEAR / 120) * (j - 24)),
      ).padStart(3, '0');
      expectFinds(
        `〕${n}号`,
        YEARS.map((y) => byNo.get(`镜访〔${y}〕${n}号`)!),
      );
    }
    // A whole 编号, one of each year.
    for (const y of YEARS) {
      const no = `镜访〔${y}〕${Math.floor(PER_YEAR * 0.9) + y - FIRST_YEAR}号`;
      expectFinds(no, [byNo.get(no)!]);
    }
    // A frequent petitioner's ID number or phone: their cases of every year; and some who came back once or twice.
    const comeBack = [...new Set(all.filter((c) => c.k < ORDINARY && c.repeatOf).map((c) => c.k))].slice(0, 10);
    for (const [i, k] of [...Array.from({ length: FREQUENT }, (_, f) => ORDINARY + f), ...comeBack].entries()) {
      const p = petitioner(k);
      const field = i % 2 === 0 ? 'idNumber' : 'phone';
      expectFinds(
        p[field],
        all.filter((c) => c[field] === p[field]),
      );
    }
    const years = new Set([...checked].map((no) => byNo.get(no)!.year));
    const places = new Set([...checked].map((no) => placeOf(byNo.get(no)!)));
    const finds = env.stats().executions.filter((e) => e.functionName === 'findCases');
    say(
      `查找: ${checked.size} cases checked in ${finds.length} searches, each ` +
        `${(Math.max(...finds.map((e) => e.modelledMs)) / 1000).toFixed(1)} s modelled at most`,
    );
    expect(checked.size).toBeGreaterThan(600);
    expect(years).toEqual(new Set(YEARS));
    expect(places).toEqual(new Set(['ledger', ...YEARS.filter((y) => y <= LAST_MOVED)]));
    // The list masks what it shows.
    const [first] = findCases(env, petitioner(ORDINARY).idNumber);
    expect(first!.hint).not.toContain(petitioner(ORDINARY).idNumber);
  });

  describe('registering in January 2027: the 365-day repeat check', () => {
    const hintOf = (r: { caseNo: string; warnings: string[] }): string =>
      r.warnings.find((w) => w.startsWith(`${r.caseNo} 可能为重复信访，此前有：`))?.split('：')[1] ?? '';

    it('names the earlier cases of 2026 by ID number or phone, and not an archived one more than 365 days back', () => {
      const today = '2027-01-06';
      const a = register(env, letter({ ...petitioner(A), phone: '' }, today));
      const b = register(env, letter({ ...petitioner(B), idNumber: '' }, today));
      const placedNo = (k: number, date: string): string => all.find((c) => c.k === k && c.date === date)!.no;
      expect(a).toMatchObject({ ok: true });
      expect(hintOf(a)).toBe(`${placedNo(A, '2026-01-06')}、${placedNo(A, '2026-07-15')}`);
      expect(ledgerCell(env, a.caseNo, '重复信访')).toBe(hintOf(a));
      expect(hintOf(a)).not.toContain(placedNo(A, '2025-03-10'));
      expect(hintOf(b)).toBe(placedNo(B, '2026-03-02'));
      expect(ledgerCell(env, b.caseNo, '重复信访')).toBe(placedNo(B, '2026-03-02'));
      // Frequent petitioners and some who came back: each new letter names exactly the cases of the last 365 days.
      const comeBack = [
        ...new Set(
          all
            .filter((c) => c.k < ORDINARY && c.year === LAST_YEAR && c.date >= '2026-01-06')
            .filter((c) => all.some((o) => o.k === c.k && o.year <= LAST_MOVED))
            .map((c) => c.k),
        ),
      ].slice(0, 8);
      expect(comeBack.length).toBe(8);
      for (const k of [...Array.from({ length: FREQUENT }, (_, f) => ORDINARY + f), ...comeBack]) {
        const p = petitioner(k);
        const r = register(env, letter(p, today));
        const expected = earlierOf(all, { ...p, date: today });
        expect(expected.length).toBeGreaterThan(0);
        expect([k, hintOf(r), ledgerCell(env, r.caseNo, '重复信访')]).toEqual([
          k,
          expected.join('、'),
          expected.join('、'),
        ]);
      }
      const registered = env.stats().executions.filter((e) => e.functionName === 'submitNewCase');
      say(`registering: ${(Math.max(...registered.map((e) => e.modelledMs)) / 1000).toFixed(1)} s modelled at most`);
    });

    let late: { caseNo: string; warnings: string[] };
    it('a letter received on 2026-12-31, registered on 2027-01-06, names the 2026 case', () => {
      late = register(env, letter(petitioner(C), '2026-12-31'));
      expect(late).toMatchObject({ ok: true });
      expect(hintOf(late)).toContain(all.find((c) => c.k === C && c.date === '2026-10-10')!.no);
    });

    // 2025 left 台账 this January: registration's repeat check reaches into the archive of a year its window touches.
    it('…and the 2025-12-31 case, 365 days before it, though 2025 was archived this January', () => {
      expect(hintOf(late)).toBe(earlierOf(all, { ...petitioner(C), date: '2026-12-31' }).join('、'));
    });
  });
});
