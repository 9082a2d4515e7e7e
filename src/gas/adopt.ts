// 初始化/修复's part for the ledger's rows: anchors the rows the workflow never recorded and gives each case without a
// log line its 补录 line (app/adoptLedger.ts); a duplicate 编号 or an unreadable 状态 is marked on its cell. Every row
// is read for four cells only; a row is read whole only when it needs something, and the log only for the cases
// taken in now.
import { adoptLedger, stateCellOf, type AdoptResult, type AdoptSource, type RowScan } from '../app/adoptLedger';
import type { CasePatch, CaseRepo } from '../app/ports';
import { CASE_FIELDS, fieldSpec, type Case, type CaseKey, type DerivedKey, type Person } from '../core/model';
import { ISSUE_BACKGROUND, NOTE_MARK } from './edits';
import { LOG_HEADERS, SHEET } from './layout';
import { toCell, type SheetLedger } from './ledger';
import type { GasPorts } from './ports';
import { readHeader, requireColumns, sheetNamed } from './table';
import { CELL_READ_MS, CELL_SCAN_MS, CELL_WRITE_MS, ROUND_TRIP_MS } from '../core/runs';

const LOG_CASE_NO = LOG_HEADERS[1];
const CASE_KEYS = CASE_FIELDS.map((f) => f.key as CaseKey);

/** Cells a row taken in writes: its anchor, record, derived columns and a few controls, and its 补录 line. */
const CELLS_WRITTEN_A_ROW = 20;
/** A part of the rows read whole takes about this long, read and written: the run may stop between two. */
const PART_MS = 8_000;

/** A row as the repair's scan read it: the four cells that decide it, and the case they make (状态 defaulted). */
export interface ScannedRow extends RowScan {
  row: number;
  c: Case;
}

/** 编号, 状态, the anchor and the record of every row: one read per run of adjacent columns. */
function scanLedger(ledger: SheetLedger): ScannedRow[] {
  return ledger.loadFields(['caseNo', 'state', 'anchorNo', 'controlRecord']).map(({ row, raw, c }) => ({
    ref: String(row),
    row,
    c,
    caseNo: c.caseNo ?? '',
    anchorNo: c.anchorNo ?? '',
    controlRecord: c.controlRecord ?? '',
    stateCell: stateCellOf(raw.state),
  }));
}

/**
 * Anchors and records the ledger's unrecorded rows as `actor`, marks the rows it could not take, and reports, with the
 * scan of every row it decided from (read under the lock). `more` says whether there is time left to take in more
 * rows; the rest wait for the next run.
 */
export function adoptLedgerRows(
  p: GasPorts,
  actor: Person,
  more: () => boolean,
): { adopted: AdoptResult; scan: ScannedRow[] } {
  let scan: ScannedRow[] = [];
  const source: AdoptSource = {
    scan: () => (scan = scanLedger(p.ledger)),
    parts: (refs) => partsOf(refs.map(Number)).map((part) => part.map(String)),
    read: (refs) =>
      p.ledger.loadFieldsAt(CASE_KEYS, refs.map(Number)).map(({ row, raw, c }) => ({
        ref: String(row),
        c,
        stateCell: stateCellOf(raw.state),
      })),
    logged: (caseNos) => loggedAmong(p.ss, caseNos),
    more,
  };
  const repo: CaseRepo = {
    loadByIds: (ids) => p.ledger.loadByIds(ids),
    loadAll: () => p.ledger.loadAll(),
    numberTaken: (no) => p.ledger.numberTaken(no),
    repeatPeers: (c, days) => p.ledger.repeatPeers(c, days),
    saveCases: (patches) => saveInBlocks(p.ledger, patches),
  };
  const adopted = adoptLedger(source, actor, { ...p, repo });
  for (const i of adopted.issues) {
    const col = p.ledger.col(fieldSpec(i.key ?? 'caseNo').label)!;
    p.ledger.sheet.getRange(Number(i.ref), col).setNote(`${NOTE_MARK}${i.message}`).setBackground(ISSUE_BACKGROUND);
  }
  return { adopted, scan };
}

/**
 * Sorted rows cut into parts of about PART_MS each: a row costs its cells read and written, a run of rows apart from
 * the last (farther than a read spanning the gap is worth) a round trip for each of its two column groups.
 */
function partsOf(rows: readonly number[]): number[][] {
  const width = CASE_KEYS.length;
  const gap = Math.floor(ROUND_TRIP_MS / (CELL_READ_MS * width));
  const perRow = width * CELL_READ_MS + CELLS_WRITTEN_A_ROW * CELL_WRITE_MS;
  const parts: number[][] = [];
  let ms = 0;
  for (const r of rows) {
    const part = parts[parts.length - 1];
    const last = part?.[part.length - 1];
    const cost = last !== undefined && r - last - 1 <= gap ? (r - last) * perRow : 2 * ROUND_TRIP_MS + perRow;
    if (part && ms + cost <= PART_MS) {
      part.push(r);
      ms += cost;
    } else {
      parts.push([r]);
      ms = 2 * ROUND_TRIP_MS + perRow;
    }
  }
  return parts;
}

/**
 * Which of these 编号 the log names: a TextFinder per 编号 on the log's 编号 column, or one read of that column,
 * whichever the cost model says is cheaper for this many (a handful of rows pasted into a long log: the finder).
 */
function loggedAmong(ss: GoogleAppsScript.Spreadsheet.Spreadsheet, caseNos: readonly string[]): Set<string> {
  if (caseNos.length === 0) return new Set();
  const sheet = sheetNamed(ss, SHEET.log);
  const col = requireColumns(SHEET.log, readHeader(sheet), [LOG_CASE_NO]).get(LOG_CASE_NO)!;
  const lines = sheet.getLastRow() - 1;
  if (lines < 1) return new Set();
  const column = sheet.getRange(2, col, lines, 1);
  const findMs = caseNos.length * (ROUND_TRIP_MS + lines * CELL_SCAN_MS);
  if (findMs < ROUND_TRIP_MS + lines * CELL_READ_MS)
    return new Set(caseNos.filter((no) => column.createTextFinder(no).matchEntireCell(true).findNext() !== null));
  const named = new Set(column.getValues().map((r) => String(r[0]).trim()));
  return new Set(caseNos.filter((no) => named.has(no)));
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
