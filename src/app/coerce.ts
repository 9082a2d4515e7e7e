// Reads raw cell or dialog values into a typed case by each column's kind; what cannot be read becomes an issue, never a revert.
import { formatDateTime, fromSheetSerial, fromShanghai, parseDateInput, toShanghaiDate } from '../core/dates';
import { CASE_FIELDS, fieldLabel, fieldSpec, isFilled, type Case, type CaseKey, type FieldSpec } from '../core/model';
import {
  formatIssue,
  validateDateField,
  validateIdNumber,
  validateInList,
  validateMobileOrPhone,
  validatePersonCount,
} from '../core/validate';

/** Raw values by column key, as a sheet row or a dialog gives them. */
export type RawRow = Partial<Record<CaseKey, unknown>>;

/** A problem with one value, to be shown as a note on the cell. */
export interface ValueIssue {
  key: CaseKey;
  message: string;
}

type Read = { ok: true; value: unknown } | { ok: false; message: string };

function readBool(v: unknown): Read {
  if (typeof v === 'boolean') return { ok: true, value: v };
  const s = String(v).trim().toUpperCase();
  if (['是', 'TRUE', '√', 'Y'].includes(s)) return { ok: true, value: true };
  if (['否', 'FALSE', '×', 'N'].includes(s)) return { ok: true, value: false };
  return { ok: false, message: `「${String(v)}」应为 是 或 否` };
}

function readDateTime(v: unknown): Read {
  const p = parseDateInput(v);
  if (!p.ok) return { ok: false, message: p.reason };
  if (v instanceof Date) return { ok: true, value: v };
  const [y, m, d] = p.date.split('-').map(Number);
  const t = p.time ?? { hh: 0, mm: 0, ss: 0 };
  return { ok: true, value: fromShanghai(y, m, d, t.hh, t.mm, t.ss) };
}

function readValue(spec: FieldSpec, v: unknown): Read {
  const bad = (r: { reason: string }): Read => ({ ok: false, message: r.reason });
  switch (spec.kind) {
    case 'text':
      return { ok: true, value: typeof v === 'string' ? v.trim() : String(v) };
    case 'date': {
      const r = validateDateField(v, spec.label);
      return r.ok ? { ok: true, value: r.date } : bad(r);
    }
    case 'datetime':
      return readDateTime(v);
    case 'int': {
      const r = validatePersonCount(v, { field: spec.label });
      return r.ok ? { ok: true, value: r.value } : bad(r);
    }
    case 'number': {
      const n = typeof v === 'number' ? v : Number(String(v).trim());
      return Number.isFinite(n) && n >= 0 ? { ok: true, value: n } : { ok: false, message: `「${String(v)}」应为数字` };
    }
    case 'bool':
      return readBool(v);
    case 'enum': {
      const r = validateInList(v, spec.options ?? [], spec.label);
      return r.ok ? { ok: true, value: r.value } : bad(r);
    }
  }
}

/**
 * Converts a raw row: blank cells become absent fields; a value that cannot be read is left out of
 * the case and reported. Identity checks (身份证号码, 联系电话, 信访日期 not after `now`) report
 * issues but keep the value: typing is first class.
 */
export function coerceRow(raw: RawRow, now: Date): { c: Partial<Case>; issues: ValueIssue[] } {
  const c: Record<string, unknown> = {};
  const issues: ValueIssue[] = [];
  for (const spec of CASE_FIELDS as readonly FieldSpec[]) {
    const key = spec.key as CaseKey;
    if (!(key in raw) || !isFilled(raw[key])) continue;
    const r = readValue(spec, raw[key]);
    if (r.ok) c[key] = r.value;
    else issues.push({ key, message: formatIssue({ field: spec.label, message: r.message }) });
  }
  issues.push(...identityIssues(c as Partial<Case>, now));
  return { c: c as Partial<Case>, issues };
}

/** Issues with values that were read but are not plausible. */
export function identityIssues(c: Partial<Case>, now: Date): ValueIssue[] {
  const out: ValueIssue[] = [];
  if (isFilled(c.idNumber)) {
    const r = validateIdNumber(c.idNumber, { now, field: fieldLabel('idNumber') });
    if (!r.ok) out.push({ key: 'idNumber', message: formatIssue(r.issue) });
  }
  if (isFilled(c.phone)) {
    const r = validateMobileOrPhone(c.phone, { field: fieldLabel('phone') });
    if (!r.ok) out.push({ key: 'phone', message: formatIssue(r.issue) });
  }
  if (c.petitionDate && c.petitionDate > toShanghaiDate(now)) {
    out.push({ key: 'petitionDate', message: `「${fieldLabel('petitionDate')}」：${c.petitionDate} 晚于今天` });
  }
  return out;
}

/** A value as the audit log shows it. */
export function displayValue(v: unknown): string {
  if (v === undefined || v === null) return '';
  if (v instanceof Date) return isNaN(v.getTime()) ? String(v) : formatDateTime(v);
  if (typeof v === 'boolean') return v ? '是' : '否';
  return String(v);
}

/** A serial as an edit event gives a date cell's value (`46328`, `46328.5`); 8 digits are a date typed as 20261009. */
const SERIAL_RE = /^\d{1,7}(?:\.\d+)?$/;

/**
 * A cell's value as the log shows it in its column: a date as 2026-10-09 and a date-time as 2026-10-09 14:30, also
 * when Apps Script gives the value before an edit as a serial number; anything unreadable as typed.
 */
export function logValue(key: CaseKey, v: unknown): string {
  const kind = fieldSpec(key)?.kind;
  if ((kind === 'date' || kind === 'datetime') && (typeof v === 'number' || typeof v === 'string')) {
    const s = String(v).trim();
    if (SERIAL_RE.test(s)) v = fromSheetSerial(Number(s));
  }
  if (kind === 'date' && v instanceof Date && !isNaN(v.getTime())) return toShanghaiDate(v);
  return displayValue(v);
}
