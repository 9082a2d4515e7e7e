// The runtime's spreadsheet (the Sheets store's plain-data snapshot) as an Excel file with exceljs: typed
// values (date serials keep their number format, so they show as dates), formulas with their seeded
// results, number formats, backgrounds, bold/italic/colour/size, notes, frozen panes, column widths, hidden
// rows/columns, list validations; charts are listed as specs on a separate sheet '图表' (exceljs cannot
// write charts).
import ExcelJS from 'exceljs';
import type { SheetSnapshot, SpreadsheetSnapshot, ValidationSnapshot } from '../../spreadsheet/read';
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
  for (const r of s.hiddenRows) ws.getRow(r).hidden = true;
  for (const [r, h] of Object.entries(s.rowHeights)) ws.getRow(Number(r)).height = h * 0.75;
  for (let r = 0; r < s.lastRow; r++) for (let c = 0; c < s.lastCol; c++) writeCell(ws.getCell(r + 1, c + 1), s, r, c);
  for (const v of s.validations) {
    const dv = validationOf(v);
    if (dv) for (const box of v.ranges) forEachCell(box, (r, c) => (ws.getCell(r, c).dataValidation = dv));
  }
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
