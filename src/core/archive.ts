// The yearly archive's pure decisions (decision 13): which cases may leave 台账 (已归档, received two or more calendar
// years ago, no 复查/复核 pending or still open to request), the batches they leave in (one year at a time, oldest
// first), how each cell is formatted in the archive so it reads back as it was written, and the comparison of the
// archive with the ledger that must hold before any row leaves.
import { addDays, msIntoShanghaiDay, toShanghaiDate, yearOf, type LocalDate } from './dates';
import type { Case } from './model';
import type { RecordOf } from './records';
import { runsOf } from './runs';

/** Cases received this many calendar years before the current one, or earlier, may move (the 365-day check's reach). */
export const ARCHIVE_AFTER_YEARS = 2;
/**
 * Days after a written reply (or a 复查 decision) in which the petitioner may still ask for 复查 (复核): 条例 Art. 35
 * and 36, "自收到书面答复之日起30日内". A case inside that window stays in 台账.
 */
export const REVIEW_REQUEST_DAYS = 30;

/** The archive spreadsheet of a year's cases. */
export function archiveTitle(year: number): string {
  return `信访台账归档 ${year}`;
}

/** The calendar year of a case's 信访日期, or null when it has none. */
export function archiveYearOf(c: Pick<Case, 'petitionDate'>): number | null {
  return c.petitionDate ? yearOf(c.petitionDate) : null;
}

/** The latest year whose cases may move at `now` (Shanghai calendar). */
export function lastArchivableYear(now: Date): number {
  return yearOf(toShanghaiDate(now)) - ARCHIVE_AFTER_YEARS;
}

const dateOf = (v: LocalDate | Date | undefined): LocalDate | undefined =>
  v instanceof Date ? toShanghaiDate(v) : v || undefined;

/** What the archive reads of a case's 复查复核 records. */
export type ReviewDates = Pick<RecordOf<'review'>, 'reviewKind' | 'requestDate' | 'decidedDate'>;

/**
 * The last written answer the petitioner could still contest: the 办结 (its date, the platform's 系统回复), the
 * verification's reply, a 复查 decided (a 复核 may follow it). Undefined when the case records none.
 */
function lastAnswer(c: Case, reviews: readonly ReviewDates[]): LocalDate | undefined {
  const dates = [
    dateOf(c.closedDate),
    dateOf(c.repliedAt),
    dateOf(c.verifyRepliedAt),
    c.reviewKind === '复查' ? dateOf(c.reviewDecidedDate) : undefined,
    ...reviews.filter((r) => r.reviewKind === '复查').map((r) => dateOf(r.decidedDate)),
  ].filter((d): d is LocalDate => !!d);
  return dates.sort().pop();
}

/**
 * Why a case stays in 台账 now, in Chinese; null when it may move to its year's archive. `reviews`: the case's
 * 复查复核 records (a request without an outcome keeps it, whatever the ledger's latest columns say).
 */
export function archiveProblem(c: Case, now: Date, reviews: readonly ReviewDates[] = []): string | null {
  if (c.state !== '已归档') return '尚未归档';
  const year = archiveYearOf(c);
  if (year === null) return '信访日期为空';
  const last = lastArchivableYear(now);
  if (year > last) return `${last + 1}年及以后受理`;
  const pending = (c.reviewRequestDate && !c.reviewDecidedDate) || reviews.some((r) => r.requestDate && !r.decidedDate);
  if (pending) return '复查复核尚未办结';
  const answered = lastAnswer(c, reviews);
  if (answered && toShanghaiDate(now) <= addDays(answered, REVIEW_REQUEST_DAYS))
    return `仍在复查复核申请期内（至${addDays(answered, REVIEW_REQUEST_DAYS)}）`;
  return null;
}

/** A case the ledger holds, as the archive's planning sees it. */
export interface ArchiveCandidate {
  caseNo: string;
  /** Its ledger row (the batch keeps the ledger's order). */
  row: number;
  year: number;
}

/** How many cases of each year may move, oldest year first. */
export function yearCounts(cands: readonly ArchiveCandidate[]): { year: number; count: number }[] {
  const by = new Map<number, number>();
  for (const c of cands) by.set(c.year, (by.get(c.year) ?? 0) + 1);
  return [...by].sort((a, b) => a[0] - b[0]).map(([year, count]) => ({ year, count }));
}

/**
 * What may still move, as the run counted it once: 台账's rows by year (oldest first), each year's rows in ledger order
 * as runs `[first, last]` of consecutive rows. Rows, not 编号: they keep the job small enough for Script Properties
 * (a year's cases mostly stand together); each row is judged again when it is picked, so a row someone moved meanwhile
 * never moves a case that may not go, at worst leaves one for the next count.
 */
export type ArchiveQueue = { year: number; runs: [number, number][] }[];

/** The queue of the candidates, cut after `maxRuns` runs (true when cut: what was left out needs another count). */
export function queueOf(cands: readonly ArchiveCandidate[], maxRuns: number): { queue: ArchiveQueue; cut: boolean } {
  const byYear = new Map<number, number[]>();
  for (const c of cands) {
    const rows = byYear.get(c.year);
    if (rows) rows.push(c.row);
    else byYear.set(c.year, [c.row]);
  }
  const queue: ArchiveQueue = [];
  let left = maxRuns;
  let cut = false;
  for (const [year, rows] of [...byYear].sort((a, b) => a[0] - b[0])) {
    const runs = runsOf([...new Set(rows)].sort((a, b) => a - b));
    if (runs.length > left) cut = true;
    const kept = runs.slice(0, Math.max(0, left));
    left -= kept.length;
    if (kept.length) queue.push({ year, runs: kept });
  }
  return { queue, cut };
}

/** Cases queued, by year, oldest first. */
export function queuedCounts(queue: ArchiveQueue): { year: number; count: number }[] {
  return queue
    .map((q) => ({ year: q.year, count: q.runs.reduce((n, [a, b]) => n + b - a + 1, 0) }))
    .filter((q) => q.count > 0);
}

/** Takes up to `max` rows of the oldest year queued off the queue (in ledger order); null when it is empty. */
export function takeFromQueue(queue: ArchiveQueue, max: number): { year: number; rows: number[] } | null {
  while (queue.length && queue[0]!.runs.length === 0) queue.shift();
  const first = queue[0];
  if (!first) return null;
  const rows: number[] = [];
  while (rows.length < max && first.runs.length) {
    const run = first.runs[0]!;
    const n = Math.min(max - rows.length, run[1] - run[0] + 1);
    for (let i = 0; i < n; i++) rows.push(run[0] + i);
    if (run[0] + n > run[1]) first.runs.shift();
    else run[0] += n;
  }
  if (!first.runs.length) queue.shift();
  return { year: first.year, rows };
}

/**
 * Where a row stands once `deleted` rows (ascending, distinct) are gone: up by the deleted rows above it. A deleted
 * row gives the row that takes its place.
 */
export function rowAfterDeletions(row: number, deleted: readonly number[]): number {
  let lo = 0;
  let hi = deleted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (deleted[mid]! < row) lo = mid + 1;
    else hi = mid;
  }
  return row - lo;
}

/** The queue once `deleted` rows (ascending, distinct) left 台账: each run moved up, deleted rows left out. */
export function queueAfterDeletions(queue: ArchiveQueue, deleted: readonly number[]): ArchiveQueue {
  if (!deleted.length) return queue;
  const gone = new Set(deleted);
  return queue.map((q) => ({
    year: q.year,
    runs: q.runs.flatMap(([a, b]): [number, number][] => {
      const first = rowAfterDeletions(a, deleted);
      const last = rowAfterDeletions(b, deleted) - (gone.has(b) ? 1 : 0);
      return first <= last ? [[first, last]] : [];
    }),
  }));
}

const isDate = (v: unknown): v is Date => Object.prototype.toString.call(v) === '[object Date]';
const blank = (v: unknown): unknown => (v === null || v === undefined ? '' : v);

/** True when two cells hold the same value: the same instant, number, boolean or text (types kept apart). */
export function sameCell(a: unknown, b: unknown): boolean {
  const x = blank(a);
  const y = blank(b);
  if (isDate(x) || isDate(y)) return isDate(x) && isDate(y) && x.getTime() === y.getTime();
  return typeof x === typeof y && x === y;
}

/** A row as one string: equal rows (by sameCell) give equal keys. For matching rows that have no key of their own. */
export function rowKey(cells: readonly unknown[]): string {
  return JSON.stringify(
    cells.map((v) => {
      const x = blank(v);
      return isDate(x) ? { d: x.getTime() } : x;
    }),
  );
}

/** True for a Sheets number format that shows a date or a time (so the cell reads back as a Date). */
export function isDateFormat(fmt: string | undefined): boolean {
  if (!fmt || fmt === '@') return false;
  const bare = fmt
    .replace(/"[^"]*"/g, '')
    .replace(/\\./g, '')
    .replace(/\[(?![hms]+\])[^\]]*\]/gi, '')
    .replace(/E[+-]/g, '');
  return /[ydhsm]/i.test(bare) && !/^general$/i.test(fmt);
}

/**
 * The number format a cell gets in the archive before its value is written, so the value reads back as it was:
 * text as plain text ('@': an ID number, a phone or 00042 is never read as a number, a leading = or ' is kept), a
 * date with the column's date format (else a date or a date-time one), a number with the column's number format
 * (else General). `columnFormat`: the ledger layout's format for that column, when it has one.
 */
export function cellFormat(
  v: unknown,
  columnFormat: string | undefined,
  defaults: { date: string; dateTime: string },
): string {
  if (typeof v === 'string' && v !== '') return '@';
  if (isDate(v)) {
    if (isDateFormat(columnFormat)) return columnFormat!;
    return msIntoShanghaiDay(v) === 0 ? defaults.date : defaults.dateTime;
  }
  if (typeof v === 'number')
    return columnFormat && columnFormat !== '@' && !isDateFormat(columnFormat) ? columnFormat : 'General';
  if (typeof v === 'boolean') return 'General';
  return columnFormat ?? 'General';
}

/** One source row and what the archive holds of it. */
export interface RowMatch {
  /** The source row's index in `source`. */
  index: number;
  /** same: an identical archive row; differs: the archive row of the same key holds other cells; missing: none. */
  status: 'same' | 'differs' | 'missing';
  /** The archive row matched (by key, or the identical one), as its index in `archive`. */
  archiveIndex?: number;
  /** For 'differs': the first column that differs. */
  column?: number;
}

/**
 * Matches each source row with the archive's rows. With `key` (台账 by 编号, a record by 编号 and 序号) a row has one
 * place in the archive, which holds it or an older version of it; without (流转记录 lines, written once and never
 * changed), an identical archive row not yet matched counts, so a line written twice in the source needs two.
 */
export function matchRows(
  source: readonly (readonly unknown[])[],
  archive: readonly (readonly unknown[])[],
  key?: (cells: readonly unknown[]) => string,
): RowMatch[] {
  if (key) {
    const at = new Map<string, number>();
    archive.forEach((cells, i) => {
      const k = key(cells);
      if (k && !at.has(k)) at.set(k, i);
    });
    return source.map((cells, index) => {
      const i = at.get(key(cells));
      if (i === undefined) return { index, status: 'missing' };
      const column = cells.findIndex((v, c) => !sameCell(v, archive[i]![c]));
      const width = Math.max(cells.length, archive[i]!.length);
      const extra = column < 0 ? firstExtra(archive[i]!, cells.length, width) : column;
      return extra < 0
        ? { index, status: 'same', archiveIndex: i }
        : { index, status: 'differs', archiveIndex: i, column: extra };
    });
  }
  const free = new Map<string, number[]>();
  archive.forEach((cells, i) => {
    const k = rowKey(cells);
    free.set(k, [...(free.get(k) ?? []), i]);
  });
  return source.map((cells, index) => {
    const i = free.get(rowKey(cells))?.shift();
    return i === undefined ? { index, status: 'missing' } : { index, status: 'same', archiveIndex: i };
  });
}

/** The first cell beyond `from` that is not blank (an archive row wider than its source), or -1. */
function firstExtra(cells: readonly unknown[], from: number, width: number): number {
  for (let c = from; c < width; c++) if (!sameCell(cells[c], '')) return c;
  return -1;
}

/**
 * Rows to delete as runs of consecutive rows, bottom first, so deleting one run never moves a row of the next
 * (and every other row keeps its cells, anchor and formatting).
 */
export function deletionRuns(rows: readonly number[]): { start: number; count: number }[] {
  const sorted = [...new Set(rows)].sort((a, b) => b - a);
  const runs: { start: number; count: number }[] = [];
  for (const r of sorted) {
    const last = runs[runs.length - 1];
    if (last && r === last.start - 1) {
      last.start = r;
      last.count += 1;
    } else runs.push({ start: r, count: 1 });
  }
  return runs;
}
