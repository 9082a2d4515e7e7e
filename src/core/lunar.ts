// Chinese lunisolar calendar (1900–2100) and the 清明 solar term: enough to place statutory holidays.
import { addDays, ymd, type LocalDate } from './dates';

/**
 * One number per lunar year 1900–2100 (index = year − 1900):
 *   bits 0–12  length of each month in order, the leap month right after its namesake (1 = 30 days, 0 = 29);
 *   bits 13–16 the leap month (0 = none);
 *   bits 17–22 days from 1 January of that Gregorian year to 正月初一.
 * Derived from the `chinese-days` package (1.5.7) lunar data and checked against it for every year
 * in test/core/lunar.test.ts.
 */
// prettier-ignore
const LUNAR_YEARS: readonly number[] = [
  /* 1900 */ 0x3d16d2, 0x620752, 0x4c0ea5, 0x38b64a, 0x5c064b, 0x440a9b, 0x309556, 0x56056a, 0x400b59, 0x2a5752,
  /* 1910 */ 0x500752, 0x3adb25, 0x600b25, 0x480a4b, 0x32b4ab, 0x5802ad, 0x42056b, 0x2c4b69, 0x520da9, 0x3efd92,
  /* 1920 */ 0x640e92, 0x4c0d25, 0x36ba4d, 0x5c0a56, 0x4602b6, 0x2e95b5, 0x5606d4, 0x400ea9, 0x2c5e92, 0x500e92,
  /* 1930 */ 0x3acd26, 0x5e052b, 0x480a57, 0x32b2d6, 0x580b5a, 0x4406d4, 0x2e6ec9, 0x520749, 0x3cf693, 0x620a93,
  /* 1940 */ 0x4c052b, 0x34ca5b, 0x5a0aad, 0x46056a, 0x309b55, 0x560ba4, 0x400b49, 0x2a5a93, 0x500a95, 0x38f52d,
  /* 1950 */ 0x5e0536, 0x480aad, 0x34b5aa, 0x5805b2, 0x420da5, 0x2e7d4a, 0x540d4a, 0x3d0a95, 0x600a97, 0x4c0556,
  /* 1960 */ 0x36cab5, 0x5a0ad5, 0x4606d2, 0x308ea5, 0x560ea5, 0x40064a, 0x286c97, 0x4e0a9b, 0x3af55a, 0x5e056a,
  /* 1970 */ 0x480b69, 0x34b752, 0x5a0b52, 0x420b25, 0x2c964b, 0x520a4b, 0x3d14ab, 0x6002ad, 0x4a056d, 0x36cb69,
  /* 1980 */ 0x5c0da9, 0x460d92, 0x309d25, 0x560d25, 0x415a4d, 0x640a56, 0x4e02b6, 0x38c5b5, 0x5e06d5, 0x480ea9,
  /* 1990 */ 0x34be92, 0x5a0e92, 0x440d26, 0x2c6a56, 0x500a57, 0x3d14d6, 0x6203aa, 0x4a06d5, 0x36b6c9, 0x5c0749,
  /* 2000 */ 0x460693, 0x2e952b, 0x54052b, 0x3e0a5b, 0x2a555a, 0x4e056a, 0x38fb55, 0x600ba4, 0x4a0b49, 0x32ba93,
  /* 2010 */ 0x580a95, 0x42052d, 0x2c8aad, 0x500ab5, 0x3d35aa, 0x6205d2, 0x4c0da5, 0x36dd4a, 0x5c0d4a, 0x460c95,
  /* 2020 */ 0x30952e, 0x540556, 0x3e0ab5, 0x2a55b2, 0x5006d2, 0x38cea5, 0x5e0725, 0x48064b, 0x32ac97, 0x560cab,
  /* 2030 */ 0x42055a, 0x2c6ad6, 0x520b69, 0x3d7752, 0x620b52, 0x4c0b25, 0x36da4b, 0x5a0a4b, 0x4404ab, 0x2ea55b,
  /* 2040 */ 0x5405ad, 0x3e0b6a, 0x2a5b52, 0x500d92, 0x3afd25, 0x5e0d25, 0x480a55, 0x32b4ad, 0x5804b6, 0x4005b5,
  /* 2050 */ 0x2c6daa, 0x520ec9, 0x3f1e92, 0x620e92, 0x4c0d26, 0x36ca56, 0x5a0a57, 0x4404d6, 0x2e86d5, 0x540755,
  /* 2060 */ 0x400745, 0x286e93, 0x4e0693, 0x38f52b, 0x5e052b, 0x460a5b, 0x32b55a, 0x58056a, 0x420b65, 0x2c974a,
  /* 2070 */ 0x520b4a, 0x3d1a95, 0x620a95, 0x4a052d, 0x34caad, 0x5a0ab5, 0x4605aa, 0x2e8ba5, 0x540da5, 0x400d4a,
  /* 2080 */ 0x2a7c95, 0x4e0c96, 0x38f94e, 0x5e0556, 0x480ab5, 0x32b5b2, 0x5806d2, 0x420ea5, 0x2e8e4a, 0x50068b,
  /* 2090 */ 0x3b0c97, 0x6004ab, 0x4a055b, 0x34cad6, 0x5a0b6a, 0x460752, 0x309725, 0x540b45, 0x3e0a8b, 0x28549b,
  /* 2100 */ 0x4e04ab,
];

/** First lunar year the table covers. */
export const LUNAR_MIN_YEAR = 1900;
/** Last lunar year the table covers (its 正月初一 is in that Gregorian year). */
export const LUNAR_MAX_YEAR = 1900 + LUNAR_YEARS.length - 1;

function yearInfo(year: number): number {
  if (!Number.isInteger(year) || year < LUNAR_MIN_YEAR || year > LUNAR_MAX_YEAR) {
    throw new RangeError(`Lunar data covers ${LUNAR_MIN_YEAR}–${LUNAR_MAX_YEAR}, not ${year}`);
  }
  return LUNAR_YEARS[year - LUNAR_MIN_YEAR];
}

/** The leap month of a lunar year, or 0. */
export function leapMonthOf(year: number): number {
  return (yearInfo(year) >> 13) & 0xf;
}

/** Month lengths of a lunar year in order (12 or 13 entries, the leap month after its namesake). */
export function lunarMonthLengths(year: number): number[] {
  const info = yearInfo(year);
  const count = leapMonthOf(year) ? 13 : 12;
  const lengths: number[] = [];
  for (let i = 0; i < count; i++) lengths.push(info & (1 << i) ? 30 : 29);
  return lengths;
}

/** 正月初一 (Spring Festival day) of a lunar year, as a Gregorian date in the same year. */
export function lunarNewYear(year: number): LocalDate {
  return addDays(ymd(year, 1, 1), (yearInfo(year) >> 17) & 0x3f);
}

/**
 * The Gregorian date of lunar `month`/`day` in lunar `year` (`leap` for the leap month).
 * Throws RangeError for a month or day that year does not have.
 */
export function lunarToSolar(year: number, month: number, day: number, leap = false): LocalDate {
  const leapMonth = leapMonthOf(year);
  if (month < 1 || month > 12 || (leap && leapMonth !== month)) {
    throw new RangeError(`Lunar year ${year} has no ${leap ? 'leap ' : ''}month ${month}`);
  }
  const lengths = lunarMonthLengths(year);
  const index = month - 1 + (leapMonth && (month > leapMonth || leap) ? 1 : 0);
  if (!Number.isInteger(day) || day < 1 || day > lengths[index]) {
    throw new RangeError(`Lunar ${year}-${month} has no day ${day}`);
  }
  let offset = day - 1;
  for (let i = 0; i < index; i++) offset += lengths[i];
  return addDays(lunarNewYear(year), offset);
}

/**
 * The day of the 清明 solar term (Shanghai date), by the standard century-constant formula
 * day = ⌊Y·0.2422 + C⌋ − ⌊Y/4⌋ (Y = year mod 100; C = 5.59 for 1901–1999, 4.81 for 2000–2099).
 * It agrees with an astronomical computation (sun's apparent longitude 15°) for 1950–2099; 2100
 * falls outside the formula's century and is 04-05 (the term is at about 00:40 UTC+8).
 */
export function qingmingDate(year: number): LocalDate {
  if (!Number.isInteger(year) || year < 1901 || year > 2100) {
    throw new RangeError(`清明 is computed for 1901–2100, not ${year}`);
  }
  if (year === 2100) return '2100-04-05';
  const y = year % 100;
  const c = year >= 2000 ? 4.81 : 5.59;
  return ymd(year, 4, Math.floor(y * 0.2422 + c) - Math.floor(y / 4));
}
