// Month indexes of append-only sheets (流转记录, the record sheets): `[month, row]` pairs, months rising, each the first
// row written once the sheet had reached that month. A line written later (parked, 补录) is lower down whatever its
// date, so every line written since a month began is at or below that month's row. Kept in one Script Property per
// sheet, changed once a month; rebuilt from the sheet's 时间 column when missing or when rows were removed.
import { toShanghaiDate } from '../core/dates';
import { setProp } from './script-props';

/** `[month, row]`, or `[month, row, mark]` where the sheet's line at that row is marked (see records.ts). */
export type MonthIndex = [string, number, string?][];

/** Rows read above a month's row: two executions appending a month's first lines at once both write the index. */
export const INDEX_MARGIN = 50;

export const monthOf = (t: Date): string => toShanghaiDate(t).slice(0, 7);

export function parseIndex(text: string | null | undefined): MonthIndex | null {
  if (!text) return null;
  try {
    const v = JSON.parse(text) as unknown;
    return Array.isArray(v) ? (v as MonthIndex) : null;
  } catch {
    return null;
  }
}

/**
 * The index after `months` were written from row `start` on (one month a line, in the order written); `marks`, when
 * given, says what each line is, kept beside its row so a reader can tell the row still holds it.
 */
export function extendIndex(
  index: MonthIndex,
  start: number,
  months: readonly string[],
  marks?: readonly string[],
): MonthIndex {
  const out = [...index];
  months.forEach((m, i) => {
    const top = out[out.length - 1];
    if (!top || m > top[0]) out.push(marks ? [m, start + i, marks[i]!] : [m, start + i]);
  });
  return out;
}

/** The index of a sheet from its 时间 column (one read), stored under `key`. */
export function rebuildIndex(sheet: GoogleAppsScript.Spreadsheet.Sheet, timeCol: number, key: string): MonthIndex {
  const last = sheet.getLastRow();
  const times = last < 2 ? [] : sheet.getRange(2, timeCol, last - 1, 1).getValues();
  const index = extendIndex(
    [],
    2,
    times.map((r) => (r[0] instanceof Date ? monthOf(r[0]) : '')),
  );
  setProp(key, JSON.stringify(index));
  return index;
}

/** True when the index cannot be trusted for a sheet whose last row is `last` (rows removed, or lines without one). */
export function staleIndex(index: MonthIndex | null, last: number): boolean {
  return !index || (index.length > 0 && index[index.length - 1]![1] > last) || (index.length === 0 && last >= 2);
}

/**
 * The first row that can hold a line written since `month` began: that month's row (or the next month's the index
 * has; else the last month's, since lines written after it are all below its row), less the margin; `at` and
 * `mark`: the indexed row and what it held, for the reader to check.
 */
export function floorRow(index: MonthIndex, month: string): { row: number; at?: number; mark?: string } {
  const hit = index.find(([m]) => m >= month) ?? index[index.length - 1];
  if (!hit) return { row: 2 };
  return { row: Math.max(2, hit[1] - INDEX_MARGIN), at: hit[1], ...(hit[2] ? { mark: hit[2] } : {}) };
}

/**
 * True when lines of these months, written now, need no new entry: the index has each month or a later one (lines
 * written now go below the rows it knows). False for an index of no month.
 */
export function monthsIndexed(index: MonthIndex | null, months: readonly string[]): boolean {
  return !!index?.length && extendIndex(index, 0, months).length === index.length;
}

/** monthsIndexed for a line written now. */
export function monthIndexed(index: MonthIndex | null, now = new Date()): boolean {
  return monthsIndexed(index, [monthOf(now)]);
}
