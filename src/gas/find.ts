// 查找 (find cases by 编号, name, ID number or phone and jump to the row) and 案件历史 (the case's log lines).
import { normalizeIdNumber, normalizePhone } from '../core/duplicates';
import { maskIdNumber, maskPhone } from '../core/mask';
import { fieldLabel, type CaseKey } from '../core/model';
import { selectedCaseNos } from './actions';
import { maySeeCase } from '../core/callers';
import { requireMaySee, requireRole } from './caller';
import { caseHistory } from './audit';
import { gasPorts } from './ports';
import { readHeader, readRecords } from './table';
import { openArchives } from './archive-store';
import { SHEET } from './layout';

/** One match shown in the sidebar (ID number and phone masked: the list is for finding, not reading). */
export interface FoundCase {
  caseNo: string;
  name: string;
  state: string;
  date: string;
  hint: string;
  /** A case moved to a yearly archive: the archive's name and link (it has no row in 台账 to jump to). */
  archive?: { name: string; url: string };
}

const MAX_RESULTS = 50;
/** The columns 查找 reads, by the model's keys (labels come from the model, so a rename cannot go unnoticed). */
const KEYS = ['caseNo', 'petitionerName', 'idNumber', 'phone', 'state', 'petitionDate', 'department'] as const;
const L = Object.fromEntries(KEYS.map((k) => [k, fieldLabel(k)])) as Record<(typeof KEYS)[number], string>;

export function showFindSidebar(): void {
  requireRole(gasPorts());
  SpreadsheetApp.getUi().showSidebar(HtmlService.createHtmlOutputFromFile('Find').setTitle('查找信访件'));
}

/**
 * Cases whose 编号 or name contains the query, or whose ID number or phone equals it (plain text, no patterns), among
 * the cases the caller may see (a liaison or handler: their own department's).
 */
export function findCasesQuery(query: string): FoundCase[] {
  const p = gasPorts();
  const person = requireRole(p);
  const q = String(query ?? '').trim();
  if (!q) return [];
  const cols = new Map(KEYS.map((k: CaseKey) => [fieldLabel(k), p.ledger.colOf(k)]));
  const id = normalizeIdNumber(q);
  const phone = normalizePhone(q);
  const tz = p.ss.getSpreadsheetTimeZone();
  const out: FoundCase[] = [];
  const search = (rows: { values: Record<string, unknown> }[], archive?: FoundCase['archive']): void => {
    for (const { values: v } of rows) {
      if (out.length >= MAX_RESULTS) return;
      const no = String(v[L.caseNo] ?? '').trim();
      if (!no || (archive && out.some((f) => f.caseNo === no))) continue;
      const byId = id.length >= 15 && normalizeIdNumber(v[L.idNumber]) === id;
      const byPhone = phone.length >= 7 && normalizePhone(v[L.phone]) === phone;
      const byText = no.includes(q) || String(v[L.petitionerName] ?? '').includes(q);
      if (!(byId || byPhone || byText)) continue;
      if (!maySeeCase(person, String(v[L.department] ?? ''))) continue;
      const d = v[L.petitionDate];
      out.push({
        caseNo: no,
        name: String(v[L.petitionerName] ?? ''),
        state: String(v[L.state] ?? ''),
        date: d instanceof Date ? Utilities.formatDate(d, tz, 'yyyy-MM-dd') : String(d ?? ''),
        hint: [
          v[L.department],
          v[L.idNumber] ? maskIdNumber(String(v[L.idNumber])) : '',
          v[L.phone] ? maskPhone(String(v[L.phone])) : '',
        ]
          .filter(Boolean)
          .join(' · '),
        ...(archive ? { archive } : {}),
      });
    }
  };
  search(readRecords(p.ledger.sheet, cols));
  // The yearly archives (their ids in Script Properties): a case found there names the archive it is in.
  for (const a of out.length < MAX_RESULTS ? openArchives() : []) {
    const sheet = a.ss.getSheetByName(SHEET.ledger);
    const header = sheet && readHeader(sheet);
    if (!sheet || KEYS.some((k) => !header!.columns.has(L[k]))) continue;
    search(readRecords(sheet, new Map(KEYS.map((k) => [L[k], header!.columns.get(L[k])!]))), {
      name: a.name,
      url: a.url,
    });
  }
  return out;
}

/** Selects the case's row in 台账; false when no row has that 编号; refused for a case the caller may not see. */
export function jumpTo(caseNo: string): boolean {
  const p = gasPorts();
  const person = requireRole(p);
  const no = String(caseNo ?? '').trim();
  const row = p.ledger.rowsByCaseNo().get(no);
  if (!row) return false;
  requireMaySee(person, no, departmentAt(p, row));
  p.ss.setActiveSheet(p.ledger.sheet);
  p.ledger.sheet.setActiveRange(p.ledger.sheet.getRange(row, 1, 1, p.ledger.header.width));
  return true;
}

/** The 承办部室 of a ledger row. */
function departmentAt(p: ReturnType<typeof gasPorts>, row: number): string {
  return String(p.ledger.sheet.getRange(row, p.ledger.colOf('department')).getValue() ?? '');
}

/** 案件历史: the selected case's log lines, in order (only for a case the caller may see). */
export function showHistory(): void {
  const p = gasPorts();
  const person = requireRole(p);
  const [caseNo] = selectedCaseNos(p);
  const row = p.ledger.rowsByCaseNo().get(caseNo!);
  if (row) requireMaySee(person, caseNo!, departmentAt(p, row));
  const lines = caseHistory(p.ss, caseNo!);
  const ui = SpreadsheetApp.getUi();
  ui.alert(
    `案件历史 · ${caseNo}`,
    lines.length ? lines.join('\n') : '流转记录中还没有这件信访件的记录。',
    ui.ButtonSet.OK,
  );
}
