// The 台账 sheet as the CaseRepo port: rows found by 编号 (never by position), columns by the model's labels (a
// missing, renamed or doubled header fails loudly), cells converted to typed values here only, and only the cells
// that change are written.
import { coerceRow, type RawRow } from '../app/coerce';
import type { CasePatch, CaseRepo } from '../app/ports';
import { REPEAT_FIELDS } from '../core/analysis';
import {
  CELL_READ_MS,
  CELL_SCAN_MS,
  CELL_WRITE_MS,
  LOCAL_CALL_MS,
  readRuns,
  ROUND_TRIP_MS,
  runsOf,
} from '../core/runs';
import { archivedPeers } from './archive-store';
import { addDays, fromShanghai, isLocalDate, toShanghaiDate } from '../core/dates';
import { idNumberPattern, normalizeIdNumber, normalizePhone, phonePattern } from '../core/duplicates';
import { columnFinder, findInColumn, readRowsAt } from './text-search';
import {
  CASE_FIELDS,
  DERIVED_FIELDS,
  fieldSpec,
  isCaseState,
  ledgerLabels,
  type Case,
  type CaseKey,
  type DerivedKey,
} from '../core/model';
import { SHEET } from './layout';
import { rangeToFill, readHeader, readRecords, requireColumns, sheetNamed, type Header } from './table';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

const KEY_BY_LABEL = new Map<string, CaseKey>(CASE_FIELDS.map((f) => [f.label, f.key as CaseKey]));
const DERIVED_LABEL = new Map<string, string>(DERIVED_FIELDS.fields.map((f) => [f.key, f.label]));

/** The ledger label of a case field or a derived column. */
export function ledgerLabel(key: CaseKey | DerivedKey): string {
  return DERIVED_LABEL.get(key) ?? fieldSpec(key as CaseKey).label;
}

/** A ledger row as loaded: its row number, raw cells by key, and the case read from them. */
export interface LoadedRow {
  row: number;
  raw: RawRow;
  cells: unknown[];
  c: Case;
}

/** A cell value for a typed field, as the app writes it (dates as Shanghai midnight, booleans as 是/否). */
export function toCell(key: CaseKey, v: unknown): unknown {
  if (v === undefined || v === null) return '';
  const kind = fieldSpec(key).kind;
  if (kind === 'date' && typeof v === 'string') {
    const [y, m, d] = v.split('-').map(Number);
    return fromShanghai(y!, m!, d!);
  }
  if (kind === 'bool') return v ? '是' : '否';
  return v;
}

/**
 * Two columns are read in one block when the cells between them cost less than a second round trip: about 40 ms a
 * round trip against 35 µs a cell read (decision 12, apps-script-costs.md), so on 100 rows columns up to 11 apart
 * share a read, on 10,000 rows only adjacent ones.
 */
function maxGap(rows: number): number {
  return Math.floor(ROUND_TRIP_MS / (CELL_READ_MS * Math.max(1, rows)));
}

/**
 * Every data row of the given columns, read as one block per group of nearby columns (a far column, such as a
 * sign-off time, would otherwise pull every column between into the read).
 */
function readGroups(sheet: Sheet, columns: Map<string, number>): { row: number; values: Record<string, unknown> }[] {
  const parts = columnGroups(columns, sheet.getLastRow() - 1).map((g) => readRecords(sheet, g));
  return (parts[0] ?? []).map((first, i) => ({
    row: first.row,
    values: Object.assign({}, ...parts.map((p) => p[i]?.values ?? {})) as Record<string, unknown>,
  }));
}

/** The columns split into groups that are cheaper read together than apart, over `rows` rows. */
function columnGroups(columns: Map<string, number>, rows: number): Map<string, number>[] {
  const MAX_GAP = maxGap(rows);
  const groups: Map<string, number>[] = [];
  for (const [label, col] of [...columns].sort((a, b) => a[1] - b[1])) {
    const last = groups[groups.length - 1];
    if (last && col - Math.max(...last.values()) - 1 <= MAX_GAP) last.set(label, col);
    else groups.push(new Map([[label, col]]));
  }
  return groups;
}

/** Searches for a case's row before rowOf reads the anchor column instead (each costs a quarter of that read). */
const ROW_SEARCHES = Math.floor(CELL_READ_MS / CELL_SCAN_MS);

/** A case read from some of its cells (the state defaults to 待签收 when the cell holds none). */
function caseOf(raw: RawRow, now: Date): Case {
  const { c } = coerceRow(raw, now);
  const state = String(raw.state ?? '').trim();
  return { ...c, state: isCaseState(state) ? state : '待签收' } as Case;
}

export class SheetLedger implements CaseRepo {
  readonly sheet: Sheet;
  readonly header: Header;
  private readonly cache = new Map<number, LoadedRow>();
  /** The column of every model label (all present, each once: checked when the ledger is opened). */
  private readonly columns: Map<string, number>;

  /** Opens 台账: a model column missing (or renamed) is NO_HEADER, one doubled is DUP_HEADER; extra columns are fine. */
  constructor(
    ss: GoogleAppsScript.Spreadsheet.Spreadsheet,
    private readonly now: () => Date,
  ) {
    this.sheet = sheetNamed(ss, SHEET.ledger);
    this.header = readHeader(this.sheet);
    this.columns = requireColumns(SHEET.ledger, this.header, ledgerLabels());
  }

  /** The column of a header label (undefined for a label the sheet lacks). */
  col(label: string): number | undefined {
    return this.header.columns.get(label);
  }

  /** The column of a case field or a derived column, by the model's key. */
  colOf(key: CaseKey | DerivedKey): number {
    return this.columns.get(ledgerLabel(key))!;
  }

  /**
   * Row numbers by 编号: a row is the case its hidden anchor names (a sort moves the anchor with the row; a cleared
   * or pasted-over 编号 leaves it), read in one call; the visible 编号 is read only for rows without an anchor.
   */
  rowsByCaseNo(): Map<string, number> {
    const out = this.readAnchors();
    this.rows = new Map(out);
    this.everyRow = true;
    return out;
  }

  /** True once this execution read the anchor column: `rows` then names every case's row. */
  private everyRow = false;
  /** rowOf's searches so far in this execution. */
  private searches = 0;

  private readAnchors(): Map<string, number> {
    const last = this.sheet.getLastRow();
    const out = new Map<string, number>();
    if (last < 2) return out;
    const read = (key: CaseKey): string[] =>
      this.sheet
        .getRange(2, this.colOf(key), last - 1, 1)
        .getValues()
        .map((r) => String(r[0]).trim());
    const anchors = read('anchorNo');
    anchors.forEach((no, i) => no && !out.has(no) && out.set(no, i + 2));
    if (anchors.every(Boolean)) return out;
    read('caseNo').forEach((no, i) => no && !anchors[i] && !out.has(no) && out.set(no, i + 2));
    return out;
  }

  /** Whole rows as this execution last read or wrote them; a row not in hand is read (readRows). */
  rowsInHand(rows: readonly number[]): LoadedRow[] {
    const missing = rows.filter((r) => !this.cache.has(r));
    const read = new Map(this.readRows(missing).map((l) => [l.row, l]));
    return rows.map((r) => read.get(r) ?? this.remember(r, this.cache.get(r)!.cells));
  }

  /** Reads whole rows (one call per contiguous run of row numbers) and converts them. */
  readRows(rows: readonly number[]): LoadedRow[] {
    const sorted = [...new Set(rows)].sort((a, b) => a - b);
    const out: LoadedRow[] = [];
    for (let i = 0; i < sorted.length;) {
      let j = i;
      while (j + 1 < sorted.length && sorted[j + 1] === sorted[j]! + 1) j++;
      const grid = this.sheet.getRange(sorted[i]!, 1, j - i + 1, this.header.width).getValues();
      grid.forEach((cells, k) => out.push(this.remember(sorted[i]! + k, cells)));
      i = j + 1;
    }
    return out;
  }

  private remember(row: number, cells: unknown[]): LoadedRow {
    const raw: RawRow = {};
    for (const [label, col] of this.header.columns) {
      const key = KEY_BY_LABEL.get(label);
      if (key) raw[key] = cells[col - 1];
    }
    const loaded: LoadedRow = { row, raw, cells, c: caseOf(raw, this.now()) };
    this.cache.set(row, loaded);
    return loaded;
  }

  /** The row numbers the last loadByIds found, for the saveCases that follows it under the same lock. */
  private loadedAt: Map<string, number> | null = null;
  /** Every row number by 编号 this execution has read or written (the last read of the anchors, then the saves). */
  private rows: Map<string, number> | null = null;

  /**
   * The row of a case as this execution last read or saved it (a notice links to it); else as rowsByCaseNo would find
   * it — the first row whose anchor is the 编号, else the first without an anchor showing it — by TextFinder on the
   * anchor column (stopping at the first match); an execution that asks for many cases reads the column once instead.
   * Null for a case the ledger does not hold.
   */
  rowOf(caseNo: string): number | null {
    const known = this.rows?.get(caseNo);
    if (known !== undefined) return known;
    if (this.everyRow) return null;
    // A search scans the column at a quarter of a read's price: from the fifth case on (reminders link many), one
    // read of the column answers this one and every later one.
    if (++this.searches > ROW_SEARCHES) return this.rowsByCaseNo().get(caseNo) ?? null;
    const exact = { text: caseNo, whole: true, matchCase: true };
    const anchorCol = this.colOf('anchorNo');
    const anchored = columnFinder(this.sheet, anchorCol, exact)?.findNext();
    if (anchored) return anchored.getRow();
    // A row without an anchor yet (an old sheet not through 初始化/修复) is the case its visible 编号 names.
    for (const cell of findInColumn(this.sheet, this.colOf('caseNo'), exact)) {
      const row = cell.getRow();
      if (!String(this.sheet.getRange(row, anchorCol).getValue()).trim()) return row;
    }
    return null;
  }

  loadByIds(ids: readonly string[], rows?: ReadonlyMap<string, number>): Case[] {
    if (rows && ids.every((id) => rows.has(id))) {
      // A row is the case its anchor (else its 编号) names: a hint that no longer holds falls back to the search.
      const read = this.readRows(ids.map((id) => rows.get(id)!));
      const named = (l: LoadedRow): string => String(l.raw.anchorNo || l.raw.caseNo || '').trim();
      if (read.length === ids.length && read.every((l) => l.row === rows.get(named(l)))) {
        this.loadedAt = new Map(read.map((l) => [named(l), l.row]));
        read.forEach((l) => this.savedAt(named(l), l.row));
        return read.map((l) => l.c);
      }
    }
    const at = (this.loadedAt = this.rowsByCaseNo());
    return this.readRows(ids.map((id) => at.get(id)).filter((r): r is number => r !== undefined)).map((l) => l.c);
  }

  /**
   * The rows read whole (one call per run) and named by their anchors, for the saveCases that follows under the same
   * lock; a row without an anchor is named ''.
   */
  loadAtRows(rows: readonly number[]): { row: number; caseNo: string; c: Case }[] {
    const read = new Map(this.readRows(rows).map((l) => [l.row, l]));
    const at = (this.loadedAt = new Map());
    return rows.map((row) => {
      const l = read.get(row)!;
      const caseNo = String(l.raw.anchorNo ?? '').trim();
      if (caseNo && !at.has(caseNo)) {
        at.set(caseNo, row);
        this.savedAt(caseNo, row);
      }
      return { row, caseNo, c: l.c };
    });
  }

  /**
   * True when a row holds this 编号, visible or as its anchor: two TextFinder searches of one column each (server-side,
   * a quarter of a read's price per cell), never a read of the columns.
   */
  numberTaken(caseNo: string): boolean {
    return (['caseNo', 'anchorNo'] as const).some(
      (k) => findInColumn(this.sheet, this.colOf(k), { text: caseNo, whole: true }).length > 0,
    );
  }

  /**
   * The cases that may share a petitioner with `c`: rows whose 身份证号码 or 联系电话 normalises to its own (however
   * either was typed: spaces, a lower-case x, full-width digits, dashes, a +86 prefix), found by TextFinder patterns
   * made from the normalised values (core/duplicates.ts) and read for the repeat check's fields only.
   */
  repeatPeers(c: Partial<Case>, windowDays: number): Case[] {
    const id = normalizeIdNumber(c.idNumber);
    const phone = normalizePhone(c.phone);
    const rows = new Set<number>();
    for (const [key, pattern] of [
      ['idNumber', id ? idNumberPattern(id) : ''],
      ['phone', phone.length >= 7 ? phonePattern(phone) : ''],
    ] as const) {
      if (!pattern) continue;
      for (const r of findInColumn(this.sheet, this.colOf(key), { text: pattern, pattern: true, matchCase: true }))
        rows.add(r.getRow());
    }
    const here = this.loadFieldsAt(REPEAT_FIELDS, [...rows]).map((x) => x.c);
    // The window may reach into a year the archive already moved out (a case dated late last year, registered now).
    const day = isLocalDate(c.petitionDate) ? c.petitionDate : toShanghaiDate(this.now());
    const from = addDays(day, -windowDays);
    const archived = archivedPeers(from, id, phone.length >= 7 ? phone : '', REPEAT_FIELDS).map((raw) =>
      caseOf(raw as RawRow, this.now()),
    );
    return [...here, ...archived];
  }

  /** Every row that is a case: anchored, or (an unanchored row, e.g. an old sheet) numbered. */
  loadAll(): Case[] {
    return this.loadAllRows()
      .filter((l) => String(l.raw.anchorNo ?? '').trim() || String(l.raw.caseNo ?? '').trim())
      .map((l) => l.c);
  }

  /**
   * Every data row read for only the given fields (one read of the block spanning their columns); the rows are
   * not cached for writing. For whole-ledger passes that need a few columns, e.g. the daily refresh and 查找.
   */
  loadFields(keys: readonly CaseKey[]): { row: number; raw: RawRow; c: Case }[] {
    const cols = new Map(keys.map((k) => [fieldSpec(k).label, this.colOf(k)]));
    return readGroups(this.sheet, cols).map(({ row, values }) => {
      const raw: RawRow = {};
      for (const [label, v] of Object.entries(values)) raw[KEY_BY_LABEL.get(label)!] = v;
      return { row, raw, c: caseOf(raw, this.now()) };
    });
  }

  /**
   * A block of `width` columns from `lo` of the given rows, by row: one read per run of rows (the rows between two
   * wanted ones read too when cheaper than another call; they are kept, for writeBlockAt to put back as read).
   */
  readBlockAt(lo: number, width: number, rows: readonly number[]): Map<number, unknown[]> {
    return readRowsAt(this.sheet, rows, lo, width);
  }

  /**
   * Writes back the rows of a block read by readBlockAt whose values changed: one write per run of changed rows,
   * spanning the unchanged rows between two of them only when rewriting them (as read) costs less than another write
   * call — a held call, about 1 ms, so on a block of several columns only adjacent changed rows share a write.
   */
  writeBlockAt(lo: number, width: number, block: ReadonlyMap<number, unknown[]>, changed: ReadonlySet<number>): void {
    const rows = [...changed].sort((a, b) => a - b);
    // A run spans a gap only where every row between is in the block (its values known) and cheaper than a call.
    const maxGap = Math.floor(LOCAL_CALL_MS / (CELL_WRITE_MS * Math.max(1, width)));
    const known = (from: number, to: number): boolean => {
      for (let x = from; x < to; x++) if (!block.has(x)) return false;
      return true;
    };
    for (const [top, bottom] of runsOf(rows, maxGap, known)) {
      const values = Array.from({ length: bottom - top + 1 }, (_, k) => block.get(top + k)!);
      this.sheet.getRange(top, lo, values.length, width).setValues(values);
    }
  }

  /**
   * The given fields of the given rows only (not cached for writing): per group of nearby columns, one read per run
   * of rows, a run spanning the rows between two wanted ones when they cost less than a second read. For passes that
   * pick their rows first, e.g. the monthly analysis.
   */
  loadFieldsAt(keys: readonly CaseKey[], rows: readonly number[]): { row: number; raw: RawRow; c: Case }[] {
    const sorted = [...new Set(rows)].sort((a, b) => a - b);
    if (sorted.length === 0) return [];
    const raws = new Map<number, RawRow>(sorted.map((r) => [r, {}]));
    const cols = new Map(keys.map((k) => [fieldSpec(k).label, this.colOf(k)]));
    for (const group of columnGroups(cols, sorted.length)) {
      const first = Math.min(...group.values());
      const width = Math.max(...group.values()) - first + 1;
      for (const [top, bottom] of readRuns(sorted, width)) {
        const grid = this.sheet.getRange(top, first, bottom - top + 1, width).getValues();
        for (let r = top; r <= bottom; r++) {
          const raw = raws.get(r);
          if (!raw) continue;
          for (const [label, col] of group) raw[KEY_BY_LABEL.get(label)!] = grid[r - top]![col - first];
        }
      }
    }
    const now = this.now();
    return sorted.map((row) => ({ row, raw: raws.get(row)!, c: caseOf(raws.get(row)!, now) }));
  }

  /** Every data row, numbered or not, from one read. */
  loadAllRows(): LoadedRow[] {
    const last = this.sheet.getLastRow();
    if (last < 2) return [];
    const grid = this.sheet.getRange(2, 1, last - 1, this.header.width).getValues();
    return grid.map((cells, i) => this.remember(i + 2, cells));
  }

  /**
   * Writes the patches: rows found by 编号 as the last loadByIds found them (a use case loads and saves under one
   * lock, so reading the anchors again would only repeat that read), else read afresh.
   */
  saveCases(patches: readonly CasePatch[]): void {
    // Rows are searched only for a patch that names neither its row (a typed edit) nor a new row (registration).
    const placed = patches.every((p) => p.ref || p.create);
    const at = this.loadedAt ?? (placed ? new Map<string, number>() : this.rowsByCaseNo());
    this.loadedAt = null;
    const appends: CasePatch[] = [];
    const written: number[] = [];
    const was = new Map<number, Case | null>();
    // The rows' writes are made after afterSave's reads (the workbench index's search): a read commits the writes
    // held before it, so writing first would cost another round trip.
    const held: (() => void)[] = [];
    for (const p of patches) {
      const row = p.ref ? Number(p.ref) : at.get(p.caseNo);
      if (p.create || row === undefined) appends.push(p);
      else {
        if (!was.has(row))
          was.set(row, this.priorCases.has(row) ? this.priorCases.get(row)! : (this.cache.get(row)?.c ?? null));
        this.writeRow(row, p.fields, p.derived, held);
        this.savedAt(p.caseNo, row);
        written.push(row);
      }
    }
    if (appends.length) written.push(...this.append(appends));
    if (this.afterSave && written.length)
      this.afterSave(this.savedRows(written).map((s) => ({ ...s, was: was.get(s.row) ?? null })));
    for (const write of held) write();
  }

  /**
   * Told of every saved row with its case as now written and, where known, as it was before this execution changed
   * it (`was`; null for a new row or one whose earlier cells are unknown). The workbench index follows the ledger
   * through it.
   */
  afterSave: ((saved: { row: number; c: Case; was: Case | null }[]) => void) | null = null;

  /**
   * The cases some rows held before this execution (null: not known), for the rows whose cells as read are not that:
   * a typed edit reads its rows after the person typed, so it gives the single cell's old value here.
   */
  readonly priorCases = new Map<number, Case | null>();

  /** The case a row's raw cells make (state defaulting to 待签收), as loading would read it. */
  caseFrom(raw: RawRow): Case {
    return caseOf(raw, this.now());
  }

  /** The saved rows' cases from the cells this execution read and wrote; a row never read is read now. */
  private savedRows(rows: readonly number[]): { row: number; c: Case }[] {
    const unread = rows.filter((r) => !this.cache.has(r));
    if (unread.length) this.readRows(unread);
    return [...new Set(rows)].map((row) => ({ row, c: this.remember(row, this.cache.get(row)!.cells).c }));
  }

  /**
   * Writes only the cells of the patch's fields: one setValues per run of adjacent columns, never the cells between
   * them, so whatever a person typed elsewhere in the row at the same moment stays as they typed it.
   */
  private writeRow(
    row: number,
    fields: Partial<Case>,
    derived: Partial<Record<DerivedKey, unknown>> | undefined,
    held: (() => void)[],
  ): void {
    const cols = this.columnsOf(fields, derived).sort((a, b) => a[0] - b[0]);
    for (let i = 0; i < cols.length;) {
      let j = i;
      while (j + 1 < cols.length && cols[j + 1]![0] === cols[j]![0] + 1) j++;
      const run = cols.slice(i, j + 1);
      const write = () => this.sheet.getRange(row, run[0]![0], 1, run.length).setValues([run.map(([, v]) => v)]);
      // A row in hand is written later (its cells as written are known here); another now, so a read sees it.
      if (this.cache.has(row)) held.push(write);
      else write();
      i = j + 1;
    }
    const loaded = this.cache.get(row);
    if (loaded) cols.forEach(([c, v]) => (loaded.cells[c - 1] = v));
  }

  private columnsOf(fields: Partial<Case>, derived: Partial<Record<DerivedKey, unknown>> = {}): [number, unknown][] {
    // The sign-off tally lives in the case's record (系统流程记录), not in a column of its own.
    const own = (Object.keys(fields) as (CaseKey | 'signoffs')[])
      .filter((key): key is CaseKey => key !== 'signoffs')
      .map((key): [number, unknown] => [this.colOf(key), toCell(key, fields[key])]);
    const shown = (Object.keys(derived) as DerivedKey[]).map((key): [number, unknown] => [
      this.colOf(key),
      derived[key] ?? '',
    ]);
    return [...own, ...shown];
  }

  private append(patches: CasePatch[]): number[] {
    const start = this.sheet.getLastRow() + 1;
    const grid = patches.map((p) => {
      const line: unknown[] = new Array(this.header.width).fill('');
      for (const [c, v] of this.columnsOf(p.fields, p.derived)) line[c - 1] = v;
      return line;
    });
    rangeToFill(this.sheet, start, grid.length, this.header.width).setValues(grid);
    grid.forEach((cells, i) => this.remember(start + i, cells));
    patches.forEach((p, i) => this.savedAt(p.caseNo, start + i));
    return grid.map((_, i) => start + i);
  }

  private savedAt(caseNo: string, row: number): void {
    if (caseNo) (this.rows ??= new Map()).set(caseNo, row);
  }
}
