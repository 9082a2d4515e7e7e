// The pure workflow: decide(case, action, actor, now, rules) → next case and effects as data, and judging typed state changes.
import { endOfShanghaiDay, formatDateTime, startOfShanghaiDay, toShanghaiDate } from './dates';
import { computeDueAt, extendDueAt, type DeadlineNode } from './deadlines';
import {
  caseLabel,
  fieldSpec,
  type AnnexNo,
  type Case,
  type CaseKey,
  type CaseState,
  type Person,
  type Role,
  type SignoffTally,
} from './model';
import { caseDeadlines } from './pending';
import { recordsOf, type NewRecord, type RecordPatch } from './records';
import { inputProblem, REQUIRED_INPUT, stateRequirementProblem } from './required';
import {
  ACTION_RULES,
  ACTION_TYPES,
  allowedRoles,
  letterToAnswer,
  returnLateness,
  roleProblem,
  SIGN_OFFS,
  stateProblem,
  targetState,
  type Action,
  type ActionRule,
  type ActionType,
  type DecideContext,
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
  | { kind: 'deadline'; node: DeadlineNode; startAt: Date; dueAt?: Date }
  | { kind: 'record'; record: NewRecord }
  | { kind: 'recordUpdate'; patch: RecordPatch };

/** A decision: the next case and its effects, or a refusal with a Chinese reason. */
export type Decision = { ok: true; next: Case; effects: Effect[] } | { ok: false; reason: string };

interface Ctx {
  c: Case;
  /** The case before the action's input was merged in. */
  before: Case;
  action: Action;
  actor: Person;
  now: Date;
  rules: Rules;
  to: CaseState;
  context: DecideContext;
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

const today = (x: Ctx): string => toShanghaiDate(x.now);
/** The case's own records of a kind, from what the app loaded. */
const own = <K extends Parameters<typeof recordsOf>[1]>(x: Ctx, kind: K) =>
  recordsOf(x.context.records ?? [], kind, x.c.caseNo ?? '');

/** Clears the previous verification round's boxes: annex 5 and 6 are filled afresh (签批记录 keeps the old ones). */
const NEW_VERIFICATION_ROUND: Partial<Case> = {
  verifyAssignSignedBy: undefined,
  verifyAssignSignedAt: undefined,
  verifyInstructionBy: undefined,
  verifyInstructionAt: undefined,
  verifyInstruction: undefined,
  verifyHeadBy: undefined,
  verifyHeadAt: undefined,
  verifyHeadOpinion: undefined,
  verifyStatement: undefined,
  verifyCommunication: undefined,
  verifyHandler: undefined,
  verifySubmittedAt: undefined,
  verifyIssuer: undefined,
  verifyIssuedAt: undefined,
  verifyRepliedAt: undefined,
};

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
    // A new 交办 (also after a 退单) is received afresh by the new department's liaison.
    patch: { assignedAt: x.now, receivedBy: undefined, receivedAt: undefined, receiveLate: undefined },
    effects: [
      toDept(x.c, '已交办，请当天接处'),
      { kind: 'deadline', node: '接收', startAt: x.now },
      { kind: 'deadline', node: '退单', startAt: x.now },
    ],
    note: `承办部室：${x.c.department}`,
  }),
  receive: receiveStep,
  returnCase: returnStep,
  forward: (x) => {
    const reason = x.c.forwardReason || x.before.returnReason || '';
    return {
      patch: { forwardedAt: x.now, forwardReason: reason },
      effects: x.before.state === '办理中' ? [toDept(x.c, `已由信访办转送${x.c.forwardedTo}，本部室不再办理`)] : [],
      note: `转送：${x.c.forwardedTo}；理由：${reason}`,
    };
  },
  submit: (x) => ({
    patch: { handler: x.c.handler || x.actor.name, handlerSignedAt: x.now },
    effects: [toLine(x.c, '处理意见待审核')],
  }),
  receptionOpinion: (x) => ({
    patch: { receptionBy: x.actor.name, receptionAt: x.now },
    effects: x.c.state === '审核中' ? [toLine(x.c, '接待部室意见已填写，处理意见待审核')] : [],
    note: opinion(x.c.receptionOpinion),
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
  callback: (x) => {
    const count = own(x, 'callback').filter((r) => r.source !== '平台评价').length + 1;
    const record: NewRecord = {
      kind: 'callback',
      caseNo: x.c.caseNo ?? '',
      at: x.now,
      by: x.actor.name,
      source: '回访',
      date: today(x),
      method: x.c.callbackMethod,
      satisfaction: x.c.satisfaction,
    };
    return {
      patch: { callbackDate: today(x), callbackBy: x.actor.name, callbackCount: count },
      effects: [{ kind: 'record', record }, ...(x.to === '核实中' ? [{ kind: 'form', annex: 5 } as const] : [])],
      note: `第${count}次回访，信访人意见：${x.c.satisfaction}（${x.c.callbackMethod}）`,
    };
  },
  platformRating: (x) => {
    const date = x.c.platformRatedDate ?? today(x);
    const record: NewRecord = {
      kind: 'callback',
      caseNo: x.c.caseNo ?? '',
      at: x.now,
      by: x.actor.name,
      source: '平台评价',
      date,
      satisfaction: x.c.platformRating,
    };
    const verify = x.to === '核实中';
    return {
      patch: { platformRatedDate: date },
      effects: [{ kind: 'record', record }, ...(verify ? [{ kind: 'form', annex: 5 } as const] : [])],
      note: `平台评价：${x.c.platformRating}（${date}）${verify ? '，进入不满意核实' : ''}`,
    };
  },
  assignVerify: (x) => ({
    patch: { ...NEW_VERIFICATION_ROUND, verifyAssignedAt: x.now },
    effects: [toSigners('verifyAssignSign', x, '不满意核实件待交办签批')],
    note: `核实件要求：${x.c.verifyRequirement}`,
  }),
  verifyAssignSign: (x) => ({
    patch: { verifyAssignSignedBy: x.actor.name, verifyAssignSignedAt: x.now },
    effects: [toLine(x.c, '不满意核实件待批示')],
  }),
  verifyInstruct: (x) => ({
    patch: { verifyInstructionBy: x.actor.name, verifyInstructionAt: x.now },
    effects: [
      notify('部室负责人', '不满意件核实交办，请填写部长（主任）办理意见', x.c.department),
      toDept(x.c, '不满意件核实交办'),
    ],
    note: opinion(x.c.verifyInstruction),
  }),
  verifyHeadOpinion: (x) => ({
    patch: { verifyHeadBy: x.actor.name, verifyHeadAt: x.now },
    effects: [toDept(x.c, '部长（主任）办理意见已签，请核实并提交核实情况说明')],
    note: opinion(x.c.verifyHeadOpinion),
  }),
  submitVerify: (x) => ({
    patch: { verifySubmittedAt: x.now, verifyHandler: x.c.verifyHandler || x.actor.name },
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
  liaisonLetter: (x) => {
    const count = own(x, 'letter').length + 1;
    const letterNo = x.context.letterNo ?? '';
    const record: NewRecord = {
      kind: 'letter',
      caseNo: x.c.caseNo ?? '',
      at: x.now,
      by: x.actor.name,
      letterNo,
      unit: x.c.liaisonUnit,
      matter: x.c.letterMatter,
      sentDate: today(x),
    };
    return {
      patch: { letterCount: count, lastLetterNo: letterNo, letterReply: undefined, letterReplyDate: undefined },
      effects: [
        { kind: 'record', record },
        { kind: 'form', annex: 7 },
      ],
      note: `联系函 ${letterNo}（第${count}封）致：${x.c.liaisonUnit}`,
    };
  },
  letterReply: (x) => {
    const letter = letterToAnswer(x.context.records, x.c.caseNo ?? '')!;
    const replyDate = x.c.letterReplyDate ?? today(x);
    return {
      patch: { letterReplyDate: replyDate },
      effects: [
        {
          kind: 'recordUpdate',
          patch: {
            kind: 'letter',
            caseNo: x.c.caseNo ?? '',
            seq: letter.seq,
            fields: { reply: x.c.letterReply, replyDate },
          },
        },
      ],
      note: `联系函 ${letter.letterNo ?? ''}（${letter.unit ?? ''}）回复（${replyDate}）：${x.c.letterReply}`,
    };
  },
  reviewRequest: reviewRequestStep,
  reviewDecide: (x) => {
    const pending = own(x, 'review')
      .filter((r) => !r.outcome)
      .pop();
    const decidedDate = today(x);
    const effects: Effect[] = pending
      ? [
          {
            kind: 'recordUpdate',
            patch: {
              kind: 'review',
              caseNo: x.c.caseNo ?? '',
              seq: pending.seq,
              fields: { outcome: x.c.reviewOutcome, opinion: x.c.reviewOpinion, decidedDate },
            },
          },
        ]
      : [];
    return {
      patch: { reviewDecidedDate: decidedDate },
      effects,
      note: `${x.c.reviewKind ?? '复查复核'}结论：${x.c.reviewOutcome}；${x.c.reviewOpinion}`,
    };
  },
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

/** 接收 (当天接处): who took the case, A or B, and whether after the 接收 limit (the working day of 交办). */
function receiveStep(x: Ctx): Step {
  const { now, rules } = x;
  const due = caseDeadlines(x.before, { rules, now }).nodes.find((n) => n.node === '接收');
  const late = !!due?.dueAt && now.getTime() > due.dueAt.getTime();
  const slot = x.actor.liaisonSlot ? `（${x.actor.liaisonSlot}角）` : '';
  const lateNote = late && due?.dueAt ? `；逾期接收（接收时限至 ${formatDateTime(due.dueAt)}）` : '';
  return {
    patch: { receivedBy: x.actor.name, receivedAt: now, receiveLate: late },
    note: `${x.actor.name}${slot}接收${lateNote}`,
  };
}

/** 退单: accepted whenever it comes; a late one is flagged with the working hours past the window, for the analysis. */
function returnStep(x: Ctx): Step {
  const late = returnLateness(x.c, x.now, x.rules);
  const lateNote =
    late.hours > 0 && late.dueAt
      ? `；逾期退单：超过退单时限（至 ${formatDateTime(late.dueAt)}）${late.hours} 个工作小时`
      : '';
  return {
    patch: { returnedBy: x.actor.name, returnedAt: x.now, returnLateHours: late.hours > 0 ? late.hours : undefined },
    effects: [toOffice(`部室退单，请转送或重新交办${late.hours > 0 ? `（逾期 ${late.hours} 个工作小时）` : ''}`)],
    note: `退单原因：${x.c.returnReason}${lateNote}`,
  };
}

/** 复查/复核 申请: the request's date (today unless given), its 30-日 limit from 时限, and a record of it. */
function reviewRequestStep(x: Ctx): Step {
  const kind = x.c.reviewKind!;
  const requestDate = x.c.reviewRequestDate ?? today(x);
  const startAt = startOfShanghaiDay(requestDate);
  const due = computeDueAt({ node: kind, startAt, limits: x.rules.limits, calendar: x.rules.calendar });
  const record: NewRecord = {
    kind: 'review',
    caseNo: x.c.caseNo ?? '',
    at: x.now,
    by: x.actor.name,
    reviewKind: kind,
    requestDate,
    dueDate: due.dueDate,
  };
  return {
    patch: {
      reviewRequestDate: requestDate,
      reviewDueDate: due.dueDate,
      reviewOutcome: undefined,
      reviewOpinion: undefined,
      reviewDecidedDate: undefined,
    },
    effects: [
      { kind: 'record', record },
      { kind: 'deadline', node: kind, startAt, dueAt: due.dueAt },
      notify('信访工作分管领导', `${kind}申请，待办理`),
    ],
    note: `${kind}申请（${requestDate}）`,
  };
}

/**
 * The 签批记录 of a sign-off: the box, its round (one more than that box's earlier records), role and opinion, and its
 * 序号 — from the case's tally of its sign-offs, or, for a case recorded before the tally, from its records (loaded
 * for the decision); with the tally the case then keeps.
 */
function signOffRecord(type: ActionType, x: Ctx, next: Case): { effect: Effect; signoffs: SignoffTally } | null {
  const s = SIGN_OFFS[type];
  if (!s) return null;
  const tally = x.before.signoffs ?? tallyOf(own(x, 'signoff'));
  const round = (tally.rounds[s.step] ?? 0) + 1;
  const seq = tally.seq + 1;
  const { roles } = allowedRoles(ACTION_RULES[type], x.c, x.rules.settings);
  const role = x.actor.roles.find((r) => roles.includes(r)) ?? x.actor.roles[0];
  const text = s.opinion ? next[s.opinion] : undefined;
  const record: NewRecord = {
    kind: 'signoff',
    caseNo: next.caseNo ?? '',
    seq,
    at: x.now,
    by: x.actor.name,
    step: s.step,
    round,
    ...(role ? { role } : {}),
    ...(typeof text === 'string' && text ? { opinion: text } : {}),
  };
  return { effect: { kind: 'record', record }, signoffs: { rounds: { ...tally.rounds, [s.step]: round }, seq } };
}

/** The tally of a case's 签批记录 as stored: each step's records, and the highest 序号. */
function tallyOf(records: readonly { step?: string; seq: number }[]): SignoffTally {
  const rounds: Record<string, number> = {};
  for (const r of records) if (r.step) rounds[r.step] = (rounds[r.step] ?? 0) + 1;
  return { rounds, seq: records.reduce((max, r) => Math.max(max, r.seq), 0) };
}

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
 * out after saving: a log entry first, then notifications, records to keep, forms to offer and deadlines started.
 * `context` carries what the app loaded for the decision (the case's records, the departments, a letter's 编号).
 */
export function decide(
  c: Case,
  action: Action,
  actor: Person,
  now: Date,
  rules: Rules,
  context: DecideContext = {},
): Decision {
  const rule = ACTION_RULES[action.type];
  const early =
    stateProblem(rule, c) ??
    fieldsProblem(c, rule, action.fields) ??
    roleProblem(rule, c, actor, rules.settings) ??
    inputProblem(c, action.type, rule.caption, action.fields);
  if (early) return { ok: false, reason: early };
  const merged: Case = { ...c, ...action.fields, state: c.state };
  const to = targetState(rule, merged, action);
  const guard = rule.guard?.({ c: merged, before: c, action, actor, now, rules, to, ctx: context });
  if (guard) return { ok: false, reason: guard };
  const x: Ctx = { c: merged, before: c, action, actor, now, rules, to, context };
  const step = STEPS[action.type](x);
  const next: Case = { ...merged, ...step.patch, state: to };
  const late = step.problem ?? (to === c.state ? null : stateRequirementProblem(next, to));
  if (late) return { ok: false, reason: late };
  const log: Effect = { kind: 'log', action: rule.caption, fromState: c.state, toState: to, note: step.note ?? '' };
  const signed = signOffRecord(action.type, x, next);
  return {
    ok: true,
    next: signed ? { ...next, signoffs: signed.signoffs } : next,
    effects: [log, ...(step.effects ?? []), ...(signed ? [signed.effect] : [])],
  };
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
  context: DecideContext = {},
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
    const d = decide(base, { type: rule.type, fields, toState }, actor, now, rules, context);
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
