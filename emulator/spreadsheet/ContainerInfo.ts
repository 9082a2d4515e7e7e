// ContainerInfo (https://developers.google.com/apps-script/reference/spreadsheet/container-info): where an embedded chart sits on its sheet.
import { GasObject } from '../host/kernel';
import type { ChartSpec } from './model';

/** Anchor of a chart. */
export class ContainerInfoHost extends GasObject implements Partial<GoogleAppsScript.Spreadsheet.ContainerInfo> {
  readonly gasService = 'SpreadsheetApp';
  readonly gasClass = 'ContainerInfo';
  constructor(private readonly _pos: ChartSpec['position']) {
    super();
  }
  getAnchorRow(): number {
    return this._pos.row;
  }
  getAnchorColumn(): number {
    return this._pos.col;
  }
  getOffsetX(): number {
    return this._pos.offsetX;
  }
  getOffsetY(): number {
    return this._pos.offsetY;
  }
}
