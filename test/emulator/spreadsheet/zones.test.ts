// Unit tests of the zone arithmetic of date serials (independent of the host zone).
import { dateToSerial, isValidTimeZone, serialToDate } from '../../../emulator/spreadsheet/zones';

describe('date serials in a zone', () => {
  test('wall clock in the spreadsheet zone, both ways, whatever the host zone', () => {
    const instant = new Date('2024-01-01T00:00:00Z');
    expect(dateToSerial(instant, 'Asia/Shanghai')).toBeCloseTo(45292 + 8 / 24, 9);
    expect(dateToSerial(instant, 'America/New_York')).toBeCloseTo(45291 + 19 / 24, 9);
    expect(serialToDate(45292, 'America/New_York').toISOString()).toBe('2024-01-01T05:00:00.000Z');
    expect(serialToDate(45365.5, 'America/New_York').toISOString()).toBe('2024-03-14T16:00:00.000Z');
  });

  test('IANA ids only', () => {
    expect(['Asia/Shanghai', 'UTC', 'America/New_York'].every(isValidTimeZone)).toBe(true);
    expect(['Mars/Olympus', 'CST', '', 'GMT+8'].some(isValidTimeZone)).toBe(false);
  });
});
