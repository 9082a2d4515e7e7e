// Who may do what: the ONE rule table of the petition workflow (actions, from-states, targets, roles, guards).
import type { WorkCalendar } from './calendar';
import type { CaseNumberConfig } from './caseNumber';
import { checklistProblem } from './checklist';
import { formatDateTime } from './dates';
import { computeDueAt, type TimeLimit } from './deadlines';
import {
  CASE_STATES,
  caseLabel,
  isReport,
  isWalkIn,
  type Case,
  type CaseKey,
  type CaseState,
  type CloseEvent,
  type Person,
  type Role,
} from './model';
import { recordsOf, type AnyRecord, type RecordKind } from './records';

/** Action ids; `ACTION_RULES[type].caption` is what a person reads. */
// prettier-ignore
export const ACTION_TYPES = [
  'sign', 'approveAssign', 'assign', 'receive', 'returnCase', 'forward', 'submit', 'receptionOpinion', 'itemReview',
  'petitionReview', 'approveClose', 'reply', 'callback', 'platformRating', 'assignVerify', 'verifyAssignSign',
  'verifyInstruct', 'verifyHeadOpinion', 'submitVerify', 'issueVerify', 'replyVerify', 'redo', 'requestExtension',
  'approveExtension', 'rejectExtension', 'liaisonLetter', 'letterReply', 'reviewRequest', 'reviewDecide',
  'flagWeekly', 'flagSupervision', 'archive', 'correct',
] as const;
export type ActionType = (typeof ACTION_TYPES)[number];

/** An action as asked for: `fields` carries what the person entered with it; `toState` is 更正's target. */
export interface Action {
  type: ActionType;
  fields?: Partial<Case>;
  toState?: CaseState;
}

/** Office settings the workflow obeys (the 设置 sheet overrides the defaults). */
export interface WorkflowSettings {
  /** 集体访 from this many people (a flag, never a refusal). */
  groupVisitThreshold: number;
  /** A node's deadline is 即将到期 when this many working days or fewer are left. */
  dueSoonWorkdays: number;
  /** What stops the 办结 clock of a case from the platform or a higher level (本级: always 办结签批). */
  closeEvent: CloseEvent;
  /** The reception room takes, as a rule, no more than this many visitors (annex 2; 条例 Art. 20). */
  receptionLimit: number;
  /** Refuse (true) or only warn (false) when a walk-in exceeds receptionLimit; 接收必登 favours warning. */
  refuseOverReceptionLimit: boolean;
  repeatWindowDays: number;
  maxExtensionDays: number;
  extensionApprovers: readonly Role[];
  /** Who signs a walk-in's closure: annex 4 asks for 办主要领导意见. */
  walkInCloseSigners: readonly Role[];
  /** Receives comprehensive walk-ins (annex 2: 综合性上访，由综合事务部牵头接待). */
  comprehensiveDepartment: string;
  caseNumber: CaseNumberConfig;
  /** How 联系函 (annex 7) are numbered: 镜信联〔2026〕001号. */
  letterNumber: CaseNumberConfig;
}

/** The defaults come from the one settings table (src/core/settings.ts). */
export { DEFAULT_SETTINGS } from './settings';

/** Everything a decision reads besides the case: settings, time limits, the working calendar. */
export interface Rules {
  settings: WorkflowSettings;
  limits: TimeLimit[];
  calendar: WorkCalendar;
}

/**
 * What a decision reads beyond the case and the rules, loaded by the app for the case at hand. Each part is optional:
 * what is not given is not checked (a core test, a typed edit that loads nothing).
 */
export interface DecideContext {
  /** The case's records (src/core/records.ts) of the kinds the action reads (ACTION_RECORDS). */
  records?: readonly AnyRecord[];
  /** The departments of 部室: 交办 refuses any other. */
  departments?: readonly string[];
  /** The 编号 a 联系函 sent now takes (the app draws it from the letters' counter under the lock). */
  letterNo?: string;
}

/** What a guard sees: the case with the action's input merged in (`before`: without), and the resolved target. */
export interface GuardArgs {
  c: Case;
  before: Case;
  action: Action;
  actor: Person;
  now: Date;
  rules: Rules;
  to: CaseState;
  ctx: DecideContext;
}

type RoleList = readonly Role[] | ((s: WorkflowSettings) => readonly Role[]);

/** Cases whose signer differs from the rule's default (first matching entry wins). */
interface Special {
  when: (c: Case) => boolean;
  subject: string;
  roles: RoleList;
}

/** One row of the rule table. `to: 'same'` keeps the state; with several targets `pick` chooses. */
export interface ActionRule {
  type: ActionType;
  caption: string;
  from: readonly CaseState[];
  to: readonly CaseState[] | 'same';
  pick?: (c: Case, action: Action) => CaseState;
  roles: RoleList;
  special?: readonly Special[];
  /** These roles act only on cases of their own department (see inOwnDepartment). */
  ownDepartment?: readonly Role[];
  guard?: (g: GuardArgs) => string | null;
}

const ALL = CASE_STATES;
const DEPT: readonly Role[] = ['部室联络员', '承办人'];
const HEAD: readonly Role[] = ['部室负责人'];
/** States after 办结 (a 复查/复核 request comes after the written reply, possibly after 归档). */
const CONCLUDED = ALL.slice(ALL.indexOf('已办结'));
/** States in which a 联系函 may be answered: any, once one was sent. */
const LETTER_STATES = ALL.filter((s) => s !== '待签收');
const SIGNERS: readonly Role[] = ['信访工作分管领导', '主职领导'];
const LEADERS: readonly Role[] = ['信访办', '主职领导', '信访工作分管领导'];
const REPORT: Special = { when: isReport, subject: '检举控告类信访件', roles: ['主职领导'] };
const WALK_IN: Special = { when: isWalkIn, subject: '现场接访件', roles: (s) => s.walkInCloseSigners };
/** Targets of 更正: the main line, not the side exits or the end. */
export const CORRECTION_TARGETS: readonly CaseState[] = ALL.filter((s) => !['已退单', '已转送', '已归档'].includes(s));

/**
 * The signatures the forms print, by the action that gives them: the box (签批记录's 环节) and the opinion given with
 * it. Each is kept as a 签批记录 of its round, since the ledger shows only the latest.
 */
export const SIGN_OFFS: Readonly<Partial<Record<ActionType, { step: string; opinion?: CaseKey }>>> = {
  sign: { step: '信访办签收' },
  approveAssign: { step: '交办签批', opinion: 'assignSignOpinion' },
  submit: { step: '处理（答复）意见及结论', opinion: 'opinion' },
  receptionOpinion: { step: '接待部室意见', opinion: 'receptionOpinion' },
  itemReview: { step: '事项分管领导审核', opinion: 'itemReviewOpinion' },
  petitionReview: { step: '信访分管领导审核', opinion: 'petitionReviewOpinion' },
  approveClose: { step: '办结签批', opinion: 'closeSignOpinion' },
  assignVerify: { step: '核实件要求', opinion: 'verifyRequirement' },
  verifyAssignSign: { step: '核实交办签批' },
  verifyInstruct: { step: '事项分管领导批示', opinion: 'verifyInstruction' },
  verifyHeadOpinion: { step: '部长（主任）办理意见', opinion: 'verifyHeadOpinion' },
  submitVerify: { step: '信访事项核实情况说明', opinion: 'verifyStatement' },
  issueVerify: { step: '核实签发' },
};
const SIGN_OFF_ACTIONS = Object.keys(SIGN_OFFS) as ActionType[];

/**
 * The sign-offs a leader or a department's head gives on what they read: their dialog always opens, with the case
 * card (the case, its handling and the opinions before theirs) above the opinion box.
 */
export const CARD_ACTIONS: readonly ActionType[] = [
  'approveAssign',
  'receptionOpinion',
  'itemReview',
  'petitionReview',
  'approveClose',
  'verifyAssignSign',
  'verifyInstruct',
  'verifyHeadOpinion',
  'issueVerify',
  'approveExtension',
  'rejectExtension',
];

/** The rule table (kept as a table: one row per action, read across). */
// prettier-ignore
export const ACTION_RULES: Readonly<Record<ActionType, ActionRule>> = {
  sign: { type: 'sign', caption: '签收', from: ['待签收'], to: ['待交办签批'], roles: ['信访办'] },
  approveAssign: {
    type: 'approveAssign', caption: '交办签批', from: ['待交办签批'], to: ['待交办'], roles: SIGNERS, special: [REPORT],
  },
  assign: {
    type: 'assign', caption: '交办', from: ['待交办', '已退单'], to: ['办理中'], roles: ['信访办'],
    guard: departmentProblem,
  },
  receive: {
    type: 'receive', caption: '接收', from: ['办理中'], to: 'same', roles: ['部室联络员'],
    ownDepartment: ['部室联络员'], guard: receiptProblem,
  },
  // A late 退单 is accepted and flagged (接收必登's spirit: the case must reach the right unit), never refused.
  returnCase: {
    type: 'returnCase', caption: '退单', from: ['办理中'], to: ['已退单'], roles: ['部室联络员'],
    ownDepartment: ['部室联络员'],
  },
  forward: {
    type: 'forward', caption: '转送', from: ['待签收', '待交办', '办理中', '已退单'], to: ['已转送'],
    roles: ['信访办'], guard: forwardReasonProblem,
  },
  submit: { type: 'submit', caption: '提交审核', from: ['办理中'], to: ['审核中'], roles: DEPT, ownDepartment: DEPT },
  receptionOpinion: {
    type: 'receptionOpinion', caption: '接待部室意见', from: ['办理中', '审核中'], to: 'same', roles: HEAD,
    ownDepartment: HEAD, guard: walkInOnly,
  },
  itemReview: {
    type: 'itemReview', caption: '事项分管领导审核', from: ['审核中'], to: ['信访审核中', '待办结签批'],
    pick: (c) => (isWalkIn(c) ? '待办结签批' : '信访审核中'), // annex 4 has no 信访分管领导 box
    roles: ['事项分管领导'], ownDepartment: ['事项分管领导'], guard: receptionFirst,
  },
  petitionReview: {
    type: 'petitionReview', caption: '信访分管领导审核', from: ['信访审核中'], to: ['待办结签批'],
    roles: ['信访工作分管领导'],
  },
  approveClose: {
    type: 'approveClose', caption: '办结签批', from: ['待办结签批'], to: ['已办结'], roles: SIGNERS,
    special: [REPORT, WALK_IN],
  },
  reply: { type: 'reply', caption: '系统回复', from: ['已办结'], to: ['待回访'], roles: ['信访办'] },
  callback: {
    type: 'callback', caption: '回访', from: ['待回访', '已核实'], to: ['已回访', '核实中'], roles: ['信访办'],
    pick: (c) => (c.satisfaction === '不满意' ? '核实中' : '已回访'),
  },
  // The platform tells the office how the petitioner rated the handling, possibly after a satisfied 回访: a 不满意
  // starts verification from where the case is, nothing rolled back.
  platformRating: {
    type: 'platformRating', caption: '平台评价', from: ['待回访', '已回访', '已核实'], to: ['核实中'],
    pick: (c) => (c.platformRating === '不满意' ? '核实中' : c.state), roles: ['信访办'],
  },
  assignVerify: { type: 'assignVerify', caption: '核实交办', from: ['核实中'], to: ['核实待签批'], roles: ['信访办'] },
  verifyAssignSign: {
    type: 'verifyAssignSign', caption: '核实交办签批', from: ['核实待签批'], to: ['核实待批示'], roles: SIGNERS,
    special: [REPORT],
  },
  verifyInstruct: {
    type: 'verifyInstruct', caption: '事项分管领导批示', from: ['核实待批示'], to: ['核实办理中'],
    roles: ['事项分管领导'], ownDepartment: ['事项分管领导'],
  },
  verifyHeadOpinion: {
    type: 'verifyHeadOpinion', caption: '部长（主任）办理意见', from: ['核实办理中'], to: 'same', roles: HEAD,
    ownDepartment: HEAD,
  },
  submitVerify: {
    type: 'submitVerify', caption: '提交核实说明', from: ['核实办理中'], to: ['核实待签发'], roles: DEPT,
    ownDepartment: DEPT, guard: headOpinionFirst,
  },
  issueVerify: {
    type: 'issueVerify', caption: '核实签发', from: ['核实待签发'], to: ['核实待回复'],
    roles: ['事项分管领导', '信访工作分管领导'], ownDepartment: ['事项分管领导'],
  },
  replyVerify: { type: 'replyVerify', caption: '核实回复', from: ['核实待回复'], to: ['已核实'], roles: ['信访办'] },
  redo: {
    type: 'redo', caption: '退回重办', from: ['审核中', '信访审核中', '待办结签批', '核实待签发', '核实待回复'],
    to: ['办理中', '核实办理中'], pick: (c) => (c.state.startsWith('核实') ? '核实办理中' : '办理中'),
    roles: ['信访办', '事项分管领导', '信访工作分管领导', '主职领导'],
    ownDepartment: ['事项分管领导'],
  },
  requestExtension: {
    type: 'requestExtension', caption: '申请延期', from: ['办理中'], to: 'same', roles: DEPT, ownDepartment: DEPT,
    guard: extensionRequestProblem,
  },
  approveExtension: {
    type: 'approveExtension', caption: '批准延期', from: ['办理中'], to: 'same',
    roles: (s) => s.extensionApprovers, guard: extensionApprovalProblem,
  },
  rejectExtension: {
    type: 'rejectExtension', caption: '不批准延期', from: ['办理中'], to: 'same',
    roles: (s) => s.extensionApprovers, guard: pendingExtensionProblem,
  },
  liaisonLetter: {
    type: 'liaisonLetter', caption: '发联系函', from: ['办理中', '核实办理中'], to: 'same',
    roles: ['信访办', ...DEPT], ownDepartment: DEPT, guard: letterNumberProblem,
  },
  letterReply: {
    type: 'letterReply', caption: '联系函回复', from: LETTER_STATES, to: 'same', roles: ['信访办', ...DEPT],
    ownDepartment: DEPT, guard: unansweredLetterProblem,
  },
  reviewRequest: {
    type: 'reviewRequest', caption: '复查复核申请', from: CONCLUDED, to: 'same', roles: ['信访办'],
    guard: reviewRequestProblem,
  },
  reviewDecide: {
    type: 'reviewDecide', caption: '复查复核结论', from: CONCLUDED, to: 'same', roles: ['信访办'],
    guard: pendingReviewProblem,
  },
  flagWeekly: { type: 'flagWeekly', caption: '设置周会商', from: ALL, to: 'same', roles: LEADERS },
  flagSupervision: { type: 'flagSupervision', caption: '设置督查督办', from: ALL, to: 'same', roles: LEADERS },
  archive: {
    type: 'archive', caption: '归档', from: ['已回访', '已核实'], to: ['已归档'], roles: ['信访办'],
    guard: ({ c }) => checklistProblem(c),
  },
  correct: {
    type: 'correct', caption: '更正', from: ALL.filter((s) => s !== '待签收'), to: CORRECTION_TARGETS,
    pick: (c, a) => a.toState ?? c.state,
    roles: ['信访办'], guard: correctionProblem,
  },
};

/** The record kinds each action reads (its decision counts or checks them); the app loads these before deciding. */
export const ACTION_RECORDS: Readonly<Partial<Record<ActionType, readonly RecordKind[]>>> = {
  callback: ['callback'],
  platformRating: ['callback'],
  liaisonLetter: ['letter'],
  letterReply: ['letter'],
  reviewRequest: ['review'],
  reviewDecide: ['review'],
  ...Object.fromEntries(SIGN_OFF_ACTIONS.map((t) => [t, ['signoff']])),
};

/** The state `rule` leads `c` to (`c` with the action's input merged in). */
export function targetState(rule: ActionRule, c: Case, action: Action): CaseState {
  if (rule.to === 'same') return c.state;
  return rule.pick ? rule.pick(c, action) : rule.to[0];
}

/** The roles allowed to take `rule` on `c`, and the special case that decided them (if any). */
export function allowedRoles(
  rule: ActionRule,
  c: Case,
  s: WorkflowSettings,
): { roles: readonly Role[]; special?: Special } {
  const resolve = (r: RoleList): readonly Role[] => (typeof r === 'function' ? r(s) : r);
  const special = rule.special?.find((sp) => sp.when(c));
  return special ? { roles: resolve(special.roles), special } : { roles: resolve(rule.roles) };
}

/**
 * Department-bound roles act only on cases of their own department; a 事项分管领导 for whom the
 * 人员 sheet lists no lines is trusted with every line (a small office often leaves it blank).
 */
export function inOwnDepartment(actor: Person, role: Role, c: Pick<Case, 'department'>): boolean {
  if (role === '事项分管领导' && actor.departments.length === 0) return true;
  return !!c.department && actor.departments.includes(c.department);
}

/** Why `actor` may not take `rule` on `c` (Chinese, naming the case and the rule); null when allowed. */
export function roleProblem(rule: ActionRule, c: Case, actor: Person, s: WorkflowSettings): string | null {
  const { roles, special } = allowedRoles(rule, c, s);
  const held = actor.roles.filter((r) => roles.includes(r));
  const own = rule.ownDepartment ?? [];
  if (held.some((r) => !own.includes(r) || inOwnDepartment(actor, r, c))) return null;
  const mine = actor.roles.length ? actor.roles.join('、') : '未登记';
  if (held.length > 0) {
    const depts = actor.departments.join('、') || '未登记';
    return `${caseLabel(c)} 承办部室为「${c.department || '未填'}」，${actor.name}（${held.join('、')}）只能办理本部室（${depts}）的信访件`;
  }
  if (special)
    return `${caseLabel(c)} ${special.subject}的${rule.caption}须由${roles.join('或')}签批，${actor.name}的角色为${mine}`;
  return `${caseLabel(c)} 的「${rule.caption}」须由${roles.map((r) => `「${r}」`).join('或')}办理，${actor.name}的角色为${mine}`;
}

/** Why `c`'s state does not allow the rule; null when it does. */
export function stateProblem(rule: ActionRule, c: Case): string | null {
  if (rule.from.includes(c.state)) return null;
  const from = rule.from.map((s) => `「${s}」`).join('');
  return `${caseLabel(c)} 当前状态为「${c.state}」，不能「${rule.caption}」（仅${from}可${rule.caption}）`;
}

/**
 * How late a 退单 is: the working hours (设置「上班时间」) from the window's end (交办 + the 退单 limit, 3 工作小时)
 * to `now`, rounded up to a tenth; 0 when on time or when the case has no 交办时间 to count from.
 */
export function returnLateness(c: Case, now: Date, rules: Rules): { hours: number; dueAt?: Date } {
  if (!c.assignedAt) return { hours: 0 };
  const { limits, calendar } = rules;
  const due = computeDueAt({ node: '退单', startAt: c.assignedAt, matterType: c.matterType, limits, calendar });
  if (now.getTime() <= due.dueAt.getTime()) return { hours: 0, dueAt: due.dueAt };
  const ms = calendar.workingMsBetween(due.dueAt, now);
  return { hours: Math.ceil(ms / 360_000) / 10, dueAt: due.dueAt };
}

/** 交办 goes to a department of 部室 (the dialog offers them); any other name is refused before anything changes. */
function departmentProblem({ c, ctx }: GuardArgs): string | null {
  if (!ctx.departments || !c.department || ctx.departments.includes(c.department)) return null;
  const list = ctx.departments.length ? `（可选：${ctx.departments.join('、')}）` : '（「部室」表还没有部室）';
  return `${caseLabel(c)} 承办部室「${c.department}」不在「部室」表中，不能交办${list}`;
}

/** A case is received once per 交办 (当天接处): a second 接收 says who received it and when. */
function receiptProblem({ before }: GuardArgs): string | null {
  const { receivedAt, assignedAt } = before;
  if (!receivedAt || (assignedAt && receivedAt.getTime() < assignedAt.getTime())) return null;
  return `${caseLabel(before)} 已由${before.receivedBy ?? ''}于 ${formatDateTime(receivedAt)} 接收`;
}

/** 转送 needs its reason; a returned case may go on the department's 退单原因. */
function forwardReasonProblem({ c, before }: GuardArgs): string | null {
  if (c.forwardReason?.trim()) return null;
  if (before.state === '已退单' && before.returnReason) return null;
  return `${caseLabel(before)}「转送」须填写：转送理由`;
}

/** 接待部室意见 is a box of annex 4, the walk-in register form. */
function walkInOnly({ c }: GuardArgs): string | null {
  return isWalkIn(c) ? null : `${caseLabel(c)} 不是现场来访件：「接待部室意见」是来访登记单（附件4）的栏目`;
}

/** Annex 4's boxes in order: the receiving department's opinion before the line leader's. */
function receptionFirst({ c }: GuardArgs): string | null {
  if (!isWalkIn(c) || c.receptionAt) return null;
  return `${caseLabel(c)} 是现场来访件，须先由部室负责人填写「接待部室意见」（来访登记单的顺序），再由事项分管领导审核`;
}

/** Annex 5's boxes in order: the head's 办理意见 of this round (after the instruction) before the statement. */
function headOpinionFirst({ c }: GuardArgs): string | null {
  const given = c.verifyHeadAt && (!c.verifyInstructionAt || c.verifyHeadAt >= c.verifyInstructionAt);
  if (given) return null;
  return `${caseLabel(c)} 须先由部室负责人填写「部长（主任）办理意见」，再提交核实情况说明（不满意核实件的顺序）`;
}

function letterNumberProblem({ c, ctx }: GuardArgs): string | null {
  return ctx.letterNo ? null : `${caseLabel(c)} 未能取得联系函编号，请重试`;
}

/** The 联系函 a reply answers: the newest one not yet answered. */
export function letterToAnswer(records: readonly AnyRecord[] | undefined, caseNo: string) {
  return recordsOf(records ?? [], 'letter', caseNo)
    .filter((l) => !l.reply)
    .pop();
}

function unansweredLetterProblem({ c, ctx }: GuardArgs): string | null {
  if (letterToAnswer(ctx.records, c.caseNo ?? '')) return null;
  return `${caseLabel(c)} 没有待回复的联系函`;
}

const reviewPending = (c: Case): boolean => !!c.reviewRequestDate && !c.reviewDecidedDate;

/** 复查 first, then 复核 once the 复查 is decided (条例 Art. 35–36); one request at a time, nothing after 复核. */
function reviewRequestProblem({ c, before }: GuardArgs): string | null {
  if (reviewPending(before))
    return `${caseLabel(c)} 已有待办结的${before.reviewKind ?? '复查复核'}申请（${before.reviewRequestDate}）`;
  const decided = before.reviewDecidedDate ? before.reviewKind : undefined;
  if (decided === '复核') return `${caseLabel(c)} 已经复核，同一事实和理由不再受理（条例第三十六条）`;
  if (c.reviewKind === '复查' && decided === '复查') return `${caseLabel(c)} 已经复查；不服复查意见的，应申请复核`;
  if (c.reviewKind === '复核' && decided !== '复查') return `${caseLabel(c)} 复核须在复查办结后申请（条例第三十六条）`;
  return null;
}

function pendingReviewProblem({ before }: GuardArgs): string | null {
  return reviewPending(before) ? null : `${caseLabel(before)} 没有待办结的复查复核申请`;
}

const isPending = (c: Case): boolean => !!c.extRequestedAt && !c.extDecidedAt;

function extensionRequestProblem({ c, before, rules }: GuardArgs): string | null {
  if (isPending(before)) return `${caseLabel(c)} 已有待审批的延期申请（${before.extRequestDays}日）`;
  const days = c.extRequestDays ?? 0;
  const max = rules.settings.maxExtensionDays;
  const used = c.extTotalDays ?? 0;
  if (!Number.isInteger(days) || days < 1) return `${caseLabel(c)} 延期天数应为正整数`;
  if (used + days > max) {
    return `${caseLabel(c)} 延期累计不得超过${max}日（已延期${used}日，最多还可申请${Math.max(0, max - used)}日）`;
  }
  return null;
}

function pendingExtensionProblem({ c }: GuardArgs): string | null {
  return isPending(c) ? null : `${caseLabel(c)} 没有待审批的延期申请`;
}

function extensionApprovalProblem(g: GuardArgs): string | null {
  const { c, rules } = g;
  const pending = pendingExtensionProblem(g);
  if (pending) return pending;
  if (!c.dueDate) return `${caseLabel(c)} 办理期限为空，无法延期`;
  const used = c.extTotalDays ?? 0;
  const max = rules.settings.maxExtensionDays;
  if (used + (c.extRequestDays ?? 0) > max) return `${caseLabel(c)} 延期累计不得超过${max}日（已延期${used}日）`;
  return null;
}

function correctionProblem({ c, action }: GuardArgs): string | null {
  const target = action.toState;
  if (!target) return `${caseLabel(c)} 更正须选择要退回的状态`;
  const earlier = CORRECTION_TARGETS.includes(target) && CASE_STATES.indexOf(target) < CASE_STATES.indexOf(c.state);
  if (earlier) return null;
  return `${caseLabel(c)} 更正只能退回到「${c.state}」之前的流程状态，不能改为「${target}」`;
}
