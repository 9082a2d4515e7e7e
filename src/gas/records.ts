// The record sheets (回访记录, 联系函, 签批记录, 复查复核, … one per kind of src/core/records.ts) as the RecordStore port:
// columns found by the kind's labels, a case's records found from one read of the 编号 and 序号 columns (never a scan
// of the whole sheet), new records appended in one write per kind, cells converted to typed values here only.
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
import { growFor, LedgerError, readHeader, requireColumns, sheetNamed, type Header } from './table';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

/** One kind's sheet as opened in this execution: its columns, and the 编号 and 序号 of every data row (read once). */
interface Opened {
  sheet: Sheet;
  /** Key → 1-based column. */
  cols: Map<string, number>;
  first: number;
  width: number;
  /** Per data row (index 0 = sheet row 2): the case's 编号 and the record's 序号. */
  index: { caseNo: string; seq: number }[];
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

export class SheetRecords implements RecordStore {
  private readonly opened = new Map<RecordKind, Opened>();
  constructor(private readonly ss: GoogleAppsScript.Spreadsheet.Spreadsheet) {}

  /** Opens a kind's sheet: a missing sheet is NO_SHEET, a missing or doubled header NO_HEADER / DUP_HEADER. */
  private open(kind: RecordKind): Opened {
    const cached = this.opened.get(kind);
    if (cached) return cached;
    const { sheet: name } = recordSpec(kind);
    const sheet = sheetNamed(this.ss, name);
    const columns = recordColumns(kind);
    const labels = columns.map((c) => c.label);
    const byLabel = requireColumns(name, this.header(sheet, labels), labels);
    const cols = new Map(columns.map((c) => [c.key, byLabel.get(c.label)!]));
    const first = Math.min(...cols.values());
    const width = Math.max(...cols.values()) - first + 1;
    const o: Opened = { sheet, cols, first, width, index: this.readIndex(sheet, cols) };
    this.opened.set(kind, o);
    return o;
  }

  /**
   * The header row: first only as wide as the kind's columns (the layout setup gives them, saving the width lookup),
   * the whole row when a label is not there (the office moved or added columns).
   */
  private header(sheet: Sheet, labels: readonly string[]): Header {
    const row = sheet
      .getRange(1, 1, 1, labels.length)
      .getValues()[0]!
      .map((v) => String(v).trim());
    if (labels.every((l) => row.filter((x) => x === l).length === 1))
      return { columns: new Map(row.map((l, i) => [l, i + 1])), duplicates: [], width: row.length };
    return readHeader(sheet);
  }

  /** The 编号 and 序号 of every data row: one read of the block spanning those two columns. */
  private readIndex(sheet: Sheet, cols: Map<string, number>): Opened['index'] {
    const last = sheet.getLastRow();
    if (last < 2) return [];
    const a = cols.get('caseNo')!;
    const b = cols.get('seq')!;
    const lo = Math.min(a, b);
    return sheet
      .getRange(2, lo, last - 1, Math.abs(a - b) + 1)
      .getValues()
      .map((r) => ({ caseNo: String(r[a - lo]).trim(), seq: Number(r[b - lo]) || 0 }));
  }

  /**
   * The records of these cases, of the given kinds (every kind when none is given), oldest first within a case and
   * kind. Reads per kind the 编号 and 序号 columns once per execution, then only the rows that belong to the cases.
   */
  load(caseNos: readonly string[], kinds: readonly RecordKind[] = RECORD_KIND_IDS): AnyRecord[] {
    const wanted = new Set(caseNos.map((n) => n.trim()).filter(Boolean));
    const out: AnyRecord[] = [];
    if (wanted.size === 0) return out;
    for (const kind of kinds) {
      const o = this.open(kind);
      const rows = o.index.flatMap((e, i) => (wanted.has(e.caseNo) ? [i + 2] : []));
      for (const [row, cells] of this.readRows(o, rows)) out.push(this.toRecord(kind, o, cells, row));
    }
    return out.sort((x, y) => (x.kind === y.kind && x.caseNo === y.caseNo ? x.seq - y.seq : 0));
  }

  /**
   * Appends records in one write per kind. A record without 序号 gets the next one of its case and kind (from the
   * sheet and the records appended before it in this execution).
   */
  append(records: readonly NewRecord[]): void {
    const byKind = new Map<RecordKind, NewRecord[]>();
    for (const r of records) byKind.set(r.kind, [...(byKind.get(r.kind) ?? []), r]);
    for (const [kind, list] of byKind) {
      const o = this.open(kind);
      const columns = recordColumns(kind);
      const grid = list.map((r) => {
        const seq = r.seq ?? this.nextSeq(o, r.caseNo);
        o.index.push({ caseNo: r.caseNo, seq });
        const line: unknown[] = new Array(o.width).fill('');
        const values = { ...r, seq } as Record<string, unknown>;
        for (const c of columns) line[o.cols.get(c.key)! - o.first] = toCell(c, values[c.key]);
        return line;
      });
      const start = o.index.length - grid.length + 2;
      growFor(o.sheet, start + grid.length - 1);
      o.sheet.getRange(start, o.first, grid.length, o.width).setValues(grid);
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
      const i = o.index.findIndex((e) => e.caseNo === p.caseNo && e.seq === p.seq);
      if (i < 0)
        throw new LedgerError('NOT_FOUND', `「${recordSpec(p.kind).sheet}」中没有 ${p.caseNo} 的第 ${p.seq} 条记录。`);
      const specs = new Map(recordColumns(p.kind).map((c) => [c.key, c]));
      const cells = Object.entries(p.fields as Record<string, unknown>)
        .filter(([k]) => specs.has(k))
        .map(([k, v]): [number, unknown] => [o.cols.get(k)!, toCell(specs.get(k)!, v)])
        .sort((a, b) => a[0] - b[0]);
      writes.push({ o, row: i + 2, cells });
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
    return o.index.reduce((max, e) => (e.caseNo === caseNo ? Math.max(max, e.seq) : max), 0) + 1;
  }

  /** Reads the given sheet rows, one call per contiguous run, the kind's columns only. */
  private readRows(o: Opened, rows: number[]): [number, unknown[]][] {
    const out: [number, unknown[]][] = [];
    for (let i = 0; i < rows.length;) {
      let j = i;
      while (j + 1 < rows.length && rows[j + 1] === rows[j]! + 1) j++;
      const grid = o.sheet.getRange(rows[i]!, o.first, j - i + 1, o.width).getValues();
      grid.forEach((cells, k) => out.push([rows[i]! + k, cells]));
      i = j + 1;
    }
    return out;
  }

  private toRecord(kind: RecordKind, o: Opened, cells: unknown[], row: number): AnyRecord {
    const r: Record<string, unknown> = { kind };
    for (const c of recordColumns(kind)) {
      const v = fromCell(c, cells[o.cols.get(c.key)! - o.first]);
      if (v !== undefined) r[c.key] = v;
    }
    r.caseNo = String(r.caseNo ?? '');
    r.seq = (r.seq as number | undefined) ?? o.index[row - 2]?.seq ?? 0;
    r.by = String(r.by ?? '');
    return r as unknown as AnyRecord;
  }
}
