// ScriptApp's trigger builders and Trigger objects: schedules recorded and validated, triggers installed per user.
import { GasObject } from '../host/kernel';
import type { EnvCore } from '../host/env-core';
import type { ClockSchedule, InstalledTrigger, TriggerEventType, TriggerStore } from './trigger-store';
import { instantFromZoned, isValidTimeZone } from '../host/zoned-time';

/** 20 triggers per user per script (https://developers.google.com/apps-script/guides/services/quotas). */
export const TRIGGERS_PER_USER = 20;
const TOO_MANY =
  'This script has too many triggers. Triggers must be deleted from the script before more can be added.';
const WEEK_DAYS = ['SUNDAY', 'MONDAY', 'TUESDAY', 'WEDNESDAY', 'THURSDAY', 'FRIDAY', 'SATURDAY'];

/** The account triggers are installed for and listed to: the running execution's effective user. */
export function triggerUser(core: EnvCore): string {
  return core.kernel.current?.effectiveUser ?? core.options.owner;
}

/** Installs a trigger after the per-user cap check. */
function install(
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

type Frequency = { kind: ClockSchedule['kind']; every: number; onceMs?: number; atDate?: [number, number, number] };

/** `timeBased()` (https://developers.google.com/apps-script/reference/script/clock-trigger-builder). */
export class ClockTriggerBuilderHost extends GasObject implements GoogleAppsScript.Script.ClockTriggerBuilder {
  readonly gasService = 'ScriptApp';
  readonly gasClass = 'ClockTriggerBuilder';
  private readonly _freqs: Frequency[] = [];
  private _hour?: number;
  private _nearMinute?: number;
  private _weekDay?: number;
  private _monthDay?: number;
  private _zone?: string;
  constructor(
    private readonly _core: EnvCore,
    private readonly _store: TriggerStore,
    private readonly _handler: string,
  ) {
    super();
  }
  private _int(v: unknown, name: string, ok: (n: number) => boolean): number {
    const n = Number(v);
    if (typeof v !== 'number' || !Number.isInteger(n) || !ok(n))
      throw this._core.kernel.error(`Invalid argument: ${name}`);
    return n;
  }
  everyMinutes(n: number): this {
    this._freqs.push({ kind: 'minutes', every: this._int(n, 'minutes', (x) => [1, 5, 10, 15, 30].includes(x)) });
    return this;
  }
  everyHours(n: number): this {
    this._freqs.push({ kind: 'hours', every: this._int(n, 'hours', (x) => [1, 2, 4, 6, 8, 12].includes(x)) });
    return this;
  }
  everyDays(n: number): this {
    this._freqs.push({ kind: 'days', every: this._int(n, 'days', (x) => x >= 1) });
    return this;
  }
  everyWeeks(n: number): this {
    this._freqs.push({ kind: 'weeks', every: this._int(n, 'weeks', (x) => x >= 1) });
    return this;
  }
  atHour(hour: number): this {
    this._hour = this._int(hour, 'hour', (x) => x >= 0 && x <= 23);
    return this;
  }
  nearMinute(minute: number): this {
    this._nearMinute = this._int(minute, 'minute', (x) => x >= 0 && x <= 59);
    return this;
  }
  onMonthDay(day: number): this {
    this._monthDay = this._int(day, 'day', (x) => x >= 1 && x <= 31);
    this._freqs.push({ kind: 'monthDay', every: 1 });
    return this;
  }
  onWeekDay(day: unknown): this {
    const i = WEEK_DAYS.indexOf(String(day));
    if (i < 0) throw this._core.kernel.error('Invalid argument: day');
    this._weekDay = i;
    return this;
  }
  at(date: unknown): this {
    if (!(date instanceof Date) || Number.isNaN(date.getTime()))
      throw this._core.kernel.error('Invalid argument: date');
    this._freqs.push({ kind: 'once', every: 1, onceMs: date.getTime() });
    return this;
  }
  after(durationMilliseconds: number): this {
    const ms = this._int(durationMilliseconds, 'durationMilliseconds', (x) => x >= 0);
    this._freqs.push({ kind: 'once', every: 1, onceMs: this._core.kernel.clock.nowMs() + ms });
    return this;
  }
  atDate(year: number, month: number, day: number): this {
    this._freqs.push({
      kind: 'once',
      every: 1,
      atDate: [
        this._int(year, 'year', (x) => x > 0),
        this._int(month, 'month', (x) => x >= 1 && x <= 12),
        this._int(day, 'day', (x) => x >= 1 && x <= 31),
      ],
    });
    return this;
  }
  inTimezone(timezone: string): this {
    if (!isValidTimeZone(timezone)) throw this._core.kernel.error('Invalid argument: timezone');
    this._zone = timezone;
    return this;
  }
  create(): GoogleAppsScript.Script.Trigger {
    const schedule = this._schedule();
    const r = this._core.random();
    let offsetMinutes = 0;
    if (schedule.kind === 'days' || schedule.kind === 'weeks' || schedule.kind === 'monthDay') {
      // nearMinute fires within ±15 minutes of the minute; without it, at a random minute of the hour.
      offsetMinutes = this._nearMinute !== undefined ? this._nearMinute + Math.floor(r * 31) - 15 : Math.floor(r * 60);
    }
    const atDate = this._freqs[0]?.atDate;
    if (atDate)
      schedule.onceMs = instantFromZoned(
        atDate[0],
        atDate[1],
        atDate[2],
        0,
        Math.floor(r * 31) - 15,
        schedule.timeZone,
      );
    return install(this._core, this._store, {
      handler: this._handler,
      eventType: 'CLOCK',
      source: 'CLOCK',
      sourceId: null,
      schedule,
      offsetMinutes,
    });
  }
  /** Validates the combination of builder calls (one frequency; hour/minute only with a daily or longer one). */
  private _schedule(): ClockSchedule {
    const freqs = [...this._freqs];
    if (this._weekDay !== undefined && !freqs.some((f) => f.kind === 'weeks')) freqs.push({ kind: 'weeks', every: 1 });
    const err = (m: string): never => {
      throw this._core.kernel.error(m);
    };
    if (freqs.length === 0)
      err(
        'Missing trigger frequency: call everyMinutes, everyHours, everyDays, everyWeeks, onWeekDay, onMonthDay, at, after or atDate before create().',
      );
    if (freqs.length > 1) err(`Conflicting trigger frequencies: ${freqs.map((f) => f.kind).join(', ')}.`);
    const f = freqs[0];
    const daily = f.kind === 'days' || f.kind === 'weeks' || f.kind === 'monthDay';
    if (!daily && (this._hour !== undefined || this._nearMinute !== undefined))
      err('atHour and nearMinute need everyDays, everyWeeks, onWeekDay or onMonthDay.');
    return {
      kind: f.kind,
      every: f.every,
      hour: this._hour,
      nearMinute: this._nearMinute,
      weekDay: this._weekDay,
      monthDay: this._monthDay,
      onceMs: f.onceMs,
      timeZone: this._zone ?? this._core.options.timeZone,
    };
  }
}
