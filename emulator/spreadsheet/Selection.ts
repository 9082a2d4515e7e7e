// Per-person selection: the active sheet and the selected box on each sheet (default A1 of the first
// sheet), behind getActiveSheet/getActiveRange/getCurrentCell/getSelection and their setters.
import { GasObject } from '../host/kernel';
import type { SheetsContext } from './context';
import type { Rect } from './grid';
import type { SelectionState, SheetModel, SpreadsheetModel } from './model';

const A1: Rect = { row: 1, col: 1, numRows: 1, numCols: 1 };

function state(ss: SpreadsheetModel, user: string): SelectionState {
  let s = ss.selections.get(user);
  if (!s || s.sheet.deleted) {
    s = { sheet: ss.sheets[0], perSheet: s?.perSheet ?? new Map() };
    ss.selections.set(user, s);
  }
  return s;
}

/** Makes `rect` on `sheet` the user's selection (and the sheet their active sheet). */
export function select(_ctx: SheetsContext, user: string, sheet: SheetModel, rect: Rect | null): void {
  const s = state(sheet.parent, user);
  s.sheet = sheet;
  if (rect) s.perSheet.set(sheet, { ...rect });
}

/** The user's active sheet (the first sheet until something is activated). */
export function activeSheet(ss: SpreadsheetModel, user: string): SheetModel {
  return state(ss, user).sheet;
}

/** The user's selected box on their active sheet (A1 by default, clipped to the grid). */
export function activeRect(ss: SpreadsheetModel, user: string): { sheet: SheetModel; rect: Rect } {
  const s = state(ss, user);
  const rect = s.perSheet.get(s.sheet) ?? A1;
  const fits = rect.row + rect.numRows - 1 <= s.sheet.maxRows && rect.col + rect.numCols - 1 <= s.sheet.maxCols;
  return { sheet: s.sheet, rect: fits ? rect : A1 };
}

/** SpreadsheetApp.getSelection() / Spreadsheet.getSelection(). */
export class SelectionHost extends GasObject implements Partial<GoogleAppsScript.Spreadsheet.Selection> {
  readonly gasService = 'SpreadsheetApp';
  readonly gasClass = 'Selection';
  constructor(
    private readonly _ctx: SheetsContext,
    private readonly _ss: SpreadsheetModel,
  ) {
    super();
  }
  getActiveRange(): GoogleAppsScript.Spreadsheet.Range {
    const a = activeRect(this._ss, this._ctx.user());
    return this._ctx.make.range(a.sheet, a.rect) as never;
  }
  getActiveSheet(): GoogleAppsScript.Spreadsheet.Sheet {
    return this._ctx.make.sheet(activeSheet(this._ss, this._ctx.user())) as never;
  }
  getCurrentCell(): GoogleAppsScript.Spreadsheet.Range {
    const a = activeRect(this._ss, this._ctx.user());
    return this._ctx.make.range(a.sheet, { row: a.rect.row, col: a.rect.col, numRows: 1, numCols: 1 }) as never;
  }
}
