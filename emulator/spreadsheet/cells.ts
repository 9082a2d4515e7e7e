// Reading and writing blocks of cells on a sheet model: script values and typed input in, typed values and
// display strings out. Written for 50,000-row ledgers: rows as arrays, no per-cell objects on the fast paths.
import type { SheetsContext } from './context';
import { displayValue } from './formats';
import type { Rect } from './grid';
import type { CellValue, SheetModel, SpreadsheetModel } from './model';
import { assertCanEdit } from './Protection';
import { checkTypedInput, InputRejectedError } from './validation-check';
import {
  isDateFormat,
  parseTypedInput,
  readCell,
  scriptValueToCell,
  type CellWrite,
  type InputContext,
} from './values';
import { serialToDate } from './zones';

/** The parsing context of a spreadsheet: its locale, zone and "now". */
export function inputContext(ctx: SheetsContext, ss: SpreadsheetModel): InputContext {
  return { locale: ss.locale, timeZone: ss.timeZone, now: ctx.now() };
}

/** Applies one parsed write to cell (r, c) (0-based). */
export function applyWrite(sheet: SheetModel, r: number, c: number, w: CellWrite): void {
  sheet.values.set(r, c, w.value);
  sheet.formulas.set(r, c, w.formula);
  if (w.format === undefined) return;
  const current = sheet.numberFormats.get(r, c);
  if (w.dateFormat ? !isDateFormat(current) : current === undefined) sheet.numberFormats.set(r, c, w.format);
}

/** Strings that cannot be anything but text skip the typed-input parser (most ledger cells). */
function plainText(s: string): boolean {
  const ch = s.charCodeAt(0);
  if (ch >= 0x4e00 && ch <= 0x9fff) return true;
  return /^[A-Za-z\u00c0-\uffff]/.test(s) && !/^(true|false)$/i.test(s.trim()) && !/^[$¥￥]/.test(s);
}

/** Checks a grid of script values before anything is written; throws the signature error on a bad one. */
export function checkScriptValues(ctx: SheetsContext, method: string, values: unknown[][]): void {
  for (const row of values) {
    for (const v of row) {
      if (v === null || v === undefined || typeof v === 'string' || typeof v === 'boolean') continue;
      if (
        typeof v === 'number'
          ? Number.isFinite(v)
          : Object.prototype.toString.call(v) === '[object Date]' && !Number.isNaN((v as Date).getTime())
      )
        continue;
      throw ctx.paramsError(method, [values]);
    }
  }
}

/**
 * Writes script values (already shape- and type-checked) into the box at rect's corner. A strict validation rule
 * (`setAllowInvalid(false)`) refuses a script write as it refuses typing, and then nothing is written: Apps Script
 * throws "The data you entered in cell M2 violates the data validation rules set on this cell. …" from setValue in a
 * time trigger (an owner's execution log quoted in public; data-validation-builder#setAllowInvalid(Boolean): the rule
 * "reject[s] the input entirely").
 */
export function writeScriptValues(ctx: SheetsContext, sheet: SheetModel, rect: Rect, values: unknown[][]): void {
  assertCanEdit(ctx, sheet, rect);
  const ictx = inputContext(ctx, sheet.parent);
  if (sheet.validations.rows.length > 0) {
    for (let i = 0; i < values.length; i++) {
      for (let j = 0; j < values[i].length; j++) {
        const r = rect.row - 1 + i;
        const c = rect.col - 1 + j;
        const spec = sheet.validations.get(r, c);
        if (!spec || spec.allowInvalid) continue;
        const w = scriptValueToCell(values[i][j], sheet.numberFormats.get(r, c), ictx);
        try {
          if (w) checkTypedInput(sheet, r, c, values[i][j], w);
        } catch (e) {
          if (e instanceof InputRejectedError) throw ctx.error(e.message);
          throw e;
        }
      }
    }
  }
  for (let i = 0; i < values.length; i++) {
    const r = rect.row - 1 + i;
    const row = values[i];
    for (let j = 0; j < row.length; j++) {
      const c = rect.col - 1 + j;
      const v = row[j];
      if (typeof v === 'number' || typeof v === 'boolean') {
        sheet.values.set(r, c, v);
        sheet.formulas.set(r, c, undefined);
      } else if (typeof v === 'string' && v !== '' && plainText(v)) {
        sheet.values.set(r, c, v);
        sheet.formulas.set(r, c, undefined);
      } else {
        applyWrite(sheet, r, c, scriptValueToCell(v, sheet.numberFormats.get(r, c), ictx) ?? {});
      }
    }
  }
}

/**
 * Writes what a person types (strings parsed in the locale; `@` cells keep text verbatim). All or nothing: a strict
 * validation rule refusing any cell (InputRejectedError) leaves every cell as it was.
 */
export function writeTyped(ctx: SheetsContext, sheet: SheetModel, rect: Rect, values: unknown[][], user: string): void {
  assertCanEdit(ctx, sheet, rect, user);
  const ictx = inputContext(ctx, sheet.parent);
  const writes = values.map((row, i) =>
    row.map((v, j) => {
      const r = rect.row - 1 + i;
      const c = rect.col - 1 + j;
      const fmt = sheet.numberFormats.get(r, c);
      const w = typeof v === 'string' && fmt !== '@' ? parseTypedInput(v, ictx) : scriptValueToCell(v, fmt, ictx);
      if (!w) throw ctx.error(`userEdit: cannot type ${String(v)} into a cell`);
      checkTypedInput(sheet, r, c, v, w);
      return w;
    }),
  );
  writes.forEach((row, i) => row.forEach((w, j) => applyWrite(sheet, rect.row - 1 + i, rect.col - 1 + j, w)));
}

/** Writes formulas (every entry must be a string; '' clears the cell). */
export function writeFormulas(ctx: SheetsContext, sheet: SheetModel, rect: Rect, formulas: string[][]): void {
  assertCanEdit(ctx, sheet, rect);
  formulas.forEach((row, i) =>
    row.forEach((f, j) => {
      const r = rect.row - 1 + i;
      const c = rect.col - 1 + j;
      sheet.values.set(r, c, undefined);
      sheet.formulas.set(r, c, f === '' ? undefined : f.startsWith('=') ? f : `=${f}`);
    }),
  );
}

/** Values as getValues returns them: Dates for date-formatted serials, '' for empty cells. */
export function readValues(sheet: SheetModel, rect: Rect): unknown[][] {
  const tz = sheet.parent.timeZone;
  const out: unknown[][] = new Array(rect.numRows);
  const { values, numberFormats } = sheet;
  for (let i = 0; i < rect.numRows; i++) {
    const r = rect.row - 1 + i;
    const vrow = values.rows[r];
    const frow = numberFormats.rows[r];
    const line: unknown[] = new Array(rect.numCols);
    for (let j = 0; j < rect.numCols; j++) {
      const c = rect.col - 1 + j;
      const v = vrow === undefined ? undefined : vrow[c];
      if (v === undefined) line[j] = '';
      else if (typeof v !== 'number' || frow === undefined) line[j] = v;
      else {
        const f = frow[c];
        line[j] = f !== undefined && isDateFormat(f) ? serialToDate(v, tz) : v;
      }
    }
    out[i] = line;
  }
  return out;
}

/** One cell as getValue returns it. */
export function readValue(sheet: SheetModel, r: number, c: number): unknown {
  return readCell(sheet.values.get(r - 1, c - 1), sheet.numberFormats.get(r - 1, c - 1), sheet.parent.timeZone);
}

/** Display strings (getDisplayValues). */
export function readDisplay(sheet: SheetModel, rect: Rect): string[][] {
  const locale = sheet.parent.locale;
  const out: string[][] = [];
  for (let i = 0; i < rect.numRows; i++) {
    const line: string[] = [];
    for (let j = 0; j < rect.numCols; j++) {
      const r = rect.row - 1 + i;
      const c = rect.col - 1 + j;
      line.push(displayValue(sheet.values.get(r, c), sheet.numberFormats.get(r, c), locale));
    }
    out.push(line);
  }
  return out;
}

/** Removes values and formulas (formats stay). */
export function clearContents(sheet: SheetModel, rect: Rect): void {
  sheet.values.clearRect(rect.row - 1, rect.col - 1, rect.numRows, rect.numCols);
  sheet.formulas.clearRect(rect.row - 1, rect.col - 1, rect.numRows, rect.numCols);
}

/** Removes number formats and styles (values stay). */
export function clearFormats(sheet: SheetModel, rect: Rect): void {
  sheet.numberFormats.clearRect(rect.row - 1, rect.col - 1, rect.numRows, rect.numCols);
  for (const layer of sheet.styles.values()) layer.clearRect(rect.row - 1, rect.col - 1, rect.numRows, rect.numCols);
  sheet.borders = sheet.borders.filter(
    (b) =>
      !(
        b.rect.row >= rect.row &&
        b.rect.col >= rect.col &&
        b.rect.row + b.rect.numRows <= rect.row + rect.numRows &&
        b.rect.col + b.rect.numCols <= rect.col + rect.numCols
      ),
  );
}

/** A single value as an edit event reports it. */
export function cellAt(sheet: SheetModel, r: number, c: number): CellValue | undefined {
  return sheet.values.get(r - 1, c - 1);
}
