// 查找 (find cases by 编号, name, ID number or phone and jump to the row) and 案件历史 (the case's log lines).
import { idNumberPattern, normalizeIdNumber, normalizePhone, phonePattern } from '../core/duplicates';
import { maskIdNumber, maskPhone } from '../core/mask';
import { fieldLabel } from '../core/model';
import { selectedCaseNos } from './actions';
import { maySeeCase } from '../core/callers';
import { requireMaySee, requireRole } from './caller';
import { caseHistory } from './audit';
import { gasPorts } from './ports';
import { readHeader } from './table';
import { findInColumn, readRowsAt, rowsInOrder, take, type ColumnSearch } from './text-search';
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
type Key = (typeof KEYS)[number];
const L = Object.fromEntries(KEYS.map((k) => [k, fieldLabel(k)])) as Record<Key, string>;
/** An ID number is matched from 15 characters (the old 15-digit form), a phone from 7 digits (a local number). */
const MIN_ID = 15;
const MIN_PHONE = 7;

/** A 台账 searched: the ledger's or an archive's, with its columns by key and, for an archive, its name and link. */
interface Book {
  sheet: GoogleAppsScript.Spreadsheet.Sheet;
  col: Record<Key, number>;
  archive?: FoundCase['archive'];
}

/**
 * The columns a query can match in, each searched by one TextFinder: 编号 and 信访人姓名 for the query as plain text
 * (case as typed: the rule below is `includes`); 身份证号码 and 联系电话, when the query is long enough to be one, for
 * every way a cell can hold the same number — stored as typed (lower-case x, spaces, dashes, full-width digits, a +86
 * prefix), which no plain search for the normalised form finds — by a pattern built from the normalised value, each of
 * its characters a literal. A TextFinder only proposes rows: matcherFor's rule decides on the row's cells, as before.
 */
function searchesFor(q: string): [Key, ColumnSearch][] {
  const id = normalizeIdNumber(q);
  const phone = normalizePhone(q);
  const out: [Key, ColumnSearch][] = [
    ['caseNo', { text: q, matchCase: true }],
    ['petitionerName', { text: q, matchCase: true }],
  ];
  if (id.length >= MIN_ID) out.push(['idNumber', { text: idNumberPattern(id), pattern: true, matchCase: true }]);
  if (phone.length >= MIN_PHONE) out.push(['phone', { text: phonePattern(phone), pattern: true, matchCase: true }]);
  return out;
}

/** 查找's rule: the 编号 or the name contains the query, or the ID number or the phone equals it once normalised. */
function matcherFor(q: string): (v: Record<Key, unknown>) => boolean {
  const id = normalizeIdNumber(q);
  const phone = normalizePhone(q);
  return (v) => {
    const byId = id.length >= MIN_ID && normalizeIdNumber(v.idNumber) === id;
    const byPhone = phone.length >= MIN_PHONE && normalizePhone(v.phone) === phone;
    const no = String(v.caseNo ?? '').trim();
    return byId || byPhone || no.includes(q) || String(v.petitionerName ?? '').includes(q);
  };
}

export function showFindSidebar(): void {
  requireRole(gasPorts());
  SpreadsheetApp.getUi().showSidebar(HtmlService.createHtmlOutputFromFile('Find').setTitle('查找信访件'));
}

/**
 * Cases whose 编号 or name contains the query, or whose ID number or phone equals it (plain text, no patterns), among
 * the cases the caller may see (a liaison or handler: their own department's): 台账 first, then the yearly archives,
 * newest first, at most MAX_RESULTS in sheet order. Each 台账 is searched column by column with TextFinder and only
 * the rows it proposes are read, in batches until the list is full.
 */
export function findCasesQuery(query: string): FoundCase[] {
  const p = gasPorts();
  const person = requireRole(p);
  const q = String(query ?? '').trim();
  if (!q) return [];
  const searches = searchesFor(q);
  const matches = matcherFor(q);
  const tz = p.ss.getSpreadsheetTimeZone();
  const out: FoundCase[] = [];
  const search = ({ sheet, col, archive }: Book): void => {
    const rows = rowsInOrder(searches.map(([key, s]) => findInColumn(sheet, col[key], s)));
    const cols = KEYS.map((k) => col[k]);
    const lo = Math.min(...cols);
    const width = Math.max(...cols) - lo + 1;
    // A liaison may see few of the rows proposed: each batch is as large as all taken before it.
    for (let taken = 0; out.length < MAX_RESULTS;) {
      const batch = take(rows, Math.max(MAX_RESULTS - out.length, taken));
      if (!batch.length) return;
      taken += batch.length;
      const cells = readRowsAt(sheet, batch, lo, width);
      for (const row of batch) {
        if (out.length >= MAX_RESULTS) return;
        const line = cells.get(row)!;
        const v = Object.fromEntries(KEYS.map((k) => [k, line[col[k] - lo]])) as Record<Key, unknown>;
        const no = String(v.caseNo ?? '').trim();
        if (!no || (archive && out.some((f) => f.caseNo === no))) continue;
        if (!matches(v) || !maySeeCase(person, String(v.department ?? ''))) continue;
        const d = v.petitionDate;
        out.push({
          caseNo: no,
          name: String(v.petitionerName ?? ''),
          state: String(v.state ?? ''),
          date: d instanceof Date ? Utilities.formatDate(d, tz, 'yyyy-MM-dd') : String(d ?? ''),
          hint: [
            v.department,
            v.idNumber ? maskIdNumber(String(v.idNumber)) : '',
            v.phone ? maskPhone(String(v.phone)) : '',
          ]
            .filter(Boolean)
            .join(' · '),
          ...(archive ? { archive } : {}),
        });
      }
    }
  };
  search({ sheet: p.ledger.sheet, col: Object.fromEntries(KEYS.map((k) => [k, p.ledger.colOf(k)])) as Book['col'] });
  // The yearly archives (their ids in Script Properties): a case found there names the archive it is in.
  for (const a of out.length < MAX_RESULTS ? openArchives() : []) {
    const sheet = a.ss.getSheetByName(SHEET.ledger);
    const header = sheet && readHeader(sheet);
    if (!sheet || KEYS.some((k) => !header!.columns.has(L[k]))) continue;
    const col = Object.fromEntries(KEYS.map((k) => [k, header!.columns.get(L[k])!])) as Book['col'];
    search({ sheet, col, archive: { name: a.name, url: a.url } });
    if (out.length >= MAX_RESULTS) break;
  }
  return out;
}

/** Selects the case's row in 台账; false when no row has that 编号; refused for a case the caller may not see. */
export function jumpTo(caseNo: string): boolean {
  const p = gasPorts();
  const person = requireRole(p);
  const no = String(caseNo ?? '').trim();
  const row = p.ledger.rowOf(no);
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
  const row = p.ledger.rowOf(caseNo!);
  if (row) requireMaySee(person, caseNo!, departmentAt(p, row));
  const lines = caseHistory(p.ss, caseNo!);
  const ui = SpreadsheetApp.getUi();
  ui.alert(
    `案件历史 · ${caseNo}`,
    lines.length ? lines.join('\n') : '流转记录中还没有这件信访件的记录。',
    ui.ButtonSet.OK,
  );
}
