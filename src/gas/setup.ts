// 初始化/修复: creates what is missing and repairs what is broken, never deleting or reordering data, so running
// it twice changes nothing.
import { DERIVED, SHEET, sheetSpecs, type ColumnSpec, type SheetSpec } from './layout';
import { readKeyValues, settingList } from './settings';
import { LedgerError, readHeader } from './table';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

/** What setup did, for the message to the person. */
export interface SetupReport {
  createdSheets: string[];
  addedColumns: string[];
}

/** Marks the rules and protections setup owns, so it replaces only its own and keeps the office's. */
const MARK = '信访台账';
const HEADER_BACKGROUND = '#d9e2f3';

export function setupSpreadsheet(ss: GoogleAppsScript.Spreadsheet.Spreadsheet): SetupReport {
  const report: SetupReport = { createdSheets: [], addedColumns: [] };
  if (ss.getSpreadsheetTimeZone() !== 'Asia/Shanghai') ss.setSpreadsheetTimeZone('Asia/Shanghai');
  if (ss.getSpreadsheetLocale() !== 'zh_CN') ss.setSpreadsheetLocale('zh_CN');
  // Every sheet first: the ledger's dropdowns refer to 部室, which may not exist yet.
  const laidOut = sheetSpecs().map((spec) => ({ spec, ...ensureSheet(ss, spec, report) }));
  const settings = readKeyValues(ss);
  const listOf = (key: string): string[] => settingList(settings, key);
  for (const { spec, sheet, columns } of laidOut) {
    applyDropdowns(sheet, spec.columns, columns, listOf);
    if (spec.name === SHEET.ledger) repairLedger(sheet, spec);
  }
  return report;
}

function ensureSheet(
  ss: GoogleAppsScript.Spreadsheet.Spreadsheet,
  spec: SheetSpec,
  report: SetupReport,
): { sheet: Sheet; columns: Map<string, number> } {
  let sheet = ss.getSheetByName(spec.name);
  const created = !sheet;
  if (!sheet) {
    sheet = ss.insertSheet(spec.name);
    report.createdSheets.push(spec.name);
  }
  const header = readHeader(sheet);
  const dup = spec.columns.find((c) => header.duplicates.includes(c.label));
  if (dup)
    throw new LedgerError(
      'DUP_HEADER',
      `「${spec.name}」表头「${dup.label}」出现了不止一次。请先删除或改名多余的一列，再运行「初始化/修复」。`,
    );
  const missing = spec.columns.filter((c) => !header.columns.has(c.label));
  if (missing.length) {
    const first = header.width + 1;
    const needed = first + missing.length - 1 - sheet.getMaxColumns();
    if (needed > 0) sheet.insertColumnsAfter(sheet.getMaxColumns(), needed);
    sheet.getRange(1, first, 1, missing.length).setValues([missing.map((c) => c.label)]);
    missing.forEach((c, i) => {
      header.columns.set(c.label, first + i);
      sheet!.setColumnWidth(first + i, c.width);
    });
    if (!created) report.addedColumns.push(...missing.map((c) => `${spec.name}.${c.label}`));
  }
  const width = Math.max(header.width, header.columns.size ? Math.max(...header.columns.values()) : 0);
  sheet.getRange(1, 1, 1, width).setFontWeight('bold').setBackground(HEADER_BACKGROUND);
  if (sheet.getFrozenRows() !== 1) sheet.setFrozenRows(1);
  applyNumberFormats(sheet, spec.columns, header.columns);
  if (created && spec.seedRows) {
    const rows = spec.seedRows();
    if (rows.length) writeSeed(sheet, spec, header.columns, rows);
  }
  return { sheet, columns: header.columns };
}

/** Number formats per column over every data row, before any seed row is written (re-applied each run). */
function applyNumberFormats(sheet: Sheet, columns: ColumnSpec[], at: Map<string, number>): void {
  const rows = sheet.getMaxRows() - 1;
  if (rows < 1) return;
  for (const c of columns) if (c.format) sheet.getRange(2, at.get(c.label)!, rows, 1).setNumberFormat(c.format);
}

/** Dropdowns per column over every data row (re-applied each run: idempotent). */
function applyDropdowns(
  sheet: Sheet,
  columns: ColumnSpec[],
  at: Map<string, number>,
  listOf: (key: string) => string[],
): void {
  const rows = sheet.getMaxRows() - 1;
  if (rows < 1) return;
  for (const c of columns) {
    const rule = dropdown(sheet, c, listOf);
    if (rule) sheet.getRange(2, at.get(c.label)!, rows, 1).setDataValidation(rule);
  }
}

function dropdown(
  sheet: Sheet,
  c: ColumnSpec,
  listOf: (key: string) => string[],
): GoogleAppsScript.Spreadsheet.DataValidation | null {
  const help = `请从下拉列表选择「${c.label}」`;
  const fromSetting = c.optionsFromSetting ? listOf(c.optionsFromSetting) : [];
  if (fromSetting.length) {
    return SpreadsheetApp.newDataValidation()
      .requireValueInList(fromSetting, true)
      .setAllowInvalid(true)
      .setHelpText(help)
      .build();
  }
  if (c.options)
    return SpreadsheetApp.newDataValidation()
      .requireValueInList([...c.options], true)
      .setAllowInvalid(true)
      .setHelpText(help)
      .build();
  if (c.optionsFrom) {
    const source = sheet.getParent().getRange(c.optionsFrom);
    return SpreadsheetApp.newDataValidation()
      .requireValueInRange(source, true)
      .setAllowInvalid(true)
      .setHelpText(help)
      .build();
  }
  return null;
}

function writeSeed(sheet: Sheet, spec: SheetSpec, at: Map<string, number>, rows: unknown[][]): void {
  const width = Math.max(...spec.columns.map((c) => at.get(c.label)!));
  const grid = rows.map((r) => {
    const line: unknown[] = new Array(width).fill('');
    spec.columns.forEach((c, i) => (line[at.get(c.label)! - 1] = r[i] ?? ''));
    return line;
  });
  if (grid.length + 1 > sheet.getMaxRows())
    sheet.insertRowsAfter(sheet.getMaxRows(), grid.length + 1 - sheet.getMaxRows());
  sheet.getRange(2, 1, grid.length, width).setValues(grid);
}

/** The ledger's filter, conditional formats and protections of the script's columns. */
function repairLedger(sheet: Sheet, spec: SheetSpec): void {
  const header = readHeader(sheet);
  const col = (label: string): number => header.columns.get(label)!;
  if (!sheet.getFilter()) sheet.getRange(1, 1, sheet.getMaxRows(), header.width).createFilter();
  setConditionalFormats(sheet, header.width, col(DERIVED.deadlineState), col('状态'));
  for (const c of spec.columns) if (c.scriptOwned) protectColumn(sheet, c.label, col(c.label));
}

function letter(col: number): string {
  let s = '';
  for (let n = col; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

function setConditionalFormats(sheet: Sheet, width: number, stateCol: number, statusCol: number): void {
  const range = sheet.getRange(2, 1, sheet.getMaxRows() - 1, width);
  const marked = (f: string): string => `=AND(${f},N("${MARK}")=0)`;
  const rule = (formula: string, color: string): GoogleAppsScript.Spreadsheet.ConditionalFormatRule =>
    SpreadsheetApp.newConditionalFormatRule()
      .whenFormulaSatisfied(marked(formula))
      .setBackground(color)
      .setRanges([range])
      .build();
  const s = `$${letter(statusCol)}2`;
  const ours = [
    rule(`OR(${s}="已办结",${s}="已回访",${s}="已核实",${s}="已归档",${s}="已转送")`, '#eeeeee'),
    rule(`$${letter(stateCol)}2="已超期"`, '#f4cccc'),
    rule(`$${letter(stateCol)}2="即将到期"`, '#fce5cd'),
  ];
  // setConditionalFormatRules replaces every rule: keep the office's own, replace only ours.
  const others = sheet.getConditionalFormatRules().filter((r) => {
    const values = r.getBooleanCondition()?.getCriteriaValues() ?? [];
    return !values.some((v) => String(v).includes(`N("${MARK}")`));
  });
  sheet.setConditionalFormatRules([...others, ...ours]);
}

/** Warning-only protection of a script-owned column (Google allows no editor list on warning-only ones). */
function protectColumn(sheet: Sheet, label: string, col: number): void {
  const description = `${MARK}：由脚本维护的列「${label}」`;
  const a1 = `${letter(col)}2:${letter(col)}`;
  const existing = sheet
    .getProtections(SpreadsheetApp.ProtectionType.RANGE)
    .filter((p) => p.getDescription() === description);
  const keep = existing.find((p) => p.getRange().getA1Notation() === sheet.getRange(a1).getA1Notation());
  for (const p of existing) if (p !== keep) p.remove();
  if (!keep) sheet.getRange(a1).protect().setDescription(description).setWarningOnly(true);
}
