// Checks of what people type into the ledger; never throws, every failure names its field (and row).
import { compareDates, isValidYmd, parseDateInput, toHalfWidth, toShanghaiDate, ymd, type LocalDate } from './dates';

/** One problem found in a cell: `row` is the sheet row number when known. */
export interface FieldIssue {
  row?: number;
  field: string;
  message: string;
}

/** Where a value came from, for the message. */
export interface FieldContext {
  /** Chinese column label, e.g. '身份证号码'; each validator has a sensible default. */
  field?: string;
  row?: number;
}

/** A failed check: `reason` alone, and `issue` with the field and row. */
export interface Invalid {
  ok: false;
  reason: string;
  issue: FieldIssue;
}

/** `第 12 行「身份证号码」：校验位不正确（应为 X）`, or without the row part when unknown. */
export function formatIssue(issue: FieldIssue): string {
  return `${issue.row === undefined ? '' : `第 ${issue.row} 行`}「${issue.field}」：${issue.message}`;
}

function invalid(reason: string, defaultField: string, ctx: FieldContext = {}): Invalid {
  const issue: FieldIssue = { field: ctx.field ?? defaultField, message: reason };
  if (ctx.row !== undefined) issue.row = ctx.row;
  return { ok: false, reason, issue };
}

const asText = (v: unknown): string =>
  v === null || v === undefined ? '' : toHalfWidth(String(v)).replace(/\s+/g, '');

const ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const ID_CHECK = '10X98765432';
/** Province-level codes of GB/T 2260 (83 = 台湾居民居住证). */
const PROVINCES = new Set([
  11, 12, 13, 14, 15, 21, 22, 23, 31, 32, 33, 34, 35, 36, 37, 41, 42, 43, 44, 45, 46, 50, 51, 52, 53, 54, 61, 62, 63,
  64, 65, 71, 81, 82, 83,
]);

/** The GB 11643 check character for the first 17 digits (ISO 7064 MOD 11-2). */
export function idCheckChar(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * ID_WEIGHTS[i];
  return ID_CHECK[sum % 11];
}

/**
 * A GB 11643-1999 citizen ID number: 18 characters, a province code, a real birth date not after
 * `now` (when given), and the MOD 11-2 check character (lower-case x accepted; `value` is normalised).
 */
export function validateIdNumber(
  s: unknown,
  opts: FieldContext & { now?: Date } = {},
): { ok: true; value: string; birthDate: LocalDate; sex: '男' | '女' } | Invalid {
  const fail = (reason: string): Invalid => invalid(reason, '身份证号码', opts);
  const v = asText(s).toUpperCase();
  if (v === '') return fail('为空');
  if (/^\d{15}$/.test(v)) return fail('是 15 位旧号码，请填写 18 位身份证号码');
  if (v.length !== 18) return fail(`应为 18 位（现为 ${v.length} 位）`);
  if (!/^\d{17}[\dX]$/.test(v)) return fail('只能是数字，最后一位可以是 X');
  if (!PROVINCES.has(Number(v.slice(0, 2)))) return fail(`前两位「${v.slice(0, 2)}」不是有效的省级行政区划代码`);
  const [y, m, d] = [Number(v.slice(6, 10)), Number(v.slice(10, 12)), Number(v.slice(12, 14))];
  if (y < 1800 || !isValidYmd(y, m, d)) return fail(`出生日期「${v.slice(6, 14)}」不存在`);
  const birthDate = ymd(y, m, d);
  if (opts.now && compareDates(birthDate, toShanghaiDate(opts.now)) > 0) {
    return fail(`出生日期 ${birthDate} 晚于今天`);
  }
  const check = idCheckChar(v);
  if (v[17] !== check) return fail(`校验位不正确（应为 ${check}）`);
  return { ok: true, value: v, birthDate, sex: Number(v[16]) % 2 === 1 ? '男' : '女' };
}

const MOBILE_RE = /^(?:(?:\+|00)?86)?(1[3-9]\d{9})$/;
/** Area codes: 010 and 02x have three digits, all others four. */
const LANDLINE_RE = /^(?:(0(?:10|2\d|[3-9]\d{2}))-?)?([2-9]\d{6,7})(?:(?:-|转|分机|ext\.?|x|#)(\d{1,6}))?$/i;

/**
 * A mainland mobile (optional +86/0086; spaces and dashes ignored) or a landline such as
 * 0575-88001234, 057588001234, 88001234, (0575)88001234, optionally with an extension (转 123, -123).
 */
export function validateMobileOrPhone(
  s: unknown,
  ctx: FieldContext = {},
): { ok: true; kind: '手机' | '固话'; value: string } | Invalid {
  const fail = (reason: string): Invalid => invalid(reason, '联系电话', ctx);
  const text = asText(s).replace(/[()（）]/g, (c) => (c === ')' || c === '）' ? '-' : ''));
  if (text === '') return fail('为空');
  const digits = text.replace(/-/g, '');
  const mobile = MOBILE_RE.exec(digits);
  if (mobile) return { ok: true, kind: '手机', value: mobile[1] };
  const land = LANDLINE_RE.exec(text.replace(/-+/g, '-'));
  if (land) {
    const value = (land[1] ? `${land[1]}-` : '') + land[2] + (land[3] ? `-${land[3]}` : '');
    return { ok: true, kind: '固话', value };
  }
  if (/^1\d*$/.test(digits) && digits.length !== 11) return fail(`手机号应为 11 位（现为 ${digits.length} 位）`);
  if (/^1[0-2]\d{9}$/.test(digits)) return fail('手机号第二位应为 3–9');
  return fail('不是有效的手机号或固定电话（例：13812345678、0575-88001234）');
}

/** 人数: a positive whole number (a number cell, or digits only; '3人' is refused with a reason). */
export function validatePersonCount(v: unknown, ctx: FieldContext = {}): { ok: true; value: number } | Invalid {
  const fail = (reason: string): Invalid => invalid(reason, '人数', ctx);
  const text = asText(v);
  if (text === '') return fail('为空');
  if (typeof v !== 'number' && !/^-?\d+(?:\.\d+)?$/.test(text)) {
    return /\d/.test(text)
      ? fail(`只填数字，不要带文字（如「${text}」应填「${text.replace(/\D/g, '')}」）`)
      : fail('应为数字');
  }
  const n = Number(text);
  if (!Number.isFinite(n) || !Number.isInteger(n)) return fail('应为整数');
  if (n < 1) return fail('应至少为 1');
  return { ok: true, value: n };
}

/** A value from a dropdown list (surrounding spaces ignored). */
export function validateInList(
  v: unknown,
  list: readonly string[],
  label: string,
  row?: number,
): { ok: true; value: string } | Invalid {
  const text = v === null || v === undefined ? '' : String(v).trim();
  const ctx: FieldContext = { field: label, row };
  if (text === '') return invalid('为空', label, ctx);
  if (list.indexOf(text) >= 0) return { ok: true, value: text };
  const options = list.length > 8 ? list.slice(0, 8).join('、') + '等' : list.join('、');
  return invalid(`「${text}」不是可选项（可选：${options}）`, label, ctx);
}

/** A date cell or typed date; `notAfter` (e.g. today for 信访日期) refuses later dates. */
export function validateDateField(
  v: unknown,
  label: string,
  opts: { row?: number; notAfter?: LocalDate } = {},
): { ok: true; date: LocalDate } | Invalid {
  const ctx: FieldContext = { field: label, row: opts.row };
  const parsed = parseDateInput(v);
  if (!parsed.ok) return invalid(parsed.reason, label, ctx);
  if (opts.notAfter && compareDates(parsed.date, opts.notAfter) > 0) {
    return invalid(`${parsed.date} 晚于 ${opts.notAfter}`, label, ctx);
  }
  return { ok: true, date: parsed.date };
}

/** True when a sheet would read the text as a formula (leading =, +, - or @). */
export function looksLikeFormula(s: string): boolean {
  return /^[=+\-@]/.test(s);
}

/**
 * Text the app composes and writes (messages, generated labels, values from outside such as a
 * platform export), made safe by a leading apostrophe when it would be read as a formula.
 * Not for values read from a cell and written back: those are the person's own and stay unchanged.
 */
export function safeText(s: string): string {
  return looksLikeFormula(s) ? `'${s}` : s;
}
