// Typing is first class: the installable on-edit handler hands the edited 台账 rows to the use case in one batch
// and marks invalid values with a note and a highlight; the daily refresh recomputes the derived columns.
import { handleTypedEdits, type EditIssue, type TypedEdit } from '../app/handleTypedEdits';
import { computedDue, derivedCells } from '../app/derived';
import type { RawRow } from '../app/coerce';
import { deadlineStatus } from '../core/deadlines';
import {
  TERMINAL_STATES,
  CASE_FIELDS,
  DERIVED_FIELDS,
  fieldLabel,
  fieldSpec,
  isCaseState,
  type Case,
  type CaseKey,
  type DerivedKey,
} from '../core/model';
import { PROVISIONAL_MARK } from '../core/pending';
import { toShanghaiDate, yearOf } from '../core/dates';
import type { Rules } from '../core/roles';
import { SHEET } from './layout';
import { RECORD_KIND_IDS, recordSpec } from '../core/records';
import { keepRoom } from './table';
import { toCell } from './ledger';
import { gasPorts } from './ports';
import { refreshQueue } from './workbench-index';
import { runsOf } from '../core/runs';
import { CONFIG_SHEETS, clearConfigCache } from './config-cache';

const KEY_BY_LABEL = new Map<string, CaseKey>(CASE_FIELDS.map((f) => [f.label, f.key as CaseKey]));
/** Notes the app writes start with this, so it clears only its own when a value is corrected. */
export const NOTE_MARK = '【信访台账】';
export const ISSUE_BACKGROUND = '#fff2cc';
/** What the daily refresh reads of every row that can change, besides 编号 and 状态 (read for all rows). */
const DUE_FIELDS: readonly CaseKey[] = ['dueDate', 'dueSource', 'dueProvisional'];
/** What it reads besides, only of the rows whose computed 办理期限 is computed again. */
const DETAIL_FIELDS: readonly CaseKey[] = ['petitionDate', 'matterType'];
/** The empty rows the daily refresh keeps below the log (a day's lines, typed edits included) and each record sheet. */
const APPEND_ROOM: readonly (readonly [string, number])[] = [
  [SHEET.log, 500],
  ...RECORD_KIND_IDS.map((k) => [recordSpec(k).sheet, 200] as const),
];
/** The derived columns in sheet order: the lead block (当前环节…待办方) and the day counts. */
const SHOWN: readonly DerivedKey[] = DERIVED_FIELDS.fields.map((f) => f.key);

export function onLedgerEditEvent(e: GoogleAppsScript.Events.SheetsOnEdit): void {
  const range = e.range;
  const sheetName = range.getSheet().getName();
  if (CONFIG_SHEETS.includes(sheetName)) clearConfigCache(); // the web app's cached 人员/设置 follow the edit
  if (sheetName !== SHEET.ledger) return;
  const first = Math.max(2, range.getRow());
  const last = range.getLastRow();
  if (last < first) return;
  const p = gasPorts(e.user?.getEmail?.() ?? '');
  const rows = p.ledger.readRows(Array.from({ length: last - first + 1 }, (_, i) => first + i));
  const editedKeys: CaseKey[] = [];
  for (let col = range.getColumn(); col <= range.getLastColumn(); col++) {
    const label = [...p.ledger.header.columns].find(([, c]) => c === col)?.[0];
    const key = label ? KEY_BY_LABEL.get(label) : undefined;
    if (key) editedKeys.push(key);
  }
  if (editedKeys.length === 0) return;
  const single = range.getNumRows() === 1 && range.getNumColumns() === 1;
  const edits: TypedEdit[] = rows
    .filter((r) => Object.values(r.raw).some((v) => v !== '' && v !== null && v !== undefined) || single)
    .map((r) => ({
      ref: String(r.row),
      row: r.raw as RawRow,
      // Apps Script gives the old value only for a single-cell edit (absent when the cell was empty).
      changes: editedKeys.map((key) => (single ? { key, oldValue: e.oldValue ?? '' } : { key })),
    }));
  if (edits.length === 0) return;
  // The rows were read after the person typed: what they held before is known only for a single cell (its old value).
  for (const r of rows)
    p.ledger.priorCases.set(r.row, single ? p.ledger.caseFrom({ ...r.raw, [editedKeys[0]!]: e.oldValue ?? '' }) : null);
  const result = handleTypedEdits({ edits, actorEmail: p.actorEmail }, p);
  for (const f of p.noticeFailures) console.warn(f);
  const registered = result.assigned.map((a) => Number(a.ref));
  markIssues(p.ledger.sheet, first, last, p.ledger.header, result.issues, editedKeys, registered);
}

/**
 * Notes and highlights on the edited rows: one read of the notes of the columns concerned (the edited ones, the
 * cells this edit flags, 编号 of a row it registered), then one write of those notes and a background on each cell
 * whose mark changes (backgrounds are never read: only the marked cells' are set). The app's part of a cell's note
 * says this edit's messages, each once (never what earlier edits said); a person's own note stays before it.
 * `registered`: rows that became cases in this edit, whose 编号 loses an earlier 本行尚未登记 / duplicate note.
 */
export function markIssues(
  sheet: GoogleAppsScript.Spreadsheet.Sheet,
  first: number,
  last: number,
  header: { columns: Map<string, number> },
  issues: EditIssue[],
  editedKeys: CaseKey[],
  registered: readonly number[],
): void {
  const { columns } = header;
  const colOf = (key: CaseKey): number | undefined => columns.get(fieldSpec(key).label);
  const caseNoCol = columns.get(fieldLabel('caseNo'))!;
  const issueCol = (i: EditIssue): number => (i.key && colOf(i.key)) || caseNoCol;
  const concerned = [
    ...editedKeys.map(colOf),
    ...(registered.length ? [caseNoCol] : []),
    ...issues.filter((i) => Number(i.ref) >= first && Number(i.ref) <= last).map(issueCol),
  ].filter((c): c is number => c !== undefined);
  if (concerned.length === 0) return;
  const lo = Math.min(...concerned);
  const block = sheet.getRange(first, lo, last - first + 1, Math.max(...concerned) - lo + 1);
  const notes = block.getNotes();
  const before = notes.map((r) => [...r]);
  const marked = new Map<string, [number, number, string]>();
  // A cell's note is a person's own words, if any, then the app's from NOTE_MARK on: each edit replaces the app's part.
  const personal = (note: string): string => (note.includes(NOTE_MARK) ? note.slice(0, note.indexOf(NOTE_MARK)) : note);
  const withApp = (note: string, messages: string[]): string =>
    [personal(note).trimEnd(), messages.length ? `${NOTE_MARK}${messages.join('\n')}` : ''].filter(Boolean).join('\n');
  // A corrected value loses the app's earlier note and highlight; a person's own notes stay.
  for (let r = 0; r < notes.length; r++) {
    const keys = registered.includes(first + r) ? [...editedKeys, 'caseNo' as const] : editedKeys;
    for (const key of keys) {
      const c = colOf(key);
      if (c && notes[r]![c - lo]!.includes(NOTE_MARK)) {
        notes[r]![c - lo] = withApp(notes[r]![c - lo]!, []);
        marked.set(`${r}:${c}`, [r, c, '#ffffff']);
      }
    }
  }
  // This edit's messages, once each, per cell.
  const byCell = new Map<string, { r: number; c: number; messages: string[] }>();
  for (const i of issues) {
    const r = Number(i.ref) - first;
    const c = issueCol(i);
    if (r < 0 || r >= notes.length) continue;
    const at = `${r}:${c}`;
    if (!byCell.has(at)) byCell.set(at, { r, c, messages: [] });
    const { messages } = byCell.get(at)!;
    if (!messages.includes(i.message)) messages.push(i.message);
  }
  for (const [at, { r, c, messages }] of byCell) {
    notes[r]![c - lo] = withApp(notes[r]![c - lo]!, messages);
    marked.set(at, [r, c, ISSUE_BACKGROUND]);
  }
  if (notes.every((line, r) => line.every((n, k) => n === before[r]![k])) && marked.size === 0) return;
  block.setNotes(notes);
  for (const [r, c, color] of marked.values()) sheet.getRange(first + r, c).setBackground(color);
}

/**
 * Daily, and after 初始化/修复: where every case stands today. Each save of a case writes its node, 环节期限 and 待办方
 * (src/app/derived.ts); what only the passing of time changes — 期限状态 and the working days left or over — is
 * re-read from 环节期限 here. A case is recomputed in full when it has never been computed (a row typed in, or a
 * ledger from before these columns), when its computed 办理期限 moved, or when its provisional deadline falls in a
 * year whose schedule has been confirmed since (until then a recomputation gives the same dates).
 */
export function refreshLedger(): void {
  const p = gasPorts('');
  p.lock.withLock(() => refreshUnderLock(p));
}

/** 'YYYY-MM-DD' or an instant: whether its year's official schedule is loaded now. */
function confirmedYear(calendar: Rules['calendar'], d: unknown): boolean {
  const date = d instanceof Date ? toShanghaiDate(d) : typeof d === 'string' && d ? d : '';
  return !!date && calendar.isConfirmed(yearOf(date));
}

function refreshUnderLock(p: ReturnType<typeof gasPorts>): void {
  p.audit.append([]); // writes log lines parked by an earlier failure
  // Room below the log and the record sheets for a day of appendRow lines (table.ts APPEND_ROW_LINES).
  for (const [name, rows] of APPEND_ROOM) {
    const sheet = p.ss.getSheetByName(name);
    if (sheet) keepRoom(sheet, rows);
  }
  const now = p.clock.now();
  const { rules } = p.settings.load();
  const { ledger } = p;
  // Which rows can change today: a case not 已转送/已归档, or one never computed. Their 编号/状态 and 期限状态 are
  // read for every row (three narrow columns); the derived columns and the 办理期限 cells only for those rows; 逾期接收
  // only for the cases at 接收, 信访日期 and 事项类型 only for a 办理期限 to compute again.
  const heads = ledger.loadFields(['caseNo', 'state']);
  if (heads.length === 0) return refreshQueue(p.ss, ledger, []);
  const first = heads[0]!.row;
  const statusCol = ledger.colOf('deadlineState');
  const statuses = ledger.sheet.getRange(first, statusCol, heads.length, 1).getValues();
  const active = heads.filter(({ raw }, i) => {
    const state = String(raw.state ?? '').trim();
    const filled = String(raw.caseNo ?? '').trim() !== '' || state !== '';
    return filled && (!(TERMINAL_STATES as readonly string[]).includes(state) || statuses[i]![0] === '');
  });
  const activeRows = active.map((h) => h.row);
  const dues = new Map(ledger.loadFieldsAt(DUE_FIELDS, activeRows).map((x) => [x.row, x]));
  // The derived columns in blocks of adjacent columns (当前环节…待办方, the day counts): what lies between them is
  // people's facts, never read here nor written back.
  const blocks = runsOf(SHOWN.map((k) => ledger.colOf(k)).sort((a, b) => a - b)).map(([lo, hi]) => ({
    lo,
    width: hi - lo + 1,
    cells: ledger.readBlockAt(lo, hi - lo + 1, activeRows),
    changed: new Set<number>(),
  }));
  const blockOf = (k: DerivedKey) => {
    const col = ledger.colOf(k);
    const b = blocks.find((x) => col >= x.lo && col < x.lo + x.width)!;
    return { b, at: col - b.lo };
  };
  const cell = (row: number, k: DerivedKey): unknown => {
    const { b, at } = blockOf(k);
    return b.cells.get(row)![at];
  };
  const set = (row: number, k: DerivedKey, v: unknown): void => {
    const { b, at } = blockOf(k);
    const line = b.cells.get(row)!;
    if (!sameCell(line[at], v)) b.changed.add(row);
    line[at] = v;
  };
  // 当天接处: a case at 接收 past its node's deadline (环节期限, as written) is flagged for the reminders to chase.
  const receiving = active
    .filter(({ row, raw }) => String(raw.state ?? '').trim() === '办理中' && cell(row, 'currentNode') === '接收')
    .map((h) => h.row);
  const flags = new Map(ledger.loadFieldsAt(['receiveLate'], receiving).map((x) => [x.row, x.raw]));
  // A 办理期限 to compute again: an empty cell, or the app's provisional one once its year is confirmed.
  const recompute = active
    .filter(({ row, raw }) => {
      const due = dues.get(row)!;
      if (!String(raw.caseNo ?? '').trim()) return false;
      if (due.raw.dueDate === '' || due.raw.dueDate === undefined) return true;
      return due.c.dueSource === '计算' && !!due.c.dueProvisional && confirmedYear(rules.calendar, due.raw.dueDate);
    })
    .map((h) => h.row);
  const details = new Map(ledger.loadFieldsAt(DETAIL_FIELDS, recompute).map((x) => [x.row, x.raw]));
  const cases = active.map(({ row, raw }) => {
    const all: RawRow = { ...raw, ...dues.get(row)!.raw, ...flags.get(row), ...details.get(row) };
    return { row, raw: all, c: ledger.caseFrom(all), detailed: details.has(row) };
  });
  const singles: [number, CaseKey, unknown][] = [];
  const full: number[] = [];
  const dueOf = new Map<number, Pick<Case, 'dueDate' | 'dueProvisional'>>();
  for (const { c, raw, row, detailed } of cases) {
    const receiptDue = flags.has(row) ? cell(row, 'nodeDue') : undefined;
    const late = receiptDue instanceof Date ? now.getTime() > receiptDue.getTime() : c.receiveLate;
    if (!!late !== !!c.receiveLate && late !== undefined)
      singles.push([row, 'receiveLate', toCell('receiveLate', late)]);
    let { dueDate, dueProvisional } = c;
    // Only an empty cell or the app's own provisional deadline is recomputed: whatever a person typed stays.
    const empty = raw.dueDate === '' || raw.dueDate === undefined;
    let moved = false;
    if (detailed && (empty || (c.dueSource === '计算' && dueProvisional)) && c.caseNo) {
      const due = computedDue(c, rules);
      if (due && (due.dueDate !== dueDate || due.dueProvisional !== !!dueProvisional)) {
        ({ dueDate, dueProvisional } = due);
        // An empty cell was already read as this computed deadline: only a deadline that moved changes the nodes.
        moved = !empty;
        if (c.dueSource !== '手填') {
          singles.push([row, 'dueDate', toCell('dueDate', dueDate)]);
          singles.push([row, 'dueProvisional', toCell('dueProvisional', !!dueProvisional)]);
        }
      }
    }
    dueOf.set(row, { dueDate, dueProvisional });
    if (!c.caseNo) continue;
    const status = String(cell(row, 'deadlineState') ?? '');
    const due = cell(row, 'nodeDue');
    // A provisional status is computed again only once its deadline's year is confirmed: until then the same dates.
    const stale = status === '' || moved || (status.endsWith(PROVISIONAL_MARK) && confirmedYear(rules.calendar, due));
    if (stale) {
      full.push(row);
      continue;
    }
    if (!(due instanceof Date) || !isCaseState(c.state) || c.state === '已退单' || c.state === '已转送') continue;
    const s = deadlineStatus({
      dueAt: due,
      now,
      calendar: rules.calendar,
      dueSoonWorkdays: rules.settings.dueSoonWorkdays,
    });
    set(row, 'deadlineState', `${s.state}${s.provisional ? PROVISIONAL_MARK : ''}`);
    set(row, 'workdaysLeft', s.workdaysLeft);
    set(row, 'overdueWorkdays', s.overdueWorkdays);
  }
  if (full.length) {
    // Whole rows of the few cases to recompute, with the 办理期限 this run gives them.
    const people = p.directory.listPeople();
    const rows = new Map(ledger.readRows(full).map((r) => [r.row, r.c]));
    for (const row of full) {
      const c = rows.get(row);
      if (!c) continue;
      const derived = derivedCells({ ...c, ...dueOf.get(row) }, rules, now, people);
      for (const k of SHOWN) set(row, k, derived[k]);
    }
  }
  // Only the derived cells of the rows that changed are written (the rows read with them between two such rows go
  // back as read, when one call is cheaper than two): a cell typed meanwhile elsewhere in the row stays.
  for (const b of blocks) ledger.writeBlockAt(b.lo, b.width, b.cells, b.changed);
  // 办理期限, 期限暂定 and 逾期接收 where they changed: one write per run of consecutive rows of a column (a ledger
  // taken in gets every row's computed deadline in one write).
  for (const key of ['dueDate', 'dueProvisional', 'receiveLate'] as const) {
    const cells = new Map(singles.filter(([, k]) => k === key).map(([row, , v]) => [row, v]));
    for (const [top, bottom] of runsOf([...cells.keys()].sort((a, b) => a - b))) {
      const values = Array.from({ length: bottom - top + 1 }, (_, k) => [cells.get(top + k)]);
      ledger.sheet.getRange(top, ledger.colOf(key), values.length, 1).setValues(values);
    }
  }
  refreshQueue(
    p.ss,
    ledger,
    cases.map(({ c, row }) => ({
      row,
      c,
      node: cell(row, 'currentNode'),
      due: cell(row, 'nodeDue'),
      status: cell(row, 'deadlineState'),
    })),
  );
}

/** Two cell values the same as Sheets keeps them (dates by instant). */
function sameCell(a: unknown, b: unknown): boolean {
  if (a instanceof Date || b instanceof Date)
    return a instanceof Date && b instanceof Date && a.getTime() === b.getTime();
  return (a ?? '') === (b ?? '');
}
