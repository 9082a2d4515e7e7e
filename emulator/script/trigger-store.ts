// Installed triggers and the schedule of time-driven ones: when each fires next, in its own time zone.
import { instantFromZoned, zonedParts } from '../host/zoned-time';

export type TriggerEventType = 'CLOCK' | 'ON_OPEN' | 'ON_EDIT' | 'ON_CHANGE' | 'ON_FORM_SUBMIT';
export type TriggerSourceType = 'CLOCK' | 'SPREADSHEETS';

/** A time-driven schedule as the ClockTriggerBuilder recorded it. */
export interface ClockSchedule {
  /** The frequency: every n minutes/hours/days/weeks, monthly on a day, or once. */
  kind: 'minutes' | 'hours' | 'days' | 'weeks' | 'monthDay' | 'once';
  every: number;
  /** Wall-clock hour (days/weeks/monthDay); defaults to the creation hour. */
  hour?: number;
  /** The requested minute (`nearMinute`), before the ±15 minute jitter. */
  nearMinute?: number;
  /** 0 = Sunday … 6 = Saturday (weeks). */
  weekDay?: number;
  monthDay?: number;
  /** The instant of a one-time trigger (`at`, `after`, `atDate`). */
  onceMs?: number;
  timeZone: string;
}

/** One installed trigger (host view; `ScriptApp.Trigger` objects are views of these). */
export interface InstalledTrigger {
  uid: string;
  handler: string;
  /** The account that installed it: it runs as them and only they see it in getProjectTriggers(). */
  owner: string;
  eventType: TriggerEventType;
  source: TriggerSourceType;
  sourceId: string | null;
  createdMs: number;
  schedule?: ClockSchedule;
  /** Minutes after the scheduled hour the trigger actually fires (fixed per trigger, from the seed). */
  offsetMinutes: number;
  /** The last occurrence fired (or the creation time): the next one comes strictly after it. */
  lastFiredMs: number;
  /** How many times it fired. */
  fires: number;
}

const MINUTE = 60_000;
const DAY = 86_400_000;

/** The first occurrence of a clock trigger strictly after `afterMs`, or null when it will not fire again. */
export function nextFireMs(t: InstalledTrigger, afterMs: number): number | null {
  const s = t.schedule;
  if (!s) return null;
  switch (s.kind) {
    case 'once':
      // A one-time trigger whose time already passed fires at once; it stays installed after firing.
      return t.fires === 0 ? Math.max(s.onceMs!, t.createdMs) : null;
    case 'minutes':
    case 'hours': {
      const step = s.every * (s.kind === 'minutes' ? MINUTE : 60 * MINUTE);
      const k = Math.max(1, Math.floor((afterMs - t.createdMs) / step) + 1);
      return t.createdMs + k * step;
    }
    case 'days':
    case 'weeks':
      return nextByDays(t, s, afterMs);
    case 'monthDay':
      return nextMonthly(t, s, afterMs);
  }
}

/** Daily and weekly schedules: occurrence k is `every` days (or weeks) after the first scheduled day. */
function nextByDays(t: InstalledTrigger, s: ClockSchedule, afterMs: number): number {
  const c = zonedParts(t.createdMs, s.timeZone);
  const hour = s.hour ?? c.hour;
  let startDay = c.day;
  if (s.kind === 'weeks' && s.weekDay !== undefined) startDay += (s.weekDay - c.weekday + 7) % 7;
  const stepDays = s.kind === 'weeks' ? 7 * s.every : s.every;
  const at = (k: number): number =>
    instantFromZoned(c.year, c.month, startDay + k * stepDays, hour, t.offsetMinutes, s.timeZone);
  let k = Math.max(0, Math.floor((afterMs - at(0)) / (stepDays * DAY)) - 1);
  while (at(k) <= afterMs || at(k) <= t.createdMs) k++;
  return at(k);
}

/** Monthly schedules skip months that lack the day (a 31st fires only in 31-day months). */
function nextMonthly(t: InstalledTrigger, s: ClockSchedule, afterMs: number): number {
  const c = zonedParts(t.createdMs, s.timeZone);
  const a = zonedParts(afterMs, s.timeZone);
  const hour = s.hour ?? c.hour;
  const day = s.monthDay!;
  for (let i = 0; i < 600; i++) {
    const month0 = a.month - 1 + i - 1;
    const y = a.year + Math.floor(month0 / 12);
    const m = (((month0 % 12) + 12) % 12) + 1;
    if (day > new Date(Date.UTC(y, m, 0)).getUTCDate()) continue;
    const ms = instantFromZoned(y, m, day, hour, t.offsetMinutes, s.timeZone);
    if (ms > afterMs && ms > t.createdMs) return ms;
  }
  throw new Error('monthly trigger: no occurrence found');
}

/** The triggers of one script project. */
export class TriggerStore {
  readonly all: InstalledTrigger[] = [];
  private nextUid = 1;

  constructor(private readonly seed: number) {}

  newUid(): string {
    // Apps Script trigger ids are decimal strings of about 19 digits.
    return String(1_000_000_000_000_000 + (this.seed % 1_000_000) * 1000 + this.nextUid++);
  }
  add(t: InstalledTrigger): void {
    this.all.push(t);
  }
  remove(uid: string): boolean {
    const i = this.all.findIndex((t) => t.uid === uid);
    if (i >= 0) this.all.splice(i, 1);
    return i >= 0;
  }
  ofUser(email: string): InstalledTrigger[] {
    return this.all.filter((t) => t.owner === email);
  }
  byUid(uid: string): InstalledTrigger | undefined {
    return this.all.find((t) => t.uid === uid);
  }
  /** The earliest clock occurrence due at or before `untilMs`, if any. */
  nextDue(untilMs: number): { trigger: InstalledTrigger; atMs: number } | null {
    let best: { trigger: InstalledTrigger; atMs: number } | null = null;
    for (const t of this.all) {
      if (t.eventType !== 'CLOCK') continue;
      const at = nextFireMs(t, t.lastFiredMs);
      if (at !== null && at <= untilMs && (!best || at < best.atMs)) best = { trigger: t, atMs: at };
    }
    return best;
  }
}
