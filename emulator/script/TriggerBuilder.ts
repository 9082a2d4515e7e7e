// TriggerBuilder (https://developers.google.com/apps-script/reference/script/trigger-builder): ScriptApp.newTrigger,
// and the installation every builder ends in (per user, 20 at most).
import { GasObject } from '../host/kernel';
import type { EnvCore } from '../host/env-core';
import type { ClockSchedule, InstalledTrigger, TriggerStore } from './trigger-store';
import { ClockTriggerBuilderHost } from './ClockTriggerBuilder';
import { SpreadsheetTriggerBuilderHost } from './SpreadsheetTriggerBuilder';
import { TriggerHost } from './Trigger';

/** 20 triggers per user per script (https://developers.google.com/apps-script/guides/services/quotas). */
export const TRIGGERS_PER_USER = 20;
const TOO_MANY =
  'This script has too many triggers. Triggers must be deleted from the script before more can be added.';
export const WEEK_DAYS = ['SUNDAY', 'MONDAY', 'TUESDAY', 'WEDNESDAY', 'THURSDAY', 'FRIDAY', 'SATURDAY'];

/** The account triggers are installed for and listed to: the running execution's effective user. */
export function triggerUser(core: EnvCore): string {
  return core.kernel.current?.effectiveUser ?? core.options.owner;
}

/** Installs a trigger after the per-user cap check. */
export function install(
  core: EnvCore,
  store: TriggerStore,
  t: Omit<InstalledTrigger, 'uid' | 'owner' | 'createdMs' | 'lastFiredMs' | 'fires'>,
): TriggerHost {
  const owner = triggerUser(core);
  if (store.ofUser(owner).length >= TRIGGERS_PER_USER) throw core.kernel.error(TOO_MANY);
  const now = core.kernel.clock.nowMs();
  const full: InstalledTrigger = { ...t, uid: store.newUid(), owner, createdMs: now, lastFiredMs: now, fires: 0 };
  store.add(full);
  return new TriggerHost(full);
}

/** `ScriptApp.newTrigger(name)` (https://developers.google.com/apps-script/reference/script/trigger-builder). */
export class TriggerBuilderHost extends GasObject implements Partial<GoogleAppsScript.Script.TriggerBuilder> {
  readonly gasService = 'ScriptApp';
  readonly gasClass = 'TriggerBuilder';
  constructor(
    private readonly _core: EnvCore,
    private readonly _store: TriggerStore,
    private readonly _handler: string,
  ) {
    super();
  }
  timeBased(): ClockTriggerBuilderHost {
    return new ClockTriggerBuilderHost(this._core, this._store, this._handler);
  }
  forSpreadsheet(key: unknown): SpreadsheetTriggerBuilderHost {
    const id =
      typeof key === 'string'
        ? key
        : key instanceof GasObject && 'getId' in key
          ? String((key as unknown as { getId(): string }).getId())
          : null;
    if (!id) throw this._core.kernel.error('Invalid argument: key');
    return new SpreadsheetTriggerBuilderHost(this._core, this._store, this._handler, id);
  }
}

export type Frequency = {
  kind: ClockSchedule['kind'];
  every: number;
  onceMs?: number;
  atDate?: [number, number, number];
};
