// The yearly archive's rules: who may leave 台账 and when, the batches, the archive's cell formats, and the
// comparison that must hold before any row leaves.
import {
  archiveProblem,
  archiveTitle,
  cellFormat,
  deletionRuns,
  isDateFormat,
  lastArchivableYear,
  matchRows,
  queueAfterDeletions,
  queuedCounts,
  queueOf,
  rowAfterDeletions,
  rowKey,
  sameCell,
  takeFromQueue,
  yearCounts,
} from '../../src/core/archive';
import { fromShanghai } from '../../src/core/dates';
import type { Case } from '../../src/core/model';
import type { RecordOf } from '../../src/core/records';

const JAN_2026 = fromShanghai(2026, 1, 6, 9, 30);
const archived = (petitionDate: string, extra: Partial<Case> = {}): Case => ({
  caseNo: '镜访〔2024〕001号',
  state: '已归档',
  petitionDate,
  closedDate: petitionDate,
  ...extra,
});
const review = (extra: Partial<RecordOf<'review'>>): RecordOf<'review'> => ({
  kind: 'review',
  caseNo: '镜访〔2024〕001号',
  seq: 1,
  at: fromShanghai(2025, 3, 1),
  by: '王芳',
  ...extra,
});

describe('which cases may move', () => {
  it('an archived case received two calendar years ago or earlier may move; the last year stays', () => {
    expect(lastArchivableYear(JAN_2026)).toBe(2024);
    expect(archiveProblem(archived('2024-12-31'), JAN_2026)).toBeNull();
    expect(archiveProblem(archived('2019-03-01'), JAN_2026)).toBeNull();
    expect(archiveProblem(archived('2025-01-01'), JAN_2026)).toBe('2025年及以后受理');
  });

  it('the year turns at midnight in Shanghai, whatever the host zone', () => {
    const newYear = fromShanghai(2027, 1, 1, 0, 0); // 2026-12-31T16:00Z
    expect(lastArchivableYear(new Date(newYear.getTime() - 1))).toBe(2024);
    expect(lastArchivableYear(newYear)).toBe(2025);
  });

  it('a case of two years ago not archived stays, whatever its state', () => {
    for (const state of ['办理中', '已回访', '核实办理中', '已核实', '已转送'] as const)
      expect(archiveProblem(archived('2023-05-01', { state }), JAN_2026)).toBe('尚未归档');
  });

  it('a case without 信访日期 stays', () => {
    expect(archiveProblem({ caseNo: 'x', state: '已归档' }, JAN_2026)).toBe('信访日期为空');
  });

  it('a 复查 or 复核 requested and not decided keeps it, from the ledger or from the records', () => {
    expect(
      archiveProblem(archived('2023-05-01', { reviewKind: '复查', reviewRequestDate: '2025-11-01' }), JAN_2026),
    ).toBe('复查复核尚未办结');
    expect(
      archiveProblem(archived('2023-05-01'), JAN_2026, [review({ reviewKind: '复核', requestDate: '2025-12-20' })]),
    ).toBe('复查复核尚未办结');
  });

  it('within 30 days of the written reply, or of a 复查 decided, the petitioner may still ask: the case stays', () => {
    const late = archived('2024-12-30', { closedDate: '2025-12-20' });
    expect(archiveProblem(late, JAN_2026)).toBe('仍在复查复核申请期内（至2026-01-19）');
    expect(archiveProblem(late, fromShanghai(2026, 1, 20, 8))).toBeNull();
    const decided = archived('2023-05-01', {
      reviewKind: '复查',
      reviewRequestDate: '2025-11-20',
      reviewDecidedDate: '2025-12-18',
    });
    expect(archiveProblem(decided, JAN_2026)).toBe('仍在复查复核申请期内（至2026-01-17）');
    // After a 复核 nothing more can be asked (条例 Art. 36).
    const final = { ...decided, reviewKind: '复核' as const };
    expect(archiveProblem(final, JAN_2026)).toBeNull();
    const replied = archived('2023-05-01', { verifyRepliedAt: fromShanghai(2025, 12, 31, 23, 30) });
    expect(archiveProblem(replied, JAN_2026)).toBe('仍在复查复核申请期内（至2026-01-30）');
  });
});

describe('batches', () => {
  const cands = [
    { caseNo: 'c', row: 9, year: 2023 },
    { caseNo: 'a', row: 2, year: 2024 },
    { caseNo: 'b', row: 5, year: 2023 },
    { caseNo: 'd', row: 3, year: 2023 },
  ];
  it('counts each year, oldest first', () => {
    expect(yearCounts(cands)).toEqual([
      { year: 2023, count: 3 },
      { year: 2024, count: 1 },
    ]);
  });
  it('queues the rows by year, oldest first, in ledger order, as runs of consecutive rows', () => {
    const more = [...cands, { caseNo: 'e', row: 4, year: 2023 }, { caseNo: 'f', row: 10, year: 2023 }];
    expect(queueOf(more, 10)).toEqual({
      queue: [
        {
          year: 2023,
          runs: [
            [3, 5],
            [9, 10],
          ],
        },
        { year: 2024, runs: [[2, 2]] },
      ],
      cut: false,
    });
    expect(queuedCounts(queueOf(more, 10).queue)).toEqual([
      { year: 2023, count: 5 },
      { year: 2024, count: 1 },
    ]);
  });
  it('keeps at most so many runs, and says so (the rest waits for the next count)', () => {
    expect(queueOf(cands, 2)).toEqual({
      queue: [
        {
          year: 2023,
          runs: [
            [3, 3],
            [5, 5],
          ],
        },
      ],
      cut: true,
    });
  });
  it('takes the oldest year first, in ledger order, up to the batch size; null when empty', () => {
    const { queue } = queueOf(cands, 10);
    expect(takeFromQueue(queue, 2)).toEqual({ year: 2023, rows: [3, 5] });
    expect(takeFromQueue(queue, 2)).toEqual({ year: 2023, rows: [9] });
    expect(takeFromQueue(queue, 2)).toEqual({ year: 2024, rows: [2] });
    expect(takeFromQueue(queue, 2)).toBeNull();
    const long = queueOf(
      Array.from({ length: 5 }, (_, i) => ({ caseNo: String(i), row: 10 + i, year: 2023 })),
      10,
    ).queue;
    expect(takeFromQueue(long, 3)).toEqual({ year: 2023, rows: [10, 11, 12] });
    expect(long).toEqual([{ year: 2023, runs: [[13, 14]] }]);
  });
  it('moves rows up by the deleted rows above them; a deleted row gives the one taking its place', () => {
    expect([2, 3, 4, 5, 9, 20].map((r) => rowAfterDeletions(r, [3, 4, 8]))).toEqual([2, 3, 3, 3, 6, 17]);
    expect(rowAfterDeletions(7, [])).toBe(7);
  });
  it('moves the queue up with the rows deleted, leaving deleted rows out', () => {
    const queue = [
      {
        year: 2023,
        runs: [
          [10, 12],
          [20, 25],
        ] as [number, number][],
      },
      { year: 2024, runs: [[30, 30]] as [number, number][] },
    ];
    expect(queueAfterDeletions(queue, [2, 3, 12, 22, 30])).toEqual([
      {
        year: 2023,
        runs: [
          [8, 9],
          [17, 21],
        ],
      },
      { year: 2024, runs: [] },
    ]);
  });
  it('names the archive by the year', () => {
    expect(archiveTitle(2024)).toBe('信访台账归档 2024');
  });
});

describe('cells in the archive', () => {
  const D = { date: 'yyyy-mm-dd', dateTime: 'yyyy-mm-dd hh:mm' };
  it('text is plain text before it is written, so ID numbers, phones and leading zeros survive', () => {
    for (const v of ['110105194912310021', '13800000000', '00042', '=1+1', "'x"])
      expect(cellFormat(v, undefined, D)).toBe('@');
    expect(cellFormat('2024-03-01', 'yyyy-mm-dd', D)).toBe('@');
  });
  it('dates keep the column’s date format, else a date or a date-time one', () => {
    expect(cellFormat(fromShanghai(2024, 3, 1), 'yyyy-mm-dd', D)).toBe('yyyy-mm-dd');
    expect(cellFormat(fromShanghai(2024, 3, 1), '@', D)).toBe('yyyy-mm-dd');
    expect(cellFormat(fromShanghai(2024, 3, 1, 9, 30), undefined, D)).toBe('yyyy-mm-dd hh:mm');
  });
  it('numbers keep a number format, never text; blanks take the column’s', () => {
    expect(cellFormat(3, '0', D)).toBe('0');
    expect(cellFormat(3, '@', D)).toBe('General');
    expect(cellFormat(13800000000, 'yyyy-mm-dd', D)).toBe('General');
    expect(cellFormat('', '@', D)).toBe('@');
    expect(cellFormat('', undefined, D)).toBe('General');
    expect(cellFormat(true, '@', D)).toBe('General');
  });
  it('tells date formats from others', () => {
    expect(['yyyy-mm-dd', 'yyyy-mm-dd hh:mm', 'h:mm', 'M/d/yyyy'].map(isDateFormat)).toEqual([true, true, true, true]);
    expect(['@', '0', '0.0', '0.0%', 'General', '"天"0', undefined].map((f) => isDateFormat(f))).toEqual(
      new Array(7).fill(false),
    );
  });
  it('compares values by kind: the same instant, number or text; blank is blank', () => {
    expect(sameCell(fromShanghai(2024, 1, 1), fromShanghai(2024, 1, 1))).toBe(true);
    expect(sameCell(fromShanghai(2024, 1, 1), fromShanghai(2024, 1, 1, 0, 0, 1))).toBe(false);
    expect(sameCell('00042', 42)).toBe(false);
    expect(sameCell('', undefined)).toBe(true);
    expect(sameCell(null, '')).toBe(true);
    expect(sameCell(1, 1)).toBe(true);
    expect(rowKey(['a', fromShanghai(2024, 1, 1), null])).toBe(rowKey(['a', fromShanghai(2024, 1, 1), '']));
  });
});

describe('the archive compared with the ledger', () => {
  const byNo = (cells: readonly unknown[]): string => String(cells[0]);
  it('keyed rows: the same, an older version to overwrite, or missing', () => {
    const source = [
      ['A', '已归档', 1],
      ['B', '已归档', 2],
      ['C', '已归档', 3],
    ];
    const archive = [
      ['B', '已回访', 2],
      ['A', '已归档', 1],
    ];
    expect(matchRows(source, archive, byNo)).toEqual([
      { index: 0, status: 'same', archiveIndex: 1 },
      { index: 1, status: 'differs', archiveIndex: 0, column: 1 },
      { index: 2, status: 'missing' },
    ]);
  });
  it('an archive row wider than its source differs when the extra cells are not blank', () => {
    expect(matchRows([['A', 1]], [['A', 1, '']], byNo)[0]!.status).toBe('same');
    expect(matchRows([['A', 1]], [['A', 1, 'x']], byNo)[0]).toMatchObject({ status: 'differs', column: 2 });
  });
  it('log lines: each needs an identical archive line of its own, so nothing is appended twice or left out', () => {
    const t = fromShanghai(2024, 2, 1, 9);
    const line = [t, 'A', '登记'];
    expect(matchRows([line, line, [t, 'A', '签收']], [[t, 'A', '登记']]).map((m) => m.status)).toEqual([
      'same',
      'missing',
      'missing',
    ]);
  });
});

describe('deleting rows', () => {
  it('deletes bottom-up in runs of consecutive rows', () => {
    expect(deletionRuns([5, 2, 3, 9, 10, 11, 3])).toEqual([
      { start: 9, count: 3 },
      { start: 5, count: 1 },
      { start: 2, count: 2 },
    ]);
    expect(deletionRuns([])).toEqual([]);
  });
});
