// Calendar dates and Asia/Shanghai wall-clock arithmetic, independent of the host time zone.

/**
 * A calendar date written 'YYYY-MM-DD' (a Shanghai wall-clock day, not an instant).
 * Plain string alias so values read from sheets need no wrapping; `isLocalDate` checks one.
 */
export type LocalDate = string;

/** Hours, minutes and seconds typed with a date. */
export interface TimeOfDay {
  hh: number;
  mm: number;
  ss: number;
}

/** Shanghai wall clock of an instant; weekday 0 = Sunday … 6 = Saturday. */
export interface WallClock extends TimeOfDay {
  y: number;
  m: number;
  d: number;
  weekday: number;
}

/** Result of reading a date a person typed (or a date cell). */
export type DateParse = { ok: true; date: LocalDate; time?: TimeOfDay } | { ok: false; reason: string };

/** Milliseconds in a (Shanghai, DST-free) day. */
export const MS_PER_DAY = 86_400_000;
/** Milliseconds in an hour. */
export const MS_PER_HOUR = 3_600_000;
/**
 * China Standard Time is UTC+8 all year: the PRC has observed no daylight saving time since 1991,
 * so a fixed offset is exact for every date this app handles and needs no Intl or host-zone data.
 */
export const SHANGHAI_OFFSET_MS = 8 * MS_PER_HOUR;

const MIN_YEAR = 1800;
const MAX_YEAR = 2200;

const pad2 = (n: number): string => (n < 10 ? '0' : '') + n;
const pad4 = (n: number): string => ('000' + n).slice(-4);

/** True for a real Gregorian date (month lengths and leap years checked). */
export function isValidYmd(y: number, m: number, d: number): boolean {
  if (!Number.isInteger(y) || !Number.isInteger(m) || !Number.isInteger(d)) return false;
  if (m < 1 || m > 12 || d < 1) return false;
  const leap = (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
  const lengths = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
  return d <= lengths[m - 1];
}

/** Builds 'YYYY-MM-DD' from parts (no validation). */
export function ymd(y: number, m: number, d: number): LocalDate {
  return `${pad4(y)}-${pad2(m)}-${pad2(d)}`;
}

/** True when `s` is a real date written exactly 'YYYY-MM-DD'. */
export function isLocalDate(s: unknown): s is LocalDate {
  if (typeof s !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(s)) return false;
  return isValidYmd(+s.slice(0, 4), +s.slice(5, 7), +s.slice(8, 10));
}

/** Days since 1970-01-01 for a LocalDate (throws on a malformed one: a programming error). */
export function dayNumber(date: LocalDate): number {
  if (!isLocalDate(date)) throw new Error(`Not a YYYY-MM-DD date: ${String(date)}`);
  return Date.UTC(+date.slice(0, 4), +date.slice(5, 7) - 1, +date.slice(8, 10)) / MS_PER_DAY;
}

/** Inverse of `dayNumber`. */
export function fromDayNumber(n: number): LocalDate {
  const t = new Date(n * MS_PER_DAY);
  return ymd(t.getUTCFullYear(), t.getUTCMonth() + 1, t.getUTCDate());
}

/** The date `n` calendar days after (n < 0: before) `date`. */
export function addDays(date: LocalDate, n: number): LocalDate {
  return fromDayNumber(dayNumber(date) + n);
}

/** Calendar days from `a` to `b` (b − a). */
export function daysBetween(a: LocalDate, b: LocalDate): number {
  return dayNumber(b) - dayNumber(a);
}

/** Day of week, 0 = Sunday … 6 = Saturday. */
export function weekday(date: LocalDate): number {
  return (((dayNumber(date) + 4) % 7) + 7) % 7; // 1970-01-01 was a Thursday
}

/** −1, 0 or 1 as `a` is before, equal to or after `b`. */
export function compareDates(a: LocalDate, b: LocalDate): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Gregorian year of a LocalDate. */
export function yearOf(date: LocalDate): number {
  return +date.slice(0, 4);
}

/** The Shanghai calendar date of an instant. */
export function toShanghaiDate(instant: Date): LocalDate {
  return fromDayNumber(Math.floor((instant.getTime() + SHANGHAI_OFFSET_MS) / MS_PER_DAY));
}

/** The Shanghai wall clock of an instant. */
export function shanghaiWallClock(instant: Date): WallClock {
  const t = new Date(instant.getTime() + SHANGHAI_OFFSET_MS);
  return {
    y: t.getUTCFullYear(),
    m: t.getUTCMonth() + 1,
    d: t.getUTCDate(),
    hh: t.getUTCHours(),
    mm: t.getUTCMinutes(),
    ss: t.getUTCSeconds(),
    weekday: t.getUTCDay(),
  };
}

/** The instant at a Shanghai wall-clock time. */
export function fromShanghai(y: number, m: number, d: number, hh = 0, mm = 0, ss = 0, ms = 0): Date {
  return new Date(Date.UTC(y, m - 1, d, hh, mm, ss, ms) - SHANGHAI_OFFSET_MS);
}

/** The instant 00:00 Shanghai on `date`. */
export function startOfShanghaiDay(date: LocalDate): Date {
  return new Date(dayNumber(date) * MS_PER_DAY - SHANGHAI_OFFSET_MS);
}

/** The last millisecond (23:59:59.999 Shanghai) of `date`: when a day deadline falls due. */
export function endOfShanghaiDay(date: LocalDate): Date {
  return new Date(startOfShanghaiDay(date).getTime() + MS_PER_DAY - 1);
}

/** Milliseconds since Shanghai midnight of the instant's own day. */
export function msIntoShanghaiDay(instant: Date): number {
  const local = instant.getTime() + SHANGHAI_OFFSET_MS;
  return local - Math.floor(local / MS_PER_DAY) * MS_PER_DAY;
}

/** 'YYYY-MM-DD' for a LocalDate (normalised) or the Shanghai date of an instant; parses back. */
export function formatDate(d: LocalDate | Date): LocalDate {
  return d instanceof Date ? toShanghaiDate(d) : fromDayNumber(dayNumber(d));
}

/** '2026年10月5日' — the way forms print a date; parses back with `parseDateInput`. */
export function formatDateCN(d: LocalDate | Date): string {
  const s = formatDate(d);
  return `${+s.slice(0, 4)}年${+s.slice(5, 7)}月${+s.slice(8, 10)}日`;
}

/** 'YYYY-MM-DD HH:mm' in Shanghai. */
export function formatDateTime(instant: Date): string {
  const w = shanghaiWallClock(instant);
  return `${ymd(w.y, w.m, w.d)} ${pad2(w.hh)}:${pad2(w.mm)}`;
}

/** Day number (see `dayNumber`) of 1899-12-30, the day Sheets counts its date serials from. */
const SHEETS_EPOCH_DAY = -25569;

/**
 * The instant a Sheets date serial names in a spreadsheet working in Asia/Shanghai (decision 5): days since
 * 1899-12-30, the fraction the time of day. An edit event gives a date cell's values as such serials.
 */
export function fromSheetSerial(serial: number): Date {
  const days = Math.floor(serial);
  const ms = Math.round((serial - days) * MS_PER_DAY);
  return new Date((SHEETS_EPOCH_DAY + days) * MS_PER_DAY + ms - SHANGHAI_OFFSET_MS);
}

/** Full-width digits and punctuation (typed with a Chinese IME) to ASCII. */
export function toHalfWidth(s: string): string {
  return s.replace(/[\uFF01-\uFF5E]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0)).replace(/\u3000/g, ' ');
}

const DATE_RE =
  /^(\d{4})\s*([-/.年])\s*(\d{1,2})\s*([-/.月])\s*(\d{1,2})\s*(?:[日号])?(?:(?:\s+|T|(?<=[日号])\s*)(\d{1,2})\s*[:时点]\s*(\d{1,2})(?:\s*[:分]\s*(\d{1,2})(?:\.\d+)?\s*秒?)?\s*分?)?$/;
const COMPACT_RE = /^(\d{4})(\d{2})(\d{2})$/;

/**
 * Reads a date as people type it: 2026-10-05, 2026/10/5, 2026.10.5, 2026年10月5日, 20261005, with an
 * optional time (2026-10-05 14:30, 2026年10月5日14时30分), or a Date (a date cell: its Shanghai date;
 * `time` is set when the cell is not at midnight). Never throws; failures carry a Chinese reason.
 */
export function parseDateInput(value: unknown): DateParse {
  if (value instanceof Date) return parseDateValue(value);
  if (typeof value === 'number') return parseDigits(String(value), String(value));
  if (typeof value !== 'string') return { ok: false, reason: '不是日期' };
  const s = toHalfWidth(value).trim();
  if (s === '') return { ok: false, reason: '日期为空' };
  if (/^\d{8}$/.test(s)) return parseDigits(s, value);
  const m = DATE_RE.exec(s);
  if (!m || (m[2] === '年') !== (m[4] === '月') || (m[2] !== '年' && m[2] !== m[4])) {
    return { ok: false, reason: `无法识别的日期「${value.trim()}」（请写成 2026-10-05 或 2026年10月5日）` };
  }
  const date = checkedDate(+m[1], +m[3], +m[5]);
  if (typeof date !== 'string') return date;
  if (m[6] === undefined) return { ok: true, date };
  const time = { hh: +m[6], mm: +m[7], ss: m[8] === undefined ? 0 : +m[8] };
  if (time.hh > 23 || time.mm > 59 || time.ss > 59) {
    return { ok: false, reason: `时间不存在：${m[6]}:${m[7]}${m[8] === undefined ? '' : ':' + m[8]}` };
  }
  return { ok: true, date, time };
}

function parseDateValue(value: Date): DateParse {
  if (isNaN(value.getTime())) return { ok: false, reason: '日期无效' };
  const w = shanghaiWallClock(value);
  if (w.y < MIN_YEAR || w.y > MAX_YEAR) return { ok: false, reason: `年份 ${w.y} 超出范围` };
  const date = ymd(w.y, w.m, w.d);
  if (msIntoShanghaiDay(value) === 0) return { ok: true, date };
  return { ok: true, date, time: { hh: w.hh, mm: w.mm, ss: w.ss } };
}

function parseDigits(s: string, original: string): DateParse {
  const m = COMPACT_RE.exec(s);
  if (!m) return { ok: false, reason: `无法识别的日期「${original}」（请写成 2026-10-05 或 2026年10月5日）` };
  const date = checkedDate(+m[1], +m[2], +m[3]);
  return typeof date === 'string' ? { ok: true, date } : date;
}

function checkedDate(y: number, m: number, d: number): LocalDate | { ok: false; reason: string } {
  if (y < MIN_YEAR || y > MAX_YEAR) return { ok: false, reason: `年份 ${y} 超出范围（${MIN_YEAR}–${MAX_YEAR}）` };
  if (!isValidYmd(y, m, d)) return { ok: false, reason: `不存在的日期：${y}年${m}月${d}日` };
  return ymd(y, m, d);
}
