// BooleanCondition (https://developers.google.com/apps-script/reference/spreadsheet/boolean-condition): the condition of a built conditional format rule, read-only.
import { GasObject } from '../host/kernel';
import type { SheetsContext } from './context';
import type { ConditionSpec, RuleFormat } from './model';
import { argsOut } from './DataValidation';

/** The condition part of a rule. */
export class BooleanConditionHost extends GasObject implements Partial<GoogleAppsScript.Spreadsheet.BooleanCondition> {
  readonly gasService = 'SpreadsheetApp';
  readonly gasClass = 'BooleanCondition';
  constructor(
    private readonly _ctx: SheetsContext,
    private readonly _cond: ConditionSpec,
    private readonly _format: RuleFormat,
  ) {
    super();
  }
  getCriteriaType(): GoogleAppsScript.Spreadsheet.BooleanCriteria {
    return this._cond.criteria as never;
  }
  getCriteriaValues(): unknown[] {
    return argsOut(this._ctx, this._cond.args);
  }
  getBackground(): string | null {
    return this._format.background ?? null;
  }
  getFontColor(): string | null {
    return this._format.fontColor ?? null;
  }
  getBold(): boolean | null {
    return this._format.bold ?? null;
  }
  getItalic(): boolean | null {
    return this._format.italic ?? null;
  }
  getStrikethrough(): boolean | null {
    return this._format.strikethrough ?? null;
  }
  getUnderline(): boolean | null {
    return this._format.underline ?? null;
  }
}
