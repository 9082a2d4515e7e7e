// The 设置, 时限 and 节假日 sheets read as the workflow's rules; a bad value falls back to its default and is
// reported by sheet, row and field, in Chinese.
import type { Settings } from '../app/ports';
import { WorkCalendar, type CalendarEntry } from '../core/calendar';
import { toShanghaiDate } from '../core/dates';
import {
  DEADLINE_NODES,
  DEFAULT_TIME_LIMITS,
  type DeadlineNode,
  type DeadlineUnit,
  type TimeLimit,
} from '../core/deadlines';
import type { Rules } from '../core/roles';
import { readSettings, splitList, workflowSettings, type SettingRow, type SettingValues } from '../core/settings';
import { HOLIDAY_HEADERS, LIMIT_HEADERS, SETTINGS_HEADERS, SHEET } from './layout';
import { cachedConfig } from './config-cache';
import { readHeader, readRecords, requireColumns, sheetNamed } from './table';

const NODES: readonly DeadlineNode[] = DEADLINE_NODES;
const UNITS: readonly DeadlineUnit[] = ['日', '工作日', '工作小时'];

/** Everything the sheets configure, plus the problems found reading them (sheet, row and field, in Chinese). */
export interface OfficeConfig {
  rules: Rules;
  /** Every 设置 value, parsed (src/core/settings.ts says what each means). */
  values: SettingValues;
  warnings: string[];
}

export class SheetSettings implements Settings {
  private config: OfficeConfig | null = null;
  /** `cached`: through the Script Cache (the web app; src/gas/config-cache.ts). */
  constructor(
    private readonly ss: GoogleAppsScript.Spreadsheet.Spreadsheet,
    private readonly cached = false,
  ) {}

  rules(): Rules {
    return this.load().rules;
  }

  load(): OfficeConfig {
    if (this.config) return this.config;
    const read = (): RawConfig => readRawConfig(this.ss);
    return (this.config = buildConfig(this.cached ? cachedConfig('settings', read) : read()));
  }
}

/** What the three sheets say, before it is built into rules (plain data: it can be cached). */
interface RawConfig {
  rows: SettingRow[];
  limits: TimeLimit[];
  holidays: CalendarEntry[];
  warnings: string[];
}

function readRawConfig(ss: GoogleAppsScript.Spreadsheet.Spreadsheet): RawConfig {
  const warnings: string[] = [];
  const rows = readSettingRows(ss);
  const limits = readLimits(ss, warnings);
  const holidays = readHolidayEntries(ss, warnings);
  return { rows, limits, holidays, warnings };
}

function buildConfig(raw: RawConfig): OfficeConfig {
  const { values, warnings } = readSettings(raw.rows);
  const calendar = WorkCalendar.withDefaults();
  calendar.addEntries(raw.holidays, { confirm: false });
  calendar.setOfficeHours(values.officeHours);
  for (const y of values.confirmedHolidayYears) calendar.markConfirmed(y);
  return {
    rules: { settings: workflowSettings(values), limits: raw.limits, calendar },
    values,
    warnings: [...warnings, ...raw.warnings],
  };
}

/** A setting holding a list, read from the raw key → value map; [] when missing or empty. */
export function settingList(kv: Map<string, { value: string }>, key: string): string[] {
  return splitList(kv.get(key)?.value ?? '');
}

/** The 设置 sheet's lines: key, value (trimmed text) and row. */
export function readSettingRows(ss: GoogleAppsScript.Spreadsheet.Spreadsheet): SettingRow[] {
  const sheet = sheetNamed(ss, SHEET.settings);
  const cols = requireColumns(SHEET.settings, readHeader(sheet), [SETTINGS_HEADERS.key, SETTINGS_HEADERS.value]);
  return readRecords(sheet, cols).map(({ row, values }) => ({
    row,
    key: String(values[SETTINGS_HEADERS.key]).trim(),
    value: String(values[SETTINGS_HEADERS.value]).trim(),
  }));
}

/** The 设置 sheet as key → value and row (the later of two rows with one key wins, as in readSettings). */
export function readKeyValues(
  ss: GoogleAppsScript.Spreadsheet.Spreadsheet,
): Map<string, { value: string; row: number }> {
  return new Map(readSettingRows(ss).map(({ key, value, row }) => [key, { value, row }]));
}

function readLimits(ss: GoogleAppsScript.Spreadsheet.Spreadsheet, warnings: string[]): TimeLimit[] {
  const sheet = ss.getSheetByName(SHEET.limits);
  if (!sheet) return DEFAULT_TIME_LIMITS;
  const h = LIMIT_HEADERS;
  const cols = requireColumns(SHEET.limits, readHeader(sheet), [h.node, h.matterType, h.amount, h.unit]);
  const out: TimeLimit[] = [];
  for (const { row, values } of readRecords(sheet, cols)) {
    const node = String(values[h.node]).trim() as DeadlineNode;
    if (!node) continue;
    const amount = Number(values[h.amount]);
    const unit = String(values[h.unit]).trim() as DeadlineUnit;
    if (!NODES.includes(node) || !UNITS.includes(unit) || !Number.isInteger(amount) || amount < 0) {
      warnings.push(
        `「时限」第 ${row} 行：节点应为 ${NODES.join('/')}，时限为非负整数，单位为 日/工作日/工作小时，本行已忽略`,
      );
      continue;
    }
    const matterType = String(values[h.matterType]).trim();
    out.push(matterType ? { node, matterType, amount, unit } : { node, amount, unit });
  }
  return out.length ? out : DEFAULT_TIME_LIMITS;
}

/**
 * The 节假日 sheet's rows, added to the default calendar by buildConfig. Rows alone do not confirm a year (a
 * half-typed schedule must not end provisional counting): the year must also be listed in 设置「节假日已确认年份」.
 */
function readHolidayEntries(ss: GoogleAppsScript.Spreadsheet.Spreadsheet, warnings: string[]): CalendarEntry[] {
  const sheet = ss.getSheetByName(SHEET.holidays);
  if (!sheet) return [];
  const h = HOLIDAY_HEADERS;
  const cols = requireColumns(SHEET.holidays, readHeader(sheet), [h.date, h.kind, h.name]);
  const entries: CalendarEntry[] = [];
  for (const { row, values } of readRecords(sheet, cols)) {
    const d = values[h.date];
    const kind = String(values[h.kind]).trim();
    if (d === '' && kind === '') continue;
    const date = d instanceof Date ? toShanghaiDate(d) : String(d).trim();
    if (!/^\d{4}-\d{2}-\d{2}$/.test(date) || (kind !== '休' && kind !== '班')) {
      warnings.push(`「节假日」第 ${row} 行：日期或类型（休/班）无法识别，本行已忽略`);
      continue;
    }
    const name = String(values[h.name]).trim();
    entries.push(name ? { date, kind, name } : { date, kind });
  }
  return entries;
}
