// Sheet, part 1: the grid's layout — inserting/deleting rows and columns, sizes, frozen panes, hidden rows
// and columns, tab state. Ranges, contents and rules are in sheet.ts, which extends this class.
import { GasObject } from '../host/kernel';
import type { SheetsContext } from './context';
import type { Dim } from './grid';
import type { SheetModel } from './model';
import { deleteDim, insertDim } from './structure';
import { normalizeColor } from './styles';

type GasSheet = GoogleAppsScript.Spreadsheet.Sheet;
type GasRange = GoogleAppsScript.Spreadsheet.Range;

const DEFAULT_WIDTH = 100;
const DEFAULT_HEIGHT = 21;

export abstract class SheetLayout extends GasObject {
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
    this._model.frozenRows = rows;
  }
  getFrozenColumns(): number {
    return this._model.frozenCols;
  }
  setFrozenColumns(columns: number): void {
    if (typeof columns !== 'number' || !Number.isInteger(columns))
      throw this._ctx.paramsError('Sheet.setFrozenColumns', [columns]);
    if (columns < 0 || columns >= this._model.maxCols) throw this._ctx.error('Those columns are out of bounds.');
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
}
