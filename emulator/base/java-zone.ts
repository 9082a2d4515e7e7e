// Java time zone ids as Utilities.formatDate/parseDate take them: IANA ids, "GMT"/"UTC" and custom
// "GMT+hh:mm" offsets, with Java's English zone names for the zones the local runtime knows.
import { isValidTimeZone, zoneOffsetMs } from '../host/zoned-time';

/** A resolved time zone: its offset at an instant and Java's `z`/`zzzz` names (null when unknown here). */
export interface JavaZone {
  id: string;
  offsetMs(ms: number): number;
  names(ms: number): { short: string; long: string } | null;
}

interface ZoneNames {
  standardMinutes: number;
  standard: [string, string];
  daylight?: [string, string];
}

const CHINA: ZoneNames = { standardMinutes: 480, standard: ['CST', 'China Standard Time'] };
const UTC: ZoneNames = { standardMinutes: 0, standard: ['UTC', 'Coordinated Universal Time'] };
const GMT: ZoneNames = { standardMinutes: 0, standard: ['GMT', 'Greenwich Mean Time'] };
const CET: ZoneNames = {
  standardMinutes: 60,
  standard: ['CET', 'Central European Time'],
  daylight: ['CEST', 'Central European Summer Time'],
};
const us = (minutes: number, letter: string, name: string): ZoneNames => ({
  standardMinutes: minutes,
  standard: [`${letter}ST`, `${name} Standard Time`],
  daylight: [`${letter}DT`, `${name} Daylight Time`],
});

/** Java's English names (java.util.TimeZone#getDisplayName) for the zones this runtime vouches for. */
const NAMES: Record<string, ZoneNames> = {
  'Asia/Shanghai': CHINA,
  'Asia/Chongqing': CHINA,
  'Asia/Harbin': CHINA,
  PRC: CHINA,
  'Asia/Tokyo': { standardMinutes: 540, standard: ['JST', 'Japan Standard Time'] },
  UTC,
  'Etc/UTC': UTC,
  GMT,
  'Etc/GMT': GMT,
  'Europe/London': {
    standardMinutes: 0,
    standard: ['GMT', 'Greenwich Mean Time'],
    daylight: ['BST', 'British Summer Time'],
  },
  'Europe/Paris': CET,
  'Europe/Berlin': CET,
  'America/New_York': us(-300, 'E', 'Eastern'),
  'America/Chicago': us(-360, 'C', 'Central'),
  'America/Denver': us(-420, 'M', 'Mountain'),
  'America/Los_Angeles': us(-480, 'P', 'Pacific'),
};

const CUSTOM = /^GMT([+-])(\d{1,2})(?::(\d{2})|(\d{2}))?$/;

/** "+08:00"-style text of an offset in minutes (Java's custom zone ids use it as their name). */
export function gmtOffsetText(minutes: number): string {
  const sign = minutes < 0 ? '-' : '+';
  const abs = Math.abs(minutes);
  return `GMT${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
}

function customZone(id: string): JavaZone | null {
  const m = CUSTOM.exec(id);
  if (!m) return null;
  const hours = Number(m[2]);
  const minutes = Number(m[3] ?? m[4] ?? 0);
  if (hours > 23 || minutes > 59) return null;
  const total = (m[1] === '-' ? -1 : 1) * (hours * 60 + minutes);
  const name = gmtOffsetText(total);
  return { id: name, offsetMs: () => total * 60_000, names: () => ({ short: name, long: name }) };
}

function ianaZone(id: string): JavaZone | null {
  if (!isValidTimeZone(id) || !(id.includes('/') || id === 'UTC' || id === 'GMT' || id === 'PRC')) return null;
  const resolved = new Intl.DateTimeFormat('en-US', { timeZone: id }).resolvedOptions().timeZone;
  // Java's ids are case-sensitive ("asia/shanghai" is unknown to Java) while Intl accepts any case.
  if (resolved !== id && resolved.toLowerCase() === id.toLowerCase()) return null;
  const table = NAMES[id];
  return {
    id,
    offsetMs: (ms) => zoneOffsetMs(ms, id),
    names: (ms) => {
      if (!table) return null;
      const minutes = Math.round(zoneOffsetMs(ms, id) / 60_000);
      if (minutes === table.standardMinutes) return { short: table.standard[0], long: table.standard[1] };
      if (table.daylight && minutes > table.standardMinutes)
        return { short: table.daylight[0], long: table.daylight[1] };
      return null; // a historical offset (e.g. China's 1986–1991 summer time): names unverified
    },
  };
}

/**
 * Resolves a Java time zone id, or null when it is not one. Java itself silently falls back to GMT for
 * an unknown id; the local runtime refuses instead (a misspelt zone would otherwise shift every date).
 */
export function resolveJavaZone(id: string): JavaZone | null {
  if (id.startsWith('GMT') && id.length > 3) return customZone(id);
  return ianaZone(id);
}
