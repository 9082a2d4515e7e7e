// The 流转记录 sheet as the AuditLog port: append-only — a few lines of a month already indexed by appendRow, one each
// (the sheet's end is not read), any other batch in one write below the last row.
import type { AuditEntry, AuditLog } from '../app/ports';
import { shiftMonth } from '../core/analysis';
import { rowAfterDeletions } from '../core/archive';
import { startOfShanghaiDay, type LocalDate } from '../core/dates';
import {
  extendIndex,
  INDEX_MARGIN,
  monthOf,
  monthIndexed,
  monthsIndexed,
  parseIndex,
  rebuildIndex,
  staleIndex,
  type MonthIndex,
} from './month-index';
import { LOG_HEADERS, SHEET } from './layout';
import { appendRowFits, rangeToFill, readHeader, requireColumns, sheetNamed } from './table';
import { openArchives } from './archive-store';
import { findInColumn, readRowsAt } from './text-search';
import { allProps, deleteProp, getProp, setProp, setProps } from './script-props';

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
  setProps(values);
}

function takePending(): { keys: string[]; entries: AuditEntry[]; all: Readonly<Record<string, string>> } {
  const all = allProps();
  const keys = Object.keys(all)
    .filter((k) => k.startsWith(PENDING_PREFIX))
    .sort();
  const entries = keys.flatMap((k) =>
    (JSON.parse(all[k]!) as StoredEntry[]).map((e) => ({ ...e, at: new Date(e.at) })),
  );
  return { keys, entries, all };
}

/** The log's month index (issue 16; src/gas/month-index.ts), in one Script Property. */
const LOG_INDEX_KEY = 'LOG_MONTH_ROWS';

/** Rebuilds the log's month index from its 时间 column (one read); 初始化/修复 and a missing index call it. */
export function rebuildLogIndex(ss: GoogleAppsScript.Spreadsheet.Spreadsheet): MonthIndex {
  const sheet = sheetNamed(ss, SHEET.log);
  const col = requireColumns(SHEET.log, readHeader(sheet), LOG_HEADERS).get('时间')!;
  return rebuildIndex(sheet, col, LOG_INDEX_KEY);
}

/**
 * The month index once rows of the log were deleted (the yearly archive; `deleted` ascending): each month's row moves
 * up by the deleted rows above it, so every line dated since the month is still at or below it. No index, no change.
 */
export function shiftLogIndex(deleted: readonly number[]): void {
  const index = parseIndex(getProp(LOG_INDEX_KEY));
  if (!index || !deleted.length) return;
  setProp(LOG_INDEX_KEY, JSON.stringify(index.map(([m, row]) => [m, rowAfterDeletions(row, deleted)])));
}

/**
 * The 编号 of every case with a log line dated on or after `from`, reading only the rows at or below the index's row
 * for `from`'s month; and `logFrom`, the first day from which the log holds every event (the month after its first
 * line's: a log started mid-month, when an older ledger was taken in, lacks that month's earlier events), null for an
 * empty log.
 */
export function casesLoggedSince(
  ss: GoogleAppsScript.Spreadsheet.Spreadsheet,
  from: LocalDate,
): { caseNos: Set<string>; logFrom: LocalDate | null } {
  const sheet = sheetNamed(ss, SHEET.log);
  const at = requireColumns(SHEET.log, readHeader(sheet), LOG_HEADERS);
  const last = sheet.getLastRow();
  const stored = parseIndex(getProp(LOG_INDEX_KEY));
  const index = stored && !staleIndex(stored, last) ? stored : rebuildLogIndex(ss);
  const caseNos = new Set<string>();
  if (index.length === 0) return { caseNos, logFrom: null };
  const logFrom = `${shiftMonth(index[0]![0], 1)}-01`;
  const month = from.slice(0, 7);
  const hit = index.find(([m]) => m >= month);
  if (!hit) return { caseNos, logFrom };
  const top = Math.max(2, hit[1] - INDEX_MARGIN);
  if (top > last) return { caseNos, logFrom };
  const tCol = at.get('时间')!;
  const nCol = at.get('编号')!;
  const lo = Math.min(tCol, nCol);
  const since = startOfShanghaiDay(from).getTime();
  for (const r of sheet.getRange(top, lo, last - top + 1, Math.abs(tCol - nCol) + 1).getValues()) {
    const t = r[tCol - lo];
    const no = String(r[nCol - lo]).trim();
    if (no && t instanceof Date && t.getTime() >= since) caseNos.add(no);
  }
  return { caseNos, logFrom };
}

export class SheetAuditLog implements AuditLog {
  constructor(private readonly ss: GoogleAppsScript.Spreadsheet.Spreadsheet) {}

  /** Lines of the current append written so far by appendRow. */
  private appended = 0;

  /** The log as prepare() found it: its sheet and columns, and the row the next line goes to when it read that. */
  private opened: { sheet: GoogleAppsScript.Spreadsheet.Sheet; at: Map<string, number>; next?: number } | null = null;

  private open(): NonNullable<SheetAuditLog['opened']> {
    const sheet = sheetNamed(this.ss, SHEET.log);
    return { sheet, at: requireColumns(SHEET.log, readHeader(sheet), LOG_HEADERS) };
  }

  /**
   * Reads the log's layout now, before the caller's writes (a read commits the writes held before it, so reading after
   * them costs another round trip); the append that follows under the same lock uses it. A failure here is left for
   * the append to meet (and park its lines).
   */
  prepare(): void {
    try {
      this.opened = this.open();
      // A month's first line is written below the last row, which is read now too.
      if (!monthIndexed(parseIndex(getProp(LOG_INDEX_KEY)))) this.opened.next = this.opened.sheet.getLastRow() + 1;
    } catch {
      this.opened = null;
    }
  }

  /**
   * Appends the lines, after any parked earlier; on failure parks them all and rethrows. `[]` only flushes.
   * Parked lines are taken out of the store before the write, so a line is never written twice.
   */
  append(entries: readonly AuditEntry[]): void {
    const pending = takePending();
    const all = [...pending.entries, ...entries];
    if (all.length === 0) return;
    for (const k of pending.keys) deleteProp(k);
    const months = all.map((e) => monthOf(e.at));
    const index = parseIndex(pending.all[LOG_INDEX_KEY]);
    // Lines of months the index has: no row to learn, so none read.
    const quick = monthsIndexed(index, months);
    let start: number | null;
    this.appended = 0;
    try {
      start = this.write(all, quick);
    } catch (e) {
      // The lines not written yet (appendRow writes one at a time): none is lost, none written twice.
      parkPending(all.slice(this.appended));
      throw e;
    }
    // The month index moves only when a month is written for the first time; a log that had lines before the index
    // existed is indexed by the first reader (rebuildLogIndex), never from here.
    if (start === null) return;
    const base = index ?? (start === 2 ? [] : null);
    if (!base) return;
    const next = extendIndex(base, start, months);
    if (next.length !== base.length) setProp(LOG_INDEX_KEY, JSON.stringify(next));
  }

  /**
   * Writes the lines below the last: by appendRow when `quick` and the end was not read (returns null), else in one
   * write from the row returned.
   */
  private write(entries: readonly AuditEntry[], quick: boolean): number | null {
    const { sheet, at, next: known } = this.opened ?? this.open();
    this.opened = null;
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
    if (quick && known === undefined && appendRowFits(rows)) {
      for (const line of rows) {
        sheet.appendRow(line);
        this.appended++;
      }
      return null;
    }
    const next = known ?? sheet.getLastRow() + 1;
    rangeToFill(sheet, next, rows.length, width).setValues(rows);
    return next;
  }
}

/**
 * The log lines of one case, oldest first, as text lines for 案件历史; a case whose lines moved to a yearly archive
 * (its 流转记录 tab, the archives' ids in Script Properties) gets them from there, after a line naming the archive.
 */
export function caseHistory(ss: GoogleAppsScript.Spreadsheet.Spreadsheet, caseNo: string): string[] {
  const lines = logLines(ss, caseNo);
  if (lines.length) return lines;
  for (const a of openArchives()) {
    const moved = a.ss.getSheetByName(SHEET.log) ? logLines(a.ss, caseNo) : [];
    if (moved.length) return [`（已移入「${a.name}」：${a.url}）`, ...moved];
  }
  return [];
}

/**
 * The case's lines of one spreadsheet's 流转记录: found by a TextFinder on its 编号 column (the whole cell, case as
 * written), then only those rows read, a run of nearby lines in one read.
 */
function logLines(ss: GoogleAppsScript.Spreadsheet.Spreadsheet, caseNo: string): string[] {
  const sheet = sheetNamed(ss, SHEET.log);
  const at = requireColumns(SHEET.log, readHeader(sheet), LOG_HEADERS);
  const rows = findInColumn(sheet, at.get('编号')!, { text: caseNo, whole: true, matchCase: true })
    .map((r) => r.getRow())
    .filter((r) => r >= 2);
  if (!rows.length) return [];
  const width = Math.max(...at.values());
  const tz = ss.getSpreadsheetTimeZone();
  const cell = (r: unknown[], h: (typeof LOG_HEADERS)[number]): unknown => r[at.get(h)! - 1];
  const lines = readRowsAt(sheet, rows, 1, width);
  return rows
    .map((row) => lines.get(row)!)
    .filter((r) => String(cell(r, '编号')).trim() === caseNo)
    .map((r) => {
      const t = cell(r, '时间');
      const when = t instanceof Date ? Utilities.formatDate(t, tz, 'yyyy-MM-dd HH:mm') : String(t);
      const states =
        cell(r, '原状态') || cell(r, '新状态') ? `（${cell(r, '原状态') || '—'} → ${cell(r, '新状态') || '—'}）` : '';
      return `${when}  ${cell(r, '动作')}${states}  ${cell(r, '操作人')}  ${cell(r, '说明')}`.trim();
    });
}
