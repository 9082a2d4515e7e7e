// The 流转记录 sheet as the AuditLog port: append-only, every batch of lines in one write.
import type { AuditEntry, AuditLog } from '../app/ports';
import { LOG_HEADERS, SHEET } from './layout';
import { appendRows, readHeader, requireColumns, sheetNamed } from './table';

/** Who acted, as the log shows it; Apps Script hides people outside the owner's domain. */
export function actorText(name: string, email: string): string {
  if (!email) return '（身份未知：Google 未提供操作人邮箱）';
  return name && name !== email ? `${name} <${email}>` : email;
}

/** Script Properties keys of log lines that could not be written yet (one key a failed batch). */
const PENDING_PREFIX = 'AUDIT_PENDING_';
/** Stay under the 9 KB a property value may hold. */
const PENDING_CHUNK_CHARS = 8000;

type StoredEntry = Omit<AuditEntry, 'at'> & { at: string };

/**
 * Keeps log lines that Sheets refused (quota, timeout) in Script Properties so none is lost: the next append
 * writes them first, in their original order, then forgets them.
 */
function parkPending(entries: readonly AuditEntry[]): void {
  const props = PropertiesService.getScriptProperties();
  const stamp = `${Date.now()}_${Math.floor(Math.random() * 1e6)}`;
  const stored: StoredEntry[] = entries.map((e) => ({ ...e, at: e.at.toISOString() }));
  const chunks: StoredEntry[][] = [[]];
  for (const e of stored) {
    const last = chunks[chunks.length - 1]!;
    if (last.length && JSON.stringify([...last, e]).length > PENDING_CHUNK_CHARS) chunks.push([e]);
    else last.push(e);
  }
  const values: Record<string, string> = {};
  chunks.forEach((c, i) => (values[`${PENDING_PREFIX}${stamp}_${String(i).padStart(3, '0')}`] = JSON.stringify(c)));
  props.setProperties(values);
}

function takePending(): { keys: string[]; entries: AuditEntry[] } {
  const props = PropertiesService.getScriptProperties();
  const all = props.getProperties();
  const keys = Object.keys(all)
    .filter((k) => k.startsWith(PENDING_PREFIX))
    .sort();
  const entries = keys.flatMap((k) =>
    (JSON.parse(all[k]!) as StoredEntry[]).map((e) => ({ ...e, at: new Date(e.at) })),
  );
  return { keys, entries };
}

export class SheetAuditLog implements AuditLog {
  constructor(private readonly ss: GoogleAppsScript.Spreadsheet.Spreadsheet) {}

  /**
   * Appends the lines, after any parked earlier; on failure parks them all and rethrows. `[]` only flushes.
   * Parked lines are taken out of the store before the write, so a line is never written twice.
   */
  append(entries: readonly AuditEntry[]): void {
    const pending = takePending();
    const all = [...pending.entries, ...entries];
    if (all.length === 0) return;
    const props = PropertiesService.getScriptProperties();
    for (const k of pending.keys) props.deleteProperty(k);
    try {
      this.write(all);
    } catch (e) {
      parkPending(all);
      throw e;
    }
  }

  private write(entries: readonly AuditEntry[]): void {
    const sheet = sheetNamed(this.ss, SHEET.log);
    const at = requireColumns(SHEET.log, readHeader(sheet), LOG_HEADERS);
    const width = Math.max(...at.values());
    const rows = entries.map((e) => {
      const line: unknown[] = new Array(width).fill('');
      const change = e.field ? `${e.field}：${e.oldValue || '（空）'} → ${e.newValue || '（空）'}` : '';
      const values: Record<(typeof LOG_HEADERS)[number], unknown> = {
        时间: e.at,
        编号: e.caseNo,
        动作: e.action,
        原状态: e.fromState ?? '',
        新状态: e.toState ?? '',
        操作人: actorText(e.actorName, e.actorEmail),
        说明: [change, e.note].filter(Boolean).join('；'),
      };
      for (const h of LOG_HEADERS) line[at.get(h)! - 1] = values[h];
      return line;
    });
    appendRows(sheet, rows);
  }
}

/** The log lines of one case, oldest first, as text lines for 案件历史. */
export function caseHistory(ss: GoogleAppsScript.Spreadsheet.Spreadsheet, caseNo: string): string[] {
  const sheet = sheetNamed(ss, SHEET.log);
  const at = requireColumns(SHEET.log, readHeader(sheet), LOG_HEADERS);
  const last = sheet.getLastRow();
  if (last < 2) return [];
  const width = Math.max(...at.values());
  const tz = ss.getSpreadsheetTimeZone();
  const cell = (r: unknown[], h: (typeof LOG_HEADERS)[number]): unknown => r[at.get(h)! - 1];
  return sheet
    .getRange(2, 1, last - 1, width)
    .getValues()
    .filter((r) => String(cell(r, '编号')).trim() === caseNo)
    .map((r) => {
      const t = cell(r, '时间');
      const when = t instanceof Date ? Utilities.formatDate(t, tz, 'yyyy-MM-dd HH:mm') : String(t);
      const states =
        cell(r, '原状态') || cell(r, '新状态') ? `（${cell(r, '原状态') || '—'} → ${cell(r, '新状态') || '—'}）` : '';
      return `${when}  ${cell(r, '动作')}${states}  ${cell(r, '操作人')}  ${cell(r, '说明')}`.trim();
    });
}
