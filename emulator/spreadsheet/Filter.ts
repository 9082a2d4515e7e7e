// Filter (https://developers.google.com/apps-script/reference/spreadsheet/filter): the basic filter of a sheet made
// by Range.createFilter, column criteria (recorded) and Filter.sort. NOT emulated: hiding the rows the criteria
// exclude (isRowHiddenByFilter etc. are "not implemented").
import { GasObject } from '../host/kernel';
import type { SheetsContext } from './context';
import type { Rect } from './grid';
import type { FilterCriteriaSpec, SheetModel } from './model';
import { sortRows } from './sort';
import { FilterCriteriaHost } from './FilterCriteria';

type GasFilter = GoogleAppsScript.Spreadsheet.Filter;
export type Criteria = GoogleAppsScript.Spreadsheet.FilterCriteria;

/** Strict local message (Google's exact text unconfirmed). */
export const FILTER_COLUMN_MESSAGE = 'The column position is outside the filter range.';

export function copyCriteria(c: FilterCriteriaSpec): FilterCriteriaSpec {
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
