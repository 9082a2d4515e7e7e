// The 台账 sheet as the CaseRepo port: rows found by 编号 (never by position), columns by header label, cells
// converted to typed values here only, and each changed row written with one call over the changed span.
import { coerceRow, type RawRow } from '../app/coerce';
import type { CasePatch, CaseRepo } from '../app/ports';
import { fromShanghai } from '../core/dates';
import { CASE_FIELDS, fieldSpec, isCaseState, type Case, type CaseKey } from '../core/model';
import { SHEET } from './layout';
import { LedgerError, readHeader, readRecords, requireColumns, sheetNamed, type Header } from './table';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

const KEY_BY_LABEL = new Map<string, CaseKey>(CASE_FIELDS.map((f) => [f.label, f.key as CaseKey]));

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

export class SheetLedger implements CaseRepo {
  readonly sheet: Sheet;
  readonly header: Header;
  private readonly cache = new Map<number, LoadedRow>();

  constructor(
    ss: GoogleAppsScript.Spreadsheet.Spreadsheet,
    private readonly now: () => Date,
  ) {
    this.sheet = sheetNamed(ss, SHEET.ledger);
    this.header = readHeader(this.sheet);
    requireColumns(SHEET.ledger, this.header, ['编号', '状态']);
  }

  col(label: string): number | undefined {
    return this.header.columns.get(label);
  }

  /** Row numbers by 编号, from one read of the 编号 column. */
  rowsByCaseNo(): Map<string, number> {
    const last = this.sheet.getLastRow();
    const out = new Map<string, number>();
    if (last < 2) return out;
    this.sheet
      .getRange(2, this.col('编号')!, last - 1, 1)
      .getValues()
      .forEach((r, i) => {
        const no = String(r[0]).trim();
        if (no && !out.has(no)) out.set(no, i + 2);
      });
    return out;
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
    const { c } = coerceRow(raw, this.now());
    const state = String(raw.state ?? '').trim();
    const loaded: LoadedRow = { row, raw, cells, c: { ...c, state: isCaseState(state) ? state : '待签收' } as Case };
    this.cache.set(row, loaded);
    return loaded;
  }

  loadByIds(ids: readonly string[]): Case[] {
    const at = this.rowsByCaseNo();
    return this.readRows(ids.map((id) => at.get(id)).filter((r): r is number => r !== undefined)).map((l) => l.c);
  }

  loadAll(): Case[] {
    return this.loadAllRows()
      .filter((l) => String(l.raw.caseNo ?? '').trim())
      .map((l) => l.c);
  }

  /**
   * Every data row read for only the given fields (one read of the block spanning their columns); the rows are
   * not cached for writing. For whole-ledger passes that need a few columns, e.g. the daily refresh.
   */
  loadFields(keys: readonly CaseKey[]): { row: number; raw: RawRow; c: Case }[] {
    const labels = keys.map((k) => fieldSpec(k).label).filter((l) => this.header.columns.has(l));
    const cols = new Map(labels.map((l) => [l, this.header.columns.get(l)!]));
    return readRecords(this.sheet, cols).map(({ row, values }) => {
      const raw: RawRow = {};
      for (const [label, v] of Object.entries(values)) raw[KEY_BY_LABEL.get(label)!] = v;
      const { c } = coerceRow(raw, this.now());
      const state = String(raw.state ?? '').trim();
      return { row, raw, c: { ...c, state: isCaseState(state) ? state : '待签收' } as Case };
    });
  }

  /** Every data row, numbered or not, from one read. */
  loadAllRows(): LoadedRow[] {
    const last = this.sheet.getLastRow();
    if (last < 2) return [];
    const grid = this.sheet.getRange(2, 1, last - 1, this.header.width).getValues();
    return grid.map((cells, i) => this.remember(i + 2, cells));
  }

  saveCases(patches: readonly CasePatch[]): void {
    const at = this.rowsByCaseNo();
    const appends: CasePatch[] = [];
    for (const p of patches) {
      const row = p.ref ? Number(p.ref) : at.get(p.caseNo);
      if (p.create || row === undefined) appends.push(p);
      else this.writeRow(row, p.fields);
    }
    if (appends.length) this.append(appends);
  }

  /** Writes the changed cells of one row with one call over their span (other cells rewritten as loaded). */
  private writeRow(row: number, fields: Partial<Case>): void {
    const cols = this.columnsOf(fields);
    if (cols.length === 0) return;
    const loaded = this.cache.get(row) ?? this.readRows([row])[0]!;
    const first = Math.min(...cols.map(([c]) => c));
    const last = Math.max(...cols.map(([c]) => c));
    const line = loaded.cells.slice(first - 1, last);
    for (const [c, v] of cols) line[c - first] = v;
    this.sheet.getRange(row, first, 1, last - first + 1).setValues([line]);
    cols.forEach(([c, v]) => (loaded.cells[c - 1] = v));
  }

  private columnsOf(fields: Partial<Case>): [number, unknown][] {
    const out: [number, unknown][] = [];
    for (const key of Object.keys(fields) as CaseKey[]) {
      const col = this.col(fieldSpec(key).label);
      if (!col)
        throw new LedgerError(
          'NO_HEADER',
          `「台账」缺少表头「${fieldSpec(key).label}」。请运行「信访台账 › 初始化/修复」。`,
        );
      out.push([col, toCell(key, fields[key])]);
    }
    return out;
  }

  private append(patches: CasePatch[]): void {
    const start = this.sheet.getLastRow() + 1;
    const grid = patches.map((p) => {
      const line: unknown[] = new Array(this.header.width).fill('');
      for (const [c, v] of this.columnsOf(p.fields)) line[c - 1] = v;
      return line;
    });
    const overflow = start + grid.length - 1 - this.sheet.getMaxRows();
    if (overflow > 0) this.sheet.insertRowsAfter(this.sheet.getMaxRows(), overflow);
    this.sheet.getRange(start, 1, grid.length, this.header.width).setValues(grid);
    grid.forEach((cells, i) => this.remember(start + i, cells));
  }
}
