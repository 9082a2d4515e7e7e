// Working days and working hours in mainland China: official schedules, 调休, and provisional years.
import {
  addDays,
  compareDates,
  dayNumber,
  fromDayNumber,
  isLocalDate,
  MS_PER_DAY,
  msIntoShanghaiDay,
  startOfShanghaiDay,
  toShanghaiDate,
  weekday,
  yearOf,
  ymd,
  type LocalDate,
} from './dates';
import { OFFICIAL_SCHEDULES } from './holidays-data';
import { LUNAR_MAX_YEAR, lunarNewYear, lunarToSolar, qingmingDate } from './lunar';

/** '休' = a day off, '班' = a working day (also a weekend day made a working day by 调休). */
export type DayKind = '休' | '班';

/** One dated line of a holiday schedule. */
export interface CalendarEntry {
  date: LocalDate;
  kind: DayKind;
  name?: string;
}

/** How a date was classified. */
export interface DayInfo {
  date: LocalDate;
  workday: boolean;
  /** Festival name, '周末', or undefined for an ordinary working day. */
  name?: string;
  /** True when the year has no official schedule and the statutory holidays were assumed. */
  provisional: boolean;
}

/** One span of office hours, in minutes after Shanghai midnight (start inclusive, end exclusive). */
export interface OfficePeriod {
  startMin: number;
  endMin: number;
}

/** The office's opening spans of a working day, ascending and not overlapping. */
export type OfficeHours = readonly OfficePeriod[];

/** 08:30–12:00 and 13:30–17:30. */
export const DEFAULT_OFFICE_HOURS: OfficeHours = [
  { startMin: 8 * 60 + 30, endMin: 12 * 60 },
  { startMin: 13 * 60 + 30, endMin: 17 * 60 + 30 },
];

/** Office hours as the 设置 sheet writes them: '08:30-12:00,13:30-17:30'. */
export function formatOfficeHours(hours: OfficeHours): string {
  const hhmm = (min: number): string =>
    `${String(Math.floor(min / 60)).padStart(2, '0')}:${String(min % 60).padStart(2, '0')}`;
  return hours.map((p) => `${hhmm(p.startMin)}-${hhmm(p.endMin)}`).join(',');
}

/** Reads office hours typed as '08:30-12:00, 13:30-17:30' (、，; also accepted as separators). */
export function parseOfficeHours(text: string): { ok: true; hours: OfficeHours } | { ok: false; reason: string } {
  const spans = text
    .replace(/[：]/g, ':')
    .replace(/\s*[-–—~～至]\s*/g, '-')
    .split(/[,，、;；\s]+/)
    .filter(Boolean);
  const hours: OfficePeriod[] = [];
  for (const span of spans) {
    const m = /^(\d{1,2}):(\d{2})-(\d{1,2}):(\d{2})$/.exec(span);
    const startMin = m ? +m[1] * 60 + +m[2] : NaN;
    const endMin = m ? +m[3] * 60 + +m[4] : NaN;
    if (!m || +m[2] > 59 || +m[4] > 59 || !(startMin < endMin) || endMin > 24 * 60) {
      return { ok: false, reason: `办公时间「${span}」格式不对（例：08:30-12:00, 13:30-17:30）` };
    }
    if (hours.length && startMin < hours[hours.length - 1].endMin) {
      return { ok: false, reason: `办公时间「${span}」与前一段重叠或顺序颠倒` };
    }
    hours.push({ startMin, endMin });
  }
  return hours.length ? { ok: true, hours } : { ok: false, reason: '办公时间为空' };
}

/** Longest stretch searched for a working day or working hour before giving up (10 years). */
const MAX_SCAN_DAYS = 3660;
const MS_PER_MINUTE = 60_000;

/** The shipped State Council schedules (see holidays-data.ts for years and source) as entries. */
export function officialEntries(): CalendarEntry[] {
  const entries: CalendarEntry[] = [];
  for (const key of Object.keys(OFFICIAL_SCHEDULES)) {
    const year = Number(key);
    const [off, work] = OFFICIAL_SCHEDULES[year].split('|');
    entries.push(...decodeSchedule(year, off, '休'), ...decodeSchedule(year, work ?? '', '班'));
  }
  return entries;
}

/** Decodes one 'MMDD-MMDD名称 MMDD名称' schedule string of holidays-data.ts. */
export function decodeSchedule(year: number, text: string, kind: DayKind): CalendarEntry[] {
  const entries: CalendarEntry[] = [];
  for (const token of text.split(' ').filter(Boolean)) {
    const m = /^(\d{2})(\d{2})(?:-(\d{2})(\d{2}))?(.*)$/.exec(token);
    if (!m) throw new Error(`Bad schedule token: ${token}`);
    const first = ymd(year, +m[1], +m[2]);
    const last = m[3] ? ymd(year, +m[3], +m[4]) : first;
    for (let d = first; d <= last; d = addDays(d, 1)) entries.push({ date: d, kind, name: m[5] || undefined });
  }
  return entries;
}

/**
 * The statutory days off of 《全国年节及纪念日放假办法》 (as revised, in force from 2025-01-01) for a
 * year: 元旦 1-1; 春节 lunar new year's eve + 正月初一–初三; 清明 (solar term); 劳动节 5-1, 5-2; 端午
 * 五月初五; 中秋 八月十五; 国庆 10-1–10-3. No 调休 make-up working days and no 补假 are assumed: they come
 * only with the yearly State Council notice.
 */
export function statutoryHolidays(year: number): CalendarEntry[] {
  const off = (date: LocalDate, name: string): CalendarEntry => ({ date, kind: '休', name });
  const fixed = [
    off(ymd(year, 1, 1), '元旦'),
    off(ymd(year, 5, 1), '劳动节'),
    off(ymd(year, 5, 2), '劳动节'),
    ...[1, 2, 3].map((d) => off(ymd(year, 10, d), '国庆节')),
  ];
  if (year <= 1900 || year > LUNAR_MAX_YEAR) return fixed; // outside the lunar table: solar dates only
  const newYear = lunarNewYear(year);
  return [
    ...fixed,
    ...[-1, 0, 1, 2].map((n) => off(addDays(newYear, n), '春节')),
    off(qingmingDate(year), '清明'),
    off(lunarToSolar(year, 5, 5), '端午'),
    off(lunarToSolar(year, 8, 15), '中秋'),
  ];
}

/**
 * A working-day calendar: Saturday and Sunday are off unless an entry says '班'; entries say which
 * other days are off. A year is confirmed when its official schedule is loaded (or marked); any
 * other year is computed provisionally from the statutory holidays — never refused, never Mon–Fri.
 */
export class WorkCalendar {
  private readonly days: Map<LocalDate, CalendarEntry>;
  private readonly confirmed: Set<number>;
  private readonly provisionalYears: Map<number, Map<LocalDate, CalendarEntry>>;
  /** Per year: prefix[i] = working days among the year's first i days (a cache; cleared on every change). */
  private readonly prefixes: Map<number, Int32Array>;
  /** The office's hours on a working day: every '工作小时' deadline counts these (设置「上班时间」). */
  private hours: OfficeHours = DEFAULT_OFFICE_HOURS;

  /** An empty calendar (every year provisional) plus `entries`, whose years become confirmed. */
  constructor(entries: CalendarEntry[] = []) {
    this.days = new Map();
    this.confirmed = new Set();
    this.provisionalYears = new Map();
    this.prefixes = new Map();
    this.addEntries(entries);
  }

  /** The calendar with every State Council schedule shipped in holidays-data.ts (2004–2026). */
  static withDefaults(): WorkCalendar {
    return new WorkCalendar(officialEntries());
  }

  /**
   * Adds or replaces entries (a later entry for a date wins). Their years become confirmed unless
   * `confirm` is false (e.g. a one-off local closure in a year whose schedule is not yet out).
   * Throws on a malformed entry: callers validate sheet rows first.
   */
  addEntries(entries: CalendarEntry[], options: { confirm?: boolean } = {}): this {
    for (const e of entries) {
      if (!isLocalDate(e.date) || (e.kind !== '休' && e.kind !== '班')) {
        throw new RangeError(`Bad calendar entry: ${JSON.stringify(e)}`);
      }
      this.days.set(e.date, { date: e.date, kind: e.kind, name: e.name });
      if (options.confirm !== false) this.confirmed.add(yearOf(e.date));
    }
    this.prefixes.clear();
    return this;
  }

  /** Declares a year's schedule complete as loaded (e.g. a year with no days off beyond weekends). */
  markConfirmed(year: number): this {
    this.confirmed.add(year);
    this.prefixes.clear();
    return this;
  }

  /** Sets the office hours every working-hour count of this calendar uses (设置「上班时间」). */
  setOfficeHours(hours: OfficeHours): this {
    this.hours = hours;
    return this;
  }

  /** The office hours this calendar counts. */
  get officeHours(): OfficeHours {
    return this.hours;
  }

  /** Whether the year's official schedule is loaded or marked confirmed. */
  isConfirmed(year: number): boolean {
    return this.confirmed.has(year);
  }

  /** The confirmed years, ascending. */
  confirmedYears(): number[] {
    return Array.from(this.confirmed).sort((a, b) => a - b);
  }

  /** True when `date` lies in a year computed provisionally. */
  isProvisional(date: LocalDate): boolean {
    return !this.confirmed.has(yearOf(date));
  }

  /** True when any date between `a` and `b` (inclusive, either order) lies in a provisional year. */
  isProvisionalRange(a: LocalDate, b: LocalDate): boolean {
    const [from, to] = compareDates(a, b) <= 0 ? [yearOf(a), yearOf(b)] : [yearOf(b), yearOf(a)];
    for (let y = from; y <= to; y++) if (!this.confirmed.has(y)) return true;
    return false;
  }

  /** How `date` is classified, with the festival name when it has one. */
  describe(date: LocalDate): DayInfo {
    const provisional = this.isProvisional(date);
    const entry = this.days.get(date) ?? (provisional ? this.provisionalDay(date) : undefined);
    if (entry) return { date, workday: entry.kind === '班', name: entry.name, provisional };
    const dow = weekday(date);
    const weekend = dow === 0 || dow === 6;
    return { date, workday: !weekend, name: weekend ? '周末' : undefined, provisional };
  }

  /** True on a working day. */
  isWorkday(date: LocalDate): boolean {
    return this.isWorkdayNumber(dayNumber(date));
  }

  /** The year's running count of working days, built once from `describe` (whole-ledger passes ask often). */
  private prefix(year: number): Int32Array {
    let p = this.prefixes.get(year);
    if (p) return p;
    const first = dayNumber(ymd(year, 1, 1));
    const length = dayNumber(ymd(year + 1, 1, 1)) - first;
    p = new Int32Array(length + 1);
    for (let i = 0; i < length; i++) p[i + 1] = p[i]! + (this.describe(fromDayNumber(first + i)).workday ? 1 : 0);
    this.prefixes.set(year, p);
    return p;
  }

  /** Working days from 1 January of its year through day number `n`, and that year. */
  private countThrough(n: number): { year: number; count: number } {
    const year = new Date(n * MS_PER_DAY).getUTCFullYear();
    const p = this.prefix(year);
    return { year, count: p[n - Date.UTC(year, 0, 1) / MS_PER_DAY + 1]! };
  }

  private isWorkdayNumber(n: number): boolean {
    const year = new Date(n * MS_PER_DAY).getUTCFullYear();
    const p = this.prefix(year);
    const i = n - Date.UTC(year, 0, 1) / MS_PER_DAY;
    return p[i + 1]! > p[i]!;
  }

  /**
   * n ≥ 1: the n-th working day after `date`; n = 0: `date` if a working day, else the next one;
   * n < 0: the |n|-th working day before `date`.
   */
  addWorkdays(date: LocalDate, n: number): LocalDate {
    if (!Number.isInteger(n)) throw new RangeError(`Working days must be a whole number: ${n}`);
    const step = n < 0 ? -1 : 1;
    let d = dayNumber(date);
    let left = Math.abs(n);
    if (n === 0) left = this.isWorkdayNumber(d) ? 0 : 1;
    for (let i = 0; left > 0; i++) {
      if (i > MAX_SCAN_DAYS) throw new Error(`No working day within ${MAX_SCAN_DAYS} days of ${date}`);
      d += step;
      if (this.isWorkdayNumber(d)) left--;
    }
    return fromDayNumber(d);
  }

  /** Working days in (a, b]; negative (−count in (b, a]) when b is before a. */
  workdaysBetween(a: LocalDate, b: LocalDate): number {
    if (compareDates(a, b) > 0) return -this.workdaysBetween(b, a);
    const from = this.countThrough(dayNumber(a));
    const to = this.countThrough(dayNumber(b));
    let count = to.count - from.count;
    for (let y = from.year; y < to.year; y++) count += this.prefix(y)[this.prefix(y).length - 1]!;
    return count;
  }

  /**
   * The instant `hours` working hours after `instant`, counting only office hours of working days.
   * An instant outside office hours starts counting at the next opening; a result that lands exactly
   * on a closing time stays there. Office hours: the calendar's own unless given.
   */
  addWorkingHours(instant: Date, hours: number, officeHours: OfficeHours = this.hours): Date {
    let remaining = Math.round(hours * 60 * MS_PER_MINUTE);
    if (!(remaining >= 0)) throw new RangeError(`Working hours must be ≥ 0: ${hours}`);
    let date = toShanghaiDate(instant);
    let from = msIntoShanghaiDay(instant);
    for (let i = 0; i <= MAX_SCAN_DAYS; i++) {
      if (this.isWorkday(date)) {
        for (const p of officeHours) {
          const start = p.startMin * MS_PER_MINUTE;
          const end = p.endMin * MS_PER_MINUTE;
          if (from >= end) continue;
          const begin = Math.max(from, start);
          if (remaining <= end - begin) return new Date(startOfShanghaiDay(date).getTime() + begin + remaining);
          remaining -= end - begin;
        }
      }
      date = addDays(date, 1);
      from = 0;
    }
    throw new Error(`No office hours within ${MAX_SCAN_DAYS} days of ${instant.toISOString()}`);
  }

  /** Office-hours milliseconds between two instants (negative when b is before a); the calendar's hours unless given. */
  workingMsBetween(a: Date, b: Date, officeHours: OfficeHours = this.hours): number {
    if (b.getTime() < a.getTime()) return -this.workingMsBetween(b, a, officeHours);
    const lastDate = toShanghaiDate(b);
    let total = 0;
    for (let date = toShanghaiDate(a); date <= lastDate; date = addDays(date, 1)) {
      if (!this.isWorkday(date)) continue;
      const dayStart = startOfShanghaiDay(date).getTime();
      for (const p of officeHours) {
        const begin = Math.max(dayStart + p.startMin * MS_PER_MINUTE, a.getTime());
        const end = Math.min(dayStart + p.endMin * MS_PER_MINUTE, b.getTime());
        if (end > begin) total += end - begin;
      }
    }
    return total;
  }

  private provisionalDay(date: LocalDate): CalendarEntry | undefined {
    const year = yearOf(date);
    let days = this.provisionalYears.get(year);
    if (!days) {
      days = new Map(statutoryHolidays(year).map((e) => [e.date, e]));
      this.provisionalYears.set(year, days);
    }
    return days.get(date);
  }
}
