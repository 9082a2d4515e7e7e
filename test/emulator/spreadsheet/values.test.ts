// Unit tests of cell values: which number formats make a value a date, and typed-input parsing (zh_CN).
import { isDateFormat, parseTypedInput } from '../../../emulator/spreadsheet/values';

describe('display values', () => {
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
