// Plain-data snapshots of a spreadsheet for tests and for the .xlsx export: sheets in order, values with
// their types, formulas, number formats, styles, sizes, frozen panes, hidden rows/columns, row/column groups,
// validations, rules, charts and merged cells.
import { formatA1, quoteSheetName } from './a1';
import { readValues } from './cells';
import type { Rect } from './grid';
import type { Outline } from './groups';
import {
  STYLE_DEFAULTS,
  type CellValue,
  type ChartSpec,
  type RangeRef,
  type SheetModel,
  type SpreadsheetModel,
  type StyleKey,
  type ValidationSpec,
} from './model';

/** `Sheet!A1:B2` for a box. */
export function refA1(sheet: SheetModel, rect: Rect): string {
  return `${quoteSheetName(sheet.name)}!${formatA1(rect.row, rect.col, rect.numRows, rect.numCols)}`;
}

export interface ValidationSnapshot {
  /** The cells, as A1 boxes (one per column run). */
  ranges: string[];
  criteria: string;
  /** Criteria values; a source range is given as `Sheet!A1:B2`. */
  args: unknown[];
  allowInvalid: boolean;
  helpText: string | null;
}

export interface ChartSnapshot {
  id: number;
  chartType: string;
  ranges: string[];
  options: Record<string, unknown>;
  anchor: { row: number; col: number; offsetX: number; offsetY: number };
}

/** A row or column group: its span as A1 ('2:5', 'C:E'), 1-based start and end, depth and collapsed state. */
export interface GroupSnapshot {
  range: string;
  start: number;
  end: number;
  depth: number;
  collapsed: boolean;
}

export interface SheetSnapshot {
  name: string;
  id: number;
  maxRows: number;
  maxCols: number;
  lastRow: number;
  lastCol: number;
  frozenRows: number;
  frozenCols: number;
  hidden: boolean;
  tabColor: string | null;
  /** A1 to (lastRow, lastCol), as getValues returns them (Date for date-formatted cells, '' for empty). */
  values: unknown[][];
  /** The stored values of the same box: date serials as numbers, null for empty. */
  raw: (CellValue | null)[][];
  formulas: (string | null)[][];
  /** null = general. */
  numberFormats: (string | null)[][];
  notes: (string | null)[][];
  /** Per style, the same box (defaults filled in); only styles that were ever set are present. */
  styles: Partial<Record<StyleKey, (string | number | boolean)[][]>>;
  /** Width of every column 1..maxCols (100 unless set). */
  columnWidths: number[];
  rowHeights: Record<number, number>;
  /** Rows (columns) hidden, by the user or by a collapsed group (Sheets keeps one flag). */
  hiddenRows: number[];
  hiddenColumns: number[];
  /** Row and column groups, shallowest first; where each group's control toggle is (true: after the group). */
  rowGroups: GroupSnapshot[];
  columnGroups: GroupSnapshot[];
  rowGroupControlAfter: boolean;
  columnGroupControlAfter: boolean;
  validations: ValidationSnapshot[];
  conditionalRules: { ranges: string[]; criteria: string | null; args: unknown[]; format: Record<string, unknown> }[];
  charts: ChartSnapshot[];
  filter: { range: string; criteria: Record<number, unknown> } | null;
  borders: { range: string; sides: (boolean | null)[]; color: string | null; style: string | null }[];
  /** Merged boxes as A1 ('A1:H1'), top to bottom then left to right. */
  merges: string[];
}

export interface SpreadsheetSnapshot {
  id: string;
  name: string;
  owner: string;
  editors: string[];
  locale: string;
  timeZone: string;
  sheets: SheetSnapshot[];
  namedRanges: { name: string; range: string }[];
  protections: { type: string; range: string; description: string; warningOnly: boolean; editors: string[] | null }[];
}

const argOut = (a: unknown) =>
  a && typeof a === 'object' && 'rect' in a && 'sheet' in a ? refA1((a as RangeRef).sheet, (a as RangeRef).rect) : a;

function grid<T, U>(rows: (T | undefined)[][], f: (v: T | undefined) => U): U[][] {
  return rows.map((row) => row.map(f));
}

/** Groups validated cells by rule into vertical runs per column. */
function validations(sheet: SheetModel, nRows: number): ValidationSnapshot[] {
  const byRule = new Map<ValidationSpec, string[]>();
  const cols = sheet.validations.lastCol();
  const rows = Math.max(nRows, sheet.validations.lastRow());
  for (let c = 0; c < cols; c++) {
    let r = 0;
    while (r < rows) {
      const spec = sheet.validations.get(r, c);
      if (!spec) {
        r++;
        continue;
      }
      let end = r;
      while (end + 1 < rows && sheet.validations.get(end + 1, c) === spec) end++;
      const list = byRule.get(spec) ?? [];
      list.push(formatA1(r + 1, c + 1, end - r + 1, 1));
      byRule.set(spec, list);
      r = end + 1;
    }
  }
  return [...byRule].map(([s, ranges]) => ({
    ranges,
    criteria: s.criteria,
    args: s.args.map(argOut),
    allowInvalid: s.allowInvalid,
    helpText: s.helpText,
  }));
}

function chart(c: ChartSpec): ChartSnapshot {
  return {
    id: c.id,
    chartType: c.chartType,
    ranges: c.ranges.map((r) => refA1(r.sheet, r.rect)),
    options: { ...c.options },
    anchor: { ...c.position },
  };
}

function groups(o: Outline, rows: boolean): GroupSnapshot[] {
  return o.groups().map((g) => ({
    range: formatA1(g.start, g.start, g.end - g.start + 1, g.end - g.start + 1, rows ? 'rows' : 'columns'),
    ...g,
  }));
}

export function snapshotSheet(sheet: SheetModel): SheetSnapshot {
  const lastRow = sheet.lastRow();
  const lastCol = sheet.lastCol();
  const box = { row: 1, col: 1, numRows: lastRow, numCols: lastCol };
  const slice = <T>(l: { slice(r: number, c: number, nr: number, nc: number): (T | undefined)[][] }) =>
    l.slice(0, 0, lastRow, lastCol);
  const styles: SheetSnapshot['styles'] = {};
  for (const [key, layer] of sheet.styles) styles[key] = grid(slice(layer), (v) => v ?? STYLE_DEFAULTS[key]);
  const rowHeights: Record<number, number> = {};
  sheet.rowHeights.forEach((h, i) => h !== undefined && (rowHeights[i + 1] = h));
  const indices = (a: (true | undefined)[]) => a.flatMap((v, i) => (v ? [i + 1] : []));
  return {
    name: sheet.name,
    id: sheet.id,
    maxRows: sheet.maxRows,
    maxCols: sheet.maxCols,
    lastRow,
    lastCol,
    frozenRows: sheet.frozenRows,
    frozenCols: sheet.frozenCols,
    hidden: sheet.hidden,
    tabColor: sheet.tabColor,
    values: lastRow && lastCol ? readValues(sheet, box) : [],
    raw: grid(slice(sheet.values), (v) => v ?? null),
    formulas: grid(slice(sheet.formulas), (v) => v ?? null),
    numberFormats: grid(slice(sheet.numberFormats), (v) => v ?? null),
    notes: grid(slice(sheet.notes), (v) => v ?? null),
    styles,
    columnWidths: Array.from({ length: sheet.maxCols }, (_v, i) => sheet.colWidths[i] ?? 100),
    rowHeights,
    hiddenRows: indices(sheet.hiddenRows),
    hiddenColumns: indices(sheet.hiddenCols),
    rowGroups: groups(sheet.rowOutline, true),
    columnGroups: groups(sheet.colOutline, false),
    rowGroupControlAfter: sheet.rowOutline.controlAfter,
    columnGroupControlAfter: sheet.colOutline.controlAfter,
    validations: validations(sheet, lastRow),
    conditionalRules: sheet.conditionalRules.map((r) => ({
      ranges: r.ranges.map((x) => refA1(x.sheet, x.rect)),
      criteria: r.condition?.criteria ?? null,
      args: r.condition?.args.map(argOut) ?? [],
      format: { ...r.format },
    })),
    charts: sheet.charts.map(chart),
    filter: sheet.filter && {
      range: refA1(sheet, sheet.filter.rect),
      criteria: Object.fromEntries(sheet.filter.criteria),
    },
    borders: sheet.borders.map((b) => ({
      range: refA1(sheet, b.rect),
      sides: [...b.sides],
      color: b.color,
      style: b.style,
    })),
    merges: sheet.merges.map((m) => formatA1(m.row, m.col, m.numRows, m.numCols)),
  };
}

/** The whole spreadsheet as plain data. */
export function snapshot(ss: SpreadsheetModel): SpreadsheetSnapshot {
  return {
    id: ss.id,
    name: ss.name,
    owner: ss.owner,
    editors: [...ss.editors],
    locale: ss.locale,
    timeZone: ss.timeZone,
    sheets: ss.sheets.map(snapshotSheet),
    namedRanges: ss.namedRanges.map((n) => ({ name: n.name, range: refA1(n.sheet, n.rect) })),
    protections: ss.protections.map((p) => ({
      type: p.type,
      range: p.rect ? refA1(p.sheet, p.rect) : quoteSheetName(p.sheet.name),
      description: p.description,
      warningOnly: p.warningOnly,
      editors: p.editors && [...p.editors],
    })),
  };
}
