// 编号: the stable case number 镜访〔2026〕012号 — assigned once from a persisted per-year counter, never reused.
import { toHalfWidth } from './dates';

/** How numbers are written: prefix, the brackets around the year, the suffix and the sequence padding. */
export interface CaseNumberConfig {
  prefix: string;
  open: string;
  close: string;
  suffix: string;
  minDigits: number;
}

/** 镜访〔2026〕012号 (annex 4 writes 镜访[年]号; the office's documents use 〔〕). */
export const DEFAULT_CASE_NUMBER_CONFIG: CaseNumberConfig = {
  prefix: '镜访',
  open: '〔',
  close: '〕',
  suffix: '号',
  minDigits: 3,
};

/** A parsed case number. */
export interface CaseNumberParts {
  year: number;
  seq: number;
}

/** Formats year and sequence: 12 → 镜访〔2026〕012号; 1000 → 镜访〔2026〕1000号 (padding never truncates). */
export function formatCaseNumber(
  year: number,
  seq: number,
  config: CaseNumberConfig = DEFAULT_CASE_NUMBER_CONFIG,
): string {
  if (!Number.isInteger(seq) || seq < 1) throw new RangeError(`Case sequence must be a positive integer: ${seq}`);
  const digits = String(seq);
  const padded = digits.length >= config.minDigits ? digits : '0'.repeat(config.minDigits - digits.length) + digits;
  return `${config.prefix}${config.open}${year}${config.close}${padded}${config.suffix}`;
}

const escape = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * Reads a case number written with this config's prefix and suffix; the year may sit in 〔〕, [], ［］,
 * () or （）, full-width digits and spaces are tolerated. Null when it is not one of ours.
 */
export function parseCaseNumber(
  text: string,
  config: CaseNumberConfig = DEFAULT_CASE_NUMBER_CONFIG,
): CaseNumberParts | null {
  if (typeof text !== 'string') return null;
  const s = toHalfWidth(text).replace(/\s+/g, '');
  const brackets = `[${escape(toHalfWidth(config.open) + toHalfWidth(config.close))}〔〕\\[\\]()]`;
  const re = new RegExp(
    `^${escape(toHalfWidth(config.prefix))}${brackets}(\\d{4})${brackets}(\\d+)${escape(toHalfWidth(config.suffix))}$`,
  );
  const m = re.exec(s);
  if (!m) return null;
  const seq = Number(m[2]);
  return seq >= 1 ? { year: Number(m[1]), seq } : null;
}

/** The number to assign next and the counter value to persist with it. */
export interface NextCaseNumber {
  caseNo: string;
  seq: number;
  /** Store this as the year's new high-water mark before releasing the lock. */
  highWater: number;
}

/**
 * The next number of `year`: one above both the persisted high-water mark (the last sequence ever
 * issued that year, so numbers of deleted rows are never reused) and every number of that year
 * still present in `existing` (rows typed or pasted with a number).
 */
export function nextCaseNumber(args: {
  year: number;
  highWater?: number;
  existing?: readonly string[];
  config?: CaseNumberConfig;
}): NextCaseNumber {
  const config = args.config ?? DEFAULT_CASE_NUMBER_CONFIG;
  let max = Math.max(0, Math.floor(args.highWater ?? 0));
  for (const no of args.existing ?? []) {
    const p = parseCaseNumber(no, config);
    if (p && p.year === args.year && p.seq > max) max = p.seq;
  }
  const seq = max + 1;
  return { caseNo: formatCaseNumber(args.year, seq, config), seq, highWater: seq };
}

/** Numbers that occur more than once (a pasted duplicate row): each is reported once. */
export function duplicateCaseNumbers(existing: readonly string[]): string[] {
  const seen = new Set<string>();
  const dup = new Set<string>();
  for (const no of existing) {
    if (!no) continue;
    if (seen.has(no)) dup.add(no);
    seen.add(no);
  }
  return Array.from(dup);
}
