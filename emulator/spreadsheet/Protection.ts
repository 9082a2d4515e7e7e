// Protected ranges and sheets: the Protection class, the User objects it returns, and the check every
// write makes ("You are trying to edit a protected cell or object…").
import { GasObject } from '../host/kernel';
import { UserHost } from '../base/User';
import type { SheetsContext } from './context';
import { contains, intersects, type Rect } from './grid';
import type { ProtectionSpec, SheetModel, SpreadsheetModel } from './model';

type GasRange = GoogleAppsScript.Spreadsheet.Range;
type GasUser = GoogleAppsScript.Base.User;

export { UserHost };

export const PROTECTED_MESSAGE =
  'You are trying to edit a protected cell or object. Please contact the spreadsheet owner to remove protection if you need to edit.';

/** Strict local choice (Google's behaviour unconfirmed): a warning-only protection has no editor list. */
export const WARNING_ONLY_EDITORS_MESSAGE = 'Editors cannot be set on a protection that is warning-only.';

/** The e-mail of an argument that is an address or a User object. */
export function emailOf(v: unknown): string | null {
  if (typeof v === 'string') return v;
  if (v && typeof v === 'object' && typeof (v as { getEmail?: unknown }).getEmail === 'function') {
    return String((v as { getEmail: () => string }).getEmail());
  }
  return null;
}

/** True when `user` may edit cells under this protection (owner always; warning-only lets everyone through). */
export function canUserEdit(ss: SpreadsheetModel, p: ProtectionSpec, user: string): boolean {
  if (p.removed || p.warningOnly || p.editors === null) return true;
  return user === ss.owner || p.editors.includes(user);
}

function covers(p: ProtectionSpec, sheet: SheetModel, rect: Rect): boolean {
  if (p.removed || p.sheet !== sheet) return false;
  if (p.rect) return intersects(p.rect, rect);
  return !p.unprotected.some((u) => contains(u, rect));
}

/** Throws Google's message when the acting user may not edit any cell of `rect`. */
export function assertCanEdit(ctx: SheetsContext, sheet: SheetModel, rect: Rect, user = ctx.writer()): void {
  const ss = sheet.parent;
  for (const p of ss.protections) {
    if (covers(p, sheet, rect) && !canUserEdit(ss, p, user)) throw ctx.error(PROTECTED_MESSAGE);
  }
}

/** Apps Script's Protection: a view over one ProtectionSpec. */
export class ProtectionHost extends GasObject implements Partial<GoogleAppsScript.Spreadsheet.Protection> {
  readonly gasService = 'SpreadsheetApp';
  readonly gasClass = 'Protection';
  constructor(
    private readonly _ctx: SheetsContext,
    readonly _spec: ProtectionSpec,
  ) {
    super();
  }

  private _mutable(): ProtectionSpec {
    const p = this._spec;
    if (!canUserEdit(p.sheet.parent, p, this._ctx.writer()) && this._ctx.writer() !== p.sheet.parent.owner)
      throw this._ctx.error(PROTECTED_MESSAGE);
    return p;
  }

  private _editorList(): string[] {
    const p = this._mutable();
    if (p.warningOnly) throw this._ctx.error(WARNING_ONLY_EDITORS_MESSAGE);
    if (p.editors === null) p.editors = [...p.sheet.parent.editors];
    return p.editors;
  }

  addEditor(user: string | GasUser): GoogleAppsScript.Spreadsheet.Protection {
    return this.addEditors([user as string]);
  }

  addEditors(emails: string[]): GoogleAppsScript.Spreadsheet.Protection {
    if (!Array.isArray(emails)) throw this._ctx.paramsError('Protection.addEditors', [emails]);
    const list = this._editorList();
    for (const e of emails) {
      const email = emailOf(e);
      if (email === null) throw this._ctx.paramsError('Protection.addEditors', [emails]);
      if (!list.includes(email)) list.push(email);
    }
    return this as never;
  }

  removeEditor(user: string | GasUser): GoogleAppsScript.Spreadsheet.Protection {
    return this.removeEditors([user as string]);
  }

  /** The owner and the person running the script cannot remove themselves. */
  removeEditors(emails: string[] | GasUser[]): GoogleAppsScript.Spreadsheet.Protection {
    if (!Array.isArray(emails)) throw this._ctx.paramsError('Protection.removeEditors', [emails]);
    const list = this._editorList();
    const keep = new Set([this._spec.sheet.parent.owner, this._ctx.writer()]);
    for (const e of emails as unknown[]) {
      const email = emailOf(e);
      if (email === null) throw this._ctx.paramsError('Protection.removeEditors', [emails]);
      const i = list.indexOf(email);
      if (i >= 0 && !keep.has(email)) list.splice(i, 1);
    }
    return this as never;
  }

  getEditors(): GasUser[] {
    const p = this._spec;
    if (p.warningOnly) return [];
    return (p.editors ?? p.sheet.parent.editors).map((e) => new UserHost(e) as never);
  }

  canEdit(): boolean {
    const p = this._spec;
    return this._ctx.writer() === p.sheet.parent.owner || canUserEdit(p.sheet.parent, p, this._ctx.writer());
  }

  canDomainEdit(): boolean {
    return this._spec.domainEdit;
  }

  setDomainEdit(editable: boolean): GoogleAppsScript.Spreadsheet.Protection {
    this._mutable().domainEdit = !!editable;
    return this as never;
  }

  getDescription(): string {
    return this._spec.description;
  }

  setDescription(description: string): GoogleAppsScript.Spreadsheet.Protection {
    if (typeof description !== 'string') throw this._ctx.paramsError('Protection.setDescription', [description]);
    this._mutable().description = description;
    return this as never;
  }

  isWarningOnly(): boolean {
    return this._spec.warningOnly;
  }

  /** Turning warning-only off gives the protection the document's editors again (Sheets API semantics). */
  setWarningOnly(warningOnly: boolean): GoogleAppsScript.Spreadsheet.Protection {
    if (typeof warningOnly !== 'boolean') throw this._ctx.paramsError('Protection.setWarningOnly', [warningOnly]);
    const p = this._mutable();
    if (p.warningOnly && !warningOnly) p.editors = null;
    p.warningOnly = warningOnly;
    return this as never;
  }

  getProtectionType(): GoogleAppsScript.Spreadsheet.ProtectionType {
    return this._spec.type as never;
  }

  getRange(): GasRange {
    const p = this._spec;
    const rect = p.rect ?? { row: 1, col: 1, numRows: p.sheet.maxRows, numCols: p.sheet.maxCols };
    return this._ctx.make.range(p.sheet, rect) as never;
  }

  getUnprotectedRanges(): GasRange[] {
    return this._spec.unprotected.map((r) => this._ctx.make.range(this._spec.sheet, r) as never);
  }

  setUnprotectedRanges(ranges: GasRange[]): GoogleAppsScript.Spreadsheet.Protection {
    const p = this._mutable();
    if (p.type !== 'SHEET') throw this._ctx.error('Unprotected ranges can only be set on a sheet protection.');
    if (!Array.isArray(ranges)) throw this._ctx.paramsError('Protection.setUnprotectedRanges', [ranges]);
    p.unprotected = ranges.map((r) => {
      const host = r as unknown as { _sheet?: SheetModel; _rect?: Rect };
      if (!host._rect || host._sheet !== p.sheet)
        throw this._ctx.paramsError('Protection.setUnprotectedRanges', [ranges]);
      return { ...host._rect };
    });
    return this as never;
  }

  remove(): void {
    const p = this._mutable();
    p.removed = true;
    const list = p.sheet.parent.protections;
    const i = list.indexOf(p);
    if (i >= 0) list.splice(i, 1);
  }
}

/** Creates (or, for a sheet, returns the existing) protection. */
export function protect(ctx: SheetsContext, sheet: SheetModel, rect: Rect | null): ProtectionHost {
  const ss = sheet.parent;
  if (!rect) {
    const existing = ss.protections.find((p) => p.type === 'SHEET' && p.sheet === sheet);
    if (existing) return new ProtectionHost(ctx, existing);
  } else {
    assertCanEdit(ctx, sheet, rect);
  }
  const spec: ProtectionSpec = {
    id: ss.nextProtectionId++,
    type: rect ? 'RANGE' : 'SHEET',
    sheet,
    rect: rect ? { ...rect } : null,
    description: '',
    warningOnly: false,
    editors: null,
    unprotected: [],
    domainEdit: false,
    removed: false,
  };
  ss.protections.push(spec);
  return new ProtectionHost(ctx, spec);
}

/** Protections of one type, optionally on one sheet, in creation order. */
export function listProtections(
  ctx: SheetsContext,
  ss: SpreadsheetModel,
  type: unknown,
  sheet?: SheetModel,
): ProtectionHost[] {
  if (type !== 'RANGE' && type !== 'SHEET')
    throw ctx.paramsError(sheet ? 'Sheet.getProtections' : 'Spreadsheet.getProtections', [type]);
  return ss.protections
    .filter((p) => p.type === type && (!sheet || p.sheet === sheet))
    .map((p) => new ProtectionHost(ctx, p));
}
