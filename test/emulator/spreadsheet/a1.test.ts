// Unit tests of A1 notation: parsing, printing and filling formulas.
import { formatA1, parseA1, shiftFormula } from '../../../emulator/spreadsheet/a1';

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
