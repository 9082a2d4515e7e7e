// The record sheets (回访记录, 联系函, 签批记录, 复查复核, … one per kind of src/core/records.ts) as the RecordStore port:
// columns found by the kind's labels, a case's records found by a TextFinder search of the 编号 column (server-side:
// never a read of the sheet's columns, which grow with every case the office ever had) from the first row written
// since the case was registered (each sheet's month index, src/gas/month-index.ts), new records appended (a few of a
// month already indexed by appendRow, else in one write per kind below the last row), cells converted to typed values
// here only.
import type { RecordStore } from '../app/ports';
import { fromShanghai, parseDateInput, toShanghaiDate } from '../core/dates';
import {
  RECORD_KIND_IDS,
  recordColumns,
  recordSpec,
  type AnyRecord,
  type NewRecord,
  type RecordFieldSpec,
  type RecordKind,
  type RecordPatch,
} from '../core/records';
import { rowAfterDeletions } from '../core/archive';
import {
  extendIndex,
  floorRow,
  monthIndexed,
  monthOf,
  monthsIndexed,
  parseIndex,
  staleIndex,
  type MonthIndex,
} from './month-index';
import { appendRowFits, LedgerError, rangeToFill, readHeader, requireColumns, sheetNamed } from './table';
import { findInColumn, readRowsAt } from './text-search';
import { deleteProp, getProp, setProp } from './script-props';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

/** One kind's sheet as opened in this execution: its columns, its last row, and the records found so far by case. */
interface Opened {
  kind: RecordKind;
  sheet: Sheet;
  /** Key → 1-based column. */
  cols: Map<string, number>;
  first: number;
  width: number;
  /** The last row with content, once read (lastRow()); appends move it, an appendRow forgets it. */
  last?: number;
  /** By 编号: the rows of the case's records and their 序号, in sheet order (searched once per case). */
  found: Map<string, { row: number; seq: number }[]>;
  /** The sheet's month index, once read (and checked against the row above the first floor used). */
  index?: MonthIndex;
  checked?: boolean;
}

/** Script Properties: a record sheet's month index. */
const indexKey = (kind: RecordKind): string => `RECORD_MONTH_ROWS_${kind}`;

/**
 * Forgets every record sheet's month index (the yearly archive's deletion was cut short): the next search rebuilds it
 * from the sheet's 编号 and 时间 columns.
 */
export function forgetRecordIndexes(): void {
  for (const kind of RECORD_KIND_IDS) deleteProp(indexKey(kind));
}

/**
 * A record value as the sheet holds it: dates as Shanghai midnight, booleans as 是/否. Text goes in as it is: setup
 * formats text columns as plain text ('@'), where Sheets keeps a leading = or ' as typed.
 */
function toCell(spec: RecordFieldSpec, v: unknown): unknown {
  if (v === undefined || v === null) return '';
  if (spec.kind === 'date' && typeof v === 'string') {
    const [y, m, d] = v.split('-').map(Number);
    return fromShanghai(y!, m!, d!);
  }
  if (spec.kind === 'bool') return v ? '是' : '否';
  return v;
}

/** A cell read back as the kind's value; undefined for an empty or unreadable cell. */
function fromCell(spec: RecordFieldSpec, v: unknown): unknown {
  if (v === '' || v === null || v === undefined) return undefined;
  switch (spec.kind) {
    case 'date': {
      if (v instanceof Date) return toShanghaiDate(v);
      const p = parseDateInput(v);
      return p.ok ? p.date : undefined;
    }
    case 'datetime':
      return v instanceof Date ? v : undefined;
    case 'int': {
      const n = Number(v);
      return Number.isInteger(n) ? n : undefined;
    }
    case 'number': {
      const n = Number(v);
      return Number.isFinite(n) ? n : undefined;
    }
    case 'bool':
      return v === true || v === '是' ? true : v === false || v === '否' ? false : undefined;
    case 'enum': {
      const s = String(v).trim();
      return spec.options?.includes(s) ? s : undefined;
    }
    default:
      return String(v).trim() || undefined;
  }
}

/**
 * A record sheet's month index once its rows `deleted` (ascending) were removed (the yearly archive): each row moves up
 * by the deleted rows above it; the marks stay with their records. A sheet that is not a record sheet: nothing.
 */
export function shiftRecordIndex(sheetName: string, deleted: readonly number[]): void {
  const kind = RECORD_KIND_IDS.find((k) => recordSpec(k).sheet === sheetName);
  const index = kind && parseIndex(getProp(indexKey(kind)));
  if (!kind || !index || !deleted.length) return;
  setProp(
    indexKey(kind),
    JSON.stringify(index.map(([m, row, mark]) => [m, rowAfterDeletions(row, deleted), ...(mark ? [mark] : [])])),
  );
}

export class SheetRecords implements RecordStore {
  private readonly opened = new Map<RecordKind, Opened>();
  /** When each case was registered, as the callers of load said: its records are all written since. */
  private readonly since = new Map<string, Date>();
  constructor(private readonly ss: GoogleAppsScript.Spreadsheet.Spreadsheet) {}

  /** Opens a kind's sheet: a missing sheet is NO_SHEET, a missing or doubled header NO_HEADER / DUP_HEADER. */
  private open(kind: RecordKind): Opened {
    const cached = this.opened.get(kind);
    if (cached) return cached;
    const { sheet: name } = recordSpec(kind);
    const sheet = sheetNamed(this.ss, name);
    const columns = recordColumns(kind);
    const labels = columns.map((c) => c.label);
    const byLabel = requireColumns(name, readHeader(sheet), labels);
    const cols = new Map(columns.map((c) => [c.key, byLabel.get(c.label)!]));
    const first = Math.min(...cols.values());
    const width = Math.max(...cols.values()) - first + 1;
    const o: Opened = { kind, sheet, cols, first, width, found: new Map() };
    this.opened.set(kind, o);
    return o;
  }

  /** The sheet's last row with content (one read, then kept and moved by this execution's appends). */
  private lastRow(o: Opened): number {
    return (o.last ??= o.sheet.getLastRow());
  }

  /** The sheet's month index as this execution read it, else as stored (the properties read with the log's). */
  private indexOf(o: Opened): MonthIndex | null {
    return o.index ?? parseIndex(getProp(indexKey(o.kind)));
  }

  /** Opens these kinds' sheets now (their headers), before the caller's writes: a read after them costs a commit. */
  prepare(kinds: readonly RecordKind[]): void {
    for (const kind of kinds) {
      try {
        const o = this.open(kind);
        // A month's first record is written below the last row, which is read now too.
        if (!monthIndexed(this.indexOf(o))) this.lastRow(o);
      } catch {
        // Left for the append to meet.
      }
    }
  }

  /**
   * The rows and 序号 of these cases' records: per case not searched yet, a TextFinder search of the 编号 column
   * (substring, then the 编号 cell compared trimmed: a 编号 typed with a space still counts), then one read of the
   * 编号 and 序号 cells of the rows it found (one call per run of rows).
   */
  private entries(o: Opened, caseNos: readonly string[]): void {
    const a = o.cols.get('caseNo')!;
    const b = o.cols.get('seq')!;
    const lo = Math.min(a, b);
    for (const no of caseNos) {
      if (o.found.has(no)) continue;
      const top = this.searchFrom(o, no);
      const rows =
        this.lastRow(o) < top ? [] : findInColumn(o.sheet, a, { text: no, from: top }).map((r) => r.getRow());
      const cells = readRowsAt(o.sheet, rows, lo, Math.abs(a - b) + 1);
      const hits = rows
        .filter((r) => String(cells.get(r)![a - lo]).trim() === no)
        .map((row) => ({ row, seq: Number(cells.get(row)![b - lo]) || 0 }));
      o.found.set(no, hits);
    }
  }

  /**
   * The first row a case's records can be in: all were written since it was registered, so from the sheet's row for
   * that month on (month-index.ts). The index is read once per execution, and the first row it is used at is checked
   * to still hold the record it marked (its 编号 and 时间): rows deleted, inserted or sorted by hand make the index
   * rebuilt from the 编号 and 时间 columns. Row 2 when the case's registration is not known.
   */
  private searchFrom(o: Opened, caseNo: string): number {
    const since = this.since.get(caseNo);
    if (!since) return 2;
    if (!o.index) {
      // Read even for an empty sheet: the append that follows then starts the index.
      const stored = parseIndex(getProp(indexKey(o.kind)));
      o.index = stored && !staleIndex(stored, this.lastRow(o)) ? stored : this.rebuildIndex(o);
    }
    if (this.lastRow(o) < 2) return 2;
    let floor = floorRow(o.index, monthOf(since));
    if (!o.checked && floor.at !== undefined) {
      o.checked = true;
      if (this.markAt(o, floor.at) !== floor.mark) {
        o.index = this.rebuildIndex(o);
        floor = floorRow(o.index, monthOf(since));
      }
    }
    return floor.row;
  }

  /**
   * 初始化/修复: each record sheet's month index kept when it still fits the sheet (its last indexed row holds the line
   * it marks), else built from the 编号 and 时间 columns now — so no person's action pays for the first build.
   */
  ensureIndexes(): void {
    for (const kind of RECORD_KIND_IDS) {
      const o = this.open(kind);
      const stored = parseIndex(getProp(indexKey(kind)));
      const top = stored?.[stored.length - 1];
      const fits = stored && !staleIndex(stored, this.lastRow(o)) && (!top || this.markAt(o, top[1]) === top[2]);
      o.index = fits && stored ? stored : this.rebuildIndex(o);
      o.checked = true;
    }
  }

  /** What a record line is, for the month index: its 编号 and 时间 (to the second: a cell keeps no more for sure). */
  private static mark(caseNo: unknown, at: unknown): string {
    return `${String(caseNo ?? '').trim()}|${at instanceof Date ? Math.round(at.getTime() / 1000) : String(at ?? '')}`;
  }

  /** The month and mark (编号 and 时间) of `n` lines from `top`, from one read of the 编号…时间 cells. */
  private marks(o: Opened, top: number, n: number): { month: string; mark: string }[] {
    if (n < 1) return [];
    const a = o.cols.get('caseNo')!;
    const t = o.cols.get('at')!;
    const lo = Math.min(a, t);
    return o.sheet
      .getRange(top, lo, n, Math.abs(a - t) + 1)
      .getValues()
      .map((r) => ({
        month: r[t - lo] instanceof Date ? monthOf(r[t - lo] as Date) : '',
        mark: SheetRecords.mark(r[a - lo], r[t - lo]),
      }));
  }

  /** The mark of the line at `row`. */
  private markAt(o: Opened, row: number): string {
    return this.marks(o, row, 1)[0]!.mark;
  }

  /** The sheet's month index from its 编号 and 时间 columns (one read), stored. */
  private rebuildIndex(o: Opened): MonthIndex {
    const lines = this.marks(o, 2, this.lastRow(o) - 1);
    const index = extendIndex(
      [],
      2,
      lines.map((l) => l.month),
      lines.map((l) => l.mark),
    );
    setProp(indexKey(o.kind), JSON.stringify(index));
    return index;
  }

  /**
   * The records of these cases, of the given kinds (every kind when none is given), oldest first within a case and
   * kind: per kind, each case's rows found by entries(), then only those rows read. `since`: when each case was
   * registered, where known — its records are searched from there on (kept for later appends of this execution).
   */
  load(
    caseNos: readonly string[],
    kinds: readonly RecordKind[] = RECORD_KIND_IDS,
    since?: ReadonlyMap<string, Date>,
  ): AnyRecord[] {
    since?.forEach((d, no) => this.since.set(no, d));
    const wanted = [...new Set(caseNos.map((n) => n.trim()).filter(Boolean))];
    const out: AnyRecord[] = [];
    if (wanted.length === 0) return out;
    for (const kind of kinds) {
      const o = this.open(kind);
      this.entries(o, wanted);
      const seqAt = new Map(wanted.flatMap((no) => o.found.get(no)!.map((e) => [e.row, e.seq] as const)));
      const rows = [...seqAt.keys()].sort((x, y) => x - y);
      const lines = readRowsAt(o.sheet, rows, o.first, o.width);
      for (const row of rows) out.push(this.toRecord(kind, o, lines.get(row)!, seqAt.get(row) ?? 0));
    }
    return out.sort((x, y) => (x.kind === y.kind && x.caseNo === y.caseNo ? x.seq - y.seq : 0));
  }

  /**
   * Appends records, per kind: one appendRow each when the sheet's end is not known yet, the batch is small and its
   * months are indexed already (nothing read); else below the last row in one write, moving the month index when a
   * month is written for the first time. A record without 序号 gets the next one of its case and kind (from the sheet
   * and the records appended before it in this execution).
   */
  append(records: readonly NewRecord[]): void {
    const byKind = new Map<RecordKind, NewRecord[]>();
    for (const r of records) byKind.set(r.kind, [...(byKind.get(r.kind) ?? []), r]);
    for (const [kind, list] of byKind) {
      const o = this.open(kind);
      const columns = recordColumns(kind);
      this.entries(
        o,
        list.filter((r) => r.seq === undefined).map((r) => r.caseNo),
      );
      const months = list.map((r) => (r.at instanceof Date ? monthOf(r.at) : ''));
      const marks = list.map((r) => SheetRecords.mark(r.caseNo, r.at));
      const index = this.indexOf(o);
      const quick = o.last === undefined && monthsIndexed(index, months);
      // Each record's place among its case's (its row once known), so the next of the same case takes the next 序号.
      const placed: { row: number; seq: number }[] = [];
      const lines = list.map((r) => {
        const seq = r.seq ?? this.nextSeq(o, r.caseNo);
        const entry = { row: 0, seq };
        placed.push(entry);
        o.found.get(r.caseNo)?.push(entry);
        const line: unknown[] = new Array(o.width).fill('');
        const values = { ...r, seq } as Record<string, unknown>;
        for (const c of columns) line[o.cols.get(c.key)! - o.first] = toCell(c, values[c.key]);
        return line;
      });
      if (quick && appendRowFits(lines)) {
        const lead = new Array(o.first - 1).fill('');
        for (const line of lines) o.sheet.appendRow([...lead, ...line]);
        // Their rows are Sheets' to choose: a later search in this execution finds them.
        for (const r of list) o.found.delete(r.caseNo);
        continue;
      }
      const start = this.lastRow(o) + 1;
      placed.forEach((entry, i) => (entry.row = start + i));
      rangeToFill(o.sheet, start, lines.length, o.width, o.first).setValues(lines);
      o.last = start + lines.length - 1;
      // An index of no month is extended only from an empty sheet: rows above (pasted by hand) would be missed.
      if (!index || (index.length === 0 && start !== 2)) continue;
      const next = extendIndex(index, start, months, marks);
      if (next.length !== index.length) setProp(indexKey(kind), JSON.stringify(next));
      o.index = next;
    }
  }

  /**
   * Changes the given cells of stored records (found by kind, 编号 and 序号), one write per run of adjacent columns;
   * a patch whose record is not found is a LedgerError NOT_FOUND, before anything is written.
   */
  update(patches: readonly RecordPatch[]): void {
    const writes: { o: Opened; row: number; cells: [number, unknown][] }[] = [];
    for (const p of patches) {
      const o = this.open(p.kind);
      this.entries(o, [p.caseNo]);
      const at = o.found.get(p.caseNo)!.find((e) => e.seq === p.seq);
      if (!at)
        throw new LedgerError('NOT_FOUND', `「${recordSpec(p.kind).sheet}」中没有 ${p.caseNo} 的第 ${p.seq} 条记录。`);
      const specs = new Map(recordColumns(p.kind).map((c) => [c.key, c]));
      const cells = Object.entries(p.fields as Record<string, unknown>)
        .filter(([k]) => specs.has(k))
        .map(([k, v]): [number, unknown] => [o.cols.get(k)!, toCell(specs.get(k)!, v)])
        .sort((a, b) => a[0] - b[0]);
      writes.push({ o, row: at.row, cells });
    }
    for (const { o, row, cells } of writes) {
      for (let i = 0; i < cells.length;) {
        let j = i;
        while (j + 1 < cells.length && cells[j + 1]![0] === cells[j]![0] + 1) j++;
        o.sheet.getRange(row, cells[i]![0], 1, j - i + 1).setValues([cells.slice(i, j + 1).map(([, v]) => v)]);
        i = j + 1;
      }
    }
  }

  private nextSeq(o: Opened, caseNo: string): number {
    return (o.found.get(caseNo) ?? []).reduce((max, e) => Math.max(max, e.seq), 0) + 1;
  }

  private toRecord(kind: RecordKind, o: Opened, cells: unknown[], seq: number): AnyRecord {
    const r: Record<string, unknown> = { kind };
    for (const c of recordColumns(kind)) {
      const v = fromCell(c, cells[o.cols.get(c.key)! - o.first]);
      if (v !== undefined) r[c.key] = v;
    }
    r.caseNo = String(r.caseNo ?? '');
    r.seq = (r.seq as number | undefined) ?? seq;
    r.by = String(r.by ?? '');
    return r as unknown as AnyRecord;
  }
}
