// The monthly analysis (issue 16) against a seeded ledger whose every figure was computed by hand, before the code:
// October 2026, with 国庆 10-01–10-07 off and Saturday 10-10 a working day; 中秋 09-25–09-27 off, Sunday 09-20 a
// working day. Defaults: 办结 60 日 (a last day off moves to the next working day), 回访 3 日 from 办结签批, 退单
// 3 工作小时, 集体访 from 5 people, repeat window 365 days, a platform case's clock stopped by its 系统回复.
import {
  ANALYSIS_FIELDS,
  HEADLINE,
  REPEAT_FIELDS,
  analysisPlan,
  monthlyAnalysis,
  rowNeed,
  type MonthFigures,
  type MonthlyAnalysis,
} from '../../src/core/analysis';
import { WorkCalendar } from '../../src/core/calendar';
import { fromShanghai } from '../../src/core/dates';
import { DEFAULT_TIME_LIMITS } from '../../src/core/deadlines';
import type { Case } from '../../src/core/model';
import type { AnyRecord } from '../../src/core/records';
import { DEFAULT_SETTINGS, type Rules } from '../../src/core/roles';

const rules: Rules = { settings: DEFAULT_SETTINGS, limits: DEFAULT_TIME_LIMITS, calendar: WorkCalendar.withDefaults() };
const A = '规划建设部';
const B = '综合事务部';
const C = '经济发展部';
const DEPARTMENTS = [A, B, C];

/** '2026-10-12 15:00' in Shanghai. */
const t = (s: string): Date =>
  fromShanghai(+s.slice(0, 4), +s.slice(5, 7), +s.slice(8, 10), +(s.slice(11, 13) || 0), +(s.slice(14, 16) || 0));
const no = (n: number, year = 2026): string => `镜访〔${year}〕${n}号`;
const kase = (n: number, fields: Partial<Case>, year = 2026): Case => ({
  caseNo: no(n, year),
  state: '办理中',
  ...fields,
});

let seq = 0;
const callback = (
  n: number,
  date: string,
  satisfaction: '满意' | '基本满意' | '不满意',
  source: '回访' | '平台评价' = '回访',
  year = 2026,
): AnyRecord => ({
  kind: 'callback',
  caseNo: no(n, year),
  seq: ++seq,
  at: t(`${date} 10:00`),
  by: '王芳',
  source,
  date,
  method: '电话',
  satisfaction,
});

// Each case with what it contributes; "wd" = working days in (信访日期, 办结 day], counted by hand on the calendar.
const CASES: Case[] = [
  // C01 received in September, closed in October (本级: 办结签批 10-12). Due 09-10 + 60 日 = 11-09 (Mon): on time.
  // wd: Sep 11 (1), 14–18 (6), Sun 20 (7), 21–24 (11), 28–30 (14), Oct 8, 9, Sat 10 (17), 12 (18) → 18.
  // 回访 due 10-12 + 3 日 = 10-15 (Thu); 回访 10-14 满意. September: received, 在办 at its end.
  kase(101, {
    state: '已回访',
    petitionerName: '赵一民',
    petitionDate: '2026-09-10',
    source: '本级',
    form: '来信',
    matterType: '投诉',
    category: '城乡建设',
    department: A,
    closeSignedAt: t('2026-10-12 15:00'),
    repliedAt: t('2026-10-12 16:00'),
    callbackDate: '2026-10-14',
    satisfaction: '满意',
  }),
  // C02 received in October, closed in November: 在办 at October's end; due 10-09 + 60 = 12-08, never overdue.
  // 回访 due 11-08: not October's.
  kase(102, {
    state: '已办结',
    petitionerName: '钱二',
    petitionDate: '2026-10-09',
    source: '本级',
    form: '来电',
    matterType: '咨询',
    category: '劳动和社会保障',
    department: B,
    closeSignedAt: t('2026-11-05 10:00'),
  }),
  // C03 extended: computed due 08-20 + 60 = 10-19 (Mon), approved +15 日 → 办理期限 11-03; closed 10-28, on time only
  // because of the extension. wd: Aug 21 (1), 24–28 (6), 31 (7), Sep 1–4 (11), 7–11 (16), 14–18 (21), Sun 20 (22),
  // 21–24 (26), 28–30 (29), Oct 8–10 (32), 12–16 (37), 19–23 (42), 26–28 (45) → 45.
  // 回访 due 10-28 + 3 = 10-31 (Sat) → 11-02: not October's; its 基本满意 of 10-29 counts in October's 满意率.
  kase(103, {
    state: '已回访',
    petitionerName: '孙三',
    petitionDate: '2026-08-20',
    source: '本级',
    form: '来信',
    matterType: '投诉',
    category: '城乡建设',
    department: A,
    dueDate: '2026-11-03',
    dueSource: '计算',
    extRequestDays: 15,
    extDecision: '批准',
    extTotalDays: 15,
    closeSignedAt: t('2026-10-28 10:00'),
    repliedAt: t('2026-10-28 11:00'),
  }),
  // C04 a platform case returned late then forwarded: 交办 10-09 10:00, the 退单 window ends 14:30; returned 10-12
  // 11:00 (13 working hours late); forwarded 10-13. Received, 退单, 逾期退单, 转送; not 在办, not overdue.
  kase(104, {
    state: '已转送',
    petitionerName: '李四',
    petitionDate: '2026-10-09',
    source: '上级',
    form: '网上信访',
    matterType: '求助',
    category: '民政',
    department: B,
    dueDate: '2026-10-23',
    dueSource: '手填',
    assignedAt: t('2026-10-09 10:00'),
    returnedAt: t('2026-10-12 11:00'),
    returnReason: '不属本部室职责',
    returnLateHours: 13,
    forwardedAt: t('2026-10-13 09:00'),
    forwardedTo: '市民政局',
  }),
  // C05 forwarded before any 交办 (no department): received, 转送.
  kase(105, {
    state: '已转送',
    petitionerName: '周五',
    petitionDate: '2026-10-14',
    source: '本级',
    form: '来信',
    matterType: '建议',
    category: '交通运输',
    forwardedAt: t('2026-10-15 10:00'),
    forwardedTo: '市交通运输局',
  }),
  // C06 closed in September (09-28, on time: due 09-01 + 60 = 10-31 (Sat) → 11-02); wd: Sep 2–4 (3), 7–11 (8),
  // 14–18 (13), Sun 20 (14), 21–24 (18), 28 (19) → 19. 回访 due 09-28 + 3 = 10-01, a holiday → 10-08: October's;
  // 回访 10-09 不满意, verified, 回访 again 10-28 基本满意: two ratings in October, one dissatisfied case.
  kase(106, {
    state: '已回访',
    petitionerName: '周六',
    petitionDate: '2026-09-01',
    source: '本级',
    form: '来信',
    matterType: '投诉',
    category: '城乡建设',
    department: A,
    closeSignedAt: t('2026-09-28 15:00'),
    repliedAt: t('2026-09-28 16:00'),
    callbackDate: '2026-10-28',
    satisfaction: '基本满意',
    verifyRepliedAt: t('2026-10-27 10:00'),
  }),
  // C07 a deadline on a holiday: 08-03 + 60 = 10-02 (国庆) → 10-08; closed 10-08 16:00: on time, never overdue.
  // wd: Aug 4–7 (4), 10–14 (9), 17–21 (14), 24–28 (19), 31 (20), Sep 1–4 (24), 7–11 (29), 14–18 (34), Sun 20 (35),
  // 21–24 (39), 28–30 (42), Oct 8 (43) → 43. 回访 due 10-08 + 3 = 10-11 (Sun) → 10-12; 回访 10-10 满意.
  kase(107, {
    state: '已回访',
    petitionerName: '吴七',
    petitionDate: '2026-08-03',
    source: '本级',
    form: '来电',
    matterType: '投诉',
    category: '环境保护',
    department: C,
    closeSignedAt: t('2026-10-08 16:00'),
    repliedAt: t('2026-10-09 09:00'),
  }),
  // C08 a platform case closed by its 系统回复: signed 10-14, replied 10-16 09:00, after the platform's 10-15: closed in
  // October, late, and overdue in October. wd: Sep 16–18 (3), Sun 20 (4), 21–24 (8), 28–30 (11), Oct 8–10 (14),
  // 12–16 (19) → 19. 回访 due from 办结签批 10-14 + 3 = 10-17 (Sat) → 10-19; 回访 only on 11-02: not by October's end
  // (the platform's 满意 of 10-20 is a rating for 满意率, not a 回访).
  kase(108, {
    state: '已回访',
    petitionerName: '欧阳明',
    petitionDate: '2026-09-15',
    source: '上级',
    form: '网上信访',
    matterType: '投诉',
    category: '城乡建设',
    department: A,
    dueDate: '2026-10-15',
    dueSource: '手填',
    closeSignedAt: t('2026-10-14 17:00'),
    repliedAt: t('2026-10-16 09:00'),
    platformRating: '满意',
    platformRatedDate: '2026-10-20',
  }),
  // C09 a walk-in of 5 people (集体访: the threshold itself) on the working Saturday 10-10; same ID as C10 (2025-12-01, 313 days before):
  // a repeat petitioner. Closed 10-20, due 12-09: on time; wd: Oct 12–16 (5), 19–20 (7) → 7. 回访 due 10-23; 10-22 满意.
  kase(109, {
    state: '已回访',
    petitionerName: '郑九',
    idNumber: '330602198001011234',
    phone: '13912345678',
    personCount: 5,
    petitionDate: '2026-10-10',
    source: '本级',
    form: '来访',
    matterType: '求助',
    category: '劳动和社会保障',
    visitRouting: '综合性',
    department: B,
    closeSignedAt: t('2026-10-20 10:00'),
    // Replied late, 10-29: its 回访 is still due from 办结签批 (10-23), not from the reply (11-01 → 11-02).
    repliedAt: t('2026-10-29 09:00'),
  }),
  // C10 the earlier case of C09's petitioner (December 2025): only in the trend.
  kase(
    210,
    {
      state: '已归档',
      petitionerName: '郑九',
      idNumber: '330602198001011234',
      petitionDate: '2025-12-01',
      source: '本级',
      form: '来信',
      matterType: '求助',
      category: '劳动和社会保障',
      department: B,
      closeSignedAt: t('2025-12-20 10:00'),
    },
    2025,
  ),
  // C11 still open: due 08-10 + 60 = 10-09 (Fri): overdue in October (not yet in September), 在办 at both ends.
  kase(111, {
    state: '办理中',
    petitionerName: '孙立新',
    petitionDate: '2026-08-10',
    source: '本级',
    form: '来信',
    matterType: '投诉',
    category: '城乡建设',
    department: C,
    assignedAt: t('2026-08-11 09:00'),
    receivedAt: t('2026-08-11 10:00'),
  }),
  // C12 late since September: due 07-20 + 60 = 09-18; closed 10-09: closed late in October, overdue in both months.
  // wd: Jul 21–24 (4), 27–31 (9), Aug 3–7 (14), 10–14 (19), 17–21 (24), 24–28 (29), 31 (30), Sep 1–4 (34), 7–11 (39),
  // 14–18 (44), Sun 20 (45), 21–24 (49), 28–30 (52), Oct 8–9 (54) → 54. 回访 due 10-12; 10-12 不满意, in verification.
  kase(112, {
    state: '核实办理中',
    petitionerName: '李四海',
    petitionDate: '2026-07-20',
    source: '本级',
    form: '来电',
    matterType: '咨询',
    category: '国土资源',
    department: A,
    closeSignedAt: t('2026-10-09 11:00'),
    repliedAt: t('2026-10-09 15:00'),
    callbackDate: '2026-10-12',
    satisfaction: '不满意',
  }),
  // C13 a 检举控告 (匿名保护 in the lists): due 09-21 + 60 = 11-20; closed 10-21 on time; wd: Sep 22–24 (3),
  // 28–30 (6), Oct 8–10 (9), 12–16 (14), 19–21 (17) → 17. 回访 due 10-24 (Sat) → 10-26; 10-23 不满意, in verification;
  // the platform's 不满意 of 10-25 too: two dissatisfied ratings, one dissatisfied case, listed from 10-23.
  kase(113, {
    state: '核实中',
    petitionerName: '吴举报',
    petitionDate: '2026-09-21',
    source: '本级',
    form: '来信',
    matterType: '检举控告',
    category: '党纪政纪',
    department: C,
    closeSignedAt: t('2026-10-21 10:00'),
    repliedAt: t('2026-10-21 14:00'),
    platformRating: '不满意',
    platformRatedDate: '2026-10-25',
  }),
  // C14 and C15 the same phone (C15 spaced): C14 (10-26) has C15 (10-12) before it: a second repeat petitioner.
  // C14 sent a 联系函 on 10-28.
  kase(114, {
    state: '办理中',
    petitionerName: '冯十四',
    phone: '13800001111',
    petitionDate: '2026-10-26',
    source: '本级',
    form: '来电',
    matterType: '投诉',
    category: '城乡建设',
    department: A,
  }),
  kase(115, {
    state: '办理中',
    petitionerName: '冯十四',
    phone: '138 0000 1111',
    petitionDate: '2026-10-12',
    source: '上级',
    form: '网上信访',
    matterType: '投诉',
    category: '城乡建设',
    department: A,
    dueDate: '2026-11-11',
    dueSource: '手填',
    assignedAt: t('2026-10-12 10:00'),
    receivedAt: t('2026-10-12 11:00'),
  }),
  // C16 an old case, closed late (due 06-01 + 60 = 07-31, closed 08-05): overdue in August only, never in September or
  // October; its 复查 was requested on 10-20 (a record, and the ledger's latest: counted once).
  kase(116, {
    state: '已归档',
    petitionerName: '陈十六',
    petitionDate: '2026-06-01',
    source: '本级',
    form: '来信',
    matterType: '投诉',
    category: '城乡建设',
    department: B,
    closeSignedAt: t('2026-08-05 10:00'),
    reviewKind: '复查',
    reviewRequestDate: '2026-10-20',
  }),
  // C17 October 2025 (去年同月): received 2025-10-10, closed 2025-10-30, due 12-09: on time. 2025: 10-01–10-08 off,
  // Saturday 10-11 a working day; wd: Sat 11 (1), 13–17 (6), 20–24 (11), 27–30 (15) → 15. 回访 due 11-03; 11-02 满意.
  kase(
    180,
    {
      state: '已归档',
      petitionerName: '褚十七',
      petitionDate: '2025-10-10',
      source: '本级',
      form: '来信',
      matterType: '投诉',
      category: '城乡建设',
      department: A,
      closeSignedAt: t('2025-10-30 10:00'),
      repliedAt: t('2025-10-30 11:00'),
    },
    2025,
  ),
  // C18 its 信访日期 typed as text: read as 2026-10-16, received in October, 在办. C14 and C15's petitioner again: with
  // C15 before it a repeat too, and still one person.
  kase(118, {
    state: '办理中',
    petitionerName: '冯十四',
    phone: '13800001111',
    petitionDate: '2026年10月16日',
    source: '本级',
    form: '来信',
    matterType: '投诉',
    category: '城乡建设',
    department: B,
  }),
  // C19 no readable 信访日期: counted nowhere, named in the notes.
  kase(119, { state: '待签收', petitionerName: '蒋十九', petitionDate: '十月中旬', form: '来信' }),
  // C20 returned in time (10-20, an hour after 交办) and still waiting to be routed again: 退单, not 在办, not late.
  kase(120, {
    state: '已退单',
    petitionerName: '蒋二十',
    petitionDate: '2026-10-20',
    source: '本级',
    form: '来信',
    matterType: '投诉',
    category: '城乡建设',
    department: B,
    assignedAt: t('2026-10-20 10:00'),
    returnedAt: t('2026-10-20 11:00'),
    returnLateHours: 0,
  }),
  // C22 received and forwarded in September: September's 受理 and 转送, nothing of October's.
  kase(122, {
    state: '已转送',
    petitionerName: '韩二二',
    petitionDate: '2026-09-03',
    source: '本级',
    form: '来信',
    matterType: '咨询',
    category: '其他',
    forwardedAt: t('2026-09-04 10:00'),
    forwardedTo: '市信访局',
  }),
  // C21 returned in time by 规划建设部 on 10-13, assigned again to 综合事务部 on 10-14: 退单, and 在办 at the month's end.
  kase(121, {
    state: '办理中',
    petitionerName: '沈二一',
    petitionDate: '2026-10-13',
    source: '本级',
    form: '来电',
    matterType: '求助',
    category: '劳动和社会保障',
    department: B,
    returnedAt: t('2026-10-13 10:00'),
    returnLateHours: 0,
    assignedAt: t('2026-10-14 09:00'),
    receivedAt: t('2026-10-14 10:00'),
  }),
];

const RECORDS: AnyRecord[] = [
  callback(101, '2026-10-14', '满意'),
  callback(103, '2026-10-29', '基本满意'),
  callback(106, '2026-10-09', '不满意'),
  callback(106, '2026-10-28', '基本满意'),
  callback(107, '2026-10-10', '满意'),
  callback(108, '2026-10-20', '满意', '平台评价'),
  callback(108, '2026-11-02', '满意'),
  callback(109, '2026-10-22', '满意'),
  callback(112, '2026-10-12', '不满意'),
  callback(113, '2026-10-23', '不满意'),
  callback(113, '2026-10-25', '不满意', '平台评价'),
  callback(180, '2025-11-02', '满意', '回访', 2025),
  {
    kind: 'letter',
    caseNo: no(114),
    seq: 1,
    at: t('2026-10-28 10:00'),
    by: '冯远',
    letterNo: '镜信联〔2026〕007号',
    sentDate: '2026-10-28',
  },
  {
    kind: 'letter',
    caseNo: no(111),
    seq: 1,
    at: t('2026-09-28 15:00'),
    by: '冯远',
    letterNo: '镜信联〔2026〕005号',
    sentDate: '2026-09-28',
  },
  {
    kind: 'review',
    caseNo: no(116),
    seq: 1,
    at: t('2026-10-20 10:00'),
    by: '王芳',
    reviewKind: '复查',
    requestDate: '2026-10-20',
  },
];

const NOW = t('2026-11-20 10:00');
const run = (month: string, cases = CASES, records = RECORDS, now = NOW): MonthlyAnalysis =>
  monthlyAnalysis({ month, cases, records, rules, now, departments: DEPARTMENTS });
const october = run('2026-10');
const row = (a: MonthlyAnalysis, label: string) => a.headline.find((r) => r.label === label);

describe('October 2026, computed by hand', () => {
  test('the months compared: 上月 September 2026, 去年同月 October 2025', () => {
    expect([october.month, october.lastMonth, october.lastYear]).toEqual(['2026-10', '2026-09', '2025-10']);
  });

  test('every headline figure, this month, last month and the same month last year', () => {
    // prettier-ignore
    const expected: [string, number | null, number | null, number | null][] = [
      // October: C02, C04, C05, C09, C14, C15, C18 (text date), C20, C21. September: C01, C06, C08, C13, C22.
      // October 2025: C17.
      ['本月受理', 9, 5, 1],
      // October: C01, C03, C07, C08 (by 系统回复 10-16), C09, C12, C13 — not C02 (November). September: C06.
      ['本月办结', 7, 1, 1],
      ['本月退单', 3, 0, 0], // C04, C20, C21
      ['本月转送', 2, 1, 0], // October C04, C05; September C22
      // October: C02, C11, C14, C15, C18, C21 (assigned again) — not C20 (still returned). September: C01, C03, C07,
      // C08, C11, C12, C13 (not C22, forwarded).
      ['月末在办', 6, 7, 0],
      // October on time: C01, C03 (extended), C07 (holiday), C09, C13 → 5 of 7; C08 and C12 late. September: C06.
      ['按期办结率', 5 / 7, 1, 1],
      // October: C08 (due 10-15, replied 10-16), C11 (due 10-09, open), C12 (due 09-18, closed 10-09).
      // September: C12 only (C11 falls due in October). Never C16: closed 08-05, before either month.
      ['超期件数', 3, 1, 0],
      // October (18 + 45 + 43 + 19 + 7 + 54 + 17) / 7 = 203 / 7 = 29.0; September C06 19; October 2025 C17 15.
      ['平均办理工作日', 29, 19, 15],
      // Due in October: C01, C06, C07, C08, C09, C12, C13; done by 10-31: all but C08 (its platform 满意 of 10-20 is no
      // 回访) → 6 / 7. None due in September (C16's fell on 08-10) or in October 2025.
      ['回访率', 6 / 7, null, null],
      // Ratings dated in October: C01 满意, C03 基本满意, C06 不满意 + 基本满意, C07 满意, C08 满意 (platform),
      // C09 满意, C12 不满意, C13 不满意 + 不满意 (platform) → 6 of 10 (C08's 回访 is November's, C17's November 2025's).
      ['满意率', 6 / 10, null, null],
      ['不满意件数', 3, 0, 0], // C06, C12, C13 (twice, one case)
      // C09 (ID, C10 in 2025-12); C14 and C18 (phone, C15 on 10-12): one person.
      ['重复信访人数', 2, 0, 0],
      ['集体访件数', 1, 0, 0], // C09: 5 people
      ['复查复核申请', 1, 0, 0], // C16
      ['联系函', 1, 1, 0], // October C14, September C11
      ['逾期退单', 1, 0, 0], // C04: 13 working hours late; C20 and C21 in time
    ];
    expect(october.headline.map((r) => [r.label, r.thisMonth, r.lastMonth, r.lastYear])).toEqual(expected);
  });

  test('every department row (the 考核 table): the office order of 部室, then cases not yet assigned', () => {
    expect(october.breakdowns.departments).toEqual([
      // received C14, C15; closed C01, C03, C08, C12 (C01, C03 on time); overdue C08, C12;
      // ratings C01 满意, C03 基本满意, C06 不满意, C06 基本满意, C08 满意, C12 不满意 → 4 / 6.
      { department: A, received: 2, closed: 4, onTimeRate: 2 / 4, overdue: 2, satisfactionRate: 4 / 6 },
      // received C02, C04, C09, C18, C20, C21; closed C09 on time; rating C09 满意.
      { department: B, received: 6, closed: 1, onTimeRate: 1, overdue: 0, satisfactionRate: 1 },
      // closed C07, C13 on time; overdue C11; ratings C07 满意, C13 不满意 twice → 1 / 3.
      { department: C, received: 0, closed: 2, onTimeRate: 1, overdue: 1, satisfactionRate: 1 / 3 },
      // C05, forwarded before any 交办.
      { department: '（未交办）', received: 1, closed: 0, onTimeRate: null, overdue: 0, satisfactionRate: null },
    ]);
  });

  test('the month’s cases by source, form, type and category, largest first (ties in the option order)', () => {
    const b = october.breakdowns;
    expect(b.source).toEqual([
      { key: '本级', count: 7 },
      { key: '上级', count: 2 },
    ]);
    expect(b.form).toEqual([
      { key: '来信', count: 3 },
      { key: '来电', count: 3 },
      { key: '网上信访', count: 2 },
      { key: '来访', count: 1 },
    ]);
    expect(b.matterType).toEqual([
      { key: '投诉', count: 4 },
      { key: '求助', count: 3 },
      { key: '咨询', count: 1 },
      { key: '建议', count: 1 },
    ]);
    expect(b.category).toEqual([
      { key: '城乡建设', count: 4 },
      { key: '劳动和社会保障', count: 3 },
      { key: '交通运输', count: 1 },
      { key: '民政', count: 1 },
    ]);
  });

  test('the month’s cases by state (the ledger’s state when built, in process order), with a note saying so', () => {
    expect(october.breakdowns.state).toEqual([
      { key: '办理中', count: 4 },
      { key: '已退单', count: 1 },
      { key: '已转送', count: 2 },
      { key: '已办结', count: 1 },
      { key: '已回访', count: 1 },
    ]);
    expect(october.notes).toContain('按状态统计为本月受理件在 2026-11-20 10:00 的状态。');
  });

  test('the overdue and dissatisfied lists: status, department, petitioners masked, 检举控告 匿名保护', () => {
    expect(october.overdue).toEqual([
      {
        caseNo: no(112),
        department: A,
        matterType: '咨询',
        state: '核实办理中',
        petitioner: '李**',
        dueDate: '2026-09-18',
        closedDate: '2026-10-09',
      },
      {
        caseNo: no(111),
        department: C,
        matterType: '投诉',
        state: '办理中',
        petitioner: '孙**',
        dueDate: '2026-10-09',
      },
      {
        caseNo: no(108),
        department: A,
        matterType: '投诉',
        state: '已回访',
        petitioner: '欧**',
        dueDate: '2026-10-15',
        closedDate: '2026-10-16',
      },
    ]);
    expect(october.dissatisfied).toEqual([
      {
        caseNo: no(106),
        department: A,
        matterType: '投诉',
        state: '已回访',
        petitioner: '周*',
        ratedDate: '2026-10-09',
      },
      {
        caseNo: no(112),
        department: A,
        matterType: '咨询',
        state: '核实办理中',
        petitioner: '李**',
        ratedDate: '2026-10-12',
      },
      {
        caseNo: no(113),
        department: C,
        matterType: '检举控告',
        state: '核实中',
        petitioner: '匿名保护',
        ratedDate: '2026-10-23',
      },
    ]);
  });

  test('nothing in the result names a petitioner, an ID number or a phone in full', () => {
    const text = JSON.stringify(october);
    for (const c of CASES) {
      for (const v of [c.petitionerName, c.idNumber, c.phone]) if (v) expect(text).not.toContain(v);
    }
  });

  test('the 12-month trend ends with the month', () => {
    expect(october.trend).toEqual([
      { month: '2025-11', received: 0, closed: 0 },
      { month: '2025-12', received: 1, closed: 1 }, // C10
      { month: '2026-01', received: 0, closed: 0 },
      { month: '2026-02', received: 0, closed: 0 },
      { month: '2026-03', received: 0, closed: 0 },
      { month: '2026-04', received: 0, closed: 0 },
      { month: '2026-05', received: 0, closed: 0 },
      { month: '2026-06', received: 1, closed: 0 }, // C16
      { month: '2026-07', received: 1, closed: 0 }, // C12
      { month: '2026-08', received: 3, closed: 1 }, // C03, C07, C11; C16 closed
      { month: '2026-09', received: 5, closed: 1 }, // C01, C06, C08, C13, C22; C06 closed
      { month: '2026-10', received: 9, closed: 7 },
    ]);
  });

  test('the footer: one line per headline figure, label：definition, with the settings in force', () => {
    expect(october.footer.map((l) => l.split('：')[0])).toEqual(HEADLINE.map((h) => h.label));
    expect(october.footer).toHaveLength(16);
    for (const line of october.footer) expect(line).not.toContain('\n');
    expect(october.footer.find((l) => l.startsWith('集体访件数'))).toContain('5人');
    expect(october.footer.find((l) => l.startsWith('重复信访人数'))).toContain('365日');
    expect(october.footer.find((l) => l.startsWith('本月办结'))).toContain('系统回复');
    expect(october.footer.find((l) => l.startsWith('回访率'))).toContain('3日');
  });

  test('a case without a readable 信访日期 is counted nowhere and named in the notes', () => {
    expect(october.notes).toContain(`1件信访件缺少可识别的信访日期，未计入统计：${no(119)}。`);
  });

  test('the 研判 of October, sentence by sentence, from the figures above', () => {
    expect(october.judgement).toEqual([
      '本月受理信访件9件，办结7件，退单3件（其中逾期1件），转送2件，月末在办6件。',
      // 受理 +4, 办结 +6, 退单 +3, 转送 +1, 在办 −1, 超期 +2, 不满意 +3, 重复 +2, 集体访, 复查 and 逾期退单 +1, 联系函 0.
      '与上月相比，「本月办结」增加最多（上月1件，本月7件）；「月末在办」减少最多（上月7件，本月6件）。',
      // 4 / 9 = 44.4 %.
      '本月受理件按事项类型以投诉最多（4件，占44.4%），按问题类别以城乡建设最多（4件，占44.4%）。',
      '办结件按期办结率71.4%，平均办理29个工作日。',
      '超期件3件，涉及规划建设部2件、经济发展部1件。',
      '回访率85.7%（应回访7件，已回访6件）；满意率60%（评价10件次），不满意3件。',
      '本月重复信访人数2人，集体访1件。',
      '截至2026年11月20日，2件不满意件正在核实（核实中1件、核实办理中1件）。',
    ]);
  });
});

describe('settings and edge cases', () => {
  test('with 平台件办结时点 = 办结签批, the platform case C08 closes on 10-14: on time, not overdue', () => {
    const bySign: Rules = { ...rules, settings: { ...DEFAULT_SETTINGS, closeEvent: '办结签批' } };
    const a = monthlyAnalysis({ month: '2026-10', cases: CASES, records: RECORDS, rules: bySign, now: NOW });
    expect(row(a, '按期办结率')?.thisMonth).toBe(6 / 7);
    expect(row(a, '超期件数')?.thisMonth).toBe(2);
    // C08 counted to 10-14: 19 − 2 = 17 working days → (203 − 2) / 7 = 28.71… → 28.7.
    expect(row(a, '平均办理工作日')?.thisMonth).toBe(28.7);
    expect(a.footer.find((l) => l.startsWith('本月办结'))).toContain('上级（平台）交办件以办结签批为准');
  });

  test('an empty month: zeros and nulls, never NaN, no 研判 sentence', () => {
    const a = run('2026-10', [], []);
    for (const r of a.headline) {
      expect(r.thisMonth === null || r.thisMonth === 0).toBe(true);
      expect(Number.isNaN(r.thisMonth)).toBe(false);
    }
    expect(row(a, '按期办结率')?.thisMonth).toBeNull();
    expect(row(a, '平均办理工作日')?.thisMonth).toBeNull();
    expect(row(a, '回访率')?.thisMonth).toBeNull();
    expect(row(a, '满意率')?.thisMonth).toBeNull();
    expect(a.judgement).toEqual([]);
    expect(a.overdue).toEqual([]);
    expect(a.dissatisfied).toEqual([]);
    expect(a.trend).toHaveLength(12);
    expect(a.breakdowns.departments).toEqual(
      DEPARTMENTS.map((department) => ({
        department,
        received: 0,
        closed: 0,
        onTimeRate: null,
        overdue: 0,
        satisfactionRate: null,
      })),
    );
    expect(JSON.stringify(a)).not.toContain('NaN');
  });

  test('a month built before it ends counts as overdue only what is overdue by then', () => {
    const open = kase(301, { petitionDate: '2026-09-25', department: A }); // due 09-25 + 60 = 11-24 (Tue)
    expect(row(run('2026-11', [open], [], t('2026-11-20 10:00')), '超期件数')?.thisMonth).toBe(0);
    expect(row(run('2026-11', [open], [], t('2026-12-01 09:30')), '超期件数')?.thisMonth).toBe(1);
  });

  test('a case whose state says it was closed but which lacks the 办结 time is neither open nor overdue, and is named', () => {
    const imported = kase(302, { state: '已归档', petitionDate: '2026-01-05', department: A });
    const a = run('2026-10', [imported], []);
    expect([row(a, '月末在办')?.thisMonth, row(a, '超期件数')?.thisMonth]).toEqual([0, 0]);
    expect(a.notes).toContain(`1件信访件状态已办结但缺少办结时间，未计入办结、在办与超期：${no(302)}。`);
  });

  test('a malformed month is a programming error', () => {
    expect(() => run('2026-13')).toThrow(RangeError);
    expect(() => run('2026/10')).toThrow(RangeError);
  });
});

describe('研判 from crafted figures', () => {
  // March 2026: two cases received (咨询 and 求助, both 教育), none closed; February: one received and closed.
  const crafted = [
    kase(401, { petitionDate: '2026-03-02', matterType: '咨询', category: '教育', department: A }),
    kase(402, { petitionDate: '2026-03-03', matterType: '求助', category: '教育', department: A }),
    kase(403, {
      state: '已回访',
      petitionDate: '2026-02-10',
      matterType: '投诉',
      category: '民政',
      department: B,
      closeSignedAt: t('2026-02-26 10:00'),
    }),
  ];

  test('ties are named together; a fall is named with both figures; silent figures say nothing', () => {
    expect(run('2026-03', crafted, [], t('2026-04-01 09:30')).judgement).toEqual([
      '本月受理信访件2件，月末在办2件。',
      '与上月相比，「月末在办」增加最多（上月0件，本月2件）；「本月办结」减少最多（上月1件，本月0件）。',
      '本月受理件按事项类型以咨询、求助并列最多（各1件，各占50%），按问题类别以教育最多（2件，占100%）。',
      // 403 closed 02-26: its 回访 fell due 02-26 + 3 日 = 03-01 (Sun) → 03-02, in March, and none is recorded.
      '回访率0%（应回访1件，已回访0件）。',
    ]);
  });

  test('no change sentence when nothing moved; a category left blank is never “the largest”', () => {
    const blank = [kase(404, { petitionDate: '2026-03-02', matterType: '咨询', department: A })];
    const a = run('2026-03', blank, [], t('2026-04-01 09:30'));
    expect(a.judgement).toEqual([
      '本月受理信访件1件，月末在办1件。',
      '与上月相比，「本月受理」增加最多（上月0件，本月1件）。', // 受理 and 在办 both +1: the headline's order decides
      '本月受理件按事项类型以咨询最多（1件，占100%）。',
    ]);
    // April: one received and closed; May: the same. No count moved, so no change sentence.
    const steady = run(
      '2026-05',
      [
        kase(408, { petitionDate: '2026-04-10', closeSignedAt: t('2026-04-20 10:00') }),
        kase(409, { petitionDate: '2026-05-10', closeSignedAt: t('2026-05-20 10:00') }),
      ],
      [],
    );
    expect(steady.judgement.some((s) => s.startsWith('与上月相比'))).toBe(false);
  });
});

describe('what a build reads: the 月度汇总 for earlier months, a window of the ledger for the month', () => {
  const figures = (received: number, closed: number): MonthFigures =>
    Object.fromEntries(
      HEADLINE.map((h) => [h.key, h.key === 'received' ? received : h.key === 'closed' ? closed : 0]),
    ) as MonthFigures;

  test('上月, 去年同月 and the trend come from the summary where it has the month; only the rest is counted', () => {
    const summary = new Map([
      ['2026-09', figures(40, 30)],
      ['2025-10', figures(25, 20)],
      ['2026-03', figures(7, 6)],
    ]);
    const a = monthlyAnalysis({ month: '2026-10', cases: CASES, records: RECORDS, rules, now: NOW, summary });
    expect([row(a, '本月受理')?.lastMonth, row(a, '本月受理')?.lastYear]).toEqual([40, 25]);
    expect([row(a, '本月办结')?.lastMonth, row(a, '本月办结')?.lastYear]).toEqual([30, 20]);
    expect(a.trend.find((p) => p.month === '2026-03')).toEqual({ month: '2026-03', received: 7, closed: 6 });
    expect(a.trend.find((p) => p.month === '2026-09')).toEqual({ month: '2026-09', received: 40, closed: 30 });
    // The 研判 compares with the summary's September: 受理 fell from 40.
    expect(a.judgement[1]).toContain('上月40件');
    // Counted for the summary: October itself and the trend months the summary lacks — never a month it has.
    const counted = a.counted.map((c) => c.month);
    expect(counted).toContain('2026-10');
    expect(counted).toEqual(expect.arrayContaining(['2025-11', '2026-08']));
    expect(counted).not.toEqual(expect.arrayContaining(['2026-09']));
    expect(counted.filter((m) => ['2026-09', '2025-10', '2026-03'].includes(m))).toEqual([]);
    expect(a.counted.find((c) => c.month === '2026-10')?.figures).toEqual(
      Object.fromEntries(october.headline.map((h) => [h.key, h.thisMonth])),
    );
  });

  test('a month not yet over is shown but never counted for the summary', () => {
    const a = run('2026-11', CASES, RECORDS, t('2026-11-20 10:00'));
    expect(a.counted.map((c) => c.month)).not.toContain('2026-11');
    expect(a.counted.map((c) => c.month)).toContain('2026-10');
  });

  test('the result is the same from only ANALYSIS_FIELDS of each case', () => {
    const pick = (c: Case): Case =>
      Object.fromEntries(ANALYSIS_FIELDS.filter((k) => k in c).map((k) => [k, c[k as keyof Case]])) as unknown as Case;
    expect(run('2026-10', CASES.map(pick))).toEqual(october);
    expect(run('2026-09', CASES.map(pick))).toEqual(run('2026-09'));
  });

  test('the plan: the month alone and one month back when the summary has every compared month', () => {
    const all = new Set(
      Array.from(
        { length: 24 },
        (_, i) => `${2025 + Math.floor((i + 9) / 12)}-${String(((i + 9) % 12) + 1).padStart(2, '0')}`,
      ),
    );
    expect(analysisPlan('2026-10', all, rules)).toEqual({
      months: ['2026-10'],
      from: '2026-09-01', // a 回访 due in October may come from a closure in late September
      repeatFrom: '2025-10-01', // 365 days before 10-01
      through: '2026-10-31',
    });
    const none = analysisPlan('2026-10', new Set(), rules);
    expect(none.months).toHaveLength(13); // October, the 11 trend months before it, October 2025
    expect([none.months[0], none.from, none.through]).toEqual(['2025-10', '2025-09-01', '2026-10-31']);
    expect(() => analysisPlan('2026-1', all, rules)).toThrow(RangeError);
  });

  test('reading only the rows rowNeed names (with REPEAT_FIELDS of the repeat rows) gives the same October', () => {
    // The summary holds every month before October as a full count computed them.
    const summary = new Map(october.counted.filter((c) => c.month !== '2026-10').map((c) => [c.month, c.figures]));
    const full = monthlyAnalysis({ month: '2026-10', cases: CASES, records: RECORDS, rules, now: NOW, summary });
    const plan = analysisPlan('2026-10', new Set(summary.keys()), rules);
    expect(plan.months).toEqual(['2026-10']);
    // The log: every dated event of a case or a record since plan.from is a line.
    const since = t(`${plan.from} 00:00`).getTime();
    const logged = new Set<string>();
    for (const c of CASES)
      for (const v of Object.values(c)) if (v instanceof Date && v.getTime() >= since) logged.add(c.caseNo!);
    for (const r of RECORDS) if (r.at.getTime() >= since) logged.add(r.caseNo);
    const needs = CASES.map((c) =>
      rowNeed({ caseNo: c.caseNo!, state: c.state, petitionDate: c.petitionDate }, plan, logged, '2024-01-01'),
    );
    const cases = CASES.filter((_, i) => needs[i] === 'full');
    const pickRepeat = (c: Case): Case =>
      Object.fromEntries(REPEAT_FIELDS.filter((k) => k in c).map((k) => [k, c[k as keyof Case]])) as unknown as Case;
    const earlier = CASES.filter((_, i) => needs[i] === 'repeat').map(pickRepeat);
    expect(cases.length).toBeLessThan(CASES.length); // some settled old cases are left out…
    const windowed = monthlyAnalysis({ month: '2026-10', cases, records: RECORDS, rules, now: NOW, summary, earlier });
    expect({ ...windowed, notes: [], judgement: [] }).toEqual({ ...full, notes: [], judgement: [] }); // …and nothing changes
    expect(windowed.judgement.slice(0, -1)).toEqual(full.judgement.slice(0, -1));
  });

  test('a row is read in full when the log does not reach back to the window, or is empty', () => {
    const plan = analysisPlan('2026-10', new Set(), rules);
    const old = { caseNo: no(1, 2020), state: '已归档', petitionDate: '2020-01-02' };
    expect(rowNeed(old, plan, new Set(), '2020-01-01')).toBeNull();
    expect(rowNeed(old, plan, new Set(), '2026-01-01')).toBe('full');
    expect(rowNeed(old, plan, new Set(), null)).toBe('full');
    expect(rowNeed({ ...old, state: '办理中' }, plan, new Set(), '2020-01-01')).toBe('full'); // still open
    expect(rowNeed({ ...old, petitionDate: '2026-11-02' }, plan, new Set(), null)).toBeNull(); // after the month
    expect(rowNeed({ ...old, petitionDate: '2026年10月16日' }, plan, new Set(), '2020-01-01')).toBe('full');
    expect(rowNeed({ caseNo: '', state: '', petitionDate: '' }, plan, new Set(), null)).toBeNull(); // a blank row
  });
});
