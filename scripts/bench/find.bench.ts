// 查找 and 案件历史 on a large ledger with nine yearly archives (issue 18): the ledger of ledger.bench.ts (its log
// lines included), and the archives of 2017–2025 (10,000 cases each with eight 流转记录 lines, those of different cases
// interleaved; opened by id as 归档往年… leaves them), each search and history as the sidebar and the menu make them.
import type { GasEnvironment } from '../../emulator/index';
import { fromShanghai } from '../../src/core/dates';
import { LOG_HEADERS } from '../../src/gas/layout';
import { header, measure, office, seed } from './ledger.bench';

const OWNER = { user: 'wangfang@jinghu.gov.cn' };
const NOW = '2026-11-02T09:00:00+08:00';
/** Log lines a case (issue 18: about eight over a case's life). */
const LINES = 8;
/** A case's lines are spread over the registrations of this many later cases (the lines of others in between). */
const SPREAD = 200;
const ARCHIVE_YEARS = [2017, 2018, 2019, 2020, 2021, 2022, 2023, 2024, 2025];
const PER_ARCHIVE = 10_000;
const ACTIONS = ['登记', '签收', '交办签批', '交办', '接收', '办理意见', '办结签批', '回访'];

/** `nos`' log lines (LINES each, interleaved as cases overlap), as rows of LOG_HEADERS. */
function logRows(nos: readonly string[], year: number): unknown[][] {
  const lines: { key: number; row: unknown[] }[] = [];
  nos.forEach((no, i) => {
    for (let j = 0; j < LINES; j++) {
      const key = i + SPREAD * j;
      const at = fromShanghai(year, 1 + Math.floor((key / (nos.length + SPREAD * LINES)) * 11), 1 + (key % 27), 9);
      lines.push({ key, row: [at, no, ACTIONS[j], '', '', '王芳 <wangfang@jinghu.gov.cn>', ''] });
    }
  });
  return lines.sort((a, b) => a.key - b.key).map((l) => l.row);
}

/** Writes rows below a sheet's header (host-side: no execution, unpriced), growing the grid first. */
function fill(sheet: GoogleAppsScript.Spreadsheet.Sheet, top: number, rows: unknown[][]): void {
  const need = top + rows.length - 1 - sheet.getMaxRows();
  if (need > 0) sheet.insertRowsAfter(sheet.getMaxRows(), need);
  sheet.getRange(top, 1, rows.length, rows[0]!.length).setValues(rows);
}

/** The year's archive as 归档往年… leaves it: 台账 with the ledger's labels (the columns 查找 reads filled) and 流转记录. */
function archiveOf(env: GasEnvironment, year: number, labels: readonly string[]): string {
  const book = env.globals.SpreadsheetApp.create(`信访台账归档 ${year}`, 2, labels.length);
  const ledger = book.getSheets()[0]!.setName('台账');
  ledger.getRange(1, 1, 1, labels.length).setValues([[...labels]]);
  const at = new Map(labels.map((l, i) => [l, i]));
  const width =
    Math.max(
      ...['编号', '状态', '信访日期', '信访人姓名', '承办部室', '联系电话', '身份证号码'].map((l) => at.get(l)!),
    ) + 1;
  const nos = Array.from({ length: PER_ARCHIVE }, (_, i) => `镜访〔${year}〕${String(i + 1).padStart(3, '0')}号`);
  fill(
    ledger,
    2,
    nos.map((no, i) => {
      const line: unknown[] = new Array(width).fill('');
      line[at.get('编号')!] = no;
      line[at.get('状态')!] = '已归档';
      line[at.get('信访日期')!] = fromShanghai(year, 1 + (i % 12), 1 + (i % 27));
      line[at.get('信访人姓名')!] = `旧信访人${year}-${i}`;
      line[at.get('承办部室')!] = '规划建设部';
      line[at.get('联系电话')!] = `137${String(year % 100)}${String(i).padStart(6, '0')}`;
      return line;
    }),
  );
  const log = book.insertSheet('流转记录');
  log.getRange(1, 1, 1, LOG_HEADERS.length).setValues([[...LOG_HEADERS]]);
  fill(log, 2, logRows(nos, year));
  return book.getId();
}

/**
 * A ledger of n cases with their log lines (ledger.bench.ts's seed), and the nine archives; the first case's lines
 * moved to 2017's archive (an archive run stopped between its log lines and its row).
 */
function world(n: number): GasEnvironment {
  const env = office(NOW);
  seed(env, n);
  const log = env.globals.SpreadsheetApp.getActive().getSheetByName('流转记录')!;
  const first = `镜访〔2026〕001号`;
  const firstLines = log
    .getRange(2, 2, 20, 1)
    .getValues()
    .filter((r) => r[0] === first).length;
  const labels = [...header(env).keys()];
  const ids = Object.fromEntries(ARCHIVE_YEARS.map((y) => [String(y), archiveOf(env, y, labels)]));
  const oldest = env.globals.SpreadsheetApp.openById(ids['2017']!).getSheetByName('流转记录')!;
  fill(oldest, oldest.getLastRow() + 1, log.getRange(2, 1, firstLines, LOG_HEADERS.length).getValues());
  log.deleteRows(2, firstLines);
  env.globals.PropertiesService.getScriptProperties().setProperty('ARCHIVE_IDS', JSON.stringify(ids));
  return env;
}

export function run(): object[] {
  const out: object[] = [];
  for (const n of [10_000, 50_000]) {
    const env = world(n);
    const find = (name: string, query: string): void => {
      out.push(measure(env, name, n, () => env.submitDialog('findCases', [query], OWNER)));
    };
    env.open(OWNER);
    env.clickMenu('信访台账', '查找…', OWNER);
    // A whole name, in 台账 only; a 编号 prefix every case has (the list stops at 50); a phone typed with dashes; an ID
    // number no case has (every column searched, nothing found); a name only the oldest archive holds.
    find('find-name', `群众${n - 7}`);
    find('find-number-capped', '镜访〔2026〕');
    find(
      'find-phone',
      `139-${String(n - 9)
        .padStart(8, '0')
        .slice(0, 4)}-${String(n - 9)
        .padStart(8, '0')
        .slice(4)}`,
    );
    find('find-id-none', '330602 19900101 123x');
    find('find-archived', '旧信访人2017-4321');
    const history = (name: string, row: number): void => {
      out.push(
        measure(env, name, n, () => {
          env.select('台账', `B${row}`, OWNER);
          env.answerNextDialog({ button: 'OK' });
          env.clickMenu('信访台账', '案件历史', OWNER);
        }),
      );
    };
    history('history', 2 + (n >> 1));
    history('history-archived', 2);
    out.push(measure(env, 'jump-to', n, () => env.submitDialog('jumpToCase', [nos(n)], OWNER)));
  }
  return out;
}

/** A case near the end of 台账 (the one the sidebar's list is clicked for). */
const nos = (n: number): string => `镜访〔2026〕${String(n - 3).padStart(3, '0')}号`;
