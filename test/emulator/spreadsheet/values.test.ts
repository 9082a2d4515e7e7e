// Unit tests of the Sheets module's pure parts: A1 parsing, number-format rendering, typed-input parsing and
// zone arithmetic of date serials (independent of the host zone).
import { formatA1, parseA1, shiftFormula } from '../../emulator/spreadsheet/a1';
import { displayValue, general } from '../../emulator/spreadsheet/formats';
import { isDateFormat, parseTypedInput } from '../../emulator/spreadsheet/values';
import { dateToSerial, isValidTimeZone, serialToDate } from '../../emulator/spreadsheet/zones';

describe('A1 notation', () => {
  test.each([
    ['A1', { kind: 'cells', row: 1, col: 1, endRow: 1, endCol: 1 }],
    ["'名称 带空格'!B2:C3", { sheetName: '名称 带空格', kind: 'cells', row: 2, col: 2, endRow: 3, endCol: 3 }],
    ["'it''s'!A1", { sheetName: "it's", kind: 'cells', row: 1, col: 1, endRow: 1, endCol: 1 }],
    ['台账!A:C', { sheetName: '台账', kind: 'columns', col: 1, endCol: 3 }],
    ['3:1', { kind: 'rows', row: 1, endRow: 3 }],
  ])('%s', (text, want) => expect(parseA1(text)).toEqual(want));

  test.each(['', 'A0', 'A1:', '1A', 'A1:B2:C3', "'open!A1", 'Sheet 1!A1'])('%j is not a range', (text) =>
    expect(parseA1(text)).toBeNull(),
  );

  test('printing and filling formulas', () => {
    expect(formatA1(2, 27, 3, 2)).toBe('AA2:AB4');
    expect(shiftFormula('=SUM(A1:B2)+$C$1+LOG10(D4)&"A1"', 1, 1)).toBe('=SUM(B2:C3)+$C$1+LOG10(E5)&"A1"');
  });
});

describe('display values', () => {
  test.each([
    [-1234.5, '#,##0.00', '-1,234.50'],
    [0.1234, '0.0%', '12.3%'],
    [5, '"¥"#,##0.00', '¥5.00'],
    [-5, '#,##0;(#,##0)', '(5)'],
    [0, '0.00;-0.00;"-"', '-'],
    [123456789, '0.00E+00', '1.23E+08'],
    [46300.5, 'yyyy/m/d h:mm AM/PM', '2026/10/5 12:00 PM'],
    [1.5, '[h]:mm', '36:00'],
    [46300, 'dddd, mmmm d', 'Monday, October 5'],
  ])('%p with %s', (v, fmt, want) => expect(displayValue(v, fmt, 'en_US')).toBe(want));

  test('zh_CN names and general numbers', () => {
    expect(displayValue(46300.75, 'yyyy"年"m"月"d"日" dddd AM/PM', 'zh_CN')).toBe('2026年10月5日 星期一 下午');
    expect([general(0.1 + 0.2), general(13812345678), general(1e20)]).toEqual(['0.3', '13812345678', '1E+20']);
  });

  test('which formats are date formats', () => {
    expect(['yyyy-mm-dd', 'h:mm', '[h]:mm', 'yyyy"年"'].map(isDateFormat)).toEqual([true, true, true, true]);
    expect(['0.00', '@', '"元"#,##0', '0.00E+00', '[$¥-804]#,##0.00', undefined].map(isDateFormat)).toEqual([
      false,
      false,
      false,
      false,
      false,
      false,
    ]);
  });
});

describe('typed input', () => {
  const zh = { locale: 'zh_CN', timeZone: 'Asia/Shanghai', now: new Date('2024-03-05T01:00:00Z') };
  test.each([
    ['10-5', { value: 45570, format: 'm-d', dateFormat: true }],
    ['2026年10月', { value: 46296, format: 'yyyy"年"m"月"', dateFormat: true }],
    ['0012.50', { value: 12.5 }],
    ['¥12', { value: 12, format: '"¥"#,##0.00' }],
  ])('%s', (text, want) => expect(parseTypedInput(text, zh)).toEqual(want));

  test.each(['$12', '-', '1-2-3', '12:70', '2026/13/1', '10/5/2026'])('%j stays text in zh_CN', (text) =>
    expect(parseTypedInput(text, zh)).toEqual({ value: text }),
  );
});

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
