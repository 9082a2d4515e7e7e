// Unit tests of number-format rendering: display values in en_US and zh_CN, general numbers.
import { displayValue, general } from '../../../emulator/spreadsheet/formats';

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
});
