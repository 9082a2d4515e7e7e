// The monthly analysis for the office's leaders (issue 16): headline figures beside 上月 and 去年同月, breakdowns, the
// 考核 table by department, masked lists of overdue and dissatisfied cases, the 12-month trend and a 研判 written only
// from the figures. Pure: computed from the ledger's cases and the records; the sheet writer lays the result out.
import {
  addDays,
  endOfShanghaiDay,
  formatDateCN,
  formatDateTime,
  isLocalDate,
  parseDateInput,
  startOfShanghaiDay,
  toShanghaiDate,
  type LocalDate,
} from './dates';
import { findLimit, type TimeLimit } from './deadlines';
import { findEarlierCases, normalizeIdNumber, normalizePhone } from './duplicates';
import { maskName } from './mask';
import {
  CASE_STATES,
  FORMS,
  MATTER_TYPES,
  SOURCES,
  isReport,
  type Case,
  type CaseKey,
  type CaseState,
  type Satisfaction,
} from './model';
import { ANONYMOUS } from './notices';
import { callbackDueAt, closureClock, type ClosureClock } from './pending';
import type { AnyRecord, RecordOf } from './records';
import type { Rules } from './roles';

/** What the analysis reads: the month ('YYYY-MM'), the ledger, the records, the rules, and when it is built. */
export interface AnalysisInput {
  month: string;
  cases: readonly Case[];
  /** The 回访记录, 联系函 and 复查复核 records (other kinds are ignored). */
  records: readonly AnyRecord[];
  rules: Rules;
  now: Date;
  /** The 部室 in the office's order: each has a row of the 考核 table, with figures or not. */
  departments?: readonly string[];
  /**
   * The figures of complete months as the 月度汇总 keeps them: 上月, 去年同月 and the trend are taken from here, and
   * counted from `cases` only when missing (then returned in `counted`, for the summary to keep).
   */
  summary?: ReadonlyMap<string, MonthFigures>;
  /** Earlier cases read only for the repeat check (编号, 信访日期, 身份证号码, 联系电话, 登记时间): counted nowhere. */
  earlier?: readonly Case[];
}

/** The headline figures, by key; each is defined once in HEADLINE. */
// prettier-ignore
export type FigureKey =
  | 'received' | 'closed' | 'returned' | 'forwarded' | 'openAtEnd' | 'onTimeRate' | 'overdue' | 'avgWorkdays'
  | 'callbackRate' | 'satisfactionRate' | 'dissatisfied' | 'repeatPetitioners' | 'groupVisits' | 'reviewRequests'
  | 'letters' | 'lateReturns';

/** How a figure reads: a count of cases, of people, a rate in [0, 1], or working days (one decimal). */
export type FigureUnit = '件' | '人' | '比率' | '工作日';

/** One headline figure: its label (the tab's 指标 column), unit, and its definition under the rules in force. */
export interface HeadlineSpec {
  key: FigureKey;
  label: string;
  unit: FigureUnit;
  define: (rules: Rules) => string;
}

/** A month's headline figures; a rate or an average is null when there is nothing to divide by. */
export type MonthFigures = Record<FigureKey, number | null>;

/** A row of the headline block 指标 | 本月 | 上月 | 去年同月. */
export interface HeadlineRow {
  key: FigureKey;
  label: string;
  unit: FigureUnit;
  thisMonth: number | null;
  lastMonth: number | null;
  lastYear: number | null;
}

/** A value and how many of the month's cases have it. */
export interface Count {
  key: string;
  count: number;
}

/** A row of the 考核 table: one department's month. */
export interface DepartmentRow {
  department: string;
  received: number;
  closed: number;
  onTimeRate: number | null;
  overdue: number;
  satisfactionRate: number | null;
}

/** A case in a list, its petitioner masked (匿名保护 for 检举控告). */
export interface CaseLine {
  caseNo: string;
  department: string;
  matterType: string;
  state: string;
  petitioner: string;
}

/** An overdue case: its 办结 deadline in force, and the day its 办结 event came (if it has). */
export interface OverdueLine extends CaseLine {
  dueDate: LocalDate;
  closedDate?: LocalDate;
}

/** A case rated 不满意 in the month, with the first such rating's date. */
export interface DissatisfiedLine extends CaseLine {
  ratedDate: LocalDate;
}

/** A month of the trend. */
export interface TrendPoint {
  month: string;
  received: number;
  closed: number;
}

/** Everything the 月度分析 tab shows. */
export interface MonthlyAnalysis {
  month: string;
  lastMonth: string;
  lastYear: string;
  headline: HeadlineRow[];
  /** `label：definition`, one line per headline figure, in the headline's order. */
  footer: string[];
  breakdowns: {
    source: Count[];
    form: Count[];
    matterType: Count[];
    category: Count[];
    departments: DepartmentRow[];
    /** The month's cases by state, in process order. */
    state: Count[];
  };
  overdue: OverdueLine[];
  dissatisfied: DissatisfiedLine[];
  /** The 12 months ending with the month. */
  trend: TrendPoint[];
  /** The 研判, one sentence per entry; empty when every figure it speaks of is zero. */
  judgement: string[];
  /** Lines for the tab's foot about what the figures could not count and how the states were read. */
  notes: string[];
  /** The complete months counted from the cases (the month itself, and any the summary lacked), for the summary. */
  counted: { month: string; figures: MonthFigures }[];
}

/** The 考核 table's row for cases no department holds (not yet assigned, or forwarded before 交办). */
export const NO_DEPARTMENT = '（未交办）';
/** A breakdown's bucket for a blank cell. */
export const UNFILLED = '（未填）';

const limitText = (l: TimeLimit): string => (l.unit === '日' ? `${l.amount}日` : `${l.amount}个${l.unit}`);

/** The headline figures in the tab's order, with their labels and definitions (the tab's footer). */
export const HEADLINE: readonly HeadlineSpec[] = [
  { key: 'received', label: '本月受理', unit: '件', define: () => '信访日期在本月的信访件数。' },
  {
    key: 'closed',
    label: '本月办结',
    unit: '件',
    define: (r) =>
      `办结时点在本月的信访件数：本级件以办结签批为准，上级（平台）交办件以${r.settings.closeEvent}为准（设置「平台件办结时点」）；退单、转送不计为办结。`,
  },
  {
    key: 'returned',
    label: '本月退单',
    unit: '件',
    define: () => '退单时间在本月的信访件数（多次退单的按最近一次）。',
  },
  { key: 'forwarded', label: '本月转送', unit: '件', define: () => '转送时间在本月的信访件数。' },
  {
    key: 'openAtEnd',
    label: '月末在办',
    unit: '件',
    define: () => '信访日期不晚于月末，且至月末尚未办结、退单或转送的信访件数。',
  },
  {
    key: 'onTimeRate',
    label: '按期办结率',
    unit: '比率',
    define: () => '本月办结件中，办结时点不晚于办结期限（含已批准的延期）的比例。',
  },
  {
    key: 'overdue',
    label: '超期件数',
    unit: '件',
    define: () => '本月内曾超过办结期限而尚未办结的信访件数（含超期后于本月办结的；转送后不再计）。',
  },
  {
    key: 'avgWorkdays',
    label: '平均办理工作日',
    unit: '工作日',
    define: () => '本月办结件自信访日期次日至办结当日的工作日数的平均值，保留一位小数。',
  },
  {
    key: 'callbackRate',
    label: '回访率',
    unit: '比率',
    define: (r) =>
      `回访期限（办结签批后${limitText(findLimit(r.limits, '回访'))}）在本月的信访件中，月末前已回访的比例（平台评价不计为回访）。`,
  },
  {
    key: 'satisfactionRate',
    label: '满意率',
    unit: '比率',
    define: () => '本月回访和平台评价中，「满意」「基本满意」件次占已评价件次的比例。',
  },
  { key: 'dissatisfied', label: '不满意件数', unit: '件', define: () => '本月回访或平台评价为「不满意」的信访件数。' },
  {
    key: 'repeatPetitioners',
    label: '重复信访人数',
    unit: '人',
    define: (r) =>
      `本月有受理件、且此前${r.settings.repeatWindowDays}日内另有信访件的信访人数（按身份证号码识别，无身份证号码的按联系电话）。`,
  },
  {
    key: 'groupVisits',
    label: '集体访件数',
    unit: '件',
    define: (r) => `本月受理件中人数达到${r.settings.groupVisitThreshold}人（设置「集体访人数」）的件数。`,
  },
  { key: 'reviewRequests', label: '复查复核申请', unit: '件', define: () => '申请日期在本月的复查、复核申请数。' },
  { key: 'letters', label: '联系函', unit: '件', define: () => '发函日期在本月的信访事项联系函份数。' },
  {
    key: 'lateReturns',
    label: '逾期退单',
    unit: '件',
    define: (r) => `本月退单件中，超过退单时限（交办后${limitText(findLimit(r.limits, '退单'))}）才退单的件数。`,
  },
];

const MONTH_RE = /^(\d{4})-(0[1-9]|1[0-2])$/;

/** True for a month written 'YYYY-MM'. */
export function isMonth(s: unknown): s is string {
  return typeof s === 'string' && MONTH_RE.test(s);
}

/** The month `n` months after `month` (n < 0: before). */
export function shiftMonth(month: string, n: number): string {
  const [y, m] = month.split('-').map(Number);
  const k = y! * 12 + (m! - 1) + n;
  return `${String(Math.floor(k / 12)).padStart(4, '0')}-${String((k % 12) + 1).padStart(2, '0')}`;
}

/** The ledger fields the analysis reads of a case it counts (a test proves the result is the same from these alone). */
// prettier-ignore
export const ANALYSIS_FIELDS: readonly CaseKey[] = [
  'caseNo', 'state', 'petitionDate', 'petitionerName', 'idNumber', 'phone', 'personCount', 'source', 'form',
  'matterType', 'category', 'department', 'dueDate', 'dueSource', 'dueProvisional', 'registeredAt', 'assignedAt',
  'returnedAt', 'returnLateHours', 'forwardedAt', 'closeSignedAt', 'repliedAt', 'callbackDate', 'satisfaction',
  'platformRatedDate', 'platformRating', 'reviewRequestDate',
];

/** The fields of a case read only for the repeat check (AnalysisInput.earlier). */
export const REPEAT_FIELDS: readonly CaseKey[] = ['caseNo', 'petitionDate', 'idNumber', 'phone', 'registeredAt'];

/**
 * States a case leaves only through an action, which the log records: a case in one of them, without a log line in
 * the window, has no event in it (its 办结, 回访, 转送 and 核实 came earlier). Every other state may still be counted
 * (在办, 超期, 待回访, 核实中…) with nothing logged.
 */
const SETTLED_STATES: readonly CaseState[] = ['已转送', '已回访', '已核实', '已归档'];

/** What a build of a month must read from the ledger and the log. */
export interface AnalysisPlan {
  /** The months counted from the ledger: the month, and each compared or trend month the summary lacks. */
  months: string[];
  /** Cases with an event since this day (or received since) are read in full. */
  from: LocalDate;
  /** Cases received since this day are read for the repeat check. */
  repeatFrom: LocalDate;
  /** The month's last day: later cases play no part. */
  through: LocalDate;
}

/** Calendar days a time limit can span at most, for how far back the 回访 of a month's due can have started. */
function spanDays(l: TimeLimit): number {
  if (l.unit === '日') return l.amount;
  const workdays = l.unit === '工作日' ? l.amount : Math.ceil(l.amount / 8);
  return Math.ceil((workdays * 7) / 5) + 10; // weekends, and a long holiday
}

/** The months to count and the window to read for the analysis of `month`, given the months the summary holds. */
export function analysisPlan(month: string, summaryMonths: ReadonlySet<string>, rules: Rules): AnalysisPlan {
  if (!isMonth(month)) throw new RangeError(`Not a YYYY-MM month: ${String(month)}`);
  const compared = [shiftMonth(month, -1), shiftMonth(month, -12)];
  const trend = Array.from({ length: 11 }, (_, i) => shiftMonth(month, i - 11));
  const months = [month, ...new Set([...compared, ...trend])].filter((mo) => mo === month || !summaryMonths.has(mo));
  const earliest = [...months].sort()[0]!;
  // A 回访 due in the window may come from a closure up to the 回访 limit before it.
  const back = Math.max(1, Math.ceil(spanDays(findLimit(rules.limits, '回访')) / 28));
  return {
    months: months.sort(),
    from: `${shiftMonth(earliest, -back)}-01`,
    repeatFrom: addDays(`${earliest}-01`, -rules.settings.repeatWindowDays),
    through: monthSpan(month).last,
  };
}

/** A ledger row as the builder first reads it: 编号, 状态 and 信访日期 only. */
export interface RowHead {
  caseNo: string;
  state: string;
  petitionDate: unknown;
}

/**
 * How much of a row the build must read: in full ('full') when it may count in a month of the plan, only for the
 * repeat check ('repeat'), or not at all. `logged`: the cases with a 流转记录 line since `plan.from`; `logFrom`: the
 * first day from which the log holds every event (null: the log is empty), before which every row is read in full.
 */
export function rowNeed(
  row: RowHead,
  plan: AnalysisPlan,
  logged: ReadonlySet<string>,
  logFrom: LocalDate | null,
): 'full' | 'repeat' | null {
  const received = readDate(row.petitionDate);
  if (!received) return row.caseNo.trim() || String(row.petitionDate ?? '').trim() ? 'full' : null; // named in the notes
  if (received > plan.through) return null;
  if (received >= plan.from || logFrom === null || logFrom > plan.from) return 'full';
  if (logged.has(row.caseNo.trim()) || !(SETTLED_STATES as readonly string[]).includes(row.state.trim())) return 'full';
  return received >= plan.repeatFrom ? 'repeat' : null;
}

/** A 回访 or a platform evaluation of a case. */
interface Rating {
  date: LocalDate;
  fromPlatform: boolean;
  satisfaction?: Satisfaction;
}

/** What the analysis knows about one case with a readable 信访日期, computed once for every month it is asked of. */
interface Facts {
  /** The case, its 信访日期 and 办理期限 read as dates. */
  c: Case;
  received: LocalDate;
  department: string;
  closure: ClosureClock;
  /** The 办结 event (closureClock's stop). */
  closedAt?: number;
  /** The state says closed, but the 办结 event's time is missing (a row taken in without its dates). */
  closedUntimed: boolean;
  returnedAt?: number;
  forwardedAt?: number;
  assignedAt?: number;
  callbackDue?: number;
  ratings: Rating[];
}

const time = (d: unknown): number | undefined => (d instanceof Date && !isNaN(d.getTime()) ? d.getTime() : undefined);

/** A date cell as the analysis reads it: a LocalDate, or a date typed as text (2026年10月16日). */
function readDate(v: unknown): LocalDate | undefined {
  if (isLocalDate(v)) return v;
  if (v === undefined || v === null || v === '') return undefined;
  const p = parseDateInput(v);
  return p.ok ? p.date : undefined;
}

/** A month's first and last day, and its first and last instant in Shanghai (ms). */
function monthSpan(month: string): { first: LocalDate; last: LocalDate; start: number; end: number } {
  const start = startOfShanghaiDay(`${month}-01`).getTime();
  const next = startOfShanghaiDay(`${shiftMonth(month, 1)}-01`).getTime();
  const last = toShanghaiDate(new Date(next - 1));
  return { first: `${month}-01`, last, start, end: endOfShanghaiDay(last).getTime() };
}

const monthOfDate = (d: LocalDate): string => d.slice(0, 7);

/** True when the month ended before `now` (only a complete month's figures are kept in the summary). */
export function isComplete(month: string, now: Date): boolean {
  return monthSpan(month).end < now.getTime();
}
const trimmed = (s: string | undefined): string => (s ?? '').trim();

/** From 待回访 on, a case was closed; 已办结 too when its clock stops at 办结签批. */
const CLOSED_FROM = CASE_STATES.indexOf('待回访');
function closedByState(c: Case, closure: ClosureClock): boolean {
  const i = CASE_STATES.indexOf(c.state);
  return i >= CLOSED_FROM || (c.state === '已办结' && closure.stopEvent === '办结签批');
}

function prepare(input: AnalysisInput): { facts: Facts[]; undated: string[] } {
  const { rules } = input;
  const callbacks = new Map<string, RecordOf<'callback'>[]>();
  for (const r of input.records) {
    if (r.kind !== 'callback') continue;
    const list = callbacks.get(r.caseNo) ?? [];
    list.push(r);
    callbacks.set(r.caseNo, list);
  }
  const facts: Facts[] = [];
  const undated: string[] = [];
  for (const raw of input.cases) {
    const received = readDate(raw.petitionDate);
    if (!received) {
      undated.push(raw.caseNo || '（未编号）');
      continue;
    }
    const c: Case = { ...raw, petitionDate: received, dueDate: readDate(raw.dueDate) };
    const closure = closureClock(c, rules) as ClosureClock;
    const closedAt = time(closure.stoppedAt);
    const due = callbackDueAt(c, rules);
    facts.push({
      c,
      received,
      department: trimmed(c.department) || NO_DEPARTMENT,
      closure,
      closedAt,
      closedUntimed: closedAt === undefined && closedByState(c, closure),
      returnedAt: time(c.returnedAt),
      forwardedAt: time(c.forwardedAt),
      assignedAt: time(c.assignedAt),
      callbackDue: due?.getTime(),
      ratings: ratingsOf(c, callbacks.get(c.caseNo ?? '') ?? []),
    });
  }
  return { facts, undated };
}

/** The case's 回访 and platform evaluations: its 回访记录, or (a row with none) the ledger's latest of each. */
function ratingsOf(c: Case, records: readonly RecordOf<'callback'>[]): Rating[] {
  const ratings: Rating[] = [];
  const add = (date: unknown, fromPlatform: boolean, satisfaction?: Satisfaction): void => {
    const d = readDate(date);
    if (d) ratings.push({ date: d, fromPlatform, ...(satisfaction ? { satisfaction } : {}) });
  };
  for (const r of records)
    add(r.date ?? (r.at ? toShanghaiDate(r.at) : undefined), r.source === '平台评价', r.satisfaction);
  if (records.length === 0) {
    add(c.callbackDate, false, c.satisfaction);
    add(c.platformRatedDate, true, c.platformRating);
  }
  return ratings;
}

/** The cases behind each figure of one month. */
interface Measure {
  figures: MonthFigures;
  received: Facts[];
  closed: Facts[];
  overdue: Facts[];
  lateReturns: number;
  callbackDue: number;
  callbackDone: number;
  /** Ratings (with a satisfaction) dated in the month, with their case. */
  ratings: { f: Facts; r: Rating }[];
  dissatisfied: { f: Facts; date: LocalDate }[];
}

const rate = (part: number, whole: number): number | null => (whole > 0 ? part / whole : null);
const oneDecimal = (x: number): number => Math.round(x * 10) / 10;
const isSatisfied = (s: Satisfaction | undefined): boolean => s === '满意' || s === '基本满意';

/** Every figure of `month`, counted from events; overdue only up to `now` when the month is not over. */
function measure(month: string, facts: readonly Facts[], input: AnalysisInput, repeats: RepeatIndex): Measure {
  const { rules } = input;
  const { last, start, end } = monthSpan(month);
  const until = Math.min(end, input.now.getTime());
  const inMonth = (t: number | undefined): boolean => t !== undefined && t >= start && t <= end;
  const by = (t: number | undefined): boolean => t !== undefined && t <= end;

  const received = facts.filter((f) => monthOfDate(f.received) === month);
  const closed = facts.filter((f) => inMonth(f.closedAt));
  const returned = facts.filter((f) => inMonth(f.returnedAt));
  const open = facts.filter((f) => {
    if (f.received > last || f.closedUntimed || by(f.closedAt) || by(f.forwardedAt)) return false;
    // Still returned at the month's end: returned by then and not assigned again (the ledger keeps the latest 退单).
    const returnedAtEnd = by(f.returnedAt) && !(by(f.assignedAt) && f.assignedAt! > f.returnedAt!);
    return !returnedAtEnd;
  });
  // Past its 办结 deadline at some moment of the month while neither 办结 nor 转送.
  const overdue = facts.filter((f) => {
    const due = f.closure.dueAt.getTime();
    if (f.closedUntimed || until < start || due >= until) return false;
    const ended = Math.min(f.closedAt ?? Infinity, f.forwardedAt ?? Infinity);
    return ended > Math.max(due, start);
  });
  const workdays = closed.map((f) => rules.calendar.workdaysBetween(f.received, toShanghaiDate(new Date(f.closedAt!))));
  const dueCallbacks = facts.filter((f) => inMonth(f.callbackDue));
  const callbackDone = dueCallbacks.filter((f) => f.ratings.some((r) => !r.fromPlatform && r.date <= last)).length;
  const ratings = facts.flatMap((f) =>
    f.ratings.filter((r) => r.satisfaction && monthOfDate(r.date) === month).map((r) => ({ f, r })),
  );
  const firstBad = new Map<Facts, LocalDate>();
  for (const { f, r } of ratings) {
    const seen = firstBad.get(f);
    if (r.satisfaction === '不满意' && (seen === undefined || r.date < seen)) firstBad.set(f, r.date);
  }
  const lateReturns = returned.filter((f) => (f.c.returnLateHours ?? 0) > 0).length;
  const figures: MonthFigures = {
    received: received.length,
    closed: closed.length,
    returned: returned.length,
    forwarded: facts.filter((f) => inMonth(f.forwardedAt)).length,
    openAtEnd: open.length,
    onTimeRate: rate(closed.filter((f) => f.closure.onTime).length, closed.length),
    overdue: overdue.length,
    avgWorkdays: workdays.length ? oneDecimal(workdays.reduce((a, b) => a + b, 0) / workdays.length) : null,
    callbackRate: rate(callbackDone, dueCallbacks.length),
    satisfactionRate: rate(ratings.filter(({ r }) => isSatisfied(r.satisfaction)).length, ratings.length),
    dissatisfied: firstBad.size,
    repeatPetitioners: repeats.petitioners(received),
    groupVisits: received.filter((f) => (f.c.personCount ?? 0) >= rules.settings.groupVisitThreshold).length,
    reviewRequests: countReviews(month, input),
    letters: input.records.filter(
      (r) => r.kind === 'letter' && monthOfDate(readDate(r.sentDate) ?? toShanghaiDate(r.at)) === month,
    ).length,
    lateReturns,
  };
  return {
    figures,
    received,
    closed,
    overdue,
    lateReturns,
    callbackDue: dueCallbacks.length,
    callbackDone,
    ratings,
    dissatisfied: [...firstBad].map(([f, date]) => ({ f, date })),
  };
}

/** 复查/复核 requests dated in the month: the records, or (a case with none) the ledger's 复查复核申请日期. */
function countReviews(month: string, input: AnalysisInput): number {
  const withRecords = new Set<string>();
  let n = 0;
  for (const r of input.records) {
    if (r.kind !== 'review') continue;
    withRecords.add(r.caseNo);
    if (monthOfDate(readDate(r.requestDate) ?? toShanghaiDate(r.at)) === month) n++;
  }
  for (const c of input.cases) {
    const d = readDate(c.reviewRequestDate);
    if (d && monthOfDate(d) === month && !withRecords.has(c.caseNo ?? '')) n++;
  }
  return n;
}

/** Finds a petitioner's earlier cases through their ID number or phone, without scanning the whole ledger each time. */
interface RepeatIndex {
  petitioners: (received: readonly Facts[]) => number;
}

function repeatIndex(facts: readonly Facts[], earlier: readonly Case[], windowDays: number): RepeatIndex {
  const byKey = new Map<string, Case[]>();
  const put = (key: string, c: Case): void => {
    const list = byKey.get(key) ?? [];
    list.push(c);
    byKey.set(key, list);
  };
  const seen = new Set<string>();
  for (const c of [...facts.map((f) => f.c), ...earlier]) {
    if (c.caseNo && seen.has(c.caseNo)) continue;
    if (c.caseNo) seen.add(c.caseNo);
    const id = normalizeIdNumber(c.idNumber);
    const phone = normalizePhone(c.phone);
    const dated = { ...c, petitionDate: readDate(c.petitionDate) };
    if (id) put(`id:${id}`, dated);
    if (phone.length >= 7) put(`tel:${phone}`, dated);
  }
  return {
    petitioners(received) {
      const people = new Set<string>();
      for (const { c } of received) {
        const id = normalizeIdNumber(c.idNumber);
        const phone = normalizePhone(c.phone);
        // A petitioner is their ID number, else their phone.
        const person = id ? `id:${id}` : phone.length >= 7 ? `tel:${phone}` : '';
        if (!person || people.has(person)) continue;
        const near = [...(byKey.get(`id:${id}`) ?? []), ...(byKey.get(`tel:${phone}`) ?? [])];
        if (findEarlierCases(c, near, windowDays).length > 0) people.add(person);
      }
      return people.size;
    },
  };
}

/** Counts by a field, largest first; ties in the field's option order (else by name); blanks last. */
function countBy(list: readonly Facts[], value: (c: Case) => string | undefined, options?: readonly string[]): Count[] {
  const counts = new Map<string, number>();
  for (const { c } of list) {
    const key = trimmed(value(c)) || UNFILLED;
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  const rank = (k: string): number => {
    const i = options ? options.indexOf(k) : -1;
    return i < 0 ? Infinity : i;
  };
  return [...counts]
    .map(([key, count]) => ({ key, count }))
    .sort(
      (a, b) =>
        +(a.key === UNFILLED) - +(b.key === UNFILLED) ||
        b.count - a.count ||
        rank(a.key) - rank(b.key) ||
        (a.key < b.key ? -1 : a.key > b.key ? 1 : 0),
    );
}

function departmentRows(m: Measure, order: readonly string[]): DepartmentRow[] {
  type Tally = { received: number; closed: number; onTime: number; overdue: number; rated: number; satisfied: number };
  const rows = new Map<string, Tally>();
  const row = (department: string): Tally => {
    let r = rows.get(department);
    if (!r) rows.set(department, (r = { received: 0, closed: 0, onTime: 0, overdue: 0, rated: 0, satisfied: 0 }));
    return r;
  };
  for (const d of order) row(d);
  for (const f of m.received) row(f.department).received++;
  for (const f of m.closed) {
    const r = row(f.department);
    r.closed++;
    if (f.closure.onTime) r.onTime++;
  }
  for (const f of m.overdue) row(f.department).overdue++;
  for (const { f, r: rating } of m.ratings) {
    const r = row(f.department);
    r.rated++;
    if (isSatisfied(rating.satisfaction)) r.satisfied++;
  }
  const named = [...order];
  const others = [...rows.keys()].filter((d) => !order.includes(d) && d !== NO_DEPARTMENT).sort();
  const all = [
    ...named,
    ...others,
    ...(rows.has(NO_DEPARTMENT) && !order.includes(NO_DEPARTMENT) ? [NO_DEPARTMENT] : []),
  ];
  return all.map((d) => {
    const r = rows.get(d)!;
    return {
      department: d,
      received: r.received,
      closed: r.closed,
      onTimeRate: rate(r.onTime, r.closed),
      overdue: r.overdue,
      satisfactionRate: rate(r.satisfied, r.rated),
    };
  });
}

function caseLine(f: Facts): CaseLine {
  const { c } = f;
  return {
    caseNo: c.caseNo ?? '',
    department: f.department,
    matterType: c.matterType ?? '',
    state: c.state,
    petitioner: isReport(c) ? ANONYMOUS : maskName(c.petitionerName ?? ''),
  };
}

const byCaseNo = (a: Facts, b: Facts): number => ((a.c.caseNo ?? '') < (b.c.caseNo ?? '') ? -1 : 1);

function overdueLines(m: Measure): OverdueLine[] {
  return [...m.overdue]
    .sort((a, b) => a.closure.dueAt.getTime() - b.closure.dueAt.getTime() || byCaseNo(a, b))
    .map((f) => ({
      ...caseLine(f),
      dueDate: f.closure.dueDate,
      ...(f.closedAt !== undefined ? { closedDate: toShanghaiDate(new Date(f.closedAt)) } : {}),
    }));
}

function dissatisfiedLines(m: Measure): DissatisfiedLine[] {
  return [...m.dissatisfied]
    .sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : byCaseNo(a.f, b.f)))
    .map(({ f, date }) => ({ ...caseLine(f), ratedDate: date }));
}

/** How the 研判 writes a number: at most one decimal, none when whole. */
const num = (x: number): string => String(oneDecimal(x));
const pct = (r: number): string => `${num(r * 100)}%`;

interface JudgementArgs {
  m: Measure;
  last: MonthFigures;
  breakdowns: MonthlyAnalysis['breakdowns'];
  cases: readonly Case[];
  now: Date;
}

/** The 研判: one sentence per subject, each only from the figures, none when its figure is zero or absent. */
function judge({ m, last, breakdowns, cases, now }: JudgementArgs): string[] {
  const f = m.figures;
  const n = (k: FigureKey): number => f[k] ?? 0;
  const out: string[] = [];

  const overview = [
    n('received') && `受理信访件${n('received')}件`,
    n('closed') && `办结${n('closed')}件`,
    n('returned') && `退单${n('returned')}件${m.lateReturns ? `（其中逾期${m.lateReturns}件）` : ''}`,
    n('forwarded') && `转送${n('forwarded')}件`,
    n('openAtEnd') && `月末在办${n('openAtEnd')}件`,
  ].filter(Boolean);
  if (overview.length) out.push(`本月${overview.join('，')}。`);

  // The count that grew most and the one that fell most, by how many (ties: the headline's order).
  let up: { spec: HeadlineSpec; d: number } | undefined;
  let down: { spec: HeadlineSpec; d: number } | undefined;
  for (const spec of HEADLINE) {
    if (spec.unit !== '件' && spec.unit !== '人') continue;
    const d = n(spec.key) - (last[spec.key] ?? 0);
    if (d > 0 && (!up || d > up.d)) up = { spec, d };
    if (d < 0 && (!down || d < down.d)) down = { spec, d };
  }
  const moved = (x: { spec: HeadlineSpec }, word: string): string =>
    `「${x.spec.label}」${word}最多（上月${last[x.spec.key] ?? 0}${x.spec.unit}，本月${n(x.spec.key)}${x.spec.unit}）`;
  const changes = [up && moved(up, '增加'), down && moved(down, '减少')].filter(Boolean);
  if (changes.length) out.push(`与上月相比，${changes.join('；')}。`);

  const largest = (title: string, counts: Count[]): string => {
    const filled = counts.filter((c) => c.key !== UNFILLED);
    if (!filled.length) return '';
    const top = filled.filter((c) => c.count === filled[0]!.count);
    const share = pct(top[0]!.count / n('received'));
    return top.length > 1
      ? `按${title}以${top.map((c) => c.key).join('、')}并列最多（各${top[0]!.count}件，各占${share}）`
      : `按${title}以${top[0]!.key}最多（${top[0]!.count}件，占${share}）`;
  };
  const categories = [largest('事项类型', breakdowns.matterType), largest('问题类别', breakdowns.category)];
  if (n('received') && categories.some(Boolean)) out.push(`本月受理件${categories.filter(Boolean).join('，')}。`);

  if (n('closed')) {
    out.push(`办结件按期办结率${pct(f.onTimeRate!)}，平均办理${num(f.avgWorkdays!)}个工作日。`);
  }
  if (n('overdue')) {
    const depts = breakdowns.departments
      .filter((d) => d.overdue > 0)
      .sort((a, b) => b.overdue - a.overdue)
      .map((d) => `${d.department}${d.overdue}件`);
    out.push(`超期件${n('overdue')}件，涉及${depts.join('、')}。`);
  }

  const callbacks = [
    m.callbackDue && `回访率${pct(f.callbackRate!)}（应回访${m.callbackDue}件，已回访${m.callbackDone}件）`,
    m.ratings.length &&
      `满意率${pct(f.satisfactionRate!)}（评价${m.ratings.length}件次）${n('dissatisfied') ? `，不满意${n('dissatisfied')}件` : ''}`,
  ].filter(Boolean);
  if (callbacks.length) out.push(`${callbacks.join('；')}。`);

  const attention = [
    n('repeatPetitioners') && `重复信访人数${n('repeatPetitioners')}人`,
    n('groupVisits') && `集体访${n('groupVisits')}件`,
  ].filter(Boolean);
  if (attention.length) out.push(`本月${attention.join('，')}。`);

  // Waiting on verification now: the ledger's current states (核实中 … 核实待回复; 已核实 is done).
  const verifying = CASE_STATES.filter((s) => s.startsWith('核实'))
    .map((s) => ({ s, k: cases.filter((c) => c.state === s).length }))
    .filter((x) => x.k > 0);
  const total = verifying.reduce((a, x) => a + x.k, 0);
  if (total) {
    const parts = verifying.map((x) => `${x.s}${x.k}件`).join('、');
    out.push(`截至${formatDateCN(now)}，${total}件不满意件正在核实（${parts}）。`);
  }
  return out;
}

/** Names at most this many cases in a note. */
const NOTE_CASES = 20;
const listed = (nos: readonly string[]): string =>
  nos.slice(0, NOTE_CASES).join('、') + (nos.length > NOTE_CASES ? `等${nos.length}件` : '');

/**
 * The analysis of a month: every figure counted from the cases' events (信访日期, the 办结 event and deadline of
 * closureClock, 退单/转送 times, the 回访 records…) and the records, for the month, the month before and the same month
 * a year before. Throws a RangeError on a month not written 'YYYY-MM' (the caller validates what a person typed).
 */
export function monthlyAnalysis(input: AnalysisInput): MonthlyAnalysis {
  const { month, rules, now } = input;
  if (!isMonth(month)) throw new RangeError(`Not a YYYY-MM month: ${String(month)}`);
  const lastMonth = shiftMonth(month, -1);
  const lastYear = shiftMonth(month, -12);
  const { facts, undated } = prepare(input);
  const repeats = repeatIndex(facts, input.earlier ?? [], rules.settings.repeatWindowDays);
  const m = measure(month, facts, input, repeats);
  const counted = new Map<string, MonthFigures>();
  if (isComplete(month, now)) counted.set(month, m.figures);
  /** A month's figures: from the summary when it has them, else counted from the cases (and kept for the summary). */
  const figuresOf = (mo: string): MonthFigures => {
    const kept = input.summary?.get(mo) ?? counted.get(mo);
    if (kept) return kept;
    const figures = measure(mo, facts, input, repeats).figures;
    if (isComplete(mo, now)) counted.set(mo, figures);
    return figures;
  };
  const before = figuresOf(lastMonth);
  const yearAgo = figuresOf(lastYear);

  const departments = departmentRows(m, [...new Set((input.departments ?? []).map((d) => d.trim()).filter(Boolean))]);
  const breakdowns: MonthlyAnalysis['breakdowns'] = {
    source: countBy(m.received, (c) => c.source, SOURCES),
    form: countBy(m.received, (c) => c.form, FORMS),
    matterType: countBy(m.received, (c) => c.matterType, MATTER_TYPES),
    category: countBy(m.received, (c) => c.category),
    departments,
    // The month's cases by the state the ledger holds now: for a month built on the 1st this is its end's state; for
    // an older month it is an approximation (the notes say when it was read), since the ledger keeps only the latest.
    state: CASE_STATES.map((s) => ({ key: s, count: m.received.filter((f) => f.c.state === s).length })).filter(
      (x) => x.count > 0,
    ),
  };

  const trend = Array.from({ length: 12 }, (_, i) => shiftMonth(month, i - 11)).map((mo) => {
    const f = mo === month ? m.figures : figuresOf(mo);
    return { month: mo, received: f.received ?? 0, closed: f.closed ?? 0 };
  });

  const { last } = monthSpan(month);
  const untimed = facts.filter((f) => f.closedUntimed && f.received <= last).map((f) => f.c.caseNo || '（未编号）');
  const notes = [
    `按状态统计为本月受理件在 ${formatDateTime(now)} 的状态。`,
    ...(undated.length ? [`${undated.length}件信访件缺少可识别的信访日期，未计入统计：${listed(undated)}。`] : []),
    ...(untimed.length
      ? [`${untimed.length}件信访件状态已办结但缺少办结时间，未计入办结、在办与超期：${listed(untimed)}。`]
      : []),
  ];

  return {
    month,
    lastMonth,
    lastYear,
    headline: HEADLINE.map((h) => ({
      key: h.key,
      label: h.label,
      unit: h.unit,
      thisMonth: m.figures[h.key],
      lastMonth: before[h.key],
      lastYear: yearAgo[h.key],
    })),
    footer: HEADLINE.map((h) => `${h.label}：${h.define(rules)}`),
    breakdowns,
    overdue: overdueLines(m),
    dissatisfied: dissatisfiedLines(m),
    trend,
    judgement: judge({ m, last: before, breakdowns, cases: input.cases, now }),
    notes,
    counted: [...counted].sort(([a], [b]) => (a < b ? -1 : 1)).map(([mo, figures]) => ({ month: mo, figures })),
  };
}
