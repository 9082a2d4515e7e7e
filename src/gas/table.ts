// A sheet read by its header labels: columns found by name (reordered or extra columns break nothing), reads and
// writes batched, and clear errors in Chinese for a missing or duplicated header.

/** An Apps Script failure the person must be told about, with a stable code for the code that catches it. */
export class LedgerError extends Error {
  constructor(
    readonly code: 'NO_SHEET' | 'NO_HEADER' | 'DUP_HEADER' | 'NOT_FOUND' | 'BUSY' | 'DENIED' | 'INPUT',
    message: string,
  ) {
    super(message);
    this.name = 'LedgerError';
  }
}

/** Row 1 of a sheet: label → 1-based column (first occurrence), the labels seen twice, and the last labelled column. */
export interface Header {
  columns: Map<string, number>;
  duplicates: string[];
  width: number;
}

/**
 * Reads row 1 in one call: `'1:1'` is the whole row, every column of the grid (the app's sheets are trimmed to their
 * columns), so no getLastColumn round trip first. `width` is the last labelled column: cells right of it that no
 * header names are not the app's (初始化/修复 asks getLastColumn before it adds columns).
 */
export function readHeader(sheet: GoogleAppsScript.Spreadsheet.Sheet): Header {
  const header: Header = { columns: new Map(), duplicates: [], width: 0 };
  sheet
    .getRange('1:1')
    .getValues()[0]!
    .forEach((v, i) => {
      const label = String(v).trim();
      if (!label) return;
      header.width = i + 1;
      if (header.columns.has(label)) header.duplicates.push(label);
      else header.columns.set(label, i + 1);
    });
  return header;
}

/**
 * The column of each required label; a missing (or renamed) one is a LedgerError NO_HEADER naming it, a duplicated
 * one DUP_HEADER — never a silent read of the wrong column.
 */
export function requireColumns(sheetName: string, header: Header, labels: readonly string[]): Map<string, number> {
  const dup = labels.find((l) => header.duplicates.includes(l));
  if (dup)
    throw new LedgerError(
      'DUP_HEADER',
      `「${sheetName}」表头「${dup}」出现了不止一次，请删除或改名多余的一列，再运行「初始化/修复」。`,
    );
  const missing = labels.filter((l) => !header.columns.has(l));
  if (missing.length) {
    throw new LedgerError(
      'NO_HEADER',
      `「${sheetName}」缺少表头：${missing.join('、')}。如果改过这些列的名称，请改回原名；否则请运行「信访台账 › 初始化/修复」补上。`,
    );
  }
  return new Map(labels.map((l) => [l, header.columns.get(l)!]));
}

/** A sheet of the spreadsheet by name, or a LedgerError telling the person to run setup. */
export function sheetNamed(
  ss: GoogleAppsScript.Spreadsheet.Spreadsheet,
  name: string,
): GoogleAppsScript.Spreadsheet.Sheet {
  const sheet = ss.getSheetByName(name);
  if (!sheet) throw new LedgerError('NO_SHEET', `找不到工作表「${name}」。请运行「信访台账 › 初始化/修复」。`);
  return sheet;
}

/** All data rows (row 2 on) of the given columns as records keyed by label, with their row numbers. */
export function readRecords(
  sheet: GoogleAppsScript.Spreadsheet.Sheet,
  columns: Map<string, number>,
): { row: number; values: Record<string, unknown> }[] {
  const lastRow = sheet.getLastRow();
  if (lastRow < 2 || columns.size === 0) return [];
  const cols = [...columns.values()];
  const first = Math.min(...cols);
  const width = Math.max(...cols) - first + 1;
  const grid = sheet.getRange(2, first, lastRow - 1, width).getValues();
  return grid.map((r, i) => {
    const values: Record<string, unknown> = {};
    for (const [label, col] of columns) values[label] = r[col - first];
    return { row: i + 2, values };
  });
}

/** Empty rows added beyond a batch when a sheet must grow (a few thousand cells of the 10 million). */
const APPEND_SLACK = 200;

/**
 * The log and the record sheets append a batch this small by appendRow, one line each, when its months are indexed
 * already (where a line goes is then Sheets' to find: the sheet's end is not read); a longer batch, or a month's first
 * lines, read the end and go in one write. The daily refresh keeps room below them (keepRoom), so an appendRow lands in
 * rows formatted as setup left them.
 */
export const APPEND_ROW_LINES = 20;

/** Characters of dates, times and amounts as Sheets reads them in a Chinese locale (2026年10月5日, 上午10:30, 100元). */
const DATE_WORDS = /[年月日时分秒上下午星期周元]/g;

/**
 * True for a value an appendRow writes as it is whatever the cell's format: a date, a number, a boolean, '', or text
 * with a Chinese character beyond date and amount words that does not start like a formula (= + - @ '). Anything else
 * (an email alone, '00123', '2026年10月5日', '=1+1…') goes in by setValues into rows formatted as text.
 */
export function keptAsText(v: unknown): boolean {
  if (typeof v !== 'string') return true;
  if (v === '') return true;
  if (/^\s*[=+\-@']/.test(v)) return false;
  return /[\u3400-\u9fff\uf900-\ufaff]/.test(v.replace(DATE_WORDS, ''));
}

/**
 * Makes room for rows up to `lastRow` (and APPEND_SLACK more) when the grid is too short, the new rows formatted like
 * the last one (text columns stay text: an ID number or phone written into them is kept as typed, whether or not
 * Sheets carries the formats over by itself — the Apps Script reference does not say).
 */
export function growFor(sheet: GoogleAppsScript.Spreadsheet.Sheet, lastRow: number): void {
  const max = sheet.getMaxRows();
  if (lastRow <= max) return;
  const added = lastRow - max + APPEND_SLACK;
  sheet.insertRowsAfter(max, added);
  if (max < 2) return; // nothing but the header to copy from
  const width = sheet.getMaxColumns();
  sheet
    .getRange(max, 1, 1, width)
    .copyTo(sheet.getRange(max + 1, 1, added, width), SpreadsheetApp.CopyPasteType.PASTE_FORMAT, false);
}

/** A column's letters in A1 notation: 1 → 'A', 27 → 'AA'. */
export function columnLetter(col: number): string {
  let s = '';
  for (let n = col; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

/** True when these lines may go in by appendRow: a small batch (APPEND_ROW_LINES) of values all keptAsText. */
export function appendRowFits(lines: readonly (readonly unknown[])[]): boolean {
  return lines.length <= APPEND_ROW_LINES && lines.every((line) => line.every(keptAsText));
}

/** Keeps at least `rows` empty rows below the sheet's last row with content (two reads; growFor when short). */
export function keepRoom(sheet: GoogleAppsScript.Spreadsheet.Sheet, rows: number): void {
  growFor(sheet, sheet.getLastRow() + rows);
}

/**
 * The range of `rows` rows from `top` (`width` columns from `col`), the sheet grown first when they would pass its
 * last row. The grid's size is learnt from getRange itself, which throws "outside the dimensions" for rows beyond it
 * (a contract of the local runtime, local-runtime-fidelity §3.3), so an append into a grid with room asks no
 * getMaxRows.
 */
export function rangeToFill(
  sheet: GoogleAppsScript.Spreadsheet.Sheet,
  top: number,
  rows: number,
  width: number,
  col = 1,
): GoogleAppsScript.Spreadsheet.Range {
  try {
    return sheet.getRange(top, col, rows, width);
  } catch (e) {
    if (!String(e instanceof Error ? e.message : e).includes('outside the dimensions')) throw e;
    growFor(sheet, top + rows - 1);
    return sheet.getRange(top, col, rows, width);
  }
}

/** Appends rows after the last row with content in one write. */
export function appendRows(sheet: GoogleAppsScript.Spreadsheet.Sheet, rows: unknown[][]): number {
  if (rows.length === 0) return 0;
  const start = sheet.getLastRow() + 1;
  rangeToFill(sheet, start, rows.length, rows[0]!.length).setValues(rows);
  return start;
}
