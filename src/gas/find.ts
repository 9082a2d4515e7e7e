// 查找 (find cases by 编号, name, ID number or phone and jump to the row) and 案件历史 (the case's log lines).
import { normalizeIdNumber, normalizePhone } from '../core/duplicates';
import { maskIdNumber, maskPhone } from '../core/mask';
import { selectedCaseNos } from './actions';
import { caseHistory } from './audit';
import { gasPorts } from './ports';
import { readRecords } from './table';

/** One match shown in the sidebar (ID number and phone masked: the list is for finding, not reading). */
export interface FoundCase {
  caseNo: string;
  name: string;
  state: string;
  date: string;
  hint: string;
}

const MAX_RESULTS = 50;
const LABELS = ['编号', '信访人姓名', '身份证号码', '联系电话', '状态', '信访日期', '承办部室'];

export function showFindSidebar(): void {
  SpreadsheetApp.getUi().showSidebar(HtmlService.createHtmlOutputFromFile('Find').setTitle('查找信访件'));
}

/** Cases whose 编号 or name contains the query, or whose ID number or phone equals it (plain text, no patterns). */
export function findCasesQuery(query: string): FoundCase[] {
  const q = String(query ?? '').trim();
  if (!q) return [];
  const p = gasPorts();
  const cols = new Map(LABELS.filter((l) => p.ledger.col(l)).map((l) => [l, p.ledger.col(l)!]));
  const id = normalizeIdNumber(q);
  const phone = normalizePhone(q);
  const tz = p.ss.getSpreadsheetTimeZone();
  const out: FoundCase[] = [];
  for (const { values: v } of readRecords(p.ledger.sheet, cols)) {
    const no = String(v['编号'] ?? '').trim();
    if (!no) continue;
    const byId = id.length >= 15 && normalizeIdNumber(v['身份证号码']) === id;
    const byPhone = phone.length >= 7 && normalizePhone(v['联系电话']) === phone;
    const byText = no.includes(q) || String(v['信访人姓名'] ?? '').includes(q);
    if (!(byId || byPhone || byText)) continue;
    const d = v['信访日期'];
    out.push({
      caseNo: no,
      name: String(v['信访人姓名'] ?? ''),
      state: String(v['状态'] ?? ''),
      date: d instanceof Date ? Utilities.formatDate(d, tz, 'yyyy-MM-dd') : String(d ?? ''),
      hint: [
        v['承办部室'],
        v['身份证号码'] ? maskIdNumber(String(v['身份证号码'])) : '',
        v['联系电话'] ? maskPhone(String(v['联系电话'])) : '',
      ]
        .filter(Boolean)
        .join(' · '),
    });
    if (out.length >= MAX_RESULTS) break;
  }
  return out;
}

/** Selects the case's row in 台账; false when no row has that 编号. */
export function jumpTo(caseNo: string): boolean {
  const p = gasPorts();
  const row = p.ledger.rowsByCaseNo().get(String(caseNo).trim());
  if (!row) return false;
  p.ss.setActiveSheet(p.ledger.sheet);
  p.ledger.sheet.setActiveRange(p.ledger.sheet.getRange(row, 1, 1, p.ledger.header.width));
  return true;
}

/** 案件历史: the selected case's log lines, in order. */
export function showHistory(): void {
  const p = gasPorts();
  const [caseNo] = selectedCaseNos(p);
  const lines = caseHistory(p.ss, caseNo!);
  const ui = SpreadsheetApp.getUi();
  ui.alert(
    `案件历史 · ${caseNo}`,
    lines.length ? lines.join('\n') : '流转记录中还没有这件信访件的记录。',
    ui.ButtonSet.OK,
  );
}
