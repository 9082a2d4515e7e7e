// 编号: format, parse and the next number from a persisted high-water mark.
import fc from 'fast-check';
import {
  DEFAULT_CASE_NUMBER_CONFIG,
  duplicateCaseNumbers,
  formatCaseNumber,
  nextCaseNumber,
  parseCaseNumber,
} from '../../src/core/caseNumber';

describe('formatCaseNumber', () => {
  test('pads the sequence to three digits: 镜访〔2026〕012号', () => {
    expect(formatCaseNumber(2026, 12)).toBe('镜访〔2026〕012号');
    expect(formatCaseNumber(2026, 1)).toBe('镜访〔2026〕001号');
  });
  test('grows past 999 instead of truncating', () => {
    expect(formatCaseNumber(2026, 999)).toBe('镜访〔2026〕999号');
    expect(formatCaseNumber(2026, 1000)).toBe('镜访〔2026〕1000号');
  });
  test('prefix and brackets are configurable', () => {
    const config = { ...DEFAULT_CASE_NUMBER_CONFIG, prefix: '越访', open: '[', close: ']', minDigits: 4 };
    expect(formatCaseNumber(2027, 5, config)).toBe('越访[2027]0005号');
    expect(parseCaseNumber('越访[2027]0005号', config)).toEqual({ year: 2027, seq: 5 });
  });
  test('refuses a sequence below 1', () => {
    expect(() => formatCaseNumber(2026, 0)).toThrow(RangeError);
  });
});

describe('parseCaseNumber', () => {
  test('reads the annex 4 and typed variants', () => {
    expect(parseCaseNumber('镜访〔2026〕012号')).toEqual({ year: 2026, seq: 12 });
    expect(parseCaseNumber('镜访[2026]12号')).toEqual({ year: 2026, seq: 12 });
    expect(parseCaseNumber('镜访［２０２６］０１２号')).toEqual({ year: 2026, seq: 12 });
    expect(parseCaseNumber(' 镜访（2026）1000号 ')).toEqual({ year: 2026, seq: 1000 });
  });
  test('null for numbers of other offices or other shapes', () => {
    expect(parseCaseNumber('越访〔2026〕012号')).toBeNull();
    expect(parseCaseNumber('镜访〔2026〕000号')).toBeNull();
    expect(parseCaseNumber('12345')).toBeNull();
    expect(parseCaseNumber('')).toBeNull();
  });
  test('round-trips every year and sequence', () => {
    fc.assert(
      fc.property(fc.integer({ min: 2000, max: 2200 }), fc.integer({ min: 1, max: 100000 }), (y, n) => {
        expect(parseCaseNumber(formatCaseNumber(y, n))).toEqual({ year: y, seq: n });
      }),
    );
  });
});

describe('nextCaseNumber', () => {
  test('starts a year at 001', () => {
    expect(nextCaseNumber({ year: 2026 })).toEqual({ caseNo: '镜访〔2026〕001号', seq: 1, highWater: 1 });
  });
  test('is max + 1 of the year, ignoring other years and foreign text', () => {
    const existing = ['镜访〔2026〕003号', '镜访〔2025〕120号', '镜访〔2026〕011号', '备注', ''];
    expect(nextCaseNumber({ year: 2026, existing }).caseNo).toBe('镜访〔2026〕012号');
  });
  test('never reuses the number of a deleted row: the stored high-water mark wins', () => {
    const existing = ['镜访〔2026〕001号', '镜访〔2026〕002号']; // 003…012 were deleted
    expect(nextCaseNumber({ year: 2026, highWater: 12, existing }).caseNo).toBe('镜访〔2026〕013号');
  });
  test('a typed number above the mark moves the mark up', () => {
    const r = nextCaseNumber({ year: 2026, highWater: 5, existing: ['镜访〔2026〕040号'] });
    expect(r).toEqual({ caseNo: '镜访〔2026〕041号', seq: 41, highWater: 41 });
  });
  test('goes from 999 to 1000', () => {
    expect(nextCaseNumber({ year: 2026, highWater: 999 }).caseNo).toBe('镜访〔2026〕1000号');
  });
  test('numbers handed out one after another are unique and increasing', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 1, max: 2000 }), { maxLength: 20 }),
        fc.integer({ min: 1, max: 30 }),
        (seqs, n) => {
          const existing = seqs.map((s) => formatCaseNumber(2026, s));
          let highWater = 0;
          const issued: string[] = [];
          for (let i = 0; i < n; i++) {
            const next = nextCaseNumber({ year: 2026, highWater, existing: [...existing, ...issued] });
            highWater = next.highWater;
            issued.push(next.caseNo);
          }
          expect(new Set([...existing, ...issued]).size).toBe(new Set(existing).size + n);
        },
      ),
    );
  });
});

test('duplicateCaseNumbers reports each duplicate once', () => {
  expect(duplicateCaseNumbers(['a', 'b', 'a', 'a', '', ''])).toEqual(['a']);
});
