// Trigger (https://developers.google.com/apps-script/reference/script/trigger): an installed trigger as ScriptApp returns it.
import { GasObject } from '../host/kernel';
import type { InstalledTrigger } from './trigger-store';

/** A trigger as the app sees it (https://developers.google.com/apps-script/reference/script/trigger). */
export class TriggerHost extends GasObject implements GoogleAppsScript.Script.Trigger {
  readonly gasService = 'ScriptApp';
  readonly gasClass = 'Trigger';
  constructor(readonly _data: InstalledTrigger) {
    super();
  }
  getHandlerFunction(): string {
    return this._data.handler;
  }
  getEventType(): GoogleAppsScript.Script.EventType {
    return this._data.eventType as unknown as GoogleAppsScript.Script.EventType;
  }
  getTriggerSource(): GoogleAppsScript.Script.TriggerSource {
    return this._data.source as unknown as GoogleAppsScript.Script.TriggerSource;
  }
  getTriggerSourceId(): string {
    return this._data.sourceId as string; // null for clock triggers, as in Apps Script
  }
  getUniqueId(): string {
    return this._data.uid;
  }
}
