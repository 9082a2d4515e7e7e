// The 月度分析 tab's grid (issue 16): the sections in order, each figure in its format, the 研判 and the foot merged,
// the charts reading the right blocks; the month a person types; the leaders' mail.
import { monthlyAnalysis } from '../../src/core/analysis';
import { analysisGrid, analysisMail, parseMonthInput, TAB_WIDTH } from '../../src/core/analysis-sheet';
import { cellUseText, cellWarning } from '../../src/core/budget';
import { WorkCalendar } from '../../src/core/calendar';
import { fromShanghai } from '../../src/core/dates';
import { DEFAULT_TIME_LIMITS } from '../../src/core/deadlines';
import type { Case } from '../../src/core/model';
import { DEFAULT_SETTINGS, type Rules } from '../../src/core/roles';

const rules: Rules = { settings: DEFAULT_SETTINGS, limits: DEFAULT_TIME_LIMITS, calendar: WorkCalendar.withDefaults() };
const cases: Case[] = [
  {
    caseNo: '镜访〔2026〕101号',
    state: '办理中',
    petitionDate: '2026-08-03',
    petitionerName: '欧阳<b>',
    phone: '13912345678',
    matterType: '投诉',
    department: '规划建设部',
  },
  {
    caseNo: '镜访〔2026〕102号',
    state: '待回访',
    petitionDate: '2026-10-09',
    petitionerName: '李四',
    matterType: '检举控告',
    department: '综合事务部',
    closeSignedAt: fromShanghai(2026, 10, 20, 10, 0),
    callbackDate: '2026-10-22',
    satisfaction: '不满意',
  },
];
const a = monthlyAnalysis({
  month: '2026-10',
  cases,
  records: [],
  rules,
  now: fromShanghai(2026, 11, 1, 9, 30),
  departments: ['规划建设部', '综合事务部'],
});
const grid = analysisGrid(a, fromShanghai(2026, 11, 1, 9, 30));
const col = (c: number) => grid.values.map((r) => r[c]);
const rowOf = (text: string) => grid.values.findIndex((r) => r[0] === text) + 1;

describe('the grid', () => {
  test('every row is the tab’s width; values and formats line up', () => {
    expect(grid.values.every((r) => r.length === TAB_WIDTH)).toBe(true);
    expect(grid.formats.map((r) => r.length)).toEqual(grid.values.map(() => TAB_WIDTH));
  });

  test('the sections in order, the title and when it was built', () => {
    const titles = col(0).filter((v) => typeof v === 'string' && /^[一二三四五六七八]、/.test(v));
    expect(titles).toEqual([
      '一、主要指标',
      '二、研判',
      '三、部室考核',
      '四、分类统计（本月受理件）',
      '五、超期件清单',
      '六、不满意件清单',
      '七、近12个月趋势',
      '八、图表',
    ]);
    expect(grid.values[0]![0]).toBe('2026年10月信访工作月度分析');
    expect(grid.values[1]![0]).toBe('生成时间：2026-11-01 09:30（北京时间）；上月：2026-09；去年同月：2025-10。');
  });

  test('figures in their format: counts whole, rates as percentages, working days with one decimal', () => {
    const r = rowOf('按期办结率');
    expect(grid.values[r - 1]!.slice(0, 5)).toEqual(['按期办结率', 1, '', '', '%']);
    expect(grid.formats[r - 1]!.slice(1, 4)).toEqual(['0.0%', '0.0%', '0.0%']);
    expect(grid.formats[rowOf('平均办理工作日') - 1]![1]).toBe('0.0');
    expect(grid.formats[rowOf('本月受理') - 1]![1]).toBe('0');
    // Text stays text (a month such as 2026-10 must not become a date).
    expect(grid.formats[rowOf('2026-10') - 1]![0]).toBe('@');
  });

  test('the 研判, the build line and the foot are merged across; headers are bold', () => {
    const judgement = rowOf('二、研判');
    expect(grid.merged).toContain(2);
    expect(grid.merged).toContain(judgement + 1);
    expect(grid.merged).toContain(grid.values.length); // the masking note closes the tab
    expect(grid.bold).toContainEqual([rowOf('指标'), 1, 5]);
  });

  test('the lists mask the petitioner; a 检举控告 petitioner is 匿名保护', () => {
    const overdue = rowOf('镜访〔2026〕101号');
    expect(grid.values[overdue - 1]!.slice(0, 7)).toEqual([
      '镜访〔2026〕101号',
      '规划建设部',
      '投诉',
      '办理中',
      '欧****',
      '2026-10-08', // 08-03 + 60 日 = 10-02, in 国庆: the next working day
      '未办结',
    ]);
    const dissatisfied = rowOf('镜访〔2026〕102号');
    expect(grid.values[dissatisfied - 1]!.slice(0, 6)).toEqual([
      '镜访〔2026〕102号',
      '综合事务部',
      '检举控告',
      '待回访',
      '匿名保护',
      '2026-10-22',
    ]);
    const text = JSON.stringify(grid.values);
    expect(text).not.toContain('欧阳');
    expect(text).not.toContain('李四');
    expect(text).not.toContain('13912345678');
  });

  test('each chart reads its block: the trend, the 事项类型 counts, the departments and their on-time rates', () => {
    const [trend, types, depts] = grid.charts;
    const block = ([r, c, n, w]: [number, number, number, number]) =>
      grid.values.slice(r - 1, r - 1 + n).map((row) => row.slice(c - 1, c - 1 + w));
    expect(block(trend!.ranges[0]!)[0]).toEqual(['月份', '受理', '办结']);
    expect(block(trend!.ranges[0]!)).toHaveLength(13);
    expect(block(types!.ranges[0]!)).toEqual([
      ['事项类型', '件数'],
      ['检举控告', 1],
    ]);
    expect(block(depts!.ranges[0]!).flat()).toEqual(['部室', '规划建设部', '综合事务部']);
    expect(block(depts!.ranges[1]!).flat()).toEqual(['按期办结率', '', 1]);
    // Each chart sits on free rows of its own, below the 八、图表 title.
    expect(grid.charts.map((c) => c.anchorRow)).toEqual([
      rowOf('八、图表') + 1,
      rowOf('八、图表') + 19,
      rowOf('八、图表') + 37,
    ]);
    for (const c of grid.charts) expect(grid.values[c.anchorRow - 1]!.every((v) => v === '')).toBe(true);
  });
});

describe('the month a person types', () => {
  test.each([
    ['2026-10', '2026-10'],
    ['2026-1', '2026-01'],
    [' 2026/10 ', '2026-10'],
    ['2026年10月', '2026-10'],
    ['2026.9', '2026-09'],
    ['2026-13', null],
    ['十月', null],
    ['', null],
    ['2026-10-01', null],
  ])('%j → %j', (text, month) => expect(parseMonthInput(text)).toBe(month));
});

describe('the leaders’ mail', () => {
  test('subject, a few counts and the link; the office name escaped in HTML; no petitioner', () => {
    const m = analysisMail(a, 'https://docs.google.com/spreadsheets/d/x/edit#gid=7', '镜湖<新区>');
    expect(m.subject).toBe('【信访】2026年10月信访工作月度分析');
    expect(m.body).toContain('本月受理1件，办结1件，按期办结率100%，月末在办1件，超期1件。');
    expect(m.body).toContain('查看：https://docs.google.com/spreadsheets/d/x/edit#gid=7');
    expect(m.htmlBody).toContain('镜湖&lt;新区&gt;');
    expect(m.htmlBody).toContain('<a href="https://docs.google.com/spreadsheets/d/x/edit#gid=7">');
    expect(m.body + m.htmlBody).not.toMatch(/欧阳|李四|139/);
  });
});

describe('the cell budget', () => {
  test('cells used of 10 million, and the warning from 70 %', () => {
    expect(cellUseText(1_234_567)).toBe('已用单元格 1,234,567 / 10,000,000（12.3%）');
    expect(cellWarning(6_999_999)).toBeNull();
    expect(cellWarning(7_000_000)).toBe(
      '表格已用单元格 7,000,000 / 10,000,000（70%），接近 Google 表格的上限。请在一月用「信访台账 › 标记与归档 › 归档往年…」把往年已归档的信访件移入归档表格。',
    );
  });
});
