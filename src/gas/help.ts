// 帮助: a modal dialog explaining the ledger, where people and liaisons are kept, and every setting (from the one
// settings table, so the help cannot drift from what the app reads).
import { cellUseText } from '../core/budget';
import { settingRows } from '../core/settings';
import { cellsUsed } from './cells';
import { PEOPLE_HEADERS, SHEET } from './layout';

export function showHelpDialog(): void {
  const t = HtmlService.createTemplateFromFile('Help');
  t.sheets = SHEET;
  t.peopleColumns = Object.values(PEOPLE_HEADERS)
    .map((l) => `「${l}」`)
    .join('');
  t.settings = settingRows();
  // The help is open to anyone the sheet is shared with; the cell count names no case.
  const ss = SpreadsheetApp.getActive();
  t.cells = ss ? cellUseText(cellsUsed(ss)) : '';
  SpreadsheetApp.getUi().showModalDialog(t.evaluate().setWidth(620).setHeight(560), '信访台账 · 帮助');
}
