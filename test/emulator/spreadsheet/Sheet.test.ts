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
    name: 'appendRow into a row formatted as plain text keeps strings verbatim; Chinese text stays text anywhere',
    source: SHEET + '#appendRow(Object) and ' + FIDELITY + ' §3.4 (the row is written like typed input into its cells)',
    run: (t) => {
      const sh = SpreadsheetApp.getActive().getSheets()[0];
      sh.getRange('A1').setValue('x');
      sh.getRange('A2:B2').setNumberFormat('@');
      sh.appendRow(['00042', '=1+1']);
      t.deepEqual(sh.getRange('A2:B2').getValues()[0], ['00042', '=1+1']);
      t.deepEqual(sh.getRange('A2:B2').getFormulas()[0], ['', '']);
      sh.appendRow(['同意（00123）', '信访诉求：（空） → =1+1']);
      t.deepEqual(sh.getRange('A3:B3').getValues()[0], ['同意（00123）', '信访诉求：（空） → =1+1']);
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
  {
    name: 'getColumnGroupDepth counts the groups over a column; 0 where there is none; outside the grid fails',
    source: SHEET + '#getColumnGroupDepth(Integer)',
    run: (t) => {
      const sh = SpreadsheetApp.getActive().getSheets()[0];
      sh.getRange('A1:C1').shiftColumnGroupDepth(1);
      t.deepEqual(
        [1, 3, 4].map((c) => sh.getColumnGroupDepth(c)),
        [1, 1, 0],
      );
      t.throws(() => sh.getColumnGroupDepth(27), 'Those columns are out of bounds.');
      t.throws(() => sh.getRowGroupDepth(0), 'Those rows are out of bounds.');
    },
  },
  {
    name: 'getColumnGroup finds a group by an index inside it or by its control toggle; throws where there is none',
    source: SHEET + '#getColumnGroup(Integer,Integer) ("or throws an exception if the group doesn’t exist")',
    run: (t) => {
      const sh = SpreadsheetApp.getActive().getSheets()[0];
      sh.getRange('C1:E1').shiftColumnGroupDepth(1);
      t.equal(sh.getColumnGroup(4, 1)!.getRange().getA1Notation(), 'C:E');
      t.equal(sh.getColumnGroup(6, 1)!.getRange().getA1Notation(), 'C:E', 'column F holds the toggle (after)');
      t.throws(() => sh.getColumnGroup(2, 1), /There is no column group of depth 1 at index 2/);
      t.throws(() => sh.getColumnGroup(4, 2), /There is no column group of depth 2 at index 4/);
      t.throws(() => sh.getRowGroup(1, 1), /There is no row group/);
      const loose = sh as unknown as { getRowGroup(a: unknown, b: unknown): unknown };
      t.throws(
        () => loose.getRowGroup('1', 1),
        /don't match the method signature for SpreadsheetApp\.Sheet\.getRowGroup/,
      );
    },
  },
  {
    name: 'collapseAllColumnGroups hides every grouped column (isColumnHiddenByUser is true); expandAllColumnGroups shows them',
    source: SHEET + '#collapseAllColumnGroups() and ' + REF + 'group (collapsing hides the columns)',
    run: (t) => {
      const sh = SpreadsheetApp.getActive().getSheets()[0];
      sh.getRange('B1:C1').shiftColumnGroupDepth(1);
      sh.getRange('F1:G1').shiftColumnGroupDepth(1);
      t.equal(sh.collapseAllColumnGroups().getName(), 'Sheet1');
      t.deepEqual(
        [1, 2, 3, 4, 6, 7].map((c) => sh.isColumnHiddenByUser(c)),
        [false, true, true, false, true, true],
      );
      t.equal(sh.getColumnGroup(6, 1)!.isCollapsed(), true);
      sh.expandAllColumnGroups();
      t.deepEqual(
        [2, 3, 6, 7].map((c) => sh.isColumnHiddenByUser(c)),
        [false, false, false, false],
      );
      t.equal(sh.getColumnGroup(2, 1)!.isCollapsed(), false);
    },
  },
  {
    name: 'expandAllRowGroups needs at least one row group',
    source: SHEET + '#expandAllRowGroups() ("This method requires at least one row group")',
    run: (t) => {
      const sh = SpreadsheetApp.getActive().getSheets()[0];
      t.throws(() => sh.expandAllRowGroups(), 'There are no row groups on this sheet.');
      t.throws(() => sh.expandAllColumnGroups(), 'There are no column groups on this sheet.');
      sh.collapseAllRowGroups();
      sh.getRange('2:3').shiftRowGroupDepth(1);
      t.equal(sh.expandAllRowGroups().getName(), 'Sheet1');
    },
  },
  {
    name: 'expandColumnGroupsUpToDepth(1) expands depth-1 groups and collapses deeper ones',
    source: SHEET + '#expandColumnGroupsUpToDepth(Integer)',
    run: (t) => {
      const sh = SpreadsheetApp.getActive().getSheets()[0];
      sh.getRange('B1:F1').shiftColumnGroupDepth(1);
      sh.getRange('C1:D1').shiftColumnGroupDepth(1);
      sh.expandColumnGroupsUpToDepth(1);
      t.deepEqual([sh.getColumnGroup(2, 1)!.isCollapsed(), sh.getColumnGroup(3, 2)!.isCollapsed()], [false, true]);
      t.deepEqual(
        [2, 3, 4, 5].map((c) => sh.isColumnHiddenByUser(c)),
        [false, true, true, false],
      );
      sh.collapseAllColumnGroups();
      sh.expandColumnGroupsUpToDepth(1);
      t.deepEqual(
        [2, 3, 4, 5].map((c) => sh.isColumnHiddenByUser(c)),
        [false, true, true, false],
      );
    },
  },
  {
    name: 'the group control toggle is after the group unless set before; another value is refused',
    source: SHEET + '#setRowGroupControlPosition(GroupControlTogglePosition) (AFTER as the default is assumed)',
    run: (t) => {
      const sh = SpreadsheetApp.getActive().getSheets()[0];
      t.equal(sh.getRowGroupControlPosition(), SpreadsheetApp.GroupControlTogglePosition.AFTER);
      t.equal(sh.getColumnGroupControlPosition(), SpreadsheetApp.GroupControlTogglePosition.AFTER);
      sh.setRowGroupControlPosition(SpreadsheetApp.GroupControlTogglePosition.BEFORE);
      t.equal(sh.getRowGroupControlPosition(), SpreadsheetApp.GroupControlTogglePosition.BEFORE);
      t.equal(sh.getColumnGroupControlPosition(), SpreadsheetApp.GroupControlTogglePosition.AFTER);
      const loose = sh as unknown as { setColumnGroupControlPosition(p: unknown): unknown };
      t.throws(
        () => loose.setColumnGroupControlPosition('LEFT'),
        "The parameters (String) don't match the method signature for SpreadsheetApp.Sheet.setColumnGroupControlPosition.",
      );
    },
  },
  {
    name: 'a column inserted inside a group joins it; one inserted before it shifts it; the collapsed state stays',
    source: SHEET + '#insertColumnsAfter(Integer,Integer) (Sheets: an insert inside a group extends it)',
    run: (t) => {
      const sh = SpreadsheetApp.getActive().getSheets()[0];
      sh.getRange('C1:E1').shiftColumnGroupDepth(1);
      sh.getColumnGroup(3, 1)!.collapse();
      sh.insertColumnsAfter(3, 2);
      t.equal(sh.getColumnGroup(3, 1)!.getRange().getA1Notation(), 'C:G');
      t.equal(sh.getColumnGroup(3, 1)!.isCollapsed(), true);
      sh.insertColumnBefore(1);
      t.equal(sh.getColumnGroup(4, 1)!.getRange().getA1Notation(), 'D:H');
      sh.insertColumnBefore(4);
      t.equal(sh.getColumnGroupDepth(4), 0, 'at the edge the new column takes the lower depth of its neighbours');
      t.equal(sh.getColumnGroup(5, 1)!.getRange().getA1Notation(), 'E:I');
    },
  },
  {
    name: 'deleting rows shrinks a group; deleting all of them removes it',
    source: SHEET + '#deleteRows(Integer,Integer)',
    run: (t) => {
      const sh = SpreadsheetApp.getActive().getSheets()[0];
      sh.getRange('3:6').shiftRowGroupDepth(1);
      sh.deleteRows(2, 2);
      t.equal(sh.getRowGroup(2, 1)!.getRange().getA1Notation(), '2:4');
      sh.deleteRows(2, 3);
      t.deepEqual(
        [1, 2, 3].map((r) => sh.getRowGroupDepth(r)),
        [0, 0, 0],
      );
    },
  },
  {
    name: "moveColumns: the reference's example, A:B to index 5 become C:D, with formats, notes, widths and validation",
    source: SHEET + '#moveColumns(Range,Integer)',
    run: (t) => {
      const sh = SpreadsheetApp.getActive().getSheets()[0];
      sh.getRange('A1:E1').setValues([['a', 'b', 'c', 'd', 'e']]);
      sh.getRange('A2').setFormula('=B1').setNote('甲');
      sh.getRange('B2').setNumberFormat('0.00').setBackground('#ff0000');
      sh.getRange('B3').setDataValidation(SpreadsheetApp.newDataValidation().requireValueInList(['是', '否']).build());
      sh.setColumnWidth(1, 150);
      sh.hideColumns(2);
      sh.moveColumns(sh.getRange('A1:B1'), 5);
      t.deepEqual(sh.getRange('A1:E1').getValues()[0], ['c', 'd', 'a', 'b', 'e']);
      t.equal(sh.getRange('C2').getFormula(), '=B1', 'the moved formula keeps its text');
      t.equal(sh.getRange('C2').getNote(), '甲');
      t.deepEqual([sh.getRange('D2').getNumberFormat(), sh.getRange('D2').getBackground()], ['0.00', '#ff0000']);
      t.deepEqual(sh.getRange('D3').getDataValidation()!.getCriteriaValues(), [['是', '否'], true]);
      t.equal(sh.getRange('B3').getDataValidation(), null);
      t.deepEqual([sh.getColumnWidth(1), sh.getColumnWidth(3)], [100, 150]);
      t.deepEqual([sh.isColumnHiddenByUser(2), sh.isColumnHiddenByUser(4)], [false, true]);
    },
  },
  {
    name: "moveRows: the reference's example, rows 1-2 to index 5 become rows 3-4, heights and hidden state with them",
    source: SHEET + '#moveRows(Range,Integer)',
    run: (t) => {
      const sh = SpreadsheetApp.getActive().getSheets()[0];
      sh.getRange('A1:A5').setValues([['1'], ['2'], ['3'], ['4'], ['5']]);
      sh.setRowHeight(1, 40);
      sh.hideRows(2);
      sh.moveRows(sh.getRange('A1:A2'), 5);
      t.deepEqual(
        sh
          .getRange('A1:A5')
          .getValues()
          .map((r) => r[0]),
        [3, 4, 1, 2, 5],
      );
      t.deepEqual([sh.getRowHeight(1), sh.getRowHeight(3)], [21, 40]);
      t.deepEqual([sh.isRowHiddenByUser(2), sh.isRowHiddenByUser(4)], [false, true]);
    },
  },
  {
    name: 'moving towards the start: rows 4-5 to index 2 become rows 2-3',
    source: SHEET + '#moveRows(Range,Integer)',
    run: (t) => {
      const sh = SpreadsheetApp.getActive().getSheets()[0];
      sh.getRange('A1:A5').setValues([['a'], ['b'], ['c'], ['d'], ['e']]);
      sh.moveRows(sh.getRange('4:5'), 2);
      t.deepEqual(
        sh
          .getRange('A1:A5')
          .getValues()
          .map((r) => r[0]),
        ['a', 'd', 'e', 'b', 'c'],
      );
    },
  },
  {
    name: 'the spec need not be whole columns: a single cell moves its whole column',
    source: SHEET + '#moveColumns(Range,Integer) ("does not have to exactly represent an entire column")',
    run: (t) => {
      const sh = SpreadsheetApp.getActive().getSheets()[0];
      sh.getRange('A1:C2').setValues([
        ['a', 'b', 'c'],
        ['1', '2', '3'],
      ]);
      sh.moveColumns(sh.getRange('C2'), 1);
      t.deepEqual(sh.getRange('A1:C2').getValues(), [
        ['c', 'a', 'b'],
        [3, 1, 2],
      ]);
    },
  },
  {
    name: 'a destination inside the moved block or at its edges leaves the sheet as it is (assumed)',
    source: SHEET + '#moveColumns(Range,Integer)',
    run: (t) => {
      const sh = SpreadsheetApp.getActive().getSheets()[0];
      const ss = SpreadsheetApp.getActive();
      sh.getRange('A1:D1').setValues([['a', 'b', 'c', 'd']]);
      ss.setNamedRange('乙', sh.getRange('B1'));
      for (const dest of [2, 3, 4]) sh.moveColumns(sh.getRange('B:C'), dest);
      t.deepEqual(sh.getRange('A1:D1').getValues()[0], ['a', 'b', 'c', 'd']);
      t.equal(ss.getRangeByName('乙')!.getA1Notation(), 'B1');
    },
  },
  {
    name: 'moveColumns refuses a spec that is no range, a destination outside the grid, a range of another sheet',
    source: SHEET + '#moveColumns(Range,Integer) (messages: the bounds one as inserts give it; the sheet one assumed)',
    run: (t) => {
      const ss = SpreadsheetApp.getActive();
      const sh = ss.getSheets()[0];
      const loose = sh as unknown as {
        moveColumns(a: unknown, b: unknown): void;
        moveRows(a: unknown, b: unknown): void;
      };
      t.throws(
        () => loose.moveColumns('A:B', 5),
        "The parameters (String,number) don't match the method signature for SpreadsheetApp.Sheet.moveColumns.",
      );
      t.throws(
        () => loose.moveRows(sh.getRange('1:2'), '5'),
        /don't match the method signature for SpreadsheetApp\.Sheet\.moveRows/,
      );
      t.throws(() => sh.moveColumns(sh.getRange('A:B'), 28), 'Those columns are out of bounds.');
      t.throws(() => sh.moveRows(sh.getRange('1:2'), 0), 'Those rows are out of bounds.');
      sh.moveColumns(sh.getRange('A:B'), 27);
      t.throws(
        () => sh.moveColumns(ss.insertSheet('B').getRange('A:A'), 3),
        'The range to move must be on the sheet whose rows or columns are moved.',
      );
    },
  },
  {
    name: 'moved columns take their group with them; a collapsed group stays collapsed',
    source: SHEET + '#moveColumns(Range,Integer)',
    run: (t) => {
      const sh = SpreadsheetApp.getActive().getSheets()[0];
      sh.getRange('B1:C1').shiftColumnGroupDepth(1);
      sh.getColumnGroup(2, 1)!.collapse();
      sh.moveColumns(sh.getRange('B:C'), 6);
      t.deepEqual(
        [2, 3, 4, 5].map((c) => sh.getColumnGroupDepth(c)),
        [0, 0, 1, 1],
      );
      t.equal(sh.getColumnGroup(4, 1)!.isCollapsed(), true);
      t.deepEqual(
        [2, 4, 5].map((c) => sh.isColumnHiddenByUser(c)),
        [false, true, true],
      );
    },
  },
  {
    name: 'a named range follows the rows it names when they move',
    source: SHEET + '#moveRows(Range,Integer)',
    run: (t) => {
      const ss = SpreadsheetApp.getActive();
      const sh = ss.getSheets()[0];
      ss.setNamedRange('头', sh.getRange('A1:B2'));
      ss.setNamedRange('表', sh.getRange('A3:B10'));
      sh.moveRows(sh.getRange('1:2'), 11);
      t.equal(ss.getRangeByName('头')!.getA1Notation(), 'A9:B10');
      t.equal(ss.getRangeByName('表')!.getA1Notation(), 'A1:B8');
    },
  },
];

runChecks('spreadsheet.Sheet', sheetChecks);
