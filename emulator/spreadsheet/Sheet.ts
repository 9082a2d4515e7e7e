// Sheet, part 2: identity (name, id, index), ranges (getRange overloads, data range, last row/column),
// contents (appendRow, clear, sort), selection, protections, conditional formats, filters and charts.
import { chartOps, EmbeddedChartBuilderHost, newChartSpec } from './EmbeddedChart';
import { clearContents, clearFormats } from './cells';
import { getRules, setRules } from './ConditionalFormatRule';
import { FilterHost } from './Filter';
import { listNamed } from './NamedRange';
import { assertCanEdit, listProtections, protect } from './Protection';
import { resolveGetRange } from './resolve';
import { activeRect, select } from './Selection';
import { SheetLayout } from './sheet-layout';
import { sortRows } from './sort';
import { appendRow } from './structure';

type GasSheet = GoogleAppsScript.Spreadsheet.Sheet;
type GasRange = GoogleAppsScript.Spreadsheet.Range;

/** The message for a taken sheet name (names are unique ignoring case). */
export function duplicateNameMessage(name: string): string {
  return `A sheet with the name "${name}" already exists. Please enter another name.`;
}

/** Apps Script's Sheet. */
export class SheetHost extends SheetLayout implements Partial<GasSheet> {
  private _rangeOf(rect: { row: number; col: number; numRows: number; numCols: number }): GasRange {
    return this._ctx.make.range(this._model, rect) as never;
  }

  private _grid() {
    return { row: 1, col: 1, numRows: this._model.maxRows, numCols: this._model.maxCols };
  }

  getName(): string {
    return this._model.name;
  }
  getSheetName(): string {
    return this._model.name;
  }
  setName(name: string): GasSheet {
    if (typeof name !== 'string' || !name.trim()) throw this._ctx.paramsError('Sheet.setName', [name]);
    const other = this._model.parent.sheetByName(name);
    if (other && other !== this._model) throw this._ctx.error(duplicateNameMessage(name));
    this._model.name = name;
    return this._self();
  }
  getSheetId(): number {
    return this._model.id;
  }
  /** 1-based position among the tabs. */
  getIndex(): number {
    return this._model.parent.sheets.indexOf(this._model) + 1;
  }
  getParent(): GoogleAppsScript.Spreadsheet.Spreadsheet {
    return this._ctx.make.spreadsheet(this._model.parent) as never;
  }
  activate(): GasSheet {
    select(this._ctx, this._ctx.user(), this._model, null);
    return this._self();
  }

  getRange(...args: unknown[]): GasRange {
    const r = resolveGetRange(this._ctx, this._model, 'Sheet.getRange', args);
    return this._ctx.make.range(r.sheet, r.rect, r.form) as never;
  }
  getRangeList(a1Notations: string[]): GoogleAppsScript.Spreadsheet.RangeList {
    if (!Array.isArray(a1Notations)) throw this._ctx.paramsError('Sheet.getRangeList', [a1Notations]);
    return this._ctx.make.rangeList(a1Notations.map((a) => this.getRange(a))) as never;
  }
  getDataRange(): GasRange {
    return this._rangeOf({
      row: 1,
      col: 1,
      numRows: Math.max(1, this._model.lastRow()),
      numCols: Math.max(1, this._model.lastCol()),
    });
  }
  getLastRow(): number {
    return this._model.lastRow();
  }
  getLastColumn(): number {
    return this._model.lastCol();
  }

  appendRow(rowContents: unknown[]): GasSheet {
    appendRow(this._ctx, this._model, rowContents);
    return this._self();
  }

  clear(options?: { contentsOnly?: boolean; formatOnly?: boolean }): GasSheet {
    if (options !== undefined && (options === null || typeof options !== 'object'))
      throw this._ctx.paramsError('Sheet.clear', [options]);
    const o = options ?? {};
    const both = !o.contentsOnly && !o.formatOnly;
    assertCanEdit(this._ctx, this._model, this._grid());
    if (both || o.contentsOnly) clearContents(this._model, this._grid());
    if (both || o.formatOnly) clearFormats(this._model, this._grid());
    return this._self();
  }
  clearContents(): GasSheet {
    return this.clear({ contentsOnly: true });
  }
  clearFormats(): GasSheet {
    return this.clear({ formatOnly: true });
  }
  clearNotes(): GasSheet {
    assertCanEdit(this._ctx, this._model, this._grid());
    this._model.notes.rows = [];
    return this._self();
  }

  /** Sorts the rows below the frozen rows by one column. */
  sort(columnPosition: number, ascending = true): GasSheet {
    if (typeof columnPosition !== 'number' || !Number.isInteger(columnPosition) || typeof ascending !== 'boolean')
      throw this._ctx.paramsError('Sheet.sort', [columnPosition, ascending]);
    this._span('Sheet.sort', 'cols', columnPosition);
    const first = this._model.frozenRows + 1;
    const last = this._model.lastRow();
    if (last >= first)
      sortRows(
        this._ctx,
        this._model,
        { row: first, col: 1, numRows: last - first + 1, numCols: this._model.maxCols },
        [{ col: columnPosition, asc: ascending }],
      );
    return this._self();
  }

  getActiveRange(): GasRange | null {
    const a = activeRect(this._model.parent, this._ctx.user());
    return a.sheet === this._model ? this._rangeOf(a.rect) : null;
  }
  getActiveCell(): GasRange {
    const a = activeRect(this._model.parent, this._ctx.user());
    return this._rangeOf(
      a.sheet === this._model ? { ...a.rect, numRows: 1, numCols: 1 } : { row: 1, col: 1, numRows: 1, numCols: 1 },
    );
  }
  getCurrentCell(): GasRange | null {
    const a = activeRect(this._model.parent, this._ctx.user());
    return a.sheet === this._model ? this._rangeOf({ ...a.rect, numRows: 1, numCols: 1 }) : null;
  }
  setActiveRange(range: GasRange): GasRange {
    const h = range as unknown as {
      _sheet?: unknown;
      _rect?: { row: number; col: number; numRows: number; numCols: number };
    };
    if (h._sheet !== this._model || !h._rect)
      throw this._ctx.error('The range must be on the sheet it is activated on.');
    select(this._ctx, this._ctx.user(), this._model, h._rect);
    return range;
  }
  setActiveSelection(a1Notation: string | GasRange): GasRange {
    return this.setActiveRange(typeof a1Notation === 'string' ? this.getRange(a1Notation) : a1Notation);
  }

  protect(): GoogleAppsScript.Spreadsheet.Protection {
    return protect(this._ctx, this._model, null) as never;
  }
  getProtections(type: GoogleAppsScript.Spreadsheet.ProtectionType): GoogleAppsScript.Spreadsheet.Protection[] {
    return listProtections(this._ctx, this._model.parent, type, this._model) as never;
  }
  getNamedRanges(): GoogleAppsScript.Spreadsheet.NamedRange[] {
    return listNamed(this._ctx, this._model.parent, this._model) as never;
  }

  getConditionalFormatRules(): GoogleAppsScript.Spreadsheet.ConditionalFormatRule[] {
    return getRules(this._ctx, this._model);
  }
  setConditionalFormatRules(rules: GoogleAppsScript.Spreadsheet.ConditionalFormatRule[]): void {
    setRules(this._ctx, this._model, rules);
  }
  clearConditionalFormatRules(): void {
    this._model.conditionalRules = [];
  }

  getFilter(): GoogleAppsScript.Spreadsheet.Filter | null {
    return this._model.filter ? (new FilterHost(this._ctx, this._model) as never) : null;
  }

  newChart(): GoogleAppsScript.Spreadsheet.EmbeddedChartBuilder {
    return new EmbeddedChartBuilderHost(this._ctx, this._model, newChartSpec()) as never;
  }
  insertChart(chart: GoogleAppsScript.Spreadsheet.EmbeddedChart): void {
    chartOps.insert(this._ctx, this._model, chart);
  }
  updateChart(chart: GoogleAppsScript.Spreadsheet.EmbeddedChart): void {
    chartOps.update(this._ctx, this._model, chart);
  }
  removeChart(chart: GoogleAppsScript.Spreadsheet.EmbeddedChart): void {
    chartOps.remove(this._ctx, this._model, chart);
  }
  getCharts(): GoogleAppsScript.Spreadsheet.EmbeddedChart[] {
    return chartOps.list(this._ctx, this._model);
  }
}
