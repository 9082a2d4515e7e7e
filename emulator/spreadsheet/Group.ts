// Apps Script's Group (https://developers.google.com/apps-script/reference/spreadsheet/group): one row or column
// group of a sheet, as Sheet.getRowGroup / getColumnGroup return it. The model is in groups.ts.
import { GasObject } from '../host/kernel';
import type { SheetsContext } from './context';
import type { Dim } from './grid';
import { collapseGroup, expandGroup, outlineOf, shiftGroupDepth, type GroupSpec } from './groups';
import type { SheetModel } from './model';

type GasGroup = GoogleAppsScript.Spreadsheet.Group;

/**
 * Strict local message (Google's text unconfirmed): the group this object stood for is gone (removed, or its rows
 * regrouped) — "After calling this [remove], the group object becomes invalid to use" (group#remove()).
 */
export const GROUP_GONE_MESSAGE = 'This group no longer exists on the sheet.';

/**
 * The message of getRowGroup / getColumnGroup when no group is there. The reference's Returns line says the method
 * "throws an exception if the group doesn't exist" (its sample's comment says null); the runtime throws, the stricter
 * reading. The wording is assumed.
 */
export function noGroupMessage(dim: Dim, index: number, depth: number): string {
  return `There is no ${dim === 'rows' ? 'row' : 'column'} group of depth ${depth} at index ${index}.`;
}

/** A group, identified by its span and depth when it was fetched. */
export class GroupHost extends GasObject implements Partial<GasGroup> {
  readonly gasService = 'SpreadsheetApp';
  readonly gasClass = 'Group';
  readonly _start: number;
  readonly _end: number;
  readonly _depth: number;

  constructor(
    private readonly _ctx: SheetsContext,
    private readonly _sheet: SheetModel,
    private readonly _dim: Dim,
    g: GroupSpec,
  ) {
    super();
    this._start = g.start;
    this._end = g.end;
    this._depth = g.depth;
  }

  private _self(): GasGroup {
    return this as never;
  }

  /** The group as it is now; throws when it no longer exists with the same span and depth. */
  private _live(): GroupSpec {
    const g = outlineOf(this._sheet, this._dim)
      .groups()
      .find((x) => x.depth === this._depth && x.start === this._start && x.end === this._end);
    if (!g || this._sheet.deleted) throw this._ctx.error(GROUP_GONE_MESSAGE);
    return g;
  }

  collapse(): GasGroup {
    collapseGroup(this._sheet, this._dim, this._live());
    return this._self();
  }

  expand(): GasGroup {
    expandGroup(this._sheet, this._dim, this._live());
    return this._self();
  }

  /** The index just before the group (toggle BEFORE) or just after it (AFTER): rows 2–3 with AFTER give 4. */
  getControlIndex(): number {
    return outlineOf(this._sheet, this._dim).controlIndex(this._live());
  }

  getDepth(): number {
    return this._live().depth;
  }

  /** The group's whole rows ('2:3') or whole columns ('C:E'). */
  getRange(): GoogleAppsScript.Spreadsheet.Range {
    const g = this._live();
    const rect =
      this._dim === 'rows'
        ? { row: g.start, col: 1, numRows: g.end - g.start + 1, numCols: this._sheet.maxCols }
        : { row: 1, col: g.start, numRows: this._sheet.maxRows, numCols: g.end - g.start + 1 };
    return this._ctx.make.range(this._sheet, rect, this._dim === 'rows' ? 'rows' : 'columns') as never;
  }

  isCollapsed(): boolean {
    return this._live().collapsed;
  }

  /** "Removes this group from the sheet, reducing the group depth of the range by one." */
  remove(): void {
    const g = this._live();
    shiftGroupDepth(this._sheet, this._dim, g.start, g.end, -1);
  }
}
