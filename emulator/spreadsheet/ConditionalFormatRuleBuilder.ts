// ConditionalFormatRuleBuilder (https://developers.google.com/apps-script/reference/spreadsheet/conditional-format-rule-builder): conditions, formats and ranges checked as Sheets checks them.
import { GasObject, isDateLike } from '../host/kernel';
import type { SheetsContext } from './context';
import type { ConditionalRuleSpec, RangeRef, RuleFormat, SheetModel } from './model';
import { normalizeColor } from './styles';
import { BooleanConditionHost } from './BooleanCondition';
import {
  BOOLEAN_CRITERIA,
  ConditionalFormatRuleHost,
  GasRule,
  RELATIVE_DATES,
  copySpec,
} from './ConditionalFormatRule';

export type Builder = GoogleAppsScript.Spreadsheet.ConditionalFormatRuleBuilder;
/** SpreadsheetApp.newConditionalFormatRule(). */
export class ConditionalFormatRuleBuilderHost extends GasObject implements Partial<Builder> {
  readonly gasService = 'SpreadsheetApp';
  readonly gasClass = 'ConditionalFormatRuleBuilder';
  private _spec: ConditionalRuleSpec;
  constructor(
    private readonly _ctx: SheetsContext,
    spec: ConditionalRuleSpec = { ranges: [], condition: null, format: {} },
  ) {
    super();
    this._spec = copySpec(spec);
  }

  private _when(
    method: string,
    criteria: string,
    args: unknown[],
    check: (a: unknown) => boolean = () => true,
  ): Builder {
    if (!args.every(check)) throw this._ctx.paramsError(`ConditionalFormatRuleBuilder.${method}`, args);
    this._spec.condition = { criteria, args };
    return this as never;
  }

  private _fmt(key: keyof RuleFormat, v: unknown, method: string): Builder {
    if (key === 'background' || key === 'fontColor')
      this._spec.format[key] = normalizeColor(this._ctx, `ConditionalFormatRuleBuilder.${method}`, v);
    else if (v === null || typeof v === 'boolean') this._spec.format[key] = v;
    else throw this._ctx.paramsError(`ConditionalFormatRuleBuilder.${method}`, [v]);
    return this as never;
  }

  build(): GasRule {
    return new ConditionalFormatRuleHost(this._ctx, this._spec) as never;
  }
  copy(): Builder {
    return new ConditionalFormatRuleBuilderHost(this._ctx, this._spec) as never;
  }
  getBooleanCondition(): GoogleAppsScript.Spreadsheet.BooleanCondition | null {
    return this._spec.condition
      ? (new BooleanConditionHost(this._ctx, this._spec.condition, this._spec.format) as never)
      : null;
  }
  getGradientCondition(): null {
    return null;
  }
  getRanges(): GoogleAppsScript.Spreadsheet.Range[] {
    return this._spec.ranges.map((r) => this._ctx.make.range(r.sheet, r.rect) as never);
  }
  setRanges(ranges: GoogleAppsScript.Spreadsheet.Range[]): Builder {
    if (!Array.isArray(ranges)) throw this._ctx.paramsError('ConditionalFormatRuleBuilder.setRanges', [ranges]);
    this._spec.ranges = ranges.map((r) => {
      const h = r as unknown as { _sheet?: SheetModel; _rect?: RangeRef['rect'] };
      if (!h._sheet || !h._rect) throw this._ctx.paramsError('ConditionalFormatRuleBuilder.setRanges', [ranges]);
      return { sheet: h._sheet, rect: { ...h._rect } };
    });
    return this as never;
  }
  setBackground(color: string | null): Builder {
    return this._fmt('background', color, 'setBackground');
  }
  setFontColor(color: string | null): Builder {
    return this._fmt('fontColor', color, 'setFontColor');
  }
  setBold(bold: boolean | null): Builder {
    return this._fmt('bold', bold, 'setBold');
  }
  setItalic(italic: boolean | null): Builder {
    return this._fmt('italic', italic, 'setItalic');
  }
  setStrikethrough(v: boolean | null): Builder {
    return this._fmt('strikethrough', v, 'setStrikethrough');
  }
  setUnderline(v: boolean | null): Builder {
    return this._fmt('underline', v, 'setUnderline');
  }
  whenCellEmpty(): Builder {
    return this._when('whenCellEmpty', 'CELL_EMPTY', []);
  }
  whenCellNotEmpty(): Builder {
    return this._when('whenCellNotEmpty', 'CELL_NOT_EMPTY', []);
  }
  whenFormulaSatisfied(formula: string): Builder {
    return this._when('whenFormulaSatisfied', 'CUSTOM_FORMULA', [formula], isStr);
  }
  whenTextEqualTo(text: string): Builder {
    return this._when('whenTextEqualTo', 'TEXT_EQUAL_TO', [text], isStr);
  }
  whenTextContains(text: string): Builder {
    return this._when('whenTextContains', 'TEXT_CONTAINS', [text], isStr);
  }
  whenTextDoesNotContain(text: string): Builder {
    return this._when('whenTextDoesNotContain', 'TEXT_DOES_NOT_CONTAIN', [text], isStr);
  }
  whenTextStartsWith(text: string): Builder {
    return this._when('whenTextStartsWith', 'TEXT_STARTS_WITH', [text], isStr);
  }
  whenTextEndsWith(text: string): Builder {
    return this._when('whenTextEndsWith', 'TEXT_ENDS_WITH', [text], isStr);
  }
  whenNumberBetween(start: number, end: number): Builder {
    return this._when('whenNumberBetween', 'NUMBER_BETWEEN', [start, end], isNum);
  }
  whenNumberNotBetween(start: number, end: number): Builder {
    return this._when('whenNumberNotBetween', 'NUMBER_NOT_BETWEEN', [start, end], isNum);
  }
  whenNumberEqualTo(n: number): Builder {
    return this._when('whenNumberEqualTo', 'NUMBER_EQUAL_TO', [n], isNum);
  }
  whenNumberNotEqualTo(n: number): Builder {
    return this._when('whenNumberNotEqualTo', 'NUMBER_NOT_EQUAL_TO', [n], isNum);
  }
  whenNumberGreaterThan(n: number): Builder {
    return this._when('whenNumberGreaterThan', 'NUMBER_GREATER_THAN', [n], isNum);
  }
  whenNumberGreaterThanOrEqualTo(n: number): Builder {
    return this._when('whenNumberGreaterThanOrEqualTo', 'NUMBER_GREATER_THAN_OR_EQUAL_TO', [n], isNum);
  }
  whenNumberLessThan(n: number): Builder {
    return this._when('whenNumberLessThan', 'NUMBER_LESS_THAN', [n], isNum);
  }
  whenNumberLessThanOrEqualTo(n: number): Builder {
    return this._when('whenNumberLessThanOrEqualTo', 'NUMBER_LESS_THAN_OR_EQUAL_TO', [n], isNum);
  }
  whenDateAfter(date: GoogleAppsScript.Base.Date | GoogleAppsScript.Spreadsheet.RelativeDate): Builder {
    return this._date('whenDateAfter', 'DATE_AFTER', date);
  }
  whenDateBefore(date: GoogleAppsScript.Base.Date | GoogleAppsScript.Spreadsheet.RelativeDate): Builder {
    return this._date('whenDateBefore', 'DATE_BEFORE', date);
  }
  whenDateEqualTo(date: GoogleAppsScript.Base.Date | GoogleAppsScript.Spreadsheet.RelativeDate): Builder {
    return this._date('whenDateEqualTo', 'DATE_EQUAL_TO', date);
  }
  withCriteria(criteria: GoogleAppsScript.Spreadsheet.BooleanCriteria, args: unknown[]): Builder {
    const name = criteria as unknown as string;
    if (!(BOOLEAN_CRITERIA as readonly string[]).includes(name) || !Array.isArray(args))
      throw this._ctx.paramsError('ConditionalFormatRuleBuilder.withCriteria', [criteria, args]);
    return this._when('withCriteria', name, [...args]);
  }

  private _date(method: string, criteria: string, date: unknown): Builder {
    if (isDateLike(date)) return this._when(method, criteria, [date]);
    if (typeof date === 'string' && (RELATIVE_DATES as readonly string[]).includes(date))
      return this._when(method, `${criteria}_RELATIVE`, [date]);
    throw this._ctx.paramsError(`ConditionalFormatRuleBuilder.${method}`, [date]);
  }
}

const isNum = (a: unknown) => typeof a === 'number' && Number.isFinite(a);
const isStr = (a: unknown) => typeof a === 'string';
