// Where a notice sends a person to act on a case: the case's row in 台账 for the 信访办 and the leaders; nothing yet
// for department people, whose 部室工作台 (a later issue) will have the case page.
import type { Person } from '../core/model';
import { caseLinkTarget } from '../core/notices';
import type { SheetLedger } from './ledger';

/** The link a person is given for a case (null: the mail points to the 部室工作台 instead). */
export type CaseLink = (person: Person, caseNo: string) => string | null;

/**
 * caseLink for this execution: `<spreadsheet url>#gid=<台账 sheetId>&range=A<row>` for those the 台账 is shared with
 * (src/core/notices.ts decides who), the row as the ledger last read or saved it; the sheet without a range for a
 * case it cannot find; null for department people.
 */
export function caseLinkIn(ss: GoogleAppsScript.Spreadsheet.Spreadsheet, ledger: SheetLedger): CaseLink {
  let sheetUrl: string | undefined;
  return function caseLink(person: Person, caseNo: string): string | null {
    if (caseLinkTarget(person) !== 'ledger') return null;
    sheetUrl ??= `${ss.getUrl()}#gid=${ledger.sheet.getSheetId()}`;
    const row = ledger.rowOf(caseNo);
    return row ? `${sheetUrl}&range=A${row}` : sheetUrl;
  };
}
