// Apps Script's Range (https://developers.google.com/apps-script/reference/spreadsheet/range): geometry and
// bounds, contents (values, display values, formulas, notes, clearing), number formats and styles, data
// validation and checkboxes, protection, sort, filters, selection, copying, borders, merged cells, and row/column
// group depth.
import { GasObject } from '../host/kernel';
import { formatA1, shiftFormula } from './a1';
import {
  applyWrite,
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
import { DataValidationHost } from './DataValidation';
import { createFilter, FilterHost } from './Filter';
import { SPREADSHEET_ENUMS } from './enums';
import type { Dim, Layer, Rect } from './grid';
import { collapseGroup, expandGroup, outlineOf, shiftGroupDepth, type GroupSpec } from './groups';
import { breakApart, mergeRange, mergesTouching, type MergeKind } from './merges';
import { STYLE_DEFAULTS, type SheetModel, type StyleKey, type ValidationSpec } from './model';
import { assertCanEdit, protect } from './Protection';
import { select } from './Selection';
import { parseSortSpec, sortRows } from './sort';
import { checkChoice, FONT_LINES, FONT_STYLES, FONT_WEIGHTS, H_ALIGNS, normalizeColor, V_ALIGNS } from './styles';
import { createTextFinder } from './TextFinder';
import { GENERAL_REPORTED, normalizeFormat } from './values';

type GasRange = GoogleAppsScript.Spreadsheet.Range;
type Rule = GoogleAppsScript.Spreadsheet.DataValidation;

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

/** A checkbox rule's [checked, unchecked] values: TRUE/FALSE, or the custom ones ('' when only checked is given). */
export function checkboxValues(spec: ValidationSpec): [unknown, unknown] {
  if (spec.args.length === 0) return [true, false];
  return [spec.args[0], spec.args.length > 1 ? spec.args[1] : ''];
}

/** A checkbox value as a cell holds it ('' is an empty cell). */
function cellOf(v: unknown): string | number | boolean | undefined {
  return v === '' ? undefined : (v as string | number | boolean);
}

/** What each CopyPasteType pastes (the two left out are not emulated). */
const PASTE_PARTS: Record<string, { values?: true; formulas?: true; formats?: true; validations?: true }> = {
  PASTE_NORMAL: { values: true, formulas: true, formats: true, validations: true },
  // Borders are recorded per call (for export), not per cell, so no paste carries them.
  PASTE_NO_BORDERS: { values: true, formulas: true, formats: true, validations: true },
  PASTE_FORMAT: { formats: true, validations: true },
  PASTE_FORMULA: { values: true, formulas: true },
  PASTE_VALUES: { values: true },
  PASTE_DATA_VALIDATION: { validations: true },
};

function isPasteType(v: unknown): v is string {
  return typeof v === 'string' && Object.hasOwn(SPREADSHEET_ENUMS.CopyPasteType, v);
}

/** Sheets' paste size along one dimension: a whole multiple of the source repeats it, anything else gets one copy. */
function pasteSpan(destination: number, source: number): number {
  return destination >= source && destination % source === 0 ? destination : source;
}

/** Apps Script's Range. Coordinates are fixed when the range is made, as in Apps Script. */
export class RangeHost extends GasObject implements Partial<GasRange> {
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

  // Number formats and cell styles.
  private _getStyles<T>(key: StyleKey): T[][] {
    const r = this._rect;
    const layer = this._sheet.styles.get(key);
    const d = STYLE_DEFAULTS[key] as T;
    if (!layer) return fill(r, d);
    return layer
      .slice(r.row - 1, r.col - 1, r.numRows, r.numCols)
      .map((row) => row.map((v) => (v === undefined ? d : (v as T))));
  }

  private _setStyles(key: StyleKey, grid: unknown[][]): GasRange {
    assertCanEdit(this._ctx, this._sheet, this._rect);
    const layer = this._sheet.style(key);
    const r = this._rect;
    grid.forEach((row, i) =>
      row.forEach((v, j) =>
        layer.set(r.row - 1 + i, r.col - 1 + j, v === null ? undefined : (v as string | number | boolean)),
      ),
    );
    return this._self();
  }

  private _setColors(key: StyleKey, method: string, colors: unknown): GasRange {
    checkShape(this._ctx, method, colors, this._rect);
    return this._setStyles(
      key,
      colors.map((row) => row.map((c) => normalizeColor(this._ctx, method, c))),
    );
  }

  private _setChoice(key: StyleKey, method: string, grid: unknown, allowed: string[], reset?: string): GasRange {
    checkShape(this._ctx, method, grid, this._rect);
    return this._setStyles(
      key,
      grid.map((row) =>
        row.map((v) => {
          const c = checkChoice(this._ctx, method, v, allowed);
          return c === reset ? null : c;
        }),
      ),
    );
  }

  getBackground(): string {
    return this._getStyles<string>('background')[0][0];
  }
  getBackgrounds(): string[][] {
    return this._getStyles('background');
  }
  setBackground(color: string | null): GasRange {
    return this._setColors('background', 'Range.setBackground', fill(this._rect, color));
  }
  setBackgrounds(colors: (string | null)[][]): GasRange {
    return this._setColors('background', 'Range.setBackgrounds', colors);
  }
  setBackgroundRGB(red: number, green: number, blue: number): GasRange {
    this._ctx.requireInt('Range.setBackgroundRGB', [red, green, blue], red, green, blue);
    const hex = [red, green, blue].map((n) => Math.max(0, Math.min(255, n)).toString(16).padStart(2, '0')).join('');
    return this.setBackground(`#${hex}`);
  }
  getFontColor(): string {
    return this._getStyles<string>('fontColor')[0][0];
  }
  getFontColors(): string[][] {
    return this._getStyles('fontColor');
  }
  setFontColor(color: string | null): GasRange {
    return this._setColors('fontColor', 'Range.setFontColor', fill(this._rect, color));
  }
  setFontColors(colors: unknown[][]): GasRange {
    return this._setColors('fontColor', 'Range.setFontColors', colors);
  }
  getFontWeight(): GoogleAppsScript.Spreadsheet.FontWeight {
    return this._getStyles<GoogleAppsScript.Spreadsheet.FontWeight>('fontWeight')[0][0];
  }
  getFontWeights(): GoogleAppsScript.Spreadsheet.FontWeight[][] {
    return this._getStyles('fontWeight');
  }
  setFontWeight(fontWeight: GoogleAppsScript.Spreadsheet.FontWeight | null): GasRange {
    return this._setChoice('fontWeight', 'Range.setFontWeight', fill(this._rect, fontWeight), FONT_WEIGHTS, 'normal');
  }
  setFontWeights(fontWeights: (GoogleAppsScript.Spreadsheet.FontWeight | null)[][]): GasRange {
    return this._setChoice('fontWeight', 'Range.setFontWeights', fontWeights, FONT_WEIGHTS, 'normal');
  }
  getFontStyle(): GoogleAppsScript.Spreadsheet.FontStyle {
    return this._getStyles<GoogleAppsScript.Spreadsheet.FontStyle>('fontStyle')[0][0];
  }
  setFontStyle(fontStyle: GoogleAppsScript.Spreadsheet.FontStyle | null): GasRange {
    return this._setChoice('fontStyle', 'Range.setFontStyle', fill(this._rect, fontStyle), FONT_STYLES, 'normal');
  }
  getFontLine(): GoogleAppsScript.Spreadsheet.FontLine {
    return this._getStyles<GoogleAppsScript.Spreadsheet.FontLine>('fontLine')[0][0];
  }
  setFontLine(fontLine: GoogleAppsScript.Spreadsheet.FontLine | null): GasRange {
    return this._setChoice('fontLine', 'Range.setFontLine', fill(this._rect, fontLine), FONT_LINES, 'none');
  }
  getFontSize(): number {
    return this._getStyles<number>('fontSize')[0][0];
  }
  setFontSize(size: number): GasRange {
    this._ctx.requireInt('Range.setFontSize', [size], size);
    return this._setStyles('fontSize', fill(this._rect, size));
  }
  getFontFamily(): string {
    return this._getStyles<string>('fontFamily')[0][0];
  }
  setFontFamily(fontFamily: string | null): GasRange {
    if (fontFamily !== null && typeof fontFamily !== 'string')
      throw this._ctx.paramsError('Range.setFontFamily', [fontFamily]);
    return this._setStyles('fontFamily', fill(this._rect, fontFamily));
  }
  getWrap(): boolean {
    return this._getStyles<boolean>('wrap')[0][0];
  }
  getWraps(): boolean[][] {
    return this._getStyles('wrap');
  }
  setWrap(isWrapEnabled: boolean): GasRange {
    return this.setWraps(fill(this._rect, isWrapEnabled));
  }
  setWraps(isWrapEnabled: boolean[][]): GasRange {
    checkShape(this._ctx, 'Range.setWraps', isWrapEnabled, this._rect);
    if (isWrapEnabled.some((row) => row.some((v) => typeof v !== 'boolean')))
      throw this._ctx.paramsError('Range.setWraps', [isWrapEnabled]);
    return this._setStyles(
      'wrap',
      isWrapEnabled.map((row) => row.map((v) => (v ? true : null))),
    );
  }
  getHorizontalAlignment(): string {
    return this._getStyles<string>('horizontalAlignment')[0][0];
  }
  getHorizontalAlignments(): string[][] {
    return this._getStyles('horizontalAlignment');
  }
  setHorizontalAlignment(alignment: 'left' | 'center' | 'normal' | 'right' | null): GasRange {
    return this._setChoice(
      'horizontalAlignment',
      'Range.setHorizontalAlignment',
      fill(this._rect, alignment),
      H_ALIGNS,
      'normal',
    );
  }
  setHorizontalAlignments(alignments: ('left' | 'center' | 'normal' | 'right' | null)[][]): GasRange {
    return this._setChoice('horizontalAlignment', 'Range.setHorizontalAlignments', alignments, H_ALIGNS, 'normal');
  }
  getVerticalAlignment(): string {
    return this._getStyles<string>('verticalAlignment')[0][0];
  }
  setVerticalAlignment(alignment: 'top' | 'middle' | 'bottom' | null): GasRange {
    return this._setChoice(
      'verticalAlignment',
      'Range.setVerticalAlignment',
      fill(this._rect, alignment),
      V_ALIGNS,
      'bottom',
    );
  }

  getNumberFormat(): string {
    return this.getNumberFormats()[0][0];
  }
  getNumberFormats(): string[][] {
    const r = this._rect;
    return this._sheet.numberFormats
      .slice(r.row - 1, r.col - 1, r.numRows, r.numCols)
      .map((row) => row.map((f) => f ?? GENERAL_REPORTED));
  }
  /** 'general' (or the reported default) resets; null is refused, as in Apps Script. */
  setNumberFormat(numberFormat: string): GasRange {
    if (typeof numberFormat !== 'string') throw this._ctx.paramsError('Range.setNumberFormat', [numberFormat]);
    return this.setNumberFormats(fill(this._rect, numberFormat));
  }
  setNumberFormats(numberFormats: string[][]): GasRange {
    checkShape(this._ctx, 'Range.setNumberFormats', numberFormats, this._rect);
    if (numberFormats.some((row) => row.some((f) => typeof f !== 'string')))
      throw this._ctx.paramsError('Range.setNumberFormats', [numberFormats]);
    assertCanEdit(this._ctx, this._sheet, this._rect);
    const r = this._rect;
    numberFormats.forEach((row, i) =>
      row.forEach((f, j) => this._sheet.numberFormats.set(r.row - 1 + i, r.col - 1 + j, normalizeFormat(f as string))),
    );
    return this._self();
  }

  // Validation, checkboxes, protection, sort, filters, selection, copying, borders.
  getDataValidation(): Rule | null {
    return this.getDataValidations()[0][0];
  }
  getDataValidations(): (Rule | null)[][] {
    const r = this._rect;
    return this._sheet.validations
      .slice(r.row - 1, r.col - 1, r.numRows, r.numCols)
      .map((row) => row.map((s) => (s ? (new DataValidationHost(this._ctx, s) as never) : null)));
  }
  /** Recorded on every cell; null removes. Script writes are never checked against it. */
  setDataValidation(rule: Rule | null): GasRange {
    if (rule !== null && !(rule instanceof DataValidationHost))
      throw this._ctx.paramsError('Range.setDataValidation', [rule]);
    return this.setDataValidations(fill(this._rect, rule));
  }
  setDataValidations(rules: (Rule | null)[][]): GasRange {
    checkShape(this._ctx, 'Range.setDataValidations', rules, this._rect);
    if (rules.some((row) => row.some((x) => x !== null && !(x instanceof DataValidationHost))))
      throw this._ctx.paramsError('Range.setDataValidations', [rules]);
    assertCanEdit(this._ctx, this._sheet, this._rect);
    const r = this._rect;
    rules.forEach((row, i) =>
      row.forEach((x, j) =>
        this._sheet.validations.set(
          r.row - 1 + i,
          r.col - 1 + j,
          x ? (x as unknown as DataValidationHost)._spec : undefined,
        ),
      ),
    );
    return this._self();
  }
  clearDataValidations(): GasRange {
    return this.setDataValidation(null);
  }

  /** Checkbox validation on every cell, each set to its unchecked value (FALSE, or '' when only checked is given). */
  insertCheckboxes(checkedValue?: unknown, uncheckedValue?: unknown): GasRange {
    assertCanEdit(this._ctx, this._sheet, this._rect);
    const args = [checkedValue, uncheckedValue].filter((a) => a !== undefined);
    const spec = { criteria: 'CHECKBOX', args, allowInvalid: true, helpText: null };
    const off = cellOf(checkboxValues(spec)[1]);
    const r = this._rect;
    for (let i = 0; i < r.numRows; i++) {
      for (let j = 0; j < r.numCols; j++) {
        this._sheet.validations.set(r.row - 1 + i, r.col - 1 + j, spec);
        applyWrite(this._sheet, r.row - 1 + i, r.col - 1 + j, { value: off });
      }
    }
    return this._self();
  }
  /**
   * Clears the data validation of each cell, and the value of a checkbox cell holding its checked or unchecked
   * value (any other value stays).
   */
  removeCheckboxes(): GasRange {
    assertCanEdit(this._ctx, this._sheet, this._rect);
    const r = this._rect;
    for (let i = r.row - 1; i < r.row - 1 + r.numRows; i++) {
      for (let j = r.col - 1; j < r.col - 1 + r.numCols; j++) {
        const spec = this._sheet.validations.get(i, j);
        if (!spec || spec.criteria !== 'CHECKBOX' || this._sheet.formulas.get(i, j) !== undefined) continue;
        const v = this._sheet.values.get(i, j);
        if (v !== undefined && checkboxValues(spec).includes(v)) this._sheet.values.set(i, j, undefined);
      }
    }
    this._sheet.validations.clearRect(r.row - 1, r.col - 1, r.numRows, r.numCols);
    return this._self();
  }
  private _checkState(): boolean[] | null {
    const states: boolean[] = [];
    const r = this._rect;
    for (let i = 0; i < r.numRows; i++) {
      for (let j = 0; j < r.numCols; j++) {
        const spec = this._sheet.validations.get(r.row - 1 + i, r.col - 1 + j);
        if (!spec || spec.criteria !== 'CHECKBOX') return null;
        states.push(this._sheet.values.get(r.row - 1 + i, r.col - 1 + j) === cellOf(checkboxValues(spec)[0]));
      }
    }
    return states;
  }
  isChecked(): boolean | null {
    const s = this._checkState();
    if (!s) return null;
    return s.every((x) => x) ? true : s.every((x) => !x) ? false : null;
  }
  check(): GasRange {
    return this._setChecks(true);
  }
  uncheck(): GasRange {
    return this._setChecks(false);
  }
  private _setChecks(on: boolean): GasRange {
    assertCanEdit(this._ctx, this._sheet, this._rect);
    const r = this._rect;
    for (let i = 0; i < r.numRows; i++) {
      for (let j = 0; j < r.numCols; j++) {
        const spec = this._sheet.validations.get(r.row - 1 + i, r.col - 1 + j);
        if (!spec || spec.criteria !== 'CHECKBOX') continue;
        applyWrite(this._sheet, r.row - 1 + i, r.col - 1 + j, { value: cellOf(checkboxValues(spec)[on ? 0 : 1]) });
      }
    }
    return this._self();
  }

  protect(): GoogleAppsScript.Spreadsheet.Protection {
    return protect(this._ctx, this._sheet, this._rect) as never;
  }
  /** True when the acting user may edit every cell of the range. */
  canEdit(): boolean {
    try {
      assertCanEdit(this._ctx, this._sheet, this._rect);
      return true;
    } catch {
      return false;
    }
  }

  sort(sortSpecObj: unknown): GasRange {
    sortRows(this._ctx, this._sheet, this._rect, parseSortSpec(this._ctx, 'Range.sort', sortSpecObj, this._rect));
    return this._self();
  }
  /** Searches this range's cells (TextFinder.ts). */
  createTextFinder(findText: string): GoogleAppsScript.Spreadsheet.TextFinder {
    return createTextFinder(this._ctx, 'Range.createTextFinder', [{ sheet: this._sheet, rect: this._rect }], findText);
  }
  createFilter(): GoogleAppsScript.Spreadsheet.Filter {
    return createFilter(this._ctx, this._sheet, this._rect) as never;
  }
  getFilter(): GoogleAppsScript.Spreadsheet.Filter | null {
    return this._sheet.filter ? (new FilterHost(this._ctx, this._sheet) as never) : null;
  }

  activate(): GasRange {
    select(this._ctx, this._ctx.user(), this._sheet, this._rect);
    return this._self();
  }
  activateAsCurrentCell(): GasRange {
    return this.activate();
  }

  /**
   * Copies contents and formats, or the part a CopyPasteType or `{contentsOnly, formatOnly}` names, optionally
   * transposed (rows become columns). The destination's top-left cell anchors the paste; along each dimension where
   * the destination is a whole multiple of the (transposed) source size the source repeats to fill it, otherwise
   * one copy of the source's size is pasted (a single cell expands to the source size), as Sheets pastes
   * (https://developers.google.com/sheets/api/reference/rest/v4/spreadsheets/request#CopyPasteRequest).
   * Relative references in formulas move with each pasted cell.
   */
  copyTo(...args: unknown[]): void {
    const [destination, options, transposed] = args;
    const dest = destination as RangeHost;
    const bad = () => this._ctx.paramsError('Range.copyTo', args);
    if (args.length > 3 || !(dest instanceof RangeHost)) throw bad();
    let type = 'PASTE_NORMAL';
    let o: { contentsOnly?: unknown; formatOnly?: unknown } = {};
    if (args.length === 3) {
      if (!isPasteType(options) || typeof transposed !== 'boolean') throw bad();
      type = options;
    } else if (typeof options === 'string') {
      if (!isPasteType(options)) throw bad();
      type = options;
    } else if (typeof options === 'object' && options !== null) {
      o = options as typeof o;
    }
    const parts = PASTE_PARTS[type];
    if (!parts) this._ctx.kernel.notImplemented(`Range.copyTo with CopyPasteType.${type}`);
    const contents = !!parts.values && !o.formatOnly;
    const formats = !!parts.formats && !o.contentsOnly;
    const validations = !!parts.validations && (!parts.formats || formats);
    const flip = transposed === true;
    const r = this._rect;
    const h = flip ? r.numCols : r.numRows;
    const w = flip ? r.numRows : r.numCols;
    const d = dest._rect;
    const to = { row: d.row, col: d.col, numRows: pasteSpan(d.numRows, h), numCols: pasteSpan(d.numCols, w) };
    checkBounds(this._ctx, dest._sheet, to.row, to.col, to.numRows, to.numCols);
    assertCanEdit(this._ctx, dest._sheet, to);
    const from = this._sheet;
    const into = dest._sheet;
    const pairs: [Layer<unknown>, Layer<unknown>, boolean][] = [];
    if (contents) pairs.push([from.values, into.values, false]);
    if (contents && parts.formulas) pairs.push([from.formulas, into.formulas, true]);
    if (formats) {
      pairs.push([from.numberFormats, into.numberFormats, false]);
      for (const key of new Set([...from.styles.keys(), ...into.styles.keys()]))
        pairs.push([from.style(key), into.style(key), false]);
    }
    if (validations) pairs.push([from.validations, into.validations, false]);
    // Every source block is read before anything is written (source and destination may overlap).
    const blocks = pairs.map(([layer]) => layer.slice(r.row - 1, r.col - 1, r.numRows, r.numCols));
    pairs.forEach(([, layer, isFormula], k) => {
      for (let i = 0; i < to.numRows; i++) {
        for (let j = 0; j < to.numCols; j++) {
          const a = flip ? j % w : i % h;
          const b = flip ? i % h : j % w;
          let v = blocks[k][a][b];
          if (isFormula && v !== undefined)
            v = shiftFormula(v as string, to.row + i - (r.row + a), to.col + j - (r.col + b));
          layer.set(to.row - 1 + i, to.col - 1 + j, v);
        }
      }
    });
    if (contents && !parts.formulas) into.formulas.clearRect(to.row - 1, to.col - 1, to.numRows, to.numCols);
  }

  // Merged cells (merges.ts).
  private _merge(kind: MergeKind): GasRange {
    mergeRange(this._ctx, this._sheet, this._rect, kind);
    return this._self();
  }
  /** "Merges the cells in the range together into a single block." Only the top-left cell's value stays. */
  merge(): GasRange {
    return this._merge('all');
  }
  /** "Merge the cells in the range across the columns of the range": each row of the range becomes one merge. */
  mergeAcross(): GasRange {
    return this._merge('across');
  }
  /** "Merges the cells in the range together": each column of the range becomes one merge. */
  mergeVertically(): GasRange {
    return this._merge('vertical');
  }
  /** "Break any multi-column cells in the range into individual cells again." No merge in the range: nothing happens. */
  breakApart(): GasRange {
    breakApart(this._ctx, this._sheet, this._rect);
    return this._self();
  }
  /** "Returns true if the cells in the current range overlap any merged cells." */
  isPartOfMerge(): boolean {
    return mergesTouching(this._sheet, this._rect).length > 0;
  }
  /**
   * "Returns an array of Range objects representing merged cells that either are fully within the current range, or
   * contain at least one cell in the current range": top to bottom, then left to right (the order is assumed).
   */
  getMergedRanges(): GasRange[] {
    return mergesTouching(this._sheet, this._rect).map((m) => this._range(m));
  }

  // Row and column groups (groups.ts).
  /** The range's span along a dimension, 1-based inclusive. */
  private _spanOf(dim: Dim): [number, number] {
    const r = this._rect;
    return dim === 'rows' ? [r.row, r.row + r.numRows - 1] : [r.col, r.col + r.numCols - 1];
  }
  private _shiftGroups(method: string, dim: Dim, delta: unknown): GasRange {
    this._ctx.requireInt(method, [delta], delta);
    shiftGroupDepth(this._sheet, dim, ...this._spanOf(dim), delta as number);
    return this._self();
  }
  /** Adds `delta` to the row group depth of every row the range spans (0..8: beyond either end nothing changes). */
  shiftRowGroupDepth(delta: number): GasRange {
    return this._shiftGroups('Range.shiftRowGroupDepth', 'rows', delta);
  }
  shiftColumnGroupDepth(delta: number): GasRange {
    return this._shiftGroups('Range.shiftColumnGroupDepth', 'cols', delta);
  }
  /**
   * "Collapses all groups that are wholly contained within the range. If no group is fully within the range, the
   * deepest expanded group that is partially within the range is collapsed." Of the groups wholly inside, only the
   * shallowest collapse (gas-fakes' live test: the outer group collapses, the inner one stays expanded). Rows and
   * columns are treated apart (assumed), so a range of whole columns also reaches every row group.
   */
  collapseGroups(): GasRange {
    for (const dim of ['rows', 'cols'] as const) {
      const [a, b] = this._spanOf(dim);
      const groups = outlineOf(this._sheet, dim).groups();
      const inside = groups.filter((g) => g.start >= a && g.end <= b);
      let chosen: GroupSpec[];
      if (inside.length) {
        const top = Math.min(...inside.map((g) => g.depth));
        chosen = inside.filter((g) => g.depth === top);
      } else {
        const partial = groups.filter((g) => !g.collapsed && g.start <= b && g.end >= a);
        const deepest = Math.max(0, ...partial.map((g) => g.depth));
        chosen = partial.filter((g) => g.depth === deepest);
      }
      for (const g of chosen) collapseGroup(this._sheet, dim, g);
    }
    return this._self();
  }
  /**
   * "Expands the collapsed groups whose range or control toggle intersects with this range … If there is more than
   * one group at the same location, the shallowest group is expanded."
   */
  expandGroups(): GasRange {
    for (const dim of ['rows', 'cols'] as const) {
      const [a, b] = this._spanOf(dim);
      const o = outlineOf(this._sheet, dim);
      const hits = o.groups().filter((g) => {
        const control = o.controlIndex(g);
        return g.collapsed && ((g.start <= b && g.end >= a) || (control >= a && control <= b));
      });
      const chosen: GroupSpec[] = [];
      for (const g of hits) if (!chosen.some((c) => c.start <= g.end && g.start <= c.end)) chosen.push(g);
      for (const g of chosen) expandGroup(this._sheet, dim, g);
    }
    return this._self();
  }

  /** Borders are recorded (for export), not rendered. */
  setBorder(
    top: boolean | null,
    left: boolean | null,
    bottom: boolean | null,
    right: boolean | null,
    vertical: boolean | null,
    horizontal: boolean | null,
    color?: string | null,
    style?: GoogleAppsScript.Spreadsheet.BorderStyle | null,
  ): GasRange {
    const sides = [top, left, bottom, right, vertical, horizontal];
    if (sides.some((s) => s !== null && typeof s !== 'boolean')) throw this._ctx.paramsError('Range.setBorder', sides);
    assertCanEdit(this._ctx, this._sheet, this._rect);
    const c = color === undefined ? null : normalizeColor(this._ctx, 'Range.setBorder', color);
    this._sheet.borders.push({ rect: { ...this._rect }, sides, color: c, style: (style as unknown as string) ?? null });
    return this._self();
  }
}
