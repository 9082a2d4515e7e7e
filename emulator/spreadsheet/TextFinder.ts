// TextFinder (https://developers.google.com/apps-script/reference/spreadsheet/text-finder): finds text in a
// range, a sheet or every sheet of a spreadsheet (createTextFinder), row by row, in cells' display text (or
// formula text with matchFormulaText); case-insensitive and partial by default. Each search records the cells
// it scanned in `_scanned`, which the kernel prices server-side (emulator/host/costs.ts). NOT emulated:
// replaceAllWith and replaceWith ("not implemented").
import { GasObject } from '../host/kernel';
import type { SheetsContext } from './context';
import { displayValue } from './formats';
import type { Rect } from './grid';
import type { SheetModel } from './model';

type GasRange = GoogleAppsScript.Spreadsheet.Range;
type GasTextFinder = GoogleAppsScript.Spreadsheet.TextFinder;

/** One block searched: a range, a whole sheet, or each sheet of a spreadsheet in tab order. */
export interface SearchArea {
  sheet: SheetModel;
  rect: Rect;
}

/** A cell position in the search order: the area, then the sheet's 1-based row and column. */
interface Position {
  area: number;
  row: number;
  col: number;
}

/** The searched part of an area: cells past the sheet's last row or column are empty and never scanned. */
interface Clipped {
  r0: number;
  c0: number;
  nr: number;
  nc: number;
}

function clip(a: SearchArea): Clipped {
  const lastRow = Math.min(a.rect.row + a.rect.numRows - 1, a.sheet.lastRow());
  const lastCol = Math.min(a.rect.col + a.rect.numCols - 1, a.sheet.lastCol());
  return {
    r0: a.rect.row,
    c0: a.rect.col,
    nr: Math.max(0, lastRow - a.rect.row + 1),
    nc: Math.max(0, lastCol - a.rect.col + 1),
  };
}

/** Index (row-major, in the clipped block) of the first cell strictly after (row, col). */
function indexAfter(k: Clipped, row: number, col: number): number {
  if (row < k.r0) return 0;
  if (row > k.r0 + k.nr - 1) return k.nr * k.nc;
  const i = row - k.r0;
  if (col < k.c0) return i * k.nc;
  if (col > k.c0 + k.nc - 1) return (i + 1) * k.nc;
  return i * k.nc + (col - k.c0) + 1;
}

/** Index of the last cell strictly before (row, col); -1 when none. */
function indexBefore(k: Clipped, row: number, col: number): number {
  if (row > k.r0 + k.nr - 1) return k.nr * k.nc - 1;
  if (row < k.r0) return -1;
  const i = row - k.r0;
  if (col > k.c0 + k.nc - 1) return i * k.nc + k.nc - 1;
  if (col <= k.c0) return i * k.nc - 1;
  return i * k.nc + (col - k.c0) - 1;
}

/** Apps Script's TextFinder over host areas. */
export class TextFinderHost extends GasObject implements Partial<GasTextFinder> {
  readonly gasService = 'SpreadsheetApp';
  readonly gasClass = 'TextFinder';
  /** Cells the last search scanned (host-only: the kernel prices them after each find call). */
  _scanned = 0;
  private _matchCase = false;
  private _entireCell = false;
  private _formulaText = false;
  private _regex = false;
  private _noDiacritics = false;
  /** Where the next findNext / findPrevious starts from: the current match, or the startFrom range's end. */
  private _cursor: Position | null = null;
  private _current: Position | null = null;

  constructor(
    private readonly _ctx: SheetsContext,
    private readonly _areas: SearchArea[],
    private readonly _text: string,
  ) {
    super();
  }

  private _flag(method: string, v: unknown): GasTextFinder {
    if (typeof v !== 'boolean') throw this._ctx.paramsError(`TextFinder.${method}`, [v]);
    return this as never;
  }

  matchCase(matchCase: boolean): GasTextFinder {
    this._flag('matchCase', matchCase);
    this._matchCase = matchCase;
    return this as never;
  }
  matchEntireCell(matchEntireCell: boolean): GasTextFinder {
    this._flag('matchEntireCell', matchEntireCell);
    this._entireCell = matchEntireCell;
    return this as never;
  }
  matchFormulaText(matchFormulaText: boolean): GasTextFinder {
    this._flag('matchFormulaText', matchFormulaText);
    this._formulaText = matchFormulaText;
    return this as never;
  }
  useRegularExpression(useRegEx: boolean): GasTextFinder {
    this._flag('useRegularExpression', useRegEx);
    this._regex = useRegEx;
    return this as never;
  }
  ignoreDiacritics(ignoreDiacritics: boolean): GasTextFinder {
    this._flag('ignoreDiacritics', ignoreDiacritics);
    this._noDiacritics = ignoreDiacritics;
    return this as never;
  }

  /** The search continues right after the range (its last cell in row-by-row order); the current match is cleared. */
  startFrom(startRange: GasRange): GasTextFinder {
    const h = startRange as unknown as { _sheet?: SheetModel; _rect?: Rect };
    const area = this._areas.findIndex(
      (a) =>
        h._rect &&
        a.sheet === h._sheet &&
        h._rect.row >= a.rect.row &&
        h._rect.col >= a.rect.col &&
        h._rect.row + h._rect.numRows <= a.rect.row + a.rect.numRows &&
        h._rect.col + h._rect.numCols <= a.rect.col + a.rect.numCols,
    );
    if (!h._rect || area < 0) throw this._ctx.paramsError('TextFinder.startFrom', [startRange]);
    this._cursor = { area, row: h._rect.row + h._rect.numRows - 1, col: h._rect.col + h._rect.numCols - 1 };
    this._current = null;
    return this as never;
  }

  getCurrentMatch(): GasRange | null {
    return this._current ? this._range(this._current) : null;
  }

  findAll(): GasRange[] {
    const test = this._matcher();
    const out: GasRange[] = [];
    this._scanned = 0;
    this._areas.forEach((a, area) => {
      const k = clip(a);
      for (let i = 0; i < k.nr * k.nc; i++) {
        const p = this._at(area, k, i);
        this._scanned += 1;
        if (this._matches(a.sheet, p, test)) out.push(this._range(p));
      }
    });
    return out;
  }

  findNext(): GasRange | null {
    const test = this._matcher();
    this._scanned = 0;
    const from = this._cursor;
    for (let area = from ? from.area : 0; area < this._areas.length; area++) {
      const a = this._areas[area];
      const k = clip(a);
      const start = from && from.area === area ? indexAfter(k, from.row, from.col) : 0;
      for (let i = start; i < k.nr * k.nc; i++) {
        const p = this._at(area, k, i);
        this._scanned += 1;
        if (this._matches(a.sheet, p, test)) return this._found(p);
      }
    }
    return null;
  }

  /** Searches backwards from the current match (from the end when nothing was found yet). */
  findPrevious(): GasRange | null {
    const test = this._matcher();
    this._scanned = 0;
    const from = this._cursor;
    for (let area = from ? from.area : this._areas.length - 1; area >= 0; area--) {
      const a = this._areas[area];
      const k = clip(a);
      const start = from && from.area === area ? indexBefore(k, from.row, from.col) : k.nr * k.nc - 1;
      for (let i = start; i >= 0; i--) {
        const p = this._at(area, k, i);
        this._scanned += 1;
        if (this._matches(a.sheet, p, test)) return this._found(p);
      }
    }
    return null;
  }

  private _found(p: Position): GasRange {
    this._cursor = p;
    this._current = p;
    return this._range(p);
  }

  private _at(area: number, k: Clipped, i: number): Position {
    return { area, row: k.r0 + Math.floor(i / k.nc), col: k.c0 + (i % k.nc) };
  }

  private _range(p: Position): GasRange {
    return this._ctx.make.range(this._areas[p.area].sheet, { row: p.row, col: p.col, numRows: 1, numCols: 1 }) as never;
  }

  /** The text a cell is searched in: its formula with matchFormulaText, else what the cell shows. */
  private _matches(sheet: SheetModel, p: Position, test: (s: string) => boolean): boolean {
    const r = p.row - 1;
    const c = p.col - 1;
    const formula = sheet.formulas.rows[r]?.[c];
    let text: string;
    if (formula !== undefined && this._formulaText) text = formula;
    else {
      const v = sheet.values.rows[r]?.[c];
      if (v === undefined) return false;
      text = displayValue(v, sheet.numberFormats.rows[r]?.[c], sheet.parent.locale);
    }
    return text !== '' && test(text);
  }

  private _matcher(): (s: string) => boolean {
    const fold = (s: string): string => {
      const t = this._noDiacritics ? s.normalize('NFD').replace(/\p{M}/gu, '') : s;
      return this._matchCase ? t : t.toLowerCase();
    };
    if (this._regex) {
      let re: RegExp;
      try {
        re = new RegExp(this._entireCell ? `^(?:${this._text})$` : this._text, this._matchCase ? 'u' : 'iu');
      } catch {
        // Strict local message: Google's text for a bad pattern is unconfirmed.
        throw this._ctx.error(`Invalid regular expression: ${this._text}`);
      }
      return (s) => re.test(this._noDiacritics ? s.normalize('NFD').replace(/\p{M}/gu, '') : s);
    }
    const needle = fold(this._text);
    return this._entireCell ? (s) => fold(s) === needle : (s) => fold(s).includes(needle);
  }
}

/** createTextFinder on a Range, Sheet or Spreadsheet: `findText` must be a string. */
export function createTextFinder(
  ctx: SheetsContext,
  method: string,
  areas: SearchArea[],
  findText: unknown,
): GasTextFinder {
  if (typeof findText !== 'string') throw ctx.paramsError(method, [findText]);
  return new TextFinderHost(ctx, areas, findText) as never;
}
