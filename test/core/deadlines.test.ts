// Deadlines of every node across the 2025/2026 breaks, extensions, typed deadlines and provisional years.
// Calendar facts: domain-facts.md §4.1 (https://m.gmw.cn/2024-11/12/content_1303894933.htm) and §4.2
// (https://politics.gmw.cn/2025-11/04/content_38391083.htm); limits: §3.1 (《信访工作条例》) and process.md.
import { WorkCalendar, type CalendarEntry } from '../../src/core/calendar';
import { formatDateTime, fromShanghai } from '../../src/core/dates';
import {
  DEFAULT_TIME_LIMITS,
  computeDueAt,
  deadlineStatus,
  extendDueAt,
  findLimit,
  resolveDeadline,
  type DeadlineNode,
  type TimeLimit,
} from '../../src/core/deadlines';

const calendar = WorkCalendar.withDefaults();
const sh = (date: string, hh = 10, mm = 0): Date => {
  const [y, m, d] = date.split('-').map(Number);
  return fromShanghai(y, m, d, hh, mm);
};
const due = (node: DeadlineNode, start: Date, cal = calendar, limits = DEFAULT_TIME_LIMITS) =>
  computeDueAt({ node, startAt: start, limits, calendar: cal });

describe('day deadlines fall due at the end of the due date (23:59:59.999 Shanghai)', () => {
  test('办结 60 日 from 2025-09-01 is due 2025-10-31 23:59:59.999', () => {
    const r = due('办结', sh('2025-09-01'));
    expect(r.dueDate).toBe('2025-10-31');
    expect(r.dueAt.toISOString()).toBe('2025-10-31T15:59:59.999Z');
    expect(r.provisional).toBe(false);
    expect(r.limit).toEqual({ node: '办结', amount: 60, unit: '日' });
  });
});

describe('every node across National Day 2025, Spring Festival 2026 and National Day 2026', () => {
  test.each([
    // 签收 0 工作日: the same working day, or the next one
    ['签收', '2025-09-28', '2025-09-28'], // Sunday make-up day
    ['签收', '2025-10-03', '2025-10-09'],
    ['签收', '2025-10-11', '2025-10-11'], // Saturday make-up day
    ['签收', '2026-02-14', '2026-02-14'], // Saturday make-up day
    ['签收', '2026-02-15', '2026-02-24'],
    ['签收', '2026-02-28', '2026-02-28'], // Saturday make-up day
    ['签收', '2026-09-20', '2026-09-20'], // Sunday make-up day
    ['签收', '2026-09-27', '2026-09-28'], // 中秋 Sunday
    ['签收', '2026-10-10', '2026-10-10'], // Saturday make-up day
    // 办结 60 日: start day not counted; a last day off moves to the next working day
    ['办结', '2025-08-02', '2025-10-09'], // day 60 = 10-01
    ['办结', '2025-08-12', '2025-10-11'], // day 60 = Saturday make-up day, a working day
    ['办结', '2025-12-17', '2026-02-24'], // day 60 = 02-15
    ['办结', '2025-12-30', '2026-02-28'], // day 60 = Saturday make-up day
    ['办结', '2026-07-22', '2026-09-20'], // day 60 = Sunday make-up day
    ['办结', '2026-08-04', '2026-10-08'], // day 60 = 10-03
    ['办结', '2026-08-11', '2026-10-10'], // day 60 = Saturday make-up day
    ['办结', '2026-01-07', '2026-03-09'], // day 60 = an ordinary Sunday
    // 受理告知 15 日, 复查 30 日, 复核 30 日
    ['受理告知', '2025-09-16', '2025-10-09'], // day 15 = 10-01
    ['受理告知', '2026-09-16', '2026-10-08'],
    ['复查', '2026-01-16', '2026-02-24'], // day 30 = 02-15
    ['复查', '2026-08-28', '2026-09-28'], // day 30 = 中秋 Sunday 09-27
    ['复核', '2026-09-08', '2026-10-08'],
    ['复核', '2025-08-29', '2025-09-28'], // day 30 = Sunday make-up day
    // 异议 5 工作日 (条例 Art. 23 ¶3)
    ['异议', '2025-09-26', '2025-10-10'], // 9-28, 29, 30, 10-9, 10-10
    ['异议', '2026-02-12', '2026-02-26'], // 2-13, 2-14 (Sat), 24, 25, 26
    ['异议', '2026-09-30', '2026-10-13'], // 10-8, 9, 10 (Sat), 12, 13
    // 回访 3 日 after 办结 (seed: 办结后3日内完成回访)
    ['回访', '2025-09-28', '2025-10-09'], // day 3 = 10-01
    ['回访', '2026-02-25', '2026-02-28'], // day 3 = Saturday make-up day
    ['回访', '2026-02-12', '2026-02-24'], // day 3 = 02-15
  ] as [DeadlineNode, string, string][])('%s from %s is due %s', (node, start, expected) => {
    const r = due(node, sh(start));
    expect(r.dueDate).toBe(expected);
    expect(formatDateTime(r.dueAt)).toBe(`${expected} 23:59`);
    expect(r.provisional).toBe(false);
  });

  test.each([
    ['2026-03-02 10:30', '2026-03-02 15:00'], // across lunch
    ['2026-03-06 16:30', '2026-03-09 10:30'], // across a weekend
    ['2026-09-30 16:00', '2026-10-08 10:00'], // National Day eve
    ['2026-02-13 16:00', '2026-02-14 10:00'], // into a Saturday make-up day
    ['2025-09-30 15:30', '2025-10-09 09:30'], // National Day eve 2025
    ['2026-10-03 09:00', '2026-10-08 11:30'], // received during the break
  ])('退单 3 工作小时 from %s is due %s', (start, expected) => {
    const [d, t] = start.split(' ');
    const [hh, mm] = t.split(':').map(Number);
    const r = due('退单', sh(d, hh, mm));
    expect(formatDateTime(r.dueAt)).toBe(expected);
    expect(r.dueDate).toBe(expected.slice(0, 10));
  });
});

describe('time limits table', () => {
  const limits: TimeLimit[] = [
    ...DEFAULT_TIME_LIMITS.filter((l) => l.node !== '受理告知'),
    { node: '办结', matterType: '咨询类', amount: 15, unit: '日' },
    { node: '办结', matterType: '求决类', amount: 30, unit: '工作日' },
  ];

  test('a row for the 事项类型 wins over the generic row', () => {
    expect(findLimit(limits, '办结', '咨询类')).toMatchObject({ amount: 15, unit: '日' });
    expect(findLimit(limits, '办结', ' 求决类 ')).toMatchObject({ amount: 30, unit: '工作日' });
    expect(findLimit(limits, '办结', '其他')).toEqual({ node: '办结', amount: 60, unit: '日' });
    expect(findLimit(limits, '办结')).toEqual({ node: '办结', amount: 60, unit: '日' });
  });

  test('a node missing from the table falls back to the defaults', () => {
    expect(findLimit(limits, '受理告知')).toEqual({ node: '受理告知', amount: 15, unit: '日' });
  });

  test('the matter type changes the computed deadline', () => {
    const r = computeDueAt({ node: '办结', matterType: '求决类', startAt: sh('2026-09-01'), limits, calendar });
    expect(r.dueDate).toBe('2026-10-19'); // 30 working days: 21 in September (with 9-20), 9 in October (with 10-10)
  });

  test('defaults as documented', () => {
    const byNode = Object.fromEntries(DEFAULT_TIME_LIMITS.map((l) => [l.node, `${l.amount}${l.unit}`]));
    expect(byNode).toEqual({
      签收: '0工作日',
      交办签批: '1工作日',
      交办: '0工作日',
      系统回复: '1工作日',
      核实: '15日',
      接收: '0工作日',
      退单: '3工作小时',
      办结: '60日',
      受理告知: '15日',
      复查: '30日',
      复核: '30日',
      异议: '5工作日',
      回访: '3日',
    });
  });
});

describe('deadline status', () => {
  const status = (dueAt: Date, now: Date, dueSoonWorkdays = 2) =>
    deadlineStatus({ dueAt, now, calendar, dueSoonWorkdays });
  const dueAt = due('受理告知', sh('2025-09-16')).dueAt; // 2025-10-09 end of day

  test('counts working days left over the break', () => {
    expect(status(dueAt, sh('2025-09-26'))).toEqual({
      state: '正常',
      workdaysLeft: 4,
      overdueWorkdays: 0,
      provisional: false,
    });
    expect(status(dueAt, sh('2025-09-30'))).toMatchObject({ state: '即将到期', workdaysLeft: 1 });
    expect(status(dueAt, sh('2025-09-30'), 0)).toMatchObject({ state: '正常', workdaysLeft: 1 });
    expect(status(dueAt, sh('2025-10-09', 23, 59))).toMatchObject({ state: '即将到期', workdaysLeft: 0 });
  });

  test('overdue counts working days after the due date, make-up Saturday included', () => {
    expect(status(dueAt, sh('2025-10-11', 9))).toEqual({
      state: '已超期',
      workdaysLeft: 0,
      overdueWorkdays: 2,
      provisional: false,
    });
    const hourDue = due('退单', sh('2026-03-02', 10, 30)).dueAt; // 15:00
    expect(status(hourDue, sh('2026-03-02', 16))).toMatchObject({ state: '已超期', overdueWorkdays: 0 });
  });
});

describe('extension (延期, 条例 Art. 34: at most 30 日)', () => {
  const dueAt = due('办结', sh('2025-09-01')).dueAt; // 2025-10-31

  test('30 日 from 2025-10-31 ends on Sunday 11-30, so the next working day', () => {
    const r = extendDueAt({ dueAt, days: 30, calendar });
    expect(r).toMatchObject({ ok: true, dueDate: '2025-12-01', provisional: false });
    if (r.ok) expect(r.dueAt.toISOString()).toBe('2025-12-01T15:59:59.999Z');
  });

  test('an extension ending in the National Day break moves past it', () => {
    const r = extendDueAt({ dueAt: due('办结', sh('2026-07-07')).dueAt, days: 30, calendar }); // 09-05 + 30 = 10-05
    expect(r).toMatchObject({ ok: true, dueDate: '2026-10-08' });
  });

  test('more than the maximum is refused with a reason, counting earlier extensions', () => {
    expect(extendDueAt({ dueAt, days: 31, calendar })).toEqual({
      ok: false,
      reason: '延期累计不得超过 30 日（已延期 0 日，最多还可延 30 日）',
    });
    expect(extendDueAt({ dueAt, days: 15, alreadyExtendedDays: 20, calendar }).ok).toBe(false);
    expect(extendDueAt({ dueAt, days: 10, alreadyExtendedDays: 20, calendar })).toMatchObject({
      ok: true,
      dueDate: '2025-11-10',
    });
    expect(extendDueAt({ dueAt, days: 45, maxDays: 60, calendar })).toMatchObject({ ok: true, dueDate: '2025-12-15' });
    expect(extendDueAt({ dueAt, days: 0, calendar })).toEqual({ ok: false, reason: '延期天数应为正整数' });
  });
});

describe('a deadline typed by staff (期限来源 = 手填) wins', () => {
  const computed = due('办结', sh('2025-09-01'));

  test('a typed date is due at the end of that day; a typed time at that instant', () => {
    expect(resolveDeadline({ typed: '2025-11-20', computed })).toEqual({
      dueAt: new Date('2025-11-20T15:59:59.999Z'),
      dueDate: '2025-11-20',
      source: '手填',
    });
    expect(resolveDeadline({ typed: '2025年11月20日 15:00', computed }).dueAt.toISOString()).toBe(
      '2025-11-20T07:00:00.000Z',
    );
    expect(resolveDeadline({ typed: fromShanghai(2025, 11, 20), computed }).dueDate).toBe('2025-11-20');
  });

  test('blank keeps the computed deadline; unreadable text keeps it too and says why', () => {
    expect(resolveDeadline({ typed: '  ', computed })).toEqual({
      dueAt: computed.dueAt,
      dueDate: '2025-10-31',
      source: '计算',
    });
    const r = resolveDeadline({ typed: '下月底', computed });
    expect(r.source).toBe('计算');
    expect(r.issue).toContain('手填期限无法识别');
  });
});

describe('provisional years', () => {
  test('a deadline set in late November 2026 reaching into 2027 is provisional', () => {
    const r = due('办结', sh('2026-11-25'));
    expect(r.dueDate).toBe('2027-01-25'); // day 60 = Sunday 2027-01-24
    expect(r.provisional).toBe(true);
    const s = deadlineStatus({ dueAt: r.dueAt, now: sh('2026-12-01'), calendar, dueSoonWorkdays: 3 });
    expect(s.provisional).toBe(true);
  });

  test('2031: statutory holidays apply until the schedule is loaded, then results change', () => {
    const cal = WorkCalendar.withDefaults();
    const signFor = () => due('签收', sh('2031-01-22'), cal);
    expect(signFor()).toMatchObject({ dueDate: '2031-01-27', provisional: true }); // eve, 1-23..1-25, Sunday
    expect(due('异议', sh('2031-04-30'), cal)).toMatchObject({ dueDate: '2031-05-09', provisional: true });
    expect(due('受理告知', sh('2031-09-16'), cal)).toMatchObject({ dueDate: '2031-10-06', provisional: true });
    const notice: CalendarEntry[] = [
      '2031-01-22',
      '2031-01-23',
      '2031-01-24',
      '2031-01-25',
      '2031-01-26',
      '2031-01-27',
      '2031-01-28',
    ].map((date) => ({ date, kind: '休', name: '春节' }));
    cal.addEntries(notice); // a hypothetical 2031 notice
    expect(signFor()).toMatchObject({ dueDate: '2031-01-29', provisional: false });
  });
});
