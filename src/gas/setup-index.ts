// 初始化/修复's rebuild of the workbench index (工作台索引) from the 编号 and 状态 its scan of the ledger already read:
// only the rows that can be in the index (a 编号, a state not 已转送/已归档) are read, for the index's columns only,
// so a ledger of mostly closed cases costs little. Mirrors rebuildQueue of workbench-index.ts, which reads them all.
import type { Case } from '../core/model';
import type { Rules } from '../core/roles';
import { CLOSED_FOR_WORKBENCH, queueEntry, type QueueEntry } from '../core/workbench';
import type { SheetLedger } from './ledger';
import { rewriteQueue } from './workbench-index';

/**
 * Rewrites the index from `rows` (every ledger row with at least its 编号 and 状态, as they stand): the facts it
 * shows and the derived columns every save and the daily refresh write (当前环节, 环节期限, 期限状态) read for the open
 * rows; an open row whose derived columns were never computed is read whole and computed here. Returns the lines.
 */
export function rebuildQueueFrom(
  ss: GoogleAppsScript.Spreadsheet.Spreadsheet,
  ledger: SheetLedger,
  rows: readonly { row: number; c: Case }[],
  rules: Rules,
  now: Date,
): number {
  const open = rows.filter(({ c }) => !!c.caseNo && !CLOSED_FOR_WORKBENCH.includes(c.state));
  const at = open.map((r) => r.row);
  const facts = new Map(
    ledger
      .loadFieldsAt(['department', 'matterType', 'category', 'petitionerName', 'demand'], at)
      .map((x) => [x.row, x.c]),
  );
  const cols = (['currentNode', 'nodeDue', 'deadlineState'] as const).map((k) => ledger.colOf(k));
  const lo = Math.min(...cols);
  const shown = ledger.readBlockAt(lo, Math.max(...cols) - lo + 1, at);
  const cell = (row: number, k: 0 | 1 | 2): unknown => shown.get(row)?.[cols[k]! - lo];
  const uncomputed = open.filter((r) => String(cell(r.row, 2) ?? '') === '').map((r) => r.row);
  const computed = new Map(ledger.rowsInHand(uncomputed).map((l) => [l.row, queueEntry(l.c, l.row, rules, now)]));
  const entries = open.map(({ row, c }): QueueEntry => {
    const e = computed.get(row);
    if (e) return e;
    const f = facts.get(row);
    const due = cell(row, 1);
    return {
      caseNo: c.caseNo!,
      row,
      department: (f?.department ?? '').trim(),
      state: c.state,
      node: String(cell(row, 0) ?? ''),
      dueAt: due instanceof Date ? due : null,
      deadlineState: String(cell(row, 2) ?? ''),
      matterType: f?.matterType ?? '',
      category: f?.category ?? '',
      petitionerName: f?.petitionerName ?? '',
      demand: (f?.demand ?? '').slice(0, 200),
    };
  });
  // Grouped by department (then ledger order), as every rewrite of the index: a department's queue is one short run.
  entries.sort((a, b) => (a.department < b.department ? -1 : a.department > b.department ? 1 : a.row - b.row));
  rewriteQueue(ss, entries);
  return entries.length;
}
