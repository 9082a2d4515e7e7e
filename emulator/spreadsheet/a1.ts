// A1 and R1C1 notation: column letters, parsing range strings (with optional sheet prefix and open ends),
// and printing them back the way Range.getA1Notation does.

/** A parsed range reference. Rows/columns are 1-based; `undefined` ends are open (to the grid's edge). */
export interface A1Ref {
  sheetName?: string;
  row?: number;
  col?: number;
  endRow?: number;
  endCol?: number;
  /** Which form was written: a cell/box ('A1:B2', 'A1:B'), whole columns ('A:C') or whole rows ('2:5'). */
  kind: 'cells' | 'columns' | 'rows';
}

/** 1 → 'A', 27 → 'AA'. */
export function columnLetters(col: number): string {
  let s = '';
  let n = col;
  while (n > 0) {
    const m = (n - 1) % 26;
    s = String.fromCharCode(65 + m) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

/** 'A' → 1, 'aa' → 27. */
export function columnNumber(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

const CELL = /^\$?([A-Za-z]{1,3})\$?(\d{1,7})$/;
const COL = /^\$?([A-Za-z]{1,3})$/;
const ROW = /^\$?(\d{1,7})$/;
const R1C1 = /^R(\d+)C(\d+)(?::R(\d+)C(\d+))?$/i;

/** Splits `'Sheet name'!A1` / `Sheet!A1` / `A1` into sheet name and range part; null if malformed. */
export function splitSheetPrefix(text: string): { sheetName?: string; range: string } | null {
  const t = text.trim();
  const bang = t.lastIndexOf('!');
  if (bang < 0) return { range: t };
  let name = t.slice(0, bang);
  const range = t.slice(bang + 1);
  if (name.startsWith("'")) {
    if (!name.endsWith("'") || name.length < 2) return null;
    name = name.slice(1, -1).replace(/''/g, "'");
  } else if (/[\s'!:]/.test(name)) {
    return null;
  }
  if (!name) return null;
  return { sheetName: name, range };
}

/** Parses an A1 (or R1C1) reference; null when it is not one. */
export function parseA1(text: string): A1Ref | null {
  const split = splitSheetPrefix(text);
  if (!split) return null;
  const body = split.range;
  const r1c1 = R1C1.exec(body);
  if (r1c1) {
    const [, r, c, r2, c2] = r1c1;
    const ref = order({ kind: 'cells', row: +r, col: +c, endRow: +(r2 ?? r), endCol: +(c2 ?? c) });
    return { ...ref, sheetName: split.sheetName };
  }
  const parts = body.split(':');
  if (parts.length > 2 || !parts[0]) return null;
  const ref = parts.length === 1 ? parseSingle(parts[0]) : parsePair(parts[0], parts[1]);
  if (!ref) return null;
  if (ref.row === 0 || ref.endRow === 0 || ref.col === 0 || ref.endCol === 0) return null;
  return { ...ref, sheetName: split.sheetName };
}

function parseSingle(p: string): A1Ref | null {
  const m = CELL.exec(p);
  if (!m) return null;
  const row = +m[2];
  const col = columnNumber(m[1]);
  return { kind: 'cells', row, col, endRow: row, endCol: col };
}

function parsePair(a: string, b: string): A1Ref | null {
  const ca = CELL.exec(a);
  if (ca) {
    const row = +ca[2];
    const col = columnNumber(ca[1]);
    const cb = CELL.exec(b);
    if (cb) return box(row, col, +cb[2], columnNumber(cb[1]));
    const colB = COL.exec(b);
    if (colB) return box(row, col, undefined, columnNumber(colB[1]));
    return null;
  }
  const colA = COL.exec(a);
  if (colA) {
    const colB = COL.exec(b);
    if (colB) return order({ kind: 'columns', col: columnNumber(colA[1]), endCol: columnNumber(colB[1]) });
    return null;
  }
  const rowA = ROW.exec(a);
  const rowB = ROW.exec(b);
  if (rowA && rowB) return order({ kind: 'rows', row: +rowA[1], endRow: +rowB[1] });
  return null;
}

function box(row: number, col: number, endRow: number | undefined, endCol: number): A1Ref {
  return order({ kind: 'cells', row, col, endRow, endCol });
}

/** `B2:A1` means the same box as `A1:B2` (and `R2C2:R1C1` as `R1C1:R2C2`). */
function order(ref: A1Ref): A1Ref {
  const out = { ...ref };
  if (out.row !== undefined && out.endRow !== undefined && out.endRow < out.row)
    [out.row, out.endRow] = [out.endRow, out.row];
  if (out.col !== undefined && out.endCol !== undefined && out.endCol < out.col)
    [out.col, out.endCol] = [out.endCol, out.col];
  return out;
}

/** The A1 text of a box, as Range.getA1Notation prints it (no sheet name, no `$`). */
export function formatA1(
  row: number,
  col: number,
  numRows: number,
  numCols: number,
  form: A1Ref['kind'] | 'open-rows' = 'cells',
): string {
  const endRow = row + numRows - 1;
  const endCol = col + numCols - 1;
  if (form === 'columns') return `${columnLetters(col)}:${columnLetters(endCol)}`;
  if (form === 'rows') return `${row}:${endRow}`;
  if (form === 'open-rows') return `${columnLetters(col)}${row}:${columnLetters(endCol)}`;
  const first = `${columnLetters(col)}${row}`;
  return numRows === 1 && numCols === 1 ? first : `${first}:${columnLetters(endCol)}${endRow}`;
}

/** A sheet name as it must appear before `!` in A1 notation. */
export function quoteSheetName(name: string): string {
  return /^[A-Za-z_][A-Za-z0-9_]*$/.test(name) ? name : `'${name.replace(/'/g, "''")}'`;
}

const REF = /(^|[^A-Za-z0-9_.$])(\$?)([A-Z]{1,3})(\$?)(\d+)(?![A-Za-z0-9_(])/g;

/** A formula filled `dRows` down and `dCols` right: relative A1 references move, `$` ones stay. */
export function shiftFormula(formula: string, dRows: number, dCols: number): string {
  if (dRows === 0 && dCols === 0) return formula;
  return formula
    .split('"')
    .map((part, i) =>
      i % 2 === 1
        ? part
        : part.replace(REF, (_m, pre: string, dc: string, col: string, dr: string, row: string) => {
            const c = dc ? col : columnLetters(Math.max(1, columnNumber(col) + dCols));
            const r = dr ? row : String(Math.max(1, Number(row) + dRows));
            return `${pre}${dc}${c}${dr}${r}`;
          }),
    )
    .join('"');
}
