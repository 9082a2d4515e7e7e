// FilterCriteria (https://developers.google.com/apps-script/reference/spreadsheet/filter-criteria): a column's criteria, recorded (rows are not hidden by them here).
import { GasObject } from '../host/kernel';
import type { SheetsContext } from './context';
import type { FilterCriteriaSpec } from './model';
import { argsOut } from './DataValidation';
import { Criteria, copyCriteria } from './Filter';
import { CriteriaBuilder, FilterCriteriaBuilderHost } from './FilterCriteriaBuilder';

/** Built filter criteria. */
export class FilterCriteriaHost extends GasObject implements Partial<Criteria> {
  readonly gasService = 'SpreadsheetApp';
  readonly gasClass = 'FilterCriteria';
  readonly _spec: FilterCriteriaSpec;
  constructor(
    private readonly _ctx: SheetsContext,
    spec: FilterCriteriaSpec,
  ) {
    super();
    this._spec = copyCriteria(spec);
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
}
