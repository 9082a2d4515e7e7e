// Inserting, deleting and moving rows and columns: every cell layer, sizes, hidden state, groups, frozen counts, and
// everything anchored to cells (named ranges, protections, rules, filter, charts, borders, merges) moves with them.
// Also appendRow. Formulas are NOT rewritten: a formula elsewhere that refers to shifted or moved cells keeps its text
// (Sheets rewrites it; see README, "Deliberately not implemented").
import type { SheetsContext } from './context';
import { shiftDelete, shiftInsert, shiftMove, type Dim, type Rect } from './grid';
import { deleteFromOutline, insertIntoOutline, permute, permuteOutline } from './groups';
import type { RangeRef, SheetModel } from './model';
import { assertCanEdit } from './Protection';
import { checkScriptValues, writeScriptValues } from './cells';
import { assertMoveKeepsMerges, movedMerges } from './merges';

const CELL_LIMIT = 10_000_000;

/** Sheets' 10-million-cell limit, checked before a grid grows. */
export function assertCellBudget(ctx: SheetsContext, sheet: SheetModel, extraCells: number): void {
  if (sheet.parent.cellCount() + extraCells > CELL_LIMIT) {
    throw ctx.error(
      `This action would increase the number of cells in the workbook above the limit of ${CELL_LIMIT} cells.`,
    );
  }
}

function words(dim: Dim): { bounds: string; all: string } {
  return dim === 'rows'
    ? { bounds: 'Those rows are out of bounds.', all: 'Sorry, it is not possible to delete all non-frozen rows.' }
    : {
        bounds: 'Those columns are out of bounds.',
        all: 'Sorry, it is not possible to delete all non-frozen columns.',
      };
}

function whole(sheet: SheetModel, dim: Dim, at: number, n: number): Rect {
  return dim === 'rows'
    ? { row: at, col: 1, numRows: n, numCols: sheet.maxCols }
    : { row: 1, col: at, numRows: sheet.maxRows, numCols: n };
}

/** Moves every cell-anchored thing of the sheet through `move` (null = it was deleted). */
function shiftAnchors(sheet: SheetModel, move: (r: Rect) => Rect | null): void {
  const ss = sheet.parent;
  const moveRef = (ref: RangeRef): RangeRef | null => {
    if (ref.sheet !== sheet) return ref;
    const rect = move(ref.rect);
    return rect && { sheet, rect };
  };
  ss.namedRanges = ss.namedRanges.filter((n) => n.sheet !== sheet || (n.rect = move(n.rect) as Rect) !== null);
  ss.protections = ss.protections.filter((p) => {
    if (p.sheet !== sheet) return true;
    p.unprotected = p.unprotected.map(move).filter((r): r is Rect => r !== null);
    if (!p.rect) return true;
    p.rect = move(p.rect);
    p.removed = p.rect === null;
    return !p.removed;
  });
  for (const s of ss.sheets) {
    for (const rule of s.conditionalRules)
      rule.ranges = rule.ranges.map(moveRef).filter((r): r is RangeRef => r !== null);
    s.conditionalRules = s.conditionalRules.filter((r) => r.ranges.length > 0);
    for (const c of s.charts) c.ranges = c.ranges.map(moveRef).filter((r): r is RangeRef => r !== null);
  }
  if (sheet.filter) {
    const rect = move(sheet.filter.rect);
    sheet.filter = rect && { ...sheet.filter, rect };
  }
  sheet.borders = sheet.borders.filter((b) => (b.rect = move(b.rect) as Rect) !== null);
  // Sheets grows a merge a row or column is inserted into, shrinks one partly deleted, drops one wholly deleted.
  sheet.merges = movedMerges(sheet.merges, move);
}

/** Inserts `n` rows/columns so that the first new one is at 1-based `at`. */
export function insertDim(ctx: SheetsContext, sheet: SheetModel, dim: Dim, at: number, n: number): void {
  const max = dim === 'rows' ? sheet.maxRows : sheet.maxCols;
  if (!Number.isInteger(at) || !Number.isInteger(n) || at < 1 || at > max + 1 || n < 1)
    throw ctx.error(words(dim).bounds);
  assertCellBudget(ctx, sheet, dim === 'rows' ? n * sheet.maxCols : n * sheet.maxRows);
  if (at <= max) assertCanEdit(ctx, sheet, whole(sheet, dim, at, 1));
  for (const layer of sheet.cellLayers()) {
    if (dim === 'rows') layer.insertRows(at - 1, n);
    else layer.insertCols(at - 1, n);
  }
  const arrays = dim === 'rows' ? [sheet.rowHeights, sheet.hiddenRows] : [sheet.colWidths, sheet.hiddenCols];
  for (const a of arrays as unknown[][]) if (at - 1 < a.length) a.splice(at - 1, 0, ...new Array(n));
  insertIntoOutline(sheet, dim, at, n);
  if (dim === 'rows') {
    sheet.maxRows += n;
    if (at <= sheet.frozenRows) sheet.frozenRows += n;
  } else {
    sheet.maxCols += n;
    if (at <= sheet.frozenCols) sheet.frozenCols += n;
  }
  shiftAnchors(sheet, (r) => shiftInsert(r, dim, at, n));
}

/** Deletes rows/columns at..at+n-1, with Sheets' errors for out-of-bounds and "all non-frozen". */
export function deleteDim(ctx: SheetsContext, sheet: SheetModel, dim: Dim, at: number, n: number): void {
  const max = dim === 'rows' ? sheet.maxRows : sheet.maxCols;
  const frozen = dim === 'rows' ? sheet.frozenRows : sheet.frozenCols;
  if (!Number.isInteger(at) || !Number.isInteger(n) || at < 1 || n < 1 || at + n - 1 > max)
    throw ctx.error(words(dim).bounds);
  if (at <= frozen + 1 && at + n - 1 >= max) throw ctx.error(words(dim).all);
  assertCanEdit(ctx, sheet, whole(sheet, dim, at, n));
  for (const layer of sheet.cellLayers()) {
    if (dim === 'rows') layer.deleteRows(at - 1, n);
    else layer.deleteCols(at - 1, n);
  }
  const arrays = dim === 'rows' ? [sheet.rowHeights, sheet.hiddenRows] : [sheet.colWidths, sheet.hiddenCols];
  for (const a of arrays as unknown[][]) a.splice(at - 1, n);
  deleteFromOutline(sheet, dim, at, n);
  const removedFrozen = Math.max(0, Math.min(at + n - 1, frozen) - at + 1);
  if (dim === 'rows') {
    sheet.maxRows -= n;
    sheet.frozenRows -= removedFrozen;
  } else {
    sheet.maxCols -= n;
    sheet.frozenCols -= removedFrozen;
  }
  shiftAnchors(sheet, (r) => shiftDelete(r, dim, at, n));
}

/**
 * Sheet.moveRows / moveColumns: rows (columns) start..start+n-1 go to before `dest`, an index counted before the
 * move ("Existing data is shifted … to make room for the moved columns while the source columns are removed from the
 * grid", sheet#moveColumns(Range,Integer)); a destination inside or at either edge of the block leaves it where it is
 * (assumed). Values, formulas, formats, notes, validations, sizes, hidden state and groups move with them; anchors
 * follow shiftMove; the frozen counts stay (assumed).
 */
export function moveDim(ctx: SheetsContext, sheet: SheetModel, dim: Dim, start: number, n: number, dest: number): void {
  const max = dim === 'rows' ? sheet.maxRows : sheet.maxCols;
  if (!Number.isInteger(dest) || dest < 1 || dest > max + 1) throw ctx.error(words(dim).bounds);
  if (dest >= start && dest <= start + n) return;
  const lo = Math.min(start, dest);
  const hi = Math.max(start + n - 1, dest - 1);
  assertCanEdit(ctx, sheet, whole(sheet, dim, lo, hi - lo + 1));
  const move = (r: Rect) => shiftMove(r, dim, start, n, dest);
  assertMoveKeepsMerges(ctx, sheet, dim, start, n, movedMerges(sheet.merges, move));
  const block = Array.from({ length: n }, (_v, k) => start + k);
  const rest =
    dest > start
      ? Array.from({ length: dest - start - n }, (_v, k) => start + n + k)
      : Array.from({ length: start - dest }, (_v, k) => dest + k);
  const order = dest > start ? [...rest, ...block] : [...block, ...rest];
  const zero = order.map((i) => i - 1);
  for (const layer of sheet.cellLayers()) {
    if (dim === 'rows') layer.reorderRows(lo - 1, zero);
    else layer.reorderCols(lo - 1, zero);
  }
  const arrays = dim === 'rows' ? [sheet.rowHeights, sheet.hiddenRows] : [sheet.colWidths, sheet.hiddenCols];
  for (const a of arrays as unknown[][]) permute(a, lo, order);
  permuteOutline(sheet, dim, lo, order);
  if (dim === 'cols' && sheet.filter) {
    const where = new Map(order.map((old, k) => [old, lo + k]));
    sheet.filter.criteria = new Map([...sheet.filter.criteria].map(([c, v]) => [where.get(c) ?? c, v]));
  }
  shiftAnchors(sheet, move);
}

/** Sheet.appendRow: after the last row with content; the grid grows when full. Values parse as typed. */
export function appendRow(ctx: SheetsContext, sheet: SheetModel, rowContents: unknown): void {
  if (!Array.isArray(rowContents)) throw ctx.paramsError('Sheet.appendRow', [rowContents]);
  checkScriptValues(ctx, 'Sheet.appendRow', [rowContents]);
  if (rowContents.length === 0) return;
  const row = sheet.lastRow() + 1;
  if (row > sheet.maxRows) {
    assertCellBudget(ctx, sheet, sheet.maxCols);
    sheet.maxRows += 1;
  }
  if (rowContents.length > sheet.maxCols)
    insertDim(ctx, sheet, 'cols', sheet.maxCols + 1, rowContents.length - sheet.maxCols);
  writeScriptValues(ctx, sheet, { row, col: 1, numRows: 1, numCols: rowContents.length }, [rowContents]);
}
