// 重复信访: same ID number or phone within the window.
import {
  findEarlierCases,
  idNumberPattern,
  normalizeIdNumber,
  normalizePhone,
  phonePattern,
  repeatHint,
} from '../../src/core/duplicates';
import { fromShanghai } from '../../src/core/dates';
import type { Case } from '../../src/core/model';

const earlier = (caseNo: string, petitionDate: string, extra: Partial<Case> = {}): Case => ({
  caseNo,
  petitionDate,
  state: '已归档',
  ...extra,
});
const candidate: Case = {
  caseNo: '镜访〔2026〕050号',
  state: '待签收',
  petitionDate: '2026-03-10',
  idNumber: '11010519491231002x',
  phone: '138 1234 5678',
};

test('finds earlier cases by ID number (check character in either case) or by phone', () => {
  const cases = [
    earlier('镜访〔2025〕200号', '2025-06-01', { idNumber: '11010519491231002X' }),
    earlier('镜访〔2026〕010号', '2026-01-05', { phone: '+86 13812345678' }),
    earlier('镜访〔2026〕011号', '2026-01-06', { phone: '13900000000', idNumber: '440524188001010014' }),
  ];
  expect(findEarlierCases(candidate, cases)).toEqual(['镜访〔2025〕200号', '镜访〔2026〕010号']);
});

test('the window is configurable and defaults to 365 days', () => {
  const cases = [
    earlier('镜访〔2025〕001号', '2025-03-10', { idNumber: '11010519491231002X' }), // 365 days before
    earlier('镜访〔2025〕000号', '2025-03-09', { idNumber: '11010519491231002X' }), // 366 days before
  ];
  expect(findEarlierCases(candidate, cases)).toEqual(['镜访〔2025〕001号']);
  expect(findEarlierCases(candidate, cases, 30)).toEqual([]);
});

test('skips itself, later cases, and a same-day case registered after it', () => {
  const at = (h: number): Date => fromShanghai(2026, 3, 10, h);
  const me = { ...candidate, registeredAt: at(10) };
  const cases = [
    me,
    earlier('镜访〔2026〕060号', '2026-03-12', { phone: '13812345678' }),
    earlier('镜访〔2026〕049号', '2026-03-10', { phone: '13812345678', registeredAt: at(9) }),
    earlier('镜访〔2026〕051号', '2026-03-10', { phone: '13812345678', registeredAt: at(11) }),
  ];
  expect(findEarlierCases(me, cases)).toEqual(['镜访〔2026〕049号']);
});

test('no identity, no match; blank phones never match each other', () => {
  const blank: Case = { caseNo: 'x', state: '待签收', petitionDate: '2026-03-10' };
  expect(findEarlierCases(blank, [earlier('y', '2026-03-01')])).toEqual([]);
});

test('normalizePhone and repeatHint', () => {
  expect(normalizePhone('0086-138-1234-5678')).toBe('13812345678');
  expect(normalizePhone('0575-88001234')).toBe('057588001234');
  expect(repeatHint(['a', 'b'])).toBe('a、b');
});

describe('the TextFinder patterns of 查找 (a cell matches exactly when it normalises to the query)', () => {
  // The runtime's TextFinder runs them as JavaScript RegExps (with useRegularExpression and matchCase: flag u).
  const matchesId = (id: string, cell: string) => new RegExp(idNumberPattern(id), 'u').test(cell);
  const matchesPhone = (phone: string, cell: string) => new RegExp(phonePattern(phone), 'u').test(cell);
  /** A small deterministic generator (mulberry32). */
  const random = (seed: number) => () => {
    seed = (seed + 0x6d2b79f5) >>> 0;
    let t = Math.imul(seed ^ (seed >>> 15), seed | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const wide = (c: string) => (c >= '!' && c <= '~' ? String.fromCharCode(c.charCodeAt(0) + 0xfee0) : c);
  /** `s` as a person may have typed it: characters widened or lower-cased, `gaps` scattered between them. */
  const retyped = (s: string, next: () => number, gaps: string): string =>
    [...s]
      .map((c) => {
        const cased = next() < 0.5 ? c.toLowerCase() : c;
        const shown = next() < 0.3 ? wide(cased) : cased;
        return next() < 0.3 ? gaps[Math.floor(next() * gaps.length)] + shown : shown;
      })
      .join('') + (next() < 0.2 ? gaps[0] : '');

  test('an ID number typed with a lower-case x, spaces or full-width digits', () => {
    const id = '11010519491231002X';
    for (const cell of [
      '11010519491231002X',
      '11010519491231002x',
      ' 110105 19491231 002x',
      '１１０１０５１９４９１２３１００２ｘ',
    ])
      expect([cell, matchesId(id, cell)]).toEqual([cell, true]);
    for (const cell of ['11010519491231003X', '11010519491231002X1', '11010519491231002', '11010519491231002-X'])
      expect([cell, matchesId(id, cell)]).toEqual([cell, false]);
  });

  test('a phone typed with dashes, spaces, brackets, a +86 or 0086 prefix, full-width digits', () => {
    for (const cell of ['13812345678', '138-1234-5678', '+86 138 1234 5678', '0086-13812345678', '（１３８）12345678'])
      expect([cell, matchesPhone('13812345678', cell)]).toEqual([cell, true]);
    for (const cell of ['1381234567', '138123456789', '8613812345679', '13812345678 转 2'])
      expect([cell, matchesPhone('13812345678', cell)]).toEqual([cell, false]);
    // A prefix is dropped only before a mobile number (normalizePhone), so a landline never matches with one.
    expect(matchesPhone('057588001234', '0575-8800 1234')).toBe(true);
    expect(matchesPhone('057588001234', '86 0575 88001234')).toBe(false);
  });

  test('every character between two of an ID number or a phone: a match exactly when normalising removes it', () => {
    const id = new RegExp(idNumberPattern('AB'), 'u');
    const phone = new RegExp(phonePattern('13800001234'), 'u');
    const differ: number[] = [];
    for (let code = 0; code <= 0xffff; code++) {
      if (code >= 0xd800 && code <= 0xdfff) continue;
      const ch = String.fromCharCode(code);
      if (id.test(`A${ch}B`) !== (normalizeIdNumber(`A${ch}B`) === 'AB')) differ.push(code);
      if (phone.test(`1380${ch}0001234`) !== (normalizePhone(`1380${ch}0001234`) === '13800001234')) differ.push(code);
    }
    expect(differ).toEqual([]);
  });

  test('retyped and random cells: the pattern and the normalised comparison agree', () => {
    const next = random(18);
    const ids = ['11010519491231002X', '330602199001011234', '镜访〔2026〕.*(x)[]^-\\$|?+{}号码'];
    const noise = '0123456789xX ｘＸ１２-.*()[]\\^$|?+{}\u3000\t\u00a0镜访';
    for (const id of ids.map(normalizeIdNumber))
      for (let i = 0; i < 400; i++) {
        const cell =
          i % 2 === 0
            ? retyped(id, next, ' \u3000\t\u00a0\u2009')
            : Array.from({ length: id.length }, () => noise[Math.floor(next() * noise.length)]).join('');
        expect([cell, matchesId(id, cell)]).toEqual([cell, normalizeIdNumber(cell) === id]);
      }
    for (const phone of ['13812345678', '057588001234', '8613812345678'].map(normalizePhone))
      for (let i = 0; i < 400; i++) {
        const prefix = ['', '+86 ', '0086-', '86'][i % 4]!;
        const cell =
          i % 3 === 2 ? `${prefix}${String(Math.floor(next() * 1e11))}` : prefix + retyped(phone, next, ' -()（）');
        expect([cell, matchesPhone(phone, cell)]).toEqual([cell, normalizePhone(cell) === phone]);
      }
  });

  test('a query’s characters are never pattern syntax: only the five class escapes RE2, Java and JavaScript share', () => {
    const pattern = idNumberPattern(normalizeIdNumber('(.*)[x]^-\\$|?+{}〔〕😀'));
    expect(pattern.replace(/\\[\\\][^-]/g, '')).not.toContain('\\');
    expect(matchesId(normalizeIdNumber('(.*)[x]^-\\$|?+{}〔〕😀'), '(.*)[X]^-\\$|?+{}〔〕😀')).toBe(true);
    expect(matchesId(normalizeIdNumber('(.*)[x]^-\\$|?+{}〔〕😀'), '(a)[X]^-\\$|?+{}〔〕😀')).toBe(false);
  });
});
