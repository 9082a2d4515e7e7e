// Checks of getRange in every overload and A1 form, the bounds and shape errors, and Range geometry.
import type { Check } from './harness';

const SHEET = 'https://developers.google.com/apps-script/reference/spreadsheet/sheet';
const RANGE = 'https://developers.google.com/apps-script/reference/spreadsheet/range';
const FIDELITY = '../shared/docs/local-runtime-fidelity.md';

export const rangeChecks: Check[] = [
  {
    name: 'getRange(row, column) and (row, column, numRows, numColumns) are 1-based',
    source: SHEET + '#getRange(Integer,Integer,Integer,Integer)',
    run: (t) => {
      const sh = SpreadsheetApp.getActive().getSheets()[0];
      const r = sh.getRange(2, 3, 4, 5);
      t.deepEqual(
        [r.getRow(), r.getColumn(), r.getNumRows(), r.getNumColumns(), r.getLastRow(), r.getLastColumn()],
        [2, 3, 4, 5, 5, 7],
      );
      t.equal(r.getA1Notation(), 'C2:G5');
      t.equal(sh.getRange(1, 1).getA1Notation(), 'A1');
      t.equal(sh.getRange(3, 2, 4).getA1Notation(), 'B3:B6');
    },
  },
  {
    name: 'A1 forms: case, $ signs, boxes written backwards',
    source: FIDELITY + " §3.3 (gas-fakes: getRange('$aa$11').getA1Notation() is 'AA11')",
    run: (t) => {
      const sh = SpreadsheetApp.getActive().getSheets()[0];
      sh.insertColumnsAfter(26, 1);
      t.equal(sh.getRange('$aa$11').getA1Notation(), 'AA11');
      t.equal(sh.getRange('b2').getA1Notation(), 'B2');
      t.equal(sh.getRange('$A$1:$C$10').getA1Notation(), 'A1:C10');
      t.equal(sh.getRange('C3:A1').getA1Notation(), 'A1:C3');
    },
  },
  {
    name: "open-ended A1: 'A:C' is whole columns, 'A2:C' runs to the last row, '2:5' is whole rows",
    source: FIDELITY + ' §3.3',
    run: (t) => {
      const sh = SpreadsheetApp.getActive().getSheets()[0];
      const cols = sh.getRange('A:C');
      t.deepEqual([cols.getRow(), cols.getNumRows(), cols.getNumColumns()], [1, 1000, 3]);
      t.equal(cols.getA1Notation(), 'A:C');
      const open = sh.getRange('A2:C');
      t.deepEqual([open.getRow(), open.getLastRow(), open.getNumColumns()], [2, 1000, 3]);
      const rows = sh.getRange('2:5');
      t.deepEqual([rows.getRow(), rows.getNumRows(), rows.getColumn(), rows.getNumColumns()], [2, 4, 1, 26]);
      t.equal(rows.getA1Notation(), '2:5');
    },
  },
  {
    name: 'R1C1 notation is accepted',
    source: SHEET + '#getRange(String)',
    run: (t) => {
      const sh = SpreadsheetApp.getActive().getSheets()[0];
      t.equal(sh.getRange('R2C3').getA1Notation(), 'C2');
      t.equal(sh.getRange('R1C1:R2C3').getA1Notation(), 'A1:C2');
    },
  },
  {
    name: "Sheet.getRange with another sheet's name resolves on that sheet",
    source: SHEET + '#getRange(String)',
    run: (t) => {
      const ss = SpreadsheetApp.getActive();
      ss.insertSheet('人员').getRange('A1').setValue('张三');
      t.equal(ss.getSheets()[0].getRange('人员!A1').getValue(), '张三');
    },
  },
  {
    name: 'a start row or column below 1 fails with the "too small" messages',
    source: FIDELITY + ' §3.3',
    run: (t) => {
      const sh = SpreadsheetApp.getActive().getSheets()[0];
      t.throws(() => sh.getRange(0, 1), 'The starting row of the range is too small.');
      t.throws(() => sh.getRange(1, 0), 'The starting column of the range is too small.');
    },
  },
  {
    name: 'zero rows or columns fail (the classic getLastRow()-1 bug on an empty sheet)',
    source: FIDELITY + ' §3.2/§3.3',
    run: (t) => {
      const sh = SpreadsheetApp.getActive().getSheets()[0];
      t.throws(() => sh.getRange(2, 1, sh.getLastRow() - 1, 3), 'The number of rows in the range must be at least 1.');
      t.throws(() => sh.getRange(1, 1, 1, 0), 'The number of columns in the range must be at least 1.');
    },
  },
  {
    name: 'a range beyond the grid fails with "outside the dimensions of the sheet"',
    source: FIDELITY + ' §3.3 (ErrorHandler)',
    run: (t) => {
      const sh = SpreadsheetApp.getActive().getSheets()[0];
      t.throws(
        () => sh.getRange(1000, 1, 2, 1),
        'The coordinates of the range are outside the dimensions of the sheet.',
      );
      t.throws(() => sh.getRange(1, 27), 'The coordinates of the range are outside the dimensions of the sheet.');
      t.throws(() => sh.getRange('A1:AA1'), 'The coordinates of the range are outside the dimensions of the sheet.');
      t.equal(sh.getRange(1000, 26).getA1Notation(), 'Z1000');
    },
  },
  {
    name: 'wrong argument types fail with the method-signature message',
    source: FIDELITY + ' §2',
    run: (t) => {
      const sh = SpreadsheetApp.getActive().getSheets()[0] as unknown as { getRange(...a: unknown[]): unknown };
      t.throws(
        () => sh.getRange('A1', 2),
        "The parameters (String,number) don't match the method signature for SpreadsheetApp.Sheet.getRange.",
      );
      t.throws(() => sh.getRange(1.5, 1), /don't match the method signature for SpreadsheetApp\.Sheet\.getRange/);
    },
  },
  {
    name: 'offset moves and resizes; leaving the grid fails',
    source: RANGE + '#offset(Integer,Integer,Integer,Integer)',
    run: (t) => {
      const r = SpreadsheetApp.getActive().getSheets()[0].getRange('B2:C3');
      t.equal(r.offset(1, 1).getA1Notation(), 'C3:D4');
      t.equal(r.offset(0, 0, 1, 1).getA1Notation(), 'B2');
      t.equal(r.offset(-1, -1, 2).getA1Notation(), 'A1:B2');
      t.throws(() => r.offset(-2, 0), 'The starting row of the range is too small.');
    },
  },
  {
    name: 'getCell is relative to the range; outside it fails',
    source: RANGE + '#getCell(Integer,Integer)',
    run: (t) => {
      const r = SpreadsheetApp.getActive().getSheets()[0].getRange('B2:D4');
      t.equal(r.getCell(1, 1).getA1Notation(), 'B2');
      t.equal(r.getCell(3, 2).getA1Notation(), 'C4');
      t.throws(() => r.getCell(4, 1), 'Cell reference out of range');
    },
  },
  {
    name: "getSheet and getGridId name the range's sheet",
    source: RANGE + '#getSheet()',
    run: (t) => {
      const sh = SpreadsheetApp.getActive().insertSheet('B');
      const r = sh.getRange('A1');
      t.equal(r.getSheet().getName(), 'B');
      t.equal(r.getGridId(), sh.getSheetId());
    },
  },
  {
    name: "setValues checks the row count first, then every row's column count",
    source: FIDELITY + ' §3.4',
    run: (t) => {
      const r = SpreadsheetApp.getActive().getSheets()[0].getRange('A1:C2');
      t.throws(
        () => r.setValues([[1, 2, 3]]),
        'The number of rows in the data does not match the number of rows in the range. The data has 1 but the range has 2.',
      );
      t.throws(
        () =>
          r.setValues([
            [1, 2, 3],
            [4, 5],
          ]),
        'The number of columns in the data does not match the number of columns in the range. The data has 2 but the range has 3.',
      );
      t.equal(r.getValue(), '', 'nothing written');
    },
  },
  {
    name: 'setValues with a one-dimensional array fails with the signature message',
    source: FIDELITY + ' §2',
    run: (t) => {
      const r = SpreadsheetApp.getActive().getSheets()[0].getRange('A1:C1');
      t.throws(
        () => r.setValues([1, 2, 3] as unknown as unknown[][]),
        "The parameters (number[]) don't match the method signature for SpreadsheetApp.Range.setValues.",
      );
    },
  },
  {
    name: 'getValues returns a fresh array: changing it leaves the sheet alone',
    source: RANGE + '#getValues()',
    run: (t) => {
      const r = SpreadsheetApp.getActive().getSheets()[0].getRange('A1:B1');
      r.setValues([['a', 'b']]);
      const v = r.getValues();
      v[0][0] = 'changed';
      t.equal(r.getValue(), 'a');
      t.ok(Array.isArray(v) && v instanceof Array, 'an array of the script realm');
    },
  },
  {
    name: 'getDataRange is A1 to the last row and column with content; A1 on an empty sheet',
    source: SHEET + '#getDataRange()',
    run: (t) => {
      const sh = SpreadsheetApp.getActive().getSheets()[0];
      t.equal(sh.getDataRange().getA1Notation(), 'A1');
      t.deepEqual(sh.getDataRange().getValues(), [['']]);
      sh.getRange('C5').setValue('x');
      t.equal(sh.getDataRange().getA1Notation(), 'A1:C5');
    },
  },
  {
    name: 'getLastRow/getLastColumn ignore formatting-only cells and count formulas',
    source: FIDELITY + ' §3.2',
    run: (t) => {
      const sh = SpreadsheetApp.getActive().getSheets()[0];
      sh.getRange('E20').setBackground('#ff0000');
      t.equal(sh.getLastRow(), 0);
      sh.getRange('B3').setFormula('=1+1');
      t.equal(sh.getLastRow(), 3);
      t.equal(sh.getLastColumn(), 2);
    },
  },
  {
    name: 'getRangeList applies one call to every range',
    source: SHEET + '#getRangeList(String)',
    run: (t) => {
      const sh = SpreadsheetApp.getActive().getSheets()[0];
      sh.getRangeList(['A1', 'C3:D3']).setValue('x');
      t.deepEqual(sh.getRange('A1:D3').getValues(), [
        ['x', '', '', ''],
        ['', '', '', ''],
        ['', '', 'x', 'x'],
      ]);
      t.equal(sh.getRangeList(['A1', 'B2']).getRanges().length, 2);
    },
  },
  {
    name: 'isBlank is true only without values and formulas',
    source: RANGE + '#isBlank()',
    run: (t) => {
      const sh = SpreadsheetApp.getActive().getSheets()[0];
      const r = sh.getRange('A1:B2');
      t.equal(r.isBlank(), true);
      sh.getRange('B2').setValue(0);
      t.equal(r.isBlank(), false);
    },
  },
];
