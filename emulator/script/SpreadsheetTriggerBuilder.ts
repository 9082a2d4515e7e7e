// SpreadsheetTriggerBuilder (https://developers.google.com/apps-script/reference/script/spreadsheet-trigger-builder): onOpen, onEdit, onChange, onFormSubmit.
import { GasObject } from '../host/kernel';
import type { EnvCore } from '../host/env-core';
import type { TriggerEventType, TriggerStore } from './trigger-store';
import { install } from './TriggerBuilder';

/** `forSpreadsheet(…)` (https://developers.google.com/apps-script/reference/script/spreadsheet-trigger-builder). */
export class SpreadsheetTriggerBuilderHost
  extends GasObject
  implements GoogleAppsScript.Script.SpreadsheetTriggerBuilder
{
  readonly gasService = 'ScriptApp';
  readonly gasClass = 'SpreadsheetTriggerBuilder';
  private _event: TriggerEventType | null = null;
  constructor(
    private readonly _core: EnvCore,
    private readonly _store: TriggerStore,
    private readonly _handler: string,
    private readonly _id: string,
  ) {
    super();
  }
  onOpen(): this {
    this._event = 'ON_OPEN';
    return this;
  }
  onEdit(): this {
    this._event = 'ON_EDIT';
    return this;
  }
  onChange(): this {
    this._event = 'ON_CHANGE';
    return this;
  }
  onFormSubmit(): this {
    this._event = 'ON_FORM_SUBMIT';
    return this;
  }
  create(): GoogleAppsScript.Script.Trigger {
    if (!this._event)
      throw this._core.kernel.error(
        'Trigger type not specified: call onOpen(), onEdit(), onChange() or onFormSubmit() before create().',
      );
    return install(this._core, this._store, {
      handler: this._handler,
      eventType: this._event,
      source: 'SPREADSHEETS',
      sourceId: this._id,
      offsetMinutes: 0,
    });
  }
}
