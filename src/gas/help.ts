// 帮助: a short modal dialog explaining the ledger to the person who asked.
export function showHelpDialog(): void {
  const html = HtmlService.createHtmlOutputFromFile('Help').setWidth(520).setHeight(420);
  SpreadsheetApp.getUi().showModalDialog(html, '信访台账 · 帮助');
}
