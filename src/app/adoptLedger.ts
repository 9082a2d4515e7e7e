// 初始化/修复 for rows the workflow never recorded (an old sheet, or one from before rows were anchored): each numbered
// row is anchored to its 编号 with its controls recorded as they stand, and a case with no log line at all gets its
// 补录 line, naming who ran the repair. Unnumbered rows wait: the 信访办's next edit of such a row registers it.
// What a row needs is decided from four cells (编号, 状态, the anchor, the record); only the rows that need something
// are read whole, in parts the run can stop between.
import { parseCaseNumber } from '../core/caseNumber';
import { decodeRecord, encodeRecord, sealed } from '../core/controls';
import { fieldLabel, isCaseState, isFilled, type Case, type Person } from '../core/model';
import { derivedCells } from './derived';
import { diffFields } from './effects';
import type { EditIssue } from './handleTypedEdits';
import type { AuditEntry, CasePatch, Ports } from './ports';

/** What a 状态 cell holds: a state, nothing, or text that is no state. */
export type StateCell = 'state' | 'blank' | 'unreadable';

/** The four cells of a row that decide whether the repair must read the rest of it (text trimmed). */
export interface RowScan {
  ref: string;
  caseNo: string;
  anchorNo: string;
  controlRecord: string;
  stateCell: StateCell;
}

/** A ledger row read whole: its handle, the case (a blank 状态 read as 待签收), and what its 状态 cell holds. */
export interface LedgerRow {
  ref: string;
  c: Case;
  stateCell: StateCell;
}

/** Where the repair reads the ledger and the log. */
export interface AdoptSource {
  /** Every row's 编号, 状态, anchor and record, read under the lock. */
  scan(): readonly RowScan[];
  /** The rows to read whole, in parts each read in a few seconds (the run may stop between two). */
  parts(refs: readonly string[]): string[][];
  /** Rows read whole. */
  read(refs: readonly string[]): LedgerRow[];
  /** Which of these 编号 the log names. */
  logged(caseNos: readonly string[]): ReadonlySet<string>;
  /** False once the run should take in no more rows (its time is nearly up). */
  more(): boolean;
}

/** What the repair did, for the message to the person, and the rows to mark. */
export interface AdoptResult {
  anchored: string[];
  backfilled: string[];
  /** Cases whose hidden anchor and record were brought back to their row. */
  realigned: string[];
  issues: EditIssue[];
  /** Rows left to take in when the run stopped for time: 初始化/修复 run again takes them in. */
  left: number;
}

/**
 * True when the repair leaves the row alone: it has neither 编号 nor anchor (it waits to be registered), or it is
 * anchored to the 编号 it shows (or shows none) and its record is that case's (the app wrote it, and logged it).
 */
function rowAtRest(r: RowScan): boolean {
  if (!r.anchorNo) return !r.caseNo;
  if (r.caseNo && r.caseNo !== r.anchorNo) return false;
  return decodeRecord(r.controlRecord)?.caseNo === r.anchorNo;
}

/**
 * Anchors and records the ledger's unrecorded cases under the lock. Each part's 补录 lines are written before its
 * rows are anchored, so a run killed between the two leaves rows a rerun anchors without logging them again.
 */
export function adoptLedger(source: AdoptSource, actor: Person, ports: Ports): AdoptResult {
  return ports.lock.withLock(() => {
    const out: AdoptResult = { anchored: [], backfilled: [], realigned: [], issues: [], left: 0 };
    const rows = realign(source.scan(), out);
    const anchors = new Set(rows.map((r) => r.anchorNo).filter(Boolean));
    const visible = new Map<string, number>();
    for (const r of rows) if (r.caseNo && !r.anchorNo) visible.set(r.caseNo, (visible.get(r.caseNo) ?? 0) + 1);
    const moved: CasePatch[] = [];
    /** Rows whose record is rebuilt from their cells, by the case their anchor names. */
    const recordOf = new Map<string, string>();
    /** Rows taken in as the case their 编号 names. */
    const adopt = new Map<string, string>();
    for (const r of rows) {
      if (r.realigned)
        moved.push({
          caseNo: r.anchorNo,
          ref: r.ref,
          fields: { anchorNo: r.anchorNo, controlRecord: r.controlRecord },
        });
      if (rowAtRest(r)) continue;
      if (r.anchorNo) {
        if (!r.caseNo || r.caseNo === r.anchorNo) recordOf.set(r.ref, r.anchorNo);
        continue; // else flagged by realign
      }
      const problem =
        anchors.has(r.caseNo) || (visible.get(r.caseNo) ?? 0) > 1
          ? 'caseNo'
          : r.stateCell === 'unreadable'
            ? 'state'
            : null;
      if (problem)
        out.issues.push({ ref: r.ref, caseNo: r.caseNo, key: problem, message: adoptProblem(problem, r.caseNo) });
      else adopt.set(r.ref, r.caseNo);
    }
    // Anchored rows were logged by the workflow that anchored them: only the rows taken in now may lack a line.
    const logged = source.logged([...adopt.values()]);
    if (moved.length) ports.repo.saveCases(moved);
    const parts = source.parts([...recordOf.keys(), ...adopt.keys()].sort((a, b) => Number(a) - Number(b)));
    const now = ports.clock.now();
    const rules = ports.settings.rules();
    let people: Person[] | undefined;
    for (let i = 0; i < parts.length; i++) {
      if (!source.more()) {
        out.left = parts.slice(i).reduce((n, part) => n + part.filter((ref) => adopt.has(ref)).length, 0);
        break;
      }
      const patches: CasePatch[] = [];
      const audit: AuditEntry[] = [];
      /** The highest sequence kept per year: the counter moves past it before the rows are saved. */
      const top = new Map<number, number>();
      for (const r of source.read(parts[i]!)) {
        const anchored = recordOf.get(r.ref);
        if (anchored) {
          patches.push({
            caseNo: anchored,
            ref: r.ref,
            fields: { controlRecord: encodeRecord({ ...r.c, caseNo: anchored }) },
          });
          continue;
        }
        const caseNo = adopt.get(r.ref)!;
        const c = sealed({ ...r.c, caseNo });
        const state = r.stateCell === 'blank' ? { state: c.state } : {};
        // Where it stands, so the ledger's lead columns are complete as soon as the old ledger is taken in.
        const derived = derivedCells(c, rules, now, (people ??= ports.directory.listPeople()));
        patches.push({ caseNo, ref: r.ref, fields: { ...diffFields(r.c, c), ...state }, derived });
        out.anchored.push(caseNo);
        const parsed = parseCaseNumber(caseNo, rules.settings.caseNumber);
        if (parsed) top.set(parsed.year, Math.max(top.get(parsed.year) ?? 0, parsed.seq));
        if (logged.has(caseNo)) continue;
        out.backfilled.push(caseNo);
        audit.push({
          at: now,
          actorEmail: actor.email,
          actorName: actor.name,
          caseNo,
          action: '补录',
          toState: r.c.state,
          note: '初始化/修复：台账中已有这件信访件，流转记录中没有它的记录',
        });
      }
      for (const [year, seq] of top) if (seq > ports.counter.highWater(year)) ports.counter.setHighWater(year, seq);
      if (audit.length) ports.audit.append(audit);
      if (patches.length) ports.repo.saveCases(patches);
    }
    return out;
  });
}

/**
 * Rows whose visible 编号 names another anchored case: the hidden columns were left behind by a sort or a paste of
 * only the visible ones. Where the rows out of step hold each other's anchors (a sort permutes them), each anchor
 * and its record go back to the row showing its 编号; a row left without one is flagged and left alone.
 */
function realign(rows: readonly RowScan[], out: AdoptResult): (RowScan & { realigned?: boolean })[] {
  const stray = (r: RowScan): boolean => !!r.anchorNo && !!r.caseNo && r.caseNo !== r.anchorNo;
  const pairs = new Map(
    rows.filter(stray).map((r) => [r.anchorNo, { anchorNo: r.anchorNo, controlRecord: r.controlRecord }]),
  );
  return rows.map((r) => {
    if (!stray(r)) return r;
    const pair = pairs.get(r.caseNo);
    if (!pair) {
      const message = `本行「编号」${r.caseNo} 与本行的系统编号 ${r.anchorNo} 不一致，无法确定本行是哪一件信访件，未作处理。请核对本行的编号。`;
      out.issues.push({ ref: r.ref, caseNo: r.anchorNo, key: 'caseNo', message });
      return r;
    }
    pairs.delete(r.caseNo);
    out.realigned.push(r.caseNo);
    return { ...r, ...pair, realigned: true };
  });
}

function adoptProblem(key: 'caseNo' | 'state', caseNo: string): string {
  if (key === 'caseNo')
    return `编号 ${caseNo} 在台账中出现不止一次，本行未登记为信访件。请核对后改正编号（或清空，由系统分配新编号），再运行「初始化/修复」。`;
  return `「${fieldLabel('state')}」无法识别，${caseNo} 未登记为信访件。请从下拉列表选择状态，再运行「初始化/修复」。`;
}

/** What a 状态 cell holds, as the repair reads it. */
export function stateCellOf(v: unknown): StateCell {
  const s = isFilled(v) ? String(v).trim() : '';
  return !s ? 'blank' : isCaseState(s) ? 'state' : 'unreadable';
}
