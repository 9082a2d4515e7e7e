// Rows found server-side with a TextFinder on one column (a quarter of a read's price a cell, no cell returned), and
// then only those rows read: how 查找, 案件历史 and 跳转 stay cheap on a ledger and a log of many thousand rows.
import { readRuns } from '../core/runs';
import { columnLetter } from './table';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
type Range = GoogleAppsScript.Spreadsheet.Range;

/** What a column is searched for: plain text (never a pattern) unless `pattern`; partial and case-blind by default. */
export interface ColumnSearch {
  text: string;
  /** The whole cell must match (matchEntireCell). */
  whole?: boolean;
  /** Case counts (matchCase). */
  matchCase?: boolean;
  /** `text` is a regular expression the app made (useRegularExpression), never a person's query. */
  pattern?: boolean;
  /** The first row searched (2, below the header, when not given). */
  from?: number;
}

/**
 * A TextFinder over one column below the header, set up as `s` asks (plain text unless `pattern`: the default). The
 * range is named open-ended in A1 (`E2:E`, to the grid's end) so no getLastRow round trip comes first (the cells
 * below the last row are empty: nothing there matches). Null for a sheet of only a header row.
 */
export function columnFinder(
  sheet: Sheet,
  col: number,
  s: ColumnSearch,
): GoogleAppsScript.Spreadsheet.TextFinder | null {
  if (!s.text) return null;
  const c = columnLetter(col);
  let range: Range;
  try {
    range = sheet.getRange(`${c}${s.from ?? 2}:${c}`);
  } catch {
    return null; // no such row
  }
  let finder = range.createTextFinder(s.text);
  if (s.pattern) finder = finder.useRegularExpression(true);
  if (s.whole) finder = finder.matchEntireCell(true);
  if (s.matchCase) finder = finder.matchCase(true);
  return finder;
}

/** The matching cells of one column, top to bottom (findAll: one server-side scan, no cell read). */
export function findInColumn(sheet: Sheet, col: number, s: ColumnSearch): Range[] {
  return columnFinder(sheet, col, s)?.findAll() ?? [];
}

/**
 * The rows of several columns' matches, top to bottom and each once. A Range's row is asked only when the merge
 * reaches it (a local call each), so a search that matches every row costs only the rows taken.
 */
export function* rowsInOrder(found: readonly (readonly Range[])[]): Generator<number> {
  const at = found.map(() => 0);
  const head = found.map((cells) => (cells.length ? cells[0]!.getRow() : Infinity));
  let last = 0;
  for (;;) {
    let k = 0;
    for (let i = 1; i < head.length; i++) if (head[i]! < head[k]!) k = i;
    const row = head[k];
    if (row === undefined || row === Infinity) return;
    at[k]! += 1;
    head[k] = at[k]! < found[k]!.length ? found[k]![at[k]!]!.getRow() : Infinity;
    if (row !== last && row >= 2) yield row;
    last = row;
  }
}

/** Up to `n` more rows from a generator. */
export function take(rows: Iterator<number>, n: number): number[] {
  const out: number[] = [];
  while (out.length < n) {
    const r = rows.next();
    if (r.done) break;
    out.push(r.value);
  }
  return out;
}

/** `width` columns from `lo` of the given rows: one read per run of rows (a short gap read along when cheaper). */
export function readRowsAt(sheet: Sheet, rows: readonly number[], lo: number, width: number): Map<number, unknown[]> {
  const out = new Map<number, unknown[]>();
  const sorted = [...new Set(rows)].sort((a, b) => a - b);
  for (const [top, bottom] of readRuns(sorted, width)) {
    const grid = sheet.getRange(top, lo, bottom - top + 1, width).getValues();
    grid.forEach((line, k) => out.set(top + k, line));
  }
  return out;
}
