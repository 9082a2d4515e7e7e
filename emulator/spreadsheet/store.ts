// The Sheets store the environment drives: the bound spreadsheet, people's selections and edits (typed input,
// protections checked, no triggers fired), toasts, flush count, seeding and read APIs for tests and export.
import type { GasObject } from '../host/kernel';
import { cellAt, writeTyped } from './cells';
import type { SheetsContext, Toast } from './context';
import type { SheetModel, SpreadsheetModel } from './model';
import { snapshot, snapshotSheet, type SheetSnapshot, type SpreadsheetSnapshot } from './read';
import { resolveA1 } from './resolve';
import { select } from './Selection';
import type { SpreadsheetHost } from './Spreadsheet';
import { newSpreadsheet } from './SpreadsheetApp';
import { eventString } from './values';

/** What a person's edit did, for the engine to build the edit event from. */
export interface UserEditResult {
  /** The host Range of the edited block (expose it with kernel.expose for the event). */
  range: GasObject;
  /** Single-cell edits only: the new value as a string (absent when the cell ends up empty). */
  value?: string;
  /** Single-cell edits only: the previous value as a string (absent when the cell was empty). */
  oldValue?: string;
}

/** The handle on the Sheets module the environment and tests use. */
export class SheetsStore {
  constructor(private readonly _ctx: SheetsContext) {}

  /** The container spreadsheet's host object. */
  get bound(): SpreadsheetHost {
    return this._ctx.make.spreadsheet(this.model());
  }

  /** Toasts shown so far, oldest first. */
  get toasts(): Toast[] {
    return this._ctx.toasts;
  }

  /** How many times SpreadsheetApp.flush() was called. */
  get flushes(): number {
    return this._ctx.flushes;
  }

  /** A spreadsheet's model (the bound one by default); throws for an unknown id. */
  model(id = this._ctx.boundId): SpreadsheetModel {
    const ss = this._ctx.spreadsheets.get(id);
    if (!ss) throw new Error(`sheets store: no spreadsheet with id ${id}`);
    return ss;
  }

  /** Every spreadsheet, the bound one first. */
  all(): SpreadsheetModel[] {
    return [...this._ctx.spreadsheets.values()];
  }

  /** Gives a spreadsheet a new id (e.g. the bound file's id in a scenario). */
  setId(oldId: string, newId: string): void {
    const ss = this.model(oldId);
    if (this._ctx.spreadsheets.has(newId)) throw new Error(`sheets store: id ${newId} is taken`);
    this._ctx.spreadsheets.delete(oldId);
    ss.id = newId;
    this._ctx.spreadsheets.set(newId, ss);
    if (this._ctx.boundId === oldId) this._ctx.boundId = newId;
  }

  /** Renames a spreadsheet. */
  setName(name: string, id = this._ctx.boundId): void {
    this.model(id).name = name;
  }

  /** Who may edit besides the owner (the protections' "spreadsheet editors"). */
  setEditors(emails: string[], id = this._ctx.boundId): void {
    this.model(id).editors = [...emails];
  }

  /** A new spreadsheet (one 'Sheet1'), e.g. for Drive copies; returns its host object. */
  create(name: string, owner = this._ctx.owner): SpreadsheetHost {
    return this._ctx.make.spreadsheet(newSpreadsheet(this._ctx, name, owner));
  }

  /** Called with every spreadsheet SpreadsheetApp.create makes (Drive lists them). */
  onCreated(listener: (ss: SpreadsheetModel) => void): void {
    this._ctx.createdListeners.push(listener);
  }

  private _sheet(sheetName: string, id?: string): SheetModel {
    const sheet = this.model(id).sheetByName(sheetName);
    if (!sheet) throw new Error(`sheets store: no sheet named ${sheetName}`);
    return sheet;
  }

  /** Sets `user`'s selection (also their active sheet). */
  select(user: string, sheetName: string, a1: string): void {
    const sheet = this._sheet(sheetName);
    const r = resolveA1(this._ctx, sheet.parent, sheet, a1);
    select(this._ctx, user, r.sheet, r.rect);
  }

  /**
   * A person types `values` (one value fills the range; a 2-D array fills a block from its top-left) as
   * `user`: parsed in the spreadsheet's locale, refused by hard protections they are not an editor of
   * (warning-only ones let them through) and, whole, by a strict validation rule a cell breaks (InputRejectedError,
   * validation-check.ts), '' clears. Selects the edited block. Fires no trigger.
   */
  userEdit(user: string, sheetName: string, a1: string, values: unknown): UserEditResult {
    const sheet = this._sheet(sheetName);
    const r = resolveA1(this._ctx, sheet.parent, sheet, a1);
    const block = Array.isArray(values) && values.every(Array.isArray) ? (values as unknown[][]) : null;
    const rect = block
      ? { row: r.rect.row, col: r.rect.col, numRows: block.length, numCols: block[0]?.length ?? 0 }
      : r.rect;
    if (block && (rect.numRows === 0 || block.some((row) => row.length !== rect.numCols)))
      throw new Error('sheets store: userEdit needs a rectangular, non-empty block');
    if (rect.row + rect.numRows - 1 > sheet.maxRows || rect.col + rect.numCols - 1 > sheet.maxCols)
      throw new Error('sheets store: userEdit block is outside the grid');
    const grid = block ?? Array.from({ length: rect.numRows }, () => new Array(rect.numCols).fill(values));
    const single = rect.numRows === 1 && rect.numCols === 1;
    const before = single ? eventString(cellAt(sheet, rect.row, rect.col)) : undefined;
    writeTyped(this._ctx, sheet, rect, grid, user);
    select(this._ctx, user, sheet, rect);
    const out: UserEditResult = { range: this._ctx.make.range(sheet, rect) };
    if (single) {
      const after = eventString(cellAt(sheet, rect.row, rect.col));
      if (after !== undefined) out.value = after;
      if (before !== undefined) out.oldValue = before;
    }
    return out;
  }

  /** Gives formula cells the value a test says they compute (the runtime evaluates no formulas). */
  seedFormulaResult(sheetName: string, a1: string, value: string | number | boolean, id?: string): void {
    const sheet = this._sheet(sheetName, id);
    const r = resolveA1(this._ctx, sheet.parent, sheet, a1);
    for (let i = 0; i < r.rect.numRows; i++) {
      for (let j = 0; j < r.rect.numCols; j++) {
        if (!sheet.formulas.get(r.rect.row - 1 + i, r.rect.col - 1 + j))
          throw new Error(`sheets store: ${a1} holds no formula`);
        sheet.values.set(r.rect.row - 1 + i, r.rect.col - 1 + j, value);
      }
    }
  }

  /** The whole spreadsheet as plain data (export, assertions). */
  read(id?: string): SpreadsheetSnapshot {
    return snapshot(this.model(id));
  }

  /** One sheet as plain data. */
  readSheet(sheetName: string, id?: string): SheetSnapshot {
    return snapshotSheet(this._sheet(sheetName, id));
  }
}
