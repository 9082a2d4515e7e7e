// Edits typed straight into the 台账: judged, completed, flagged and logged — never reverted (decision 9).
import { nextCaseNumber } from '../core/caseNumber';
import { toShanghaiDate, yearOf } from '../core/dates';
import {
  caseLabel,
  fieldSpec,
  isCaseState,
  isFilled,
  isWalkIn,
  type Case,
  type CaseKey,
  type CaseState,
  type Person,
} from '../core/model';
import type { Rules } from '../core/roles';
import { judgeTypedStatusChange, UNKNOWN_ACTOR_NAME } from '../core/workflow';
import { coerceRow, displayValue, type RawRow } from './coerce';
import { computedDue, isGroupVisit, repeatOf } from './derived';
import { auditEntries, diffFields, resolveNotices, type DecidedEffects } from './effects';
import type { AuditEntry, CasePatch, Ports } from './ports';

/** One edited row: its handle, what it reads now (raw cells by key), and the columns edited. */
export interface TypedEdit {
  ref: string;
  row: RawRow;
  /** Each edited column with its raw value before the edit (undefined when the sheet could not tell). */
  changes: { key: CaseKey; oldValue?: unknown }[];
}

/** Something to mark on the row (a note on the cell `key`, or on the row). */
export interface EditIssue {
  ref: string;
  caseNo?: string;
  key?: CaseKey;
  message: string;
}

export interface TypedEditsResult {
  issues: EditIssue[];
  /** 编号 given to hand-typed new rows. */
  assigned: { ref: string; caseNo: string }[];
  warnings: string[];
}

/** Shared state of one run. */
interface Run {
  ports: Ports;
  rules: Rules;
  now: Date;
  actor?: Person;
  author: Person;
  all?: Case[];
  result: TypedEditsResult;
  patches: CasePatch[];
  audit: AuditEntry[];
  decided: DecidedEffects[];
}

const TYPED_REMARK = '在台账中直接修改';

/** Handles a batch of typed edits under the lock: one load, one save, one audit append, then notices. */
export function handleTypedEdits(
  req: { edits: readonly TypedEdit[]; actorEmail?: string },
  ports: Ports,
): TypedEditsResult {
  const now = ports.clock.now();
  const actor = (req.actorEmail && ports.directory.findByEmail(req.actorEmail)) || undefined;
  const author: Person = actor ?? { email: req.actorEmail ?? '', name: UNKNOWN_ACTOR_NAME, roles: [], departments: [] };
  const run: Run = {
    ports,
    rules: ports.settings.rules(),
    now,
    actor,
    author,
    result: { issues: [], assigned: [], warnings: [] },
    patches: [],
    audit: [],
    decided: [],
  };
  ports.lock.withLock(() => {
    for (const edit of req.edits) handleOne(run, edit);
    if (run.patches.length) ports.repo.saveCases(run.patches);
    const entries = [...run.audit, ...auditEntries(run.decided, author, now, run.rules)];
    if (entries.length) ports.audit.append(entries);
  });
  const sent = resolveNotices(run.decided, ports.directory.listPeople());
  if (sent.notices.length) ports.notifier.send(sent.notices);
  run.result.warnings.push(...sent.warnings);
  return run.result;
}

function handleOne(run: Run, edit: TypedEdit): void {
  const { c: typed, issues } = coerceRow(edit.row, run.now);
  for (const i of issues)
    run.result.issues.push({ ref: edit.ref, caseNo: typed.caseNo, key: i.key, message: i.message });
  if (!Object.keys(typed).some((k) => k !== 'state' && isFilled((typed as Record<string, unknown>)[k]))) return;
  if (typed.caseNo) handleExisting(run, edit, typed);
  else handleNew(run, edit, typed);
}

/**
 * What to write: the fields the app changed, never a cell the person typed something unreadable
 * into (it stays, flagged) nor a state they cleared on an existing row.
 */
function patchFields(edit: TypedEdit, typed: Partial<Case>, c: Case, isNew: boolean): Partial<Case> {
  const fields = diffFields(typed, c) as Record<string, unknown>;
  for (const k of Object.keys(fields) as CaseKey[]) {
    const unreadable = isFilled(edit.row[k]) && !(k in typed);
    if (unreadable || (k === 'state' && !isNew && !typed.state)) delete fields[k];
  }
  return fields as Partial<Case>;
}

function allCases(run: Run): Case[] {
  if (!run.all) run.all = run.ports.repo.loadAll();
  return run.all;
}

function handleNew(run: Run, edit: TypedEdit, typed: Partial<Case>): void {
  const year = yearOf(toShanghaiDate(run.now));
  const existing = allCases(run);
  const next = nextCaseNumber({
    year,
    highWater: run.ports.counter.highWater(year),
    existing: existing.map((e) => e.caseNo ?? ''),
    config: run.rules.settings.caseNumber,
  });
  run.ports.counter.setHighWater(year, next.highWater);
  const walkIn = isWalkIn(typed as Case);
  const initial: CaseState = walkIn ? (typed.department ? '办理中' : '待交办') : '待签收';
  let c: Case = {
    ...typed,
    caseNo: next.caseNo,
    state: initial,
    registeredAt: run.now,
    registeredBy: run.author.name,
    ...(initial === '办理中' ? { assignedAt: run.now } : {}),
  };
  existing.push(c);
  run.audit.push(entry(run, c, { action: '登记', toState: initial, note: '在台账中手工录入' }));
  if (initial === '办理中') {
    run.decided.push({
      caseNo: next.caseNo,
      effects: [
        { kind: 'notify', to: { role: '部室联络员', department: c.department }, notice: '现场来访，请派员接待' },
      ],
    });
  }
  if (typed.state && typed.state !== initial) c = judgeState(run, edit, c, initial, typed.state);
  c = { ...c, ...derive(run, edit, c, typed, new Set(Object.keys(typed) as CaseKey[])) };
  run.result.assigned.push({ ref: edit.ref, caseNo: next.caseNo });
  run.patches.push({ caseNo: next.caseNo, ref: edit.ref, fields: patchFields(edit, typed, c, true) });
}

function handleExisting(run: Run, edit: TypedEdit, typed: Partial<Case>): void {
  const base: Case = { ...typed, state: typed.state ?? '待签收' };
  if (!isFilled(edit.row.state)) issue(run, edit, base, 'state', `${caseLabel(base)} 状态为空`);
  let c = base;
  const changed = new Set(edit.changes.map((ch) => ch.key));
  for (const ch of edit.changes) {
    if (ch.key !== 'state') logTypedChange(run, edit, c, ch);
    else if (isCaseState(ch.oldValue) && typed.state) c = judgeState(run, edit, c, ch.oldValue, typed.state);
    else if (typed.state) issue(run, edit, c, 'state', `${caseLabel(c)} 无法得知修改前的状态，未能核对这次状态修改`);
  }
  c = { ...c, ...derive(run, edit, c, typed, changed) };
  const fields = patchFields(edit, typed, c, false);
  if (Object.keys(fields).length) run.patches.push({ caseNo: c.caseNo as string, ref: edit.ref, fields });
}

/** Logs a typed column (old → new) and flags columns people should not type into. */
function logTypedChange(run: Run, edit: TypedEdit, c: Case, ch: TypedEdit['changes'][number]): void {
  const spec = fieldSpec(ch.key);
  if (!spec) return;
  if (spec.tracked) {
    const oldValue = displayValue(ch.oldValue);
    const newValue = displayValue(edit.row[ch.key]);
    run.audit.push(entry(run, c, { action: '修改', field: spec.label, oldValue, newValue, note: TYPED_REMARK }));
  }
  if (ch.key === 'caseNo') {
    issue(run, edit, c, 'caseNo', `编号一经分配不应修改（原为 ${displayValue(ch.oldValue)}），修改已记录`);
  } else if (spec.scriptOwned) {
    issue(run, edit, c, ch.key, `「${spec.label}」由系统填写，手工修改已保留并记录`);
  }
}

/** Judges a typed state change; legal → completed fields and the action's effects; illegal → flagged and logged. */
function judgeState(run: Run, edit: TypedEdit, c: Case, from: CaseState, to: CaseState): Case {
  const j = judgeTypedStatusChange(c, from, to, run.actor, run.now, run.rules);
  if (j.legal) {
    const remark = run.actor ? TYPED_REMARK : `${TYPED_REMARK}；修改人未在人员表登记，仅核对了流程和必填项`;
    run.decided.push({ caseNo: caseLabel(c), effects: j.effects, remark });
    return { ...j.completed, state: to };
  }
  issue(run, edit, c, 'state', `未经流程的状态修改：${j.reason}`);
  run.audit.push(entry(run, c, { action: '未经流程的状态修改', fromState: from, toState: to, note: j.reason }));
  return { ...c, state: to };
}

/** 办理期限 (computed unless typed), 集体访 and 重复信访, recomputed where the edited columns touch them. */
function derive(run: Run, edit: TypedEdit, c: Case, typed: Partial<Case>, changed: Set<CaseKey>): Partial<Case> {
  const out: Partial<Case> = {};
  const dueUnreadable = isFilled(edit.row.dueDate) && !isFilled(typed.dueDate);
  if (changed.has('dueDate') && isFilled(typed.dueDate))
    Object.assign(out, { dueSource: '手填', dueProvisional: false });
  const dueTouched = changed.has('petitionDate') || changed.has('matterType') || changed.has('dueDate');
  const recompute = !isFilled(c.dueDate) || (dueTouched && c.dueSource !== '手填' && !changed.has('dueDate'));
  if (recompute && !dueUnreadable) Object.assign(out, computedDue(c, run.rules) ?? {});
  if (changed.has('personCount') || c.groupVisit === undefined) out.groupVisit = isGroupVisit(c, run.rules);
  if (changed.has('idNumber') || changed.has('phone') || changed.has('petitionDate')) {
    out.repeatOf = repeatOf(c, allCases(run), run.rules);
  }
  return out;
}

function issue(run: Run, edit: TypedEdit, c: Case, key: CaseKey, message: string): void {
  run.result.issues.push({ ref: edit.ref, caseNo: c.caseNo, key, message });
}

function entry(run: Run, c: Case, e: Pick<AuditEntry, 'action' | 'note'> & Partial<AuditEntry>): AuditEntry {
  return { at: run.now, actorEmail: run.author.email, actorName: run.author.name, caseNo: caseLabel(c), ...e };
}
