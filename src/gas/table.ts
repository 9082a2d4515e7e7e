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
