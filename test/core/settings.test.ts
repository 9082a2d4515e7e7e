// The one settings table: every default parses, the 设置 rows are read by it, a bad value falls back to its default and
// is reported by row and key, and 上班时间 reaches every working-hour deadline through the calendar.
import { WorkCalendar } from '../../src/core/calendar';
import { fromShanghai, formatDateTime } from '../../src/core/dates';
import { computeDueAt, DEFAULT_TIME_LIMITS } from '../../src/core/deadlines';
import { DEFAULT_SETTINGS } from '../../src/core/roles';
import { defaultSettingValues, readSettings, settingRows, workflowSettings } from '../../src/core/settings';

const rows = (pairs: [string, string][]) => pairs.map(([key, value], i) => ({ row: i + 2, key, value }));

test('the sheet’s rows are the table’s: one row per setting, each key once, each default readable', () => {
  const keys = settingRows().map((r) => r.key);
  expect(new Set(keys).size).toBe(keys.length);
  expect(keys).not.toContain('主职领导邮箱');
  expect(keys).not.toContain('信访工作分管领导邮箱');
  const read = readSettings(rows(settingRows().map((r) => [r.key, r.defaultText])));
  expect(read.warnings).toEqual([]);
  expect(read.values).toEqual(defaultSettingValues());
  expect(workflowSettings(read.values)).toEqual(DEFAULT_SETTINGS);
});

test('单位名称 has one default, whether the row is missing or empty', () => {
  expect(readSettings([]).values.officeName).toBe('镜湖新区开发办');
  expect(readSettings(rows([['单位名称', '']])).values.officeName).toBe('镜湖新区开发办');
  expect(settingRows().find((r) => r.key === '单位名称')!.defaultText).toBe('镜湖新区开发办');
});

test('typed values are read; a bad one falls back to its default, reported by row and key', () => {
  const read = readSettings(
    rows([
      ['临期提醒工作日', '2'],
      ['编号括号', '[]'],
      ['集体访人数', '1'],
      ['编号括号', '【'],
      ['节假日已确认年份', '2027、二〇二八'],
      ['问题类别列表', ''],
    ]),
  );
  expect(read.values.dueSoonWorkdays).toBe(2);
  expect(read.values.groupVisitThreshold).toBe(5);
  expect(read.values.caseNoBrackets).toEqual({ open: '〔', close: '〕' });
  expect(read.values.confirmedHolidayYears).toEqual([]);
  expect(read.values.categories).toEqual([]);
  expect(read.warnings).toEqual([
    '「设置」第 4 行「集体访人数」：「1」应为 2–1000 的整数，已按默认值 5 处理',
    '「设置」第 3 行「编号括号」与第 5 行重复，按第 5 行的值处理',
    '「设置」第 5 行「编号括号」：「【」应为左右两个括号字符，如 〔〕，已按默认值 〔〕 处理',
    '「设置」第 6 行「节假日已确认年份」：「二〇二八」不是四位年份，已按默认值 （空） 处理',
  ]);
  expect(read.byRow.get(4)).toBe('「集体访人数」：「1」应为 2–1000 的整数，已按默认值 5 处理');
});

test('上班时间 reaches the 退单 deadline through the calendar', () => {
  const calendar = WorkCalendar.withDefaults();
  const due = () =>
    formatDateTime(
      computeDueAt({ node: '退单', startAt: fromShanghai(2026, 3, 2, 11, 0), limits: DEFAULT_TIME_LIMITS, calendar })
        .dueAt,
    );
  expect(due()).toBe('2026-03-02 15:30');
  calendar.setOfficeHours(readSettings(rows([['上班时间', '09:00-12:00,14:00-18:00']])).values.officeHours);
  expect(due()).toBe('2026-03-02 16:00');
});
