// Sparse row-major storage for one attribute of a sheet's cells (values, formulas, formats…), sized lazily,
// plus the rectangle arithmetic that keeps named ranges, protections and rules in place when rows move.

/**
 * One cell attribute as rows of arrays; `undefined` is "not set". Indices are 0-based. Rows and row arrays
 * only exist where something was written, so a 1000×26 grid of nothing costs nothing.
 */
export class Layer<T> {
  rows: (T | undefined)[][] = [];

  get(r: number, c: number): T | undefined {
    const row = this.rows[r];
    return row === undefined ? undefined : row[c];
  }

  set(r: number, c: number, v: T | undefined): void {
    let row = this.rows[r];
    if (v === undefined) {
      if (row !== undefined && c < row.length) row[c] = undefined;
      return;
    }
    if (row === undefined) row = this.rows[r] = [];
    row[c] = v;
  }

  /** True when any cell in the box has a value. */
  any(r: number, c: number, nr: number, nc: number): boolean {
    for (let i = r; i < r + nr && i < this.rows.length; i++) {
      const row = this.rows[i];
      if (!row) continue;
      for (let j = c; j < c + nc && j < row.length; j++) if (row[j] !== undefined) return true;
    }
    return false;
  }

  clearRect(r: number, c: number, nr: number, nc: number): void {
    for (let i = r; i < r + nr && i < this.rows.length; i++) {
      const row = this.rows[i];
      if (!row) continue;
      const end = Math.min(c + nc, row.length);
      for (let j = c; j < end; j++) row[j] = undefined;
    }
  }

  insertRows(at: number, n: number): void {
    if (at >= this.rows.length) return;
    const tail = this.rows.splice(at);
    this.rows.length = at + n;
    for (const row of tail) this.rows.push(row);
  }

  deleteRows(at: number, n: number): void {
    this.rows.splice(at, n);
  }

  insertCols(at: number, n: number): void {
    for (const row of this.rows) {
      if (!row || at >= row.length) continue;
      const tail = row.splice(at);
      row.length = at + n;
      for (const v of tail) row.push(v);
    }
  }

  deleteCols(at: number, n: number): void {
    for (const row of this.rows) if (row && at < row.length) row.splice(at, n);
  }

  /** 1-based number of the last row holding anything (0 when none). */
  lastRow(): number {
    for (let i = this.rows.length - 1; i >= 0; i--) {
      const row = this.rows[i];
      if (row && row.some((v) => v !== undefined)) return i + 1;
    }
    return 0;
  }

  /** 1-based number of the last column holding anything (0 when none). */
  lastCol(): number {
    let last = 0;
    for (const row of this.rows) {
      if (!row) continue;
      for (let j = row.length - 1; j >= last; j--) {
        if (row[j] !== undefined) {
          last = j + 1;
          break;
        }
      }
    }
    return last;
  }

  /** Reorders rows r..r+order.length-1 within columns c..c+nc-1: new row i takes old row order[i]. */
  permuteRows(r: number, c: number, nc: number, order: number[]): void {
    const taken = order.map((src) => {
      const row = this.rows[r + src];
      return row ? row.slice(c, c + nc) : [];
    });
    for (let i = 0; i < order.length; i++) {
      for (let j = 0; j < nc; j++) this.set(r + i, c + j, taken[i][j]);
    }
  }

  /** Reorders whole rows lo..lo+order.length-1 (0-based): new row lo+k takes old row order[k]. */
  reorderRows(lo: number, order: number[]): void {
    const taken = order.map((old) => this.rows[old]);
    taken.forEach((row, k) => {
      if (row !== undefined || lo + k < this.rows.length) this.rows[lo + k] = row;
    });
  }

  /** Reorders whole columns the same way, in every row. */
  reorderCols(lo: number, order: number[]): void {
    for (const row of this.rows) {
      if (!row) continue;
      const taken = order.map((old) => row[old]);
      taken.forEach((v, k) => {
        if (v !== undefined || lo + k < row.length) row[lo + k] = v;
      });
    }
  }

  /** The box's values as a dense copy (rows of `undefined` where nothing is set). */
  slice(r: number, c: number, nr: number, nc: number): (T | undefined)[][] {
    const out: (T | undefined)[][] = new Array(nr);
    for (let i = 0; i < nr; i++) {
      const row = this.rows[r + i];
      const line: (T | undefined)[] = new Array(nc);
      for (let j = 0; j < nc; j++) line[j] = row === undefined ? undefined : row[c + j];
      out[i] = line;
    }
    return out;
  }
}

/** A box on a sheet, 1-based. */
export interface Rect {
  row: number;
  col: number;
  numRows: number;
  numCols: number;
}

export type Dim = 'rows' | 'cols';

/** Where a box goes when n rows/columns are inserted before 1-based position `at`. */
export function shiftInsert(rect: Rect, dim: Dim, at: number, n: number): Rect {
  const [start, size] = dim === 'rows' ? [rect.row, rect.numRows] : [rect.col, rect.numCols];
  let s = start;
  let z = size;
  if (at <= start) s += n;
  else if (at <= start + size - 1) z += n;
  return dim === 'rows' ? { ...rect, row: s, numRows: z } : { ...rect, col: s, numCols: z };
}

/** Where a box goes when rows/columns at..at+n-1 are deleted; null when it is deleted entirely. */
export function shiftDelete(rect: Rect, dim: Dim, at: number, n: number): Rect | null {
  const [start, size] = dim === 'rows' ? [rect.row, rect.numRows] : [rect.col, rect.numCols];
  const end = start + size - 1;
  const dEnd = at + n - 1;
  const before = Math.max(0, Math.min(dEnd, start - 1) - at + 1);
  const inside = Math.max(0, Math.min(dEnd, end) - Math.max(at, start) + 1);
  if (size - inside <= 0) return null;
  const s = start - before;
  return dim === 'rows' ? { ...rect, row: s, numRows: size - inside } : { ...rect, col: s, numCols: size - inside };
}

/**
 * Where a box goes when rows/columns start..start+n-1 move to before `dest` (coordinates before the move, dest
 * outside start..start+n). A box inside the moved block moves with it; any other box behaves as if the block were
 * deleted and then inserted at its destination (it loses the moved rows, and grows when they land inside it).
 * Assumed: Sheets' handling of a box that only partly overlaps the block is not documented.
 */
export function shiftMove(rect: Rect, dim: Dim, start: number, n: number, dest: number): Rect {
  const [s, size] = dim === 'rows' ? [rect.row, rect.numRows] : [rect.col, rect.numCols];
  const landing = dest > start ? dest - n : dest;
  if (s >= start && s + size <= start + n) {
    const moved = s + landing - start;
    return dim === 'rows' ? { ...rect, row: moved } : { ...rect, col: moved };
  }
  const gone = shiftDelete(rect, dim, start, n) as Rect;
  return shiftInsert(gone, dim, landing, n);
}

/** True when two boxes share a cell. */
export function intersects(a: Rect, b: Rect): boolean {
  return (
    a.row <= b.row + b.numRows - 1 &&
    b.row <= a.row + a.numRows - 1 &&
    a.col <= b.col + b.numCols - 1 &&
    b.col <= a.col + a.numCols - 1
  );
}

/** True when `inner` lies inside `outer`. */
export function contains(outer: Rect, inner: Rect): boolean {
  return (
    inner.row >= outer.row &&
    inner.col >= outer.col &&
    inner.row + inner.numRows <= outer.row + outer.numRows &&
    inner.col + inner.numCols <= outer.col + outer.numCols
  );
}
