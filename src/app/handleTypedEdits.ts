// Edits typed or pasted straight into the 台账. Facts (dates, names, demands…) are judged, completed, flagged and
// logged, never reverted (decision 9). The controls (编号, 状态, the sign-offs) change only through the workflow: a
// typed change the rule table does not allow for that person is put back to the row's own record, with a note and
// a log line. A row is the case its hidden anchor names, whatever a sort, a clear or a paste did to its 编号.
import { formatCaseNumber, nextCaseNumber, parseCaseNumber } from '../core/caseNumber';
import {
  CONTROL_KEYS,
  controlsOf,
  controlText,
  decodeRecord,
  factsOf,
  isControl,
  judgeTypedControls,
  noRoleReason,
  sameControl,
  sealed,
  type PutBack,
} from '../core/controls';
import { toShanghaiDate, yearOf } from '../core/dates';
import { intakeFlags, intakeFlagText } from '../core/intake';
import {
  caseLabel,
  fieldSpec,
  isFilled,
  isWalkIn,
  NO_SIGNOFFS,
  type Case,
  type CaseKey,
  type CaseState,
  type Person,
} from '../core/model';
import type { Rules } from '../core/roles';
import { coerceRow, logValue, type RawRow } from './coerce';
import { computedDue, derivedCells, isGroupVisit, repeatOf } from './derived';
import { auditEntries, diffFields, recordWrites, resolveNotices, type DecidedEffects } from './effects';
import type { AuditEntry, CasePatch, Ports } from './ports';

/** One edited row: its handle, what it reads now (raw cells by key, hidden ones included), and the columns edited. */
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
  /** 编号 given to (or kept by) rows registered or 补录 from this edit. */
  assigned: { ref: string; caseNo: string }[];
  warnings: string[];
}

/** Shared state of one run. */
interface Run {
  ports: Ports;
  rules: Rules;
  now: Date;
  /** Who typed: a person of 人员, or (unknown, or hidden by Apps Script) someone holding no role. */
  author: Person;
  all?: Case[];
  /** 人员, read when a saved case's 待办方 is first needed. */
  people?: Person[];
  /** Numbers taken by rows registered in this run. */
  claimed: Set<string>;
  /** The 编号 counter by year as this run moves it; stored once, under the lock, when the run ends. */
  highWater: Map<number, { seq: number; moved: boolean }>;
  result: TypedEditsResult;
  patches: CasePatch[];
  audit: AuditEntry[];
  decided: DecidedEffects[];
}

const TYPED_REMARK = '在台账中直接修改';
/** How notes name an editor Apps Script does not name (outside the owner's domain, or a consumer account). */
export const HIDDEN_EDITOR_NAME = '身份未知的修改人（Google 未提供其账号）';
const HIDDEN_KEYS: readonly CaseKey[] = ['anchorNo', 'controlRecord'];

/** Handles a batch of typed edits under the lock: one load, one save, one audit append, then notices. */
export function handleTypedEdits(
  req: { edits: readonly TypedEdit[]; actorEmail?: string },
  ports: Ports,
): TypedEditsResult {
  const now = ports.clock.now();
  const email = (req.actorEmail ?? '').trim();
  const known = email ? ports.directory.findByEmail(email) : null;
  const author: Person = known ?? { email, name: email || HIDDEN_EDITOR_NAME, roles: [], departments: [] };
  const run: Run = {
    ports,
    rules: ports.settings.rules(),
    now,
    author,
    claimed: new Set(),
    highWater: new Map(),
    result: { issues: [], assigned: [], warnings: [] },
    patches: [],
    audit: [],
    decided: [],
  };
  ports.lock.withLock(() => {
    for (const edit of req.edits) handleOne(run, edit);
    for (const [year, h] of run.highWater) if (h.moved) ports.counter.setHighWater(year, h.seq);
    if (run.patches.length || run.audit.length || run.decided.length) ports.audit.prepare?.();
    if (run.patches.length) ports.repo.saveCases(run.patches);
    const entries = [...run.audit, ...auditEntries(run.decided, author, now, run.rules)];
    if (entries.length) ports.audit.append(entries);
    const writes = recordWrites(run.decided);
    if (writes.append.length) ports.records.append(writes.append);
    if (writes.update.length) ports.records.update(writes.update);
  });
  const sent = resolveNotices(run.decided, { people: ports.directory.listPeople(), rules: run.rules, now });
  if (sent.notices.length) ports.notifier.send(sent.notices);
  run.result.warnings.push(...sent.warnings);
  return run.result;
}

const text = (v: unknown): string => (isFilled(v) ? String(v).trim() : '');

function handleOne(run: Run, edit: TypedEdit): void {
  const id = identify(run, edit);
  if (id) handleExisting(run, edit, id);
  else handleNew(run, edit);
}

/** The case a row is: its anchor and the record beside it, as they were before the edit if it reached them. */
function identify(run: Run, edit: TypedEdit): { anchor: string; record: string } | null {
  const anchor = text(edit.row.anchorNo);
  const record = text(edit.row.controlRecord);
  const a = edit.changes.find((ch) => ch.key === 'anchorNo');
  const r = edit.changes.find((ch) => ch.key === 'controlRecord');
  if (!a && !r) return anchor ? { anchor, record } : null;
  // A person reached the hidden columns. One cell typed: the sheet says what it held, and that stands.
  if (a && a.oldValue !== undefined) return text(a.oldValue) ? { anchor: text(a.oldValue), record } : null;
  if (r && r.oldValue !== undefined) return anchor ? { anchor, record: text(r.oldValue) } : null;
  // A paste as wide as the ledger: an anchor copied from another row (that row still holds it) is no anchor.
  if (!anchor) return null;
  const holders = allCases(run).filter((c) => text(c.anchorNo) === anchor).length;
  return holders > 1 ? null : { anchor, record };
}

function allCases(run: Run): Case[] {
  if (!run.all) run.all = run.ports.repo.loadAll();
  return run.all;
}

/**
 * What to write: the fields the app changed, never a fact the person typed something unreadable into (it
 * stays, flagged); a control is always written back when it differs.
 */
function patchFields(edit: TypedEdit, typed: Partial<Case>, c: Case): Partial<Case> {
  const fields = diffFields(typed, c) as Record<string, unknown>;
  for (const k of Object.keys(fields) as CaseKey[]) {
    const unreadable = isFilled(edit.row[k]) && !(k in typed);
    if (unreadable && !isControl(k) && !HIDDEN_KEYS.includes(k)) delete fields[k];
  }
  return fields as Partial<Case>;
}

function handleExisting(run: Run, edit: TypedEdit, id: { anchor: string; record: string }): void {
  const { c: typed, issues } = coerceRow(edit.row, run.now);
  const edited = new Set(edit.changes.map((ch) => ch.key));
  if (typed.caseNo && typed.caseNo !== id.anchor && !edited.has('caseNo')) {
    // The 编号 was not touched, yet it names another case: the row's hidden columns are out of step with its
    // visible ones (a sort or paste of only some columns). Putting anything back would write one case onto another.
    issue(run, edit, id.anchor, 'caseNo', misalignedMessage(typed.caseNo, id.anchor));
    return;
  }
  let recorded = decodeRecord(id.record);
  if (!recorded || recorded.caseNo !== id.anchor) {
    recorded = { ...controlsOf(typed), caseNo: id.anchor, state: typed.state ?? '待签收' };
    const note = '本行的系统流程记录缺失或已被改动，已按本行现有内容重建';
    issue(run, edit, id.anchor, 'caseNo', note);
    run.audit.push(entry(run, id.anchor, { action: '重建流程记录', note }));
  }
  for (const i of issues) if (!isControl(i.key)) issue(run, edit, id.anchor, i.key, i.message);
  // A typed 状态 change is decided as its action would be: with the case's records and the departments of 部室.
  const stateTyped = !!typed.state && typed.state !== recorded.state;
  const j = judgeTypedControls({
    recorded: recorded as Case,
    typed,
    actor: run.author,
    now: run.now,
    rules: run.rules,
    ...(stateTyped
      ? { context: { records: run.ports.records.load([id.anchor]), departments: run.ports.directory.departments() } }
      : {}),
  });
  let c: Case = j.next;
  const putBack = new Set(j.putBacks.map((p) => p.key));
  for (const p of j.putBacks) restore(run, edit, id.anchor, p);
  for (const ch of edit.changes) {
    if (ch.key === 'state' || HIDDEN_KEYS.includes(ch.key)) continue;
    const accepted = !isControl(ch.key) || (!putBack.has(ch.key) && !sameControl(typed[ch.key], recorded[ch.key]));
    if (accepted) logTypedChange(run, edit, id.anchor, ch);
  }
  c = sealed({ ...c, ...derive(run, edit, c, typed, edited) });
  if (j.transition) run.decided.push({ caseNo: id.anchor, effects: j.transition.effects, remark: TYPED_REMARK, c });
  const fields = patchFields(edit, typed, c);
  // Where the case stands moves with a typed transition and with the facts its deadlines read (信访日期, 办理期限…).
  if (Object.keys(fields).length || j.transition)
    run.patches.push({ caseNo: id.anchor, ref: edit.ref, fields, derived: shown(run, c) });
}

function misalignedMessage(visible: string, anchor: string): string {
  return `本行「编号」${visible} 与本行的系统编号 ${anchor} 不一致（多半是只选中部分列排序或粘贴），本次修改未作处理。请信访办运行「信访台账 › 初始化/修复」把系统记录对回各行，再修改。`;
}

/** A typed control the rule table does not allow: the cell goes back to the record, noted and logged. */
function restore(run: Run, edit: TypedEdit, caseNo: string, p: PutBack): void {
  const label = fieldSpec(p.key).label;
  const typed = controlText(p.typed);
  const restored = controlText(p.restored);
  issue(
    run,
    edit,
    caseNo,
    p.key,
    `未经流程的修改已恢复：「${label}」填入的「${typed}」已恢复为「${restored}」。${p.reason}`,
  );
  run.audit.push(
    entry(run, caseNo, {
      action: '恢复原值',
      note: `将「${label}」改为「${typed}」，未经流程，已恢复为「${restored}」：${p.reason}`,
    }),
  );
}

/** Logs a typed column (old → new) and flags columns the app fills. */
function logTypedChange(run: Run, edit: TypedEdit, caseNo: string, ch: TypedEdit['changes'][number]): void {
  const spec = fieldSpec(ch.key);
  if (!spec) return;
  if (spec.tracked) {
    const oldValue = logValue(ch.key, ch.oldValue);
    const newValue = logValue(ch.key, edit.row[ch.key]);
    run.audit.push(entry(run, caseNo, { action: '修改', field: spec.label, oldValue, newValue, note: TYPED_REMARK }));
  }
  if (spec.scriptOwned && !isControl(ch.key)) {
    issue(run, edit, caseNo, ch.key, `「${spec.label}」由系统填写，手工修改已保留并记录`);
  }
}

/** True when a row holds anything besides 编号, 状态 and the hidden columns: a case's facts are being typed. */
function hasFacts(row: RawRow): boolean {
  return Object.entries(row).some(
    ([k, v]) => k !== 'caseNo' && k !== 'state' && !HIDDEN_KEYS.includes(k as CaseKey) && isFilled(v),
  );
}

/**
 * A row without an anchor. By the 信访办: registered (登记) with the next 编号, or, with a 状态 typed, recorded
 * as 补录 in that state keeping its own well-formed, unused 编号 (a duplicate is flagged, not accepted). By
 * anyone else: not registered, and whatever they typed into the controls is put back.
 */
function handleNew(run: Run, edit: TypedEdit): void {
  const { c: typed, issues } = coerceRow(edit.row, run.now);
  const strayHidden = HIDDEN_KEYS.some((k) => isFilled(edit.row[k]));
  const clearHidden = (): void => {
    if (strayHidden)
      run.patches.push({ caseNo: '', ref: edit.ref, fields: { anchorNo: undefined, controlRecord: undefined } });
  };
  if (!hasFacts(edit.row)) return clearHidden();
  if (!run.author.roles.includes('信访办')) {
    refuseRegistration(run, edit, strayHidden);
    return;
  }
  for (const i of issues) issue(run, edit, typed.caseNo, i.key, i.message);
  if (issues.some((i) => i.key === 'state')) {
    issue(
      run,
      edit,
      typed.caseNo,
      'state',
      '本行未登记：补录原有台账时请从下拉列表选择「状态」，新登记的信访件请清空「状态」',
    );
    return clearHidden();
  }
  const caseNo = claimNumber(run, edit, typed);
  if (!caseNo) return clearHidden();
  if (typed.state) backfill(run, edit, typed, caseNo, typed.state);
  else register(run, edit, typed, caseNo);
}

function refuseRegistration(run: Run, edit: TypedEdit, strayHidden: boolean): void {
  const { author } = run;
  const reason = author.roles.length
    ? `登记信访件须由「信访办」办理，${author.name}的角色为${author.roles.join('、')}`
    : noRoleReason(author);
  issue(run, edit, undefined, 'caseNo', `本行尚未登记：${reason}。信访办在本行填写或修改任一格即可登记。`);
  const fields: Partial<Case> = {};
  for (const key of CONTROL_KEYS) {
    if (!isFilled(edit.row[key])) continue;
    Object.assign(fields, { [key]: undefined });
    restore(run, edit, '', { key, typed: edit.row[key], restored: undefined, reason });
  }
  if (strayHidden) Object.assign(fields, { anchorNo: undefined, controlRecord: undefined });
  if (Object.keys(fields).length) run.patches.push({ caseNo: '', ref: edit.ref, fields });
}

const numberKey = (no: string, run: Run): string => {
  const p = parseCaseNumber(no, run.rules.settings.caseNumber);
  return p ? `${p.year}-${p.seq}` : no.trim();
};

/** The 编号 a new row gets: its own (well formed and unused; the counter moves past it), else the next one. */
function claimNumber(run: Run, edit: TypedEdit, typed: Partial<Case>): string | null {
  const config = run.rules.settings.caseNumber;
  const all = allCases(run);
  const own = typed.caseNo;
  if (own) {
    const parts = parseCaseNumber(own, config);
    if (!parts) {
      const example = formatCaseNumber(yearOf(toShanghaiDate(run.now)), 1, config);
      issue(
        run,
        edit,
        own,
        'caseNo',
        `「${own}」不是本单位的编号格式（如 ${example}）；本行未登记。请改正编号，或清空编号由系统分配。`,
      );
      return null;
    }
    const key = numberKey(own, run);
    const taken =
      run.claimed.has(key) || all.some((c) => isFilled(c.anchorNo) && numberKey(String(c.anchorNo), run) === key);
    if (taken) {
      issue(
        run,
        edit,
        own,
        'caseNo',
        `编号 ${own} 已被本台账中另一件信访件使用，本行未登记。请核对后改正编号，或清空编号由系统分配。`,
      );
      return null;
    }
    moveCounter(run, parts.year, parts.seq);
    run.claimed.add(key);
    return own;
  }
  const year = yearOf(toShanghaiDate(run.now));
  const existing = [...all.flatMap((c) => [text(c.anchorNo), text(c.caseNo)]), ...claimedNumbers(run)];
  const next = nextCaseNumber({ year, highWater: highWater(run, year).seq, existing, config });
  moveCounter(run, year, next.highWater);
  run.claimed.add(numberKey(next.caseNo, run));
  return next.caseNo;
}

/** A year's counter, read once a run (a Script Properties read costs as much as a Sheets call). */
function highWater(run: Run, year: number): { seq: number; moved: boolean } {
  let h = run.highWater.get(year);
  if (!h) run.highWater.set(year, (h = { seq: run.ports.counter.highWater(year), moved: false }));
  return h;
}

/** Moves a year's counter up to `seq` (never down): a number once given or kept is never given again. */
function moveCounter(run: Run, year: number, seq: number): void {
  const h = highWater(run, year);
  if (seq > h.seq) Object.assign(h, { seq, moved: true });
}

/** Numbers claimed in this run, written back as text for nextCaseNumber. */
function claimedNumbers(run: Run): string[] {
  const config = run.rules.settings.caseNumber;
  return [...run.claimed].flatMap((k) => {
    const m = /^(\d{4})-(\d+)$/.exec(k);
    return m ? [formatCaseNumber(Number(m[1]), Number(m[2]), config)] : [];
  });
}

/** 补录: a row of an existing ledger, recorded in the state it is in, with what it holds (its first log line). */
function backfill(run: Run, edit: TypedEdit, typed: Partial<Case>, caseNo: string, state: CaseState): void {
  const c: Case = {
    ...typed,
    caseNo,
    state,
    registeredAt: typed.registeredAt ?? run.now,
    registeredBy: typed.registeredBy ?? run.author.name,
  };
  const note = typed.caseNo ? '补录原有台账，保留原编号' : '补录原有台账，分配新编号';
  run.audit.push(entry(run, caseNo, { action: '补录', toState: state, note }));
  finishNew(run, edit, typed, c);
}

/** 登记 of a row typed by hand: walk-ins with their department start in 办理中, others wait for 签收. */
function register(run: Run, edit: TypedEdit, typed: Partial<Case>, caseNo: string): void {
  const initial: CaseState = isWalkIn(typed as Case) ? (typed.department ? '办理中' : '待交办') : '待签收';
  const c: Case = {
    ...factsOf(typed),
    caseNo,
    state: initial,
    registeredAt: run.now,
    registeredBy: run.author.name,
    signoffs: NO_SIGNOFFS,
    ...(initial === '办理中' ? { assignedAt: run.now } : {}),
  };
  for (const key of CONTROL_KEYS) {
    if (key === 'caseNo' || !isFilled(typed[key]) || sameControl(typed[key], c[key])) continue;
    restore(run, edit, caseNo, {
      key,
      typed: typed[key],
      restored: c[key],
      reason: `「${fieldSpec(key).label}」由流程填写，不能直接填写`,
    });
  }
  run.audit.push(entry(run, caseNo, { action: '登记', toState: initial, note: '在台账中手工录入' }));
  const done = finishNew(run, edit, typed, c);
  if (initial === '办理中') {
    run.decided.push({
      caseNo,
      effects: [
        { kind: 'notify', to: { role: '部室联络员', department: c.department }, notice: '现场来访，请派员接待' },
      ],
      c: done,
    });
  }
}

/** Saves a new row's case with what it derives; returns the case as saved. */
function finishNew(run: Run, edit: TypedEdit, typed: Partial<Case>, c: Case): Case {
  const all = new Set(Object.keys(typed) as CaseKey[]);
  const done = sealed({ ...c, ...derive(run, edit, c, typed, all) });
  allCases(run).push(done);
  run.result.assigned.push({ ref: edit.ref, caseNo: done.caseNo as string });
  run.patches.push({
    caseNo: done.caseNo as string,
    ref: edit.ref,
    fields: patchFields(edit, typed, done),
    derived: shown(run, done),
  });
  return done;
}

/** Where the case stands after the edit (当前环节, 环节期限…), written with it. */
function shown(run: Run, c: Case): CasePatch['derived'] {
  run.people ??= run.ports.directory.listPeople();
  return derivedCells(c, run.rules, run.now, run.people);
}

/** The facts 登记提示 judges (接收必登): typing any of them puts the flags right. */
const INTAKE_KEYS: readonly CaseKey[] = [
  'idNumber',
  'phone',
  'petitionerName',
  'source',
  'upstreamNo',
  'dueDate',
  'petitionDate',
];

/** 办理期限 (computed unless typed), 集体访, 重复信访 and 登记提示, recomputed where the edited columns touch them. */
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
  if (INTAKE_KEYS.some((k) => changed.has(k))) {
    const flags = intakeFlagText(intakeFlags({ ...c, ...out }, run.now));
    if (flags !== (c.intakeFlags ?? '')) out.intakeFlags = flags || undefined;
  }
  return out;
}

function issue(run: Run, edit: TypedEdit, caseNo: string | undefined, key: CaseKey, message: string): void {
  run.result.issues.push({ ref: edit.ref, ...(caseNo ? { caseNo } : {}), key, message });
}

function entry(run: Run, caseNo: string, e: Pick<AuditEntry, 'action' | 'note'> & Partial<AuditEntry>): AuditEntry {
  return {
    at: run.now,
    actorEmail: run.author.email,
    actorName: run.author.name,
    caseNo: caseNo || caseLabel({}),
    ...e,
  };
}
