// The 月度分析 tab laid out as one grid (issue 16): what the leaders read, top to bottom, with the formats, the bold
// and merged rows and the places of the charts; the sheet writer (src/gas/analysis.ts) applies it in a few calls.
import { formatDateTime } from './dates';
import type { Count, FigureUnit, MonthlyAnalysis } from './analysis';
import { esc } from './notices';

/** The tab's width in columns (a trimmed tab keeps no other column). */
export const TAB_WIDTH = 8;
/** Rows kept free under each chart. */
export const CHART_ROWS = 18;

/** The tab's name for a month: `月度分析 2026-10`. */
export const tabName = (month: string): string => `月度分析 ${month}`;

/** A chart the writer inserts: its kind, its title, the data blocks it reads (1-based, inclusive), where it sits. */
export interface ChartSpec {
  kind: 'line' | 'bar' | 'pie';
  title: string;
  /** Each range as [row, column, rows, columns]; the first row is the header, the first range the labels. */
  ranges: [number, number, number, number][];
  anchorRow: number;
}

/** Everything the writer needs. Rows are 1-based in `bold`, `merged`, `wrapped` and the charts. */
export interface AnalysisGrid {
  values: (string | number)[][];
  formats: string[][];
  /** Title and header rows: [row, first column, columns]. */
  bold: [number, number, number][];
  /** Rows of text merged across the tab's width (the 研判 and the foot). */
  merged: number[];
  charts: ChartSpec[];
}

const PERCENT = '0.0%';
const DECIMAL = '0.0';
const INTEGER = '0';
const TEXT = '@';

const monthTitle = (month: string): string => `${month.slice(0, 4)}年${Number(month.slice(5, 7))}月`;

/** Lays out the analysis of a month. `builtAt`: when it was built. */
export function analysisGrid(a: MonthlyAnalysis, builtAt: Date): AnalysisGrid {
  const values: (string | number)[][] = [];
  const formats: string[][] = [];
  const bold: AnalysisGrid['bold'] = [];
  const merged: number[] = [];
  const charts: ChartSpec[] = [];
  const row = (cells: (string | number | null)[], fmt: string[] = []): number => {
    const line = Array.from({ length: TAB_WIDTH }, (_, i) => cells[i] ?? '');
    values.push(line);
    formats.push(line.map((v, i) => fmt[i] ?? (typeof v === 'number' ? INTEGER : TEXT)));
    return values.length;
  };
  const blank = (): number => row([]);
  const title = (text: string): void => {
    bold.push([row([text]), 1, 1]);
  };
  const header = (cells: string[]): number => {
    const r = row(cells);
    bold.push([r, 1, cells.length]);
    return r;
  };
  const sentence = (text: string): void => {
    merged.push(row([text]));
  };
  const formatOf = (unit: FigureUnit): string => (unit === '比率' ? PERCENT : unit === '工作日' ? DECIMAL : INTEGER);

  title(`${monthTitle(a.month)}信访工作月度分析`);
  sentence(`生成时间：${formatDateTime(builtAt)}（北京时间）；上月：${a.lastMonth}；去年同月：${a.lastYear}。`);
  blank();

  title('一、主要指标');
  header(['指标', '本月', '上月', '去年同月', '单位']);
  for (const h of a.headline) {
    const f = formatOf(h.unit);
    row([h.label, h.thisMonth, h.lastMonth, h.lastYear, h.unit === '比率' ? '%' : h.unit], [TEXT, f, f, f, TEXT]);
  }
  blank();

  title('二、研判');
  if (a.judgement.length) a.judgement.forEach(sentence);
  else sentence('本月没有可供研判的数据。');
  blank();

  title('三、部室考核');
  const deptHeader = header(['部室', '受理', '办结', '按期办结率', '超期件数', '满意率']);
  for (const d of a.breakdowns.departments)
    row(
      [d.department, d.received, d.closed, d.onTimeRate, d.overdue, d.satisfactionRate],
      [TEXT, INTEGER, INTEGER, PERCENT, INTEGER, PERCENT],
    );
  const deptRows = a.breakdowns.departments.length;
  blank();

  title('四、分类统计（本月受理件）');
  const received = a.headline.find((h) => h.key === 'received')?.thisMonth ?? 0;
  const block = (name: string, counts: Count[]): { header: number; rows: number } => {
    const top = header([name, '件数', '占比']);
    if (counts.length === 0) row(['（无）', 0, ''], [TEXT, INTEGER, TEXT]);
    for (const c of counts) row([c.key, c.count, received ? c.count / received : ''], [TEXT, INTEGER, PERCENT]);
    blank();
    return { header: top, rows: Math.max(1, counts.length) };
  };
  block('信访件来源', a.breakdowns.source);
  block('信访形式', a.breakdowns.form);
  const types = block('事项类型', a.breakdowns.matterType);
  block('问题类别', a.breakdowns.category);
  block('当前状态', a.breakdowns.state);

  title('五、超期件清单');
  header(['编号', '承办部室', '事项类型', '状态', '信访人', '办结期限', '办结日期']);
  if (a.overdue.length === 0) row(['（无）']);
  for (const o of a.overdue)
    row([o.caseNo, o.department, o.matterType, o.state, o.petitioner, o.dueDate, o.closedDate ?? '未办结']);
  blank();

  title('六、不满意件清单');
  header(['编号', '承办部室', '事项类型', '状态', '信访人', '评价日期']);
  if (a.dissatisfied.length === 0) row(['（无）']);
  for (const d of a.dissatisfied) row([d.caseNo, d.department, d.matterType, d.state, d.petitioner, d.ratedDate]);
  blank();

  title('七、近12个月趋势');
  const trendHeader = header(['月份', '受理', '办结']);
  for (const p of a.trend) row([p.month, p.received, p.closed]);
  blank();

  title('八、图表');
  const chartAt = (spec: Omit<ChartSpec, 'anchorRow'>): void => {
    charts.push({ ...spec, anchorRow: values.length + 1 });
    for (let i = 0; i < CHART_ROWS; i++) blank();
  };
  chartAt({ kind: 'line', title: '近12个月受理与办结', ranges: [[trendHeader, 1, a.trend.length + 1, 3]] });
  chartAt({ kind: 'bar', title: '本月受理件按事项类型', ranges: [[types.header, 1, types.rows + 1, 2]] });
  chartAt({
    kind: 'bar',
    title: '各部室按期办结率',
    ranges: [
      [deptHeader, 1, deptRows + 1, 1],
      [deptHeader, 4, deptRows + 1, 1],
    ],
  });

  title('指标说明');
  a.footer.forEach(sentence);
  if (a.notes.length) {
    blank();
    title('说明');
    a.notes.forEach(sentence);
  }
  sentence('信访人姓名已脱敏，检举控告件的信访人显示为「匿名保护」；完整信息以台账为准。');
  return { values, formats, bold, merged, charts };
}

/** Parses the month a person typed for 生成月度分析: 2026-10, 2026-1, 2026/10, 2026年10月; null when it is none. */
export function parseMonthInput(text: string): string | null {
  const m = /^\s*(\d{4})\s*(?:[-/.]|年)\s*(\d{1,2})\s*月?\s*$/.exec(text);
  if (!m) return null;
  const month = Number(m[2]);
  return month >= 1 && month <= 12 ? `${m[1]}-${String(month).padStart(2, '0')}` : null;
}

/** The mail that sends the leaders to the month's tab: a few counts and the link, no petitioner named. */
export function analysisMail(a: MonthlyAnalysis, url: string, officeName: string): MailText {
  const fig = (key: string): string => {
    const h = a.headline.find((x) => x.key === key);
    if (!h || h.thisMonth === null) return '—';
    return h.unit === '比率'
      ? `${Math.round(h.thisMonth * 1000) / 10}%`
      : `${h.thisMonth}${h.unit === '人' ? '人' : '件'}`;
  };
  const subject = `【信访】${monthTitle(a.month)}信访工作月度分析`;
  const figures = `本月受理${fig('received')}，办结${fig('closed')}，按期办结率${fig('onTimeRate')}，月末在办${fig('openAtEnd')}，超期${fig('overdue')}。`;
  const lines = [
    '各位领导：',
    '',
    `${officeName}${monthTitle(a.month)}信访工作月度分析已生成（主要指标、研判、部室考核、超期与不满意件清单、趋势图表）。`,
    figures,
    '',
    `查看：${url}`,
    '',
    '此邮件由信访台账自动发送。',
  ];
  const html = [
    '<p>各位领导：</p>',
    `<p>${esc(officeName)}${monthTitle(a.month)}信访工作月度分析已生成（主要指标、研判、部室考核、超期与不满意件清单、趋势图表）。</p>`,
    `<p>${esc(figures)}</p>`,
    `<p><a href="${esc(url)}">打开「${esc(tabName(a.month))}」</a></p>`,
    '<p style="color:#666">此邮件由信访台账自动发送。</p>',
  ].join('');
  return { subject, body: lines.join('\n'), htmlBody: html };
}

/** A mail's subject and bodies. */
export interface MailText {
  subject: string;
  body: string;
  htmlBody: string;
}
