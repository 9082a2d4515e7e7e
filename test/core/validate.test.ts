// Validation of typed values: ID numbers (GB 11643, domain-facts.md §5), phones, counts, lists, dates, formulas.
import fc from 'fast-check';
import { fromShanghai } from '../../src/core/dates';
import {
  formatIssue,
  idCheckChar,
  looksLikeFormula,
  safeText,
  validateDateField,
  validateIdNumber,
  validateInList,
  validateMobileOrPhone,
  validatePersonCount,
} from '../../src/core/validate';

const reasonOf = (r: { ok: boolean; reason?: string }): string | undefined => (r.ok ? undefined : r.reason);

describe('validateIdNumber', () => {
  // domain-facts.md §5: verified locally against the MOD 11-2 rule
  test.each([
    ['11010519491231002X', '1949-12-31', '女'],
    ['440524188001010014', '1880-01-01', '男'],
    ['34052419800101001X', '1980-01-01', '男'],
    ['370101190102039973', '1901-02-03', '男'],
  ])('%s is valid (born %s, %s)', (id, birthDate, sex) => {
    expect(validateIdNumber(id)).toEqual({ ok: true, value: id, birthDate, sex });
  });

  test('lower-case x and spaces are accepted and normalised', () => {
    expect(validateIdNumber(' 11010519491231002x ')).toMatchObject({ ok: true, value: '11010519491231002X' });
    expect(validateIdNumber('110105 19491231 002X')).toMatchObject({ ok: true, value: '11010519491231002X' });
  });

  test('the message names the field and row and gives the right check character', () => {
    const r = validateIdNumber('110105194912310021', { row: 12 });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(formatIssue(r.issue)).toBe('第 12 行「身份证号码」：校验位不正确（应为 X）');
  });

  test.each([
    ['', '为空'],
    ['11010519491231002', '应为 18 位（现为 17 位）'],
    ['110105491231002', '15 位旧号码'],
    ['1101051949123100A2', '只能是数字'],
    ['990105194912310021', '不是有效的省级行政区划代码'],
    ['110105194902300021', '出生日期「19490230」不存在'],
  ])('%s is refused: %s', (id, reason) => {
    expect(reasonOf(validateIdNumber(id))).toContain(reason);
  });

  test('a birth date after `now` is refused', () => {
    const id17 = '33060220300101123';
    const id = id17 + idCheckChar(id17);
    expect(reasonOf(validateIdNumber(id, { now: fromShanghai(2026, 1, 1) }))).toContain('晚于今天');
    expect(validateIdNumber(id).ok).toBe(true);
  });

  test('never throws on odd input', () => {
    for (const v of [null, undefined, 42, {}, [], NaN]) expect(validateIdNumber(v).ok).toBe(false);
  });

  test('property: any well-formed number with its check character passes; any other check character fails', () => {
    const body = fc.record({
      area: fc.constantFrom('110105', '330602', '440524', '650102'),
      day: fc.integer({ min: 0, max: 36_000 }),
      seq: fc.integer({ min: 0, max: 999 }),
    });
    fc.assert(
      fc.property(body, ({ area, day, seq }) => {
        const birth = new Date(Date.UTC(1920, 0, 1) + day * 86_400_000).toISOString().slice(0, 10).replace(/-/g, '');
        const id17 = area + birth + String(seq).padStart(3, '0');
        const good = id17 + idCheckChar(id17);
        expect(validateIdNumber(good)).toMatchObject({ ok: true, sex: seq % 2 ? '男' : '女' });
        for (const c of '0123456789X') if (c !== good[17]) expect(validateIdNumber(id17 + c).ok).toBe(false);
      }),
    );
  });
});

describe('validateMobileOrPhone', () => {
  test.each([
    ['13812345678', '手机', '13812345678'],
    ['138 1234 5678', '手机', '13812345678'],
    ['138-1234-5678', '手机', '13812345678'],
    ['+86 13812345678', '手机', '13812345678'],
    ['8613812345678', '手机', '13812345678'],
    ['0575-88001234', '固话', '0575-88001234'],
    ['057588001234', '固话', '0575-88001234'],
    ['010-88001234', '固话', '010-88001234'],
    ['01088001234', '固话', '010-88001234'],
    ['(0575)88001234', '固话', '0575-88001234'],
    ['88001234', '固话', '88001234'],
    ['0575-88001234-123', '固话', '0575-88001234-123'],
    ['0575-88001234转123', '固话', '0575-88001234-123'],
  ])('%s is a %s', (typed, kind, value) => {
    expect(validateMobileOrPhone(typed)).toEqual({ ok: true, kind, value });
  });

  test.each([
    ['', '为空'],
    ['1381234567', '手机号应为 11 位（现为 10 位）'],
    ['12812345678', '手机号第二位应为 3–9'],
    ['电话待补', '不是有效的手机号或固定电话'],
    ['0575-0800123', '不是有效的手机号或固定电话'],
  ])('%s is refused: %s', (typed, reason) => {
    expect(reasonOf(validateMobileOrPhone(typed))).toContain(reason);
  });

  test('the field label can be given', () => {
    const r = validateMobileOrPhone('123', { field: '代理人电话', row: 3 });
    if (!r.ok) expect(formatIssue(r.issue)).toMatch(/^第 3 行「代理人电话」：/);
  });
});

describe('validatePersonCount', () => {
  test('positive whole numbers, typed or as a number cell', () => {
    expect(validatePersonCount(3)).toEqual({ ok: true, value: 3 });
    expect(validatePersonCount(' 12 ')).toEqual({ ok: true, value: 12 });
  });

  test.each([
    ['3人', '只填数字，不要带文字（如「3人」应填「3」）'],
    [0, '应至少为 1'],
    ['-2', '应至少为 1'],
    [2.5, '应为整数'],
    ['', '为空'],
    ['若干', '应为数字'],
  ])('%s is refused: %s', (v, reason) => {
    expect(reasonOf(validatePersonCount(v))).toBe(reason);
  });

  test('with a row, the issue reads as a sentence', () => {
    const r = validatePersonCount('3人', { row: 7 });
    if (!r.ok) expect(formatIssue(r.issue)).toBe('第 7 行「人数」：只填数字，不要带文字（如「3人」应填「3」）');
  });
});

describe('validateInList, validateDateField', () => {
  const forms = ['来信', '来访', '来电', '网上信访', '信访代办'];

  test('a list value, spaces ignored', () => {
    expect(validateInList(' 来访 ', forms, '信访形式')).toEqual({ ok: true, value: '来访' });
    const r = validateInList('上访', forms, '信访形式', 5);
    expect(r.ok).toBe(false);
    if (!r.ok)
      expect(formatIssue(r.issue)).toBe(
        '第 5 行「信访形式」：「上访」不是可选项（可选：来信、来访、来电、网上信访、信访代办）',
      );
  });

  test('a date field, optionally not after a day', () => {
    expect(validateDateField('2026/2/14', '信访日期')).toEqual({ ok: true, date: '2026-02-14' });
    const r = validateDateField('2026-02-30', '信访日期', { row: 4 });
    if (!r.ok) expect(formatIssue(r.issue)).toBe('第 4 行「信访日期」：不存在的日期：2026年2月30日');
    expect(reasonOf(validateDateField('2026-03-01', '信访日期', { notAfter: '2026-02-28' }))).toBe(
      '2026-03-01 晚于 2026-02-28',
    );
  });
});

describe('formulas', () => {
  test.each(['=HYPERLINK("x")', '+86 138', '-1', '@SUM'])('%s looks like a formula and is escaped', (s) => {
    expect(looksLikeFormula(s)).toBe(true);
    expect(safeText(s)).toBe(`'${s}`);
  });

  test('ordinary text is left alone', () => {
    for (const s of ['张三', '2026-10-05', '', ' =1', '13812345678']) {
      expect(looksLikeFormula(s)).toBe(false);
      expect(safeText(s)).toBe(s);
    }
  });
});
