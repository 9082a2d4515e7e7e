// Cell values in and out: typed-input parsing as a person types into Sheets (numbers, booleans, dates in
// the spreadsheet's locale, times, formulas, `'` literals, `@` plain text), script values (JS Dates as
// wall-clock serials in the spreadsheet's zone) and reading cells back as Date/number/boolean/string.
import { isDateLike } from '../host/kernel';
import type { CellValue } from './model';
import { dateToSerial, serialParts, serialToDate, wallSerial } from './zones';

/** What writing one input does to a cell. `format` is the number format the input implies, if any. */
export interface CellWrite {
  value?: CellValue;
  formula?: string;
  format?: string;
  /** The implied format is a date/time one (it replaces any non-date format). */
  dateFormat?: boolean;
}

export interface InputContext {
  locale: string;
  timeZone: string;
  /** For inputs without a year ("10-5"): the current year in the spreadsheet's zone. */
  now: Date;
}

/** The formats Apps Script reports for a never-formatted cell; internally "general" is `undefined`. */
export const GENERAL_REPORTED = '0.###############';

/** Normalises a number format the app sets: 'general' and the reported default mean "no format". */
export function normalizeFormat(fmt: string): string | undefined {
  return fmt === '' || fmt.toLowerCase() === 'general' || fmt === GENERAL_REPORTED ? undefined : fmt;
}

const dateFormatCache = new Map<string, boolean>();

/** True when a number format shows a date or time, so the cell reads back as a Date. */
export function isDateFormat(fmt: string | undefined): boolean {
  if (!fmt) return false;
  let hit = dateFormatCache.get(fmt);
  if (hit === undefined) {
    const bare = fmt
      .replace(/"[^"]*"/g, '')
      .replace(/\\./g, '')
      .replace(/\[(?![hms]+\])[^\]]*\]/gi, '');
    hit = /[ydhs]|m/i.test(bare.replace(/E[+-]/g, '')) && fmt !== '@';
    dateFormatCache.set(fmt, hit);
  }
  return hit;
}

/** A cell as getValues returns it: '' for empty, a Date for a serial under a date format. */
export function readCell(v: CellValue | undefined, fmt: string | undefined, tz: string): unknown {
  if (v === undefined) return '';
  if (typeof v === 'number' && fmt !== undefined && isDateFormat(fmt)) return serialToDate(v, tz);
  return v;
}

/** The string a cell shows in an edit event (`e.value` / `e.oldValue`): serials for dates, TRUE/FALSE. */
export function eventString(v: CellValue | undefined): string | undefined {
  if (v === undefined) return undefined;
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  return String(v);
}

/** What a script's value does to a cell (setValue/setValues/appendRow): null when it is not a cell value. */
export function scriptValueToCell(v: unknown, cellFormat: string | undefined, ctx: InputContext): CellWrite | null {
  if (v === null || v === undefined) return {};
  if (typeof v === 'string') {
    if (cellFormat === '@') return v === '' ? {} : { value: v };
    return parseTypedInput(v, ctx);
  }
  if (typeof v === 'number') return Number.isFinite(v) ? { value: v } : null;
  if (typeof v === 'boolean') return { value: v };
  if (isDateLike(v)) {
    if (Number.isNaN(v.getTime())) return null;
    const serial = dateToSerial(v, ctx.timeZone);
    return { value: serial, format: scriptDateFormat(serial, ctx.locale), dateFormat: true };
  }
  return null;
}

/** The automatic format of a Date written by a script (locale dependent; unconfirmed: see the report). */
export function scriptDateFormat(serial: number, locale: string): string {
  const dateOnly = Number.isInteger(serial);
  if (yearFirst(locale)) return dateOnly ? 'yyyy-mm-dd' : 'yyyy-mm-dd h:mm:ss';
  if (locale === 'en_US') return dateOnly ? 'M/d/yyyy' : 'M/d/yyyy H:mm:ss';
  return dateOnly ? 'd/M/yyyy' : 'd/M/yyyy H:mm:ss';
}

function yearFirst(locale: string): boolean {
  return /^(zh|ja|ko)/.test(locale);
}

/** Parses text typed into a cell, as Sheets does in the spreadsheet's locale. */
export function parseTypedInput(text: string, ctx: InputContext): CellWrite {
  if (text === '') return {};
  if (text.startsWith("'")) return text.length > 1 ? { value: text.slice(1) } : {};
  if (text.startsWith('=') && text.length > 1) return { formula: text };
  const t = text.trim();
  if (/^(true|false)$/i.test(t)) return { value: t.toLowerCase() === 'true' };
  return parseNumber(t, ctx.locale) ?? parseDateTime(t, ctx) ?? { value: text };
}

const NUMBER = /^([+-])?(\d{1,3}(?:,\d{3})+|\d+)?(?:\.(\d+))?(?:[eE]([+-]?\d+))?$/;

function parseNumber(t: string, locale: string): CellWrite | null {
  let body = t;
  let percent = false;
  let currency = '';
  if (body.endsWith('%')) {
    percent = true;
    body = body.slice(0, -1);
  }
  const cur = /^([+-]?)([$¥￥])(.*)$/.exec(body);
  if (cur && !percent) {
    currency = cur[2] === '$' ? '$' : '¥';
    if (currency === '$' ? locale !== 'en_US' : !/^zh/.test(locale)) return null;
    body = cur[1] + cur[3];
  }
  const m = NUMBER.exec(body);
  if (!m || (m[2] === undefined && m[3] === undefined)) return null;
  let n = Number(body.replace(/,/g, ''));
  if (!Number.isFinite(n)) return null;
  const decimals = m[3]?.length ?? 0;
  const grouped = m[2]?.includes(',') ?? false;
  if (percent) {
    n = n / 100;
    return { value: n, format: decimals ? `0.${'0'.repeat(decimals)}%` : '0%' };
  }
  if (currency) return { value: n, format: `"${currency}"#,##0.00` };
  if (m[4] !== undefined) return { value: n, format: '0.00E+00' };
  if (grouped) return { value: n, format: decimals ? `#,##0.${'0'.repeat(decimals)}` : '#,##0' };
  return { value: n };
}

interface DatePart {
  y: number;
  m: number;
  d: number;
  format: string;
}

function parseDateTime(t: string, ctx: InputContext): CellWrite | null {
  const time = parseTime(t);
  if (time) return { value: time.fraction, format: time.format, dateFormat: true };
  const space = t.search(/\s+\d{1,2}:\d{2}/);
  const datePart = parseDate(space > 0 ? t.slice(0, space) : t, ctx);
  if (!datePart) return null;
  const serial = wallSerial(datePart.y, datePart.m, datePart.d);
  if (space < 0) return { value: serial, format: datePart.format, dateFormat: true };
  const tm = parseTime(t.slice(space).trim());
  if (!tm) return null;
  return { value: serial + tm.fraction, format: `${datePart.format} ${tm.format}`, dateFormat: true };
}

function parseTime(t: string): { fraction: number; format: string } | null {
  const m = /^(\d{1,2}):(\d{2})(?::(\d{2}))?(?:\s*([AaPp][Mm]))?$/.exec(t);
  if (!m) return null;
  let h = +m[1];
  const mi = +m[2];
  const s = m[3] === undefined ? 0 : +m[3];
  if (mi > 59 || s > 59) return null;
  if (m[4]) {
    if (h < 1 || h > 12) return null;
    const pm = m[4].toLowerCase() === 'pm';
    h = (h % 12) + (pm ? 12 : 0);
  } else if (h > 23) {
    return null;
  }
  const base = m[3] === undefined ? 'h:mm' : 'h:mm:ss';
  return { fraction: (h * 3600 + mi * 60 + s) / 86400, format: m[4] ? `${base} AM/PM` : base };
}

function parseDate(t: string, ctx: InputContext): DatePart | null {
  const year = () => serialParts(dateToSerial(ctx.now, ctx.timeZone)).y;
  let m = /^(\d{4})年(\d{1,2})月(?:(\d{1,2})日)?$/.exec(t);
  if (m && yearFirst(ctx.locale))
    return valid(+m[1], +m[2], m[3] ? +m[3] : 1, m[3] ? 'yyyy"年"m"月"d"日"' : 'yyyy"年"m"月"');
  m = /^(\d{1,2})月(\d{1,2})日$/.exec(t);
  if (m && yearFirst(ctx.locale)) return valid(year(), +m[1], +m[2], 'm"月"d"日"');
  m = /^(\d{4})([-/])(\d{1,2})(?:\2(\d{1,2}))?$/.exec(t);
  if (m) {
    const sep = m[2];
    if (m[4] === undefined) return valid(+m[1], +m[3], 1, sep === '-' ? 'yyyy-mm' : 'yyyy/m');
    return valid(+m[1], +m[3], +m[4], sep === '-' ? 'yyyy-mm-dd' : 'yyyy/m/d');
  }
  m = /^(\d{1,2})([-/])(\d{1,2})(?:\2(\d{4}|\d{2}))?$/.exec(t);
  if (!m) return null;
  const sep = m[2];
  if (m[4] === undefined) {
    return yearFirst(ctx.locale) || ctx.locale === 'en_US'
      ? valid(year(), +m[1], +m[3], `m${sep}d`)
      : valid(year(), +m[3], +m[1], `d${sep}m`);
  }
  if (yearFirst(ctx.locale)) return null;
  const y = m[4].length === 2 ? (+m[4] < 30 ? 2000 : 1900) + +m[4] : +m[4];
  if (ctx.locale === 'en_US') return valid(y, +m[1], +m[3], `M${sep}d${sep}yyyy`);
  return valid(y, +m[3], +m[1], `d${sep}M${sep}yyyy`);
}

function valid(y: number, m: number, d: number, format: string): DatePart | null {
  if (m < 1 || m > 12 || d < 1 || d > 31 || y < 1) return null;
  const probe = new Date(Date.UTC(y, m - 1, d));
  if (probe.getUTCMonth() !== m - 1 || probe.getUTCDate() !== d) return null;
  return { y, m, d, format };
}
