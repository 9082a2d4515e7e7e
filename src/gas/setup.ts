// 初始化/修复: creates what is missing and repairs what is broken, never deleting or reordering data, so running
// it twice changes nothing.
import { COLUMN_GROUPS, FROZEN_LEAD, LEDGER_LEAD, fieldLabel } from '../core/model';
import { readPeopleLines } from './directory';
import { DERIVED, PEOPLE_HEADERS, SHEET, sheetSpecs, type ColumnSpec, type SheetSpec } from './layout';
import { ledgerLabel } from './ledger';
import { migratePeopleAndSettings } from './migrate';
import { readKeyValues, settingList } from './settings';
import { appendRows, columnLetter, LedgerError, readHeader, requireColumns, sheetNamed, type Header } from './table';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

/** What setup did, for the message to the person. */
export interface SetupReport {
  createdSheets: string[];
  addedColumns: string[];
  /** People and settings moved into their one table, and what is wrong with them (migrate.ts). */
  notes: string[];
}

/** Marks the rules and protections setup owns, so it replaces only its own and keeps the office's. */
const MARK = '信访台账';
const HEADER_BACKGROUND = '#d9e2f3';

export function setupSpreadsheet(ss: GoogleAppsScript.Spreadsheet.Spreadsheet): SetupReport {
  const report: SetupReport = { createdSheets: [], addedColumns: [], notes: [] };
  if (ss.getSpreadsheetTimeZone() !== 'Asia/Shanghai') ss.setSpreadsheetTimeZone('Asia/Shanghai');
  if (ss.getSpreadsheetLocale() !== 'zh_CN') ss.setSpreadsheetLocale('zh_CN');
  // Every sheet first: the ledger's dropdowns refer to 部室, which may not exist yet.
  const laidOut = sheetSpecs().map((spec) => ({ spec, ...ensureSheet(ss, spec, report) }));
  removeBlankStarterSheet(
    ss,
    laidOut.map((l) => l.spec.name),
  );
  report.notes = migratePeopleAndSettings(ss);
  const settings = readKeyValues(ss);
  const listOf = (key: string): string[] => settingList(settings, key);
  for (const { spec, sheet, columns } of laidOut) {
    applyDropdowns(sheet, spec.columns, columns, listOf);
    if (spec.name === SHEET.ledger) repairLedger(sheet, spec);
    if (spec.hidden && !sheet.isSheetHidden()) sheet.hideSheet();
  }
  return report;
}

/**
 * The first 初始化 of a fresh sheet: nobody is in 人员 yet, and a person not in 人员 holds no role, so the person
 * running it is added as 信访办 (else nobody could register a case). 'hidden' when Apps Script does not name them.
 */
export function addFirstOfficer(
  ss: GoogleAppsScript.Spreadsheet.Spreadsheet,
  email: string,
): 'added' | 'hidden' | null {
  if (readPeopleLines(ss).some((l) => l.email)) return null;
  if (!email) return 'hidden';
  const sheet = sheetNamed(ss, SHEET.people);
  const at = requireColumns(SHEET.people, readHeader(sheet), [PEOPLE_HEADERS.email, PEOPLE_HEADERS.role]);
  const row: unknown[] = new Array(Math.max(...at.values())).fill('');
  row[at.get(PEOPLE_HEADERS.email)! - 1] = email;
  row[at.get(PEOPLE_HEADERS.role)! - 1] = '信访办';
  appendRows(sheet, [row]);
  return 'added';
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
  // Columns the model gained go before the hidden ones, which stay at the far right (a paste rarely reaches them).
  const hiddenAt = spec.columns
    .filter((c) => c.hidden && header.columns.has(c.label))
    .map((c) => header.columns.get(c.label)!);
  const inserted = hiddenAt.length ? missing.filter((c) => !c.hidden) : [];
  if (inserted.length) {
    insertBefore(sheet, header, Math.min(...hiddenAt), inserted);
    if (!created) report.addedColumns.push(...inserted.map((c) => `${spec.name}.${c.label}`));
  }
  const appended = missing.filter((c) => !inserted.includes(c));
  if (appended.length) {
    const first = Math.max(header.width, sheet.getLastColumn()) + 1; // never over an unlabelled column someone filled
    const needed = first + appended.length - 1 - sheet.getMaxColumns();
    if (needed > 0) sheet.insertColumnsAfter(sheet.getMaxColumns(), needed);
    sheet.getRange(1, first, 1, appended.length).setValues([appended.map((c) => c.label)]);
    appended.forEach((c, i) => {
      header.columns.set(c.label, first + i);
      sheet!.setColumnWidth(first + i, c.width);
    });
    if (!created) report.addedColumns.push(...appended.map((c) => `${spec.name}.${c.label}`));
  }
  const width = Math.max(header.width, header.columns.size ? Math.max(...header.columns.values()) : 0);
  trimColumns(sheet, width);
  sheet.getRange(1, 1, 1, width).setFontWeight('bold').setBackground(HEADER_BACKGROUND).setWrap(true);
  if (sheet.getFrozenRows() !== 1) sheet.setFrozenRows(1);
  applyNumberFormats(sheet, spec.columns, header.columns);
  if (created && spec.seedRows) {
    const rows = spec.seedRows();
    if (rows.length) writeSeed(sheet, spec, header.columns, rows);
  }
  return { sheet, columns: header.columns };
}

/**
 * Decision 13: the spreadsheet's 10 million cells are a budget, so a sheet keeps no empty columns beyond its own
 * (a new sheet's 26). Only columns right of everything the sheet holds go: nothing anyone typed is deleted.
 */
function trimColumns(sheet: Sheet, width: number): void {
  const keep = Math.max(width, sheet.getLastColumn(), 1);
  if (sheet.getMaxColumns() > keep) sheet.deleteColumns(keep + 1, sheet.getMaxColumns() - keep);
}

/**
 * The sheet a new spreadsheet starts with (Sheet1, 工作表1…), once the app's sheets exist: removed when it holds
 * nothing, left alone (with its data) otherwise.
 */
function removeBlankStarterSheet(ss: GoogleAppsScript.Spreadsheet.Spreadsheet, ours: readonly string[]): void {
  for (const sheet of ss.getSheets()) {
    const name = sheet.getName();
    if (ours.includes(name) || !/^(Sheet|工作表)\d+$/.test(name)) continue;
    if (sheet.getLastRow() === 0 && sheet.getLastColumn() === 0 && ss.getSheets().length > 1) ss.deleteSheet(sheet);
  }
}

/** Writes `columns`' labels into new columns inserted before `at`; the header map follows the shift. */
function insertBefore(sheet: Sheet, header: Header, at: number, columns: ColumnSpec[]): void {
  const n = columns.length;
  sheet.insertColumnsBefore(at, n);
  for (const [label, col] of header.columns) if (col >= at) header.columns.set(label, col + n);
  header.width += n;
  sheet.getRange(1, at, 1, n).setValues([columns.map((c) => c.label)]);
  columns.forEach((c, i) => {
    header.columns.set(c.label, at + i);
    sheet.setColumnWidth(at + i, c.width);
  });
}

/**
 * Number formats per column over every data row, before any seed row is written. A column whose first data row
 * already has its format is left alone (one read of that row), so a repair run does not rewrite the format of every
 * cell of a large ledger; a new column, or one whose format was changed, gets it down the whole column.
 */
function applyNumberFormats(sheet: Sheet, columns: ColumnSpec[], at: Map<string, number>): void {
  const rows = sheet.getMaxRows() - 1;
  if (rows < 1) return;
  const width = Math.max(0, ...columns.filter((c) => c.format).map((c) => at.get(c.label)!));
  if (width === 0) return;
  const current = sheet.getRange(2, 1, 1, width).getNumberFormats()[0]!;
  for (const c of columns) {
    const col = at.get(c.label)!;
    if (c.format && current[col - 1] !== c.format) sheet.getRange(2, col, rows, 1).setNumberFormat(c.format);
  }
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
  const rules = columns.map((c) => [c, dropdown(sheet, c, listOf)] as const).filter(([, r]) => r !== null);
  if (rules.length === 0) return;
  const width = Math.max(...rules.map(([c]) => at.get(c.label)!));
  const current = sheet.getRange(2, 1, 1, width).getDataValidations()[0]!;
  for (const [c, rule] of rules) {
    const col = at.get(c.label)!;
    if (sameRule(current[col - 1] ?? null, rule!)) continue;
    sheet.getRange(2, col, rows, 1).setDataValidation(rule);
  }
}

/**
 * True when the column's first data row already holds this rule (criteria, values, dropdown, help, allowInvalid):
 * a repair run then leaves the column alone instead of rewriting the rule of every cell of a large ledger.
 */
function sameRule(
  a: GoogleAppsScript.Spreadsheet.DataValidation | null,
  b: GoogleAppsScript.Spreadsheet.DataValidation,
): boolean {
  if (!a) return false;
  const key = (r: GoogleAppsScript.Spreadsheet.DataValidation): string =>
    JSON.stringify([
      String(r.getCriteriaType()),
      r
        .getCriteriaValues()
        .map((v) =>
          v !== null && typeof v === 'object' && 'getA1Notation' in v
            ? `${(v as GoogleAppsScript.Spreadsheet.Range).getSheet().getName()}!${(v as GoogleAppsScript.Spreadsheet.Range).getA1Notation()}`
            : v,
        ),
      r.getHelpText(),
      r.getAllowInvalid(),
    ]);
  return key(a) === key(b);
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

/** The ledger's lead columns, frozen panes, column groups, filter, conditional formats and protections. */
function repairLedger(sheet: Sheet, spec: SheetSpec): void {
  leadColumnsFirst(sheet);
  const header = readHeader(sheet);
  const col = (label: string): number => header.columns.get(label)!;
  if (sheet.getFrozenColumns() !== FROZEN_LEAD) sheet.setFrozenColumns(FROZEN_LEAD);
  groupColumns(sheet, header);
  coverWithFilter(sheet, header.width);
  hideScriptColumns(sheet, spec, header);
  setConditionalFormats(sheet, header.width, col(DERIVED.deadlineState), col(fieldLabel('state')));
  protectColumns(
    sheet,
    spec.columns.filter((c) => c.scriptOwned).map((c) => [c.label, col(c.label)] as const),
  );
}

/**
 * The columns people read first (编号, 状态, 当前环节, 环节期限, 期限状态, 待办方, then the case's facts) in that order
 * at the left, on a ledger laid out before: each is moved whole (its cells, notes, formats and checks go with it), so
 * no data moves between rows or columns, and a ledger already in order is left alone.
 */
function leadColumnsFirst(sheet: Sheet): void {
  let header = readHeader(sheet); // read again only after a move
  LEDGER_LEAD.forEach((key, i) => {
    const at = header.columns.get(ledgerLabel(key));
    if (at === undefined || at === i + 1) return;
    sheet.moveColumns(sheet.getRange(`${columnLetter(at)}:${columnLetter(at)}`), i + 1);
    header = readHeader(sheet);
  });
}

/**
 * The sign-off and audit trail, the verification's, the extension's, the correction's and the 七个到位 checklist as
 * column groups, collapsed when first made (a click on ＋ opens one; setup leaves a group the office opened open).
 */
function groupColumns(sheet: Sheet, header: Header): void {
  for (const g of COLUMN_GROUPS) {
    const from = header.columns.get(fieldLabel(g.from));
    const to = header.columns.get(fieldLabel(g.to));
    if (from === undefined || to === undefined || to < from) continue;
    if (sheet.getColumnGroupDepth(from) > 0 && sheet.getColumnGroupDepth(to) > 0) continue;
    sheet.getRange(1, from, 1, to - from + 1).shiftColumnGroupDepth(1);
    sheet.getColumnGroup(from, 1)?.collapse();
  }
}

/**
 * The filter spans every column, the hidden ones included, so sorting by a column header moves each row's anchor
 * with the row. A filter from before those columns existed is recreated, keeping the office's criteria.
 */
function coverWithFilter(sheet: Sheet, width: number): void {
  const filter = sheet.getFilter();
  if (filter && filter.getRange().getLastColumn() >= width) return;
  const criteria: [number, GoogleAppsScript.Spreadsheet.FilterCriteria][] = [];
  if (filter) {
    for (let col = 1; col <= filter.getRange().getLastColumn(); col++) {
      const c = filter.getColumnFilterCriteria(col);
      if (c) criteria.push([col, c]);
    }
    filter.remove();
  }
  const created = sheet.getRange(1, 1, sheet.getMaxRows(), width).createFilter();
  for (const [col, c] of criteria) created.setColumnFilterCriteria(col, c);
}

/** Keeps the row record and the anchor hidden: people never need them, and a hidden column is rarely pasted over. */
function hideScriptColumns(sheet: Sheet, spec: SheetSpec, header: Header): void {
  for (const c of spec.columns) {
    const col = header.columns.get(c.label);
    if (c.hidden && col && !sheet.isColumnHiddenByUser(col)) sheet.hideColumns(col);
  }
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
  const s = `$${columnLetter(statusCol)}2`;
  const ours = [
    // Done with: grey (已办结 still waits on 系统回复 and 回访, so it is coloured by its deadline).
    rule(`OR(${s}="已回访",${s}="已核实",${s}="已归档",${s}="已转送")`, '#eeeeee'),
    // 期限状态 may carry （暂定）: its first word decides.
    rule(`LEFT($${columnLetter(stateCol)}2,3)="已超期"`, '#f4cccc'),
    rule(`LEFT($${columnLetter(stateCol)}2,4)="即将到期"`, '#fce5cd'),
  ];
  // setConditionalFormatRules replaces every rule: keep the office's own, replace only ours.
  const others = sheet.getConditionalFormatRules().filter((r) => {
    const values = r.getBooleanCondition()?.getCriteriaValues() ?? [];
    return !values.some((v) => String(v).includes(`N("${MARK}")`));
  });
  sheet.setConditionalFormatRules([...others, ...ours]);
}

/**
 * Warning-only protection of each script-owned column (Google allows no editor list on warning-only ones), from one
 * read of the sheet's protections: a column whose protection spans it from row 2 to the sheet's last row is left
 * alone, one whose protection no longer does (the sheet grew) gets a new one.
 */
function protectColumns(sheet: Sheet, columns: readonly (readonly [string, number])[]): void {
  const description = (label: string): string => `${MARK}：由脚本维护的列「${label}」`;
  const ours = new Map(columns.map(([label]) => [description(label), [] as GoogleAppsScript.Spreadsheet.Protection[]]));
  for (const p of sheet.getProtections(SpreadsheetApp.ProtectionType.RANGE)) ours.get(p.getDescription())?.push(p);
  const last = sheet.getMaxRows();
  const spans = (p: GoogleAppsScript.Spreadsheet.Protection, col: number): boolean => {
    const r = p.getRange();
    return r.getColumn() === col && r.getNumColumns() === 1 && r.getRow() === 2 && r.getLastRow() >= last;
  };
  for (const [label, col] of columns) {
    const existing = ours.get(description(label))!;
    const keep = existing.find((p) => spans(p, col));
    for (const p of existing) if (p !== keep) p.remove();
    if (!keep)
      sheet
        .getRange(`${columnLetter(col)}2:${columnLetter(col)}`)
        .protect()
        .setDescription(description(label))
        .setWarningOnly(true);
  }
}
