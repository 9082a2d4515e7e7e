// A case's controls (编号, 状态, the sign-offs): the record of them kept on the row, and how a typed change to them
// is judged — allowed by the rule table for that person, or put back to the record (decision 9).
import { formatDateTime } from './dates';
import {
  CASE_FIELDS,
  fieldSpec,
  isCaseState,
  isFilled,
  type Case,
  type CaseKey,
  type FieldSpec,
  type Person,
  type SignoffTally,
} from './model';
import { ACTION_RULES, roleProblem, stateProblem, type ActionType, type DecideContext, type Rules } from './roles';
import { judgeTypedStatusChange, type Effect } from './workflow';

/** The columns that change only through the workflow, in ledger order. */
export const CONTROL_KEYS: readonly CaseKey[] = (CASE_FIELDS as readonly FieldSpec[])
  .filter((f) => f.control)
  .map((f) => f.key as CaseKey);
const IS_CONTROL = new Set<string>(CONTROL_KEYS);

/** True for a column that changes only through the workflow. */
export function isControl(key: string): key is CaseKey {
  return IS_CONTROL.has(key);
}

/** The opinions the annexes print with a sign-off, and the action each is given with. */
export const OPINION_ACTIONS: Readonly<Partial<Record<CaseKey, ActionType>>> = {
  assignSignOpinion: 'approveAssign',
  receptionOpinion: 'receptionOpinion',
  itemReviewOpinion: 'itemReview',
  petitionReviewOpinion: 'petitionReview',
  closeSignOpinion: 'approveClose',
  verifyInstruction: 'verifyInstruct',
  verifyHeadOpinion: 'verifyHeadOpinion',
};

/**
 * The record of a case's controls, one compact JSON cell: filled controls only, instants as ISO text, and the tally
 * of its sign-offs where it has one.
 */
export function encodeRecord(c: Partial<Case>): string {
  const out: Record<string, unknown> = {};
  for (const k of CONTROL_KEYS) {
    const v = c[k];
    if (isFilled(v)) out[k] = v instanceof Date ? v.toISOString() : v;
  }
  if (c.signoffs) out.signoffs = c.signoffs;
  return JSON.stringify(out);
}

const isCount = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v) && v >= 0;

/** A recorded sign-off tally, or undefined when the record holds none this app wrote. */
function decodeTally(v: unknown): SignoffTally | undefined {
  if (!v || typeof v !== 'object' || Array.isArray(v)) return undefined;
  const { rounds, seq } = v as { rounds?: unknown; seq?: unknown };
  if (!isCount(seq) || !rounds || typeof rounds !== 'object' || Array.isArray(rounds)) return undefined;
  if (!Object.values(rounds).every(isCount)) return undefined;
  return { rounds: { ...(rounds as Record<string, number>) }, seq };
}

/** Reads a record back; null when the cell holds anything but a record this app wrote. */
export function decodeRecord(text: unknown): Partial<Case> | null {
  if (typeof text !== 'string' || !text.trim()) return null;
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return null;
  }
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) return null;
  const out: Record<string, unknown> = {};
  for (const k of CONTROL_KEYS) {
    const v = (raw as Record<string, unknown>)[k];
    if (v === undefined || v === null) continue;
    const kind = fieldSpec(k).kind;
    if (kind === 'datetime') {
      const d = typeof v === 'string' ? new Date(v) : new Date(NaN);
      if (isNaN(d.getTime())) return null;
      out[k] = d;
    } else if (kind === 'int' ? typeof v !== 'number' : typeof v !== 'string') return null;
    else out[k] = v;
  }
  if (!isCaseState(out.state) || typeof out.caseNo !== 'string') return null;
  const tally = decodeTally((raw as Record<string, unknown>).signoffs);
  if (tally) out.signoffs = tally;
  return out as Partial<Case>;
}

/** The case with its anchor and record set from its controls: what every save of a case writes. */
export function sealed(c: Case): Case {
  return { ...c, anchorNo: c.caseNo, controlRecord: encodeRecord(c) };
}

/**
 * The case with its controls as its record says (the row's cells may hold a typed change not yet put back);
 * unchanged when the row has no record of its own.
 */
export function trustedCase(c: Case): Case {
  const rec = decodeRecord(c.controlRecord);
  if (!rec || (c.anchorNo && rec.caseNo !== c.anchorNo)) return c;
  return withControls(c, rec);
}

/** A case's facts only: every control left out. */
export function factsOf(c: Partial<Case>): Partial<Case> {
  return withControls(c, {});
}

/** A case's controls only. */
export function controlsOf(c: Partial<Case>): Partial<Case> {
  return withControls({}, c);
}

/** `facts` with every control (and the sign-off tally) replaced by `controls`' (absent there → absent). */
function withControls(facts: Partial<Case>, controls: Partial<Case>): Case {
  const out: Record<string, unknown> = { ...facts };
  for (const k of [...CONTROL_KEYS, 'signoffs'] as const) {
    if (controls[k] === undefined) delete out[k];
    else out[k] = controls[k];
  }
  return out as Case;
}

/** True when a typed value and a recorded one are the same control value (instants to the second). */
export function sameControl(a: unknown, b: unknown): boolean {
  if (!isFilled(a) || !isFilled(b)) return !isFilled(a) && !isFilled(b);
  if (a instanceof Date || b instanceof Date) {
    return a instanceof Date && b instanceof Date && Math.abs(a.getTime() - b.getTime()) < 1000;
  }
  return String(a).trim() === String(b).trim();
}

/** A control value as a person reads it in a note or the log. */
export function controlText(v: unknown): string {
  if (!isFilled(v)) return '（空）';
  return v instanceof Date ? formatDateTime(v) : String(v);
}

/** One typed control change that was not allowed: what was typed, what the cell goes back to, and why. */
export interface PutBack {
  key: CaseKey;
  typed: unknown;
  restored: unknown;
  reason: string;
}

/** The case as the typed row leaves it: facts as typed, controls as the rule table allows. */
export interface ControlJudgement {
  next: Case;
  putBacks: PutBack[];
  /** A legal typed 状态 change: the action it was, and its effects (the log line first). */
  transition: { action: ActionType; effects: Effect[] } | null;
}

/** Why a role-less person may change no control. */
export function noRoleReason(actor: Person): string {
  return `${actor.name}没有「人员」表中的角色，不能修改流程信息`;
}

function opinionProblem(key: CaseKey, c: Case, actor: Person, rules: Rules): string | null {
  const type = OPINION_ACTIONS[key];
  if (!type) return null;
  const rule = ACTION_RULES[type];
  const why = stateProblem(rule, c) ?? roleProblem(rule, c, actor, rules.settings);
  return why && `「${fieldSpec(key).label}」随「${rule.caption}」填写：${why}`;
}

/**
 * Judges the controls of a typed row against the row's record: a 状态 change is legal when the rule table has
 * an action for this person from the recorded state to the typed one (it is then completed as that action
 * would: sign-offs and times filled); an opinion stays when the person may give it now; everything else that
 * differs from the record (编号, signers, times, a cleared 状态) is put back. Facts are never touched.
 */
export function judgeTypedControls(args: {
  recorded: Case;
  typed: Partial<Case>;
  actor: Person;
  now: Date;
  rules: Rules;
  /** What a typed 状态 change is decided with (the case's records, the departments); see DecideContext. */
  context?: DecideContext;
}): ControlJudgement {
  const { recorded, typed, actor, now, rules } = args;
  const changed = CONTROL_KEYS.filter((k) => !sameControl(typed[k], recorded[k]));
  let c = withControls(typed, recorded);
  const reasons = new Map<CaseKey, string>();
  const roleless = actor.roles.length === 0;
  for (const k of changed) {
    if (!OPINION_ACTIONS[k]) continue;
    const why = roleless ? noRoleReason(actor) : opinionProblem(k, c, actor, rules);
    if (why) reasons.set(k, why);
    else c = { ...c, [k]: typed[k] };
  }
  let transition: ControlJudgement['transition'] = null;
  if (changed.includes('state')) {
    if (roleless) reasons.set('state', noRoleReason(actor));
    else if (!typed.state) reasons.set('state', '「状态」不能清空，只能通过流程改变');
    else {
      const j = judgeTypedStatusChange(c, recorded.state, typed.state, actor, now, rules, args.context);
      if (!j.legal) reasons.set('state', j.reason);
      else if (j.action) {
        c = j.completed;
        transition = { action: j.action, effects: j.effects };
      }
    }
  }
  const putBacks = changed
    .filter((k) => !sameControl(typed[k], c[k]))
    .map((k) => ({ key: k, typed: typed[k], restored: c[k], reason: reasons.get(k) ?? fixedReason(k, actor) }));
  return { next: c, putBacks, transition };
}

function fixedReason(key: CaseKey, actor: Person): string {
  if (actor.roles.length === 0) return noRoleReason(actor);
  if (key === 'caseNo') return '编号一经分配不能修改或清空';
  return `「${fieldSpec(key).label}」由流程填写，不能直接修改`;
}
