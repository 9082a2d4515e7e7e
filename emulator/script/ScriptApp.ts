// ScriptApp: triggers (per user), enums, the script id and OAuth token; refused to simple triggers.
import { createHash } from 'node:crypto';
import { GasObject } from '../host/kernel';
import type { EnvCore, ServiceModule } from '../host/env-core';
import { TriggerStore } from './trigger-store';
import { TriggerBuilderHost, triggerUser } from './TriggerBuilder';
import { TriggerHost } from './Trigger';
import { WebAppDeployment } from './deployment';
import { ServiceHost } from './Service';

const AUTH_MODE = Object.freeze({ NONE: 'NONE', CUSTOM_FUNCTION: 'CUSTOM_FUNCTION', LIMITED: 'LIMITED', FULL: 'FULL' });
const EVENT_TYPE = Object.freeze({
  CLOCK: 'CLOCK',
  ON_OPEN: 'ON_OPEN',
  ON_EDIT: 'ON_EDIT',
  ON_FORM_SUBMIT: 'ON_FORM_SUBMIT',
  ON_CHANGE: 'ON_CHANGE',
  ON_EVENT_UPDATED: 'ON_EVENT_UPDATED',
});
const TRIGGER_SOURCE = Object.freeze({
  SPREADSHEETS: 'SPREADSHEETS',
  CLOCK: 'CLOCK',
  FORMS: 'FORMS',
  DOCUMENTS: 'DOCUMENTS',
  CALENDAR: 'CALENDAR',
});
const WEEK_DAY = Object.freeze({
  SUNDAY: 'SUNDAY',
  MONDAY: 'MONDAY',
  TUESDAY: 'TUESDAY',
  WEDNESDAY: 'WEDNESDAY',
  THURSDAY: 'THURSDAY',
  FRIDAY: 'FRIDAY',
  SATURDAY: 'SATURDAY',
});

/** Trigger management needs script.scriptapp and is refused to simple triggers (AuthMode.LIMITED). */
const TRIGGER_CALLS = new Set([
  'ScriptApp.newTrigger',
  'ScriptApp.getProjectTriggers',
  'ScriptApp.getUserTriggers',
  'ScriptApp.deleteTrigger',
  'ScriptApp.ClockTriggerBuilder.create',
  'ScriptApp.SpreadsheetTriggerBuilder.create',
]);

/** The OAuth token `ScriptApp.getOAuthToken()` gives `email` in this environment (services that take a token check it). */
export function oauthTokenFor(core: EnvCore, email: string): string {
  return 'ya29.local-' + createHash('sha256').update(`token:${core.options.seed}:${email}`).digest('base64url');
}

/** The script's id: deterministic from the seed, shaped like Apps Script's (57 characters starting with "1"). */
export function scriptIdFor(core: EnvCore): string {
  return (
    '1' +
    createHash('sha256').update(`script:${core.options.seed}`).digest('base64url') +
    'AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA'
  ).slice(0, 57);
}

/** ScriptApp (https://developers.google.com/apps-script/reference/script/script-app). */
type EnumKeys = 'AuthMode' | 'EventType' | 'TriggerSource' | 'WeekDay' | 'InstallationSource';

/** ScriptApp's enums are plain frozen objects of strings here (see kernel.ts). */
export class ScriptAppHost extends GasObject implements Partial<Omit<GoogleAppsScript.Script.ScriptApp, EnumKeys>> {
  readonly gasService = 'ScriptApp';
  readonly gasClass = 'ScriptApp';
  readonly AuthMode = AUTH_MODE;
  readonly EventType = EVENT_TYPE;
  readonly TriggerSource = TRIGGER_SOURCE;
  readonly WeekDay = WEEK_DAY;
  constructor(
    private readonly _core: EnvCore,
    readonly _store: TriggerStore,
    readonly _deployment: WebAppDeployment,
  ) {
    super();
  }
  /** The web app's publishing state (https://developers.google.com/apps-script/reference/script/script-app#getService()). */
  getService(): GoogleAppsScript.Script.Service {
    return new ServiceHost(this._core.kernel, this._deployment) as unknown as GoogleAppsScript.Script.Service;
  }
  newTrigger(functionName: string): GoogleAppsScript.Script.TriggerBuilder {
    if (typeof functionName !== 'string') throw this._core.kernel.error('Invalid argument: functionName');
    return new TriggerBuilderHost(
      this._core,
      this._store,
      functionName,
    ) as unknown as GoogleAppsScript.Script.TriggerBuilder;
  }
  getProjectTriggers(): TriggerHost[] {
    return this._store.ofUser(triggerUser(this._core)).map((t) => new TriggerHost(t));
  }
  getUserTriggers(spreadsheet: unknown): TriggerHost[] {
    const id =
      spreadsheet instanceof GasObject && 'getId' in spreadsheet
        ? (spreadsheet as unknown as { getId(): string }).getId()
        : null;
    return this._store
      .ofUser(triggerUser(this._core))
      .filter((t) => t.sourceId !== null && t.sourceId === id)
      .map((t) => new TriggerHost(t));
  }
  deleteTrigger(trigger: unknown): void {
    if (!(trigger instanceof TriggerHost)) throw this._core.kernel.error('Invalid argument: trigger');
    const t = this._store.byUid(trigger._data.uid);
    if (t && t.owner === triggerUser(this._core)) this._store.remove(t.uid);
  }
  getOAuthToken(): string {
    return oauthTokenFor(this._core, triggerUser(this._core));
  }
  getScriptId(): string {
    return scriptIdFor(this._core);
  }
}

/**
 * The ScriptApp module with its trigger store (the environment fires the triggers it holds) and the web-app
 * deployment (the environment deploys it).
 */
export function createScriptAppModule(
  core: EnvCore,
): ServiceModule & { triggers: TriggerStore; scriptApp: ScriptAppHost; deployment: WebAppDeployment } {
  core.kernel.addScopeResolver((name) => {
    if (TRIGGER_CALLS.has(name)) return { scopes: ['script.scriptapp'], limitedRefused: true };
    if (name === 'ScriptApp.getOAuthToken') return { scopes: [], limitedRefused: true };
    return undefined;
  });
  const triggers = new TriggerStore(core.options.seed);
  const deployment = new WebAppDeployment(core);
  const scriptApp = new ScriptAppHost(core, triggers, deployment);
  return { globals: { ScriptApp: scriptApp }, triggers, scriptApp, deployment };
}
