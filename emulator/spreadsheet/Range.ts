// Range, part 3: data validation, checkboxes, protection, sort, filters, selection, copying and borders.
// Geometry and contents are in range-core.ts, formats and styles in range-style.ts.
import { shiftFormula } from './a1';
import { fill, checkShape, checkBounds, RangeBase } from './range-core';
import { RangeStyled } from './range-style';
import { applyWrite } from './cells';
import { createFilter, FilterHost } from './Filter';
import { assertCanEdit, protect } from './Protection';
import { select } from './Selection';
import { parseSortSpec, sortRows } from './sort';
import { normalizeColor } from './styles';
import { DataValidationHost } from './DataValidation';

type GasRange = GoogleAppsScript.Spreadsheet.Range;
type Rule = GoogleAppsScript.Spreadsheet.DataValidation;

/** Apps Script's Range. */
export class RangeHost extends RangeStyled implements Partial<GasRange> {
  getDataValidation(): Rule | null {
    return this.getDataValidations()[0][0];
  }
  getDataValidations(): (Rule | null)[][] {
    const r = this._rect;
    return this._sheet.validations
      .slice(r.row - 1, r.col - 1, r.numRows, r.numCols)
      .map((row) => row.map((s) => (s ? (new DataValidationHost(this._ctx, s) as never) : null)));
  }
  /** Recorded on every cell; null removes. Script writes are never checked against it. */
  setDataValidation(rule: Rule | null): GasRange {
    if (rule !== null && !(rule instanceof DataValidationHost))
      throw this._ctx.paramsError('Range.setDataValidation', [rule]);
    return this.setDataValidations(fill(this._rect, rule));
  }
  setDataValidations(rules: (Rule | null)[][]): GasRange {
    checkShape(this._ctx, 'Range.setDataValidations', rules, this._rect);
    if (rules.some((row) => row.some((x) => x !== null && !(x instanceof DataValidationHost))))
      throw this._ctx.paramsError('Range.setDataValidations', [rules]);
    assertCanEdit(this._ctx, this._sheet, this._rect);
    const r = this._rect;
    rules.forEach((row, i) =>
      row.forEach((x, j) =>
        this._sheet.validations.set(
          r.row - 1 + i,
          r.col - 1 + j,
          x ? (x as unknown as DataValidationHost)._spec : undefined,
        ),
      ),
    );
    return this._self();
  }
  clearDataValidations(): GasRange {
    return this.setDataValidation(null);
  }

  /** Checkbox validation on every cell, each set to FALSE. */
  insertCheckboxes(checkedValue?: unknown, uncheckedValue?: unknown): GasRange {
    assertCanEdit(this._ctx, this._sheet, this._rect);
    const args = [checkedValue, uncheckedValue].filter((a) => a !== undefined);
    const spec = { criteria: 'CHECKBOX', args, allowInvalid: true, helpText: null };
    const off = uncheckedValue !== undefined ? uncheckedValue : false;
    const r = this._rect;
    for (let i = 0; i < r.numRows; i++) {
      for (let j = 0; j < r.numCols; j++) {
        this._sheet.validations.set(r.row - 1 + i, r.col - 1 + j, spec);
        applyWrite(this._sheet, r.row - 1 + i, r.col - 1 + j, { value: off as string | number | boolean });
      }
    }
    return this._self();
  }
  removeCheckboxes(): GasRange {
    return this.clearDataValidations();
  }
  private _checkState(): boolean[] | null {
    const states: boolean[] = [];
    const r = this._rect;
    for (let i = 0; i < r.numRows; i++) {
      for (let j = 0; j < r.numCols; j++) {
        const spec = this._sheet.validations.get(r.row - 1 + i, r.col - 1 + j);
        if (!spec || spec.criteria !== 'CHECKBOX') return null;
        const on = spec.args.length ? spec.args[0] : true;
        states.push(this._sheet.values.get(r.row - 1 + i, r.col - 1 + j) === on);
      }
    }
    return states;
  }
  isChecked(): boolean | null {
    const s = this._checkState();
    if (!s) return null;
    return s.every((x) => x) ? true : s.every((x) => !x) ? false : null;
  }
  check(): GasRange {
    return this._setChecks(true);
  }
  uncheck(): GasRange {
    return this._setChecks(false);
  }
  private _setChecks(on: boolean): GasRange {
    assertCanEdit(this._ctx, this._sheet, this._rect);
    const r = this._rect;
    for (let i = 0; i < r.numRows; i++) {
      for (let j = 0; j < r.numCols; j++) {
        const spec = this._sheet.validations.get(r.row - 1 + i, r.col - 1 + j);
        if (!spec || spec.criteria !== 'CHECKBOX') continue;
        const v = spec.args.length ? (spec.args[on ? 0 : 1] ?? !on) : on;
        applyWrite(this._sheet, r.row - 1 + i, r.col - 1 + j, { value: v as string | number | boolean });
      }
    }
    return this._self();
  }

  protect(): GoogleAppsScript.Spreadsheet.Protection {
    return protect(this._ctx, this._sheet, this._rect) as never;
  }
  /** True when the acting user may edit every cell of the range. */
  canEdit(): boolean {
    try {
      assertCanEdit(this._ctx, this._sheet, this._rect);
      return true;
    } catch {
      return false;
    }
  }

  sort(sortSpecObj: unknown): GasRange {
    sortRows(this._ctx, this._sheet, this._rect, parseSortSpec(this._ctx, 'Range.sort', sortSpecObj, this._rect));
    return this._self();
  }
  createFilter(): GoogleAppsScript.Spreadsheet.Filter {
    return createFilter(this._ctx, this._sheet, this._rect) as never;
  }
  getFilter(): GoogleAppsScript.Spreadsheet.Filter | null {
    return this._sheet.filter ? (new FilterHost(this._ctx, this._sheet) as never) : null;
  }

  activate(): GasRange {
    select(this._ctx, this._ctx.user(), this._sheet, this._rect);
    return this._self();
  }
  activateAsCurrentCell(): GasRange {
    return this.activate();
  }

  /** Copies contents and formats (or one of them) to the destination's top-left corner. */
  copyTo(destination: GasRange, options?: unknown, transposed?: boolean): void {
    const dest = destination as unknown as RangeBase;
    if (!(dest instanceof RangeBase) || transposed)
      throw this._ctx.paramsError(
        'Range.copyTo',
        [destination, options, transposed].filter((a) => a !== undefined),
      );
    const o =
      typeof options === 'object' && options !== null
        ? (options as { contentsOnly?: boolean; formatOnly?: boolean })
        : {};
    const type = typeof options === 'string' ? options : 'PASTE_NORMAL';
    const contents =
      type === 'PASTE_NORMAL' || type === 'PASTE_VALUES' || type === 'PASTE_FORMULA' ? !o.formatOnly : false;
    const formats = type === 'PASTE_NORMAL' || type === 'PASTE_FORMAT' ? !o.contentsOnly : false;
    const r = this._rect;
    const to = { ...dest._rect, numRows: r.numRows, numCols: r.numCols };
    checkBounds(this._ctx, dest._sheet, to.row, to.col, to.numRows, to.numCols);
    assertCanEdit(this._ctx, dest._sheet, to);
    const layers = [
      ...(contents ? ['values', 'formulas'] : []),
      ...(formats ? ['numberFormats', 'styles', 'validations'] : []),
    ];
    for (const name of layers) {
      const pairs =
        name === 'styles'
          ? [...this._sheet.styles.keys()].map((k) => [this._sheet.style(k), dest._sheet.style(k)])
          : [[(this._sheet as never)[name], (dest._sheet as never)[name]]];
      for (const [from, into] of pairs as [import('./grid').Layer<unknown>, import('./grid').Layer<unknown>][]) {
        const block = from.slice(r.row - 1, r.col - 1, r.numRows, r.numCols);
        const move =
          name === 'formulas'
            ? (v: unknown) => (v === undefined ? v : shiftFormula(v as string, to.row - r.row, to.col - r.col))
            : (v: unknown) => v;
        block.forEach((row, i) => row.forEach((v, j) => into.set(to.row - 1 + i, to.col - 1 + j, move(v))));
      }
    }
    if (type === 'PASTE_VALUES') dest._sheet.formulas.clearRect(to.row - 1, to.col - 1, to.numRows, to.numCols);
  }

  /** Borders are recorded (for export), not rendered. */
  setBorder(
    top: boolean | null,
    left: boolean | null,
    bottom: boolean | null,
    right: boolean | null,
    vertical: boolean | null,
    horizontal: boolean | null,
    color?: string | null,
    style?: GoogleAppsScript.Spreadsheet.BorderStyle | null,
  ): GasRange {
    const sides = [top, left, bottom, right, vertical, horizontal];
    if (sides.some((s) => s !== null && typeof s !== 'boolean')) throw this._ctx.paramsError('Range.setBorder', sides);
    assertCanEdit(this._ctx, this._sheet, this._rect);
    const c = color === undefined ? null : normalizeColor(this._ctx, 'Range.setBorder', color);
    this._sheet.borders.push({ rect: { ...this._rect }, sides, color: c, style: (style as unknown as string) ?? null });
    return this._self();
  }
}
