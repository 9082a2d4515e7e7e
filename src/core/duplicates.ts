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
