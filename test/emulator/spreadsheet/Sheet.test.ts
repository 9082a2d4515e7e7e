// Contract checks of Sheet: getRange in every overload and A1 form with its bounds and errors, appendRow, inserting
// and deleting rows/columns, frozen panes, sizes, hidden rows/columns, sort, clear and conditional format rules
// (https://developers.google.com/apps-script/reference/spreadsheet/sheet).
import { runChecks, type Check } from '../harness';

const SHEET = 'https://developers.google.com/apps-script/reference/spreadsheet/sheet';
const FIDELITY = '../shared/docs/local-runtime-fidelity.md';
const REF = 'https://developers.google.com/apps-script/reference/spreadsheet/';

export const sheetChecks: Check[] = [
  {
    name: 'setName renames; a taken name fails',
    source: SHEET + '#setName(String)',
    run: (t) => {
      const ss = SpreadsheetApp.getActive();
      const b = ss.insertSheet('B');
      b.setName('人员');
      t.equal(ss.getSheetByName('人员')!.getSheetId(), b.getSheetId());
      t.throws(() => b.setName('Sheet1'), 'A sheet with the name "Sheet1" already exists. Please enter another name.');
    },
  },
  {
    name: 'the first sheet id is 0, later ones are positive',
    source: SHEET + '#getSheetId()',
    run: (t) => {
      const ss = SpreadsheetApp.getActive();
      t.equal(ss.getSheets()[0].getSheetId(), 0);
      t.ok(ss.insertSheet('B').getSheetId() > 0);
    },
  },
  {
    name: 'activate and setActiveSheet change the active sheet',
    source: SHEET + '#activate()',
    run: (t) => {
      const ss = SpreadsheetApp.getActive();
      const b = ss.insertSheet('B');
      ss.getSheets()[0].activate();
      t.equal(SpreadsheetApp.getActiveSheet().getName(), 'Sheet1');
      SpreadsheetApp.setActiveSheet(b);
      t.equal(ss.getActiveSheet().getName(), 'B');
    },
  },
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
    name: 'setConditionalFormatRules replaces every rule; getConditionalFormatRules returns copies',
    source: REF + 'conditional-format-rule-builder',
    run: (t) => {
      const sh = SpreadsheetApp.getActive().getSheets()[0];
      const mk = (f: string) =>
        SpreadsheetApp.newConditionalFormatRule()
          .whenFormulaSatisfied(f)
          .setBackground('#F4CCCC')
          .setRanges([sh.getRange('A2:D100')])
          .build();
      sh.setConditionalFormatRules([mk('=$D2>0'), mk('=$D2<0')]);
      sh.setConditionalFormatRules([mk('=$D2=0')]);
      const rules = sh.getConditionalFormatRules();
      t.equal(rules.length, 1);
      const cond = rules[0].getBooleanCondition()!;
      t.equal(cond.getCriteriaType(), SpreadsheetApp.BooleanCriteria.CUSTOM_FORMULA);
      t.deepEqual(cond.getCriteriaValues(), ['=$D2=0']);
      t.equal(cond.getBackground(), '#f4cccc');
      t.equal(rules[0].getRanges()[0].getA1Notation(), 'A2:D100');
      rules.pop();
      t.equal(sh.getConditionalFormatRules().length, 1);
    },
  },
  {
    name: 'appending to the rule list keeps the old rules (the documented read-push-set pattern)',
    source: REF + 'sheet#setConditionalFormatRules(ConditionalFormatRule)',
    run: (t) => {
      const sh = SpreadsheetApp.getActive().getSheets()[0];
      const rule = (text: string) =>
        SpreadsheetApp.newConditionalFormatRule()
          .whenTextEqualTo(text)
          .setFontColor('#ff0000')
          .setRanges([sh.getRange('B:B')])
          .build();
      sh.setConditionalFormatRules([rule('超期')]);
      const rules = sh.getConditionalFormatRules();
      rules.push(rule('临期'));
      sh.setConditionalFormatRules(rules);
      t.deepEqual(
        sh.getConditionalFormatRules().map((r) => r.getBooleanCondition()!.getCriteriaValues()[0]),
        ['超期', '临期'],
      );
    },
  },
  {
    name: 'a conditional format rule on another sheet is refused',
    source: FIDELITY + ' §3.8 (ErrorHandler CONDITIONNAL_RULE_REFERENCE_DIF_SHEET)',
    run: (t) => {
      const ss = SpreadsheetApp.getActive();
      const other = ss.insertSheet('B');
      const rule = SpreadsheetApp.newConditionalFormatRule()
        .whenCellEmpty()
        .setBackground('#ffff00')
        .setRanges([other.getRange('A1')])
        .build();
      t.throws(
        () => ss.getSheets()[0].setConditionalFormatRules([rule]),
        'Conditional format rule cannot reference a different sheet.',
      );
    },
  },
  {
    name: 'an R1C1 box written backwards is the same box (R10C5:R1C2 is B1:E10)',
    source: SHEET + '#getRange(String)',
    run: (t) => {
      const sh = SpreadsheetApp.getActive().getSheets()[0];
      t.equal(sh.getRange('R10C5:R1C2').getA1Notation(), 'B1:E10');
      t.equal(sh.getRange('R1C5:R10C2').getA1Notation(), 'B1:E10');
      t.equal(sh.getRange('R10C2:R1C5').getA1Notation(), 'B1:E10');
      t.equal(sh.getRange('E10:B1').getA1Notation(), 'B1:E10');
    },
  },
];

runChecks('spreadsheet.Sheet', sheetChecks);
