// The 设置, 时限 and 节假日 sheets read as the workflow's rules; a bad value falls back to its default and is
// reported by sheet, row and field, in Chinese.
import type { Settings } from '../app/ports';
import {
  DEFAULT_OFFICE_HOURS,
  WorkCalendar,
  parseOfficeHours,
  type CalendarEntry,
  type OfficeHours,
} from '../core/calendar';
import { toShanghaiDate } from '../core/dates';
import { DEFAULT_TIME_LIMITS, type DeadlineNode, type DeadlineUnit, type TimeLimit } from '../core/deadlines';
import { ROLES, type Role } from '../core/model';
import { DEFAULT_SETTINGS, type Rules, type WorkflowSettings } from '../core/roles';
import { SHEET } from './layout';
import { readHeader, readRecords, requireColumns, sheetNamed } from './table';

const NODES: readonly DeadlineNode[] = ['签收', '退单', '办结', '回访', '受理告知', '复查', '复核', '异议'];
const UNITS: readonly DeadlineUnit[] = ['日', '工作日', '工作小时'];

/** Everything the sheets configure, plus the problems found reading them. */
export interface OfficeConfig {
  rules: Rules;
  officeName: string;
  reminderHour: number;
  dueSoonWorkdays: number;
  officeHours: OfficeHours;
  leaderEmails: { principal: string[]; petition: string[] };
  warnings: string[];
}

export class SheetSettings implements Settings {
  private config: OfficeConfig | null = null;
  constructor(private readonly ss: GoogleAppsScript.Spreadsheet.Spreadsheet) {}

  rules(): Rules {
    return this.load().rules;
  }

  load(): OfficeConfig {
    return (this.config ??= readConfig(this.ss));
  }
}

/** A setting holding a list (values separated by commas, 、, semicolons or spaces); [] when missing or empty. */
export function settingList(kv: Map<string, { value: string }>, key: string): string[] {
  return (kv.get(key)?.value ?? '')
    .split(/[,，、;；\s]+/)
    .map((v) => v.trim())
    .filter(Boolean);
}

/** The 设置 sheet as key → value and row. */
export function readKeyValues(
  ss: GoogleAppsScript.Spreadsheet.Spreadsheet,
): Map<string, { value: string; row: number }> {
  const sheet = sheetNamed(ss, SHEET.settings);
  const cols = requireColumns(SHEET.settings, readHeader(sheet), ['设置项', '值']);
  return new Map(
    readRecords(sheet, cols).map(({ row, values }) => [
      String(values['设置项']).trim(),
      { value: String(values['值']).trim(), row },
    ]),
  );
}

function readConfig(ss: GoogleAppsScript.Spreadsheet.Spreadsheet): OfficeConfig {
  const kv = readKeyValues(ss);
  const warnings: string[] = [];
  const int = (key: string, fallback: number, min: number, max: number): number => {
    const e = kv.get(key);
    if (!e || e.value === '') return fallback;
    const n = Number(e.value);
    if (Number.isInteger(n) && n >= min && n <= max) return n;
    warnings.push(
      `「设置」第 ${e.row} 行「${key}」：「${e.value}」应为 ${min}–${max} 的整数，已按默认值 ${fallback} 处理`,
    );
    return fallback;
  };
  const text = (key: string, fallback: string): string => kv.get(key)?.value || fallback;
  const list = (key: string): string[] => settingList(kv, key);
  const brackets = text('编号括号', '〔〕');
  const hoursText = text('上班时间', '08:30-12:00,13:30-17:30');
  const hours = parseOfficeHours(hoursText);
  if (!hours.ok) warnings.push(`「设置」「上班时间」：${hours.reason}，已按 08:30-12:00,13:30-17:30 处理`);
  const approvers = list('延期审批角色').filter((r): r is Role => (ROLES as readonly string[]).includes(r));
  const settings: WorkflowSettings = {
    ...DEFAULT_SETTINGS,
    groupVisitThreshold: int('集体访人数', DEFAULT_SETTINGS.groupVisitThreshold, 2, 1000),
    receptionLimit: int('接待人数上限', DEFAULT_SETTINGS.receptionLimit, 1, 1000),
    repeatWindowDays: int('重复信访天数', DEFAULT_SETTINGS.repeatWindowDays, 1, 3650),
    maxExtensionDays: int('延期最长天数', DEFAULT_SETTINGS.maxExtensionDays, 1, 365),
    extensionApprovers: approvers.length ? approvers : DEFAULT_SETTINGS.extensionApprovers,
    comprehensiveDepartment: text('综合事务部', DEFAULT_SETTINGS.comprehensiveDepartment),
    caseNumber: {
      ...DEFAULT_SETTINGS.caseNumber,
      prefix: text('编号前缀', DEFAULT_SETTINGS.caseNumber.prefix),
      ...([...brackets].length === 2 ? { open: [...brackets][0]!, close: [...brackets][1]! } : {}),
    },
  };
  const calendar = readCalendar(ss, warnings);
  for (const y of list('节假日已确认年份')) if (/^\d{4}$/.test(y)) calendar.markConfirmed(Number(y));
  return {
    rules: { settings, limits: readLimits(ss, warnings), calendar },
    officeName: text('单位名称', '信访办'),
    reminderHour: int('提醒时刻', 8, 0, 23),
    dueSoonWorkdays: int('临期提醒工作日', 3, 0, 30),
    officeHours: hours.ok ? hours.hours : DEFAULT_OFFICE_HOURS,
    leaderEmails: { principal: list('主职领导邮箱'), petition: list('信访工作分管领导邮箱') },
    warnings,
  };
}

function readLimits(ss: GoogleAppsScript.Spreadsheet.Spreadsheet, warnings: string[]): TimeLimit[] {
  const sheet = ss.getSheetByName(SHEET.limits);
  if (!sheet) return DEFAULT_TIME_LIMITS;
  const cols = requireColumns(SHEET.limits, readHeader(sheet), ['节点', '事项类型', '时限', '单位']);
  const out: TimeLimit[] = [];
  for (const { row, values } of readRecords(sheet, cols)) {
    const node = String(values['节点']).trim() as DeadlineNode;
    if (!node) continue;
    const amount = Number(values['时限']);
    const unit = String(values['单位']).trim() as DeadlineUnit;
    if (!NODES.includes(node) || !UNITS.includes(unit) || !Number.isInteger(amount) || amount < 0) {
      warnings.push(
        `「时限」第 ${row} 行：节点应为 ${NODES.join('/')}，时限为非负整数，单位为 日/工作日/工作小时，本行已忽略`,
      );
      continue;
    }
    const matterType = String(values['事项类型']).trim();
    out.push(matterType ? { node, matterType, amount, unit } : { node, amount, unit });
  }
  return out.length ? out : DEFAULT_TIME_LIMITS;
}

/**
 * The default calendar plus the 节假日 sheet's rows. Rows alone do not confirm a year (a half-typed schedule must
 * not end provisional counting): the year must also be listed in 设置「节假日已确认年份」.
 */
function readCalendar(ss: GoogleAppsScript.Spreadsheet.Spreadsheet, warnings: string[]): WorkCalendar {
  const calendar = WorkCalendar.withDefaults();
  const sheet = ss.getSheetByName(SHEET.holidays);
  if (!sheet) return calendar;
  const cols = requireColumns(SHEET.holidays, readHeader(sheet), ['日期', '类型', '名称']);
  const entries: CalendarEntry[] = [];
  for (const { row, values } of readRecords(sheet, cols)) {
    const d = values['日期'];
    const kind = String(values['类型']).trim();
    if (d === '' && kind === '') continue;
    const date = d instanceof Date ? toShanghaiDate(d) : String(d).trim();
    if (!/^\d{4}-\d{2}-\d{2}$/.test(date) || (kind !== '休' && kind !== '班')) {
      warnings.push(`「节假日」第 ${row} 行：日期或类型（休/班）无法识别，本行已忽略`);
      continue;
    }
    entries.push({ date, kind, name: String(values['名称']).trim() || undefined });
  }
  calendar.addEntries(entries, { confirm: false });
  return calendar;
}
