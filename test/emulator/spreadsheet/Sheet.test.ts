// Checks of sheet structure: appendRow, inserting and deleting rows/columns (with their errors), frozen
// panes, sizes, hidden rows/columns, sorting and clearing a sheet.
import type { Check } from './harness';

const SHEET = 'https://developers.google.com/apps-script/reference/spreadsheet/sheet';
const RANGE = 'https://developers.google.com/apps-script/reference/spreadsheet/range';
const FIDELITY = '../shared/docs/local-runtime-fidelity.md';

export const structureChecks: Check[] = [
  {
    name: 'appendRow writes after the last row with content and parses like typed input',
    source: SHEET + '#appendRow(Object)',
    run: (t) => {
      const sh = SpreadsheetApp.getActive().getSheets()[0];
      sh.getRange('A3').setValue('x');
      sh.appendRow(['00042', '2026-10-05', 'TRUE', '=1']);
      const v = sh.getRange('A4:D4').getValues()[0];
      t.equal(sh.getLastRow(), 4);
      t.equal(v[0], 42);
      t.ok(v[1] instanceof Date);
      t.equal(v[2], true);
      t.equal(sh.getRange('D4').getFormula(), '=1');
    },
  },
  {
    name: 'appendRow grows the grid when the last row is full',
    source: FIDELITY + ' §3.2 (gas-fakes appendRow inserts a row when lastRow==maxRows)',
    run: (t) => {
      const sh = SpreadsheetApp.getActive().insertSheet('小');
      sh.deleteRows(3, 998);
      sh.getRange('A2').setValue('x');
      sh.appendRow(['y']);
      t.equal(sh.getMaxRows(), 3);
      t.equal(sh.getRange('A3').getValue(), 'y');
    },
  },
  {
    name: 'appendRow needs an array',
    source: SHEET + '#appendRow(Object)',
    run: (t) => {
      const sh = SpreadsheetApp.getActive().getSheets()[0];
      t.throws(
        () => sh.appendRow('x' as unknown as unknown[]),
        "The parameters (String) don't match the method signature for SpreadsheetApp.Sheet.appendRow.",
      );
    },
  },
  {
    name: 'insertRowsBefore/After shift cells down and grow the grid',
    source: SHEET + '#insertRowsAfter(Integer,Integer)',
    run: (t) => {
      const sh = SpreadsheetApp.getActive().getSheets()[0];
      sh.getRange('A1:A3').setValues([['a'], ['b'], ['c']]);
      sh.insertRowsBefore(2, 2);
      sh.insertRowAfter(1);
      t.deepEqual(
        sh
          .getRange('A1:A6')
          .getValues()
          .map((r) => r[0]),
        ['a', '', '', '', 'b', 'c'],
      );
      t.equal(sh.getMaxRows(), 1003);
      sh.insertRowsAfter(1003, 1);
      t.equal(sh.getMaxRows(), 1004);
    },
  },
  {
    name: 'inserting rows outside the grid fails',
    source: FIDELITY + ' §3.2',
    run: (t) => {
      const sh = SpreadsheetApp.getActive().getSheets()[0];
      t.throws(() => sh.insertRowsBefore(1001, 1), 'Those rows are out of bounds.');
      t.throws(() => sh.insertRowsAfter(0, 1), 'Those rows are out of bounds.');
      t.throws(() => sh.insertColumnsAfter(27, 1), 'Those columns are out of bounds.');
    },
  },
  {
    name: 'deleteRow/deleteRows shift cells up; out of range fails',
    source: FIDELITY + ' §3.2',
    run: (t) => {
      const sh = SpreadsheetApp.getActive().getSheets()[0];
      sh.getRange('A1:A4').setValues([['a'], ['b'], ['c'], ['d']]);
      sh.deleteRows(2, 2);
      t.deepEqual(sh.getRange('A1:A2').getValues(), [['a'], ['d']]);
      t.equal(sh.deleteRow(1).getMaxRows(), 997);
      t.throws(() => sh.deleteRows(990, 10), 'Those rows are out of bounds.');
    },
  },
  {
    name: 'deleting every non-frozen row or column fails',
    source: FIDELITY + ' §3.2',
    run: (t) => {
      const sh = SpreadsheetApp.getActive().getSheets()[0];
      t.throws(() => sh.deleteRows(1, 1000), 'Sorry, it is not possible to delete all non-frozen rows.');
      sh.setFrozenRows(1);
      t.throws(() => sh.deleteRows(2, 999), 'Sorry, it is not possible to delete all non-frozen rows.');
      t.throws(() => sh.deleteColumns(1, 26), 'Sorry, it is not possible to delete all non-frozen columns.');
      sh.deleteRows(2, 998);
      t.equal(sh.getMaxRows(), 2);
    },
  },
  {
    name: 'insertColumns/deleteColumns shift cells sideways',
    source: SHEET + '#insertColumnsBefore(Integer,Integer)',
    run: (t) => {
      const sh = SpreadsheetApp.getActive().getSheets()[0];
      sh.getRange('A1:C1').setValues([['a', 'b', 'c']]);
      sh.insertColumnBefore(2);
      t.deepEqual(sh.getRange('A1:D1').getValues()[0], ['a', '', 'b', 'c']);
      t.equal(sh.getMaxColumns(), 27);
      sh.deleteColumns(1, 2);
      t.deepEqual(sh.getRange('A1:B1').getValues()[0], ['b', 'c']);
      t.equal(sh.deleteColumn(1).getMaxColumns(), 24);
    },
  },
  {
    name: 'formats, notes and validation move with their rows',
    source: SHEET + '#insertRowsBefore(Integer,Integer)',
    run: (t) => {
      const sh = SpreadsheetApp.getActive().getSheets()[0];
      sh.getRange('A2').setValue(5).setNumberFormat('0.00').setNote('n').setBackground('#ff0000');
      sh.insertRowsBefore(1, 1);
      const r = sh.getRange('A3');
      t.deepEqual([r.getValue(), r.getNumberFormat(), r.getNote(), r.getBackground()], [5, '0.00', 'n', '#ff0000']);
    },
  },
  {
    name: 'frozen rows and columns',
    source: SHEET + '#setFrozenRows(Integer)',
    run: (t) => {
      const sh = SpreadsheetApp.getActive().getSheets()[0];
      t.equal(sh.getFrozenRows(), 0);
      sh.setFrozenRows(1);
      sh.setFrozenColumns(2);
      t.deepEqual([sh.getFrozenRows(), sh.getFrozenColumns()], [1, 2]);
    },
  },
  {
    name: 'column width defaults to 100; setColumnWidth(s) change it; autoResizeColumns checks its arguments',
    source: FIDELITY + ' §3.2 (gas-fakes default width 100)',
    run: (t) => {
      const sh = SpreadsheetApp.getActive().getSheets()[0];
      t.equal(sh.getColumnWidth(1), 100);
      sh.setColumnWidth(1, 240);
      sh.setColumnWidths(2, 2, 80);
      t.deepEqual([sh.getColumnWidth(1), sh.getColumnWidth(3), sh.getColumnWidth(4)], [240, 80, 100]);
      sh.autoResizeColumns(1, 3);
      t.equal(sh.getColumnWidth(1), 240);
      t.throws(() => sh.autoResizeColumns(26, 2), 'Those columns are out of bounds.');
      t.equal(sh.getRowHeight(1), 21);
    },
  },
  {
    name: 'hideRows/showRows and hideColumns are reported by isRowHiddenByUser/isColumnHiddenByUser',
    source: SHEET + '#hideRows(Integer,Integer)',
    run: (t) => {
      const sh = SpreadsheetApp.getActive().getSheets()[0];
      sh.hideRows(2, 2);
      sh.hideColumns(3);
      t.deepEqual(
        [sh.isRowHiddenByUser(1), sh.isRowHiddenByUser(2), sh.isRowHiddenByUser(3), sh.isColumnHiddenByUser(3)],
        [false, true, true, true],
      );
      sh.showRows(2, 2);
      t.equal(sh.isRowHiddenByUser(2), false);
    },
  },
  {
    name: 'sheet.sort sorts the rows below the frozen header by one column',
    source: SHEET + '#sort(Integer,Boolean)',
    run: (t) => {
      const sh = SpreadsheetApp.getActive().getSheets()[0];
      sh.getRange('A1:B4').setValues([
        ['编号', '名'],
        [3, 'c'],
        [1, 'a'],
        [2, 'b'],
      ]);
      sh.setFrozenRows(1);
      sh.sort(1);
      t.deepEqual(sh.getRange('A1:B4').getValues(), [
        ['编号', '名'],
        [1, 'a'],
        [2, 'b'],
        [3, 'c'],
      ]);
      sh.sort(2, false);
      t.deepEqual(
        sh
          .getRange('B2:B4')
          .getValues()
          .map((r) => r[0]),
        ['c', 'b', 'a'],
      );
    },
  },
  {
    name: 'range.sort accepts a column, {column, ascending} or a list; it is stable',
    source: RANGE + '#sort(Object)',
    run: (t) => {
      const r = SpreadsheetApp.getActive().getSheets()[0].getRange('A1:B4');
      r.setValues([
        ['b', 2],
        ['a', 1],
        ['b', 1],
        ['a', 2],
      ]);
      r.sort(1);
      t.deepEqual(r.getValues(), [
        ['a', 1],
        ['a', 2],
        ['b', 2],
        ['b', 1],
      ]);
      r.sort([
        { column: 1, ascending: false },
        { column: 2, ascending: true },
      ]);
      t.deepEqual(r.getValues(), [
        ['b', 1],
        ['b', 2],
        ['a', 1],
        ['a', 2],
      ]);
      r.sort({ column: 2, ascending: false });
      t.deepEqual(
        r.getValues().map((x) => x[1]),
        [2, 2, 1, 1],
      );
    },
  },
  {
    name: 'sort order: numbers and dates (as serials) before text, text ignoring case, empty cells last either way',
    source: RANGE + '#sort(Object)',
    run: (t) => {
      const r = SpreadsheetApp.getActive().getSheets()[0].getRange('A1:A6');
      r.setValues([['b'], [''], [10], ['A'], [new Date(2024, 0, 1)], [2]]);
      r.sort(1);
      const v = r.getValues().map((x) => x[0]);
      t.deepEqual([v[0], v[1], v[2] instanceof Date, v[3], v[4], v[5]], [2, 10, true, 'A', 'b', '']);
      r.sort({ column: 1, ascending: false });
      t.deepEqual(
        r
          .getValues()
          .map((x) => x[0])
          .slice(-2),
        [2, ''],
      );
    },
  },
  {
    name: 'sorting by a column outside the range fails',
    source: RANGE + '#sort(Object)',
    run: (t) => {
      const r = SpreadsheetApp.getActive().getSheets()[0].getRange('B1:C3');
      t.throws(() => r.sort(1), /must be within the range/);
    },
  },
  {
    name: 'sheet.clear empties values and formats; clearContents keeps formats',
    source: SHEET + '#clear()',
    run: (t) => {
      const sh = SpreadsheetApp.getActive().getSheets()[0];
      sh.getRange('B2').setValue(1).setBackground('#ff0000');
      sh.clearContents();
      t.deepEqual([sh.getLastRow(), sh.getRange('B2').getBackground()], [0, '#ff0000']);
      sh.getRange('B2').setValue(1);
      sh.clear();
      t.deepEqual([sh.getLastRow(), sh.getRange('B2').getBackground()], [0, '#ffffff']);
    },
  },
  {
    name: 'copyTo copies values, formulas (references moved) and formats to the destination corner',
    source: RANGE + '#copyTo(Range)',
    run: (t) => {
      const sh = SpreadsheetApp.getActive().getSheets()[0];
      sh.getRange('A1:B1')
        .setValues([[1, '=A1']])
        .setBackground('#ff0000');
      sh.getRange('A1:B1').copyTo(sh.getRange('D5'));
      t.deepEqual(
        [sh.getRange('D5').getValue(), sh.getRange('E5').getFormula(), sh.getRange('E5').getBackground()],
        [1, '=D5', '#ff0000'],
      );
    },
  },
];
