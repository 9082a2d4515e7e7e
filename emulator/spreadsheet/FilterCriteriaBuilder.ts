// FilterCriteriaBuilder (https://developers.google.com/apps-script/reference/spreadsheet/filter-criteria-builder): hidden values, visible values and conditions.
import { GasObject } from '../host/kernel';
import type { SheetsContext } from './context';
import type { FilterCriteriaSpec } from './model';
import { argsOut } from './DataValidation';
import { Criteria, copyCriteria } from './Filter';
import { FilterCriteriaHost } from './FilterCriteria';

export type CriteriaBuilder = GoogleAppsScript.Spreadsheet.FilterCriteriaBuilder;
/** SpreadsheetApp.newFilterCriteria(). */
export class FilterCriteriaBuilderHost extends GasObject implements Partial<CriteriaBuilder> {
  readonly gasService = 'SpreadsheetApp';
  readonly gasClass = 'FilterCriteriaBuilder';
  private _spec: FilterCriteriaSpec;
  constructor(
    private readonly _ctx: SheetsContext,
    spec: FilterCriteriaSpec = { hiddenValues: null, visibleValues: null, condition: null },
  ) {
    super();
    this._spec = copyCriteria(spec);
  }

  private _values(method: string, values: unknown): string[] {
    if (!Array.isArray(values) || values.some((v) => typeof v !== 'string'))
      throw this._ctx.paramsError(`FilterCriteriaBuilder.${method}`, [values]);
    return [...(values as string[])];
  }
  private _when(
    method: string,
    criteria: string,
    args: unknown[],
    check: (a: unknown) => boolean = () => true,
  ): CriteriaBuilder {
    if (!args.every(check)) throw this._ctx.paramsError(`FilterCriteriaBuilder.${method}`, args);
    this._spec.condition = { criteria, args };
    return this as never;
  }

  build(): Criteria {
    return new FilterCriteriaHost(this._ctx, this._spec) as never;
  }
  copy(): CriteriaBuilder {
    return new FilterCriteriaBuilderHost(this._ctx, this._spec) as never;
  }
  getHiddenValues(): string[] {
    return this._spec.hiddenValues ? [...this._spec.hiddenValues] : (null as never);
  }
  getVisibleValues(): string[] {
    return this._spec.visibleValues ? [...this._spec.visibleValues] : (null as never);
  }
  getCriteriaType(): GoogleAppsScript.Spreadsheet.BooleanCriteria {
    return (this._spec.condition?.criteria ?? null) as never;
  }
  getCriteriaValues(): unknown[] {
    return this._spec.condition ? argsOut(this._ctx, this._spec.condition.args) : [];
  }
  setHiddenValues(values: string[]): CriteriaBuilder {
    this._spec.hiddenValues = this._values('setHiddenValues', values);
    return this as never;
  }
  setVisibleValues(values: string[]): CriteriaBuilder {
    this._spec.visibleValues = this._values('setVisibleValues', values);
    return this as never;
  }
  whenCellEmpty(): CriteriaBuilder {
    return this._when('whenCellEmpty', 'CELL_EMPTY', []);
  }
  whenCellNotEmpty(): CriteriaBuilder {
    return this._when('whenCellNotEmpty', 'CELL_NOT_EMPTY', []);
  }
  whenTextEqualTo(text: string): CriteriaBuilder {
    return this._when('whenTextEqualTo', 'TEXT_EQUAL_TO', [text], isStr);
  }
  whenTextContains(text: string): CriteriaBuilder {
    return this._when('whenTextContains', 'TEXT_CONTAINS', [text], isStr);
  }
  whenTextDoesNotContain(text: string): CriteriaBuilder {
    return this._when('whenTextDoesNotContain', 'TEXT_DOES_NOT_CONTAIN', [text], isStr);
  }
  whenTextStartsWith(text: string): CriteriaBuilder {
    return this._when('whenTextStartsWith', 'TEXT_STARTS_WITH', [text], isStr);
  }
  whenTextEndsWith(text: string): CriteriaBuilder {
    return this._when('whenTextEndsWith', 'TEXT_ENDS_WITH', [text], isStr);
  }
  whenNumberEqualTo(n: number): CriteriaBuilder {
    return this._when('whenNumberEqualTo', 'NUMBER_EQUAL_TO', [n], isNum);
  }
  whenNumberGreaterThan(n: number): CriteriaBuilder {
    return this._when('whenNumberGreaterThan', 'NUMBER_GREATER_THAN', [n], isNum);
  }
  whenNumberLessThan(n: number): CriteriaBuilder {
    return this._when('whenNumberLessThan', 'NUMBER_LESS_THAN', [n], isNum);
  }
  whenNumberBetween(start: number, end: number): CriteriaBuilder {
    return this._when('whenNumberBetween', 'NUMBER_BETWEEN', [start, end], isNum);
  }
  whenFormulaSatisfied(formula: string): CriteriaBuilder {
    return this._when('whenFormulaSatisfied', 'CUSTOM_FORMULA', [formula], isStr);
  }
}

const isNum = (a: unknown) => typeof a === 'number' && Number.isFinite(a);
const isStr = (a: unknown) => typeof a === 'string';
