// Java SimpleDateFormat parsing for Utilities.parseDate: lenient like Java (out-of-range fields roll over,
// trailing text ignored), abutting numeric fields take their width, two-digit years in an 80/20 window.
import { MONTHS, PatternError, WEEKDAYS, tokenizeDatePattern, type DateToken } from './format-date';
import type { JavaZone } from './java-zone';

/** Thrown when the text does not match the pattern (Java's ParseException text). */
export class UnparseableDateError extends Error {}

interface Parsed {
  year?: number;
  month?: number;
  day?: number;
  dayOfYear?: number;
  hour?: number;
  hour12?: number;
  pm?: boolean;
  minute?: number;
  second?: number;
  millis?: number;
  offsetMinutes?: number;
  bc?: boolean;
  twoDigitYear?: boolean;
}

const NUMERIC = new Set('yYdDFwWuHkKhmsSM'.split(''));
/** Letters whose value the local runtime does not fold into the date when parsing (loud, not ignored). */
const UNSUPPORTED = new Set(['Y', 'w', 'W', 'F', 'u']);

function isNumericToken(t: DateToken | undefined): boolean {
  return !!t && t.kind === 'field' && NUMERIC.has(t.letter) && !(t.letter === 'M' && t.count >= 3);
}

function matchName(text: string, pos: number, names: string[]): { index: number; length: number } | null {
  const rest = text.slice(pos).toLowerCase();
  for (const len of [0, 3]) {
    const i = names.findIndex((n) => rest.startsWith((len ? n.slice(0, len) : n).toLowerCase()));
    if (i >= 0) return { index: i, length: len || names[i].length };
  }
  return null;
}

/** Parses "GMT+08:00", "+0800", "+08", "+08:00", "Z", "GMT", "UTC" at `pos`. */
function matchOffset(text: string, pos: number): { minutes: number; length: number } | null {
  const m = /^(?:(GMT|UTC)(?:([+-])(\d{1,2})(?::?(\d{2}))?)?|([+-])(\d{2})(?::?(\d{2}))?|(Z))/.exec(text.slice(pos));
  if (!m) return null;
  const sign = m[2] ?? m[5];
  const hours = m[3] ?? m[6];
  const minutes = m[4] ?? m[7];
  const value = sign ? (sign === '-' ? -1 : 1) * (Number(hours) * 60 + Number(minutes ?? 0)) : 0;
  return { minutes: value, length: m[0].length };
}

function assignNumber(p: Parsed, letter: string, value: number, digits: number): void {
  // prettier-ignore
  switch (letter) {
    case 'y': p.year = value; p.twoDigitYear = digits === 2; break;
    case 'M': p.month = value - 1; break;
    case 'd': p.day = value; break;
    case 'D': p.dayOfYear = value; break;
    case 'H': p.hour = value; break;
    case 'k': p.hour = value === 24 ? 0 : value; break;
    case 'h': p.hour12 = value % 12; break;
    case 'K': p.hour12 = value; break;
    case 'm': p.minute = value; break;
    case 's': p.second = value; break;
    case 'S': p.millis = value; break;
  }
}

/** Parses one field at `pos`; returns the new position, or -1 when it does not match. */
function parseField(
  t: DateToken & { kind: 'field' },
  next: DateToken | undefined,
  text: string,
  pos: number,
  p: Parsed,
): number {
  const { letter, count } = t;
  if (UNSUPPORTED.has(letter))
    throw new PatternError(`not implemented in the local runtime: Utilities.parseDate pattern letter '${letter}'`);
  if ((letter === 'M' || letter === 'L') && count >= 3) {
    const m = matchName(text, pos, MONTHS);
    if (!m) return -1;
    p.month = m.index;
    return pos + m.length;
  }
  if (letter === 'E') {
    const m = matchName(text, pos, WEEKDAYS);
    return m ? pos + m.length : -1;
  }
  if (letter === 'a' || letter === 'G') {
    const options = letter === 'a' ? ['AM', 'PM'] : ['AD', 'BC'];
    const i = options.findIndex((o) => text.slice(pos, pos + 2).toUpperCase() === o);
    if (i < 0) return -1;
    if (letter === 'a') p.pm = i === 1;
    else p.bc = i === 1;
    return pos + 2;
  }
  if (letter === 'z' || letter === 'Z' || letter === 'X') {
    const m = matchOffset(text, pos);
    if (!m) return -1;
    p.offsetMinutes = m.minutes;
    return pos + m.length;
  }
  const width = isNumericToken(next) ? count : Infinity;
  let end = pos;
  while (end < text.length && end - pos < width && /[0-9]/.test(text[end])) end++;
  if (end === pos) return -1;
  assignNumber(p, letter === 'L' ? 'M' : letter, Number(text.slice(pos, end)), end - pos);
  return end;
}

/** Java's default two-digit-year window: 80 years before to 20 years after "now". */
function resolveTwoDigitYear(yy: number, nowMs: number): number {
  const start = new Date(nowMs).getUTCFullYear() - 80;
  let y = Math.floor(start / 100) * 100 + yy;
  if (y < start) y += 100;
  return y;
}

/**
 * Parses `text` with a SimpleDateFormat pattern in `zone` (an offset in the text wins); returns the instant.
 * Missing fields default to 1970-01-01 00:00:00.000, as in Java.
 */
export function parseJavaDate(text: string, zone: JavaZone, pattern: string, nowMs: number): number {
  const tokens = tokenizeDatePattern(pattern);
  const p: Parsed = {};
  let pos = 0;
  tokens.forEach((t, i) => {
    if (t.kind === 'literal') {
      if (!text.startsWith(t.text, pos)) throw new UnparseableDateError(`Unparseable date: "${text}"`);
      pos += t.text.length;
      return;
    }
    pos = parseField(t, tokens[i + 1], text, pos, p);
    if (pos < 0) throw new UnparseableDateError(`Unparseable date: "${text}"`);
  });
  let y = p.year ?? 1970;
  if (p.twoDigitYear) y = resolveTwoDigitYear(y, nowMs);
  if (p.bc) y = 1 - y;
  const hour = p.hour ?? (p.hour12 !== undefined ? p.hour12 + (p.pm ? 12 : 0) : p.pm ? 12 : 0);
  const dayPart =
    p.dayOfYear !== undefined && p.month === undefined && p.day === undefined
      ? [0, p.dayOfYear]
      : [p.month ?? 0, p.day ?? 1];
  const d = new Date(0); // not Date.UTC: it maps years 0–99 to 1900–1999
  d.setUTCFullYear(y, dayPart[0], dayPart[1]);
  d.setUTCHours(hour, p.minute ?? 0, p.second ?? 0, p.millis ?? 0);
  const wall = d.getTime();
  if (p.offsetMinutes !== undefined) return wall - p.offsetMinutes * 60_000;
  const first = wall - zone.offsetMs(wall);
  return wall - zone.offsetMs(first);
}
