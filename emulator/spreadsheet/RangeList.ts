// RangeList: several ranges handled together (Sheet.getRangeList); each call applies to every range in order.
import { GasObject } from '../host/kernel';
import type { RangeHost } from './Range';

type GasRangeList = GoogleAppsScript.Spreadsheet.RangeList;

/** Apps Script's RangeList over host ranges. */
export class RangeListHost extends GasObject implements Partial<GasRangeList> {
  readonly gasService = 'SpreadsheetApp';
  readonly gasClass = 'RangeList';
  constructor(private readonly _ranges: RangeHost[]) {
    super();
  }
  private _each(f: (r: RangeHost) => unknown): GasRangeList {
    for (const r of this._ranges) f(r);
    return this as never;
  }
  getRanges(): GoogleAppsScript.Spreadsheet.Range[] {
    return [...this._ranges] as never;
  }
  activate(): GasRangeList {
    return this._each((r) => r.activate());
  }
  setValue(value: unknown): GasRangeList {
    return this._each((r) => r.setValue(value));
  }
  setFormula(formula: string): GasRangeList {
    return this._each((r) => r.setFormula(formula));
  }
  setNote(note: string | null): GasRangeList {
    return this._each((r) => r.setNote(note));
  }
  setNumberFormat(format: string): GasRangeList {
    return this._each((r) => r.setNumberFormat(format));
  }
  setBackground(color: string | null): GasRangeList {
    return this._each((r) => r.setBackground(color));
  }
  setFontColor(color: string | null): GasRangeList {
    return this._each((r) => r.setFontColor(color));
  }
  setFontWeight(fontWeight: GoogleAppsScript.Spreadsheet.FontWeight | null): GasRangeList {
    return this._each((r) => r.setFontWeight(fontWeight));
  }
  setWrap(isWrapEnabled: boolean): GasRangeList {
    return this._each((r) => r.setWrap(isWrapEnabled));
  }
  setHorizontalAlignment(alignment: 'left' | 'center' | 'normal' | 'right' | null): GasRangeList {
    return this._each((r) => r.setHorizontalAlignment(alignment));
  }
  setDataValidation(rule: GoogleAppsScript.Spreadsheet.DataValidation | null): GasRangeList {
    return this._each((r) => r.setDataValidation(rule));
  }
  clear(options?: { contentsOnly?: boolean; formatOnly?: boolean }): GasRangeList {
    return this._each((r) => r.clear(options));
  }
  clearContent(): GasRangeList {
    return this._each((r) => r.clearContent());
  }
  clearFormat(): GasRangeList {
    return this._each((r) => r.clearFormat());
  }
  breakApart(): GasRangeList {
    return this._each((r) => r.breakApart());
  }
  insertCheckboxes(): GasRangeList {
    return this._each((r) => r.insertCheckboxes());
  }
  check(): GasRangeList {
    return this._each((r) => r.check());
  }
  uncheck(): GasRangeList {
    return this._each((r) => r.uncheck());
  }
}
