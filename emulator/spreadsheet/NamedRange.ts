// Named ranges: Spreadsheet.setNamedRange / getRangeByName / getNamedRanges / removeNamedRange and the
// NamedRange class. Names follow row and column inserts/deletes (see structure.ts).
import { GasObject } from '../host/kernel';
import type { SheetsContext } from './context';
import type { Rect } from './grid';
import type { NamedRangeSpec, SheetModel, SpreadsheetModel } from './model';

type GasRange = GoogleAppsScript.Spreadsheet.Range;

/** Strict local message (Google's exact text unconfirmed). */
export const BAD_NAME_MESSAGE =
  'Named range names must start with a letter or underscore and contain only letters, numbers and underscores, and must not look like a cell reference.';

/** A valid named-range name: letters, digits, underscores; not a cell reference; at most 250 characters. */
export function validName(name: unknown): name is string {
  if (typeof name !== 'string' || !name || name.length > 250) return false;
  if (!/^[\p{L}_][\p{L}\p{N}_]*$/u.test(name)) return false;
  return !/^[A-Za-z]{1,3}\d+$/.test(name) && !/^R\d*C\d*$/i.test(name) && !/^(true|false)$/i.test(name);
}

function rangeParts(v: unknown): { sheet: SheetModel; rect: Rect } | null {
  const h = v as { _sheet?: SheetModel; _rect?: Rect } | null;
  return h && h._sheet && h._rect ? { sheet: h._sheet, rect: h._rect } : null;
}

/** One named range. */
export class NamedRangeHost extends GasObject implements Partial<GoogleAppsScript.Spreadsheet.NamedRange> {
  readonly gasService = 'SpreadsheetApp';
  readonly gasClass = 'NamedRange';
  constructor(
    private readonly _ctx: SheetsContext,
    private readonly _ss: SpreadsheetModel,
    private readonly _spec: NamedRangeSpec,
  ) {
    super();
  }
  getName(): string {
    return this._spec.name;
  }
  getRange(): GasRange {
    return this._ctx.make.range(this._spec.sheet, this._spec.rect) as never;
  }
  setName(name: string): GoogleAppsScript.Spreadsheet.NamedRange {
    if (!validName(name)) throw this._ctx.error(BAD_NAME_MESSAGE);
    this._spec.name = name;
    return this as never;
  }
  setRange(range: GasRange): GoogleAppsScript.Spreadsheet.NamedRange {
    const p = rangeParts(range);
    if (!p || p.sheet.parent !== this._ss) throw this._ctx.paramsError('NamedRange.setRange', [range]);
    this._spec.sheet = p.sheet;
    this._spec.rect = { ...p.rect };
    return this as never;
  }
  remove(): void {
    const i = this._ss.namedRanges.indexOf(this._spec);
    if (i >= 0) this._ss.namedRanges.splice(i, 1);
  }
}

/** Spreadsheet.setNamedRange: names a range; an existing name (ignoring case) is re-pointed. */
export function setNamedRange(ctx: SheetsContext, ss: SpreadsheetModel, name: unknown, range: unknown): void {
  const p = rangeParts(range);
  if (typeof name !== 'string' || !p) throw ctx.paramsError('Spreadsheet.setNamedRange', [name, range]);
  if (!validName(name)) throw ctx.error(BAD_NAME_MESSAGE);
  if (p.sheet.parent !== ss) throw ctx.error('Range not found');
  const existing = ss.namedRanges.find((n) => n.name.toLowerCase() === name.toLowerCase());
  if (existing) {
    existing.sheet = p.sheet;
    existing.rect = { ...p.rect };
  } else ss.namedRanges.push({ name, sheet: p.sheet, rect: { ...p.rect } });
}

export function findNamed(ss: SpreadsheetModel, name: string): NamedRangeSpec | undefined {
  const lower = name.toLowerCase();
  return ss.namedRanges.find((n) => n.name.toLowerCase() === lower);
}

/** Spreadsheet.getNamedRanges. */
export function listNamed(ctx: SheetsContext, ss: SpreadsheetModel, sheet?: SheetModel): NamedRangeHost[] {
  return ss.namedRanges.filter((n) => !sheet || n.sheet === sheet).map((n) => new NamedRangeHost(ctx, ss, n));
}

/** Spreadsheet.removeNamedRange: a missing name throws. */
export function removeNamed(ctx: SheetsContext, ss: SpreadsheetModel, name: unknown): void {
  if (typeof name !== 'string') throw ctx.paramsError('Spreadsheet.removeNamedRange', [name]);
  const spec = findNamed(ss, name);
  if (!spec) throw ctx.error('Range not found');
  ss.namedRanges.splice(ss.namedRanges.indexOf(spec), 1);
}
