// 重复信访: earlier cases of the same petitioner (same ID number or phone) within a configurable window.
import { daysBetween, isLocalDate, toHalfWidth } from './dates';
import type { Case } from './model';

/** Default look-back window for a repeat petition. */
export const DEFAULT_REPEAT_WINDOW_DAYS = 365;

/** ID numbers compared without spaces and with an upper-case check character. */
export function normalizeIdNumber(s: unknown): string {
  return typeof s === 'string' ? toHalfWidth(s).replace(/\s+/g, '').toUpperCase() : '';
}

/** Phone numbers compared by digits only, without a +86 / 0086 prefix. */
export function normalizePhone(s: unknown): string {
  if (typeof s !== 'string' && typeof s !== 'number') return '';
  const digits = toHalfWidth(String(s)).replace(/\D/g, '');
  return digits.replace(/^(0086|86)(?=1\d{10}$)/, '');
}

/**
 * What JavaScript's `\s` matches (normalizeIdNumber drops it), written out: the \s of RE2 and of Java's regex is
 * ASCII only. Literal characters, so the class reads the same in each engine.
 */
const SPACES = '\t\n\v\f\r \u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000\ufeff';

/** A character as a class member of the patterns below: the five characters special inside a class escaped. */
const member = (c: string): string => (c.length === 1 && '\\[]^-'.includes(c) ? `\\${c}` : c);

/** The forms of one character of a normalised value a cell may hold: either case, half or full width. */
function forms(c: string): string[] {
  const out = new Set([c]);
  const lower = c.toLowerCase();
  if ([...lower].length === 1) out.add(lower);
  for (const f of [...out]) {
    const code = f.charCodeAt(0);
    if (f.length === 1 && code >= 0x21 && code <= 0x7e) out.add(String.fromCharCode(code + 0xfee0));
  }
  return [...out];
}

/**
 * A TextFinder pattern (useRegularExpression, matchCase(true)) for the cells whose normalizeIdNumber is `id`, itself
 * normalised: each character in either case and width, whitespace anywhere. Made of the syntax RE2, Java's regex (the
 * Sheets API's find/replace) and JavaScript share — anchors, classes, `*` — and of the id's characters as literal class
 * members only, so nothing in a query is ever read as a pattern.
 */
export function idNumberPattern(id: string): string {
  const gap = `[${SPACES}]*`;
  return `^${gap}${[...id].map((c) => `[${forms(c).map(member).join('')}]${gap}`).join('')}$`;
}

/**
 * A TextFinder pattern for the cells whose normalizePhone is `phone` (digits, itself normalised): its digits in
 * either width with anything but digits around and between them, after a +86 / 0086 prefix where normalizePhone
 * drops one (before a mobile number).
 */
export function phonePattern(phone: string): string {
  const gap = '[^0-9０-９]*';
  const digits = (s: string): string => [...s].map((d) => `[${forms(d).join('')}]${gap}`).join('');
  const prefix = /^1\d{10}$/.test(phone) ? `(?:(?:${digits('00')})?${digits('86')})?` : '';
  return `^${gap}${prefix}${digits(phone)}$`;
}

/**
 * The 编号 of earlier cases (信访日期 on or before the candidate's, at most `windowDays` before it;
 * on the same day, not registered after it)
 * that share its ID number or phone, oldest first. The candidate itself (same 编号) is skipped;
 * cases without a readable 信访日期 or 编号 are ignored.
 */
export function findEarlierCases(
  candidate: Case,
  cases: readonly Case[],
  windowDays: number = DEFAULT_REPEAT_WINDOW_DAYS,
): string[] {
  const id = normalizeIdNumber(candidate.idNumber);
  const phone = normalizePhone(candidate.phone);
  const day = candidate.petitionDate;
  if ((!id && phone.length < 7) || !isLocalDate(day)) return [];
  const hits: { no: string; date: string }[] = [];
  for (const other of cases) {
    if (!other.caseNo || other.caseNo === candidate.caseNo || !isLocalDate(other.petitionDate)) continue;
    const gap = daysBetween(other.petitionDate, day);
    if (gap < 0 || gap > windowDays || (gap === 0 && registeredLater(other, candidate))) continue;
    const sameId = id !== '' && normalizeIdNumber(other.idNumber) === id;
    const samePhone = phone.length >= 7 && normalizePhone(other.phone) === phone;
    if (sameId || samePhone) hits.push({ no: other.caseNo, date: other.petitionDate });
  }
  hits.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.no < b.no ? -1 : a.no > b.no ? 1 : 0));
  return hits.map((h) => h.no);
}

function registeredLater(a: Case, b: Case): boolean {
  return !!a.registeredAt && !!b.registeredAt && a.registeredAt.getTime() > b.registeredAt.getTime();
}

/** The 重复信访 cell text: the earlier numbers joined with 、, or '' when none. */
export function repeatHint(earlier: readonly string[]): string {
  return earlier.join('、');
}
