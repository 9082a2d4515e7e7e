// Apps Script's Spreadsheet: its sheets (order, insert, delete, lookup), ranges by A1 and by name,
// selection, protections, zone and locale, sharing, and toasts.
import { GasObject } from '../host/kernel';
import type { SheetsContext } from './context';
import { SheetModel, type SpreadsheetModel } from './model';
import { findNamed, listNamed, removeNamed, setNamedRange } from './NamedRange';
import { emailOf, listProtections, UserHost } from './Protection';
import { resolveA1 } from './resolve';
import { activeRect, activeSheet, select, SelectionHost } from './Selection';
import { duplicateNameMessage } from './Sheet';
import { assertCellBudget } from './structure';
import { createTextFinder } from './TextFinder';
import { isValidTimeZone } from './zones';

type GasSpreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type GasSheet = GoogleAppsScript.Spreadsheet.Sheet;
type GasRange = GoogleAppsScript.Spreadsheet.Range;

/** Adds a 1000×26 sheet at 0-based `index` (end by default); it becomes the acting user's active sheet. */
export function addSheet(
  ctx: SheetsContext,
  ss: SpreadsheetModel,
  name?: string,
  index?: number,
  rows = 1000,
  cols = 26,
): SheetModel {
  let n = ss.sheets.length + 1;
  while (name === undefined && ss.sheetByName(`Sheet${n}`)) n++;
  const sheetName = name ?? `Sheet${n}`;
  if (ss.sheetByName(sheetName)) throw ctx.error(duplicateNameMessage(sheetName));
  const id = ss.sheets.length === 0 ? 0 : 1 + Math.floor(ctx.core.random() * 2_000_000_000);
  const sheet = new SheetModel(ss, id, sheetName, rows, cols);
  if (ss.sheets.length) assertCellBudget(ctx, ss.sheets[0], rows * cols);
  ss.sheets.splice(index ?? ss.sheets.length, 0, sheet);
  return sheet;
}

export class SpreadsheetHost extends GasObject implements Partial<GasSpreadsheet> {
  readonly gasService = 'SpreadsheetApp';
  readonly gasClass = 'Spreadsheet';
  constructor(
    readonly _ctx: SheetsContext,
    readonly _model: SpreadsheetModel,
  ) {
    super();
  }

  private _sheet(m: SheetModel): GasSheet {
    return this._ctx.make.sheet(m) as never;
  }
  private _active(): SheetModel {
    return activeSheet(this._model, this._ctx.user());
  }
  private _sheetArg(method: string, sheet: unknown): SheetModel {
    const m = (sheet as { _model?: unknown } | null)?._model;
    if (!(m instanceof SheetModel) || m.parent !== this._model) throw this._ctx.paramsError(method, [sheet]);
    return m;
  }

  getId(): string {
    return this._model.id;
  }
  getUrl(): string {
    return `https://docs.google.com/spreadsheets/d/${this._model.id}/edit`;
  }
  getName(): string {
    return this._model.name;
  }
  rename(newName: string): void {
    if (typeof newName !== 'string') throw this._ctx.paramsError('Spreadsheet.rename', [newName]);
    this._model.name = newName;
  }

  getSheets(): GasSheet[] {
    return this._model.sheets.map((s) => this._sheet(s));
  }
  getNumSheets(): number {
    return this._model.sheets.length;
  }
  getSheetByName(name: string): GasSheet | null {
    if (typeof name !== 'string') throw this._ctx.paramsError('Spreadsheet.getSheetByName', [name]);
    const m = this._model.sheetByName(name);
    return m ? this._sheet(m) : null;
  }
  getSheetById(id: number): GasSheet | null {
    const m = this._model.sheets.find((s) => s.id === id);
    return m ? this._sheet(m) : null;
  }

  /** insertSheet(), (index), (name), (name, index); the `options.template` forms are not emulated. */
  insertSheet(...args: unknown[]): GasSheet {
    const [a, b] = args;
    const name = typeof a === 'string' ? a : undefined;
    const index = typeof a === 'number' ? a : typeof b === 'number' ? b : undefined;
    const ok =
      args.length <= 2 &&
      (a === undefined || typeof a === 'string' || typeof a === 'number') &&
      (b === undefined || (typeof a === 'string' && typeof b === 'number'));
    if (!ok) throw this._ctx.paramsError('Spreadsheet.insertSheet', args);
    if (index !== undefined && (!Number.isInteger(index) || index < 0 || index > this._model.sheets.length))
      throw this._ctx.error('The sheet index is out of range.');
    const sheet = addSheet(this._ctx, this._model, name, index);
    select(this._ctx, this._ctx.user(), sheet, null);
    return this._sheet(sheet);
  }
  deleteSheet(sheet: GasSheet): void {
    const m = this._sheetArg('Spreadsheet.deleteSheet', sheet);
    if (this._model.sheets.length === 1) throw this._ctx.error("You can't remove all the sheets in a document.");
    this._model.sheets.splice(this._model.sheets.indexOf(m), 1);
    this._model.namedRanges = this._model.namedRanges.filter((n) => n.sheet !== m);
    this._model.protections = this._model.protections.filter((p) => p.sheet !== m);
  }
  getActiveSheet(): GasSheet {
    return this._sheet(this._active());
  }
  setActiveSheet(sheet: GasSheet): GasSheet {
    select(this._ctx, this._ctx.user(), this._sheetArg('Spreadsheet.setActiveSheet', sheet), null);
    return sheet;
  }
  /** Moves the active sheet to 1-based position `pos`. */
  moveActiveSheet(pos: number): void {
    this._ctx.requireInt('Spreadsheet.moveActiveSheet', [pos], pos);
    const m = this._active();
    const list = this._model.sheets;
    list.splice(list.indexOf(m), 1);
    list.splice(Math.max(0, Math.min(list.length, pos - 1)), 0, m);
  }

  getRange(a1Notation: string): GasRange {
    if (typeof a1Notation !== 'string') throw this._ctx.paramsError('Spreadsheet.getRange', [a1Notation]);
    const r = resolveA1(this._ctx, this._model, this._active(), a1Notation);
    return this._ctx.make.range(r.sheet, r.rect, r.form) as never;
  }
  getRangeList(a1Notations: string[]): GoogleAppsScript.Spreadsheet.RangeList {
    if (!Array.isArray(a1Notations)) throw this._ctx.paramsError('Spreadsheet.getRangeList', [a1Notations]);
    return this._ctx.make.rangeList(a1Notations.map((a) => this.getRange(a))) as never;
  }
  /** Searches every sheet, in tab order (TextFinder.ts). */
  createTextFinder(findText: string): GoogleAppsScript.Spreadsheet.TextFinder {
    const areas = this._model.sheets.map((sheet) => ({
      sheet,
      rect: { row: 1, col: 1, numRows: sheet.maxRows, numCols: sheet.maxCols },
    }));
    return createTextFinder(this._ctx, 'Spreadsheet.createTextFinder', areas, findText);
  }
  getDataRange(): GasRange {
    return this._sheet(this._active()).getDataRange();
  }
  getLastRow(): number {
    return this._active().lastRow();
  }
  getLastColumn(): number {
    return this._active().lastCol();
  }
  appendRow(rowContents: unknown[]): GasSheet {
    return this._sheet(this._active()).appendRow(rowContents);
  }

  getActiveRange(): GasRange {
    const a = activeRect(this._model, this._ctx.user());
    return this._ctx.make.range(a.sheet, a.rect) as never;
  }
  getActiveCell(): GasRange {
    const a = activeRect(this._model, this._ctx.user());
    return this._ctx.make.range(a.sheet, { ...a.rect, numRows: 1, numCols: 1 }) as never;
  }
  getCurrentCell(): GasRange {
    return this.getActiveCell();
  }
  getSelection(): GoogleAppsScript.Spreadsheet.Selection {
    return new SelectionHost(this._ctx, this._model) as never;
  }
  setActiveRange(range: GasRange): GasRange {
    const h = range as unknown as {
      _sheet?: SheetModel;
      _rect?: { row: number; col: number; numRows: number; numCols: number };
    };
    if (!h._sheet || h._sheet.parent !== this._model || !h._rect)
      throw this._ctx.paramsError('Spreadsheet.setActiveRange', [range]);
    select(this._ctx, this._ctx.user(), h._sheet, h._rect);
    return range;
  }
  setActiveSelection(a1Notation: string | GasRange): GasRange {
    return this.setActiveRange(typeof a1Notation === 'string' ? this.getRange(a1Notation) : a1Notation);
  }

  setNamedRange(name: string, range: GasRange): void {
    setNamedRange(this._ctx, this._model, name, range);
  }
  getRangeByName(name: string): GasRange | null {
    if (typeof name !== 'string') throw this._ctx.paramsError('Spreadsheet.getRangeByName', [name]);
    const spec = findNamed(this._model, name);
    return spec ? (this._ctx.make.range(spec.sheet, spec.rect) as never) : null;
  }
  getNamedRanges(): GoogleAppsScript.Spreadsheet.NamedRange[] {
    return listNamed(this._ctx, this._model) as never;
  }
  removeNamedRange(name: string): void {
    removeNamed(this._ctx, this._model, name);
  }
  getProtections(type: GoogleAppsScript.Spreadsheet.ProtectionType): GoogleAppsScript.Spreadsheet.Protection[] {
    return listProtections(this._ctx, this._model, type) as never;
  }

  getSpreadsheetTimeZone(): string {
    return this._model.timeZone;
  }
  /** IANA ids only (strict local message; Google's text unconfirmed). */
  setSpreadsheetTimeZone(timezone: string): void {
    if (!isValidTimeZone(timezone)) throw this._ctx.error(`Invalid argument: ${String(timezone)}`);
    this._model.timeZone = timezone;
  }
  getSpreadsheetLocale(): string {
    return this._model.locale;
  }
  setSpreadsheetLocale(locale: string): void {
    if (typeof locale !== 'string' || !/^[a-z]{2,3}(_[A-Z]{2})?$/.test(locale))
      throw this._ctx.error(`Invalid argument: ${String(locale)}`);
    this._model.locale = locale;
  }

  /** Recorded in the store's `toasts`; shows nothing. */
  toast(msg: string, title?: string, timeoutSeconds?: number | null): void {
    if (title !== undefined && title !== null && typeof title !== 'string')
      throw this._ctx.paramsError('Spreadsheet.toast', [msg, title, timeoutSeconds]);
    this._ctx.toasts.push({
      message: String(msg),
      title: title ?? '',
      seconds: timeoutSeconds ?? 5,
      at: this._ctx.now(),
    });
  }

  getOwner(): GoogleAppsScript.Base.User {
    return new UserHost(this._model.owner) as never;
  }
  getEditors(): GoogleAppsScript.Base.User[] {
    return [this._model.owner, ...this._model.editors].map((e) => new UserHost(e) as never);
  }
  addEditor(user: string | GoogleAppsScript.Base.User): GasSpreadsheet {
    return this.addEditors([emailOf(user) as string]);
  }
  addEditors(emailAddresses: string[]): GasSpreadsheet {
    if (!Array.isArray(emailAddresses) || emailAddresses.some((e) => emailOf(e) === null))
      throw this._ctx.paramsError('Spreadsheet.addEditors', [emailAddresses]);
    for (const e of emailAddresses.map(emailOf) as string[])
      if (e !== this._model.owner && !this._model.editors.includes(e)) this._model.editors.push(e);
    return this as never;
  }
  removeEditor(user: string | GoogleAppsScript.Base.User): GasSpreadsheet {
    const e = emailOf(user);
    if (e === null) throw this._ctx.paramsError('Spreadsheet.removeEditor', [user]);
    this._model.editors = this._model.editors.filter((x) => x !== e);
    return this as never;
  }
}
