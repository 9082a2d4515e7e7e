// Where a notice sends a person to act on a case: the case's row in 台账 for the 信访办 and the leaders; the case's
// page in the 部室工作台 for department people (once its /exec URL is known: the web app records it when first opened).
import type { Person } from '../core/model';
import { caseLinkTarget } from '../core/notices';
import type { SheetLedger } from './ledger';

/** The link a person is given for a case (null: the 部室工作台's URL is not known yet). */
export type CaseLink = (person: Person, caseNo: string) => string | null;

/**
 * caseLink for this execution: `<spreadsheet url>#gid=<台账 sheetId>&range=A<row>` for those the 台账 is shared with
 * (src/core/notices.ts decides who), the row as the ledger last read or saved it; the sheet without a range for a
 * case it cannot find; `<workbench /exec>?case=编号&row=n` for department people, null before the URL is known.
 */
export function caseLinkIn(ss: GoogleAppsScript.Spreadsheet.Spreadsheet, ledger: SheetLedger): CaseLink {
  let sheetUrl: string | undefined;
  let workbench: string | undefined;
  return function caseLink(person: Person, caseNo: string): string | null {
    if (caseLinkTarget(person) !== 'ledger') {
      workbench ??= workbenchUrl();
      if (!workbench) return null;
      const row = ledger.rowOf(caseNo);
      return `${workbench}?case=${encodeURIComponent(caseNo)}${row ? `&row=${row}` : ''}`;
    }
    sheetUrl ??= `${ss.getUrl()}#gid=${ledger.sheet.getSheetId()}`;
    const row = ledger.rowOf(caseNo);
    return row ? `${sheetUrl}&range=A${row}` : sheetUrl;
  };
}

/** Script Properties: the web app's /exec URL, recorded from its first request there (src/gas/workbench.ts). */
export const WORKBENCH_URL_KEY = 'WORKBENCH_URL';

/** The 部室工作台's /exec URL as recorded from its first request there ('' before anyone opened it). */
export function workbenchUrl(): string {
  return PropertiesService.getScriptProperties().getProperty(WORKBENCH_URL_KEY) ?? '';
}
