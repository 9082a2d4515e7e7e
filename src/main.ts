// The only entry of the bundle: each export is a handler Apps Script calls by name (see handlers.ts); the build
// writes one top-level forwarding function per export and checks that exports and the table agree.
import { buildMenu } from './gas/menu';
import { showHelpDialog } from './gas/help';

/** Simple trigger: a person opened the spreadsheet; add the 信访台账 menu. */
export function onOpen(): void {
  buildMenu();
}

/** Menu 信访台账 › 帮助. */
export function showHelp(): void {
  showHelpDialog();
}
