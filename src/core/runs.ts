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

/** The prices reads are planned by (apps-script-costs.md, central figures): a round trip and a cell returned. */
export const ROUND_TRIP_MS = 40;
export const CELL_READ_MS = 0.035;

/**
 * Sorted rows as runs read with one call each over `width` columns: the rows between two wanted ones are read along
 * when they cost less than another round trip (on 7 columns up to 163 rows, on 16 up to 71).
 */
export function readRuns(sorted: readonly number[], width: number): [number, number][] {
  return runsOf(sorted, Math.floor(ROUND_TRIP_MS / (CELL_READ_MS * Math.max(1, width))));
}
