// What a strict data-validation rule (`setAllowInvalid(false)`) does to a person's typing: Sheets refuses the
// input, the cell keeps its old value and no edit trigger fires
// (https://developers.google.com/apps-script/reference/spreadsheet/data-validation-builder#setAllowInvalid(Boolean)).
// Script writes are refused the same way (cells.ts writeScriptValues), as an Apps Script exception.
import { isDateLike } from '../host/kernel';
import { columnLetters } from './a1';
import { displayValue } from './formats';
import type { CellValue, SheetModel, ValidationSpec, RangeRef } from './model';
import { isDateFormat, type CellWrite } from './values';
import { dateToSerial, serialParts } from './zones';

/** A person's input that a strict validation rule refused (host side: the edit did not happen). */
export class InputRejectedError extends Error {
  constructor(
    message: string,
    /** The refused cell, e.g. "B2". */
    readonly cell: string,
  ) {
    super(message);
    this.name = 'InputRejected';
  }
}

const EMAIL = /^[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+$/;
// Assumed: what Sheets accepts as a URL is not documented; a scheme-less host with a dot passes, spaces never do.
const URL_LIKE = /^(?:(?:https?|ftp):\/\/)?[^\s/$.?#][^\s]*\.[^\s]{2,}$/i;

/** The value a cell ends up with after `w`, and whether it shows a date. */
interface Typed {
  text: string;
  value: CellValue | undefined;
  isDate: boolean;
}

function typedOf(input: unknown, w: CellWrite, currentFormat: string | undefined): Typed {
  const text = typeof input === 'boolean' ? (input ? 'TRUE' : 'FALSE') : String(input ?? '');
  // The format the cell will have: applyWrite's rule (an implied date format replaces a non-date one).
  const replaces =
    w.format !== undefined && (w.dateFormat ? !isDateFormat(currentFormat) : currentFormat === undefined);
  const format = replaces ? w.format : currentFormat;
  return { text, value: w.value, isDate: typeof w.value === 'number' && isDateFormat(format) };
}

const day = (serial: number): number => Math.floor(serial);

/** The criteria's verdict on one typed value; true when it passes. */
function passes(spec: ValidationSpec, t: Typed, sheet: SheetModel): boolean {
  const a = spec.args;
  const v = t.value;
  const tz = sheet.parent.timeZone;
  const dateArg = (i: number): number => day(dateToSerial(a[i] as Date, tz));
  const num = typeof v === 'number' ? v : null;
  const str = v === undefined ? '' : typeof v === 'boolean' ? (v ? 'TRUE' : 'FALSE') : String(v);
  switch (spec.criteria) {
    case 'VALUE_IN_LIST':
      // Assumed: the comparison is exact (case and spaces count); the typed text or the cell's value may match.
      return (a[0] as string[]).some((item) => item === t.text || item === str);
    case 'VALUE_IN_RANGE': {
      const ref = a[0] as RangeRef;
      for (let r = ref.rect.row - 1; r < ref.rect.row - 1 + ref.rect.numRows; r++) {
        for (let c = ref.rect.col - 1; c < ref.rect.col - 1 + ref.rect.numCols; c++) {
          const cell = ref.sheet.values.get(r, c);
          if (cell === undefined) continue;
          const shown = displayValue(cell, ref.sheet.numberFormats.get(r, c), ref.sheet.parent.locale);
          if (shown === t.text || shown === str || String(cell) === str) return true;
        }
      }
      return false;
    }
    case 'CHECKBOX':
      if (a.length === 0) return typeof v === 'boolean';
      return a.some((x) => (typeof x === 'boolean' ? x === v : String(x) === t.text || String(x) === str));
    case 'DATE_IS_VALID_DATE':
      return t.isDate;
    case 'DATE_AFTER':
      return t.isDate && day(num!) > dateArg(0);
    case 'DATE_BEFORE':
      return t.isDate && day(num!) < dateArg(0);
    case 'DATE_ON_OR_AFTER':
      return t.isDate && day(num!) >= dateArg(0);
    case 'DATE_ON_OR_BEFORE':
      return t.isDate && day(num!) <= dateArg(0);
    case 'DATE_EQUAL_TO':
      return t.isDate && day(num!) === dateArg(0);
    case 'DATE_BETWEEN':
      return t.isDate && day(num!) >= dateArg(0) && day(num!) <= dateArg(1);
    case 'DATE_NOT_BETWEEN':
      return t.isDate && (day(num!) < dateArg(0) || day(num!) > dateArg(1));
    case 'NUMBER_BETWEEN':
      return num !== null && num >= (a[0] as number) && num <= (a[1] as number);
    case 'NUMBER_NOT_BETWEEN':
      return num !== null && (num < (a[0] as number) || num > (a[1] as number));
    case 'NUMBER_EQUAL_TO':
      return num !== null && num === a[0];
    case 'NUMBER_NOT_EQUAL_TO':
      return num !== null && num !== a[0];
    case 'NUMBER_GREATER_THAN':
      return num !== null && num > (a[0] as number);
    case 'NUMBER_GREATER_THAN_OR_EQUAL_TO':
      return num !== null && num >= (a[0] as number);
    case 'NUMBER_LESS_THAN':
      return num !== null && num < (a[0] as number);
    case 'NUMBER_LESS_THAN_OR_EQUAL_TO':
      return num !== null && num <= (a[0] as number);
    // Assumed: text criteria compare case-sensitively, as typed.
    case 'TEXT_CONTAINS':
      return t.text.includes(String(a[0]));
    case 'TEXT_DOES_NOT_CONTAIN':
      return !t.text.includes(String(a[0]));
    case 'TEXT_EQUAL_TO':
      return t.text === String(a[0]);
    case 'TEXT_IS_VALID_EMAIL':
      return EMAIL.test(t.text.trim());
    case 'TEXT_IS_VALID_URL':
      return URL_LIKE.test(t.text.trim());
    case 'CUSTOM_FORMULA':
      // The runtime evaluates no formulas, so a custom-formula rule cannot be judged: the input passes.
      return true;
    default:
      return true;
  }
}

/**
 * The sentence after "violates the data validation rules set on this cell.": for a list, the observed "Please enter
 * one of the following values: a, b." (an Apps Script execution log quoting Sheets' refusal); otherwise the rule's
 * help text, else a hint in the words Sheets' "Invalid:" tooltip uses for the criteria. Assumed: the exact wording
 * of the non-list hints, and that help text replaces the hint.
 */
function hint(spec: ValidationSpec, tz: string): string {
  if (spec.helpText) return spec.helpText;
  const a = spec.args;
  const fmt = (x: unknown): string => {
    if (!isDateLike(x)) return String(x);
    const p = serialParts(dateToSerial(x, tz));
    return `${p.y}-${String(p.m).padStart(2, '0')}-${String(p.d).padStart(2, '0')}`;
  };
  switch (spec.criteria) {
    case 'VALUE_IN_LIST':
      return `Please enter one of the following values: ${(a[0] as string[]).join(', ')}.`;
    case 'VALUE_IN_RANGE':
      return 'Input must fall within specified range';
    case 'CHECKBOX':
      return a.length === 0 ? 'Input must be TRUE or FALSE' : `Input must be ${a.map(fmt).join(' or ')}`;
    case 'DATE_IS_VALID_DATE':
      return 'Input must be a valid date';
    case 'TEXT_IS_VALID_EMAIL':
      return 'Input must be a valid email address';
    case 'TEXT_IS_VALID_URL':
      return 'Input must be a valid URL';
    default:
      if (spec.criteria.startsWith('DATE_')) return `Input must be a date ${criteriaWords(spec.criteria, a.map(fmt))}`;
      if (spec.criteria.startsWith('NUMBER_'))
        return `Input must be a number ${criteriaWords(spec.criteria, a.map(fmt))}`;
      return `Input must be text ${criteriaWords(spec.criteria, a.map(fmt))}`;
  }
}

function criteriaWords(criteria: string, a: string[]): string {
  const op = criteria
    .replace(/^(DATE|NUMBER|TEXT)_/, '')
    .toLowerCase()
    .replace(/_/g, ' ');
  return a.length === 2 ? `${op} ${a[0]} and ${a[1]}` : `${op} ${a[0] ?? ''}`.trim();
}

/**
 * Throws InputRejectedError when a strict rule on cell (r, c) (0-based) refuses what a person typed. `w` is the
 * parsed input; an empty cell and a formula always pass (a formula's result is not computed locally).
 */
export function checkTypedInput(sheet: SheetModel, r: number, c: number, input: unknown, w: CellWrite): void {
  const spec = sheet.validations.get(r, c);
  if (!spec || spec.allowInvalid) return;
  if (w.formula !== undefined || w.value === undefined) return;
  const typed = typedOf(input, w, sheet.numberFormats.get(r, c));
  if (passes(spec, typed, sheet)) return;
  const cell = `${columnLetters(c + 1)}${r + 1}`;
  throw new InputRejectedError(
    `The data you entered in cell ${cell} violates the data validation rules set on this cell. ${hint(spec, sheet.parent.timeZone)}`,
    cell,
  );
}
