// Contract checks of merged cells (emulator/spreadsheet/merges.ts): Range.merge, mergeAcross, mergeVertically,
// breakApart, isPartOfMerge and getMergedRanges (https://developers.google.com/apps-script/reference/spreadsheet/range),
// and what merges do to the rest of a sheet: values, frozen panes, clear, inserted and deleted rows and columns, sort.
// Where Google says nothing, a check's name says "assumed" and its source names what it follows instead.
import { runChecks, type Check } from '../harness';

const RANGE = 'https://developers.google.com/apps-script/reference/spreadsheet/range';
const SHEET = 'https://developers.google.com/apps-script/reference/spreadsheet/sheet';
const PUBLIC_LOGS = 'Apps Script execution logs and Sheets API errors quoted by public projects';

export const mergeChecks: Check[] = [
  {
    name: 'merge makes one block that keeps only the top-left value, and returns the range for chaining',
    source: RANGE + '#merge()',
    run: (t) => {
      const sh = SpreadsheetApp.getActive().getSheets()[0];
      const r = sh.getRange('B2:C3');
      r.setValues([
        ['左上', 'x'],
        [3, true],
      ]);
      const back = r.merge();
      t.equal(back.getA1Notation(), 'B2:C3', 'merge returns the range');
      t.deepEqual(
        sh.getRange('B2:C3').getValues(),
        [
          ['左上', ''],
          ['', ''],
        ],
        'the other cells read empty',
      );
      t.deepEqual(
        sh
          .getRange('A1:D4')
          .getMergedRanges()
          .map((m) => m.getA1Notation()),
        ['B2:C3'],
      );
      t.equal(sh.getLastColumn(), 2, 'the cleared cells no longer count as content');
    },
  },
  {
    name: 'mergeAcross on a multi-row range merges each row apart, keeping each row’s first value; setWrap chains on',
    source: RANGE + '#mergeAcross()',
    run: (t) => {
      const sh = SpreadsheetApp.getActive().getSheets()[0];
      const r = sh.getRange('A1:C3');
      r.setValues([
        ['一', 'a', 'b'],
        ['二', 'c', 'd'],
        ['三', 'e', 'f'],
      ]);
      const back = r.mergeAcross().setWrap(true);
      t.equal(back.getA1Notation(), 'A1:C3');
      t.deepEqual(
        sh
          .getRange('A1:C3')
          .getMergedRanges()
          .map((m) => m.getA1Notation()),
        ['A1:C1', 'A2:C2', 'A3:C3'],
      );
      t.deepEqual(sh.getRange('A1:C3').getValues(), [
        ['一', '', ''],
        ['二', '', ''],
        ['三', '', ''],
      ]);
      t.deepEqual(sh.getRange('A1:C3').getWraps(), [
        [true, true, true],
        [true, true, true],
        [true, true, true],
      ]);
    },
  },
  {
    name: 'mergeVertically merges each column apart',
    source: RANGE + '#mergeVertically()',
    run: (t) => {
      const sh = SpreadsheetApp.getActive().getSheets()[0];
      sh.getRange('A1:B3').setValues([
        [1, 2],
        [3, 4],
        [5, 6],
      ]);
      t.equal(sh.getRange('A1:B3').mergeVertically().getA1Notation(), 'A1:B3');
      t.deepEqual(
        sh
          .getRange('A1:B3')
          .getMergedRanges()
          .map((m) => m.getA1Notation()),
        ['A1:A3', 'B1:B3'],
      );
      t.deepEqual(sh.getRange('A1:B3').getValues(), [
        [1, 2],
        ['', ''],
        ['', ''],
      ]);
    },
  },
  {
    name: 'the merged cells take the top-left cell’s number format and styles (assumed: a merged cell has one format)',
    source: RANGE + '#merge() (Sheets shows one cell; per-cell formats after a merge unconfirmed)',
    run: (t) => {
      const sh = SpreadsheetApp.getActive().getSheets()[0];
      sh.getRange('A1').setBackground('#ff0000').setNumberFormat('0.00');
      sh.getRange('B1').setBackground('#00ff00').setFontWeight('bold');
      sh.getRange('A1:B1').merge();
      t.deepEqual(sh.getRange('A1:B1').getBackgrounds(), [['#ff0000', '#ff0000']]);
      t.deepEqual(sh.getRange('A1:B1').getFontWeights(), [['normal', 'normal']]);
      t.deepEqual(sh.getRange('A1:B1').getNumberFormats(), [['0.00', '0.00']]);
    },
  },
  {
    name: 'getDisplayValues of a merged range show the top-left value once',
    source: RANGE + '#getDisplayValues()',
    run: (t) => {
      const sh = SpreadsheetApp.getActive().getSheets()[0];
      sh.getRange('A1:C1')
        .setValues([['标题', '副', '尾']])
        .merge();
      t.deepEqual(sh.getRange('A1:C1').getDisplayValues(), [['标题', '', '']]);
      t.equal(sh.getRange('A1:C1').getValue(), '标题');
    },
  },
  {
    name: 'a script write into a covered cell of a merge is kept and reads back (assumed: Sheets stores it, hidden)',
    source: RANGE + '#setValue(Object) (behaviour on a covered cell unconfirmed)',
    run: (t) => {
      const sh = SpreadsheetApp.getActive().getSheets()[0];
      sh.getRange('A1:B1').merge();
      sh.getRange('B1').setValue('藏');
      t.equal(sh.getRange('B1').getValue(), '藏');
      t.equal(sh.getRange('A1').isPartOfMerge(), true, 'the merge stays');
    },
  },
  {
    name: 'isPartOfMerge is true when any cell of the range lies in a merge',
    source: RANGE + '#isPartOfMerge()',
    run: (t) => {
      const sh = SpreadsheetApp.getActive().getSheets()[0];
      sh.getRange('B2:C3').merge();
      t.equal(sh.getRange('C3').isPartOfMerge(), true, 'a covered cell');
      t.equal(sh.getRange('B2').isPartOfMerge(), true, 'the top-left cell');
      t.equal(sh.getRange('A1:B2').isPartOfMerge(), true, 'a range overlapping the merge');
      t.equal(sh.getRange('A1:A5').isPartOfMerge(), false);
      t.equal(sh.getRange('D2').isPartOfMerge(), false);
    },
  },
  {
    name: 'getMergedRanges lists the merges inside the range or holding one of its cells, as whole ranges',
    source: RANGE + '#getMergedRanges()',
    run: (t) => {
      const sh = SpreadsheetApp.getActive().getSheets()[0];
      sh.getRange('A1:B1').merge();
      sh.getRange('D4:E6').merge();
      sh.getRange('A10:C10').merge();
      t.deepEqual(
        sh
          .getRange('E5')
          .getMergedRanges()
          .map((m) => m.getA1Notation()),
        ['D4:E6'],
        'a merge holding the cell',
      );
      t.deepEqual(
        sh
          .getRange('B1:E4')
          .getMergedRanges()
          .map((m) => m.getA1Notation()),
        ['A1:B1', 'D4:E6'],
        'merges partly inside come back whole',
      );
      t.deepEqual(sh.getRange('G1:H9').getMergedRanges(), []);
      t.equal(sh.getRange('E5').getMergedRanges()[0].getSheet().getName(), 'Sheet1');
    },
  },
  {
    name: 'merging a range that covers part of an existing merge fails with Google’s message; nothing changes',
    source: RANGE + '#merge(); message: ' + PUBLIC_LOGS,
    run: (t) => {
      const sh = SpreadsheetApp.getActive().getSheets()[0];
      sh.getRange('B2:C3').merge();
      sh.getRange('A1').setValue('keep');
      t.throws(
        () => sh.getRange('A1:B2').merge(),
        'You must select all cells in a merged range to merge or unmerge them.',
      );
      t.throws(
        () => sh.getRange('C1:D3').mergeAcross(),
        'You must select all cells in a merged range to merge or unmerge them.',
      );
      t.equal(sh.getRange('A1').getValue(), 'keep');
      t.deepEqual(
        sh
          .getRange('A1:D4')
          .getMergedRanges()
          .map((m) => m.getA1Notation()),
        ['B2:C3'],
      );
    },
  },
  {
    name: 'merging a range that holds whole merges replaces them (assumed, as Format > Merge cells does)',
    source: RANGE + '#merge() (equivalent of the Format menu; replacement of inner merges unconfirmed)',
    run: (t) => {
      const sh = SpreadsheetApp.getActive().getSheets()[0];
      sh.getRange('A1:B1').merge();
      sh.getRange('C2:C3').merge();
      sh.getRange('A1:D4').merge();
      t.deepEqual(
        sh
          .getRange('A1:E5')
          .getMergedRanges()
          .map((m) => m.getA1Notation()),
        ['A1:D4'],
      );
      sh.getRange('A1:D4').merge();
      t.equal(sh.getRange('A1:E5').getMergedRanges().length, 1, 'merging a merge again changes nothing');
    },
  },
  {
    name: 'a merge across the frozen rows or columns edge fails with Google’s messages; rows merged across stay apart',
    source: RANGE + '#mergeAcross(); messages: ' + PUBLIC_LOGS,
    run: (t) => {
      const sh = SpreadsheetApp.getActive().getSheets()[0];
      sh.setFrozenRows(1);
      sh.setFrozenColumns(1);
      t.throws(() => sh.getRange('B1:B2').merge(), "You can't merge frozen and non-frozen rows.");
      t.throws(() => sh.getRange('A2:B2').merge(), "You can't merge frozen and non-frozen columns.");
      t.throws(() => sh.getRange('A3:C4').mergeAcross(), "You can't merge frozen and non-frozen columns.");
      t.equal(sh.getRange('A1:D9').isPartOfMerge(), false, 'nothing merged');
      sh.getRange('B1:D3').mergeAcross();
      t.deepEqual(
        sh
          .getRange('B1:D3')
          .getMergedRanges()
          .map((m) => m.getA1Notation()),
        ['B1:D1', 'B2:D2', 'B3:D3'],
        'each row stays on its side of the frozen edge',
      );
    },
  },
  {
    name: 'setFrozenRows / setFrozenColumns through a merge fail (columns: Google’s message; rows: assumed alike)',
    source: SHEET + '#setFrozenColumns(Integer); message: ' + PUBLIC_LOGS,
    run: (t) => {
      const sh = SpreadsheetApp.getActive().getSheets()[0];
      sh.getRange('A1:C2').merge();
      t.throws(
        () => sh.setFrozenColumns(1),
        "Sorry, you can't freeze columns which contain only part of a merged cell. Try to break apart merged cells or freeze more columns to include the complete merged cells.",
      );
      t.throws(() => sh.setFrozenRows(1), "Sorry, you can't freeze rows which contain only part of a merged cell.");
      sh.setFrozenColumns(3);
      sh.setFrozenRows(2);
      t.equal(sh.getFrozenColumns(), 3);
      t.equal(sh.getFrozenRows(), 2);
    },
  },
  {
    name: 'breakApart unmerges every merge in the range; the values stay where they are',
    source: RANGE + '#breakApart()',
    run: (t) => {
      const sh = SpreadsheetApp.getActive().getSheets()[0];
      sh.getRange('A1:C1')
        .setValues([['甲', '乙', '丙']])
        .merge();
      sh.getRange('A3:B4').merge();
      const back = sh.getRange('A1:C4').breakApart();
      t.equal(back.getA1Notation(), 'A1:C4', 'breakApart returns the range');
      t.equal(sh.getRange('A1:C4').isPartOfMerge(), false);
      t.deepEqual(sh.getRange('A1:C1').getValues(), [['甲', '', '']], 'the merge cleared the others for good');
    },
  },
  {
    name: 'breakApart over part of a merge fails with Google’s message',
    source: RANGE + '#breakApart(); message: ' + PUBLIC_LOGS,
    run: (t) => {
      const sh = SpreadsheetApp.getActive().getSheets()[0];
      sh.getRange('A1:C1').merge();
      t.throws(
        () => sh.getRange('A1:B1').breakApart(),
        'You must select all cells in a merged range to merge or unmerge them.',
      );
      t.equal(sh.getRange('A1').isPartOfMerge(), true);
    },
  },
  {
    name: 'breakApart on a range without merges does nothing and returns the range',
    source: RANGE + '#breakApart()',
    run: (t) => {
      const sh = SpreadsheetApp.getActive().getSheets()[0];
      sh.getRange('A1').setValue(1);
      t.equal(sh.getRange(1, 1, sh.getMaxRows(), sh.getMaxColumns()).breakApart().getA1Notation(), 'A1:Z1000');
      t.equal(sh.getRange('A1').getValue(), 1);
    },
  },
  {
    name: 'merging a single cell, or mergeAcross on one column, merges nothing (assumed)',
    source: RANGE + '#merge() (single-cell behaviour unconfirmed)',
    run: (t) => {
      const sh = SpreadsheetApp.getActive().getSheets()[0];
      sh.getRange('A1:A2').setValues([[1], [2]]);
      t.equal(sh.getRange('A1').merge().getA1Notation(), 'A1');
      t.equal(sh.getRange('A1:A2').mergeAcross().getA1Notation(), 'A1:A2');
      sh.getRange('C1:D1').mergeVertically();
      t.equal(sh.getRange('A1:D2').isPartOfMerge(), false);
      t.deepEqual(sh.getRange('A1:A2').getValues(), [[1], [2]]);
    },
  },
  {
    name: 'Sheet.clear keeps the merges (reported); clearContents and clearFormats too (assumed)',
    source: SHEET + '#clear(); public projects report a rebuilt tab keeping its merges after clear()',
    run: (t) => {
      const sh = SpreadsheetApp.getActive().getSheets()[0];
      sh.getRange('A1:C1').setValue('x').merge();
      sh.clear();
      t.equal(sh.getRange('A1').isPartOfMerge(), true, 'clear');
      t.equal(sh.getRange('A1').getValue(), '');
      sh.clearContents();
      sh.clearFormats();
      sh.getRange('A1:C1').clear();
      t.deepEqual(
        sh
          .getRange('A1:C1')
          .getMergedRanges()
          .map((m) => m.getA1Notation()),
        ['A1:C1'],
      );
    },
  },
  {
    name: 'the app’s rebuild: breakApart over the whole tab, clear, then mergeAcross rows and wrap them',
    source: RANGE + '#breakApart(), #mergeAcross()',
    run: (t) => {
      const sh = SpreadsheetApp.getActive().getSheets()[0];
      sh.getRange(3, 1, 2, 8).mergeAcross();
      sh.getRange(1, 1, sh.getMaxRows(), sh.getMaxColumns()).breakApart();
      sh.clear();
      t.equal(sh.getRange(1, 1, sh.getMaxRows(), sh.getMaxColumns()).isPartOfMerge(), false);
      sh.getRange(5, 1, 2, 8).mergeAcross().setWrap(true);
      t.deepEqual(
        sh
          .getRange('A1:H10')
          .getMergedRanges()
          .map((m) => m.getA1Notation()),
        ['A5:H5', 'A6:H6'],
      );
    },
  },
  {
    name: 'rows inserted inside a merge extend it; inserted before it, they move it',
    source: SHEET + '#insertRowsBefore(Integer,Integer) (merges follow as in Sheets)',
    run: (t) => {
      const sh = SpreadsheetApp.getActive().getSheets()[0];
      sh.getRange('A2:A4').merge();
      sh.getRange('B2:C2').merge();
      sh.insertRowsBefore(3, 2);
      t.deepEqual(
        sh
          .getRange('A1:C9')
          .getMergedRanges()
          .map((m) => m.getA1Notation()),
        ['A2:A6', 'B2:C2'],
      );
      sh.insertRowsBefore(1, 1);
      sh.insertColumnsBefore(3, 1);
      t.deepEqual(
        sh
          .getRange('A1:D9')
          .getMergedRanges()
          .map((m) => m.getA1Notation()),
        ['A3:A7', 'B3:D3'],
      );
    },
  },
  {
    name: 'deleting part of a merge shrinks it; deleting all of it (or all but one cell) removes it',
    source: SHEET + '#deleteRows(Integer,Integer) (merges follow as in Sheets; a one-cell remnant assumed gone)',
    run: (t) => {
      const sh = SpreadsheetApp.getActive().getSheets()[0];
      sh.getRange('A2:A5').merge();
      sh.getRange('C2:D2').merge();
      sh.getRange('F1:F2').merge();
      sh.deleteRows(3, 2);
      t.deepEqual(
        sh
          .getRange('A1:F9')
          .getMergedRanges()
          .map((m) => m.getA1Notation()),
        ['F1:F2', 'A2:A3', 'C2:D2'],
      );
      sh.deleteRow(2);
      t.deepEqual(
        sh
          .getRange('A1:F9')
          .getMergedRanges()
          .map((m) => m.getA1Notation()),
        [],
        'A2:A3 and C2:D2 lost their row; F1:F2 is down to one cell',
      );
      sh.getRange('A5:C5').merge();
      sh.deleteColumns(2, 1);
      t.deepEqual(
        sh
          .getRange('A1:F9')
          .getMergedRanges()
          .map((m) => m.getA1Notation()),
        ['A5:B5'],
      );
    },
  },
  {
    name: 'sorting rows through a vertical merge fails (Sheets API wording, assumed for Apps Script)',
    source: RANGE + '#sort(Object); the Sheets API refuses sortRange over vertical merges',
    run: (t) => {
      const sh = SpreadsheetApp.getActive().getSheets()[0];
      sh.getRange('A1:B3').setValues([
        [3, 'c'],
        [1, 'a'],
        [2, 'b'],
      ]);
      sh.getRange('B1:B2').merge();
      t.throws(() => sh.getRange('A1:B3').sort(1), "You can't sort a range containing vertical merges.");
      t.equal(sh.getRange('A1').getValue(), 3, 'nothing moved');
    },
  },
  {
    name: 'a horizontal merge moves with its row when rows are sorted (assumed)',
    source: RANGE + '#sort(Object) (Sheets refuses only vertical merges)',
    run: (t) => {
      const sh = SpreadsheetApp.getActive().getSheets()[0];
      sh.getRange('A1:C3').setValues([
        [3, 'c', ''],
        [1, 'a', ''],
        [2, 'b', ''],
      ]);
      sh.getRange('B1:C1').merge();
      sh.getRange('A1:C3').sort(1);
      t.deepEqual(sh.getRange('A1:B3').getValues(), [
        [1, 'a'],
        [2, 'b'],
        [3, 'c'],
      ]);
      t.deepEqual(
        sh
          .getRange('A1:C3')
          .getMergedRanges()
          .map((m) => m.getA1Notation()),
        ['B3:C3'],
      );
    },
  },
  {
    name: 'moving rows that hold only part of a merge fails (strict local rule; Sheets’ behaviour unconfirmed)',
    source: SHEET + '#moveRows(Range,Integer)',
    run: (t) => {
      const sh = SpreadsheetApp.getActive().getSheets()[0];
      sh.getRange('A2:A3').merge();
      t.throws(
        () => sh.moveRows(sh.getRange('3:3'), 6),
        "You can't move rows or columns that contain only part of a merged cell.",
      );
      sh.moveRows(sh.getRange('2:3'), 6);
      t.deepEqual(
        sh
          .getRange('A1:A9')
          .getMergedRanges()
          .map((m) => m.getA1Notation()),
        ['A4:A5'],
        'a whole merge moves with its rows',
      );
    },
  },
  {
    name: 'RangeList.breakApart unmerges each range',
    source: 'https://developers.google.com/apps-script/reference/spreadsheet/range-list#breakApart()',
    run: (t) => {
      const sh = SpreadsheetApp.getActive().getSheets()[0];
      sh.getRange('A1:B2').merge();
      sh.getRange('D1:E2').merge();
      sh.getRangeList(['A1:B2', 'D1:E2']).breakApart();
      t.equal(sh.getRange('A1:E2').isPartOfMerge(), false);
    },
  },
  {
    name: 'a merge on a protected range is refused for someone who may not edit it',
    source: RANGE + '#merge(); ../shared/docs/local-runtime-fidelity.md §3.8',
    user: 'clerk@example.gov.cn',
    setup: (env) => {
      const ss = env.globals.SpreadsheetApp.getActive();
      ss.addEditors(['clerk@example.gov.cn']);
      ss.getSheets()[0].getRange('A1:C1').protect().removeEditors(['clerk@example.gov.cn']);
    },
    run: (t) => {
      const sh = SpreadsheetApp.getActive().getSheets()[0];
      t.throws(() => sh.getRange('A1:C1').merge(), 'You are trying to edit a protected cell or object.');
      t.equal(sh.getRange('A1').isPartOfMerge(), false);
    },
  },
];

runChecks('spreadsheet.merges', mergeChecks);
