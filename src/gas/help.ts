// 帮助: a modal dialog explaining the ledger, where people and liaisons are kept, and every setting (from the one
// settings table, so the help cannot drift from what the app reads).
import { settingRows } from '../core/settings';
import { PEOPLE_HEADERS, SHEET } from './layout';

export function showHelpDialog(): void {
  const t = HtmlService.createTemplateFromFile('Help');
  t.sheets = SHEET;
  t.peopleColumns = Object.values(PEOPLE_HEADERS)
    .map((l) => `「${l}」`)
    .join('');
  t.settings = settingRows();
  SpreadsheetApp.getUi().showModalDialog(t.evaluate().setWidth(620).setHeight(560), '信访台账 · 帮助');
}
