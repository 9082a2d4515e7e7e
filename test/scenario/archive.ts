// Helpers for the yearly archive's scenarios: past years' cases seeded in bulk as the app writes them (control
// record, anchor, log lines, records), the sidebar's slices run as google.script.run would, and what the ledger and
// the archives hold read back by label.
import type { GasEnvironment } from '../../emulator/index';
import { derivedCells } from '../../src/app/derived';
import { WorkCalendar } from '../../src/core/calendar';
import { encodeRecord } from '../../src/core/controls';
import { fromShanghai } from '../../src/core/dates';
import { DEFAULT_TIME_LIMITS } from '../../src/core/deadlines';
import { DERIVED_FIELDS, type Case } from '../../src/core/model';
import { DEFAULT_SETTINGS, type Rules } from '../../src/core/roles';
import { headerOf, PEOPLE } from './office';
import type { FoundCase } from '../../src/gas/find';

export const NOW = '2026-01-06T09:00:00+08:00';
const RULES: Rules = { settings: DEFAULT_SETTINGS, limits: DEFAULT_TIME_LIMITS, calendar: WorkCalendar.withDefaults() };
export const OFFICE = { user: PEOPLE.office.email };
export const RECORD_SHEETS = ['回访记录', '联系函', '签批记录', '复查复核', '文书'] as const;
export const MOVING_SHEETS = ['台账', '流转记录', ...RECORD_SHEETS] as const;
/** The derived columns' labels by key, as the model names them. */
const DERIVED: Record<string, string> = Object.fromEntries(DERIVED_FIELDS.fields.map((f) => [f.key, f.label]));

/** The status the sidebar receives (src/gas/archive.ts ArchiveStatus). */
export interface ArchiveStatus {
  started: boolean;
  finished: boolean;
  waiting: { year: number; count: number }[];
  staying: { reason: string; count: number }[];
  moved: { year: number; count: number }[];
  archives: { year: number; name: string; url: string }[];
  step: string;
  message: string;
  error: string;
}

/** A case to seed: received on `date`, in `state`; the rest filled in as the app would have written it. */
export interface Seed {
  no: string;
  date: string;
  state: Case['state'];
  name?: string;
  idNumber?: string;
  phone?: string;
  upstreamNo?: string;
  closed?: string;
  remarks?: string;
  /** The 重复信访 hint registration wrote (earlier cases of the same ID number or phone). */
  repeatOf?: string;
}

export const ss = (env: GasEnvironment) => env.globals.SpreadsheetApp.getActive();
export const day = (d: string, hh = 0, mm = 0): Date => {
  const [y, m, dd] = d.split('-').map(Number);
  return fromShanghai(y!, m!, dd!, hh, mm);
};

/** Appends rows (by header label) to a sheet of the ledger, as the host writes them: no execution, no trigger. */
function append(env: GasEnvironment, sheetName: string, rows: Record<string, unknown>[]): void {
  if (!rows.length) return;
  const sheet = ss(env).getSheetByName(sheetName)!;
  const h = headerOf(env, sheetName);
  const grid = rows.map((r) => {
    const line: unknown[] = new Array(h.size).fill('');
    for (const [label, v] of Object.entries(r)) {
      if (!h.has(label)) throw new Error(`${sheetName} has no column ${label}`);
      line[h.get(label)! - 1] = v;
    }
    return line;
  });
  const start = sheet.getLastRow() + 1;
  const over = start + grid.length - 1 - sheet.getMaxRows();
  if (over > 0) {
    // Sheets gives inserted rows the formats of the row before them (the Sheets API's InsertDimension
    // inheritFromBefore), so text columns stay text; the local runtime leaves them unformatted: copy them here.
    const last = sheet.getMaxRows();
    const formats = sheet.getRange(last, 1, 1, h.size).getNumberFormats()[0]!;
    sheet.insertRowsAfter(last, over);
    sheet.getRange(last + 1, 1, over, h.size).setNumberFormats(new Array(over).fill(formats));
  }
  sheet.getRange(start, 1, grid.length, h.size).setValues(grid);
}

/** Shanghai's month of a log line's time. */
const monthOf = (t: unknown): string =>
  t instanceof Date ? new Date(t.getTime() + 8 * 3_600_000).toISOString().slice(0, 7) : '';

/**
 * The log's month index as 初始化/修复 rebuilds it from the 时间 column (src/gas/audit.ts: each month's first row, as
 * the log reached it), after lines were written here outside the app, which keeps it only for the lines it writes.
 */
function indexLog(env: GasEnvironment): void {
  const index: [string, number][] = [];
  records(ss(env).getSheetByName('流转记录')).forEach((r, i) => {
    const m = monthOf(r['时间']);
    if (m && (!index.length || m > index[index.length - 1]![0])) index.push([m, i + 2]);
  });
  env.globals.PropertiesService.getScriptProperties().setProperty('LOG_MONTH_ROWS', JSON.stringify(index));
}

/** States of a case that has been answered (办结): it has a 办结日期. */
const ANSWERED: readonly Case['state'][] = ['待回访', '已回访', '已归档'];

/**
 * Seeds cases as the app writes them (control record and anchor, the derived columns of a case not archived, as at
 * `now`), with their log lines (登记; 回访 for the visited; 归档 for the archived), a 回访 record and a 文书 record
 * each, and a 签批 record for the archived.
 */
export function seed(
  env: GasEnvironment,
  cases: Seed[],
  now: Date | string = NOW,
): Record<(typeof MOVING_SHEETS)[number], Record<string, unknown>[]> {
  const ledger: Record<string, unknown>[] = [];
  const log: Record<string, unknown>[] = [];
  const records: Record<(typeof RECORD_SHEETS)[number], Record<string, unknown>[]> = {
    回访记录: [],
    联系函: [],
    签批记录: [],
    复查复核: [],
    文书: [],
  };
  const by = `王芳 <${PEOPLE.office.email}>`;
  for (const s of cases) {
    const registered = day(s.date, 9, 30);
    const closed = day(s.closed ?? s.date, 16);
    const c: Partial<Case> = { caseNo: s.no, state: s.state, registeredAt: registered, registeredBy: '王芳' };
    const archived = s.state === '已归档';
    const answered = ANSWERED.includes(s.state);
    if (answered) c.closedDate = s.closed ?? s.date;
    if (archived) c.archivedAt = day(s.closed ?? s.date, 17);
    if (s.state === '办理中') Object.assign(c, { assignedAt: day(s.date, 11), receivedAt: day(s.date, 14) });
    const row: Record<string, unknown> = {
      编号: s.no,
      状态: s.state,
      信访日期: day(s.date),
      信访人姓名: s.name ?? `群众${s.no.slice(-4, -1)}`,
      联系电话: s.phone ?? '',
      身份证号码: s.idNumber ?? '',
      上级信访件编号: s.upstreamNo ?? '',
      信访件来源: '本级',
      信访形式: '来信',
      事项类型: '投诉',
      信访诉求: `${s.no}的诉求：道路破损`,
      承办部室: '规划建设部',
      登记时间: registered,
      登记人: '王芳',
      备注: s.remarks ?? '',
      重复信访: s.repeatOf ?? '',
      '系统编号（勿改）': s.no,
    };
    if (answered) row['办结日期'] = day(s.closed ?? s.date);
    if (archived) Object.assign(row, { 归档时间: c.archivedAt, 期限状态: '按期办结' });
    if (s.state === '办理中') Object.assign(row, { 交办时间: c.assignedAt, 接收时间: c.receivedAt });
    if (!archived) {
      const d = derivedCells({ ...c, petitionDate: s.date, department: '规划建设部' } as Case, RULES, new Date(now));
      for (const [k, v] of Object.entries(d)) row[DERIVED[k]!] = v;
    }
    row['系统流程记录（勿改）'] = encodeRecord(c);
    ledger.push(row);
    log.push({ 时间: registered, 编号: s.no, 动作: '登记', 原状态: '', 新状态: '待签收', 操作人: by, 说明: '' });
    if (archived || s.state === '已回访')
      log.push({
        时间: closed,
        编号: s.no,
        动作: '回访',
        原状态: '待回访',
        新状态: '已回访',
        操作人: by,
        说明: '满意',
      });
    if (archived) {
      log.push({
        时间: c.archivedAt,
        编号: s.no,
        动作: '归档',
        原状态: '已回访',
        新状态: '已归档',
        操作人: by,
        说明: '',
      });
      records.签批记录.push({
        编号: s.no,
        序号: 1,
        时间: closed,
        经办人: '赵强',
        环节: '办结签批',
        轮次: 1,
        角色: '主职领导',
        意见: '同意',
      });
    }
    records.回访记录.push({
      编号: s.no,
      序号: 1,
      时间: closed,
      经办人: '王芳',
      来源: '回访',
      回访日期: day(s.closed ?? s.date),
      回访方式: '电话',
      信访人意见: '满意',
    });
    records.文书.push({
      编号: s.no,
      序号: 1,
      时间: registered,
      经办人: '王芳',
      附件: '附件3',
      文书名称: '“2211”信访流程办理单',
      文档链接: `https://docs.google.com/document/d/1${s.no.length}${'x'.repeat(30)}/edit`,
      文书状态: '现行',
    });
  }
  append(env, '台账', ledger);
  log.sort((a, b) => (a['时间'] as Date).getTime() - (b['时间'] as Date).getTime());
  append(env, '流转记录', log);
  indexLog(env);
  for (const name of RECORD_SHEETS) append(env, name, records[name]);
  return { 台账: ledger, 流转记录: log, ...records };
}

/**
 * Puts an open case's line in the workbench index, as a save of it would (编号, its ledger row, department, state):
 * seeded cases are written outside the app, which keeps the index only for what it saves.
 */
export function indexOpenCase(env: GasEnvironment, caseNo: string): void {
  const sheet = ss(env).getSheetByName('工作台索引')!;
  const row = records(ss(env).getSheetByName('台账')).findIndex((r) => r['系统编号（勿改）'] === caseNo) + 2;
  if (row < 2) throw new Error(`no ledger row for ${caseNo}`);
  const line = new Array(sheet.getLastColumn()).fill('');
  line.splice(0, 4, caseNo, row, '规划建设部', '办理中');
  sheet.getRange(sheet.getLastRow() + 1, 1, 1, line.length).setValues([line]);
}

/** Every data row of a sheet of a spreadsheet, as values. */
function values(sheet: GoogleAppsScript.Spreadsheet.Sheet | null): unknown[][] {
  if (!sheet || sheet.getLastRow() < 2) return [];
  return sheet.getRange(2, 1, sheet.getLastRow() - 1, sheet.getLastColumn()).getValues();
}

/** Rows of a sheet as records by label. */
export function records(sheet: GoogleAppsScript.Spreadsheet.Sheet | null): Record<string, unknown>[] {
  if (!sheet || sheet.getLastColumn() === 0) return [];
  const labels = sheet.getRange(1, 1, 1, sheet.getLastColumn()).getValues()[0]!.map(String);
  return values(sheet).map((r) => Object.fromEntries(labels.map((l, i) => [l, r[i]])));
}

export const archiveIds = (env: GasEnvironment): Record<string, string> =>
  JSON.parse(env.globals.PropertiesService.getScriptProperties().getProperty('ARCHIVE_IDS') ?? '{}') as Record<
    string,
    string
  >;
export const archive = (env: GasEnvironment, year: number) =>
  env.globals.SpreadsheetApp.openById(archiveIds(env)[String(year)]!);

/** Every row, by sheet, of the ledger and of every archive (the ledger's own 年度归档 lines left out). */
export function everything(env: GasEnvironment): Record<string, Record<string, unknown>[]> {
  const books = [ss(env), ...Object.keys(archiveIds(env)).map((y) => archive(env, Number(y)))];
  return Object.fromEntries(
    MOVING_SHEETS.map((name) => [
      name,
      books.flatMap((b) => records(b.getSheetByName(name))).filter((r) => r['动作'] !== '年度归档'),
    ]),
  );
}

/**
 * What the row numbers kept outside the sheets say wrongly, if anything: the log's month index must be in month order
 * with every line dated in or after a month at or below that month's row (what its readers rely on); each line of
 * the workbench index must name a ledger row holding its case.
 */
export function indexProblems(env: GasEnvironment): string[] {
  const problems: string[] = [];
  const text = env.globals.PropertiesService.getScriptProperties().getProperty('LOG_MONTH_ROWS');
  const index = text ? (JSON.parse(text) as [string, number][]) : [];
  const months = records(ss(env).getSheetByName('流转记录')).map((r) => monthOf(r['时间']));
  index.forEach(([month, row], i) => {
    if (i > 0 && month <= index[i - 1]![0]) problems.push(`month index out of order at ${month}`);
    const above = months.findIndex((m, k) => k + 2 < row && m >= month);
    if (above >= 0) problems.push(`${month} at row ${row}, yet row ${above + 2} holds ${months[above]}`);
  });
  const ledger = records(ss(env).getSheetByName('台账'));
  for (const q of records(ss(env).getSheetByName('工作台索引')))
    if (ledger[Number(q['行']) - 2]?.['系统编号（勿改）'] !== q['编号'])
      problems.push(`workbench index: ${String(q['编号'])} at row ${String(q['行'])}`);
  return problems;
}

/** A row as comparable text: Dates by their instant, the other values with their type. */
export const norm = (r: Record<string, unknown>): string =>
  JSON.stringify(
    Object.entries(r)
      .filter(([, v]) => v !== '')
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([k, v]) => [k, v instanceof Date ? `D${v.getTime()}` : v]),
  );

/** The sidebar's next slice, as google.script.run makes it. */
export const slice = (env: GasEnvironment, opts: { start?: boolean } = {}): ArchiveStatus =>
  env.submitDialog('archiveRunSlice', [opts], OFFICE) as ArchiveStatus;

/**
 * Starts (or continues) the run and makes slices until it finishes or a step fails (at most `max`); returns every
 * status seen.
 */
export function runToEnd(env: GasEnvironment, start = true, max = 40): ArchiveStatus[] {
  const seen = [slice(env, start ? { start: true } : {})];
  while (!seen.at(-1)!.finished && !seen.at(-1)!.error && seen.length < max) seen.push(slice(env));
  return seen;
}

/** Cells a spreadsheet holds: each sheet's rows × columns, used or not (as src/gas/cells.ts counts them). */
export const cellsOf = (book: GoogleAppsScript.Spreadsheet.Spreadsheet): number =>
  book.getSheets().reduce((sum, s) => sum + s.getMaxRows() * s.getMaxColumns(), 0);

/** A case 查找 shows. */
export type { FoundCase };

/** The 信访办 searches with 查找, as the sidebar's google.script.run call makes it. */
export const findCases = (env: GasEnvironment, query: string): FoundCase[] =>
  env.submitDialog('findCases', [query], OFFICE) as FoundCase[];

/**
 * The scenario's ledger in January 2026: five cases that may move (three of 2023, two of 2024), and four that stay.
 */
export const CASES: Seed[] = [
  {
    no: '镜访〔2023〕001号',
    date: '2023-03-02',
    state: '已归档',
    name: '张三',
    idNumber: '110105194912310021',
    phone: '13800000000',
    upstreamNo: '00042',
  },
  { no: '镜访〔2023〕002号', date: '2023-06-15', state: '已归档', remarks: "=1+1 不是公式；'前导撇号" },
  { no: '镜访〔2023〕003号', date: '2023-12-31', state: '已归档' },
  { no: '镜访〔2024〕001号', date: '2024-01-01', state: '已归档', phone: '057512345678' },
  { no: '镜访〔2024〕002号', date: '2024-05-20', state: '已归档' },
  // Two years ago, still open: stays whatever its age.
  { no: '镜访〔2024〕003号', date: '2024-06-01', state: '办理中', name: '李四' },
  // Received in 2024, answered on 2025-12-20: the petitioner may still ask for 复查 until 2026-01-19.
  { no: '镜访〔2024〕004号', date: '2024-12-30', state: '已归档', closed: '2025-12-20' },
  // Last year, archived: stays (the 365-day repeat check still needs it).
  { no: '镜访〔2025〕001号', date: '2025-01-03', state: '已归档' },
  { no: '镜访〔2026〕001号', date: '2026-01-05', state: '办理中' },
];
/** The 编号 of the cases that move, and of those that stay. */
export const MOVING = CASES.slice(0, 5).map((c) => c.no);
export const STAYING = CASES.slice(5).map((c) => c.no);
