// The SpreadsheetApp global: the bound spreadsheet, create/openById/openByUrl (with the scope and
// simple-trigger rules for other files), the active selection, builders, enums, flush and getUi.
import { GasObject, NotImplementedError } from '../host/kernel';
import type { SheetsContext } from './context';
import { ConditionalFormatRuleBuilderHost } from './ConditionalFormatRuleBuilder';
import { SPREADSHEET_ENUMS } from './enums';
import { FilterCriteriaBuilderHost } from './FilterCriteriaBuilder';
import { SpreadsheetModel } from './model';
import { addSheet } from './Spreadsheet';
import { DataValidationBuilderHost } from './DataValidationBuilder';

type App = GoogleAppsScript.Spreadsheet.SpreadsheetApp;
type GasSpreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type E = typeof GoogleAppsScript.Spreadsheet;

const FULL_SCOPE = 'https://www.googleapis.com/auth/spreadsheets';

/** Creates a spreadsheet model with one 'Sheet1' and registers it. */
export function newSpreadsheet(
  ctx: SheetsContext,
  name: string,
  owner: string,
  rows = 1000,
  cols = 26,
): SpreadsheetModel {
  const o = ctx.core.options;
  const ss = new SpreadsheetModel(ctx.randomId(44), name, owner, o.locale.replace('-', '_'), o.spreadsheetTimeZone);
  addSheet(ctx, ss, 'Sheet1', undefined, rows, cols);
  ctx.spreadsheets.set(ss.id, ss);
  return ss;
}

export class SpreadsheetAppHost extends GasObject implements Partial<App> {
  readonly gasService = 'SpreadsheetApp';
  readonly gasClass = 'SpreadsheetApp';
  readonly ProtectionType = SPREADSHEET_ENUMS.ProtectionType as unknown as E['ProtectionType'];
  readonly DataValidationCriteria = SPREADSHEET_ENUMS.DataValidationCriteria as unknown as E['DataValidationCriteria'];
  readonly BooleanCriteria = SPREADSHEET_ENUMS.BooleanCriteria as unknown as E['BooleanCriteria'];
  readonly RelativeDate = SPREADSHEET_ENUMS.RelativeDate as unknown as E['RelativeDate'];
  readonly BorderStyle = SPREADSHEET_ENUMS.BorderStyle as unknown as E['BorderStyle'];
  readonly WrapStrategy = SPREADSHEET_ENUMS.WrapStrategy as unknown as E['WrapStrategy'];
  readonly Dimension = SPREADSHEET_ENUMS.Dimension as unknown as E['Dimension'];
  readonly Direction = SPREADSHEET_ENUMS.Direction as unknown as E['Direction'];
  readonly CopyPasteType = SPREADSHEET_ENUMS.CopyPasteType as unknown as E['CopyPasteType'];
  readonly SheetType = SPREADSHEET_ENUMS.SheetType as unknown as E['SheetType'];
  readonly TextDirection = SPREADSHEET_ENUMS.TextDirection as unknown as E['TextDirection'];
  readonly AutoFillSeries = SPREADSHEET_ENUMS.AutoFillSeries as unknown as E['AutoFillSeries'];
  readonly DeveloperMetadataVisibility =
    SPREADSHEET_ENUMS.DeveloperMetadataVisibility as unknown as E['DeveloperMetadataVisibility'];
  readonly GroupControlTogglePosition =
    SPREADSHEET_ENUMS.GroupControlTogglePosition as unknown as E['GroupControlTogglePosition'];

  constructor(private readonly _ctx: SheetsContext) {
    super();
  }

  private _bound(): GasSpreadsheet {
    return this._ctx.make.spreadsheet(this._ctx.spreadsheets.get(this._ctx.boundId) as SpreadsheetModel) as never;
  }

  /** Files other than the bound one need the full `spreadsheets` scope and are refused to simple triggers. */
  private _otherFileAccess(method: string): void {
    const k = this._ctx.kernel;
    const ex = k.current;
    if (!ex) return;
    if (ex.authMode === 'LIMITED')
      throw this._ctx.error(
        `You do not have permission to call SpreadsheetApp.${method}. Required permissions: ${FULL_SCOPE}`,
      );
    if (k.scopes && !k.scopes.includes(FULL_SCOPE))
      throw this._ctx.error(
        `Specified permissions are not sufficient to call SpreadsheetApp.${method}. Required permissions: ${FULL_SCOPE}`,
      );
  }

  /** The container; null in a web app, which has no active container (decision 3; guides/bound). */
  getActive(): GasSpreadsheet {
    return this._ctx.kernel.current?.kind === 'webApp' ? (null as never) : this._bound();
  }
  getActiveSpreadsheet(): GasSpreadsheet {
    return this.getActive();
  }

  create(name: string, rows?: number, columns?: number): GasSpreadsheet {
    const args = [name, rows, columns].filter((a) => a !== undefined);
    if (typeof name !== 'string' || (rows === undefined) !== (columns === undefined))
      throw this._ctx.paramsError('create', args);
    if (rows !== undefined) this._ctx.requireInt('create', args, rows, columns);
    if (rows !== undefined && (rows < 1 || (columns as number) < 1)) throw this._ctx.error('Invalid argument: rows');
    this._otherFileAccess('create');
    const ss = newSpreadsheet(this._ctx, name, this._ctx.writer() || this._ctx.owner, rows, columns);
    for (const listener of this._ctx.createdListeners) listener(ss);
    return this._ctx.make.spreadsheet(ss) as never;
  }

  openById(id: string): GasSpreadsheet {
    if (typeof id !== 'string') throw this._ctx.paramsError('openById', [id]);
    return this._open(id, 'openById');
  }

  openByUrl(url: string): GasSpreadsheet {
    if (typeof url !== 'string') throw this._ctx.paramsError('openByUrl', [url]);
    const m = /^https:\/\/docs\.google\.com\/spreadsheets\/d\/([A-Za-z0-9_-]+)/.exec(url);
    if (!m) throw this._ctx.error('Invalid argument: url');
    return this._open(m[1], 'openByUrl');
  }

  private _open(id: string, method: string): GasSpreadsheet {
    if (id !== this._ctx.boundId) this._otherFileAccess(method);
    const ss = this._ctx.spreadsheets.get(id);
    if (!ss)
      throw this._ctx.error(
        `Unexpected error while getting the method or property ${method} on object SpreadsheetApp.`,
      );
    return this._ctx.make.spreadsheet(ss) as never;
  }

  /** Writes are immediate locally; calls are counted in the store (`flushes`). */
  flush(): void {
    this._ctx.flushes += 1;
  }

  /**
   * A web app has no container, so the active sheet, range, cell and selection are not available (guides/bound:
   * "When a bound script is run as a web app … these methods are not available"). How they fail there is not
   * documented: assumed null, like getActiveSpreadsheet(); the setters are refused loudly.
   */
  private _inWebApp(): boolean {
    return this._ctx.kernel.current?.kind === 'webApp';
  }
  private _noContainer(method: string): never {
    throw new NotImplementedError(
      `SpreadsheetApp.${method} in a web app (no active spreadsheet; how Apps Script fails there is unverified)`,
    );
  }
  getActiveSheet(): GoogleAppsScript.Spreadsheet.Sheet {
    return this._inWebApp() ? (null as never) : this._bound().getActiveSheet();
  }
  getActiveRange(): GoogleAppsScript.Spreadsheet.Range {
    return this._inWebApp() ? (null as never) : (this._bound().getActiveRange() as GoogleAppsScript.Spreadsheet.Range);
  }
  getCurrentCell(): GoogleAppsScript.Spreadsheet.Range {
    return this._inWebApp() ? (null as never) : (this._bound().getCurrentCell() as GoogleAppsScript.Spreadsheet.Range);
  }
  getSelection(): GoogleAppsScript.Spreadsheet.Selection {
    return this._inWebApp() ? (null as never) : this._bound().getSelection();
  }
  setActiveSheet(sheet: GoogleAppsScript.Spreadsheet.Sheet): GoogleAppsScript.Spreadsheet.Sheet {
    if (this._inWebApp()) this._noContainer('setActiveSheet');
    return this._bound().setActiveSheet(sheet);
  }
  setActiveRange(range: GoogleAppsScript.Spreadsheet.Range): GoogleAppsScript.Spreadsheet.Range {
    if (this._inWebApp()) this._noContainer('setActiveRange');
    return this._bound().setActiveRange(range);
  }

  /** Delegates to the engine (which throws "Cannot call SpreadsheetApp.getUi() from this context." without UI). */
  getUi(): GoogleAppsScript.Base.Ui {
    return this._ctx.deps.ui() as never;
  }

  newDataValidation(): GoogleAppsScript.Spreadsheet.DataValidationBuilder {
    return new DataValidationBuilderHost(this._ctx) as never;
  }
  newConditionalFormatRule(): GoogleAppsScript.Spreadsheet.ConditionalFormatRuleBuilder {
    return new ConditionalFormatRuleBuilderHost(this._ctx) as never;
  }
  newFilterCriteria(): GoogleAppsScript.Spreadsheet.FilterCriteriaBuilder {
    return new FilterCriteriaBuilderHost(this._ctx) as never;
  }
}
