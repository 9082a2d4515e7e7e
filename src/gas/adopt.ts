// 初始化/修复's part for the ledger's rows: anchors the rows the workflow never recorded and gives each case without a
// log line its 补录 line (app/adoptLedger.ts); a duplicate 编号 or an unreadable 状态 is marked on its cell.
import { adoptLedger, type AdoptResult } from '../app/adoptLedger';
import type { CasePatch, CaseRepo } from '../app/ports';
import { fieldSpec, isCaseState, isFilled, type Case, type CaseKey, type DerivedKey, type Person } from '../core/model';
import { ISSUE_BACKGROUND, NOTE_MARK } from './edits';
import { LOG_HEADERS, SHEET } from './layout';
import { toCell, type SheetLedger } from './ledger';
import type { GasPorts } from './ports';
import { readHeader, readRecords, requireColumns, sheetNamed } from './table';

const LOG_CASE_NO = LOG_HEADERS[1];

/** Every 编号 the log names, from one read of its 编号 column (only 初始化/修复 reads the log). */
function loggedCaseNos(ss: GoogleAppsScript.Spreadsheet.Spreadsheet): Set<string> {
  const sheet = sheetNamed(ss, SHEET.log);
  const cols = requireColumns(SHEET.log, readHeader(sheet), [LOG_CASE_NO]);
  return new Set(readRecords(sheet, cols).map((r) => String(r.values[LOG_CASE_NO]).trim()));
}

/** Anchors and records the ledger's unrecorded rows as `actor`, marks the rows it could not take, and reports. */
export function adoptLedgerRows(p: GasPorts, actor: Person): AdoptResult {
  const load = () => ({
    rows: p.ledger.loadAllRows().map((l) => {
      const state = String(l.raw.state ?? '').trim();
      const stateCell = !isFilled(state) ? 'blank' : isCaseState(state) ? 'state' : 'unreadable';
      return { ref: String(l.row), c: l.c, stateCell } as const;
    }),
    logged: loggedCaseNos(p.ss),
  });
  const repo: CaseRepo = {
    loadByIds: (ids) => p.ledger.loadByIds(ids),
    loadAll: () => p.ledger.loadAll(),
    numberTaken: (no) => p.ledger.numberTaken(no),
    repeatPeers: (c, days) => p.ledger.repeatPeers(c, days),
    saveCases: (patches) => saveInBlocks(p.ledger, patches),
  };
  const result = adoptLedger(load, actor, { ...p, repo });
  for (const i of result.issues) {
    const col = p.ledger.col(fieldSpec(i.key ?? 'caseNo').label)!;
    p.ledger.sheet.getRange(Number(i.ref), col).setNote(`${NOTE_MARK}${i.message}`).setBackground(ISSUE_BACKGROUND);
  }
  return result;
}

/**
 * Writes the repair's patches, which set the same few columns (the anchor and the record, sometimes 状态) on long
 * runs of rows: one setValues per block of consecutive rows with the same fields and adjacent columns, so an old
 * sheet of thousands of rows is recorded in a handful of calls instead of several per row.
 */
function saveInBlocks(ledger: SheetLedger, patches: readonly CasePatch[]): void {
  const sorted = [...patches].sort((a, b) => Number(a.ref) - Number(b.ref));
  const keysOf = (p: CasePatch): string => [...Object.keys(p.fields), ...Object.keys(p.derived ?? {})].sort().join(',');
  const valueOf = (p: CasePatch, key: CaseKey | DerivedKey): unknown =>
    key in p.fields
      ? toCell(key as CaseKey, (p.fields as Partial<Case>)[key as CaseKey])
      : (p.derived?.[key as DerivedKey] ?? '');
  for (let i = 0; i < sorted.length;) {
    let j = i;
    while (
      j + 1 < sorted.length &&
      Number(sorted[j + 1]!.ref) === Number(sorted[j]!.ref) + 1 &&
      keysOf(sorted[j + 1]!) === keysOf(sorted[i]!)
    )
      j++;
    const block = sorted.slice(i, j + 1);
    const keys = [...Object.keys(block[0]!.fields), ...Object.keys(block[0]!.derived ?? {})] as (
      CaseKey | DerivedKey
    )[];
    const cols = keys.map((key) => [ledger.colOf(key), key] as const).sort((a, b) => a[0] - b[0]);
    for (let k = 0; k < cols.length;) {
      let m = k;
      while (m + 1 < cols.length && cols[m + 1]![0] === cols[m]![0] + 1) m++;
      const run = cols.slice(k, m + 1);
      const values = block.map((p) => run.map(([, key]) => valueOf(p, key)));
      ledger.sheet.getRange(Number(block[0]!.ref), run[0]![0], block.length, run.length).setValues(values);
      k = m + 1;
    }
    i = j + 1;
  }
}
