// Where every case stands: the node it waits on, since when, due when, and who must act — the ONE place deadlines of
// the process are computed. The ledger's 当前环节 / 环节期限 / 期限状态 / 待办方, the notices, the reminders, the web
// app and the analysis all read it.
import { formatDateTime, startOfShanghaiDay, endOfShanghaiDay, toShanghaiDate, type LocalDate } from './dates';
import { computeDueAt, deadlineStatus, type DeadlineNode, type TimeLimit } from './deadlines';
import { isCaseState, isWalkIn, type Case, type CloseEvent, type Person, type Role } from './model';
import { ACTION_RULES, allowedRoles, inOwnDepartment, type ActionType, type Rules } from './roles';

/** The nodes a case may wait on, in process order; each is completed by the action `NODE_ACTIONS` names. */
// prettier-ignore
export const NODES = [
  '签收', '交办签批', '交办', '接收', '退单', '办理', '延期审批', '接待部室意见', '事项分管领导审核', '信访分管领导审核',
  '办结签批', '系统回复', '回访', '核实交办', '核实交办签批', '事项分管领导批示', '部长（主任）办理意见', '核实情况说明',
  '核实签发', '核实回复', '转送或重新交办', '复查', '复核', '归档',
] as const;
export type NodeName = (typeof NODES)[number];

/** The action that completes each node: the rule table says who may take it, so it says who must act. */
export const NODE_ACTIONS: Readonly<Record<NodeName, ActionType>> = {
  签收: 'sign',
  交办签批: 'approveAssign',
  交办: 'assign',
  接收: 'receive',
  退单: 'returnCase',
  办理: 'submit',
  延期审批: 'approveExtension',
  接待部室意见: 'receptionOpinion',
  事项分管领导审核: 'itemReview',
  信访分管领导审核: 'petitionReview',
  办结签批: 'approveClose',
  系统回复: 'reply',
  回访: 'callback',
  核实交办: 'assignVerify',
  核实交办签批: 'verifyAssignSign',
  事项分管领导批示: 'verifyInstruct',
  '部长（主任）办理意见': 'verifyHeadOpinion',
  核实情况说明: 'submitVerify',
  核实签发: 'issueVerify',
  核实回复: 'replyVerify',
  转送或重新交办: 'forward',
  复查: 'reviewDecide',
  复核: 'reviewDecide',
  归档: 'archive',
};

/** Which clock sets a node's due time: its own limit in 时限, the case's 办结 clock, verification's, or none. */
export type ClockName = '环节' | '办结' | '核实' | '复查复核' | '无';

/** Who must act: the roles the rule table allows, the department they act for (if bound to one), the people. */
export interface Actor {
  roles: readonly Role[];
  department?: string;
  people: readonly Person[];
}

/** A node a case waits on. */
export interface PendingNode {
  node: NodeName;
  action: ActionType;
  since: Date;
  /** When it falls due; undefined when nothing limits it (归档). */
  dueAt?: Date;
  clock: ClockName;
  /** The 时限 row applied (for a node with a limit of its own). */
  limit?: TimeLimit;
  /** The due time lies in (or counts across) a year without an official holiday schedule. */
  provisional: boolean;
  actor: Actor;
  /**
   * A node beside the main line (the 退单 window, an extension waiting for approval, a 复查/复核): the main node
   * stays current. The 退单 window is an option, not a duty: it is listed only while open.
   */
  side?: boolean;
}

/** The 办结 clock: from 信访日期 to the platform's deadline (or the 时限 limit of the 事项类型), after extensions. */
export interface ClosureClock {
  startDate: LocalDate;
  dueAt: Date;
  dueDate: LocalDate;
  /** 平台: the deadline the platform gave (typed at registration); 计算: the 时限 limit of the 事项类型. */
  source: '平台' | '计算';
  /** A case from the platform or a higher level whose deadline is still missing: the default applies meanwhile. */
  platformDueMissing: boolean;
  provisional: boolean;
  /** The event that stops it for this case. */
  stopEvent: CloseEvent;
  /** When it stopped (办结签批, or 系统回复 for a platform case when 设置 says so); undefined while it runs. */
  stoppedAt?: Date;
  /** Set once stopped: the stop on or before the deadline. */
  onTime?: boolean;
}

/** The 期限状态 words: a running node's, or the case's own outcome when nothing with a deadline is pending. */
export type DeadlineWord = '正常' | '即将到期' | '已超期' | '按期办结' | '超期办结' | '已退单' | '已转送' | '';

/** Everything the ledger, notices, reminders, web app and analysis read about a case's deadlines. */
export interface CaseDeadlines {
  /** The node the case waits on now (the main line's, else a side node's); null when it waits on nobody. */
  current: PendingNode | null;
  /** Every node it waits on: the main line's first, then side nodes, each at most once. */
  nodes: PendingNode[];
  closure: ClosureClock | null;
  /** The verification clock of a dissatisfied case, while in verification. */
  verification?: { since: Date; dueAt: Date; provisional: boolean };
  /** Where the current node's deadline stands at `now`. */
  word: DeadlineWord;
  /** 期限状态 as the ledger shows it: the word, with （暂定） when the deadline is provisional. */
  statusText: string;
  workdaysLeft?: number;
  overdueWorkdays?: number;
}

/** What the function reads besides the case: the rules, the moment, and (to name the people) 人员. */
export interface PendingArgs {
  rules: Rules;
  now: Date;
  people?: readonly Person[];
}

/** 期限状态 of a case with nothing timed pending and no 办结 outcome to show. */
export const NO_DEADLINE = '—';

/** How 期限状态 marks a deadline counted over a year without an official holiday schedule. */
export const PROVISIONAL_MARK = '（暂定）';

const at = (d: Date | undefined): number => (d ? d.getTime() : -Infinity);
const dayStart = (d: LocalDate | undefined): Date | undefined => (d ? startOfShanghaiDay(d) : undefined);

/** The case's source is the platform or a higher level: its deadline is the platform's. */
export function isPlatformCase(c: Case): boolean {
  return c.source === '上级';
}

/** The 办结 clock of a case; null without a 信访日期. */
export function closureClock(c: Case, rules: Rules): ClosureClock | null {
  if (!c.petitionDate) return null;
  const computed = computeDueAt({
    node: '办结',
    startAt: startOfShanghaiDay(c.petitionDate),
    matterType: c.matterType,
    limits: rules.limits,
    calendar: rules.calendar,
  });
  // 办理期限 holds the deadline in force: the platform's as typed, or the computed one moved by approved extensions.
  const typed = c.dueDate && c.dueSource === '手填';
  const dueDate = c.dueDate ?? computed.dueDate;
  const dueAt = endOfShanghaiDay(dueDate);
  const platform = isPlatformCase(c);
  const stopEvent: CloseEvent = platform ? rules.settings.closeEvent : '办结签批';
  const stoppedAt = stopEvent === '系统回复' ? (c.repliedAt ?? undefined) : c.closeSignedAt;
  const clock: ClosureClock = {
    startDate: c.petitionDate,
    dueAt,
    dueDate,
    source: typed ? '平台' : '计算',
    platformDueMissing: platform && !typed,
    provisional: typed ? false : (c.dueProvisional ?? computed.provisional),
    stopEvent,
  };
  if (stoppedAt) {
    clock.stoppedAt = stoppedAt;
    clock.onTime = stoppedAt.getTime() <= dueAt.getTime();
  }
  return clock;
}

/**
 * When the 回访 of a closed case falls due: 时限「回访」 from the closure (办结签批, else 系统回复) — the 回访 node's own
 * deadline, for every closed case (the analysis counts the 回访 due in a month, also of cases past 待回访).
 */
export function callbackDueAt(c: Case, rules: Rules): Date | undefined {
  const since = c.closeSignedAt ?? c.repliedAt;
  if (!since) return undefined;
  const { limits, calendar } = rules;
  return computeDueAt({ node: '回访', startAt: since, matterType: c.matterType, limits, calendar }).dueAt;
}

/** Who must act on a node of `c`: the rule's roles, its department when those roles are bound to one, the people. */
export function actorOf(c: Case, action: ActionType, rules: Rules, people: readonly Person[] = []): Actor {
  const rule = ACTION_RULES[action];
  const { roles } = allowedRoles(rule, c, rules.settings);
  const bound = roles.some((r) => rule.ownDepartment?.includes(r));
  const acts = (p: Person, r: Role): boolean =>
    roles.includes(r) && (!rule.ownDepartment?.includes(r) || inOwnDepartment(p, r, c));
  // In the rule's order of roles (信访工作分管领导 before 主职领导), then as 人员 lists them.
  const rank = (p: Person): number => Math.min(...p.roles.filter((r) => acts(p, r)).map((r) => roles.indexOf(r)));
  const who = people
    .filter((p) => p.roles.some((r) => acts(p, r)))
    .map((p, i) => ({ p, i }))
    .sort((a, b) => rank(a.p) - rank(b.p) || a.i - b.i)
    .map(({ p }) => p);
  return { roles, ...(bound && c.department ? { department: c.department } : {}), people: who };
}

/** 待办方 as the ledger shows it: `规划建设部 部室联络员：王五、赵六`, `信访工作分管领导：李四`. */
export function actorText(a: Actor): string {
  const names = [...new Set(a.people.map((p) => p.name || p.email))];
  const head = [a.department, a.roles.join('/')].filter(Boolean).join(' ');
  return names.length ? `${head}：${names.join('、')}` : head;
}

/** When the case became dissatisfied: the later 不满意 of the 回访 and the platform's evaluation. */
function dissatisfiedSince(c: Case): Date | undefined {
  const dates = [
    c.satisfaction === '不满意' ? c.callbackDate : undefined,
    c.platformRating === '不满意' ? c.platformRatedDate : undefined,
  ].filter((d): d is LocalDate => !!d);
  dates.sort();
  return dayStart(dates[dates.length - 1]) ?? c.verifyAssignedAt;
}

/**
 * The pending nodes of a case, their deadlines and actors, and 期限状态 at `now`. Nodes before the 办结 clock stops
 * fall due at the earlier of their own limit and the 办结 deadline; verification steps at verification's deadline.
 */
export function caseDeadlines(c: Case, args: PendingArgs): CaseDeadlines {
  const { rules, now } = args;
  const people = args.people ?? [];
  const closure = closureClock(c, rules);
  const nodes: PendingNode[] = [];
  let verification: CaseDeadlines['verification'];
  const add = (node: NodeName, since: Date | undefined, due: Omit<Due, 'since'>, side = false): void => {
    // A row typed or imported without the time its node began: the node is held to the 办结 deadline, never to a
    // limit counted from today (which would move with every refresh).
    const start = since ?? dayStart(c.petitionDate) ?? now;
    const action = NODE_ACTIONS[node];
    const held: Omit<Due, 'since'> = since || due.clock === '无' || due.clock === '核实' ? due : { clock: '办结' };
    const timed = dueOf(c, { ...held, since: start }, rules, closure);
    nodes.push({
      node,
      action,
      since: start,
      ...timed,
      actor: actorOf(c, action, rules, people),
      ...(side ? { side } : {}),
    });
  };
  const closeDue = { clock: '办结' as const };
  const own = (limit: DeadlineNode): Omit<Due, 'since'> => ({ clock: '环节', limit, capByClosure: true });
  const state = isCaseState(c.state) ? c.state : '待签收';
  const receivedThisRound = at(c.receivedAt) >= at(c.assignedAt) && !!c.receivedAt;
  switch (state) {
    case '待签收':
      add('签收', c.registeredAt ?? dayStart(c.petitionDate), own('签收'));
      break;
    case '待交办签批':
      add('交办签批', c.signedAt ?? c.registeredAt, own('交办签批'));
      break;
    case '待交办':
      add('交办', c.assignSignedAt ?? c.signedAt, own('交办'));
      break;
    case '办理中':
      if (!receivedThisRound) add('接收', c.assignedAt, own('接收'));
      else add('办理', laterOf(c.receivedAt, c.redoAt), closeDue);
      break;
    case '已退单':
      add('转送或重新交办', c.returnedAt, closeDue);
      break;
    case '审核中':
      if (isWalkIn(c) && !c.receptionAt) add('接待部室意见', c.handlerSignedAt, closeDue);
      else add('事项分管领导审核', laterOf(c.handlerSignedAt, c.receptionAt), closeDue);
      break;
    case '信访审核中':
      add('信访分管领导审核', c.itemReviewAt, closeDue);
      break;
    case '待办结签批':
      add('办结签批', laterOf(c.petitionReviewAt, c.itemReviewAt), closeDue);
      break;
    case '已办结':
      add('系统回复', c.closeSignedAt, {
        clock: '环节',
        limit: '系统回复',
        capByClosure: closure?.stopEvent === '系统回复',
      });
      break;
    case '待回访':
      add('回访', c.closeSignedAt ?? c.repliedAt, { clock: '环节', limit: '回访' });
      break;
    case '已回访':
    case '已核实':
      add('归档', laterOf(c.callbackDate ? dayStart(c.callbackDate) : undefined, c.verifyRepliedAt), { clock: '无' });
      break;
    default:
      if (state.startsWith('核实')) verification = verificationNodes(c, state, add, rules, now);
  }
  // Beside the main line.
  if (state === '办理中' && c.assignedAt && at(c.handlerSignedAt) < at(c.assignedAt)) {
    const window = dueOf(c, { since: c.assignedAt, clock: '环节', limit: '退单' }, rules, closure);
    if (window.dueAt && now.getTime() <= window.dueAt.getTime())
      add('退单', c.assignedAt, { clock: '环节', limit: '退单' }, true);
  }
  if (state === '办理中' && c.extRequestedAt && !c.extDecidedAt) add('延期审批', c.extRequestedAt, closeDue, true);
  if (c.reviewKind && c.reviewRequestDate && !c.reviewDecidedDate) {
    const since = startOfShanghaiDay(c.reviewRequestDate);
    const due = c.reviewDueDate
      ? { clock: '复查复核' as const, fixed: endOfShanghaiDay(c.reviewDueDate) }
      : { clock: '复查复核' as const, limit: c.reviewKind };
    add(c.reviewKind, since, due, true);
  }
  const main = nodes.filter((n) => !n.side);
  const current =
    main.find((n) => n.node !== '归档') ?? nodes.find((n) => n.side && n.node !== '退单') ?? main[0] ?? null;
  return {
    current,
    nodes: [...main, ...nodes.filter((n) => n.side)],
    closure,
    ...(verification ? { verification } : {}),
    ...standing(c, current, closure, args),
  };
}

/** How a node's due time is set. */
interface Due {
  since: Date;
  clock: ClockName;
  /** The node's own 时限 row. */
  limit?: DeadlineNode;
  /** Due no later than the 办结 deadline (a node before the clock stops). */
  capByClosure?: boolean;
  /** A due time already known (a 复查复核 期限, verification's). */
  fixed?: Date;
  fixedProvisional?: boolean;
}

function dueOf(
  c: Case,
  d: Due,
  rules: Rules,
  closure: ClosureClock | null,
): Pick<PendingNode, 'dueAt' | 'clock' | 'limit' | 'provisional'> {
  if (d.clock === '无') return { clock: '无', provisional: false };
  if (d.fixed) {
    const provisional =
      d.fixedProvisional ?? rules.calendar.isProvisionalRange(toShanghaiDate(d.since), toShanghaiDate(d.fixed));
    return { clock: d.clock, dueAt: d.fixed, provisional };
  }
  if (d.clock === '办结' || !d.limit) {
    return closure
      ? { clock: '办结', dueAt: closure.dueAt, provisional: closure.provisional }
      : { clock: '办结', provisional: false };
  }
  const r = computeDueAt({
    node: d.limit,
    startAt: d.since,
    matterType: c.matterType,
    limits: rules.limits,
    calendar: rules.calendar,
  });
  if (d.capByClosure && closure && closure.dueAt.getTime() < r.dueAt.getTime()) {
    return { clock: '办结', dueAt: closure.dueAt, limit: r.limit, provisional: closure.provisional };
  }
  return { clock: d.clock, dueAt: r.dueAt, limit: r.limit, provisional: r.provisional };
}

function laterOf(a: Date | undefined, b: Date | undefined): Date | undefined {
  if (!a) return b;
  if (!b) return a;
  return a.getTime() >= b.getTime() ? a : b;
}

/** The verification loop's nodes (annex 5's order), each due at the verification clock's deadline. */
function verificationNodes(
  c: Case,
  state: Case['state'],
  add: (node: NodeName, since: Date | undefined, due: Omit<Due, 'since'>) => void,
  rules: Rules,
  now: Date,
): CaseDeadlines['verification'] {
  const since = dissatisfiedSince(c) ?? now;
  const r = computeDueAt({
    node: '核实',
    startAt: since,
    matterType: c.matterType,
    limits: rules.limits,
    calendar: rules.calendar,
  });
  const due = { clock: '核实' as const, fixed: r.dueAt, fixedProvisional: r.provisional };
  const headGiven = !!c.verifyHeadAt && (!c.verifyInstructionAt || c.verifyHeadAt >= c.verifyInstructionAt);
  switch (state) {
    case '核实中':
      add('核实交办', since, due);
      break;
    case '核实待签批':
      add('核实交办签批', c.verifyAssignedAt, due);
      break;
    case '核实待批示':
      add('事项分管领导批示', c.verifyAssignSignedAt, due);
      break;
    case '核实办理中':
      if (!headGiven) add('部长（主任）办理意见', c.verifyInstructionAt, due);
      else add('核实情况说明', laterOf(c.verifyHeadAt, c.redoAt), due);
      break;
    case '核实待签发':
      add('核实签发', c.verifySubmittedAt, due);
      break;
    case '核实待回复':
      add('核实回复', c.verifyIssuedAt, due);
      break;
    default:
  }
  return { since, dueAt: r.dueAt, provisional: r.provisional };
}

/** 期限状态 and the working days left or over, for the current node (or the case's outcome when none is timed). */
function standing(
  c: Case,
  current: PendingNode | null,
  closure: ClosureClock | null,
  { rules, now }: PendingArgs,
): Pick<CaseDeadlines, 'word' | 'statusText' | 'workdaysLeft' | 'overdueWorkdays'> {
  if (c.state === '已转送') return { word: '已转送', statusText: '已转送' };
  if (current?.dueAt && c.state !== '已退单') {
    const s = deadlineStatus({
      dueAt: current.dueAt,
      now,
      calendar: rules.calendar,
      dueSoonWorkdays: rules.settings.dueSoonWorkdays,
    });
    const provisional = current.provisional || s.provisional;
    return {
      word: s.state,
      statusText: `${s.state}${provisional ? PROVISIONAL_MARK : ''}`,
      workdaysLeft: s.workdaysLeft,
      overdueWorkdays: s.overdueWorkdays,
    };
  }
  if (c.state === '已退单') return { word: '已退单', statusText: '已退单' };
  if (closure?.onTime !== undefined) {
    const word = closure.onTime ? '按期办结' : '超期办结';
    return { word, statusText: word };
  }
  // Nothing timed and no outcome to show (e.g. a case taken in without its dates): shown as computed, not blank.
  return { word: '', statusText: NO_DEADLINE };
}

/** `10月12日 17:30`, or `10月12日` for a deadline at the end of a day: how a notice names a deadline. */
export function formatDue(due: Date): string {
  const day = toShanghaiDate(due);
  const [, m, d] = day.split('-').map(Number);
  const endOfDay = due.getTime() === endOfShanghaiDay(day).getTime();
  return endOfDay ? `${m}月${d}日` : `${m}月${d}日 ${formatDateTime(due).slice(11)}`;
}
