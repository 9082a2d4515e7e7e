// 初始化/修复 and 接管定时任务 as the person clicking sees them.
import { HIDDEN_EDITOR_NAME } from '../app/handleTypedEdits';
import type { Person } from '../core/model';
import type { AdoptResult } from '../app/adoptLedger';
import { adoptLedgerRows } from './adopt';
import { actorText, rebuildLogIndex } from './audit';
import { rebuildQueue } from './workbench-index';
import { SheetRecords } from './records';
import { recordLedgerId } from './workbench';
import { clearConfigCache } from './config-cache';
import { activeUserEmail } from './infra';
import { requireRole } from './caller';
import { SheetDirectory } from './directory';
import { SHEET } from './layout';
import { gasPorts } from './ports';
import { LedgerError } from './table';
import { addFirstOfficer, setupSpreadsheet } from './setup';
import { installTriggers, setTriggerOwner, triggerOwner } from './triggers';
import { ensureTemplates, FormsDrive, emptyDriveCache, type TemplateReport } from './forms-drive';
import { ANNEXES } from '../core/forms';

/**
 * Taking in rows stops once this much of the run has passed (Apps Script stops it at 6 minutes): the rest of the run
 * (the workbench index, some 70 s for 50,000 open cases; templates, triggers) fits in what is left, and the rows not
 * yet taken in wait for the next run.
 */
const ADOPT_BUDGET_MS = 4 * 60_000;

/**
 * Lays out the sheets, adds the first person to 人员 as 信访办, records the ledger's unrecorded cases (补录), then
 * installs the triggers if this person owns them (or nobody does yet).
 */
export function runSetup(): void {
  const startedMs = Date.now();
  const ss = SpreadsheetApp.getActive();
  const me = activeUserEmail();
  clearConfigCache(); // setup reads and repairs 人员 and 设置 itself
  requireOfficeOnceStaffed(ss, me);
  const report = setupSpreadsheet(ss);
  const owner = triggerOwner();
  const first = addFirstOfficer(ss, me);
  const p = gasPorts(me);
  const { adopted, scan } = adoptCases(me, () => Date.now() - startedMs < ADOPT_BUDGET_MS);
  // The workbench index from the 编号 and 状态 the repair read of every row, once every row is taken in (a run that
  // stopped for time leaves it to the next).
  if (!adopted.left) rebuildQueue(ss, p.ledger, p.settings.rules(), new Date(), scan);
  const lines = [
    report.createdSheets.length ? `新建工作表：${report.createdSheets.join('、')}` : '工作表齐全',
    report.addedColumns.length ? `补充表头：${report.addedColumns.join('、')}` : '',
    ...report.notes,
    ...firstOfficerLines(first, me),
    ...adoptedLines(adopted),
    ...templateLines(ensureTemplates(false)),
  ];
  // The log's month index (the monthly analysis reads through it), rebuilt; the record sheets' checked or built.
  rebuildLogIndex(ss);
  new SheetRecords(ss).ensureIndexes();
  clearConfigCache();
  recordLedgerId(ss);
  if (!me) lines.push('Google 没有提供您的账号，定时任务未安装；请由表格所有者运行「初始化/修复」。');
  else if (!owner || owner === me) {
    setTriggerOwner(me);
    const t = installTriggers(ss);
    lines.push(`定时任务由 ${actorText('', me)} 负责${t.created ? `，新装 ${t.created} 个` : '，已是最新'}`);
  } else {
    lines.push(`定时任务由 ${owner} 负责，本次未安装，以免重复提醒。若其已离开，请用「初始化/修复 › 接管定时任务」。`);
  }
  SpreadsheetApp.getUi().alert(
    '初始化/修复完成',
    lines.filter(Boolean).join('\n'),
    SpreadsheetApp.getUi().ButtonSet.OK,
  );
}

/**
 * Once 人员 lists anyone, only the 信访办 may run 初始化/修复 (on a fresh sheet anyone may: the first 初始化 adds its
 * runner). A 人员 sheet whose headers are broken does not lock the office out: setup is what repairs it.
 */
function requireOfficeOnceStaffed(ss: GoogleAppsScript.Spreadsheet.Spreadsheet, me: string): void {
  if (!ss.getSheetByName(SHEET.people)) return;
  let people: Person[];
  try {
    people = new SheetDirectory(ss).listPeople();
  } catch (e) {
    if (e instanceof LedgerError && (e.code === 'NO_HEADER' || e.code === 'DUP_HEADER')) return;
    throw e;
  }
  if (people.length === 0) return;
  if (!people.some((p) => p.email === me && p.roles.includes('信访办')))
    throw new LedgerError('DENIED', '「初始化/修复」只限「人员」表中的「信访办」人员运行。');
}

/** What adding the first officer did, as lines for the person. */
function firstOfficerLines(first: ReturnType<typeof addFirstOfficer>, me: string): string[] {
  if (first === 'added')
    return [`已将您（${me}）登记到「人员」表，角色为「信访办」。请补填您的姓名和部室，并登记其他人员。`];
  if (first === 'hidden')
    return [
      '「人员」表还没有人，而 Google 没有提供您的账号，未能登记您。请在「人员」表填写信访办人员的姓名、邮箱和角色。',
    ];
  return [];
}

/** The ledger's unrecorded cases taken in as the person running the repair, while `more` says there is time. */
function adoptCases(me: string, more: () => boolean): ReturnType<typeof adoptLedgerRows> {
  const p = gasPorts(me);
  const actor: Person = (me && p.directory.findByEmail(me)) || {
    email: me,
    name: me || HIDDEN_EDITOR_NAME,
    roles: [],
    departments: [],
  };
  // The workbench index is rebuilt whole after this (rebuildQueue): adoption's saves need not keep it line by line.
  const follow = p.ledger.afterSave;
  p.ledger.afterSave = null;
  try {
    return adoptLedgerRows(p, actor, more);
  } finally {
    p.ledger.afterSave = follow;
  }
}

/** 编号 for a message: the first twenty (an old ledger taken in may hold thousands). */
function listed(caseNos: readonly string[]): string {
  return caseNos.length > 20 ? `${caseNos.slice(0, 20).join('、')} 等` : caseNos.join('、');
}

/** What the repair did to the ledger's rows, as lines for the person. */
function adoptedLines(adopted: AdoptResult): string[] {
  const lines: string[] = [];
  if (adopted.anchored.length) lines.push(`台账中原有的 ${adopted.anchored.length} 件信访件已登记`);
  if (adopted.realigned.length)
    lines.push(`${adopted.realigned.length} 件的系统记录已对回其所在行（此前只对部分列排序或粘贴）`);
  if (adopted.backfilled.length)
    lines.push(`补录 ${adopted.backfilled.length} 件的流转记录（原来没有记录）：${listed(adopted.backfilled)}`);
  if (adopted.issues.length)
    lines.push(`台账有 ${adopted.issues.length} 行未能登记（编号重复或状态无法识别），原因见该行的批注`);
  if (adopted.left)
    lines.push(
      `台账还有 ${adopted.left} 行未登记：本次运行的时间将尽，已登记的均已保存。请再次运行「初始化/修复」登记其余各行（已补录的不会重复）；部室工作台的索引届时重建。`,
    );
  return lines;
}

/** Moves the triggers' ownership to the person clicking and installs theirs. */
export function takeOverTriggers(): void {
  requireRole(gasPorts(), ['信访办']);
  const me = activeUserEmail();
  const ui = SpreadsheetApp.getUi();
  if (!me) {
    ui.alert('接管定时任务', 'Google 没有提供您的账号，无法接管。请由本单位域内的账号操作。', ui.ButtonSet.OK);
    return;
  }
  const before = triggerOwner();
  const answer = ui.alert(
    '接管定时任务',
    `定时任务现由 ${before || '（无人）'} 负责。改由您（${me}）负责并安装定时任务？`,
    ui.ButtonSet.YES_NO,
  );
  if (answer !== ui.Button.YES) return;
  setTriggerOwner(me);
  const t = installTriggers(SpreadsheetApp.getActive());
  ui.alert(
    '接管定时任务',
    `已改由 ${me} 负责，安装 ${t.created} 个定时任务。原负责人的定时任务此后不再执行。`,
    ui.ButtonSet.OK,
  );
}

/**
 * The forms' folder and templates as the person reads them after 初始化/修复 or 重建模板; the folder is (again)
 * shared with every 信访办 of 人员, so each of them can file forms into it.
 */
function templateLines(r: TemplateReport): string[] {
  const office = gasPorts()
    .directory.listPeople()
    .filter((p) => p.roles.includes('信访办'))
    .map((p) => p.email);
  new FormsDrive(emptyDriveCache(), () => 0).shareRoot(office);
  const names = (list: typeof r.kept): string => list.map((n) => ANNEXES[n].caption).join('、');
  return [
    r.folderCreated ? '已在您的 Google 云端硬盘中新建文件夹「信访台账」，存放表单模板和生成的文书' : '',
    r.created.length ? `已上传表单模板：${names(r.created)}` : '',
    r.rebuilt.length ? `已重建表单模板：${names(r.rebuilt)}（原模板已改名〔作废〕移入「作废」文件夹）` : '',
    r.kept.length && !r.created.length && !r.rebuilt.length ? '表单模板齐全（已修改的模板保持不变）' : '',
  ];
}

/** 初始化/修复 › 重建模板: replaces every template with the one this version of the app carries, after a yes. */
export function rebuildTemplates(): void {
  requireRole(gasPorts(), ['信访办']);
  const ui = SpreadsheetApp.getUi();
  const answer = ui.alert(
    '重建模板',
    '将用本程序自带的模板替换附件3–7的全部模板；对模板所做的修改（字体、版式、徽标等）不再使用，原模板改名〔作废〕移入「作废」文件夹。继续？',
    ui.ButtonSet.YES_NO,
  );
  if (answer !== ui.Button.YES) return;
  ui.alert('重建模板', templateLines(ensureTemplates(true)).filter(Boolean).join('\n'), ui.ButtonSet.OK);
}
