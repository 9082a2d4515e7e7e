// Dates typed by people and Shanghai wall-clock arithmetic; must hold under TZ=UTC and TZ=Asia/Shanghai.
import fc from 'fast-check';
import {
  addDays,
  compareDates,
  endOfShanghaiDay,
  formatDate,
  formatDateCN,
  formatDateTime,
  fromDayNumber,
  fromShanghai,
  parseDateInput,
  shanghaiWallClock,
  startOfShanghaiDay,
  toShanghaiDate,
  weekday,
} from '../../src/core/dates';

describe('Shanghai wall clock (UTC+8, no DST since 1991)', () => {
  test('an instant late in the UTC day is already the next day in Shanghai', () => {
    const instant = new Date('2026-10-04T16:30:00Z');
    expect(toShanghaiDate(instant)).toBe('2026-10-05');
    expect(shanghaiWallClock(instant)).toEqual({ y: 2026, m: 10, d: 5, hh: 0, mm: 30, ss: 0, weekday: 1 });
  });

  test('fromShanghai gives the instant, whatever the host zone', () => {
    expect(fromShanghai(2026, 10, 5, 8, 30).toISOString()).toBe('2026-10-05T00:30:00.000Z');
    expect(fromShanghai(2026, 1, 1).toISOString()).toBe('2025-12-31T16:00:00.000Z');
  });

  test('day bounds: a day deadline falls due at 23:59:59.999 Shanghai', () => {
    expect(startOfShanghaiDay('2026-10-05').toISOString()).toBe('2026-10-04T16:00:00.000Z');
    expect(endOfShanghaiDay('2026-10-05').toISOString()).toBe('2026-10-05T15:59:59.999Z');
    expect(formatDateTime(fromShanghai(2026, 2, 14, 9, 5))).toBe('2026-02-14 09:05');
  });

  test('calendar arithmetic across months, leap years and years', () => {
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDays('2025-02-28', 1)).toBe('2025-03-01');
    expect(addDays('2026-11-25', 60)).toBe('2027-01-24');
    expect(addDays('2026-01-01', -1)).toBe('2025-12-31');
    expect(weekday('2026-10-01')).toBe(4); // Thursday
    expect(weekday('2025-09-28')).toBe(0); // Sunday (a make-up working day)
    expect(compareDates('2026-02-14', '2026-02-28')).toBe(-1);
    expect(compareDates('2026-02-28', '2026-02-28')).toBe(0);
  });
});

describe('parseDateInput: the ways people type dates', () => {
  test.each([
    '2026-10-05',
    '2026/10/5',
    '2026.10.5',
    '2026年10月5日',
    '2026年10月5号',
    ' 2026-10-5 ',
    '20261005',
    '２０２６－１０－０５',
  ])('%s → 2026-10-05', (typed) => {
    expect(parseDateInput(typed)).toEqual({ ok: true, date: '2026-10-05' });
  });

  test.each([
    ['2026-10-05 14:30', { hh: 14, mm: 30, ss: 0 }],
    ['2026/10/5 9:05:07', { hh: 9, mm: 5, ss: 7 }],
    ['2026-10-05T14:30:00', { hh: 14, mm: 30, ss: 0 }],
    ['2026年10月5日14时30分', { hh: 14, mm: 30, ss: 0 }],
    ['2026年10月5日 14:30', { hh: 14, mm: 30, ss: 0 }],
  ])('%s keeps its time', (typed, time) => {
    expect(parseDateInput(typed)).toEqual({ ok: true, date: '2026-10-05', time });
  });

  test('a date cell is read by its Shanghai date; a non-midnight cell also gives its time', () => {
    expect(parseDateInput(fromShanghai(2026, 10, 5))).toEqual({ ok: true, date: '2026-10-05' });
    expect(parseDateInput(fromShanghai(2026, 10, 5, 23, 10))).toEqual({
      ok: true,
      date: '2026-10-05',
      time: { hh: 23, mm: 10, ss: 0 },
    });
    expect(parseDateInput(20261005)).toEqual({ ok: true, date: '2026-10-05' });
  });

  test.each([
    ['2026-02-30', '不存在的日期：2026年2月30日'],
    ['2025-02-29', '不存在的日期：2025年2月29日'],
    ['', '日期为空'],
    ['2026-10/5', '无法识别'],
    ['26/10/5', '无法识别'],
    ['下周一', '无法识别'],
    ['2026-10-05 25:00', '时间不存在'],
    ['0026-10-05', '年份 26 超出范围'],
  ])('%s is refused: %s', (typed, reason) => {
    const r = parseDateInput(typed);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.reason).toContain(reason);
  });

  test('non-dates are refused, never thrown', () => {
    expect(parseDateInput(new Date(NaN))).toEqual({ ok: false, reason: '日期无效' });
    expect(parseDateInput(null).ok).toBe(false);
    expect(parseDateInput(undefined).ok).toBe(false);
    expect(parseDateInput({}).ok).toBe(false);
    expect(parseDateInput(45000).ok).toBe(false);
  });

  test('formats print as expected', () => {
    expect(formatDate('2026-10-05')).toBe('2026-10-05');
    expect(formatDate(fromShanghai(2026, 10, 5, 0, 1))).toBe('2026-10-05');
    expect(formatDateCN('2026-10-05')).toBe('2026年10月5日');
  });
});

describe('properties', () => {
  // 1901-01-01 … 2099-12-31 as day numbers since 1970-01-01
  const localDate = fc.integer({ min: -25202, max: 47481 }).map(fromDayNumber);

  test('parse(format(d)) === d for every way the app prints a date', () => {
    fc.assert(
      fc.property(localDate, (d) => {
        for (const text of [formatDate(d), formatDateCN(d), d.replace(/-/g, '/'), d.replace(/-/g, '')]) {
          expect(parseDateInput(text)).toEqual({ ok: true, date: d });
        }
        expect(parseDateInput(startOfShanghaiDay(d))).toEqual({ ok: true, date: d });
      }),
    );
  });

  test('every Shanghai wall-clock time of a day maps back to that day', () => {
    fc.assert(
      fc.property(localDate, fc.integer({ min: 0, max: 86_399_999 }), (d, ms) => {
        const instant = new Date(startOfShanghaiDay(d).getTime() + ms);
        expect(toShanghaiDate(instant)).toBe(d);
        const w = shanghaiWallClock(instant);
        expect(fromShanghai(w.y, w.m, w.d, w.hh, w.mm, w.ss, ms % 1000).getTime()).toBe(instant.getTime());
        expect(w.weekday).toBe(weekday(d));
      }),
    );
  });

  test('addDays is consistent with ordering', () => {
    fc.assert(
      fc.property(localDate, fc.integer({ min: -400, max: 400 }), (d, n) => {
        expect(compareDates(addDays(d, n), d)).toBe(Math.sign(n));
        expect(addDays(addDays(d, n), -n)).toBe(d);
      }),
    );
  });
});
