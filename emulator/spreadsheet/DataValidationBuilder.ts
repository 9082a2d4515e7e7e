// DataValidationBuilder (https://developers.google.com/apps-script/reference/spreadsheet/data-validation-builder): requireValueInList, requireDate, requireCheckbox… checked as Apps Script checks them.
import { GasObject, isDateLike } from '../host/kernel';
import type { SheetsContext } from './context';
import type { RangeRef, ValidationSpec } from './model';
import { DATA_VALIDATION_CRITERIA, DataValidationHost, Rule, argsOut } from './DataValidation';

export type Builder = GoogleAppsScript.Spreadsheet.DataValidationBuilder;
/** SpreadsheetApp.newDataValidation(). */
export class DataValidationBuilderHost extends GasObject implements Partial<Builder> {
  readonly gasService = 'SpreadsheetApp';
  readonly gasClass = 'DataValidationBuilder';
  constructor(
    private readonly _ctx: SheetsContext,
    private _spec: ValidationSpec = { criteria: '', args: [], allowInvalid: true, helpText: null },
  ) {
    super();
  }

  private _set(
    method: string,
    criteria: string,
    args: unknown[],
    check: (a: unknown) => boolean = () => true,
  ): Builder {
    if (!args.every(check)) throw this._ctx.paramsError(`DataValidationBuilder.${method}`, args);
    this._spec = { ...this._spec, criteria, args };
    return this as never;
  }

  build(): Rule {
    if (!this._spec.criteria) throw this._ctx.error('You must set a criteria for the data validation rule.');
    return new DataValidationHost(this._ctx, { ...this._spec, args: [...this._spec.args] }) as never;
  }
  copy(): Builder {
    return new DataValidationBuilderHost(this._ctx, { ...this._spec, args: [...this._spec.args] }) as never;
  }
  getAllowInvalid(): boolean {
    return this._spec.allowInvalid;
  }
  getCriteriaType(): GoogleAppsScript.Spreadsheet.DataValidationCriteria {
    return (this._spec.criteria || null) as never;
  }
  getCriteriaValues(): unknown[] {
    return argsOut(this._ctx, this._spec.args);
  }
  getHelpText(): string | null {
    return this._spec.helpText;
  }
  setAllowInvalid(allowInvalidData: boolean): Builder {
    if (typeof allowInvalidData !== 'boolean')
      throw this._ctx.paramsError('DataValidationBuilder.setAllowInvalid', [allowInvalidData]);
    this._spec = { ...this._spec, allowInvalid: allowInvalidData };
    return this as never;
  }
  setHelpText(helpText: string): Builder {
    if (typeof helpText !== 'string') throw this._ctx.paramsError('DataValidationBuilder.setHelpText', [helpText]);
    this._spec = { ...this._spec, helpText };
    return this as never;
  }

  /**
   * The list is a String[]: numbers and booleans in it become their strings (`[9, false]` → `['9', 'false']`), as
   * Apps Script converts them; a non-array, or items of other types, is the signature error.
   */
  requireValueInList(...args: [values: string[], showDropdown?: boolean]): Builder {
    const [values, showDropdown = true] = args;
    const ok =
      Array.isArray(values) &&
      values.every(
        (v) => typeof v === 'string' || typeof v === 'boolean' || (typeof v === 'number' && Number.isFinite(v)),
      ) &&
      typeof showDropdown === 'boolean';
    if (!ok) throw this._ctx.paramsError('DataValidationBuilder.requireValueInList', args);
    return this._set('requireValueInList', 'VALUE_IN_LIST', [values.map((v) => String(v)), showDropdown]);
  }
  requireValueInRange(...args: [range: GoogleAppsScript.Spreadsheet.Range, showDropdown?: boolean]): Builder {
    const [range, showDropdown = true] = args;
    const host = (range ?? {}) as unknown as { _sheet?: RangeRef['sheet']; _rect?: RangeRef['rect'] };
    if (!host._sheet || !host._rect || typeof showDropdown !== 'boolean')
      throw this._ctx.paramsError('DataValidationBuilder.requireValueInRange', args);
    return this._set('requireValueInRange', 'VALUE_IN_RANGE', [
      { sheet: host._sheet, rect: { ...host._rect } },
      showDropdown,
    ]);
  }
  requireCheckbox(checkedValue?: unknown, uncheckedValue?: unknown): Builder {
    const args = [checkedValue, uncheckedValue].filter((a) => a !== undefined);
    return this._set('requireCheckbox', 'CHECKBOX', args);
  }
  requireDate(): Builder {
    return this._set('requireDate', 'DATE_IS_VALID_DATE', []);
  }
  requireDateAfter(date: Date): Builder {
    return this._set('requireDateAfter', 'DATE_AFTER', [date], isDateLike);
  }
  requireDateBefore(date: Date): Builder {
    return this._set('requireDateBefore', 'DATE_BEFORE', [date], isDateLike);
  }
  requireDateBetween(start: Date, end: Date): Builder {
    return this._set('requireDateBetween', 'DATE_BETWEEN', [start, end], isDateLike);
  }
  requireDateEqualTo(date: Date): Builder {
    return this._set('requireDateEqualTo', 'DATE_EQUAL_TO', [date], isDateLike);
  }
  requireDateNotBetween(start: Date, end: Date): Builder {
    return this._set('requireDateNotBetween', 'DATE_NOT_BETWEEN', [start, end], isDateLike);
  }
  requireDateOnOrAfter(date: Date): Builder {
    return this._set('requireDateOnOrAfter', 'DATE_ON_OR_AFTER', [date], isDateLike);
  }
  requireDateOnOrBefore(date: Date): Builder {
    return this._set('requireDateOnOrBefore', 'DATE_ON_OR_BEFORE', [date], isDateLike);
  }
  requireFormulaSatisfied(formula: string): Builder {
    return this._set('requireFormulaSatisfied', 'CUSTOM_FORMULA', [formula], (a) => typeof a === 'string');
  }
  requireNumberBetween(start: number, end: number): Builder {
    return this._set('requireNumberBetween', 'NUMBER_BETWEEN', [start, end], isNum);
  }
  requireNumberEqualTo(n: number): Builder {
    return this._set('requireNumberEqualTo', 'NUMBER_EQUAL_TO', [n], isNum);
  }
  requireNumberGreaterThan(n: number): Builder {
    return this._set('requireNumberGreaterThan', 'NUMBER_GREATER_THAN', [n], isNum);
  }
  requireNumberGreaterThanOrEqualTo(n: number): Builder {
    return this._set('requireNumberGreaterThanOrEqualTo', 'NUMBER_GREATER_THAN_OR_EQUAL_TO', [n], isNum);
  }
  requireNumberLessThan(n: number): Builder {
    return this._set('requireNumberLessThan', 'NUMBER_LESS_THAN', [n], isNum);
  }
  requireNumberLessThanOrEqualTo(n: number): Builder {
    return this._set('requireNumberLessThanOrEqualTo', 'NUMBER_LESS_THAN_OR_EQUAL_TO', [n], isNum);
  }
  requireNumberNotBetween(start: number, end: number): Builder {
    return this._set('requireNumberNotBetween', 'NUMBER_NOT_BETWEEN', [start, end], isNum);
  }
  requireNumberNotEqualTo(n: number): Builder {
    return this._set('requireNumberNotEqualTo', 'NUMBER_NOT_EQUAL_TO', [n], isNum);
  }
  requireTextContains(text: string): Builder {
    return this._set('requireTextContains', 'TEXT_CONTAINS', [text], isStr);
  }
  requireTextDoesNotContain(text: string): Builder {
    return this._set('requireTextDoesNotContain', 'TEXT_DOES_NOT_CONTAIN', [text], isStr);
  }
  requireTextEqualTo(text: string): Builder {
    return this._set('requireTextEqualTo', 'TEXT_EQUAL_TO', [text], isStr);
  }
  requireTextIsEmail(): Builder {
    return this._set('requireTextIsEmail', 'TEXT_IS_VALID_EMAIL', []);
  }
  requireTextIsUrl(): Builder {
    return this._set('requireTextIsUrl', 'TEXT_IS_VALID_URL', []);
  }
  withCriteria(criteria: GoogleAppsScript.Spreadsheet.DataValidationCriteria, args: unknown[]): Builder {
    const name = criteria as unknown as string;
    if (!(DATA_VALIDATION_CRITERIA as readonly string[]).includes(name) || !Array.isArray(args))
      throw this._ctx.paramsError('DataValidationBuilder.withCriteria', [criteria, args]);
    return this._set('withCriteria', name, [...args]);
  }
}

const isNum = (a: unknown) => typeof a === 'number' && Number.isFinite(a);
const isStr = (a: unknown) => typeof a === 'string';
