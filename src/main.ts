// The only entry of the bundle: each export is a handler Apps Script calls by name (see handlers.ts); the build
// writes one top-level forwarding function per export and checks that exports and the table agree.
import type { AnnexNo } from './core/model';
import type { ActionType } from './core/roles';
import { startAction, submitAction as submitActionDialog, type ActionSubmission } from './gas/actions';
import { showHelpDialog } from './gas/help';
import { runSelfTest } from './gas/selftest/run';
import { buildMenu } from './gas/menu';
import { onLedgerEditEvent, refreshLedger } from './gas/edits';
import { rebuildTemplates, runSetup, takeOverTriggers } from './gas/setup-run';
import { showHistory, showFindSidebar, findCasesQuery, jumpTo, type FoundCase } from './gas/find';
import { showNewCaseSidebar, submitNewCaseForm, checkRepeatHint, type NewCaseResult } from './gas/new-case';
import { checkSheetCaller, checkTriggerCaller, requireRole } from './gas/caller';
import { gasPorts } from './gas/ports';
import { runReminders, sendRemindersNowFromMenu } from './gas/reminders';
import { menuBuildAnalysis, runScheduledAnalysis } from './gas/analysis';
import {
  serveWorkbench,
  showWorkbenchLink,
  workbenchAct as performWorkbenchAction,
  type WorkbenchRequest,
} from './gas/workbench';
import { pickLetters, runFormsSlice, showFormsProgress, startForms, type FormBatchStatus } from './gas/forms';
import { runArchiveSlice, showArchiveSidebar, type ArchiveStatus } from './gas/archive';
import { forDialog, forMenu, forTrigger } from './gas/errors';
import {
  clearRobotForm,
  saveRobotForm,
  showDingTalkDialog,
  testRobotForm,
  type RobotDialogAnswer,
} from './gas/dingtalk-dialog';
import type { HandlerName } from './handlers';

// Every handler first checks who is calling and from where (src/gas/caller.ts, decision 11), inside its one catch.

/** A menu handler: the caller is checked, then `fn` runs; a refusal or error is shown to the person. */
const menu = (name: HandlerName, fn: () => void) => (): void =>
  forMenu(() => {
    checkSheetCaller(name);
    fn();
  });

/** A google.script.run target of the spreadsheet's dialogs and sidebars: the caller is checked first. */
function dialog<T>(name: HandlerName, fn: () => T): T {
  return forDialog(() => {
    checkSheetCaller(name);
    return fn();
  });
}

/** The 部室工作台 (web app): 我的待办, or a case page (`?case=编号`), for the visitor 人员 names. */
export function doGet(e: GoogleAppsScript.Events.DoGet): GoogleAppsScript.HTML.HtmlOutput {
  return serveWorkbench(e);
}

/** The 部室工作台's action (google.script.run): the visitor, their department and the case checked on the server. */
export function workbenchAct(req: WorkbenchRequest): { ok: boolean; message: string } {
  return dialog('workbenchAct', () => performWorkbenchAction(req));
}

/** 复制工作台链接 (信访办): the web app's /exec URL to send to the departments. */
export const menuWorkbenchLink = menu('menuWorkbenchLink', showWorkbenchLink);

/** Simple trigger: a person opened the spreadsheet; add the 信访台账 menu (it reads no data, so it checks nobody). */
export function onOpen(): void {
  // A web app has no container: a page calling onOpen by name is refused like every sheet handler.
  if (SpreadsheetApp.getActive() === null)
    throw new Error('此功能只能在「信访台账」表格中使用，不能从部室工作台或其他网页调用。');
  buildMenu();
}

/** Installable on-edit trigger: judge, complete, flag and log what a person typed into 台账. */
export function onLedgerEdit(e: GoogleAppsScript.Events.SheetsOnEdit): void {
  forTrigger('onLedgerEdit', () => {
    if (checkTriggerCaller('onLedgerEdit', e) === 'run') onLedgerEditEvent(e);
  });
}

/** Daily: recompute the derived deadline columns of every open case. */
export function dailyRefresh(e: GoogleAppsScript.Events.TimeDriven): void {
  forTrigger('dailyRefresh', () => {
    if (checkTriggerCaller('dailyRefresh', e) === 'run') refreshLedger();
  });
}

/** Daily at 设置「提醒时刻」: the deadline digests (working days only). */
export function dailyReminders(e: GoogleAppsScript.Events.TimeDriven): void {
  forTrigger('dailyReminders', () => {
    if (checkTriggerCaller('dailyReminders', e) === 'run') runReminders('daily');
  });
}

/** Hourly inside office hours: the day's short nodes (签收, 接收, the 退单 window) chased before they fall due. */
export function hourlyChase(e: GoogleAppsScript.Events.TimeDriven): void {
  forTrigger('hourlyChase', () => {
    if (checkTriggerCaller('hourlyChase', e) === 'run') runReminders('hourly');
  });
}

/** On the 1st, after 08:00: the 月度分析 tab of the month before, its link mailed to the leaders. */
export function buildMonthlyAnalysis(e: GoogleAppsScript.Events.TimeDriven): void {
  forTrigger('buildMonthlyAnalysis', () => {
    if (checkTriggerCaller('buildMonthlyAnalysis', e) === 'run') runScheduledAnalysis();
  });
}

/** 生成月度分析… (信访办 and the leaders): any month's tab, on demand. */
export const menuMonthlyAnalysis = menu('menuMonthlyAnalysis', menuBuildAnalysis);

/** 期限提醒 › 立即发送提醒 (信访办 only): today's digest now, from the clicker's account and quota. */
export const menuSendReminders = menu('menuSendReminders', () => {
  const p = gasPorts();
  sendRemindersNowFromMenu(p, requireRole(p, ['信访办']));
});

export const menuNewCase = menu('menuNewCase', showNewCaseSidebar);
export const menuFind = menu('menuFind', showFindSidebar);
export const menuHistory = menu('menuHistory', showHistory);
export const menuSetup = menu('menuSetup', runSetup);
export const menuTakeOverTriggers = menu('menuTakeOverTriggers', takeOverTriggers);
export const menuRebuildTemplates = menu('menuRebuildTemplates', rebuildTemplates);

/** 生成表单 › 附件n on the selected rows: the slice's time is counted from the click. */
const formMenu = (annex: AnnexNo, name: HandlerName) => (): void => {
  const started = Date.now();
  menu(name, () => startForms(annex, started))();
};
export const menuForm3 = formMenu(3, 'menuForm3');
export const menuForm4 = formMenu(4, 'menuForm4');
export const menuForm5 = formMenu(5, 'menuForm5');
export const menuForm6 = formMenu(6, 'menuForm6');
export const menuForm7 = formMenu(7, 'menuForm7');
export const menuFormsProgress = menu('menuFormsProgress', showFormsProgress);

/** Menu 信访台账 › 帮助 › 使用说明. */
export const showHelp = menu('showHelp', showHelpDialog);

/** 帮助 › 运行自检 (信访办, in a copy of the ledger only): the environment probe and the 自检结果 tab. */
export const menuSelfTest = (): void => {
  const started = Date.now();
  menu('menuSelfTest', () => runSelfTest(requireRole(gasPorts(), ['信访办']), started))();
};

const act = (type: ActionType, name: HandlerName) => menu(name, () => startAction(type));
export const actSign = act('sign', 'actSign');
export const actApproveAssign = act('approveAssign', 'actApproveAssign');
export const actAssign = act('assign', 'actAssign');
export const actReceive = act('receive', 'actReceive');
export const actReturnCase = act('returnCase', 'actReturnCase');
export const actForward = act('forward', 'actForward');
export const actSubmit = act('submit', 'actSubmit');
export const actReceptionOpinion = act('receptionOpinion', 'actReceptionOpinion');
export const actItemReview = act('itemReview', 'actItemReview');
export const actPetitionReview = act('petitionReview', 'actPetitionReview');
export const actRedo = act('redo', 'actRedo');
export const actRequestExtension = act('requestExtension', 'actRequestExtension');
export const actApproveExtension = act('approveExtension', 'actApproveExtension');
export const actRejectExtension = act('rejectExtension', 'actRejectExtension');
export const actLiaisonLetter = act('liaisonLetter', 'actLiaisonLetter');
export const actLetterReply = act('letterReply', 'actLetterReply');
export const actApproveClose = act('approveClose', 'actApproveClose');
export const actReply = act('reply', 'actReply');
export const actCallback = act('callback', 'actCallback');
export const actPlatformRating = act('platformRating', 'actPlatformRating');
export const actAssignVerify = act('assignVerify', 'actAssignVerify');
export const actVerifyAssignSign = act('verifyAssignSign', 'actVerifyAssignSign');
export const actVerifyInstruct = act('verifyInstruct', 'actVerifyInstruct');
export const actVerifyHeadOpinion = act('verifyHeadOpinion', 'actVerifyHeadOpinion');
export const actSubmitVerify = act('submitVerify', 'actSubmitVerify');
export const actIssueVerify = act('issueVerify', 'actIssueVerify');
export const actReplyVerify = act('replyVerify', 'actReplyVerify');
export const actReviewRequest = act('reviewRequest', 'actReviewRequest');
export const actReviewDecide = act('reviewDecide', 'actReviewDecide');
export const actFlagWeekly = act('flagWeekly', 'actFlagWeekly');
export const actFlagSupervision = act('flagSupervision', 'actFlagSupervision');
export const actArchive = act('archive', 'actArchive');
export const actCorrect = act('correct', 'actCorrect');

/** 标记与归档 › 归档往年… (信访办 only): the sidebar that moves past years' archived cases to their yearly archive. */
export const menuArchiveYears = menu('menuArchiveYears', showArchiveSidebar);

/** 归档往年 sidebar → start the run (`start`), or its next slice; the slice's time is counted from the call. */
export function archiveRunSlice(opts: { start?: boolean } | null): ArchiveStatus {
  const started = Date.now();
  return dialog('archiveRunSlice', () => runArchiveSlice(opts, started));
}

/** Action dialog → perform the action on the cases it was opened for. */
export function submitAction(sub: ActionSubmission): { ok: boolean; message: string } {
  return dialog('submitAction', () => submitActionDialog(sub));
}

/** New-case sidebar → register the case. */
export function submitNewCase(form: Record<string, string>): NewCaseResult {
  return dialog('submitNewCase', () => submitNewCaseForm(form));
}

/** New-case sidebar, as the person types: earlier cases with the same ID number or phone. */
export function checkRepeat(form: { idNumber?: string; phone?: string }): string {
  return dialog('checkRepeat', () => checkRepeatHint(form));
}

/** 查找 sidebar → matching cases. */
export function findCases(query: string): FoundCase[] {
  return dialog('findCases', () => findCasesQuery(query));
}

/** 查找 sidebar → select the case's row. */
export function jumpToCase(caseNo: string): boolean {
  return dialog('jumpToCase', () => jumpTo(caseNo));
}

/** 生成表单 sidebar → the next slice of the person's queue (and whether to export PDFs). */
export function formsRunSlice(opts: { pdf?: boolean } | null): FormBatchStatus {
  const started = Date.now();
  return dialog('formsRunSlice', () => runFormsSlice(opts, started));
}

/** 期限提醒 › 钉钉机器人设置… (信访办 only): each group's robot, set, cleared and tested in one dialog. */
export const menuDingTalk = menu('menuDingTalk', showDingTalkDialog);

/** 钉钉机器人设置 dialog → store a group's webhook and 加签 secret (Script Properties only). */
export function saveDingTalkRobot(form: { group?: unknown; url?: unknown; secret?: unknown }): RobotDialogAnswer {
  return dialog('saveDingTalkRobot', () => saveRobotForm(form));
}

/** 钉钉机器人设置 dialog → remove a group's robot. */
export function clearDingTalkRobot(form: { group?: unknown }): RobotDialogAnswer {
  return dialog('clearDingTalkRobot', () => clearRobotForm(form));
}

/** 钉钉机器人设置 dialog → post a test message to a group's robot. */
export function testDingTalkRobot(form: { group?: unknown; text?: unknown }): RobotDialogAnswer {
  return dialog('testDingTalkRobot', () => testRobotForm(form));
}

/** 联系函 picker (附件7) → queue the chosen letters' forms and make the first slice. */
export function formsPickLetters(choices: { caseNo: string; seq: number }[]): FormBatchStatus {
  const started = Date.now();
  return dialog('formsPickLetters', () => pickLetters(choices, started));
}
