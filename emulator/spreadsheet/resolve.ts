// Turns getRange's arguments (row/column numbers or an A1/R1C1 string, with or without a sheet prefix)
// into a sheet and a box, with Apps Script's errors.
import { parseA1 } from './a1';
import type { RangeForm, SheetsContext } from './context';
import type { Rect } from './grid';
import type { SheetModel, SpreadsheetModel } from './model';
import { checkBounds } from './Range';

export interface Resolved {
  sheet: SheetModel;
  rect: Rect;
  form: RangeForm;
}

/** An A1 string against `ss`; without a sheet prefix it means `defaultSheet`. */
export function resolveA1(ctx: SheetsContext, ss: SpreadsheetModel, defaultSheet: SheetModel, a1: string): Resolved {
  const ref = parseA1(a1);
  if (!ref) throw ctx.error('Range not found');
  const sheet = ref.sheetName === undefined ? defaultSheet : ss.sheetByName(ref.sheetName);
  if (!sheet) throw ctx.error('Range not found');
  let form: RangeForm = ref.kind;
  const row = ref.row ?? 1;
  const col = ref.col ?? 1;
  let endRow = ref.endRow;
  if (endRow === undefined) {
    endRow = sheet.maxRows;
    if (ref.kind === 'cells') form = 'open-rows';
  }
  const endCol = ref.endCol ?? sheet.maxCols;
  checkBounds(ctx, sheet, row, col, endRow - row + 1, endCol - col + 1);
  return { sheet, rect: { row, col, numRows: endRow - row + 1, numCols: endCol - col + 1 }, form };
}

/** getRange(row, column[, numRows[, numColumns]]) or getRange(a1) on a sheet. */
export function resolveGetRange(ctx: SheetsContext, sheet: SheetModel, method: string, args: unknown[]): Resolved {
  if (args.length === 1 && typeof args[0] === 'string') return resolveA1(ctx, sheet.parent, sheet, args[0]);
  if (args.length < 1 || args.length > 4 || args.some((a) => typeof a !== 'number' || !Number.isInteger(a)))
    throw ctx.paramsError(method, args);
  if (args.length === 1) throw ctx.paramsError(method, args);
  const [row, col, numRows = 1, numCols = 1] = args as number[];
  checkBounds(ctx, sheet, row, col, numRows, numCols);
  return { sheet, rect: { row, col, numRows, numCols }, form: 'cells' };
}
