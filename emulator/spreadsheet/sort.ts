// Sorting rows of a box: Range.sort / Sheet.sort / Filter.sort. Stable; numbers and dates before text
// before booleans; text ignoring case; empty cells always last. Whole rows of the box move with every layer, and
// horizontal merges with their rows; a vertical merge refuses the sort (merges.ts).
import type { SheetsContext } from './context';
import type { Rect } from './grid';
import type { CellValue, SheetModel } from './model';
import { applySortToMerges, mergesMovedBySort } from './merges';
import { assertCanEdit } from './Protection';

/** One sort key: an absolute 1-based column. */
export interface SortKey {
  col: number;
  asc: boolean;
}

/** Strict local message (Google's exact text unconfirmed). */
export const SORT_COLUMN_MESSAGE = 'The column to sort by must be within the range.';

/** Reads Range.sort's argument: a column, {column, ascending}, or an array of those. */
export function parseSortSpec(ctx: SheetsContext, method: string, spec: unknown, rect: Rect): SortKey[] {
  const list = Array.isArray(spec) ? spec : [spec];
  if (list.length === 0) throw ctx.paramsError(method, [spec]);
  return list.map((s) => {
    let key: SortKey;
    if (typeof s === 'number') key = { col: s, asc: true };
    else if (s && typeof s === 'object' && typeof (s as { column?: unknown }).column === 'number') {
      const asc = (s as { ascending?: unknown }).ascending;
      if (asc !== undefined && typeof asc !== 'boolean') throw ctx.paramsError(method, [spec]);
      key = { col: (s as { column: number }).column, asc: asc ?? true };
    } else throw ctx.paramsError(method, [spec]);
    if (!Number.isInteger(key.col) || key.col < rect.col || key.col > rect.col + rect.numCols - 1)
      throw ctx.error(SORT_COLUMN_MESSAGE);
    return key;
  });
}

function rank(v: CellValue): number {
  return typeof v === 'number' ? 0 : typeof v === 'string' ? 1 : 2;
}

function compare(a: CellValue | undefined, b: CellValue | undefined, asc: boolean): number {
  const ae = a === undefined || a === '';
  const be = b === undefined || b === '';
  if (ae || be) return ae === be ? 0 : ae ? 1 : -1;
  const ra = rank(a as CellValue);
  const rb = rank(b as CellValue);
  let d: number;
  if (ra !== rb) d = ra - rb;
  else if (typeof a === 'string') {
    const x = a.toLowerCase();
    const y = (b as string).toLowerCase();
    d = x < y ? -1 : x > y ? 1 : 0;
  } else d = Number(a) - Number(b);
  return asc ? d : -d;
}

/** Sorts the rows of `rect` by `keys`, moving values, formulas, formats and styles of the box together. */
export function sortRows(ctx: SheetsContext, sheet: SheetModel, rect: Rect, keys: SortKey[]): void {
  assertCanEdit(ctx, sheet, rect);
  const merges = mergesMovedBySort(ctx, sheet, rect);
  const r0 = rect.row - 1;
  const order = Array.from({ length: rect.numRows }, (_v, i) => i);
  order.sort((i, j) => {
    for (const k of keys) {
      const d = compare(sheet.values.get(r0 + i, k.col - 1), sheet.values.get(r0 + j, k.col - 1), k.asc);
      if (d !== 0) return d;
    }
    return 0;
  });
  if (order.every((v, i) => v === i)) return;
  for (const layer of sheet.cellLayers()) layer.permuteRows(r0, rect.col - 1, rect.numCols, order);
  applySortToMerges(sheet, rect, merges, order);
}
