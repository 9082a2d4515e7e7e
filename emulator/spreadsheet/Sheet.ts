// Apps Script's Sheet (https://developers.google.com/apps-script/reference/spreadsheet/sheet): identity (name,
// id, index), ranges (getRange overloads, data range, last row/column), contents (appendRow, clear, sort), the
// grid's layout (rows and columns inserted and deleted, sizes, frozen panes, hidden rows and columns, tab
// state), moving rows and columns, row and column groups, selection, protections, conditional formats, filters and
// charts.
import { GasObject } from '../host/kernel';
import { clearContents, clearFormats } from './cells';
import { getRules, setRules } from './ConditionalFormatRule';
import type { SheetsContext } from './context';
import { chartOps, newChartSpec } from './EmbeddedChart';
import { EmbeddedChartBuilderHost } from './EmbeddedChartBuilder';
import { FilterHost } from './Filter';
import { SPREADSHEET_ENUMS } from './enums';
import type { Dim, Rect } from './grid';
import { GroupHost, noGroupMessage } from './Group';
import { collapseGroup, expandGroup, outlineOf } from './groups';
import { assertFreezeKeepsMerges } from './merges';
import type { SheetModel } from './model';
import { listNamed } from './NamedRange';
import { assertCanEdit, listProtections, protect } from './Protection';
import { resolveGetRange } from './resolve';
import { activeRect, select } from './Selection';
import { sortRows } from './sort';
import { appendRow, deleteDim, insertDim, moveDim } from './structure';
import { normalizeColor } from './styles';
import { createTextFinder } from './TextFinder';

type GasSheet = GoogleAppsScript.Spreadsheet.Sheet;
type GasRange = GoogleAppsScript.Spreadsheet.Range;

const DEFAULT_WIDTH = 100;
const DEFAULT_HEIGHT = 21;
/** The message for a taken sheet name (names are unique ignoring case). */
export function duplicateNameMessage(name: string): string {
  return `A sheet with the name "${name}" already exists. Please enter another name.`;
}

/** Strict local message (Google's text unconfirmed): a row or column spec taken from another sheet. */
export const MOVE_OTHER_SHEET_MESSAGE = 'The range to move must be on the sheet whose rows or columns are moved.';

/**
 * Strict local messages (Google's text unconfirmed) for expandAllRowGroups / expandAllColumnGroups on a sheet without
 * groups: the reference says each "requires at least one row [column] group".
 */
export const NO_GROUPS_MESSAGE: Record<Dim, string> = {
  rows: 'There are no row groups on this sheet.',
  cols: 'There are no column groups on this sheet.',
};

type GasGroup = GoogleAppsScript.Spreadsheet.Group;
type TogglePosition = GoogleAppsScript.Spreadsheet.GroupControlTogglePosition;

/** Apps Script's Sheet. */
export class SheetHost extends GasObject implements Partial<GasSheet> {
  readonly gasService = 'SpreadsheetApp';
  readonly gasClass = 'Sheet';

  constructor(
    readonly _ctx: SheetsContext,
    readonly _model: SheetModel,
  ) {
    super();
  }

  protected _self(): GasSheet {
    return this as never;
  }

  /** Checks integer arguments and a 1-based span inside the grid (rows or columns). */
  protected _span(method: string, dim: Dim, start: unknown, count: unknown = 1): [number, number] {
    if (typeof start !== 'number' || !Number.isInteger(start) || typeof count !== 'number' || !Number.isInteger(count))
      throw this._ctx.paramsError(method, [start, count]);
    const max = dim === 'rows' ? this._model.maxRows : this._model.maxCols;
    if (start < 1 || count < 1 || start + count - 1 > max)
      throw this._ctx.error(dim === 'rows' ? 'Those rows are out of bounds.' : 'Those columns are out of bounds.');
    return [start, count];
  }

  /** A 1-based position inside the grid and a positive count (inserts may add any number). */
  protected _pos(method: string, dim: Dim, pos: unknown, count: unknown): [number, number] {
    const [p] = this._span(method, dim, pos, 1);
    if (typeof count !== 'number' || !Number.isInteger(count)) throw this._ctx.paramsError(method, [pos, count]);
    if (count < 1)
      throw this._ctx.error(dim === 'rows' ? 'Those rows are out of bounds.' : 'Those columns are out of bounds.');
    return [p, count];
  }

  getMaxRows(): number {
    return this._model.maxRows;
  }
  getMaxColumns(): number {
    return this._model.maxCols;
  }

  insertRowsBefore(beforePosition: number, howMany: number): GasSheet {
    insertDim(this._ctx, this._model, 'rows', ...this._pos('Sheet.insertRowsBefore', 'rows', beforePosition, howMany));
    return this._self();
  }
  insertRowsAfter(afterPosition: number, howMany: number): GasSheet {
    const [at, n] = this._pos('Sheet.insertRowsAfter', 'rows', afterPosition, howMany);
    insertDim(this._ctx, this._model, 'rows', at + 1, n);
    return this._self();
  }
  insertRowBefore(beforePosition: number): GasSheet {
    return this.insertRowsBefore(beforePosition, 1);
  }
  insertRowAfter(afterPosition: number): GasSheet {
    return this.insertRowsAfter(afterPosition, 1);
  }
  insertRows(rowIndex: number, numRows = 1): void {
    this.insertRowsBefore(rowIndex, numRows);
  }
  deleteRow(rowPosition: number): GasSheet {
    this.deleteRows(rowPosition, 1);
    return this._self();
  }
  deleteRows(rowPosition: number, howMany: number): void {
    if (typeof rowPosition !== 'number' || typeof howMany !== 'number')
      throw this._ctx.paramsError('Sheet.deleteRows', [rowPosition, howMany]);
    deleteDim(this._ctx, this._model, 'rows', rowPosition, howMany);
  }

  insertColumnsBefore(beforePosition: number, howMany: number): GasSheet {
    insertDim(
      this._ctx,
      this._model,
      'cols',
      ...this._pos('Sheet.insertColumnsBefore', 'cols', beforePosition, howMany),
    );
    return this._self();
  }
  insertColumnsAfter(afterPosition: number, howMany: number): GasSheet {
    const [at, n] = this._pos('Sheet.insertColumnsAfter', 'cols', afterPosition, howMany);
    insertDim(this._ctx, this._model, 'cols', at + 1, n);
    return this._self();
  }
  insertColumnBefore(beforePosition: number): GasSheet {
    return this.insertColumnsBefore(beforePosition, 1);
  }
  insertColumnAfter(afterPosition: number): GasSheet {
    return this.insertColumnsAfter(afterPosition, 1);
  }
  insertColumns(columnIndex: number, numColumns = 1): void {
    this.insertColumnsBefore(columnIndex, numColumns);
  }
  deleteColumn(columnPosition: number): GasSheet {
    this.deleteColumns(columnPosition, 1);
    return this._self();
  }
  deleteColumns(columnPosition: number, howMany: number): void {
    if (typeof columnPosition !== 'number' || typeof howMany !== 'number')
      throw this._ctx.paramsError('Sheet.deleteColumns', [columnPosition, howMany]);
    deleteDim(this._ctx, this._model, 'cols', columnPosition, howMany);
  }

  getFrozenRows(): number {
    return this._model.frozenRows;
  }
  setFrozenRows(rows: number): void {
    if (typeof rows !== 'number' || !Number.isInteger(rows)) throw this._ctx.paramsError('Sheet.setFrozenRows', [rows]);
    if (rows < 0 || rows >= this._model.maxRows) throw this._ctx.error('Those rows are out of bounds.');
    assertFreezeKeepsMerges(this._ctx, this._model, 'rows', rows);
    this._model.frozenRows = rows;
  }
  getFrozenColumns(): number {
    return this._model.frozenCols;
  }
  setFrozenColumns(columns: number): void {
    if (typeof columns !== 'number' || !Number.isInteger(columns))
      throw this._ctx.paramsError('Sheet.setFrozenColumns', [columns]);
    if (columns < 0 || columns >= this._model.maxCols) throw this._ctx.error('Those columns are out of bounds.');
    assertFreezeKeepsMerges(this._ctx, this._model, 'cols', columns);
    this._model.frozenCols = columns;
  }

  getColumnWidth(columnPosition: number): number {
    const [c] = this._span('Sheet.getColumnWidth', 'cols', columnPosition);
    return this._model.colWidths[c - 1] ?? DEFAULT_WIDTH;
  }
  setColumnWidth(columnPosition: number, width: number): GasSheet {
    return this.setColumnWidths(columnPosition, 1, width);
  }
  setColumnWidths(startColumn: number, numColumns: number, width: number): GasSheet {
    const [c, n] = this._span('Sheet.setColumnWidths', 'cols', startColumn, numColumns);
    if (typeof width !== 'number' || !Number.isInteger(width) || width < 0)
      throw this._ctx.paramsError('Sheet.setColumnWidths', [startColumn, numColumns, width]);
    for (let i = 0; i < n; i++) this._model.colWidths[c - 1 + i] = width;
    return this._self();
  }
  getRowHeight(rowPosition: number): number {
    const [r] = this._span('Sheet.getRowHeight', 'rows', rowPosition);
    return this._model.rowHeights[r - 1] ?? DEFAULT_HEIGHT;
  }
  setRowHeight(rowPosition: number, height: number): GasSheet {
    return this.setRowHeights(rowPosition, 1, height);
  }
  setRowHeights(startRow: number, numRows: number, height: number): GasSheet {
    const [r, n] = this._span('Sheet.setRowHeights', 'rows', startRow, numRows);
    if (typeof height !== 'number' || !Number.isInteger(height) || height < 0)
      throw this._ctx.paramsError('Sheet.setRowHeights', [startRow, numRows, height]);
    for (let i = 0; i < n; i++) this._model.rowHeights[r - 1 + i] = height;
    return this._self();
  }
  /** Checks its arguments; widths are not computed locally (no fonts), so nothing changes. */
  autoResizeColumns(startColumn: number, numColumns: number): GasSheet {
    this._span('Sheet.autoResizeColumns', 'cols', startColumn, numColumns);
    return this._self();
  }
  autoResizeColumn(columnPosition: number): GasSheet {
    return this.autoResizeColumns(columnPosition, 1);
  }
  autoResizeRows(startRow: number, numRows: number): GasSheet {
    this._span('Sheet.autoResizeRows', 'rows', startRow, numRows);
    return this._self();
  }

  hideRows(rowIndex: number, numRows = 1): void {
    const [r, n] = this._span('Sheet.hideRows', 'rows', rowIndex, numRows);
    for (let i = 0; i < n; i++) this._model.hiddenRows[r - 1 + i] = true;
  }
  showRows(rowIndex: number, numRows = 1): void {
    const [r, n] = this._span('Sheet.showRows', 'rows', rowIndex, numRows);
    for (let i = 0; i < n; i++) this._model.hiddenRows[r - 1 + i] = undefined;
  }
  hideColumns(columnIndex: number, numColumns = 1): void {
    const [c, n] = this._span('Sheet.hideColumns', 'cols', columnIndex, numColumns);
    for (let i = 0; i < n; i++) this._model.hiddenCols[c - 1 + i] = true;
  }
  showColumns(columnIndex: number, numColumns = 1): void {
    const [c, n] = this._span('Sheet.showColumns', 'cols', columnIndex, numColumns);
    for (let i = 0; i < n; i++) this._model.hiddenCols[c - 1 + i] = undefined;
  }
  hideRow(row: GasRange): void {
    const h = row as unknown as { _rect: { row: number; numRows: number } };
    this.hideRows(h._rect.row, h._rect.numRows);
  }
  unhideRow(row: GasRange): void {
    const h = row as unknown as { _rect: { row: number; numRows: number } };
    this.showRows(h._rect.row, h._rect.numRows);
  }
  hideColumn(column: GasRange): void {
    const h = column as unknown as { _rect: { col: number; numCols: number } };
    this.hideColumns(h._rect.col, h._rect.numCols);
  }
  unhideColumn(column: GasRange): void {
    const h = column as unknown as { _rect: { col: number; numCols: number } };
    this.showColumns(h._rect.col, h._rect.numCols);
  }
  isRowHiddenByUser(rowPosition: number): boolean {
    const [r] = this._span('Sheet.isRowHiddenByUser', 'rows', rowPosition);
    return this._model.hiddenRows[r - 1] === true;
  }
  isColumnHiddenByUser(columnPosition: number): boolean {
    const [c] = this._span('Sheet.isColumnHiddenByUser', 'cols', columnPosition);
    return this._model.hiddenCols[c - 1] === true;
  }

  /**
   * moveRows / moveColumns (sheet#moveColumns(Range,Integer)): every row (column) the spec spans moves, whatever
   * its shape ("The columnSpec itself does not have to exactly represent an entire column"); the destination is an
   * index before the move (A:B to 5 become C:D).
   */
  private _move(method: string, dim: Dim, spec: unknown, destinationIndex: unknown): void {
    const h = spec as { _sheet?: unknown; _rect?: Rect } | null;
    if (
      !h ||
      typeof h !== 'object' ||
      !h._rect ||
      typeof destinationIndex !== 'number' ||
      !Number.isInteger(destinationIndex)
    )
      throw this._ctx.paramsError(method, [spec, destinationIndex]);
    if (h._sheet !== this._model) throw this._ctx.error(MOVE_OTHER_SHEET_MESSAGE);
    const r = h._rect;
    const [start, n] = dim === 'rows' ? [r.row, r.numRows] : [r.col, r.numCols];
    moveDim(this._ctx, this._model, dim, start, n, destinationIndex);
  }
  moveRows(rowSpec: GasRange, destinationIndex: number): void {
    this._move('Sheet.moveRows', 'rows', rowSpec, destinationIndex);
  }
  moveColumns(columnSpec: GasRange, destinationIndex: number): void {
    this._move('Sheet.moveColumns', 'cols', columnSpec, destinationIndex);
  }

  // Row and column groups (groups.ts; the Group class in Group.ts).
  private _group(method: string, dim: Dim, index: unknown, depth: unknown): GasGroup {
    this._ctx.requireInt(method, [index, depth], index, depth);
    const g = outlineOf(this._model, dim).find(index as number, depth as number);
    if (!g) throw this._ctx.error(noGroupMessage(dim, index as number, depth as number));
    return new GroupHost(this._ctx, this._model, dim, g) as never;
  }
  /** The group of that depth holding the row, or whose control toggle is on it; throws when there is none. */
  getRowGroup(rowIndex: number, groupDepth: number): GasGroup | null {
    return this._group('Sheet.getRowGroup', 'rows', rowIndex, groupDepth);
  }
  getColumnGroup(columnIndex: number, groupDepth: number): GasGroup | null {
    return this._group('Sheet.getColumnGroup', 'cols', columnIndex, groupDepth);
  }
  getRowGroupDepth(rowIndex: number): number {
    const [r] = this._span('Sheet.getRowGroupDepth', 'rows', rowIndex);
    return this._model.rowOutline.at(r);
  }
  getColumnGroupDepth(columnIndex: number): number {
    const [c] = this._span('Sheet.getColumnGroupDepth', 'cols', columnIndex);
    return this._model.colOutline.at(c);
  }
  /** Collapses (expands) every group of one dimension; with `upTo`, groups deeper than it collapse and the rest expand. */
  private _setAll(dim: Dim, collapse: boolean, upTo?: number): GasSheet {
    const groups = outlineOf(this._model, dim).groups();
    const deep = upTo === undefined ? (collapse ? groups : []) : groups.filter((g) => g.depth > upTo);
    const open = upTo === undefined ? (collapse ? [] : groups) : groups.filter((g) => g.depth <= upTo);
    for (const g of deep) collapseGroup(this._model, dim, g);
    for (const g of open) expandGroup(this._model, dim, g);
    return this._self();
  }
  collapseAllRowGroups(): GasSheet {
    return this._setAll('rows', true);
  }
  collapseAllColumnGroups(): GasSheet {
    return this._setAll('cols', true);
  }
  /** "This method requires at least one row group." */
  expandAllRowGroups(): GasSheet {
    if (!this._model.rowOutline.groups().length) throw this._ctx.error(NO_GROUPS_MESSAGE.rows);
    return this._setAll('rows', false);
  }
  expandAllColumnGroups(): GasSheet {
    if (!this._model.colOutline.groups().length) throw this._ctx.error(NO_GROUPS_MESSAGE.cols);
    return this._setAll('cols', false);
  }
  expandRowGroupsUpToDepth(groupDepth: number): GasSheet {
    this._ctx.requireInt('Sheet.expandRowGroupsUpToDepth', [groupDepth], groupDepth);
    return this._setAll('rows', false, groupDepth);
  }
  expandColumnGroupsUpToDepth(groupDepth: number): GasSheet {
    this._ctx.requireInt('Sheet.expandColumnGroupsUpToDepth', [groupDepth], groupDepth);
    return this._setAll('cols', false, groupDepth);
  }
  getRowGroupControlPosition(): TogglePosition {
    return (this._model.rowOutline.controlAfter ? 'AFTER' : 'BEFORE') as never;
  }
  getColumnGroupControlPosition(): TogglePosition {
    return (this._model.colOutline.controlAfter ? 'AFTER' : 'BEFORE') as never;
  }
  private _setControl(method: string, dim: Dim, position: unknown): GasSheet {
    if (typeof position !== 'string' || !Object.hasOwn(SPREADSHEET_ENUMS.GroupControlTogglePosition, position))
      throw this._ctx.paramsError(method, [position]);
    outlineOf(this._model, dim).controlAfter = position === 'AFTER';
    return this._self();
  }
  setRowGroupControlPosition(position: TogglePosition): GasSheet {
    return this._setControl('Sheet.setRowGroupControlPosition', 'rows', position);
  }
  setColumnGroupControlPosition(position: TogglePosition): GasSheet {
    return this._setControl('Sheet.setColumnGroupControlPosition', 'cols', position);
  }

  /** Hiding the only visible sheet is refused (strict local message; Google's text unconfirmed). */
  hideSheet(): GasSheet {
    const visible = this._model.parent.sheets.filter((s) => !s.hidden);
    if (visible.length === 1 && visible[0] === this._model)
      throw this._ctx.error("You can't hide all the sheets in a document.");
    this._model.hidden = true;
    return this._self();
  }
  showSheet(): GasSheet {
    this._model.hidden = false;
    return this._self();
  }
  isSheetHidden(): boolean {
    return this._model.hidden;
  }
  getTabColor(): string | null {
    return this._model.tabColor;
  }
  setTabColor(color: string | null): GasSheet {
    this._model.tabColor = normalizeColor(this._ctx, 'Sheet.setTabColor', color);
    return this._self();
  }

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

  /**
   * Contents and formats (or one of them); merged cells stay merged: public projects report that a rebuilt tab keeps
   * its merges after clear() and must call breakApart() first.
   */
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

  /** Searches the whole sheet (TextFinder.ts). */
  createTextFinder(findText: string): GoogleAppsScript.Spreadsheet.TextFinder {
    const rect = { row: 1, col: 1, numRows: this._model.maxRows, numCols: this._model.maxCols };
    return createTextFinder(this._ctx, 'Sheet.createTextFinder', [{ sheet: this._model, rect }], findText);
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
