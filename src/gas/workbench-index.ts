// The workbench index (issue 17): a hidden sheet 工作台索引 with one line per open case — what 我的待办 lists and the
// ledger row the case was last seen in — so the web app opens a person's queue with one small read instead of the
// whole ledger. Kept current by every save of the ledger (menu, web app, typed edit, registration), rewritten by
// the daily refresh and by 初始化/修复. docs/architecture.md says why and how.
import type { Case } from '../core/model';
import type { Rules } from '../core/roles';
import { CLOSED_FOR_WORKBENCH, queueEntry, type QueueEntry } from '../core/workbench';
import type { SheetLedger } from './ledger';
import { QUEUE_HEADERS, SHEET } from './layout';
import { runsOf } from '../core/runs';
import { rowAfterDeletions } from '../core/archive';
import { LedgerError, rangeToFill, readHeader, requireColumns } from './table';
import { columnFinder, readRowsAt } from './text-search';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

const WIDTH = QUEUE_HEADERS.length;

function toLine(e: QueueEntry): unknown[] {
  return [
    e.caseNo,
    e.row,
    e.department,
    e.state,
    e.node,
    e.dueAt ?? '',
    e.deadlineState,
    e.matterType,
    e.category,
    e.petitionerName,
    e.demand,
  ];
}

function fromLine(r: unknown[]): QueueEntry | null {
  const s = (i: number): string => String(r[i] ?? '').trim();
  if (!s(0)) return null;
  const due = r[5];
  return {
    caseNo: s(0),
    row: Number(r[1]) || 0,
    department: s(2),
    state: s(3),
    node: s(4),
    dueAt: due instanceof Date ? due : null,
    deadlineState: s(6),
    matterType: s(7),
    category: s(8),
    petitionerName: s(9),
    demand: String(r[10] ?? ''),
  };
}

/**
 * The index sheet, laid out when missing (an older ledger before 初始化/修复 ran). `check`: its header is confirmed
 * to be the app's columns in the app's order (lines are read and written by position); the saves skip that round
 * trip, since every rewrite (the daily refresh, 初始化/修复) puts the header back.
 */
function indexSheet(ss: Spreadsheet, check = true): Sheet {
  const found = ss.getSheetByName(SHEET.queue);
  if (found) {
    if (check) requireLayout(found);
    return found;
  }
  const sheet = ss.insertSheet(SHEET.queue, ss.getNumSheets());
  sheet.getRange(1, 1, sheet.getMaxRows(), WIDTH).setNumberFormat('@');
  sheet.getRange(1, 6, sheet.getMaxRows(), 1).setNumberFormat('yyyy-mm-dd hh:mm');
  sheet.getRange(1, 2, sheet.getMaxRows(), 1).setNumberFormat('0');
  sheet.getRange(1, 1, 1, WIDTH).setValues([[...QUEUE_HEADERS]]);
  if (sheet.getMaxColumns() > WIDTH) sheet.deleteColumns(WIDTH + 1, sheet.getMaxColumns() - WIDTH);
  sheet.hideSheet();
  return sheet;
}

/** The index's header must be QUEUE_HEADERS in order; otherwise the person is told to run 初始化/修复. */
function requireLayout(sheet: Sheet): void {
  const header = readHeader(sheet);
  requireColumns(SHEET.queue, header, QUEUE_HEADERS);
  const moved = QUEUE_HEADERS.find((h, i) => header.columns.get(h) !== i + 1);
  if (moved)
    throw new LedgerError(
      'NO_HEADER',
      `「${SHEET.queue}」的列「${moved}」被移动过。请运行「信访台账 › 初始化/修复」重建工作台索引。`,
    );
}

/**
 * The entries, in sheet order: every one (one read), or only those of the given departments — their 承办部室 column
 * read first, then only their lines (one read per run of lines, runs joined where the lines between cost less than
 * a call), so a department's queue costs little however many cases the office has open.
 */
export function readQueue(ss: Spreadsheet, departments?: readonly string[]): QueueEntry[] {
  const sheet = indexSheet(ss);
  const last = sheet.getLastRow();
  if (last < 2) return [];
  const keep = (lines: unknown[][]): QueueEntry[] => lines.map(fromLine).filter((e): e is QueueEntry => e !== null);
  if (!departments) return keep(sheet.getRange(2, 1, last - 1, WIDTH).getValues());
  const wanted = new Set(departments);
  const rows = sheet
    .getRange(2, 3, last - 1, 1)
    .getValues()
    .flatMap((r, i) => (wanted.has(String(r[0]).trim()) ? [i + 2] : []));
  const out: QueueEntry[] = [];
  // A run absorbs a gap when reading its lines costs less than another call.
  const lines = readRowsAt(sheet, rows, 1, WIDTH);
  out.push(...keep(rows.map((r) => lines.get(r)!)));
  return out;
}

/** Up to this many cases a save finds each line by TextFinder; more read the 编号 column once. */
const FIND_EACH = 3;

/**
 * Puts the given cases' entries in the index (null: the case left it): finds their lines (a TextFinder search of
 * the 编号 column per case for a save of a few cases, else one read of the column), rewrites the lines of cases
 * already there (one write per run of adjacent lines), appends new ones (one write), deletes the lines of cases
 * that left (bottom up, so the rows above stay where they are).
 */
export function updateQueue(ss: Spreadsheet, changes: readonly { caseNo: string; entry: QueueEntry | null }[]): void {
  if (changes.length === 0) return;
  const sheet = indexSheet(ss, false);
  const latest = new Map(changes.map((c) => [c.caseNo, c.entry]));
  const at = linesOf(sheet, [...latest.keys()]);
  const writes: [number, unknown[]][] = [];
  const appends: unknown[][] = [];
  const deletes: number[] = [];
  for (const [caseNo, entry] of latest) {
    const row = at.get(caseNo);
    if (entry && row) writes.push([row, toLine(entry)]);
    else if (entry) appends.push(toLine(entry));
    else if (row) deletes.push(row);
  }
  const lineAt = new Map(writes);
  for (const [top, bottom] of runsOf([...lineAt.keys()].sort((a, b) => a - b))) {
    const lines = Array.from({ length: bottom - top + 1 }, (_, k) => lineAt.get(top + k)!);
    sheet.getRange(top, 1, lines.length, WIDTH).setValues(lines);
  }
  if (appends.length) {
    const start = sheet.getLastRow() + 1;
    rangeToFill(sheet, start, appends.length, WIDTH).setValues(appends);
  }
  // Bottom up, a run of adjacent lines in one call, so the lines above stay where they are.
  for (const [top, bottom] of runsOf(deletes.sort((a, b) => a - b)).reverse()) sheet.deleteRows(top, bottom - top + 1);
}

/** The index line of each of these cases that has one (the first, should a case have two). */
function linesOf(sheet: Sheet, caseNos: readonly string[]): Map<string, number> {
  const at = new Map<string, number>();
  if (caseNos.length <= FIND_EACH) {
    for (const no of caseNos) {
      const hit = columnFinder(sheet, 1, { text: no, whole: true })?.findNext();
      if (hit) at.set(no, hit.getRow());
    }
    return at;
  }
  const last = sheet.getLastRow();
  if (last < 2) return at;
  sheet
    .getRange(2, 1, last - 1, 1)
    .getValues()
    .forEach((r, i) => {
      const n = String(r[0]).trim();
      if (n && !at.has(n)) at.set(n, i + 2);
    });
  return at;
}

/**
 * Rewrites the whole index (初始化/修复, the daily refresh): the header and the lines, grouped by department, in one
 * write, then the rows below them cleared.
 */
export function rewriteQueue(ss: Spreadsheet, entries: readonly QueueEntry[]): void {
  const sheet = indexSheet(ss, false);
  const last = sheet.getLastRow();
  // Grouped by department (then ledger order): a department's queue is then one short run of lines.
  const sorted = [...entries].sort((a, b) =>
    a.department < b.department ? -1 : a.department > b.department ? 1 : a.row - b.row,
  );
  const lines = [[...QUEUE_HEADERS], ...sorted.map(toLine)];
  if (sheet.getMaxColumns() < WIDTH) sheet.insertColumnsAfter(sheet.getMaxColumns(), WIDTH - sheet.getMaxColumns());
  rangeToFill(sheet, 1, lines.length, WIDTH).setValues(lines);
  if (last > lines.length) sheet.getRange(lines.length + 1, 1, last - lines.length, WIDTH).clearContent();
}

/** A ledger row as the daily refresh knows it: its case (some fields) and its derived cells as just written. */
export interface RefreshedRow {
  row: number;
  c: Case;
  node: unknown;
  due: unknown;
  status: unknown;
}

/**
 * The daily refresh's pass over the index: every open row with the node, deadline and 期限状态 just computed; the
 * department, category, petitioner and demand kept from the index (every save keeps them current), read from the
 * ledger only for a case the index lacks (a save that failed to update it, or a row the edit trigger missed).
 */
export function refreshQueue(ss: Spreadsheet, ledger: SheetLedger, rows: readonly RefreshedRow[]): void {
  const old = new Map(readQueue(ss).map((e) => [e.caseNo, e]));
  const missing = rows.filter((r) => isOpen(r.c) && !old.has(r.c.caseNo!)).map((r) => r.row);
  const read = new Map(
    ledger
      .loadFieldsAt(['department', 'matterType', 'category', 'petitionerName', 'demand'], missing)
      .map((x) => [x.row, x.c]),
  );
  refreshQueueFrom(ss, rows, old, read);
}

const isOpen = (c: Case): boolean => !!c.caseNo && !CLOSED_FOR_WORKBENCH.includes(c.state);

/** Rewrites the index from refreshed rows, the facts taken from the old index or else from `read` (by row). */
function refreshQueueFrom(
  ss: Spreadsheet,
  rows: readonly RefreshedRow[],
  old: ReadonlyMap<string, QueueEntry>,
  read: ReadonlyMap<number, Case>,
): void {
  rewriteQueue(
    ss,
    rows
      .filter((r) => isOpen(r.c))
      // 事项类型 as the refresh read it, where it did (a row it recomputed); else as the index or the ledger had it.
      .map((r) =>
        entryOf(r.row, r.c, r, {
          ...read.get(r.row),
          ...old.get(r.c.caseNo!),
          ...(r.c.matterType !== undefined ? { matterType: r.c.matterType } : {}),
        }),
      ),
  );
}

/** What an index line shows of a case besides its state and derived cells. */
type Facts = Partial<Pick<QueueEntry, 'department' | 'matterType' | 'category' | 'petitionerName' | 'demand'>>;

/** The index entry of an open ledger row: its case, its derived cells as written, and the facts the index shows. */
function entryOf(row: number, c: Case, shown: Pick<RefreshedRow, 'node' | 'due' | 'status'>, facts: Facts = {}) {
  return {
    caseNo: c.caseNo!,
    row,
    department: (facts.department ?? '').trim(),
    state: c.state,
    node: String(shown.node ?? ''),
    dueAt: shown.due instanceof Date ? shown.due : null,
    deadlineState: String(shown.status ?? ''),
    matterType: facts.matterType ?? '',
    category: facts.category ?? '',
    petitionerName: facts.petitionerName ?? '',
    demand: (facts.demand ?? '').slice(0, 200),
  } satisfies QueueEntry;
}

/**
 * The index rebuilt from the ledger (初始化/修复, the archive after a failed deletion): `rows`, every ledger row with at
 * least its 编号 and 状态 as they stand (read here when not given: two columns), say which can be in the index (a
 * 编号, a state not 已转送/已归档); only those are read, for the facts the index shows and the derived columns every
 * save and the daily refresh write (当前环节, 环节期限, 期限状态); an open row whose derived columns were never computed
 * is read whole and computed here. Returns the lines.
 */
export function rebuildQueue(
  ss: Spreadsheet,
  ledger: SheetLedger,
  rules: Rules,
  now: Date,
  rows: readonly { row: number; c: Case }[] = ledger.loadFields(['caseNo', 'state']),
): number {
  const open = rows.filter((r) => isOpen(r.c));
  const at = open.map((r) => r.row);
  const facts = new Map(
    ledger
      .loadFieldsAt(['department', 'matterType', 'category', 'petitionerName', 'demand'], at)
      .map((x) => [x.row, x.c]),
  );
  const cols = (['currentNode', 'nodeDue', 'deadlineState'] as const).map((k) => ledger.colOf(k));
  const lo = Math.min(...cols);
  const shown = ledger.readBlockAt(lo, Math.max(...cols) - lo + 1, at);
  const cell = (row: number, k: 0 | 1 | 2): unknown => shown.get(row)?.[cols[k]! - lo];
  const uncomputed = open.filter((r) => String(cell(r.row, 2) ?? '') === '').map((r) => r.row);
  const computed = new Map(ledger.rowsInHand(uncomputed).map((l) => [l.row, queueEntry(l.c, l.row, rules, now)]));
  const entries = open.map(
    ({ row, c }) =>
      computed.get(row) ??
      entryOf(row, c, { node: cell(row, 0), due: cell(row, 1), status: cell(row, 2) }, facts.get(row)),
  );
  rewriteQueue(ss, entries);
  return entries.length;
}

/**
 * Keeps the index following the ledger's saves: a saved case whose entry is the same as before the save (known from
 * `was`) costs nothing — the common typed edit of a settled case; a failure is logged, never lost work (the refresh
 * rewrites the index).
 */
export function followSaves(ss: Spreadsheet, ledger: SheetLedger, rules: () => Rules, now: () => Date): void {
  ledger.afterSave = (saved) => {
    try {
      const r = rules();
      const t = now();
      updateQueue(
        ss,
        saved.flatMap((s) => {
          if (!s.c.caseNo) return [];
          const entry = queueEntry(s.c, s.row, r, t);
          if (s.was && sameEntry(queueEntry(s.was, s.row, r, t), entry)) return [];
          return [{ caseNo: s.c.caseNo, entry }];
        }),
      );
    } catch (e) {
      console.error(`工作台索引未能更新（每日刷新时重建）：${e instanceof Error ? e.message : String(e)}`);
    }
  };
}

/** Two entries the index would show alike (null: not in the index). */
function sameEntry(a: QueueEntry | null, b: QueueEntry | null): boolean {
  if (!a || !b) return a === b;
  return JSON.stringify(toLine(a)) === JSON.stringify(toLine(b));
}

/**
 * The index once ledger rows were deleted (the yearly archive; `deleted` ascending): each line's row moves up by the
 * deleted rows above it (one read of the 编号 and 行 columns, one write of 行), and the lines of the `gone` cases go.
 */
export function shiftQueueRows(ss: Spreadsheet, deleted: readonly number[], gone: ReadonlySet<string>): void {
  const sheet = ss.getSheetByName(SHEET.queue);
  const last = sheet?.getLastRow() ?? 0;
  if (!sheet || last < 2 || !deleted.length) return;
  const lines = sheet.getRange(2, 1, last - 1, 2).getValues();
  const rows = lines.map((l) => [Number(l[1]) > 1 ? rowAfterDeletions(Number(l[1]), deleted) : l[1]]);
  if (rows.some((r, i) => r[0] !== lines[i]![1])) sheet.getRange(2, 2, rows.length, 1).setValues(rows);
  const drop = lines.flatMap((l, i) => (gone.has(String(l[0]).trim()) ? [i + 2] : []));
  for (const [top, bottom] of runsOf(drop).reverse()) sheet.deleteRows(top, bottom - top + 1);
}
