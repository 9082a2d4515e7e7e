// The pure workflow: decide(case, action, actor, now, rules) → next case and effects as data, and judging typed state changes.
import { endOfShanghaiDay, toShanghaiDate } from './dates';
import { extendDueAt, type DeadlineNode } from './deadlines';
import {
  caseLabel,
  fieldSpec,
  type AnnexNo,
  type Case,
  type CaseKey,
  type CaseState,
  type Person,
  type Role,
} from './model';
import { inputProblem, REQUIRED_INPUT, stateRequirementProblem } from './required';
import {
  ACTION_RULES,
  ACTION_TYPES,
  allowedRoles,
  roleProblem,
  stateProblem,
  targetState,
  type Action,
  type ActionRule,
  type ActionType,
  type Rules,
} from './roles';

/** Who a notification goes to: everyone holding `role`, limited to `department` when given. */
export interface Recipient {
  role: Role;
  department?: string;
}

/** What the app must do after saving, as data. */
export type Effect =
  | { kind: 'log'; action: string; fromState?: CaseState; toState: CaseState; note: string }
  | { kind: 'notify'; to: Recipient; notice: string }
  | { kind: 'form'; annex: AnnexNo }
  | { kind: 'deadline'; node: DeadlineNode; startAt: Date; dueAt?: Date };

/** A decision: the next case and its effects, or a refusal with a Chinese reason. */
export type Decision = { ok: true; next: Case; effects: Effect[] } | { ok: false; reason: string };

interface Ctx {
  c: Case;
  action: Action;
  actor: Person;
  now: Date;
  rules: Rules;
  to: CaseState;
}
interface Step {
  patch?: Partial<Case>;
  effects?: Effect[];
  note?: string;
  problem?: string;
}

const notify = (role: Role, notice: string, department?: string): Effect => ({
  kind: 'notify',
  to: department ? { role, department } : { role },
  notice,
});
const toDept = (c: Case, notice: string): Effect => notify('部室联络员', notice, c.department);
const toLine = (c: Case, notice: string): Effect => notify('事项分管领导', notice, c.department);
const toOffice = (notice: string): Effect => notify('信访办', notice);
const opinion = (text?: string): string => (text ? `意见：${text}` : '');
const yesNo = (b?: boolean): string => (b ? '是' : '否');

function toSigners(type: ActionType, x: Ctx, notice: string): Effect {
  return notify(allowedRoles(ACTION_RULES[type], x.c, x.rules.settings).roles[0], notice);
}

/** Field updates, effects and the log note of each action (the rule table says who and when). */
const STEPS: { [A in ActionType]: (x: Ctx) => Step } = {
  sign: (x) => ({
    patch: { signedBy: x.actor.name, signedAt: x.now },
    effects: [{ kind: 'form', annex: 3 }, toSigners('approveAssign', x, '待交办签批')],
  }),
  approveAssign: (x) => ({
    patch: { assignSignedBy: x.actor.name, assignSignedAt: x.now },
    effects: [toOffice('已签批，待交办')],
    note: opinion(x.c.assignSignOpinion),
  }),
  assign: (x) => ({
    patch: { assignedAt: x.now },
    effects: [toDept(x.c, '已交办，请当天接处'), { kind: 'deadline', node: '退单', startAt: x.now }],
    note: `承办部室：${x.c.department}`,
  }),
  returnCase: (x) => ({
    patch: { returnedBy: x.actor.name, returnedAt: x.now },
    effects: [toOffice('部室退单，请转送或重新交办')],
    note: `退单原因：${x.c.returnReason}`,
  }),
  forward: (x) => ({ patch: { forwardedAt: x.now }, note: `转送：${x.c.forwardedTo}` }),
  submit: (x) => ({
    patch: { handler: x.c.handler || x.actor.name, handlerSignedAt: x.now },
    effects: [toLine(x.c, '处理意见待审核')],
  }),
  itemReview: (x) => ({
    patch: { itemReviewBy: x.actor.name, itemReviewAt: x.now },
    effects: [
      x.to === '信访审核中' ? notify('信访工作分管领导', '处理意见待审核') : toSigners('approveClose', x, '待办结签批'),
    ],
    note: opinion(x.c.itemReviewOpinion),
  }),
  petitionReview: (x) => ({
    patch: { petitionReviewBy: x.actor.name, petitionReviewAt: x.now },
    effects: [toSigners('approveClose', x, '待办结签批')],
    note: opinion(x.c.petitionReviewOpinion),
  }),
  approveClose: (x) => ({
    patch: { closeSignedBy: x.actor.name, closeSignedAt: x.now, closedDate: toShanghaiDate(x.now) },
    effects: [toOffice('已办结，待系统回复和回访'), { kind: 'deadline', node: '回访', startAt: x.now }],
    note: opinion(x.c.closeSignOpinion),
  }),
  reply: (x) => ({ patch: { repliedAt: x.now } }),
  callback: (x) => ({
    patch: { callbackDate: toShanghaiDate(x.now), callbackBy: x.actor.name },
    effects: x.to === '核实中' ? [{ kind: 'form', annex: 5 }] : [],
    note: `信访人意见：${x.c.satisfaction}（${x.c.callbackMethod}）`,
  }),
  assignVerify: (x) => ({ patch: { verifyAssignedAt: x.now }, effects: [toDept(x.c, '不满意件核实交办')] }),
  submitVerify: (x) => ({
    patch: { verifySubmittedAt: x.now },
    effects: [{ kind: 'form', annex: 6 }, toLine(x.c, '核实情况说明待签发')],
  }),
  issueVerify: (x) => ({
    patch: { verifyIssuer: x.actor.name, verifyIssuedAt: x.now },
    effects: [toOffice('核实情况说明已签发，待回复')],
  }),
  replyVerify: (x) => ({ patch: { verifyRepliedAt: x.now } }),
  redo: (x) => ({
    patch: { redoAt: x.now },
    effects: [toDept(x.c, '退回重办')],
    note: `退回重办原因：${x.c.redoReason}`,
  }),
  requestExtension: (x) => ({
    patch: {
      extRequestedBy: x.actor.name,
      extRequestedAt: x.now,
      extDecision: undefined,
      extDecidedBy: undefined,
      extDecidedAt: undefined,
    },
    effects: x.rules.settings.extensionApprovers.map((r) => notify(r, '延期申请待审批')),
    note: `申请延期${x.c.extRequestDays}日：${x.c.extReason}`,
  }),
  approveExtension: approveExtensionStep,
  rejectExtension: (x) => ({
    patch: { extDecision: '不批准', extDecidedBy: x.actor.name, extDecidedAt: x.now },
    effects: [toDept(x.c, '延期申请未获批准')],
    note: `不批准延期${x.c.extRequestDays}日`,
  }),
  liaisonLetter: (x) => ({ effects: [{ kind: 'form', annex: 7 }], note: `联系函致：${x.c.liaisonUnit}` }),
  flagWeekly: (x) => ({ note: `是否进入周会商：${yesNo(x.c.weeklyConsult)}` }),
  flagSupervision: (x) => ({
    effects: x.c.supervised ? [toDept(x.c, '已列入督查督办')] : [],
    note: `是否进入督查督办：${yesNo(x.c.supervised)}`,
  }),
  archive: (x) => ({ patch: { archivedAt: x.now } }),
  correct: (x) => ({
    patch: { correctedBy: x.actor.name, correctedAt: x.now },
    note: `更正原因：${x.c.correctionReason}`,
  }),
};

function approveExtensionStep(x: Ctx): Step {
  const { c, rules } = x;
  const days = c.extRequestDays ?? 0;
  const used = c.extTotalDays ?? 0;
  const r = extendDueAt({
    dueAt: endOfShanghaiDay(c.dueDate as string),
    days,
    calendar: rules.calendar,
    maxDays: rules.settings.maxExtensionDays,
    alreadyExtendedDays: used,
  });
  if (!r.ok) return { problem: `${caseLabel(c)} ${r.reason}` };
  return {
    patch: {
      extDecision: '批准',
      extDecidedBy: x.actor.name,
      extDecidedAt: x.now,
      extTotalDays: used + days,
      dueDate: r.dueDate,
      dueProvisional: r.provisional,
    },
    effects: [
      toDept(c, `延期已批准，办理期限改为${r.dueDate}`),
      { kind: 'deadline', node: '办结', startAt: x.now, dueAt: r.dueAt },
    ],
    note: `批准延期${days}日，办理期限 ${c.dueDate} → ${r.dueDate}`,
  };
}

/** Why the action's input touches a column it may not (state, or one the app fills); null if fine. */
function fieldsProblem(c: Case, rule: ActionRule, fields?: Partial<Case>): string | null {
  for (const key of Object.keys(fields ?? {}) as CaseKey[]) {
    const spec = fieldSpec(key);
    if (!spec || key === 'state' || spec.scriptOwned) {
      return `${caseLabel(c)}「${rule.caption}」不能直接填写「${spec ? spec.label : key}」（由流程或系统填写）`;
    }
  }
  return null;
}

/**
 * Decides an action on a case: refusals are values with a Chinese reason naming the case and the
 * rule; on success the next case (state, sign-off names and times filled) and the effects to carry
 * out after saving: a log entry first, then notifications, forms to offer and deadlines started.
 */
export function decide(c: Case, action: Action, actor: Person, now: Date, rules: Rules): Decision {
  const rule = ACTION_RULES[action.type];
  const early =
    stateProblem(rule, c) ??
    fieldsProblem(c, rule, action.fields) ??
    roleProblem(rule, c, actor, rules.settings) ??
    inputProblem(c, action.type, rule.caption, action.fields);
  if (early) return { ok: false, reason: early };
  const merged: Case = { ...c, ...action.fields, state: c.state };
  const to = targetState(rule, merged, action);
  const guard = rule.guard?.({ c: merged, before: c, action, actor, now, rules, to });
  if (guard) return { ok: false, reason: guard };
  const step = STEPS[action.type]({ c: merged, action, actor, now, rules, to });
  const next: Case = { ...merged, ...step.patch, state: to };
  const late = step.problem ?? (to === c.state ? null : stateRequirementProblem(next, to));
  if (late) return { ok: false, reason: late };
  const log: Effect = { kind: 'log', action: rule.caption, fromState: c.state, toState: to, note: step.note ?? '' };
  return { ok: true, next, effects: [log, ...(step.effects ?? [])] };
}

/** How a state typed straight into the ledger is judged. */
export type TypedJudgement =
  { legal: true; action: ActionType | null; completed: Case; effects: Effect[] } | { legal: false; reason: string };

/**
 * Judges a state typed into the ledger by the same rule table: legal when some action leads from
 * `fromState` to `toState` for this actor, with what the row holds as the action's input; then
 * `completed` is the case as that action leaves it (sign-offs and times filled). A person without a
 * role in 人员 (unknown, or hidden by Apps Script) may take no action, so nothing they type is legal.
 * A step back is legal only as 更正, i.e. by 信访办 with 更正原因 filled in.
 */
export function judgeTypedStatusChange(
  c: Case,
  fromState: CaseState,
  toState: CaseState,
  actor: Person,
  now: Date,
  rules: Rules,
): TypedJudgement {
  const base: Case = { ...c, state: fromState };
  if (fromState === toState) return { legal: true, action: null, completed: base, effects: [] };
  const candidates = ACTION_TYPES.map((t) => ACTION_RULES[t])
    .filter((r) => r.from.includes(fromState) && r.to !== 'same' && r.to.includes(toState))
    .sort((a, b) => Number(a.type === 'correct') - Number(b.type === 'correct'));
  if (candidates.length === 0) return { legal: false, reason: noPathReason(base, toState) };
  let firstReason = '';
  for (const rule of candidates) {
    const fields: Partial<Case> = {};
    for (const k of REQUIRED_INPUT[rule.type] ?? []) Object.assign(fields, { [k]: c[k] });
    const d = decide(base, { type: rule.type, fields, toState }, actor, now, rules);
    if (d.ok && d.next.state === toState)
      return { legal: true, action: rule.type, completed: d.next, effects: d.effects };
    const reason = d.ok ? `${caseLabel(c)}「${rule.caption}」后应为「${d.next.state}」，不是「${toState}」` : d.reason;
    firstReason = firstReason || reason;
  }
  return { legal: false, reason: firstReason };
}

/** The states reachable from `state` by one forward action (更正 aside). */
export function nextStates(state: CaseState): CaseState[] {
  const out = new Set<CaseState>();
  for (const t of ACTION_TYPES) {
    const r = ACTION_RULES[t];
    if (t !== 'correct' && r.to !== 'same' && r.from.includes(state)) r.to.forEach((s) => out.add(s));
  }
  return Array.from(out);
}

function noPathReason(c: Case, toState: CaseState): string {
  const next = nextStates(c.state);
  const hint = next.length ? `（可改为：${next.map((s) => `「${s}」`).join('')}）` : '（该状态已结束）';
  return `${caseLabel(c)} 不能从「${c.state}」直接改为「${toState}」，流程中没有这一步${hint}`;
}
