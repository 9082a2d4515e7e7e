// Row and column groups ("group rows/columns" in Sheets), the model behind Range.shiftRowGroupDepth, the Sheet's group
// methods and the Group class. As in the Sheets API (DimensionGroup, AddDimensionGroupRequest,
// DeleteDimensionGroupRequest: https://developers.google.com/sheets/api/reference/rest/v4/spreadsheets/sheets#dimensiongroup)
// the truth is a depth per row (column); a group of depth d is a maximal run of rows at depth >= d. What a group
// adds is its collapsed state, kept as a list of the collapsed groups and carried through every change of depths or
// of the grid (insert, delete, move) by the rules below. Collapsing hides the group's rows with the same flag
// Sheet.hideRows sets, expanding shows them: the reference says the rows "are hidden or set visible" at that time,
// "though individual rows or columns can be hidden or set visible irrespective of the collapsed state"
// (https://developers.google.com/apps-script/reference/spreadsheet/group), and the Sheets API has no hidden-by-group
// flag, only hiddenByUser and hiddenByFilter; so isRowHiddenByUser is true inside a collapsed group (inferred, not
// measured).
import type { Dim } from './grid';
import type { SheetModel } from './model';

/** "The group depth … can range between zero and eight" (sheet#getRowGroupDepth(Integer)). */
export const MAX_GROUP_DEPTH = 8;

/** One group: 1-based inclusive span along its dimension, its depth and whether it is collapsed. */
export interface GroupSpec {
  start: number;
  end: number;
  depth: number;
  collapsed: boolean;
}

/** A collapsed group, as recorded (its span and depth when it was last normalised). */
interface CollapsedMark {
  start: number;
  end: number;
  depth: number;
}

/** The groups along one dimension of a sheet. */
export class Outline {
  /** Depth per 0-based index; `undefined` is 0. */
  depth: (number | undefined)[] = [];
  collapsed: CollapsedMark[] = [];
  /** Where the control toggle is: after the group (AFTER, assumed to be Sheets' default) or before it. */
  controlAfter = true;

  at(index: number): number {
    return this.depth[index - 1] ?? 0;
  }

  /** Every group, shallowest first, then by position. */
  groups(): GroupSpec[] {
    const out: GroupSpec[] = [];
    const max = this.depth.reduce<number>((m, d) => Math.max(m, d ?? 0), 0);
    for (let d = 1; d <= max; d++) {
      let i = 1;
      while (i <= this.depth.length) {
        if (this.at(i) < d) {
          i++;
          continue;
        }
        let end = i;
        while (end + 1 <= this.depth.length && this.at(end + 1) >= d) end++;
        out.push({ start: i, end, depth: d, collapsed: this._isMarked(i, end, d) });
        i = end + 1;
      }
    }
    return out;
  }

  private _isMarked(start: number, end: number, depth: number): boolean {
    return this.collapsed.some((m) => m.depth === depth && m.start === start && m.end === end);
  }

  /** The group of depth `depth` whose span contains `index` or whose control toggle is at `index`. */
  find(index: number, depth: number): GroupSpec | undefined {
    const at = this.groups().filter((g) => g.depth === depth);
    return at.find((g) => g.start <= index && index <= g.end) ?? at.find((g) => this.controlIndex(g) === index);
  }

  /** "The index just before the range when the control toggle is shown before the group, or … just after." */
  controlIndex(g: { start: number; end: number }): number {
    return this.controlAfter ? g.end + 1 : g.start - 1;
  }

  /**
   * Re-derives the collapsed marks after depths or indices changed. `marks` are the old marks carried to their new
   * indices (a mark may have become several pieces); a group of the same depth that holds any of a mark's indices
   * is collapsed. So a collapsed group that grows (an insert inside it, a range that overlaps it joining it) stays
   * collapsed, and one whose rows all left loses its state (assumed where the reference is silent).
   */
  normalise(marks: { indices: number[]; depth: number }[]): void {
    const groups = this.groups();
    const out: CollapsedMark[] = [];
    for (const g of groups) {
      const hit = marks.some((m) => m.depth === g.depth && m.indices.some((i) => g.start <= i && i <= g.end));
      if (hit) out.push({ start: g.start, end: g.end, depth: g.depth });
    }
    this.collapsed = out;
  }

  /** The marks as index lists, each index passed through `map` (null: the index is gone). */
  carried(map: (index: number) => number | null, depthOf: (m: CollapsedMark) => number = (m) => m.depth) {
    return this.collapsed.map((m) => {
      const indices: number[] = [];
      for (let i = m.start; i <= m.end; i++) {
        const j = map(i);
        if (j !== null) indices.push(j);
      }
      return { indices, depth: depthOf(m) };
    });
  }
}

export function outlineOf(sheet: SheetModel, dim: Dim): Outline {
  return dim === 'rows' ? sheet.rowOutline : sheet.colOutline;
}

function hiddenOf(sheet: SheetModel, dim: Dim): (true | undefined)[] {
  return dim === 'rows' ? sheet.hiddenRows : sheet.hiddenCols;
}

/**
 * Range.shiftRowGroupDepth / shiftColumnGroupDepth: adds `delta` to the depth of every index in start..end, kept
 * within 0..8. Below zero is a no-op (gas-fakes' live test shifts A1:Z100 by -10 without error); above eight is
 * assumed to be one too (the reference gives depths 0..8 and no error). A collapsed group wholly inside the span goes
 * deeper with it (AddDimensionGroupRequest: "[C:D, depth 1] + [B:E] results in groups [B:E, depth 1] and [C:D, depth
 * 2]"); every other group keeps its depth. Hidden rows stay as they are.
 */
export function shiftGroupDepth(sheet: SheetModel, dim: Dim, start: number, end: number, delta: number): void {
  const o = outlineOf(sheet, dim);
  if (delta === 0) return;
  const clamp = (d: number) => Math.max(0, Math.min(MAX_GROUP_DEPTH, d));
  for (let i = start; i <= end; i++) {
    const d = clamp(o.at(i) + delta);
    if (d === 0 && i > o.depth.length) continue;
    o.depth[i - 1] = d === 0 ? undefined : d;
  }
  const inside = (m: CollapsedMark) => m.start >= start && m.end <= end;
  const marks = o.carried(
    (i) => i,
    (m) => (delta > 0 && inside(m) ? clamp(m.depth + delta) : m.depth),
  );
  o.normalise(marks);
}

/** Collapses one group: marks it and hides its indices. */
export function collapseGroup(sheet: SheetModel, dim: Dim, g: GroupSpec): void {
  const o = outlineOf(sheet, dim);
  if (!o.collapsed.some((m) => m.depth === g.depth && m.start === g.start && m.end === g.end))
    o.collapsed.push({ start: g.start, end: g.end, depth: g.depth });
  const hidden = hiddenOf(sheet, dim);
  for (let i = g.start; i <= g.end; i++) hidden[i - 1] = true;
}

/**
 * Expands one group: unmarks it and shows its indices, except those inside a deeper group that is still collapsed
 * ("A collapsed group remains collapsed if an overlapping group at a shallower depth is expanded", DimensionGroup;
 * that its rows stay hidden is assumed, as the Sheets screen shows it).
 */
export function expandGroup(sheet: SheetModel, dim: Dim, g: GroupSpec): void {
  const o = outlineOf(sheet, dim);
  o.collapsed = o.collapsed.filter((m) => !(m.depth === g.depth && m.start === g.start && m.end === g.end));
  const hidden = hiddenOf(sheet, dim);
  const deeper = o.collapsed.filter((m) => m.depth > g.depth);
  for (let i = g.start; i <= g.end; i++) if (!deeper.some((m) => m.start <= i && i <= m.end)) hidden[i - 1] = undefined;
}

/** New indices at..at+n-1: each takes the lower depth of its two neighbours, so an insert inside a group extends it. */
export function insertIntoOutline(sheet: SheetModel, dim: Dim, at: number, n: number): void {
  const o = outlineOf(sheet, dim);
  const d = Math.min(o.at(at - 1), o.at(at));
  const map = (i: number) => (i >= at ? i + n : i);
  const marks = o.carried(map);
  if (at - 1 < o.depth.length) o.depth.splice(at - 1, 0, ...new Array<number | undefined>(n).fill(d || undefined));
  o.normalise(marks);
}

export function deleteFromOutline(sheet: SheetModel, dim: Dim, at: number, n: number): void {
  const o = outlineOf(sheet, dim);
  const marks = o.carried((i) => (i < at ? i : i >= at + n ? i - n : null));
  o.depth.splice(at - 1, n);
  o.normalise(marks);
}

/** Reorders indices lo..lo+order.length-1 (1-based): new index lo+k takes old index order[k]. */
export function permuteOutline(sheet: SheetModel, dim: Dim, lo: number, order: number[]): void {
  const o = outlineOf(sheet, dim);
  const where = new Map<number, number>();
  order.forEach((old, k) => where.set(old, lo + k));
  const marks = o.carried((i) => where.get(i) ?? i);
  permute(o.depth, lo, order);
  o.normalise(marks);
}

/** Reorders a sparse per-index array the same way (1-based lo and order). */
export function permute<T>(a: (T | undefined)[], lo: number, order: number[]): void {
  const taken = order.map((old) => a[old - 1]);
  taken.forEach((v, k) => {
    const i = lo - 1 + k;
    if (v !== undefined || i < a.length) a[i] = v;
  });
}
