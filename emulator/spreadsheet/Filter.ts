// Basic filters: Range.createFilter, Sheet.getFilter, column criteria (recorded) and Filter.sort.
// NOT emulated: hiding the rows the criteria exclude (isRowHiddenByFilter etc. are "not implemented").
import { GasObject } from '../host/kernel';
import type { SheetsContext } from './context';
import type { Rect } from './grid';
import type { FilterCriteriaSpec, SheetModel } from './model';
import { sortRows } from './sort';
import { argsOut } from './DataValidation';

type GasFilter = GoogleAppsScript.Spreadsheet.Filter;
type CriteriaBuilder = GoogleAppsScript.Spreadsheet.FilterCriteriaBuilder;
type Criteria = GoogleAppsScript.Spreadsheet.FilterCriteria;

/** Strict local message (Google's exact text unconfirmed). */
export const FILTER_COLUMN_MESSAGE = 'The column position is outside the filter range.';

function copyCriteria(c: FilterCriteriaSpec): FilterCriteriaSpec {
  return {
    hiddenValues: c.hiddenValues && [...c.hiddenValues],
    visibleValues: c.visibleValues && [...c.visibleValues],
    condition: c.condition && { ...c.condition, args: [...c.condition.args] },
  };
}

/** Range.createFilter. */
export function createFilter(ctx: SheetsContext, sheet: SheetModel, rect: Rect): FilterHost {
  if (sheet.filter) throw ctx.error("You can't create a filter in a sheet that already has a filter.");
  sheet.filter = { rect: { ...rect }, criteria: new Map() };
  return new FilterHost(ctx, sheet);
}

/** The sheet's filter (a live view; calls after remove() fail). */
export class FilterHost extends GasObject implements Partial<GasFilter> {
  readonly gasService = 'SpreadsheetApp';
  readonly gasClass = 'Filter';
  constructor(
    private readonly _ctx: SheetsContext,
    private readonly _sheet: SheetModel,
  ) {
    super();
  }

  private _spec(method: string, column?: unknown) {
    const f = this._sheet.filter;
    if (!f) throw this._ctx.error('This filter has been removed.');
    if (column !== undefined) {
      if (typeof column !== 'number' || !Number.isInteger(column))
        throw this._ctx.paramsError(`Filter.${method}`, [column]);
      if (column < f.rect.col || column > f.rect.col + f.rect.numCols - 1) throw this._ctx.error(FILTER_COLUMN_MESSAGE);
    }
    return f;
  }

  getRange(): GoogleAppsScript.Spreadsheet.Range {
    return this._ctx.make.range(this._sheet, this._spec('getRange').rect) as never;
  }
  remove(): void {
    this._spec('remove');
    this._sheet.filter = null;
  }
  getColumnFilterCriteria(columnPosition: number): Criteria | null {
    const c = this._spec('getColumnFilterCriteria', columnPosition).criteria.get(columnPosition);
    return c ? (new FilterCriteriaHost(this._ctx, c) as never) : null;
  }
  setColumnFilterCriteria(columnPosition: number, filterCriteria: Criteria | null): GasFilter {
    const f = this._spec('setColumnFilterCriteria', columnPosition);
    if (filterCriteria === null) f.criteria.delete(columnPosition);
    else if (filterCriteria instanceof FilterCriteriaHost)
      f.criteria.set(columnPosition, copyCriteria(filterCriteria._spec));
    else throw this._ctx.paramsError('Filter.setColumnFilterCriteria', [columnPosition, filterCriteria]);
    return this as never;
  }
  removeColumnFilterCriteria(columnPosition: number): GasFilter {
    this._spec('removeColumnFilterCriteria', columnPosition).criteria.delete(columnPosition);
    return this as never;
  }
  /** Sorts the filter range below its header row. */
  sort(columnPosition: number, ascending: boolean): GasFilter {
    const f = this._spec('sort', columnPosition);
    if (typeof ascending !== 'boolean') throw this._ctx.paramsError('Filter.sort', [columnPosition, ascending]);
    if (f.rect.numRows > 1)
      sortRows(this._ctx, this._sheet, { ...f.rect, row: f.rect.row + 1, numRows: f.rect.numRows - 1 }, [
        { col: columnPosition, asc: ascending },
      ]);
    return this as never;
  }
}

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
