// The 月度分析 tab (issue 16): built on the 1st by a trigger for the month before (and mailed to the leaders), or for
// any month from the menu. Reads the 月度汇总 for the months compared, of 流转记录 only the lines since the window
// (through the log's month index), of 台账 three columns of every row and the analysis's columns of the rows that
// can count; writes the tab in place (its gid, so its link, stays) and the month's figures into 月度汇总.
import {
  ANALYSIS_FIELDS,
  HEADLINE,
  REPEAT_FIELDS,
  analysisPlan,
  isMonth,
  monthlyAnalysis,
  rowNeed,
  shiftMonth,
  type MonthFigures,
  type MonthlyAnalysis,
} from '../core/analysis';
import { CHART_ROWS, TAB_WIDTH, analysisGrid, analysisMail, parseMonthInput, tabName } from '../core/analysis-sheet';
import { toShanghaiDate } from '../core/dates';
import { runsOf } from '../core/runs';
import type { Case, Person } from '../core/model';
import { casesLoggedSince } from './audit';
import { cellUseText } from '../core/budget';
import { cellsUsed } from './cells';
import { requireRole } from './caller';
import { SHEET, SUMMARY_BUILT, SUMMARY_MONTH } from './layout';
import { gasPorts, type GasPorts } from './ports';
import { LedgerError, readHeader } from './table';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

/** Script Properties: the month whose tab the leaders were mailed (a rerun of the schedule mails no one twice). */
const MAILED_PREFIX = 'ANALYSIS_MAILED_';
/** Who is mailed the link: the leaders who read the analysis. */
const READERS = ['主职领导', '信访工作分管领导'] as const;

/** What a build did. */
export interface AnalysisBuild {
  month: string;
  sheetName: string;
  url: string;
  analysis: MonthlyAnalysis;
  /** The leaders mailed (a scheduled build only). */
  mailed: string[];
}

/** The month before the one `now` falls in (Shanghai). */
export function previousMonth(now: Date): string {
  return shiftMonth(toShanghaiDate(now).slice(0, 7), -1);
}

/** Builds (or rebuilds in place) the tab of `month`; a scheduled build also mails the leaders once. */
export function buildAnalysis(month: string, p: GasPorts, scheduled = false): AnalysisBuild {
  if (!isMonth(month)) throw new LedgerError('INPUT', `月份「${month}」格式不正确，应为 YYYY-MM（如 2026-10）。`);
  const now = p.clock.now();
  if (`${month}-01` > toShanghaiDate(now)) throw new LedgerError('INPUT', `${month} 尚未开始，不能生成分析。`);
  const { ss } = p;
  const rules = p.settings.rules();
  const summary = readSummary(ss);
  const plan = analysisPlan(month, new Set(summary.figures.keys()), rules);
  const { caseNos: logged, logFrom } = casesLoggedSince(ss, plan.from);

  const heads = p.ledger.loadFields(['caseNo', 'state', 'petitionDate']);
  const full: number[] = [];
  const repeat: number[] = [];
  for (const { row, raw } of heads) {
    const need = rowNeed(
      { caseNo: String(raw.caseNo ?? ''), state: String(raw.state ?? ''), petitionDate: raw.petitionDate },
      plan,
      logged,
      logFrom,
    );
    if (need === 'full') full.push(row);
    else if (need === 'repeat') repeat.push(row);
  }
  // A date the ledger holds as text (typed before the edit trigger could judge it) is read by the analysis itself.
  const withRawDates = ({ raw, c }: { raw: Record<string, unknown>; c: Case }): Case =>
    ({
      ...c,
      petitionDate: c.petitionDate ?? raw.petitionDate,
      ...(raw.dueDate !== undefined ? { dueDate: c.dueDate ?? raw.dueDate } : {}),
    }) as Case;
  const cases = p.ledger.loadFieldsAt(ANALYSIS_FIELDS, full).map(withRawDates);
  const earlier = p.ledger.loadFieldsAt(REPEAT_FIELDS, repeat).map(withRawDates);
  const numbered = cases.map((c) => c.caseNo ?? '').filter(Boolean);
  const records = p.records.load(numbered, ['callback', 'letter', 'review']);

  const analysis0 = monthlyAnalysis({
    month,
    cases,
    records,
    rules,
    now,
    departments: p.directory.departments(),
    summary: summary.figures,
    earlier,
  });
  // The tab's foot says how much of the spreadsheet's 10 million cells is used (the yearly archive frees them).
  const analysis = { ...analysis0, notes: [...analysis0.notes, `本表格${cellUseText(cellsUsed(ss))}。`] };
  const sheet = writeTab(ss, analysis, now);
  writeSummary(summary, analysis.counted, now);
  const url = `${ss.getUrl()}#gid=${sheet.getSheetId()}`;
  const mailed = scheduled ? mailLeaders(p, analysis, url) : [];
  return { month, sheetName: sheet.getName(), url, analysis, mailed };
}

/** The trigger on the 1st: the month before, mailed to the leaders. */
export function runScheduledAnalysis(): AnalysisBuild {
  const p = gasPorts('');
  return buildAnalysis(previousMonth(p.clock.now()), p, true);
}

/** 生成月度分析…: asks which month (blank: the month before), builds it, shows the tab. */
export function menuBuildAnalysis(): void {
  const p = gasPorts();
  requireRole(p, ['信访办', ...READERS]);
  const ui = SpreadsheetApp.getUi();
  const fallback = previousMonth(p.clock.now());
  const answer = ui.prompt(
    '生成月度分析',
    `请输入要分析的月份（如 ${fallback}），留空则为上月 ${fallback}。已有的该月分析表将在原处重建。`,
    ui.ButtonSet.OK_CANCEL,
  );
  if (answer.getSelectedButton() !== ui.Button.OK) return;
  const typed = answer.getResponseText().trim();
  const month = typed ? parseMonthInput(typed) : fallback;
  if (!month) throw new LedgerError('INPUT', `「${typed}」不是月份，请按 2026-10 的格式输入。`);
  const build = buildAnalysis(month, p);
  p.ss.getSheetByName(build.sheetName)?.activate();
  const h = (key: string): number | null => build.analysis.headline.find((x) => x.key === key)?.thisMonth ?? null;
  ui.alert(
    '信访台账',
    `已生成「${build.sheetName}」：本月受理 ${h('received')} 件，办结 ${h('closed')} 件，月末在办 ${h('openAtEnd')} 件。`,
    ui.ButtonSet.OK,
  );
}

// ---- 月度汇总 ----

interface Summary {
  sheet: Sheet;
  /** Columns by label. */
  columns: Map<string, number>;
  width: number;
  /** Rows as read (months as text), in sheet order. */
  rows: unknown[][];
  figures: Map<string, MonthFigures>;
}

const SUMMARY_LABELS = [SUMMARY_MONTH, ...HEADLINE.map((h) => h.label), SUMMARY_BUILT];

/** Reads 月度汇总 (one read); creates it, laid out, when an older ledger lacks it. */
function readSummary(ss: Spreadsheet): Summary {
  let sheet = ss.getSheetByName(SHEET.summary);
  if (!sheet) {
    sheet = ss.insertSheet(SHEET.summary, ss.getNumSheets());
    sheet.getRange(1, 1, sheet.getMaxRows(), 1).setNumberFormat('@');
    sheet.getRange(1, 1, 1, SUMMARY_LABELS.length).setValues([SUMMARY_LABELS]).setFontWeight('bold');
    if (sheet.getMaxColumns() > SUMMARY_LABELS.length)
      sheet.deleteColumns(SUMMARY_LABELS.length + 1, sheet.getMaxColumns() - SUMMARY_LABELS.length);
    sheet.setFrozenRows(1);
  }
  const header = readHeader(sheet);
  const missing = SUMMARY_LABELS.filter((l) => !header.columns.has(l));
  if (missing.length)
    throw new LedgerError(
      'NO_HEADER',
      `「${SHEET.summary}」缺少列：${missing.join('、')}。请运行「信访台账 › 初始化/修复」。`,
    );
  const last = sheet.getLastRow();
  const rows = last < 2 ? [] : sheet.getRange(2, 1, last - 1, header.width).getValues();
  const at = (label: string): number => header.columns.get(label)! - 1;
  const figures = new Map<string, MonthFigures>();
  for (const r of rows) {
    const month = monthCell(r[at(SUMMARY_MONTH)]);
    if (!month) continue;
    const f = {} as MonthFigures;
    for (const h of HEADLINE) {
      const v = r[at(h.label)];
      f[h.key] =
        typeof v === 'number' ? v : v === '' || v === null ? null : Number.isFinite(Number(v)) ? Number(v) : null;
    }
    figures.set(month, f);
  }
  return { sheet, columns: header.columns, width: header.width, rows, figures };
}

/** A 月份 cell: text 'YYYY-MM', or a date Sheets made of it. */
function monthCell(v: unknown): string | null {
  if (v instanceof Date) return toShanghaiDate(v).slice(0, 7);
  const s = String(v ?? '').trim();
  return isMonth(s) ? s : null;
}

/** Puts the counted months into 月度汇总 (a month already there is replaced), months in order; one write. */
function writeSummary(s: Summary, counted: MonthlyAnalysis['counted'], now: Date): void {
  if (counted.length === 0) return;
  const col = (label: string): number => s.columns.get(label)! - 1;
  const byMonth = new Map<string, unknown[]>();
  for (const r of s.rows) {
    const month = monthCell(r[col(SUMMARY_MONTH)]);
    if (month) byMonth.set(month, r);
  }
  for (const { month, figures } of counted) {
    const line: unknown[] = new Array(s.width).fill('');
    line[col(SUMMARY_MONTH)] = month;
    for (const h of HEADLINE) line[col(h.label)] = figures[h.key] ?? '';
    line[col(SUMMARY_BUILT)] = now;
    byMonth.set(month, line);
  }
  const grid = [...byMonth].sort(([a], [b]) => (a < b ? -1 : 1)).map(([, r]) => r);
  const lacking = grid.length + 1 - s.sheet.getMaxRows();
  if (lacking > 0) s.sheet.insertRowsAfter(s.sheet.getMaxRows(), lacking);
  s.sheet.getRange(2, col(SUMMARY_MONTH) + 1, grid.length, 1).setNumberFormat('@');
  s.sheet.getRange(2, 1, grid.length, s.width).setValues(grid);
}

// ---- the tab ----

const letter = (col: number): string => String.fromCharCode(64 + col);

/** Writes the month's tab: an existing one is cleared and rewritten in place (same sheet, same link), then trimmed. */
function writeTab(ss: Spreadsheet, a: MonthlyAnalysis, now: Date): Sheet {
  const grid = analysisGrid(a, now);
  const name = tabName(a.month);
  const rows = grid.values.length;
  let sheet = ss.getSheetByName(name);
  if (sheet) {
    for (const chart of sheet.getCharts()) sheet.removeChart(chart);
    sheet.getRange(1, 1, sheet.getMaxRows(), sheet.getMaxColumns()).breakApart();
    sheet.clear();
  } else {
    sheet = ss.insertSheet(name, ss.getNumSheets());
  }
  // Trimmed to the cells it uses: each tab counts against the spreadsheet's 10 million cells.
  if (sheet.getMaxRows() > rows) sheet.deleteRows(rows + 1, sheet.getMaxRows() - rows);
  else if (sheet.getMaxRows() < rows) sheet.insertRowsAfter(sheet.getMaxRows(), rows - sheet.getMaxRows());
  if (sheet.getMaxColumns() > TAB_WIDTH) sheet.deleteColumns(TAB_WIDTH + 1, sheet.getMaxColumns() - TAB_WIDTH);

  // Formats before values: text cells such as 2026-10 stay text.
  const all = sheet.getRange(1, 1, rows, TAB_WIDTH);
  all.setNumberFormats(grid.formats);
  all.setValues(grid.values);
  all.setVerticalAlignment('top');
  sheet.getRangeList(grid.bold.map(([r, c, n]) => `${letter(c)}${r}:${letter(c + n - 1)}${r}`)).setFontWeight('bold');
  sheet.getRange(1, 1).setFontSize(14);
  for (const [top, bottom] of runsOf(grid.merged))
    sheet
      .getRange(top, 1, bottom - top + 1, TAB_WIDTH)
      .mergeAcross()
      .setWrap(true);
  sheet.setColumnWidth(1, 170);
  sheet.setColumnWidths(2, TAB_WIDTH - 1, 96);

  for (const c of grid.charts) {
    let b = sheet.newChart();
    for (const [r, col, n, w] of c.ranges) b = b.addRange(sheet.getRange(r, col, n, w));
    const typed = c.kind === 'line' ? b.asLineChart() : c.kind === 'pie' ? b.asPieChart() : b.asBarChart();
    sheet.insertChart(
      typed
        .setTitle(c.title)
        .setOption('height', CHART_ROWS * 21)
        .setOption('width', 640)
        .setPosition(c.anchorRow, 1, 0, 0)
        .build(),
    );
  }
  if (sheet.getProtections(SpreadsheetApp.ProtectionType.SHEET).length === 0)
    sheet.protect().setDescription('月度分析由脚本生成，请勿手工修改').setWarningOnly(true);
  return sheet;
}

// ---- the leaders' mail ----

/** Mails the link to the people holding 主职领导 or 信访工作分管领导, once per month (a marker in Script Properties). */
function mailLeaders(p: GasPorts, a: MonthlyAnalysis, url: string): string[] {
  const props = PropertiesService.getScriptProperties();
  const key = `${MAILED_PREFIX}${a.month}`;
  if (props.getProperty(key)) return [];
  const leaders = p.directory
    .listPeople()
    .filter((x: Person) => x.roles.some((r) => (READERS as readonly string[]).includes(r)));
  if (leaders.length === 0) {
    console.log(`月度分析 ${a.month}：「人员」中没有主职领导或信访工作分管领导，未发送邮件。`);
    return [];
  }
  const mail = analysisMail(a, url, p.settings.load().values.officeName);
  MailApp.sendEmail({ to: leaders.map((x) => x.email).join(','), ...mail });
  props.setProperty(key, new Date().toISOString());
  return leaders.map((x) => x.email);
}
