// Range, part 1: geometry (bounds errors, offset, getCell, A1 text) and contents (values, display values,
// formulas, notes, clearing). Formats and styles are in range-style.ts, rules and structure in range.ts.
import { GasObject } from '../host/kernel';
import { formatA1, shiftFormula } from './a1';
import {
  checkScriptValues,
  clearContents,
  clearFormats,
  readDisplay,
  readValue,
  readValues,
  writeFormulas,
  writeScriptValues,
} from './cells';
import type { RangeForm, SheetsContext } from './context';
import type { Rect } from './grid';
import type { SheetModel } from './model';
import { assertCanEdit } from './Protection';

type GasRange = GoogleAppsScript.Spreadsheet.Range;

/** Throws the getRange bounds errors Apps Script gives, in its order. */
export function checkBounds(
  ctx: SheetsContext,
  sheet: SheetModel,
  row: number,
  col: number,
  numRows: number,
  numCols: number,
): void {
  if (row < 1) throw ctx.error('The starting row of the range is too small.');
  if (col < 1) throw ctx.error('The starting column of the range is too small.');
  if (numRows < 1) throw ctx.error('The number of rows in the range must be at least 1.');
  if (numCols < 1) throw ctx.error('The number of columns in the range must be at least 1.');
  if (row + numRows - 1 > sheet.maxRows || col + numCols - 1 > sheet.maxCols) {
    throw ctx.error('The coordinates of the range are outside the dimensions of the sheet.');
  }
}

/** Checks a 2-D argument is an array of arrays matching the range's shape, with Google's messages. */
export function checkShape(ctx: SheetsContext, method: string, data: unknown, rect: Rect): asserts data is unknown[][] {
  if (!Array.isArray(data) || data.some((row) => !Array.isArray(row))) throw ctx.paramsError(method, [data]);
  if (data.length !== rect.numRows) {
    throw ctx.error(
      `The number of rows in the data does not match the number of rows in the range. The data has ${data.length} but the range has ${rect.numRows}.`,
    );
  }
  for (const row of data as unknown[][]) {
    if (row.length !== rect.numCols) {
      throw ctx.error(
        `The number of columns in the data does not match the number of columns in the range. The data has ${row.length} but the range has ${rect.numCols}.`,
      );
    }
  }
}

/** A grid of one value, the range's shape. */
export function fill<T>(rect: Rect, v: T): T[][] {
  return Array.from({ length: rect.numRows }, () => new Array<T>(rect.numCols).fill(v));
}

/** Geometry and contents of a range. Coordinates are fixed when the range is made, as in Apps Script. */
export abstract class RangeBase extends GasObject {
  readonly gasService = 'SpreadsheetApp';
  readonly gasClass = 'Range';
  readonly _rect: Rect;

  constructor(
    readonly _ctx: SheetsContext,
    readonly _sheet: SheetModel,
    rect: Rect,
    readonly _form: RangeForm = 'cells',
  ) {
    super();
    this._rect = { ...rect };
  }

  protected _range(rect: Rect): GasRange {
    return this._ctx.make.range(this._sheet, rect) as never;
  }

  protected _self(): GasRange {
    return this as never;
  }

  getRow(): number {
    return this._rect.row;
  }
  getRowIndex(): number {
    return this._rect.row;
  }
  getColumn(): number {
    return this._rect.col;
  }
  getLastRow(): number {
    return this._rect.row + this._rect.numRows - 1;
  }
  getLastColumn(): number {
    return this._rect.col + this._rect.numCols - 1;
  }
  getNumRows(): number {
    return this._rect.numRows;
  }
  getNumColumns(): number {
    return this._rect.numCols;
  }
  getHeight(): number {
    return this._rect.numRows;
  }
  getWidth(): number {
    return this._rect.numCols;
  }
  getGridId(): number {
    return this._sheet.id;
  }

  getA1Notation(): string {
    const r = this._rect;
    return formatA1(r.row, r.col, r.numRows, r.numCols, this._form);
  }

  getSheet(): GoogleAppsScript.Spreadsheet.Sheet {
    return this._ctx.make.sheet(this._sheet) as never;
  }

  offset(rowOffset: number, columnOffset: number, numRows?: number, numColumns?: number): GasRange {
    const args = [rowOffset, columnOffset, numRows, numColumns].filter((a) => a !== undefined);
    this._ctx.requireInt('Range.offset', args, ...args);
    const r = this._rect;
    const rect = {
      row: r.row + rowOffset,
      col: r.col + columnOffset,
      numRows: numRows ?? r.numRows,
      numCols: numColumns ?? r.numCols,
    };
    checkBounds(this._ctx, this._sheet, rect.row, rect.col, rect.numRows, rect.numCols);
    return this._range(rect);
  }

  /** A cell relative to the range's top-left (1-based). */
  getCell(row: number, column: number): GasRange {
    this._ctx.requireInt('Range.getCell', [row, column], row, column);
    if (row < 1 || column < 1 || row > this._rect.numRows || column > this._rect.numCols)
      throw this._ctx.error('Cell reference out of range');
    return this._range({ row: this._rect.row + row - 1, col: this._rect.col + column - 1, numRows: 1, numCols: 1 });
  }

  getValue(): unknown {
    return readValue(this._sheet, this._rect.row, this._rect.col);
  }

  getValues(): unknown[][] {
    return readValues(this._sheet, this._rect);
  }

  getDisplayValue(): string {
    return readDisplay(this._sheet, { ...this._rect, numRows: 1, numCols: 1 })[0][0];
  }

  getDisplayValues(): string[][] {
    return readDisplay(this._sheet, this._rect);
  }

  /** Sets every cell of the range to the value. */
  setValue(value: unknown): GasRange {
    checkScriptValues(this._ctx, 'Range.setValue', [[value]]);
    writeScriptValues(this._ctx, this._sheet, this._rect, fill(this._rect, value));
    return this._self();
  }

  setValues(values: unknown[][]): GasRange {
    checkShape(this._ctx, 'Range.setValues', values, this._rect);
    checkScriptValues(this._ctx, 'Range.setValues', values);
    writeScriptValues(this._ctx, this._sheet, this._rect, values);
    return this._self();
  }

  getFormula(): string {
    return this._sheet.formulas.get(this._rect.row - 1, this._rect.col - 1) ?? '';
  }

  getFormulas(): string[][] {
    return this._sheet.formulas
      .slice(this._rect.row - 1, this._rect.col - 1, this._rect.numRows, this._rect.numCols)
      .map((row) => row.map((f) => f ?? ''));
  }

  /** On a multi-cell range the formula is filled: relative references move with each cell. */
  setFormula(formula: string): GasRange {
    if (typeof formula !== 'string') throw this._ctx.paramsError('Range.setFormula', [formula]);
    const grid = fill(this._rect, '').map((row, i) => row.map((_v, j) => shiftFormula(formula, i, j)));
    writeFormulas(this._ctx, this._sheet, this._rect, grid);
    return this._self();
  }

  setFormulas(formulas: string[][]): GasRange {
    checkShape(this._ctx, 'Range.setFormulas', formulas, this._rect);
    if (formulas.some((row) => row.some((f) => typeof f !== 'string')))
      throw this._ctx.paramsError('Range.setFormulas', [formulas]);
    writeFormulas(this._ctx, this._sheet, this._rect, formulas as string[][]);
    return this._self();
  }

  getNote(): string {
    return this._sheet.notes.get(this._rect.row - 1, this._rect.col - 1) ?? '';
  }

  getNotes(): string[][] {
    return this._sheet.notes
      .slice(this._rect.row - 1, this._rect.col - 1, this._rect.numRows, this._rect.numCols)
      .map((row) => row.map((n) => n ?? ''));
  }

  setNote(note: string | null): GasRange {
    if (note !== null && typeof note !== 'string') throw this._ctx.paramsError('Range.setNote', [note]);
    return this.setNotes(fill(this._rect, note));
  }

  setNotes(notes: (string | null)[][]): GasRange {
    checkShape(this._ctx, 'Range.setNotes', notes, this._rect);
    assertCanEdit(this._ctx, this._sheet, this._rect);
    notes.forEach((row, i) =>
      row.forEach((n, j) =>
        this._sheet.notes.set(
          this._rect.row - 1 + i,
          this._rect.col - 1 + j,
          n === null || n === '' ? undefined : String(n),
        ),
      ),
    );
    return this._self();
  }

  clearNote(): GasRange {
    return this.setNote(null);
  }

  clearContent(): GasRange {
    assertCanEdit(this._ctx, this._sheet, this._rect);
    clearContents(this._sheet, this._rect);
    return this._self();
  }

  clearFormat(): GasRange {
    assertCanEdit(this._ctx, this._sheet, this._rect);
    clearFormats(this._sheet, this._rect);
    return this._self();
  }

  /** clear() = contents and formats; options pick `contentsOnly`, `formatOnly`, `commentsOnly`, `validationsOnly`. */
  clear(options?: {
    commentsOnly?: boolean;
    contentsOnly?: boolean;
    formatOnly?: boolean;
    validationsOnly?: boolean;
    skipFilteredRows?: boolean;
  }): GasRange {
    if (options !== undefined && (options === null || typeof options !== 'object'))
      throw this._ctx.paramsError('Range.clear', [options]);
    assertCanEdit(this._ctx, this._sheet, this._rect);
    const o = options ?? {};
    const any = o.commentsOnly || o.contentsOnly || o.formatOnly || o.validationsOnly;
    const r = this._rect;
    if (!any || o.contentsOnly) clearContents(this._sheet, r);
    if (!any || o.formatOnly) clearFormats(this._sheet, r);
    if (o.commentsOnly) this._sheet.notes.clearRect(r.row - 1, r.col - 1, r.numRows, r.numCols);
    if (o.validationsOnly) this._sheet.validations.clearRect(r.row - 1, r.col - 1, r.numRows, r.numCols);
    return this._self();
  }

  isBlank(): boolean {
    const r = this._rect;
    return (
      !this._sheet.values.any(r.row - 1, r.col - 1, r.numRows, r.numCols) &&
      !this._sheet.formulas.any(r.row - 1, r.col - 1, r.numRows, r.numCols)
    );
  }
}
