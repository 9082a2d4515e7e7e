// DataValidation (https://developers.google.com/apps-script/reference/spreadsheet/data-validation): a built rule
// and its criteria. Rules are recorded on cells; script writes are never blocked by them (as in Sheets).
import { GasObject, isDateLike } from '../host/kernel';
import type { SheetsContext } from './context';
import type { RangeRef, ValidationSpec } from './model';
import { Builder, DataValidationBuilderHost } from './DataValidationBuilder';

export type Rule = GoogleAppsScript.Spreadsheet.DataValidation;

/** DataValidationCriteria names (enum values are their names). */
export const DATA_VALIDATION_CRITERIA = [
  'DATE_AFTER',
  'DATE_BEFORE',
  'DATE_BETWEEN',
  'DATE_EQUAL_TO',
  'DATE_IS_VALID_DATE',
  'DATE_NOT_BETWEEN',
  'DATE_ON_OR_AFTER',
  'DATE_ON_OR_BEFORE',
  'NUMBER_BETWEEN',
  'NUMBER_EQUAL_TO',
  'NUMBER_GREATER_THAN',
  'NUMBER_GREATER_THAN_OR_EQUAL_TO',
  'NUMBER_LESS_THAN',
  'NUMBER_LESS_THAN_OR_EQUAL_TO',
  'NUMBER_NOT_BETWEEN',
  'NUMBER_NOT_EQUAL_TO',
  'TEXT_CONTAINS',
  'TEXT_DOES_NOT_CONTAIN',
  'TEXT_EQUAL_TO',
  'TEXT_IS_VALID_EMAIL',
  'TEXT_IS_VALID_URL',
  'VALUE_IN_LIST',
  'VALUE_IN_RANGE',
  'CUSTOM_FORMULA',
  'CHECKBOX',
] as const;

/** Criteria arguments as the app sees them: RangeRefs become Range objects again. */
export function argsOut(ctx: SheetsContext, args: unknown[]): unknown[] {
  return args.map((a) =>
    a && typeof a === 'object' && 'rect' in a && 'sheet' in a
      ? ctx.make.range((a as RangeRef).sheet, (a as RangeRef).rect)
      : isDateLike(a)
        ? new Date(a.getTime())
        : Array.isArray(a)
          ? [...a]
          : a,
  );
}

/** A built validation rule (immutable). */
export class DataValidationHost extends GasObject implements Partial<Rule> {
  readonly gasService = 'SpreadsheetApp';
  readonly gasClass = 'DataValidation';
  constructor(
    private readonly _ctx: SheetsContext,
    readonly _spec: ValidationSpec,
  ) {
    super();
  }
  copy(): Builder {
    return new DataValidationBuilderHost(this._ctx, { ...this._spec, args: [...this._spec.args] }) as never;
  }
  getAllowInvalid(): boolean {
    return this._spec.allowInvalid;
  }
  getCriteriaType(): GoogleAppsScript.Spreadsheet.DataValidationCriteria {
    return this._spec.criteria as never;
  }
  getCriteriaValues(): unknown[] {
    return argsOut(this._ctx, this._spec.args);
  }
  getHelpText(): string {
    return this._spec.helpText as string;
  }
}
