// Who may do what: the ONE rule table of the petition workflow (actions, from-states, targets, roles, guards).
import type { WorkCalendar } from './calendar';
import type { CaseNumberConfig } from './caseNumber';
import { checklistProblem } from './checklist';
import { formatDateTime } from './dates';
import { computeDueAt, type TimeLimit } from './deadlines';
import { CASE_STATES, caseLabel, isReport, isWalkIn, type Case, type CaseState, type Person, type Role } from './model';

/** Action ids; `ACTION_RULES[type].caption` is what a person reads. */
// prettier-ignore
export const ACTION_TYPES = [
  'sign', 'approveAssign', 'assign', 'returnCase', 'forward', 'submit', 'itemReview', 'petitionReview',
  'approveClose', 'reply', 'callback', 'assignVerify', 'submitVerify', 'issueVerify', 'replyVerify', 'redo',
  'requestExtension', 'approveExtension', 'rejectExtension', 'liaisonLetter', 'flagWeekly', 'flagSupervision',
  'archive', 'correct',
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
}

/** The defaults come from the one settings table (src/core/settings.ts). */
export { DEFAULT_SETTINGS } from './settings';

/** Everything a decision reads besides the case: settings, time limits, the working calendar. */
export interface Rules {
  settings: WorkflowSettings;
  limits: TimeLimit[];
  calendar: WorkCalendar;
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
const SIGNERS: readonly Role[] = ['信访工作分管领导', '主职领导'];
const LEADERS: readonly Role[] = ['信访办', '主职领导', '信访工作分管领导'];
const REPORT: Special = { when: isReport, subject: '检举控告类信访件', roles: ['主职领导'] };
const WALK_IN: Special = { when: isWalkIn, subject: '现场接访件', roles: (s) => s.walkInCloseSigners };
/** Targets of 更正: the main line, not the side exits or the end. */
export const CORRECTION_TARGETS: readonly CaseState[] = ALL.filter((s) => !['已退单', '已转送', '已归档'].includes(s));

/** The rule table (kept as a table: one row per action, read across). */
// prettier-ignore
export const ACTION_RULES: Readonly<Record<ActionType, ActionRule>> = {
  sign: { type: 'sign', caption: '签收', from: ['待签收'], to: ['待交办签批'], roles: ['信访办'] },
  approveAssign: {
    type: 'approveAssign', caption: '交办签批', from: ['待交办签批'], to: ['待交办'], roles: SIGNERS, special: [REPORT],
  },
  assign: { type: 'assign', caption: '交办', from: ['待交办', '已退单'], to: ['办理中'], roles: ['信访办'] },
  returnCase: {
    type: 'returnCase', caption: '退单', from: ['办理中'], to: ['已退单'], roles: ['部室联络员'],
    ownDepartment: ['部室联络员'], guard: withinReturnWindow,
  },
  forward: { type: 'forward', caption: '转送', from: ['已退单'], to: ['已转送'], roles: ['信访办'] },
  submit: { type: 'submit', caption: '提交审核', from: ['办理中'], to: ['审核中'], roles: DEPT, ownDepartment: DEPT },
  itemReview: {
    type: 'itemReview', caption: '事项分管领导审核', from: ['审核中'], to: ['信访审核中', '待办结签批'],
    pick: (c) => (isWalkIn(c) ? '待办结签批' : '信访审核中'), // annex 4 has no 信访分管领导 box
    roles: ['事项分管领导'], ownDepartment: ['事项分管领导'],
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
  assignVerify: { type: 'assignVerify', caption: '核实交办', from: ['核实中'], to: ['核实办理中'], roles: ['信访办'] },
  submitVerify: {
    type: 'submitVerify', caption: '提交核实说明', from: ['核实办理中'], to: ['核实待签发'], roles: DEPT,
    ownDepartment: DEPT,
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
    roles: ['信访办', ...DEPT], ownDepartment: DEPT,
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
export function inOwnDepartment(actor: Person, role: Role, c: Case): boolean {
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

function withinReturnWindow({ c, now, rules }: GuardArgs): string | null {
  if (!c.assignedAt) return `${caseLabel(c)} 没有交办时间，无法确认退单是否在时限内，请联系信访办`;
  const { limits, calendar } = rules;
  const due = computeDueAt({ node: '退单', startAt: c.assignedAt, matterType: c.matterType, limits, calendar });
  if (now.getTime() <= due.dueAt.getTime()) return null;
  const limit = `${due.limit.amount}${due.limit.unit}`;
  return `${caseLabel(c)} 退单须在交办后${limit}内提出（交办 ${formatDateTime(c.assignedAt)}，截止 ${formatDateTime(due.dueAt)}），已超过时限，不能退单；如确不属本部室职责，请联系信访办`;
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
