// Date serials as Sheets keeps them: days since 1899-12-30 00:00 on the WALL CLOCK of the spreadsheet's
// time zone. Converts instants ⇄ serials with the runtime's cached zone offsets (Intl, full ICU in Node).
import { zoneOffsetMs } from '../host/zoned-time';

const DAY_MS = 86_400_000;
/** 1899-12-30 00:00 as a wall-clock epoch (UTC arithmetic). */
export const SERIAL_EPOCH_MS = Date.UTC(1899, 11, 30);

/** Wall clock minus UTC at an instant: the runtime's one zone-offset function. */
export { zoneOffsetMs };
/** The serial of an instant's wall clock in `tz`. */
export function dateToSerial(date: Date, tz: string): number {
  const ms = date.getTime();
  return (ms + zoneOffsetMs(ms, tz) - SERIAL_EPOCH_MS) / DAY_MS;
}

/** The instant whose wall clock in `tz` reads `serial` (the earlier one in a DST overlap). */
export function serialToDate(serial: number, tz: string): Date {
  const wall = Math.round(SERIAL_EPOCH_MS + serial * DAY_MS);
  let off = zoneOffsetMs(wall, tz);
  let inst = wall - off;
  const off2 = zoneOffsetMs(inst, tz);
  if (off2 !== off) {
    off = off2;
    inst = wall - off;
  }
  return new Date(inst);
}

/** Wall-clock fields of a serial (no zone involved: a serial is already a wall clock). */
export function serialParts(serial: number): {
  y: number;
  m: number;
  d: number;
  h: number;
  mi: number;
  s: number;
  ms: number;
  dow: number;
} {
  const t = new Date(Math.round(SERIAL_EPOCH_MS + serial * DAY_MS));
  return {
    y: t.getUTCFullYear(),
    m: t.getUTCMonth() + 1,
    d: t.getUTCDate(),
    h: t.getUTCHours(),
    mi: t.getUTCMinutes(),
    s: t.getUTCSeconds(),
    ms: t.getUTCMilliseconds(),
    dow: t.getUTCDay(),
  };
}

/** The serial of a wall-clock date and time. */
export function wallSerial(y: number, m: number, d: number, h = 0, mi = 0, s = 0): number {
  return (Date.UTC(y, m - 1, d, h, mi, s) - SERIAL_EPOCH_MS) / DAY_MS;
}

let supported: Set<string> | null = null;

/** True for an IANA zone id Sheets accepts (canonical ids and the aliases ICU keeps). */
export function isValidTimeZone(tz: unknown): tz is string {
  if (typeof tz !== 'string' || !tz) return false;
  if (!supported) supported = new Set(Intl.supportedValuesOf('timeZone'));
  if (supported.has(tz) || tz === 'UTC' || tz === 'Etc/UTC' || tz === 'Etc/GMT') return true;
  try {
    return new Intl.DateTimeFormat('en-US', { timeZone: tz }).resolvedOptions().timeZone === tz && tz.includes('/');
  } catch {
    return false;
  }
}
