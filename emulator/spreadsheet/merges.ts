// Merged cells: the boxes a sheet holds merged (SheetModel.merges, never overlapping, each of two cells or more) and
// the rules Sheets applies to them — Range.merge / mergeAcross / mergeVertically / breakApart, the freeze and sort
// checks, and where merges go when rows or columns are inserted, deleted or moved.
// https://developers.google.com/apps-script/reference/spreadsheet/range#merge()
import type { SheetsContext } from './context';
import { contains, intersects, type Dim, type Rect } from './grid';
import type { SheetModel } from './model';
import { assertCanEdit } from './Protection';

/**
 * Google's message when a merge or an unmerge covers only part of an existing merge. Quoted by public projects for
 * Range.breakApart and by the Sheets API for unmergeCells ("Invalid requests[1].unmergeCells: You must select all cells
 * in a merged range …"); for a merge it is assumed to be the same (its wording names both).
 */
export const PARTIAL_MERGE_MESSAGE = 'You must select all cells in a merged range to merge or unmerge them.';

/**
 * Merging across the frozen edge. The columns form is in public Apps Script execution logs ("Exception: You can't
 * merge frozen and non-frozen columns."); the rows form is quoted by public projects without its full stop (assumed
 * to carry one, like the columns form).
 */
export const FROZEN_MERGE_MESSAGE: Record<Dim, string> = {
  rows: "You can't merge frozen and non-frozen rows.",
  cols: "You can't merge frozen and non-frozen columns.",
};

/**
 * Sheet.setFrozenRows / setFrozenColumns through a merge. The columns form is an Apps Script execution log quoted in
 * public ("Exception: Sorry, you can't freeze columns which contain only part of a merged cell. Try to break apart
 * merged cells or freeze more columns to include the complete merged cells."); the rows form is assumed by symmetry.
 */
export const FREEZE_SPLITS_MERGE_MESSAGE: Record<Dim, string> = {
  rows:
    "Sorry, you can't freeze rows which contain only part of a merged cell. Try to break apart merged cells or " +
    'freeze more rows to include the complete merged cells.',
  cols:
    "Sorry, you can't freeze columns which contain only part of a merged cell. Try to break apart merged cells or " +
    'freeze more columns to include the complete merged cells.',
};

/**
 * Sorting rows through a vertical merge. Sheets refuses it; the wording is the Sheets API's sortRange refusal as a
 * public project records it (Apps Script's own text unconfirmed).
 */
export const SORT_VERTICAL_MERGE_MESSAGE = "You can't sort a range containing vertical merges.";

/** Strict local message (Google's text unconfirmed): a sorted box that cuts through a horizontal merge. */
export const SORT_PARTIAL_MERGE_MESSAGE = "You can't sort a range that contains only part of a merged cell.";

/** Strict local message (Google's text unconfirmed): moving rows or columns that would split or overlap merges. */
export const MOVE_SPLITS_MERGE_MESSAGE = "You can't move rows or columns that contain only part of a merged cell.";

/** How a range is merged: one block, each row apart (mergeAcross), each column apart (mergeVertically). */
export type MergeKind = 'all' | 'across' | 'vertical';

const lastRowOf = (r: Rect): number => r.row + r.numRows - 1;
const lastColOf = (r: Rect): number => r.col + r.numCols - 1;
const isMerge = (r: Rect): boolean => r.numRows > 1 || r.numCols > 1;
const byPosition = (a: Rect, b: Rect): number => a.row - b.row || a.col - b.col;

/** The merges that share a cell with `rect`, top to bottom, left to right. */
export function mergesTouching(sheet: SheetModel, rect: Rect): Rect[] {
  return sheet.merges.filter((m) => intersects(m, rect)).sort(byPosition);
}

/** The boxes a merge of `rect` makes: the whole box, one per row, or one per column. */
function pieces(rect: Rect, kind: MergeKind): Rect[] {
  if (kind === 'all') return [{ ...rect }];
  if (kind === 'across')
    return Array.from({ length: rect.numRows }, (_v, i) => ({ ...rect, row: rect.row + i, numRows: 1 }));
  return Array.from({ length: rect.numCols }, (_v, j) => ({ ...rect, col: rect.col + j, numCols: 1 }));
}

/** Throws Google's message when a merge touching `rect` lies partly outside it. */
function assertWholeMerges(ctx: SheetsContext, sheet: SheetModel, rect: Rect): void {
  if (sheet.merges.some((m) => intersects(m, rect) && !contains(rect, m))) throw ctx.error(PARTIAL_MERGE_MESSAGE);
}

/** True when a frozen edge (after row/column `frozen`) runs through the box along `dim`. */
function crossesFrozen(rect: Rect, dim: Dim, frozen: number): boolean {
  const [first, last] = dim === 'rows' ? [rect.row, lastRowOf(rect)] : [rect.col, lastColOf(rect)];
  return frozen > 0 && first <= frozen && last > frozen;
}

/**
 * Range.merge / mergeAcross / mergeVertically. Each piece keeps its top-left cell's value and formula; the other
 * cells' values and formulas are cleared (Sheets warns "Merging cells will only preserve the top-leftmost value" in its
 * UI; a script is not asked) and take the top-left cell's number format and styles (assumed: a merged cell has one
 * format). Merges lying wholly inside the range are replaced; one partly inside fails with Google's message. A piece of
 * one cell merges nothing, and a call whose pieces are all single cells changes nothing and checks nothing (assumed).
 * Notes and validation of the covered cells stay (assumed).
 */
export function mergeRange(ctx: SheetsContext, sheet: SheetModel, rect: Rect, kind: MergeKind): void {
  const parts = pieces(rect, kind).filter(isMerge);
  if (parts.length === 0) return;
  for (const p of parts) {
    if (crossesFrozen(p, 'rows', sheet.frozenRows)) throw ctx.error(FROZEN_MERGE_MESSAGE.rows);
    if (crossesFrozen(p, 'cols', sheet.frozenCols)) throw ctx.error(FROZEN_MERGE_MESSAGE.cols);
  }
  assertWholeMerges(ctx, sheet, rect);
  assertCanEdit(ctx, sheet, rect);
  sheet.merges = sheet.merges.filter((m) => !contains(rect, m));
  const formatLayers = [sheet.numberFormats, ...sheet.styles.values()];
  for (const p of parts) {
    const r0 = p.row - 1;
    const c0 = p.col - 1;
    const formats = formatLayers.map((l) => l.get(r0, c0));
    for (let i = 0; i < p.numRows; i++) {
      for (let j = 0; j < p.numCols; j++) {
        if (i === 0 && j === 0) continue;
        sheet.values.set(r0 + i, c0 + j, undefined);
        sheet.formulas.set(r0 + i, c0 + j, undefined);
        formatLayers.forEach((l, k) => l.set(r0 + i, c0 + j, formats[k]));
      }
    }
    sheet.merges.push(p);
  }
  sheet.merges.sort(byPosition);
}

/**
 * Range.breakApart: every merge inside the range becomes single cells again (their values stay as they are: only the
 * top-left one holds anything). A merge partly inside fails with Google's message; a range without merges is left
 * alone.
 */
export function breakApart(ctx: SheetsContext, sheet: SheetModel, rect: Rect): void {
  if (!sheet.merges.some((m) => intersects(m, rect))) return;
  assertWholeMerges(ctx, sheet, rect);
  assertCanEdit(ctx, sheet, rect);
  sheet.merges = sheet.merges.filter((m) => !contains(rect, m));
}

/** Sheet.setFrozenRows / setFrozenColumns: refused when the new frozen edge runs through a merge. */
export function assertFreezeKeepsMerges(ctx: SheetsContext, sheet: SheetModel, dim: Dim, frozen: number): void {
  if (sheet.merges.some((m) => crossesFrozen(m, dim, frozen))) throw ctx.error(FREEZE_SPLITS_MERGE_MESSAGE[dim]);
}

/** Merges after a structural change: each box moved by `move`; one deleted or shrunk to a single cell is gone. */
export function movedMerges(merges: Rect[], move: (r: Rect) => Rect | null): Rect[] {
  return merges
    .map((m) => move({ ...m }))
    .filter((m): m is Rect => m !== null && isMerge(m))
    .sort(byPosition);
}

/**
 * Before Sheet.moveRows / moveColumns: refused when a merge lies partly inside the moved block along `dim`, or when the
 * merges would overlap where the block lands (strict local rule; Sheets' behaviour unconfirmed).
 */
export function assertMoveKeepsMerges(
  ctx: SheetsContext,
  sheet: SheetModel,
  dim: Dim,
  start: number,
  n: number,
  moved: Rect[],
): void {
  const end = start + n - 1;
  const split = sheet.merges.some((m) => {
    const [a, b] = dim === 'rows' ? [m.row, lastRowOf(m)] : [m.col, lastColOf(m)];
    return a <= end && b >= start && (a < start || b > end);
  });
  const overlap = moved.some((m, i) => moved.some((o, k) => k > i && intersects(m, o)));
  if (split || overlap) throw ctx.error(MOVE_SPLITS_MERGE_MESSAGE);
}

/**
 * Before a sort of the rows of `rect`: a vertical merge touching the box refuses the sort; a horizontal merge must lie
 * within the box's columns. Returns the horizontal merges inside the box, which move with their rows.
 */
export function mergesMovedBySort(ctx: SheetsContext, sheet: SheetModel, rect: Rect): Rect[] {
  const touching = sheet.merges.filter((m) => intersects(m, rect));
  if (touching.some((m) => m.numRows > 1)) throw ctx.error(SORT_VERTICAL_MERGE_MESSAGE);
  if (touching.some((m) => m.col < rect.col || lastColOf(m) > lastColOf(rect)))
    throw ctx.error(SORT_PARTIAL_MERGE_MESSAGE);
  return touching;
}

/** After a sort: each horizontal merge goes to the row its cells went to (new row i took old row order[i]). */
export function applySortToMerges(sheet: SheetModel, rect: Rect, moving: Rect[], order: number[]): void {
  if (moving.length === 0) return;
  const newIndex = new Map(order.map((old, i) => [old, i]));
  for (const m of moving) m.row = rect.row + (newIndex.get(m.row - rect.row) as number);
  sheet.merges.sort(byPosition);
}
