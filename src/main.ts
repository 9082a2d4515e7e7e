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
import { forDialog, forMenu, forTrigger } from './gas/errors';

/** Simple trigger: a person opened the spreadsheet; add the 信访台账 menu. */
export function onOpen(): void {
  buildMenu();
}

/** Installable on-edit trigger: judge, complete, flag and log what a person typed into 台账. */
export function onLedgerEdit(e: GoogleAppsScript.Events.SheetsOnEdit): void {
  forTrigger('onLedgerEdit', () => onLedgerEditEvent(e));
}

/** Daily: recompute the derived deadline columns of every open case. */
export function dailyRefresh(): void {
  forTrigger('dailyRefresh', () => refreshLedger());
}

export const menuNewCase = (): void => forMenu(showNewCaseSidebar);
export const menuFind = (): void => forMenu(showFindSidebar);
export const menuHistory = (): void => forMenu(showHistory);
export const menuSetup = (): void => forMenu(runSetup);
export const menuTakeOverTriggers = (): void => forMenu(takeOverTriggers);

/** Menu 信访台账 › 帮助. */
export function showHelp(): void {
  forMenu(showHelpDialog);
}

const act = (type: ActionType) => (): void => forMenu(() => startAction(type));
export const actSign = act('sign');
export const actApproveAssign = act('approveAssign');
export const actAssign = act('assign');
export const actReturnCase = act('returnCase');
export const actForward = act('forward');
export const actSubmit = act('submit');
export const actItemReview = act('itemReview');
export const actPetitionReview = act('petitionReview');
export const actRedo = act('redo');
export const actRequestExtension = act('requestExtension');
export const actApproveExtension = act('approveExtension');
export const actRejectExtension = act('rejectExtension');
export const actLiaisonLetter = act('liaisonLetter');
export const actApproveClose = act('approveClose');
export const actReply = act('reply');
export const actCallback = act('callback');
export const actAssignVerify = act('assignVerify');
export const actSubmitVerify = act('submitVerify');
export const actIssueVerify = act('issueVerify');
export const actReplyVerify = act('replyVerify');
export const actFlagWeekly = act('flagWeekly');
export const actFlagSupervision = act('flagSupervision');
export const actArchive = act('archive');
export const actCorrect = act('correct');

/** Action dialog → perform the action on the cases it was opened for. */
export function submitAction(sub: ActionSubmission): { ok: boolean; message: string } {
  return forDialog(() => submitActionDialog(sub));
}

/** New-case sidebar → register the case. */
export function submitNewCase(form: Record<string, string>): NewCaseResult {
  return forDialog(() => submitNewCaseForm(form));
}

/** New-case sidebar, as the person types: earlier cases with the same ID number or phone. */
export function checkRepeat(form: { idNumber?: string; phone?: string }): string {
  return forDialog(() => checkRepeatHint(form));
}

/** 查找 sidebar → matching cases. */
export function findCases(query: string): FoundCase[] {
  return forDialog(() => findCasesQuery(query));
}

/** 查找 sidebar → select the case's row. */
export function jumpToCase(caseNo: string): boolean {
  return forDialog(() => jumpTo(caseNo));
}
