// Range, part 2: number formats and cell styles (backgrounds, fonts, wrap, alignment). Geometry and contents
// are in range-core.ts; rules, protection, sort, filters and copying in range.ts, which extends this class.
import { fill, checkShape, RangeBase } from './range-core';
import { STYLE_DEFAULTS, type StyleKey } from './model';
import { assertCanEdit } from './Protection';
import { checkChoice, FONT_LINES, FONT_STYLES, FONT_WEIGHTS, H_ALIGNS, normalizeColor, V_ALIGNS } from './styles';
import { GENERAL_REPORTED, normalizeFormat } from './values';

type GasRange = GoogleAppsScript.Spreadsheet.Range;

/** Formats and styles of a range. */
export abstract class RangeStyled extends RangeBase {
  private _getStyles<T>(key: StyleKey): T[][] {
    const r = this._rect;
    const layer = this._sheet.styles.get(key);
    const d = STYLE_DEFAULTS[key] as T;
    if (!layer) return fill(r, d);
    return layer
      .slice(r.row - 1, r.col - 1, r.numRows, r.numCols)
      .map((row) => row.map((v) => (v === undefined ? d : (v as T))));
  }

  private _setStyles(key: StyleKey, grid: unknown[][]): GasRange {
    assertCanEdit(this._ctx, this._sheet, this._rect);
    const layer = this._sheet.style(key);
    const r = this._rect;
    grid.forEach((row, i) =>
      row.forEach((v, j) =>
        layer.set(r.row - 1 + i, r.col - 1 + j, v === null ? undefined : (v as string | number | boolean)),
      ),
    );
    return this._self();
  }

  private _setColors(key: StyleKey, method: string, colors: unknown): GasRange {
    checkShape(this._ctx, method, colors, this._rect);
    return this._setStyles(
      key,
      colors.map((row) => row.map((c) => normalizeColor(this._ctx, method, c))),
    );
  }

  private _setChoice(key: StyleKey, method: string, grid: unknown, allowed: string[], reset?: string): GasRange {
    checkShape(this._ctx, method, grid, this._rect);
    return this._setStyles(
      key,
      grid.map((row) =>
        row.map((v) => {
          const c = checkChoice(this._ctx, method, v, allowed);
          return c === reset ? null : c;
        }),
      ),
    );
  }

  getBackground(): string {
    return this._getStyles<string>('background')[0][0];
  }
  getBackgrounds(): string[][] {
    return this._getStyles('background');
  }
  setBackground(color: string | null): GasRange {
    return this._setColors('background', 'Range.setBackground', fill(this._rect, color));
  }
  setBackgrounds(colors: (string | null)[][]): GasRange {
    return this._setColors('background', 'Range.setBackgrounds', colors);
  }
  setBackgroundRGB(red: number, green: number, blue: number): GasRange {
    this._ctx.requireInt('Range.setBackgroundRGB', [red, green, blue], red, green, blue);
    const hex = [red, green, blue].map((n) => Math.max(0, Math.min(255, n)).toString(16).padStart(2, '0')).join('');
    return this.setBackground(`#${hex}`);
  }
  getFontColor(): string {
    return this._getStyles<string>('fontColor')[0][0];
  }
  getFontColors(): string[][] {
    return this._getStyles('fontColor');
  }
  setFontColor(color: string | null): GasRange {
    return this._setColors('fontColor', 'Range.setFontColor', fill(this._rect, color));
  }
  setFontColors(colors: unknown[][]): GasRange {
    return this._setColors('fontColor', 'Range.setFontColors', colors);
  }
  getFontWeight(): GoogleAppsScript.Spreadsheet.FontWeight {
    return this._getStyles<GoogleAppsScript.Spreadsheet.FontWeight>('fontWeight')[0][0];
  }
  getFontWeights(): GoogleAppsScript.Spreadsheet.FontWeight[][] {
    return this._getStyles('fontWeight');
  }
  setFontWeight(fontWeight: GoogleAppsScript.Spreadsheet.FontWeight | null): GasRange {
    return this._setChoice('fontWeight', 'Range.setFontWeight', fill(this._rect, fontWeight), FONT_WEIGHTS, 'normal');
  }
  setFontWeights(fontWeights: (GoogleAppsScript.Spreadsheet.FontWeight | null)[][]): GasRange {
    return this._setChoice('fontWeight', 'Range.setFontWeights', fontWeights, FONT_WEIGHTS, 'normal');
  }
  getFontStyle(): GoogleAppsScript.Spreadsheet.FontStyle {
    return this._getStyles<GoogleAppsScript.Spreadsheet.FontStyle>('fontStyle')[0][0];
  }
  setFontStyle(fontStyle: GoogleAppsScript.Spreadsheet.FontStyle | null): GasRange {
    return this._setChoice('fontStyle', 'Range.setFontStyle', fill(this._rect, fontStyle), FONT_STYLES, 'normal');
  }
  getFontLine(): GoogleAppsScript.Spreadsheet.FontLine {
    return this._getStyles<GoogleAppsScript.Spreadsheet.FontLine>('fontLine')[0][0];
  }
  setFontLine(fontLine: GoogleAppsScript.Spreadsheet.FontLine | null): GasRange {
    return this._setChoice('fontLine', 'Range.setFontLine', fill(this._rect, fontLine), FONT_LINES, 'none');
  }
  getFontSize(): number {
    return this._getStyles<number>('fontSize')[0][0];
  }
  setFontSize(size: number): GasRange {
    this._ctx.requireInt('Range.setFontSize', [size], size);
    return this._setStyles('fontSize', fill(this._rect, size));
  }
  getFontFamily(): string {
    return this._getStyles<string>('fontFamily')[0][0];
  }
  setFontFamily(fontFamily: string | null): GasRange {
    if (fontFamily !== null && typeof fontFamily !== 'string')
      throw this._ctx.paramsError('Range.setFontFamily', [fontFamily]);
    return this._setStyles('fontFamily', fill(this._rect, fontFamily));
  }
  getWrap(): boolean {
    return this._getStyles<boolean>('wrap')[0][0];
  }
  getWraps(): boolean[][] {
    return this._getStyles('wrap');
  }
  setWrap(isWrapEnabled: boolean): GasRange {
    return this.setWraps(fill(this._rect, isWrapEnabled));
  }
  setWraps(isWrapEnabled: boolean[][]): GasRange {
    checkShape(this._ctx, 'Range.setWraps', isWrapEnabled, this._rect);
    if (isWrapEnabled.some((row) => row.some((v) => typeof v !== 'boolean')))
      throw this._ctx.paramsError('Range.setWraps', [isWrapEnabled]);
    return this._setStyles(
      'wrap',
      isWrapEnabled.map((row) => row.map((v) => (v ? true : null))),
    );
  }
  getHorizontalAlignment(): string {
    return this._getStyles<string>('horizontalAlignment')[0][0];
  }
  getHorizontalAlignments(): string[][] {
    return this._getStyles('horizontalAlignment');
  }
  setHorizontalAlignment(alignment: 'left' | 'center' | 'normal' | 'right' | null): GasRange {
    return this._setChoice(
      'horizontalAlignment',
      'Range.setHorizontalAlignment',
      fill(this._rect, alignment),
      H_ALIGNS,
      'normal',
    );
  }
  setHorizontalAlignments(alignments: ('left' | 'center' | 'normal' | 'right' | null)[][]): GasRange {
    return this._setChoice('horizontalAlignment', 'Range.setHorizontalAlignments', alignments, H_ALIGNS, 'normal');
  }
  getVerticalAlignment(): string {
    return this._getStyles<string>('verticalAlignment')[0][0];
  }
  setVerticalAlignment(alignment: 'top' | 'middle' | 'bottom' | null): GasRange {
    return this._setChoice(
      'verticalAlignment',
      'Range.setVerticalAlignment',
      fill(this._rect, alignment),
      V_ALIGNS,
      'bottom',
    );
  }

  getNumberFormat(): string {
    return this.getNumberFormats()[0][0];
  }
  getNumberFormats(): string[][] {
    const r = this._rect;
    return this._sheet.numberFormats
      .slice(r.row - 1, r.col - 1, r.numRows, r.numCols)
      .map((row) => row.map((f) => f ?? GENERAL_REPORTED));
  }
  /** 'general' (or the reported default) resets; null is refused, as in Apps Script. */
  setNumberFormat(numberFormat: string): GasRange {
    if (typeof numberFormat !== 'string') throw this._ctx.paramsError('Range.setNumberFormat', [numberFormat]);
    return this.setNumberFormats(fill(this._rect, numberFormat));
  }
  setNumberFormats(numberFormats: string[][]): GasRange {
    checkShape(this._ctx, 'Range.setNumberFormats', numberFormats, this._rect);
    if (numberFormats.some((row) => row.some((f) => typeof f !== 'string')))
      throw this._ctx.paramsError('Range.setNumberFormats', [numberFormats]);
    assertCanEdit(this._ctx, this._sheet, this._rect);
    const r = this._rect;
    numberFormats.forEach((row, i) =>
      row.forEach((f, j) => this._sheet.numberFormats.set(r.row - 1 + i, r.col - 1 + j, normalizeFormat(f as string))),
    );
    return this._self();
  }
}
