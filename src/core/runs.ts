// Runs of consecutive row numbers: how the adapters turn a set of rows into as few Sheets calls as the cost model
// makes worthwhile (one call per run; a short gap read or written along when cheaper than another call).

/**
 * Sorted row numbers as `[first, last]` runs. A gap of up to `maxGap` missing rows joins two runs, when `bridge`
 * (if given) allows the rows between.
 */
export function runsOf(
  sorted: readonly number[],
  maxGap = 0,
  bridge: (from: number, to: number) => boolean = () => true,
): [number, number][] {
  const runs: [number, number][] = [];
  for (const r of sorted) {
    const last = runs[runs.length - 1];
    if (last && r - last[1] - 1 <= maxGap && bridge(last[1] + 1, r)) last[1] = r;
    else runs.push([r, r]);
  }
  return runs;
}

/**
 * The prices the adapters plan their calls by (../shared/docs/apps-script-costs.md, central figures; the local
 * runtime charges the same, emulator/host/costs.ts): a round trip, a cell returned, a cell written when committed, a
 * cell a TextFinder scans (server-side, a quarter of a read: assumed), and a local call — which a write call is too,
 * since held writes are committed together by the next read or flush (decision 12).
 */
export const ROUND_TRIP_MS = 40;
export const CELL_READ_MS = 0.035;
export const CELL_WRITE_MS = 0.1;
export const CELL_SCAN_MS = CELL_READ_MS / 4;
export const LOCAL_CALL_MS = 1;

/**
 * Sorted rows as runs read with one call each over `width` columns: the rows between two wanted ones are read along
 * when they cost less than another round trip (on 7 columns up to 163 rows, on 16 up to 71).
 */
export function readRuns(sorted: readonly number[], width: number): [number, number][] {
  return runsOf(sorted, Math.floor(ROUND_TRIP_MS / (CELL_READ_MS * Math.max(1, width))));
}
