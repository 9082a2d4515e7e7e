// Typing is first class: the installable on-edit handler hands the edited 台账 rows to the use case in one batch
// and marks invalid values with a note and a highlight; the daily refresh recomputes the derived columns.
import { handleTypedEdits, type EditIssue, type TypedEdit } from '../app/handleTypedEdits';
import { computedDue } from '../app/derived';
import type { RawRow } from '../app/coerce';
import { endOfShanghaiDay } from '../core/dates';
import { computeDueAt, deadlineStatus } from '../core/deadlines';
import { CASE_FIELDS, fieldLabel, fieldSpec, isCaseState, type CaseKey } from '../core/model';
import { DERIVED, SHEET } from './layout';
import { toCell } from './ledger';
import { gasPorts } from './ports';

const KEY_BY_LABEL = new Map<string, CaseKey>(CASE_FIELDS.map((f) => [f.label, f.key as CaseKey]));
/** Notes the app writes start with this, so it clears only its own when a value is corrected. */
export const NOTE_MARK = '【信访台账】';
export const ISSUE_BACKGROUND = '#fff2cc';
/** What the daily refresh reads of each row. */
const REFRESH_FIELDS: readonly CaseKey[] = [
  'caseNo',
  'state',
  'petitionDate',
  'matterType',
  'dueDate',
  'dueSource',
  'dueProvisional',
  'assignedAt',
  'receivedAt',
  'receiveLate',
];
/** States in which the 办结 deadline no longer runs. */
const CLOSED = new Set(['已办结', '待回访', '已回访', '已核实', '已归档', '已转送', '已退单']);

export function onLedgerEditEvent(e: GoogleAppsScript.Events.SheetsOnEdit): void {
  const range = e.range;
  if (range.getSheet().getName() !== SHEET.ledger) return;
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
  const result = handleTypedEdits({ edits, actorEmail: p.actorEmail }, p);
  for (const f of p.noticeFailures) console.warn(f);
  const registered = result.assigned.map((a) => Number(a.ref));
  markIssues(p.ledger.sheet, first, last, p.ledger.header, result.issues, editedKeys, registered);
}

/**
 * Notes and highlights on the edited rows: one read and one write of notes and of backgrounds. `registered`: rows
 * that became cases in this edit, whose 编号 loses an earlier 本行尚未登记 / duplicate note.
 */
function markIssues(
  sheet: GoogleAppsScript.Spreadsheet.Sheet,
  first: number,
  last: number,
  header: { width: number; columns: Map<string, number> },
  issues: EditIssue[],
  editedKeys: CaseKey[],
  registered: readonly number[],
): void {
  const { width, columns } = header;
  const block = sheet.getRange(first, 1, last - first + 1, width);
  const notes = block.getNotes();
  const backgrounds = block.getBackgrounds();
  let changed = false;
  const colOf = (key: CaseKey): number | undefined => columns.get(fieldSpec(key).label);
  // A corrected value loses the app's earlier note and highlight; a person's own notes stay.
  for (let r = 0; r < notes.length; r++) {
    const keys = registered.includes(first + r) ? [...editedKeys, 'caseNo' as const] : editedKeys;
    for (const key of keys) {
      const c = colOf(key);
      if (c && notes[r]![c - 1]!.startsWith(NOTE_MARK)) {
        notes[r]![c - 1] = '';
        backgrounds[r]![c - 1] = '#ffffff';
        changed = true;
      }
    }
  }
  for (const i of issues) {
    const r = Number(i.ref) - first;
    const c = (i.key && colOf(i.key)) || columns.get(fieldLabel('caseNo'))!;
    if (r < 0 || r >= notes.length) continue;
    const prev = notes[r]![c - 1]!;
    notes[r]![c - 1] = prev.startsWith(NOTE_MARK) ? `${prev}\n${i.message}` : `${NOTE_MARK}${i.message}`;
    backgrounds[r]![c - 1] = ISSUE_BACKGROUND;
    changed = true;
  }
  if (!changed) return;
  block.setNotes(notes);
  block.setBackgrounds(backgrounds);
}

/**
 * Daily: 剩余工作日 / 期限状态 / 超期工作日 for every open case, and provisional computed deadlines recomputed
 * (a year whose schedule was confirmed since). Columns are read once and each written with one call.
 */
export function refreshLedger(): void {
  const p = gasPorts('');
  p.lock.withLock(() => refreshUnderLock(p));
}

function refreshUnderLock(p: ReturnType<typeof gasPorts>): void {
  p.audit.append([]); // writes log lines parked by an earlier failure
  const now = p.clock.now();
  const config = p.settings.load();
  const { rules } = config;
  const cases = p.ledger.loadFields(REFRESH_FIELDS);
  if (cases.length === 0) return;
  const first = cases[0]!.row;
  const DUE = fieldLabel('dueDate');
  const PROVISIONAL = fieldLabel('dueProvisional');
  const columns: Record<string, unknown[][]> = {
    [DERIVED.workdaysLeft]: [],
    [DERIVED.deadlineState]: [],
    [DERIVED.overdueWorkdays]: [],
    [DUE]: [],
    [PROVISIONAL]: [],
  };
  const RECEIVE_LATE = fieldLabel('receiveLate');
  const receiveLate: unknown[][] = [];
  let dueChanged = false;
  let lateChanged = false;
  for (const { c, raw } of cases) {
    // 当天接处: a case assigned and not received by the end of its working day is flagged for the reminders to chase.
    const late =
      c.state === '办理中' && c.assignedAt && !c.receivedAt
        ? now.getTime() >
          computeDueAt({
            node: '接收',
            startAt: c.assignedAt,
            limits: rules.limits,
            calendar: rules.calendar,
          }).dueAt.getTime()
        : c.receiveLate;
    if (!!late !== !!c.receiveLate) lateChanged = true;
    receiveLate.push([late === undefined ? (raw.receiveLate ?? '') : toCell('receiveLate', late)]);
    let { dueDate, dueProvisional } = c;
    // Only an empty cell or the app's own provisional deadline is recomputed: whatever a person typed stays.
    const empty = raw.dueDate === '' || raw.dueDate === undefined;
    if ((empty || (c.dueSource === '计算' && dueProvisional)) && c.caseNo) {
      const due = computedDue(c, rules);
      if (due && (due.dueDate !== dueDate || due.dueProvisional !== !!dueProvisional)) {
        ({ dueDate, dueProvisional } = due);
        dueChanged = true;
      }
    }
    const open = isCaseState(c.state) && !CLOSED.has(c.state) && !!c.caseNo;
    const s =
      open && dueDate
        ? deadlineStatus({
            dueAt: endOfShanghaiDay(dueDate),
            now,
            calendar: rules.calendar,
            dueSoonWorkdays: config.values.dueSoonWorkdays,
          })
        : null;
    columns[DERIVED.workdaysLeft]!.push([s ? s.workdaysLeft : '']);
    columns[DERIVED.deadlineState]!.push([s ? s.state : c.caseNo && dueDate ? '已结' : '']);
    columns[DERIVED.overdueWorkdays]!.push([s ? s.overdueWorkdays : '']);
    columns[DUE]!.push([dueDate && c.dueSource !== '手填' ? toCell('dueDate', dueDate) : (raw.dueDate ?? '')]);
    columns[PROVISIONAL]!.push([
      dueDate && c.dueSource !== '手填' ? toCell('dueProvisional', !!dueProvisional) : (raw.dueProvisional ?? ''),
    ]);
  }
  if (!dueChanged) {
    delete columns[DUE];
    delete columns[PROVISIONAL];
  }
  if (lateChanged) columns[RECEIVE_LATE] = receiveLate;
  for (const [label, values] of Object.entries(columns)) {
    p.ledger.sheet.getRange(first, p.ledger.col(label)!, values.length, 1).setValues(values);
  }
}
