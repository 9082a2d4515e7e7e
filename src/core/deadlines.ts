// Time limits of the petition process and their due instants, in Asia/Shanghai whatever the host zone.
import type { WorkCalendar } from './calendar';
import { addDays, endOfShanghaiDay, fromShanghai, parseDateInput, toShanghaiDate, type LocalDate } from './dates';

/** '日' calendar days (procedural-law counting), '工作日' working days, '工作小时' office hours. */
export type DeadlineUnit = '日' | '工作日' | '工作小时';

/** The process steps that carry a time limit of their own (the 时限 sheet's 节点). */
// prettier-ignore
export const DEADLINE_NODES = [
  '签收', '交办签批', '交办', '接收', '退单', '办结', '系统回复', '回访', '核实', '受理告知', '复查', '复核', '异议',
] as const;
export type DeadlineNode = (typeof DEADLINE_NODES)[number];

/** One row of the time-limit table; `matterType` (事项类型) undefined = any type. */
export interface TimeLimit {
  node: DeadlineNode;
  matterType?: string;
  amount: number;
  unit: DeadlineUnit;
}

/**
 * Defaults, each from its source (domain-facts.md §3.1 for the 《信访工作条例》 articles; process.md
 * for the office's own rules, 绍市镜办党发〔2020〕22号). 办结 60 日 applies to matters needing a
 * 处理意见书; configure shorter limits per 事项类型 as the platform sets them.
 */
export const DEFAULT_TIME_LIMITS: TimeLimit[] = [
  { node: '签收', amount: 0, unit: '工作日' }, // same working day
  // The office's own defaults, to confirm with it (the seed names no limit): the leader signs the next working day,
  // and 信访办 routes the case the day it is signed (当天接处 is the seed's word for the liaisons' side).
  { node: '交办签批', amount: 1, unit: '工作日' },
  { node: '交办', amount: 0, unit: '工作日' },
  { node: '接收', amount: 0, unit: '工作日' }, // seed 二(一)1: 当天接处, the liaison takes the case the day it is assigned
  { node: '退单', amount: 3, unit: '工作小时' }, // seed 二(二)2: 3 工作小时 to return a case not ours
  { node: '办结', amount: 60, unit: '日' }, // 条例 Art. 34
  { node: '受理告知', amount: 15, unit: '日' }, // 条例 Art. 23
  { node: '复查', amount: 30, unit: '日' }, // 条例 Art. 35
  { node: '复核', amount: 30, unit: '日' }, // 条例 Art. 36
  { node: '异议', amount: 5, unit: '工作日' }, // 条例 Art. 23 ¶3
  { node: '回访', amount: 3, unit: '日' }, // seed 二(二)3: 办结后3日内完成回访
  // Office defaults (the seed and the regulation name none): 信访办 replies in the platform the working day after the
  // closure is signed; a dissatisfied case is verified and answered within 15 日 of the 不满意.
  { node: '系统回复', amount: 1, unit: '工作日' },
  { node: '核实', amount: 15, unit: '日' },
];

/** Default longest extension (条例 Art. 34: 延长期限不得超过30日). */
export const DEFAULT_MAX_EXTENSION_DAYS = 30;

/**
 * The limit for a node: the row for this `matterType` wins over the generic row (no matterType);
 * a node missing from `limits` falls back to DEFAULT_TIME_LIMITS.
 */
export function findLimit(limits: TimeLimit[], node: DeadlineNode, matterType?: string): TimeLimit {
  const type = matterType?.trim();
  const generic = (l: TimeLimit): boolean => l.node === node && !l.matterType?.trim();
  return (
    (type ? limits.find((l) => l.node === node && l.matterType?.trim() === type) : undefined) ??
    limits.find(generic) ??
    DEFAULT_TIME_LIMITS.find(generic) ?? { node, amount: 0, unit: '工作日' }
  );
}

/** A computed deadline. */
export interface DueResult {
  dueAt: Date;
  /** The Shanghai date of dueAt. */
  dueDate: LocalDate;
  /** True when any day from the start to the due date lies in a year without an official schedule. */
  provisional: boolean;
  limit: TimeLimit;
}

/**
 * When a step falls due. Day deadlines ('日', '工作日') fall due at the END of the due date
 * (23:59:59.999 Shanghai), so anything done that day is on time.
 * - '日': the start day is not counted; a last day that is a day off moves to the next working day
 *   (期间 rule of Chinese procedural law, domain-facts.md "counting periods").
 * - '工作日': the amount-th working day after the start date; 0 = the start date if a working day,
 *   else the next working day.
 * - '工作小时': office hours of working days from `startAt` (outside hours: from the next opening); the hours are
 *   the calendar's (设置「上班时间」), so every caller counts the same ones.
 */
export function computeDueAt(args: {
  node: DeadlineNode;
  startAt: Date;
  matterType?: string;
  limits: TimeLimit[];
  calendar: WorkCalendar;
}): DueResult {
  const { calendar, startAt } = args;
  const limit = findLimit(args.limits, args.node, args.matterType);
  const startDate = toShanghaiDate(startAt);
  let dueAt: Date;
  if (limit.unit === '工作小时') {
    dueAt = calendar.addWorkingHours(startAt, limit.amount);
  } else if (limit.unit === '工作日') {
    dueAt = endOfShanghaiDay(calendar.addWorkdays(startDate, Math.ceil(limit.amount)));
  } else {
    dueAt = endOfShanghaiDay(calendar.addWorkdays(addDays(startDate, Math.ceil(limit.amount)), 0));
  }
  const dueDate = toShanghaiDate(dueAt);
  return { dueAt, dueDate, provisional: calendar.isProvisionalRange(startDate, dueDate), limit };
}

/** Where a deadline stands at `now`. */
export interface DeadlineStatus {
  state: '正常' | '即将到期' | '已超期';
  /** Working days in (today, due date]; 0 on the due date and when overdue. */
  workdaysLeft: number;
  /** Working days in (due date, today]; 0 when not overdue or overdue only since earlier today. */
  overdueWorkdays: number;
  provisional: boolean;
}

/** '已超期' after dueAt; '即将到期' when workdaysLeft ≤ dueSoonWorkdays; else '正常'. */
export function deadlineStatus(args: {
  dueAt: Date;
  now: Date;
  calendar: WorkCalendar;
  dueSoonWorkdays: number;
}): DeadlineStatus {
  const { calendar } = args;
  const today = toShanghaiDate(args.now);
  const dueDate = toShanghaiDate(args.dueAt);
  const provisional = calendar.isProvisionalRange(today, dueDate);
  if (args.now.getTime() > args.dueAt.getTime()) {
    const overdueWorkdays = Math.max(0, calendar.workdaysBetween(dueDate, today));
    return { state: '已超期', workdaysLeft: 0, overdueWorkdays, provisional };
  }
  const workdaysLeft = Math.max(0, calendar.workdaysBetween(today, dueDate));
  const state = workdaysLeft <= args.dueSoonWorkdays ? '即将到期' : '正常';
  return { state, workdaysLeft, overdueWorkdays: 0, provisional };
}

/** An extension granted, or why not. */
export type ExtendResult =
  { ok: true; dueAt: Date; dueDate: LocalDate; provisional: boolean } | { ok: false; reason: string };

/**
 * 延期: moves a deadline by `days` 日 from its current due date, with the same 日 rule (a last day
 * off moves to the next working day); the extensions together (`alreadyExtendedDays` + `days`)
 * may not exceed `maxDays` (default 30 日, 条例 Art. 34). Refusals are values with a Chinese reason.
 */
export function extendDueAt(args: {
  dueAt: Date;
  days: number;
  calendar: WorkCalendar;
  maxDays?: number;
  alreadyExtendedDays?: number;
}): ExtendResult {
  const max = args.maxDays ?? DEFAULT_MAX_EXTENSION_DAYS;
  const used = args.alreadyExtendedDays ?? 0;
  if (!Number.isInteger(args.days) || args.days < 1) return { ok: false, reason: '延期天数应为正整数' };
  if (used + args.days > max) {
    const left = Math.max(0, max - used);
    return { ok: false, reason: `延期累计不得超过 ${max} 日（已延期 ${used} 日，最多还可延 ${left} 日）` };
  }
  const from = toShanghaiDate(args.dueAt);
  const dueDate = args.calendar.addWorkdays(addDays(from, args.days), 0);
  const provisional = args.calendar.isProvisionalRange(from, dueDate);
  return { ok: true, dueAt: endOfShanghaiDay(dueDate), dueDate, provisional };
}

/** The deadline in force: one typed by staff (期限来源 手填) wins over the computed one. */
export interface ResolvedDeadline {
  dueAt: Date;
  dueDate: LocalDate;
  source: '手填' | '计算';
  /** Set when something was typed but could not be read as a date; the computed deadline applies. */
  issue?: string;
}

/**
 * Picks the deadline in force. A typed date without a time falls due at the end of that day; with a
 * time (or a date cell not at midnight), at that Shanghai instant. Blank typed values are ignored.
 */
export function resolveDeadline(args: { typed?: unknown; computed: { dueAt: Date } }): ResolvedDeadline {
  const { typed, computed } = args;
  const fromComputed = (issue?: string): ResolvedDeadline => {
    const r: ResolvedDeadline = { dueAt: computed.dueAt, dueDate: toShanghaiDate(computed.dueAt), source: '计算' };
    if (issue) r.issue = issue;
    return r;
  };
  if (typed === undefined || typed === null || (typeof typed === 'string' && typed.trim() === '')) {
    return fromComputed();
  }
  const parsed = parseDateInput(typed);
  if (!parsed.ok) return fromComputed(`手填期限无法识别（${parsed.reason}），暂按计算期限`);
  const [y, m, d] = parsed.date.split('-').map(Number);
  const dueAt = parsed.time
    ? fromShanghai(y, m, d, parsed.time.hh, parsed.time.mm, parsed.time.ss)
    : endOfShanghaiDay(parsed.date);
  return { dueAt, dueDate: parsed.date, source: '手填' };
}
