// 初始化/修复 for rows the workflow never recorded (an old sheet, or one from before rows were anchored): each numbered
// row is anchored to its 编号 with its controls recorded as they stand, and a case with no log line at all gets its
// 补录 line, naming who ran the repair. Unnumbered rows wait: the 信访办's next edit of such a row registers it.
import { parseCaseNumber } from '../core/caseNumber';
import { decodeRecord, encodeRecord, sealed } from '../core/controls';
import { fieldLabel, isFilled, type Case, type Person } from '../core/model';
import { derivedCells } from './derived';
import { diffFields } from './effects';
import type { EditIssue } from './handleTypedEdits';
import type { AuditEntry, CasePatch, Ports } from './ports';

/** A ledger row as read: its handle, the case (a blank 状态 read as 待签收), and what its 状态 cell holds. */
export interface LedgerRow {
  ref: string;
  c: Case;
  stateCell: 'state' | 'blank' | 'unreadable';
}

/** What the repair did, for the message to the person, and the rows to mark. */
export interface AdoptResult {
  anchored: string[];
  backfilled: string[];
  /** Cases whose hidden anchor and record were brought back to their row. */
  realigned: string[];
  issues: EditIssue[];
}

const text = (v: unknown): string => (isFilled(v) ? String(v).trim() : '');

/** Anchors and records the ledger's unrecorded cases under the lock; `load` reads the rows and the logged 编号. */
export function adoptLedger(
  load: () => { rows: readonly LedgerRow[]; logged: ReadonlySet<string> },
  actor: Person,
  ports: Ports,
): AdoptResult {
  return ports.lock.withLock(() => {
    const loaded = load();
    const { logged } = loaded;
    const out: AdoptResult = { anchored: [], backfilled: [], realigned: [], issues: [] };
    const rows = realign(loaded.rows, out);
    const now = ports.clock.now();
    const rules = ports.settings.rules();
    const config = rules.settings.caseNumber;
    let people: Person[] | undefined;
    const anchors = new Set(rows.map((r) => text(r.c.anchorNo)).filter(Boolean));
    const visible = new Map<string, number>();
    for (const r of rows) {
      const no = text(r.c.caseNo);
      if (no && !text(r.c.anchorNo)) visible.set(no, (visible.get(no) ?? 0) + 1);
    }
    const patches: CasePatch[] = [];
    const audit: AuditEntry[] = [];
    const seen = new Set(logged);
    /** The highest sequence kept per year: the counter moves past it once, at the end. */
    const top = new Map<number, number>();
    for (const r of rows) {
      let caseNo = text(r.c.anchorNo);
      if (r.realigned)
        patches.push({ caseNo, ref: r.ref, fields: { anchorNo: caseNo, controlRecord: r.c.controlRecord } });
      if (caseNo && text(r.c.caseNo) && text(r.c.caseNo) !== caseNo) continue;
      if (caseNo) {
        // Anchored already: only a record that is missing or not this row's is rebuilt from the row.
        const rec = decodeRecord(r.c.controlRecord);
        if (!rec || rec.caseNo !== caseNo) {
          patches.push({ caseNo, ref: r.ref, fields: { controlRecord: encodeRecord({ ...r.c, caseNo }) } });
        }
      } else {
        caseNo = text(r.c.caseNo);
        if (!caseNo) continue;
        const problem =
          anchors.has(caseNo) || (visible.get(caseNo) ?? 0) > 1
            ? 'caseNo'
            : r.stateCell === 'unreadable'
              ? 'state'
              : null;
        if (problem) {
          out.issues.push({ ref: r.ref, caseNo, key: problem, message: adoptProblem(problem, caseNo) });
          continue;
        }
        const c = sealed({ ...r.c, caseNo });
        const state = r.stateCell === 'blank' ? { state: c.state } : {};
        // Where it stands, so the ledger's lead columns are complete as soon as the old ledger is taken in.
        const derived = derivedCells(c, rules, now, (people ??= ports.directory.listPeople()));
        patches.push({ caseNo, ref: r.ref, fields: { ...diffFields(r.c, c), ...state }, derived });
        anchors.add(caseNo);
        out.anchored.push(caseNo);
        const parts = parseCaseNumber(caseNo, config);
        if (parts) top.set(parts.year, Math.max(top.get(parts.year) ?? 0, parts.seq));
      }
      if (seen.has(caseNo)) continue;
      seen.add(caseNo);
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
    if (patches.length) ports.repo.saveCases(patches);
    if (audit.length) ports.audit.append(audit);
    return out;
  });
}

/**
 * Rows whose visible 编号 names another anchored case: the hidden columns were left behind by a sort or a paste of
 * only the visible ones. Where the rows out of step hold each other's anchors (a sort permutes them), each anchor
 * and its record go back to the row showing its 编号; a row left without one is flagged and left alone.
 */
function realign(rows: readonly LedgerRow[], out: AdoptResult): (LedgerRow & { realigned?: boolean })[] {
  const stray = (r: LedgerRow): boolean =>
    !!text(r.c.anchorNo) && !!text(r.c.caseNo) && text(r.c.caseNo) !== text(r.c.anchorNo);
  const pairs = new Map(
    rows.filter(stray).map((r) => [text(r.c.anchorNo), { anchorNo: r.c.anchorNo, controlRecord: r.c.controlRecord }]),
  );
  return rows.map((r) => {
    if (!stray(r)) return r;
    const pair = pairs.get(text(r.c.caseNo));
    if (!pair) {
      const message = `本行「编号」${text(r.c.caseNo)} 与本行的系统编号 ${text(r.c.anchorNo)} 不一致，无法确定本行是哪一件信访件，未作处理。请核对本行的编号。`;
      out.issues.push({ ref: r.ref, caseNo: text(r.c.anchorNo), key: 'caseNo', message });
      return r;
    }
    pairs.delete(text(r.c.caseNo));
    out.realigned.push(text(r.c.caseNo));
    return { ...r, c: { ...r.c, ...pair }, realigned: true };
  });
}

function adoptProblem(key: 'caseNo' | 'state', caseNo: string): string {
  if (key === 'caseNo')
    return `编号 ${caseNo} 在台账中出现不止一次，本行未登记为信访件。请核对后改正编号（或清空，由系统分配新编号），再运行「初始化/修复」。`;
  return `「${fieldLabel('state')}」无法识别，${caseNo} 未登记为信访件。请从下拉列表选择状态，再运行「初始化/修复」。`;
}
