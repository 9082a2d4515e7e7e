// The SpreadsheetApp module of the local runtime: `createSheetsModule` wires the host classes, creates the
// bound spreadsheet (one 'Sheet1'), registers the scope rules and returns the globals and the store.
import type { EnvCore, ServiceModule } from '../host/env-core';
import type { SheetsWiring } from '../host/sheets-wiring';
import { CHARTS_ENUMS } from './Charts';
import { SheetsContext, type SheetsDeps } from './context';
import { RangeHost } from './Range';
import { RangeListHost } from './RangeList';
import { SheetHost } from './Sheet';
import { SpreadsheetHost } from './Spreadsheet';
import { newSpreadsheet, SpreadsheetAppHost } from './SpreadsheetApp';
import { SheetsStore } from './store';

export { SheetsStore, type UserEditResult } from './store';
export type { SheetsDeps, Toast } from './context';
export type { SpreadsheetSnapshot, SheetSnapshot, ValidationSnapshot, ChartSnapshot, GroupSnapshot } from './read';
export type { SpreadsheetModel, SheetModel, CellValue } from './model';
export { SpreadsheetHost } from './Spreadsheet';
export { SheetHost } from './Sheet';
export { RangeHost } from './Range';

/** What the module gives the environment. */
export interface SheetsModule extends ServiceModule {
  globals: { SpreadsheetApp: SpreadsheetAppHost; Charts: object };
  store: SheetsStore;
  /** The same store in the shape emulator/sheets-wiring.ts expects. */
  wiring: SheetsWiring;
}

/** Every SpreadsheetApp call needs `spreadsheets.currentonly` or `spreadsheets` (getUi is the Ui's business). */
function registerScopes(core: EnvCore): void {
  core.kernel.addScopeResolver((name) => {
    if (!name.startsWith('SpreadsheetApp.') || name === 'SpreadsheetApp.getUi') return undefined;
    return { scopes: ['spreadsheets.currentonly', 'spreadsheets'] };
  });
}

/** Builds the module: globals `SpreadsheetApp` and `Charts` (enums only), and the store. */
export function createSheetsModule(core: EnvCore, deps: SheetsDeps): SheetsModule {
  const ctx = new SheetsContext(core, deps);
  ctx.make = {
    spreadsheet: (m) => ctx.cached(m, () => new SpreadsheetHost(ctx, m)),
    sheet: (m) => ctx.cached(m, () => new SheetHost(ctx, m)),
    range: (sheet, rect, form) => new RangeHost(ctx, sheet, rect, form),
    rangeList: (ranges) => new RangeListHost(ranges as RangeHost[]),
  };
  ctx.boundId = newSpreadsheet(ctx, 'Untitled spreadsheet', core.options.owner).id;
  registerScopes(core);
  const store = new SheetsStore(ctx);
  const wiring: SheetsWiring = {
    spreadsheet: () => store.bound,
    spreadsheetId: () => store.model().id,
    select: (person, sheetName, a1) => store.select(person, sheetName, a1),
    typeInto: (person, sheetName, a1, values) => store.userEdit(person, sheetName, a1, values),
    toasts: () => store.toasts,
  };
  return { globals: { SpreadsheetApp: new SpreadsheetAppHost(ctx), Charts: CHARTS_ENUMS }, store, wiring };
}
