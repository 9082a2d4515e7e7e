// ConditionalFormatRule (https://developers.google.com/apps-script/reference/spreadsheet/conditional-format-rule):
// built rules (copies on every read) and the sheet's list of them. Sheet.setConditionalFormatRules replaces the whole
// list; rules must stay on their own sheet.
import { GasObject } from '../host/kernel';
import type { SheetsContext } from './context';
import type { ConditionalRuleSpec, SheetModel } from './model';
import { BooleanConditionHost } from './BooleanCondition';
import { Builder, ConditionalFormatRuleBuilderHost } from './ConditionalFormatRuleBuilder';

export type GasRule = GoogleAppsScript.Spreadsheet.ConditionalFormatRule;

export const BOOLEAN_CRITERIA = [
  'CELL_EMPTY',
  'CELL_NOT_EMPTY',
  'DATE_AFTER',
  'DATE_BEFORE',
  'DATE_EQUAL_TO',
  'DATE_AFTER_RELATIVE',
  'DATE_BEFORE_RELATIVE',
  'DATE_EQUAL_TO_RELATIVE',
  'NUMBER_BETWEEN',
  'NUMBER_EQUAL_TO',
  'NUMBER_GREATER_THAN',
  'NUMBER_GREATER_THAN_OR_EQUAL_TO',
  'NUMBER_LESS_THAN',
  'NUMBER_LESS_THAN_OR_EQUAL_TO',
  'NUMBER_NOT_BETWEEN',
  'NUMBER_NOT_EQUAL_TO',
  'TEXT_CONTAINS',
  'TEXT_DOES_NOT_CONTAIN',
  'TEXT_EQUAL_TO',
  'TEXT_STARTS_WITH',
  'TEXT_ENDS_WITH',
  'CUSTOM_FORMULA',
] as const;

export const RELATIVE_DATES = ['TODAY', 'TOMORROW', 'YESTERDAY', 'PAST_WEEK', 'PAST_MONTH', 'PAST_YEAR'] as const;

export function copySpec(s: ConditionalRuleSpec): ConditionalRuleSpec {
  return {
    ranges: s.ranges.map((r) => ({ sheet: r.sheet, rect: { ...r.rect } })),
    condition: s.condition && { ...s.condition, args: [...s.condition.args] },
    format: { ...s.format },
  };
}

/** A built rule: a copy of the spec, so changing a rule never changes the sheet. */
export class ConditionalFormatRuleHost extends GasObject implements Partial<GasRule> {
  readonly gasService = 'SpreadsheetApp';
  readonly gasClass = 'ConditionalFormatRule';
  readonly _spec: ConditionalRuleSpec;
  constructor(
    private readonly _ctx: SheetsContext,
    spec: ConditionalRuleSpec,
  ) {
    super();
    this._spec = copySpec(spec);
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
}

/** Sheet.setConditionalFormatRules: replaces all rules; every range must be on this sheet. */
export function setRules(ctx: SheetsContext, sheet: SheetModel, rules: unknown): void {
  if (!Array.isArray(rules) || rules.some((r) => !(r instanceof ConditionalFormatRuleHost)))
    throw ctx.paramsError('Sheet.setConditionalFormatRules', [rules]);
  const specs = (rules as ConditionalFormatRuleHost[]).map((r) => copySpec(r._spec));
  if (specs.some((s) => s.ranges.some((r) => r.sheet !== sheet)))
    throw ctx.error('Conditional format rule cannot reference a different sheet.');
  sheet.conditionalRules = specs;
}

/** Sheet.getConditionalFormatRules: fresh copies. */
export function getRules(ctx: SheetsContext, sheet: SheetModel): GasRule[] {
  return sheet.conditionalRules.map((s) => new ConditionalFormatRuleHost(ctx, s) as never);
}
