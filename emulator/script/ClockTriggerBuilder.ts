// ClockTriggerBuilder (https://developers.google.com/apps-script/reference/script/clock-trigger-builder): schedules validated as Apps Script validates them.
import { GasObject } from '../host/kernel';
import type { EnvCore } from '../host/env-core';
import type { ClockSchedule, TriggerStore } from './trigger-store';
import { instantFromZoned, isValidTimeZone } from '../host/zoned-time';
import { Frequency, WEEK_DAYS, install } from './TriggerBuilder';

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
