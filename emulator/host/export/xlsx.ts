// The runtime's spreadsheet (the Sheets store's plain-data snapshot) as an Excel file with exceljs: typed
// values (date serials keep their number format, so they show as dates), formulas with their seeded
// results, number formats, backgrounds, bold/italic/colour/size, notes, frozen panes, column widths, hidden
// rows/columns, row and column groups (outline levels, collapsed groups), merged cells, list validations, conditional
// formats with a custom formula; charts are listed as
// specs on a separate sheet '图表' (exceljs cannot write charts).
import ExcelJS from 'exceljs';
import type { GroupSnapshot, SheetSnapshot, SpreadsheetSnapshot, ValidationSnapshot } from '../../spreadsheet/read';
import { STYLE_DEFAULTS } from '../../spreadsheet/model';

/** Excel column width is in characters of the default font, about 7 px each. */
const PX_PER_CHAR = 7;

function argb(hex: unknown): string | undefined {
  return typeof hex === 'string' && /^#[0-9a-f]{6}$/i.test(hex) ? 'FF' + hex.slice(1).toUpperCase() : undefined;
}

/** `Sheet!A1:B9` (as the snapshot writes it) → `'Sheet'!$A$1:$B$9`, so a list source does not shift per cell. */
export function absoluteRef(ref: string): string {
  const bang = ref.lastIndexOf('!');
  const sheet = ref
    .slice(0, bang)
    .replace(/^'(.*)'$/, '$1')
    .replace(/''/g, "'");
  const cells = ref.slice(bang + 1).replace(/([A-Z]+)(\d+)/g, '$$$1$$$2');
  return `'${sheet.replace(/'/g, "''")}'!${cells}`;
}

/** An Excel list validation for the rules Excel can express as one; others are not exported. */
function validationOf(v: ValidationSnapshot): ExcelJS.DataValidation | undefined {
  const base = {
    allowBlank: true,
    showErrorMessage: !v.allowInvalid,
    ...(v.helpText ? { showInputMessage: true, prompt: v.helpText } : {}),
  };
  if (v.criteria === 'VALUE_IN_LIST') {
    const list = (v.args[0] as unknown[]).map((x) => String(x).replace(/"/g, '""'));
    return { type: 'list', ...base, formulae: [`"${list.join(',')}"`] };
  }
  if (v.criteria === 'VALUE_IN_RANGE') return { type: 'list', ...base, formulae: [absoluteRef(String(v.args[0]))] };
  return undefined;
}

function styleAt(
  s: SheetSnapshot,
  key: keyof typeof STYLE_DEFAULTS,
  r: number,
  c: number,
): string | number | boolean | undefined {
  const v = s.styles[key]?.[r]?.[c];
  return v === undefined || v === STYLE_DEFAULTS[key] ? undefined : v;
}

function writeCell(cell: ExcelJS.Cell, s: SheetSnapshot, r: number, c: number): void {
  const value = s.raw[r]?.[c] ?? null;
  const formula = s.formulas[r]?.[c] ?? null;
  if (formula !== null)
    cell.value = { formula: formula.replace(/^=/, ''), result: value ?? undefined } as ExcelJS.CellFormulaValue;
  else if (value !== null) cell.value = value;
  const fmt = s.numberFormats[r]?.[c] ?? null;
  if (fmt !== null) cell.numFmt = fmt;
  const bg = argb(styleAt(s, 'background', r, c));
  if (bg) cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: bg } };
  const font: Partial<ExcelJS.Font> = {};
  if (styleAt(s, 'fontWeight', r, c) === 'bold') font.bold = true;
  if (styleAt(s, 'fontStyle', r, c) === 'italic') font.italic = true;
  const color = argb(styleAt(s, 'fontColor', r, c));
  if (color) font.color = { argb: color };
  const size = styleAt(s, 'fontSize', r, c);
  if (typeof size === 'number') font.size = size;
  if (Object.keys(font).length) cell.font = font;
  if (styleAt(s, 'wrap', r, c) === true) cell.alignment = { wrapText: true };
  const note = s.notes[r]?.[c] ?? null;
  if (note) cell.note = note;
}

/** Calls `f` for each cell of an A1 box such as `B2:B40` (1-based row and column). */
function forEachCell(box: string, f: (row: number, col: number) => void): void {
  const [a, b = a] = box.split(':').map((p) => /^([A-Z]+)(\d+)$/.exec(p)!);
  const col = (letters: string): number => [...letters].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
  for (let r = Number(a[2]); r <= Number(b[2]); r++) for (let c = col(a[1]); c <= col(b[1]); c++) f(r, c);
}

function largest(values: Iterable<number>): number {
  let max = 0;
  for (const v of values) if (v > max) max = v;
  return max;
}

/** Depth per 1-based row (column) from a sheet's groups. */
function depths(groups: GroupSnapshot[]): Map<number, number> {
  const out = new Map<number, number>();
  for (const g of groups) for (let i = g.start; i <= g.end; i++) out.set(i, Math.max(out.get(i) ?? 0, g.depth));
  return out;
}

/**
 * The rows (columns) that carry Excel's `collapsed` flag: the summary row of each collapsed group, the one next to it
 * on the side of its control toggle (after the group: summaryBelow/summaryRight, Sheets' default).
 */
function summaries(groups: GroupSnapshot[], after: boolean): Set<number> {
  const out = new Set<number>();
  for (const g of groups) if (g.collapsed && (after || g.start > 1)) out.add(after ? g.end + 1 : g.start - 1);
  return out;
}

/**
 * exceljs derives a row's or column's `collapsed` flag from its outline level (a getter, true for every level at or
 * above the sheet's outlineLevelRow/Col) and merges neighbouring columns without comparing it; so the flag is set
 * explicitly on every row and column the groups touch, and columns compare it before merging.
 */
function setCollapsed(target: ExcelJS.Row | ExcelJS.Column, value: boolean): void {
  Object.defineProperty(target, 'collapsed', { value, configurable: true });
}

function keepCollapsedApart(column: ExcelJS.Column): void {
  const base = Object.getPrototypeOf(column) as { equivalentTo(this: ExcelJS.Column, other: unknown): boolean };
  Object.defineProperty(column, 'equivalentTo', {
    value: (other: { collapsed?: boolean }) =>
      base.equivalentTo.call(column, other) && column.collapsed === !!other.collapsed,
    configurable: true,
  });
}

/** Outline levels, collapsed flags and summary position for a sheet's row and column groups. */
function writeGroups(ws: ExcelJS.Worksheet, s: SheetSnapshot): void {
  if (!s.rowGroups.length && !s.columnGroups.length) return;
  ws.properties.outlineProperties = { summaryBelow: s.rowGroupControlAfter, summaryRight: s.columnGroupControlAfter };
  const colDepth = depths(s.columnGroups);
  const colSummary = summaries(s.columnGroups, s.columnGroupControlAfter);
  ws.properties.outlineLevelCol = largest(colDepth.values());
  const lastCol = largest([...colDepth.keys(), ...colSummary]);
  // One column further: the neighbour of the last summary column must not merge into it.
  for (let c = 1; c <= lastCol + 1; c++) {
    const column = ws.getColumn(c);
    if (colDepth.has(c) || colSummary.has(c)) {
      column.width = Math.round(((s.columnWidths[c - 1] ?? 100) / PX_PER_CHAR) * 100) / 100;
      column.outlineLevel = colDepth.get(c) ?? 0;
    }
    setCollapsed(column, colSummary.has(c));
    keepCollapsedApart(column);
  }
  const rowDepth = depths(s.rowGroups);
  const rowSummary = summaries(s.rowGroups, s.rowGroupControlAfter);
  ws.properties.outlineLevelRow = largest(rowDepth.values());
  for (const r of new Set([...rowDepth.keys(), ...rowSummary])) {
    const row = ws.getRow(r);
    row.outlineLevel = rowDepth.get(r) ?? 0;
    setCollapsed(row, rowSummary.has(r));
    // exceljs leaves out a row with neither cells nor a height.
    if (row.height === undefined) row.height = (s.rowHeights[r] ?? 21) * 0.75;
  }
}

function writeSheet(wb: ExcelJS.Workbook, s: SheetSnapshot): void {
  const ws = wb.addWorksheet(s.name, {
    state: s.hidden ? 'hidden' : 'visible',
    views: s.frozenRows || s.frozenCols ? [{ state: 'frozen', xSplit: s.frozenCols, ySplit: s.frozenRows }] : [],
    ...(argb(s.tabColor) ? { properties: { tabColor: { argb: argb(s.tabColor)! } } } : {}),
  });
  const lastWidth = s.columnWidths.reduce((n, w, i) => (w !== 100 ? i + 1 : n), s.lastCol);
  for (let c = 1; c <= lastWidth; c++)
    ws.getColumn(c).width = Math.round((s.columnWidths[c - 1] / PX_PER_CHAR) * 100) / 100;
  for (const c of s.hiddenColumns) ws.getColumn(c).hidden = true;
  for (const [r, h] of Object.entries(s.rowHeights)) ws.getRow(Number(r)).height = h * 0.75;
  for (const r of s.hiddenRows) {
    const row = ws.getRow(r);
    row.hidden = true;
    // exceljs leaves out a row with neither cells nor a height, and with it the hidden flag.
    if (row.height === undefined) row.height = (s.rowHeights[r] ?? 21) * 0.75;
  }
  writeGroups(ws, s);
  for (let r = 0; r < s.lastRow; r++) for (let c = 0; c < s.lastCol; c++) writeCell(ws.getCell(r + 1, c + 1), s, r, c);
  // After the cells: exceljs gives a merge its top-left cell's value and style (a value written to a covered cell
  // would go to the top-left one).
  for (const box of s.merges) ws.mergeCells(box);
  for (const v of s.validations) {
    const dv = validationOf(v);
    if (dv) for (const box of v.ranges) forEachCell(box, (r, c) => (ws.getCell(r, c).dataValidation = dv));
  }
  writeConditionalRules(ws, s);
}

/**
 * Conditional formats with a custom formula, as Excel expression rules in the sheet's order (the first rule that holds
 * wins, in both): the spreadsheet program that opens the file evaluates them. Rules of other criteria and formats
 * other than a background, font colour and bold are not exported.
 */
function writeConditionalRules(ws: ExcelJS.Worksheet, s: SheetSnapshot): void {
  s.conditionalRules.forEach((rule, i) => {
    if (rule.criteria !== 'CUSTOM_FORMULA' || typeof rule.args[0] !== 'string') return;
    const style: Partial<ExcelJS.Style> = {};
    const bg = argb(rule.format.background);
    if (bg) style.fill = { type: 'pattern', pattern: 'solid', bgColor: { argb: bg } };
    const color = argb(rule.format.fontColor);
    const bold = rule.format.bold === true;
    if (color || bold) style.font = { ...(color ? { color: { argb: color } } : {}), ...(bold ? { bold } : {}) };
    ws.addConditionalFormatting({
      ref: rule.ranges.map((r) => r.slice(r.lastIndexOf('!') + 1)).join(' '),
      rules: [{ type: 'expression', priority: i + 1, formulae: [rule.args[0].replace(/^=/, '')], style }],
    });
  });
}

function writeCharts(wb: ExcelJS.Workbook, ss: SpreadsheetSnapshot): void {
  const rows = ss.sheets.flatMap((s) =>
    s.charts.map((c) => [
      c.id,
      s.name,
      c.chartType,
      c.ranges.join(', '),
      `R${c.anchor.row}C${c.anchor.col}`,
      JSON.stringify(c.options),
    ]),
  );
  if (!rows.length) return;
  const names = new Set(ss.sheets.map((s) => s.name.toLowerCase()));
  let name = '图表';
  for (let i = 2; names.has(name.toLowerCase()); i++) name = `图表 (${i})`;
  const ws = wb.addWorksheet(name);
  ws.addRow(['图表编号', '工作表', '类型', '数据区域', '位置', '选项']).font = { bold: true };
  for (const r of rows) ws.addRow(r);
  [10, 16, 16, 40, 10, 60].forEach((w, i) => (ws.getColumn(i + 1).width = w));
}

/** Renders a spreadsheet snapshot as .xlsx bytes. */
export async function spreadsheetToXlsx(ss: SpreadsheetSnapshot): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'local Apps Script runtime';
  for (const sheet of ss.sheets) writeSheet(wb, sheet);
  writeCharts(wb, ss);
  return new Uint8Array(await wb.xlsx.writeBuffer());
}
