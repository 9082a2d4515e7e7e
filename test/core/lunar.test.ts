// Lunar calendar and 清明: checked against chinese-days 1.5.7 and the dates quoted in domain-facts.md.
import { getSolarDateFromLunar, getSolarTermDate, getYearLeapMonth, monthDays } from 'chinese-days';
import {
  LUNAR_MAX_YEAR,
  LUNAR_MIN_YEAR,
  leapMonthOf,
  lunarMonthLengths,
  lunarNewYear,
  lunarToSolar,
  qingmingDate,
} from '../../src/core/lunar';

const pad = (n: number): string => String(n).padStart(2, '0');
const lunarKey = (y: number, m: number, d: number): string => `${y}-${pad(m)}-${pad(d)}`;

describe('lunar dates quoted in domain-facts.md ("Statutory holidays and counting periods")', () => {
  test('2031: lunar new year 01-23 (eve 01-22), 端午 06-24, 中秋 10-01, 清明 04-05', () => {
    expect(lunarNewYear(2031)).toBe('2031-01-23');
    expect(lunarToSolar(2031, 5, 5)).toBe('2031-06-24');
    expect(lunarToSolar(2031, 8, 15)).toBe('2031-10-01');
    expect(qingmingDate(2031)).toBe('2031-04-05');
  });

  test('festivals of 2025 and 2026 fall inside the State Council schedules (§4.1, §4.2)', () => {
    expect(lunarNewYear(2025)).toBe('2025-01-29');
    expect(lunarToSolar(2025, 5, 5)).toBe('2025-05-31');
    expect(lunarToSolar(2025, 8, 15)).toBe('2025-10-06');
    expect(qingmingDate(2025)).toBe('2025-04-04');
    expect(lunarNewYear(2026)).toBe('2026-02-17');
    expect(lunarToSolar(2026, 5, 5)).toBe('2026-06-19');
    expect(lunarToSolar(2026, 8, 15)).toBe('2026-09-25');
    expect(qingmingDate(2026)).toBe('2026-04-05');
  });

  test('well-known lunar new years', () => {
    const known: Record<number, string> = {
      2024: '2024-02-10',
      2027: '2027-02-06',
      2028: '2028-01-26',
      2029: '2029-02-13',
      2030: '2030-02-03',
      2033: '2033-01-31',
    };
    for (const [y, d] of Object.entries(known)) expect(lunarNewYear(Number(y))).toBe(d);
  });
});

describe('agreement with chinese-days', () => {
  test(`new year, leap month and month lengths for every lunar year ${LUNAR_MIN_YEAR}–${LUNAR_MAX_YEAR}`, () => {
    for (let y = LUNAR_MIN_YEAR; y <= LUNAR_MAX_YEAR; y++) {
      expect(lunarNewYear(y)).toBe(getSolarDateFromLunar(lunarKey(y, 1, 1)).date);
      const leap = getYearLeapMonth(y);
      expect(leapMonthOf(y)).toBe(leap.leapMonth ?? 0);
      const expected: number[] = [];
      for (let m = 1; m <= 12; m++) {
        expected.push(monthDays(y, m));
        if (m === leap.leapMonth) expected.push(leap.days);
      }
      expect(lunarMonthLengths(y)).toEqual(expected);
    }
  });

  test('every month start, 端午 and 中秋 for 2027–2050, leap months included', () => {
    for (let y = 2027; y <= 2050; y++) {
      for (let m = 1; m <= 12; m++) {
        const theirs = getSolarDateFromLunar(lunarKey(y, m, 1));
        expect(lunarToSolar(y, m, 1)).toBe(theirs.date);
        if (theirs.leapMonthDate) expect(lunarToSolar(y, m, 1, true)).toBe(theirs.leapMonthDate);
      }
      expect(lunarToSolar(y, 5, 5)).toBe(getSolarDateFromLunar(lunarKey(y, 5, 5)).date);
      expect(lunarToSolar(y, 8, 15)).toBe(getSolarDateFromLunar(lunarKey(y, 8, 15)).date);
    }
  });

  test('清明 for 1901–2099', () => {
    for (let y = 1901; y <= 2099; y++) expect(qingmingDate(y)).toBe(getSolarTermDate(y, 4, 'pure_brightness'));
  });
});

describe('range checks', () => {
  test('years and days outside the table are refused loudly', () => {
    expect(() => lunarNewYear(1899)).toThrow(RangeError);
    expect(() => lunarNewYear(2101)).toThrow(RangeError);
    expect(() => lunarToSolar(2031, 3, 1, true)).not.toThrow(); // 2031 has a leap 3rd month
    expect(() => lunarToSolar(2031, 4, 1, true)).toThrow(RangeError);
    expect(() => lunarToSolar(2031, 1, 31)).toThrow(RangeError);
    expect(qingmingDate(2100)).toBe('2100-04-05');
  });
});
