// The only entry of the bundle: each export is a handler Apps Script calls by name (see handlers.ts); the build
// writes one top-level forwarding function per export and checks that exports and the table agree.
import type { ActionType } from './core/roles';
import { startAction, submitAction as submitActionDialog, type ActionSubmission } from './gas/actions';
import { showHelpDialog } from './gas/help';
import { buildMenu } from './gas/menu';
import { onLedgerEditEvent, refreshLedger } from './gas/edits';
import { runSetup, takeOverTriggers } from './gas/setup-run';
import { showHistory, showFindSidebar, findCasesQuery, jumpTo, type FoundCase } from './gas/find';
import { showNewCaseSidebar, submitNewCaseForm, checkRepeatHint, type NewCaseResult } from './gas/new-case';
import { checkSheetCaller, checkTriggerCaller } from './gas/caller';
import { forDialog, forMenu, forTrigger } from './gas/errors';
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

/** Simple trigger: a person opened the spreadsheet; add the 信访台账 menu (it reads no data, so it checks nobody). */
export function onOpen(): void {
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

export const menuNewCase = menu('menuNewCase', showNewCaseSidebar);
export const menuFind = menu('menuFind', showFindSidebar);
export const menuHistory = menu('menuHistory', showHistory);
export const menuSetup = menu('menuSetup', runSetup);
export const menuTakeOverTriggers = menu('menuTakeOverTriggers', takeOverTriggers);

/** Menu 信访台账 › 帮助. */
export const showHelp = menu('showHelp', showHelpDialog);

const act = (type: ActionType, name: HandlerName) => menu(name, () => startAction(type));
export const actSign = act('sign', 'actSign');
export const actApproveAssign = act('approveAssign', 'actApproveAssign');
export const actAssign = act('assign', 'actAssign');
export const actReturnCase = act('returnCase', 'actReturnCase');
export const actForward = act('forward', 'actForward');
export const actSubmit = act('submit', 'actSubmit');
export const actItemReview = act('itemReview', 'actItemReview');
export const actPetitionReview = act('petitionReview', 'actPetitionReview');
export const actRedo = act('redo', 'actRedo');
export const actRequestExtension = act('requestExtension', 'actRequestExtension');
export const actApproveExtension = act('approveExtension', 'actApproveExtension');
export const actRejectExtension = act('rejectExtension', 'actRejectExtension');
export const actLiaisonLetter = act('liaisonLetter', 'actLiaisonLetter');
export const actApproveClose = act('approveClose', 'actApproveClose');
export const actReply = act('reply', 'actReply');
export const actCallback = act('callback', 'actCallback');
export const actAssignVerify = act('assignVerify', 'actAssignVerify');
export const actSubmitVerify = act('submitVerify', 'actSubmitVerify');
export const actIssueVerify = act('issueVerify', 'actIssueVerify');
export const actReplyVerify = act('replyVerify', 'actReplyVerify');
export const actFlagWeekly = act('flagWeekly', 'actFlagWeekly');
export const actFlagSupervision = act('flagSupervision', 'actFlagSupervision');
export const actArchive = act('archive', 'actArchive');
export const actCorrect = act('correct', 'actCorrect');

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
