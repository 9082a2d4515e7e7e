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
