// 帮助 › 运行自检 (issue 19): in a COPY of the ledger only, make the copy safe (人员 = the person running it in every
// role, every DingTalk robot off, so mail and robots reach no one else), run the environment probe, write the
// 自检结果 tab and show a summary. It never records the ledger's id (初始化/修复 does): the copy is known as a copy
// because the id recorded in Script Properties (carried into the copy's script) is not the active spreadsheet's.
import { ROBOT_PROPERTY_PREFIX } from '../../core/dingtalk';
import { ROLES, type Person } from '../../core/model';
import { clearConfigCache } from '../config-cache';
import { SheetDirectory, readDepartments } from '../directory';
import { APP_FOLDER_NAME, PROP_APP_FOLDER } from '../forms-drive';
import { WORKBENCH_URL_KEY } from '../links';
import { PEOPLE_HEADERS, SHEET } from '../layout';
import { LEDGER_ID_KEY, gasPorts } from '../ports';
import { LedgerError } from '../table';
import { FLOW_JOB_KEY, runFlow, type FlowResult } from './flow';
import { runProbe, type ProbeReport } from './probe';

/** Script Properties of the copy: the forms folder the self-test made for it. */
const SELFTEST_FOLDER_KEY = 'SELFTEST_FORMS_FOLDER_ID';

/** The results tab. */
export const RESULTS_SHEET = '自检结果';

const HOW_TO_COPY =
  '请在副本中运行：点「文件 › 创建副本」（副本带着本表格的脚本），打开副本，再点「信访台账 › 帮助 › 运行自检」。' +
  '不要在副本中运行「初始化/修复」：它会把副本记为台账。';

/**
 * Why this spreadsheet may not be self-tested, or null in a copy. The live ledger is the one whose id 初始化/修复
 * recorded; a spreadsheet with no recorded id is refused too (it may be a ledger never set up).
 */
export function selfTestRefusal(activeId: string, recordedId: string | null): string | null {
  if (!recordedId)
    return (
      '本表格的脚本没有记录台账 ID，无法判断这是不是副本，自检不运行。若这是原台账：请先运行「初始化/修复」，再按下面的办法创建副本。' +
      '若这是副本：在原台账的「扩展程序 › Apps Script › 项目设置 › 脚本属性」中复制 LEDGER_SPREADSHEET_ID 的值，' +
      `在副本的同一处添加同名属性，再运行自检。${HOW_TO_COPY}`
    );
  if (recordedId === activeId)
    return `这是正在使用的信访台账，自检会改写「人员」、关闭钉钉机器人并写入测试数据，不能在这里运行。${HOW_TO_COPY}`;
  return null;
}

/**
 * Runs the self-test in a copy for `me` (the 信访办 clicking): the copy made safe, the environment probe, then the
 * app's flow until it ends or this click's time is spent; a click while a flow is unfinished continues it.
 */
export function runSelfTest(me: Person, startedMs: number = Date.now()): void {
  const ss = SpreadsheetApp.getActive();
  const props = PropertiesService.getScriptProperties();
  const refusal = selfTestRefusal(ss.getId(), props.getProperty(LEDGER_ID_KEY));
  if (refusal) throw new LedgerError('DENIED', refusal);
  const resuming = props.getProperty(FLOW_JOB_KEY) !== null && ss.getSheetByName(RESULTS_SHEET) !== null;
  const department = makeCopySafe(ss, me, props);
  const lines = [`「人员」已改为只有 ${me.email} 一人（全部角色，部室「${department}」），钉钉机器人已全部关闭。`];
  if (!resuming) {
    const report = runProbe(ss);
    writeResults(ss, report);
    const failed = report.checks.filter((c) => !c.pass);
    lines.push(
      `环境检查 ${report.checks.length} 项：通过 ${report.checks.length - failed.length} 项，未通过 ${failed.length} 项。`,
      ...failed.map((c) => `未通过：${c.id} ${c.title}`),
    );
  }
  // The execution's ports (shared by every adapter and by startForms' own gasPorts()) read 人员 before it was
  // rewritten: give them a directory that reads it afresh (the configuration cache was cleared).
  const p = gasPorts(me.email);
  p.directory = new SheetDirectory(ss, true);
  const flow = runFlow(p, { ...me, roles: [...ROLES], departments: [department] }, department, startedMs);
  appendFlow(ss, flow.results, !resuming);
  const flowFailed = flow.results.filter((r) => !r.pass);
  lines.push(
    `流程自检${resuming ? '（续）' : ''}本次 ${flow.results.length} 步：通过 ${flow.results.length - flowFailed.length} 步，未通过 ${flowFailed.length} 步。`,
    ...flowFailed.map((r) => `未通过：${r.id} ${r.title}（${r.actual}）`),
    flow.done ? '流程自检已完成。' : '本次时间已用完，请再点一次「运行自检」继续流程自检。',
    `详见「${RESULTS_SHEET}」工作表（含计时和需要人工确认的步骤）。有未通过的项，请把本表格导出（文件 › 下载 › Microsoft Excel）发给维护人员。`,
  );
  const ui = SpreadsheetApp.getUi();
  ui.alert('运行自检', lines.join('\n'), ui.ButtonSet.OK);
}

/** The flow's rows under the results (a heading first when the flow starts). */
function appendFlow(ss: GoogleAppsScript.Spreadsheet.Spreadsheet, results: FlowResult[], heading: boolean): void {
  const sheet = ss.getSheetByName(RESULTS_SHEET);
  if (!sheet) return;
  const basis = '与菜单相同的用例（src/app/registerCase.ts、performAction.ts，src/gas/forms.ts、analysis.ts）';
  const rows = [
    ...(heading
      ? [
          ['', '', '', '', '', ''],
          ['流程自检', '步骤', '依据', '预期', '实际', '结果'],
        ]
      : []),
    ...results.map((r) => [r.id, r.title, basis, r.expected, r.actual, r.pass ? '通过' : '未通过']),
  ];
  if (!rows.length) return;
  const range = sheet.getRange(sheet.getLastRow() + 1, 1, rows.length, 6);
  range.setNumberFormat('@');
  range.setValues(rows);
}

/**
 * 人员 = `me` in every role (one line each, with a department so every role is complete), every robot deleted from
 * this copy's Script Properties, the configuration cache cleared. Returns the department used.
 */
function makeCopySafe(
  ss: GoogleAppsScript.Spreadsheet.Spreadsheet,
  me: Person,
  props: GoogleAppsScript.Properties.Properties,
): string {
  const known = readDepartments(ss);
  const department = me.departments.find((d) => known.includes(d)) ?? known[0] ?? me.departments[0] ?? '综合事务部';
  const sheet = ss.getSheetByName(SHEET.people);
  if (!sheet) throw new LedgerError('NO_SHEET', '本表格没有「人员」工作表，不是信访台账的副本。');
  const width = sheet.getLastColumn();
  const header = sheet
    .getRange(1, 1, 1, width)
    .getValues()[0]!
    .map((v) => String(v).trim());
  const last = sheet.getLastRow();
  if (last > 1) sheet.getRange(2, 1, last - 1, width).clearContent();
  const h = PEOPLE_HEADERS;
  const rows = ROLES.map((role) => {
    const line: Record<string, string> = {
      [h.name]: me.name || me.email,
      [h.email]: me.email,
      [h.role]: role,
      [h.department]: department,
      [h.liaison]: role === '部室联络员' ? 'A' : '',
      [h.mobile]: '',
    };
    return header.map((label) => line[label] ?? '');
  });
  sheet.getRange(2, 1, rows.length, width).setValues(rows);
  for (const key of props.getKeys()) if (key.startsWith(ROBOT_PROPERTY_PREFIX)) props.deleteProperty(key);
  // The copy's Script Properties came from the ledger: its web app's URL (notices would link the live web app) and
  // its forms folder (the copy's next 编号 is the ledger's next one, so a form made here would land in the folder of
  // a real case to come). The copy gets no web-app links and a forms folder of its own; the templates stay shared.
  props.deleteProperty(WORKBENCH_URL_KEY);
  const own = props.getProperty(SELFTEST_FOLDER_KEY);
  if (!own || props.getProperty(PROP_APP_FOLDER) !== own) {
    const folder = Drive!.Files.create(
      { name: `${APP_FOLDER_NAME}（自检副本 ${ss.getName()}）`, mimeType: 'application/vnd.google-apps.folder' },
      null as unknown as GoogleAppsScript.Base.Blob, // no content: a folder
      { fields: 'id' },
    ).id!;
    props.setProperties({ [SELFTEST_FOLDER_KEY]: folder, [PROP_APP_FOLDER]: folder });
  }
  clearConfigCache();
  return department;
}

/** The 自检结果 tab, rewritten: the checks, then the timings, then the manual steps; every cell plain text. */
function writeResults(ss: GoogleAppsScript.Spreadsheet.Spreadsheet, report: ProbeReport): void {
  const old = ss.getSheetByName(RESULTS_SHEET);
  if (old) ss.deleteSheet(old);
  const when = Utilities.formatDate(new Date(), ss.getSpreadsheetTimeZone(), 'yyyy-MM-dd HH:mm');
  const rows: string[][] = [
    ['编号', '项目', '依据', '预期', '实际', '结果'],
    ...report.checks.map((c) => [c.id, c.title, c.reference, c.expected, c.actual, c.pass ? '通过' : '未通过']),
    ['', '', '', '', '', ''],
    ['计时', '操作', '依据', '运行时模型（毫秒）', '实测（毫秒）', ''],
    ...report.timings.map((t) => [
      t.id,
      t.title,
      '../shared/docs/apps-script-costs.md（本地运行时的价格表）',
      String(Math.round(t.modelledMs)),
      String(t.measuredMs),
      '',
    ]),
    ['', '', '', '', '', ''],
    ['人工检查', '项目', '依据', '操作', '应看到', ''],
    ...report.manual.map((m) => [m.id, m.title, m.reference, m.steps, m.lookFor, '']),
    ['', '', '', '', '', ''],
    ['运行时间', when, `时区 ${ss.getSpreadsheetTimeZone()}`, '', '', ''],
  ];
  const sheet = ss.insertSheet(RESULTS_SHEET);
  const range = sheet.getRange(1, 1, rows.length, 6);
  range.setNumberFormat('@');
  range.setValues(rows);
  sheet.setFrozenRows(1);
  sheet.getRange(1, 1, 1, 6).setFontWeight('bold');
}
