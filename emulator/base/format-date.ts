// Java SimpleDateFormat for Utilities.formatDate: a real tokenizer (quoted literals, '' apostrophes,
// illegal letters refused) and English, US-week (Sunday first, 1 minimal day) field formatting.
import type { JavaZone } from './java-zone';

/** A pattern piece: literal text or a run of one pattern letter. */
export type DateToken = { kind: 'literal'; text: string } | { kind: 'field'; letter: string; count: number };

/** Thrown for a pattern Java refuses (the message is Java's IllegalArgumentException text). */
export class PatternError extends Error {}

/** The letters java.text.SimpleDateFormat knows; any other unquoted ASCII letter is illegal. */
export const PATTERN_LETTERS = 'GyMdkHmsSEDFwWahKzZYuXL';
export const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];
export const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

/** Splits a SimpleDateFormat pattern as Java's compiler does. */
export function tokenizeDatePattern(pattern: string): DateToken[] {
  const out: DateToken[] = [];
  const literal = (text: string): void => {
    const last = out[out.length - 1];
    if (last && last.kind === 'literal') last.text += text;
    else out.push({ kind: 'literal', text });
  };
  let i = 0;
  while (i < pattern.length) {
    const c = pattern[i];
    if (c === "'") {
      i = readQuoted(pattern, i, literal);
    } else if (/[A-Za-z]/.test(c)) {
      if (!PATTERN_LETTERS.includes(c)) throw new PatternError(`Illegal pattern character '${c}'`);
      let j = i;
      while (pattern[j] === c) j++;
      if (c === 'X' && j - i > 3) throw new PatternError(`invalid ISO 8601 format: length=${j - i}`);
      out.push({ kind: 'field', letter: c, count: j - i });
      i = j;
    } else {
      literal(c);
      i++;
    }
  }
  return out;
}

/** Reads `'…'` (or `''`) at `start`; returns the index after it. */
function readQuoted(pattern: string, start: number, literal: (t: string) => void): number {
  if (pattern[start + 1] === "'") {
    literal("'");
    return start + 2;
  }
  let text = '';
  let j = start + 1;
  for (;;) {
    if (j >= pattern.length) throw new PatternError('Unterminated quote');
    if (pattern[j] === "'") {
      if (pattern[j + 1] !== "'") break;
      text += "'";
      j += 2;
    } else text += pattern[j++];
  }
  literal(text);
  return j + 1;
}

/** The calendar fields of one instant in one zone (Gregorian, US week rules). */
export interface DateFields {
  year: number;
  month: number; // 0–11
  day: number;
  hour: number;
  minute: number;
  second: number;
  millis: number;
  weekday: number; // 0 = Sunday
  dayOfYear: number;
  weekOfYear: number;
  weekYear: number;
  weekOfMonth: number;
  offsetMinutes: number;
}

const DAY_MS = 86_400_000;

/** Fields of `ms` as the zone's wall clock shows it. */
export function dateFields(ms: number, zone: JavaZone): DateFields {
  const offsetMs = zone.offsetMs(ms);
  const w = new Date(ms + offsetMs);
  const year = w.getUTCFullYear();
  const month = w.getUTCMonth();
  const day = w.getUTCDate();
  const weekday = w.getUTCDay();
  const dayOfYear = Math.floor((Date.UTC(year, month, day) - Date.UTC(year, 0, 1)) / DAY_MS) + 1;
  const jan1 = new Date(Date.UTC(year, 0, 1)).getUTCDay();
  const nextJan1 = new Date(Date.UTC(year + 1, 0, 1));
  // With one minimal day, the week holding next January 1st is week 1 of the next week-year.
  const nextWeekStart = nextJan1.getTime() - nextJan1.getUTCDay() * DAY_MS;
  const inNextWeekYear = Date.UTC(year, month, day) >= nextWeekStart;
  const firstOfMonth = new Date(Date.UTC(year, month, 1)).getUTCDay();
  return {
    year,
    month,
    day,
    hour: w.getUTCHours(),
    minute: w.getUTCMinutes(),
    second: w.getUTCSeconds(),
    millis: w.getUTCMilliseconds(),
    weekday,
    dayOfYear,
    weekOfYear: inNextWeekYear ? 1 : Math.floor((dayOfYear - 1 + jan1) / 7) + 1,
    weekYear: inNextWeekYear ? year + 1 : year,
    weekOfMonth: Math.floor((day - 1 + firstOfMonth) / 7) + 1,
    offsetMinutes: Math.round(offsetMs / 60_000),
  };
}

const pad = (n: number, width: number): string => String(n).padStart(width, '0');
const yearOfEra = (y: number): number => (y > 0 ? y : 1 - y);
const year = (y: number, count: number): string =>
  count === 2 ? pad(yearOfEra(y) % 100, 2) : pad(yearOfEra(y), count);
const text = (full: string, count: number): string => (count >= 4 ? full : full.slice(0, 3));

function offset(minutes: number, colon: boolean, withMinutes = true): string {
  const sign = minutes < 0 ? '-' : '+';
  const abs = Math.abs(minutes);
  const hh = pad(Math.floor(abs / 60), 2);
  if (!withMinutes) return sign + hh;
  return sign + hh + (colon ? ':' : '') + pad(abs % 60, 2);
}

/** Formats one field token; `zoneName` answers `z` (throws when the runtime does not know the name). */
function formatField(letter: string, count: number, f: DateFields, zoneName: (long: boolean) => string): string {
  // prettier-ignore
  switch (letter) {
    case 'G': return f.year > 0 ? 'AD' : 'BC';
    case 'y': return year(f.year, count);
    case 'Y': return year(f.weekYear, count);
    case 'M': case 'L': return count >= 3 ? text(MONTHS[f.month], count) : pad(f.month + 1, count);
    case 'w': return pad(f.weekOfYear, count);
    case 'W': return pad(f.weekOfMonth, count);
    case 'D': return pad(f.dayOfYear, count);
    case 'd': return pad(f.day, count);
    case 'F': return pad(Math.floor((f.day - 1) / 7) + 1, count);
    case 'E': return text(WEEKDAYS[f.weekday], count);
    case 'u': return pad(f.weekday === 0 ? 7 : f.weekday, count);
    case 'a': return f.hour < 12 ? 'AM' : 'PM';
    case 'H': return pad(f.hour, count);
    case 'k': return pad(f.hour === 0 ? 24 : f.hour, count);
    case 'K': return pad(f.hour % 12, count);
    case 'h': return pad(f.hour % 12 === 0 ? 12 : f.hour % 12, count);
    case 'm': return pad(f.minute, count);
    case 's': return pad(f.second, count);
    case 'S': return pad(f.millis, count);
    case 'z': return zoneName(count >= 4);
    case 'Z': return offset(f.offsetMinutes, false);
    default: // 'X'
      if (f.offsetMinutes === 0) return 'Z';
      return offset(f.offsetMinutes, count === 3, count > 1);
  }
}

/**
 * Formats `ms` in `zone` with a SimpleDateFormat pattern. `unknownName` is called for `z` when Java's
 * name of the zone is not known here; it must throw.
 */
export function formatJavaDate(
  ms: number,
  zone: JavaZone,
  pattern: string,
  unknownName: (zoneId: string) => never,
): string {
  const tokens = tokenizeDatePattern(pattern);
  const f = dateFields(ms, zone);
  const zoneName = (long: boolean): string => {
    const names = zone.names(ms);
    if (!names) return unknownName(zone.id);
    return long ? names.long : names.short;
  };
  return tokens.map((t) => (t.kind === 'literal' ? t.text : formatField(t.letter, t.count, f, zoneName))).join('');
}
