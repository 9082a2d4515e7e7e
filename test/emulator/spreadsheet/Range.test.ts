// Contract checks of Range: geometry, values (typed-input parsing, dates as wall-clock serials in the spreadsheet's
// zone, plain text), formulas, number formats and display values, notes and styles, sort, copyTo, validations,
// checkboxes and filters (https://developers.google.com/apps-script/reference/spreadsheet/range); plus, on the host
// side, a 50,000-row ledger read in one call.
import { runChecks, type Check } from '../harness';
import { createGasEnvironment } from '../../../emulator/index';

const RANGE = 'https://developers.google.com/apps-script/reference/spreadsheet/range';
const FIDELITY = '../shared/docs/local-runtime-fidelity.md';
const REF = 'https://developers.google.com/apps-script/reference/spreadsheet/';

export const rangeChecks: Check[] = [
  {
    name: 'members the runtime does not emulate throw "not implemented"',
    source: '../shared/docs/style.md habit 10',
    run: (t) => {
      const r = SpreadsheetApp.getActive().getRange('A1:B2') as unknown as { randomize(): void };
      t.throws(() => r.randomize(), /not implemented in the local runtime: Range\.randomize/, null);
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
  {
    name: 'getValues types: number, boolean, string, Date, and "" for empty cells',
    source: RANGE + '#getValues()',
    run: (t) => {
      const r = SpreadsheetApp.getActive().getSheets()[0].getRange('A1:E1');
      r.setValues([[1.5, true, '文本', new Date(2024, 0, 2), null]]);
      const v = r.getValues()[0];
      t.deepEqual([typeof v[0], typeof v[1], typeof v[2], v[4]], ['number', 'boolean', 'string', '']);
      t.ok(v[3] instanceof Date, 'a Date of the script realm');
      t.equal((v[3] as Date).getTime(), new Date(2024, 0, 2).getTime());
    },
  },
  {
    name: 'numeric strings become numbers (leading zeros lost, thousands separators read)',
    source: FIDELITY + ' §3.4 (USER_ENTERED)',
    run: (t) => {
      const r = SpreadsheetApp.getActive().getSheets()[0].getRange('A1:E1');
      r.setValues([['00042', '1,000', '-3.5', '1e3', ' 7 ']]);
      t.deepEqual(r.getValues()[0], [42, 1000, -3.5, 1000, 7]);
      t.equal(r.getCell(1, 2).getDisplayValue(), '1,000');
    },
  },
  {
    name: 'TRUE/FALSE in any case become booleans',
    source: FIDELITY + ' §3.4',
    run: (t) => {
      const r = SpreadsheetApp.getActive().getSheets()[0].getRange('A1:C1');
      r.setValues([['TRUE', 'false', 'True']]);
      t.deepEqual(r.getValues()[0], [true, false, true]);
    },
  },
  {
    name: 'a percentage becomes a fraction shown with a percent format',
    source: FIDELITY + ' §3.4',
    run: (t) => {
      const r = SpreadsheetApp.getActive().getSheets()[0].getRange('A1');
      r.setValue('5%');
      t.equal(r.getValue(), 0.05);
      t.equal(r.getDisplayValue(), '5%');
    },
  },
  {
    name: 'dates as zh_CN people type them become Dates: 2026-10-05, 2026/10/5, 2026年10月5日',
    source: FIDELITY + ' §3.4',
    run: (t) => {
      const r = SpreadsheetApp.getActive().getSheets()[0].getRange('A1:C1');
      r.setValues([['2026-10-05', '2026/10/5', '2026年10月5日']]);
      const want = new Date(2026, 9, 5).getTime();
      for (const v of r.getValues()[0]) t.equal((v as Date).getTime(), want);
      t.deepEqual(r.getDisplayValues()[0], ['2026-10-05', '2026/10/5', '2026年10月5日']);
    },
  },
  {
    name: 'an impossible date stays text',
    source: FIDELITY + ' §3.4',
    run: (t) => {
      const r = SpreadsheetApp.getActive().getSheets()[0].getRange('A1');
      r.setValue('2026-02-30');
      t.equal(r.getValue(), '2026-02-30');
    },
  },
  {
    name: 'a case id like "2024-01" silently becomes a date unless the cell is plain text',
    source: FIDELITY + ' §3.4 (case-ledger hazards)',
    run: (t) => {
      const sh = SpreadsheetApp.getActive().getSheets()[0];
      sh.getRange('A1').setValue('2024-01');
      t.ok(sh.getRange('A1').getValue() instanceof Date);
      sh.getRange('B1').setNumberFormat('@').setValue('2024-01');
      t.equal(sh.getRange('B1').getValue(), '2024-01');
    },
  },
  {
    name: 'plain-text (@) cells keep strings verbatim: "00042", "TRUE", "=1+1"',
    source: FIDELITY + ' §3.4',
    run: (t) => {
      const r = SpreadsheetApp.getActive().getSheets()[0].getRange('A1:C1');
      r.setNumberFormat('@');
      r.setValues([['00042', 'TRUE', '=1+1']]);
      t.deepEqual(r.getValues()[0], ['00042', 'TRUE', '=1+1']);
      t.deepEqual(r.getFormulas()[0], ['', '', '']);
      t.equal(r.getNumberFormat(), '@');
    },
  },
  {
    name: 'a leading apostrophe keeps text literally and is not part of the value',
    source: FIDELITY + ' §3.4',
    run: (t) => {
      const r = SpreadsheetApp.getActive().getSheets()[0].getRange('A1');
      r.setValue("'00042");
      t.equal(r.getValue(), '00042');
      t.equal(r.getDisplayValue(), '00042');
    },
  },
  {
    name: 'a time becomes a Date on 1899-12-30 with a time format',
    source: FIDELITY + ' §3.4',
    run: (t) => {
      const r = SpreadsheetApp.getActive().getSheets()[0].getRange('A1');
      r.setValue('14:30');
      const d = r.getValue() as Date;
      t.deepEqual([d.getFullYear(), d.getMonth(), d.getDate(), d.getHours(), d.getMinutes()], [1899, 11, 30, 14, 30]);
      t.equal(r.getDisplayValue(), '14:30');
    },
  },
  {
    name: 'a date and time typed together keep both',
    source: FIDELITY + ' §3.4',
    run: (t) => {
      const r = SpreadsheetApp.getActive().getSheets()[0].getRange('A1');
      r.setValue('2026-10-05 09:15');
      t.equal((r.getValue() as Date).getTime(), new Date(2026, 9, 5, 9, 15).getTime());
    },
  },
  {
    name: 'a JS Date is stored as the wall clock in the spreadsheet zone and read back as the same instant',
    source: FIDELITY + ' §3.4 (Sheets API DateTimeRenderOption)',
    run: (t) => {
      const r = SpreadsheetApp.getActive().getSheets()[0].getRange('A1');
      const d = new Date(2026, 9, 5, 8, 30, 15);
      r.setValue(d);
      t.equal((r.getValue() as Date).getTime(), d.getTime());
      t.equal(r.getDisplayValue(), '2026-10-05 8:30:15');
    },
  },
  {
    name: 'script zone ≠ spreadsheet zone: a script-midnight Date shows the spreadsheet wall clock',
    source: FIDELITY + ' §3.4 (tmdean.blogspot.com 2015-06 "Working with time values")',
    options: { spreadsheetTimeZone: 'America/New_York' },
    run: (t) => {
      const sh = SpreadsheetApp.getActive().getSheets()[0];
      const d = new Date(2024, 0, 1);
      sh.getRange('A1').setValue(d);
      t.equal(sh.getRange('A1').getDisplayValue(), '2023-12-31 11:00:00');
      t.equal((sh.getRange('A1').getValue() as Date).getTime(), d.getTime());
      sh.getRange('A2').setValue('2024-01-01');
      t.equal((sh.getRange('A2').getValue() as Date).toISOString(), '2024-01-01T05:00:00.000Z');
    },
  },
  {
    name: 'objects and functions are refused as cell values',
    source: FIDELITY + ' §3.4 (deliberately stricter)',
    run: (t) => {
      const r = SpreadsheetApp.getActive().getSheets()[0].getRange('A1');
      t.throws(() => r.setValue({ a: 1 }), /don't match the method signature for SpreadsheetApp\.Range\.setValue/);
      t.throws(() => r.setValues([[() => 1]]), /don't match the method signature for SpreadsheetApp\.Range\.setValues/);
      t.equal(r.getValue(), '');
    },
  },
  {
    name: 'setValue on a multi-cell range sets every cell; null and "" clear',
    source: RANGE + '#setValue(Object)',
    run: (t) => {
      const r = SpreadsheetApp.getActive().getSheets()[0].getRange('A1:B2');
      r.setValue(7);
      t.deepEqual(r.getValues(), [
        [7, 7],
        [7, 7],
      ]);
      r.getCell(1, 1).setValue(null);
      r.getCell(1, 2).setValue('');
      t.deepEqual(r.getValues()[0], ['', '']);
    },
  },
  {
    name: 'a leading "=" stores a formula; its value is "" until the test seeds one',
    source: FIDELITY + ' §3.6',
    run: (t) => {
      const sh = SpreadsheetApp.getActive().getSheets()[0];
      sh.getRange('C1').setValue('=A1+B1');
      t.equal(sh.getRange('C1').getFormula(), '=A1+B1');
      t.equal(sh.getRange('C1').getValue(), '');
      t.equal(sh.getRange('A1').getFormula(), '');
    },
  },
  {
    name: 'setFormula on a multi-cell range fills relative references; $ references stay',
    source: RANGE + '#setFormula(String)',
    run: (t) => {
      const r = SpreadsheetApp.getActive().getSheets()[0].getRange('C1:C3');
      r.setFormula('=A1*$B$1');
      t.deepEqual(r.getFormulas(), [['=A1*$B$1'], ['=A2*$B$1'], ['=A3*$B$1']]);
    },
  },
  {
    name: 'setFormulas checks the shape and getFormulas returns "" for plain cells',
    source: RANGE + '#setFormulas(String)',
    run: (t) => {
      const r = SpreadsheetApp.getActive().getSheets()[0].getRange('A1:B1');
      r.setFormulas([['=1', '']]);
      t.deepEqual(r.getFormulas(), [['=1', '']]);
      t.throws(() => r.setFormulas([['=1']]), /The number of columns in the data does not match/);
    },
  },
  {
    name: 'number formats: getNumberFormat reports the general default, setNumberFormat(null) is refused',
    source: FIDELITY + ' §3.5 (gas-fakes oddities "Numberformat default pattern")',
    run: (t) => {
      const r = SpreadsheetApp.getActive().getSheets()[0].getRange('A1');
      t.equal(r.getNumberFormat(), '0.###############');
      r.setNumberFormat('0.00');
      t.equal(r.getNumberFormat(), '0.00');
      r.setNumberFormat('general');
      t.equal(r.getNumberFormat(), '0.###############');
      t.throws(
        () => r.setNumberFormat(null as unknown as string),
        /don't match the method signature for SpreadsheetApp\.Range\.setNumberFormat/,
      );
    },
  },
  {
    name: 'display values of number formats: 0, 0.00, #,##0, 0%, general',
    source: RANGE + '#getDisplayValues()',
    run: (t) => {
      const r = SpreadsheetApp.getActive().getSheets()[0].getRange('A1:E1');
      r.setValues([[1234.567, 1234.567, 1234567.4, 0.256, 1234.567]]);
      r.setNumberFormats([['0', '0.00', '#,##0', '0%', 'general']]);
      t.deepEqual(r.getDisplayValues()[0], ['1235', '1234.57', '1,234,567', '26%', '1234.567']);
    },
  },
  {
    name: 'date formats use Sheets tokens: mm is month, or minutes next to h',
    source: FIDELITY + ' §3.5',
    run: (t) => {
      const r = SpreadsheetApp.getActive().getSheets()[0].getRange('A1:C1');
      r.setValue(new Date(2026, 2, 7, 9, 5));
      r.setNumberFormats([['yyyy-mm-dd', 'yyyy-mm-dd hh:mm', 'yyyy"年"m"月"d"日"']]);
      t.deepEqual(r.getDisplayValues()[0], ['2026-03-07', '2026-03-07 09:05', '2026年3月7日']);
    },
  },
  {
    name: 'a date-formatted number reads as a Date; the same serial under a number format is a number',
    source: FIDELITY + ' §3.4 (type follows the number format)',
    run: (t) => {
      const sh = SpreadsheetApp.getActive().getSheets()[0];
      sh.getRange('A1:B1').setValue(46300);
      sh.getRange('A1').setNumberFormat('yyyy-mm-dd');
      t.ok(sh.getRange('A1').getValue() instanceof Date);
      t.equal(sh.getRange('A1').getDisplayValue(), '2026-10-05');
      t.equal(sh.getRange('B1').getValue(), 46300);
    },
  },
  {
    name: 'booleans display as TRUE/FALSE; text displays as typed',
    source: RANGE + '#getDisplayValue()',
    run: (t) => {
      const r = SpreadsheetApp.getActive().getSheets()[0].getRange('A1:B1');
      r.setValues([[true, '信访']]);
      t.deepEqual(r.getDisplayValues()[0], ['TRUE', '信访']);
    },
  },
  {
    name: 'notes: "" by default, setNote(null) clears, setNotes checks the shape',
    source: RANGE + '#setNote(String)',
    run: (t) => {
      const r = SpreadsheetApp.getActive().getSheets()[0].getRange('A1:B1');
      t.deepEqual(r.getNotes(), [['', '']]);
      r.setNotes([['甲', '乙']]);
      t.equal(r.getNote(), '甲');
      r.getCell(1, 1).setNote(null);
      t.deepEqual(r.getNotes(), [['', '乙']]);
      t.throws(() => r.setNotes([['x']]), /does not match the number of columns/);
    },
  },
  {
    name: 'backgrounds read as lowercase #rrggbb, default #ffffff; null resets',
    source: FIDELITY + ' §3.8',
    run: (t) => {
      const r = SpreadsheetApp.getActive().getSheets()[0].getRange('A1:B1');
      t.equal(r.getBackground(), '#ffffff');
      r.setBackground('#FF0000');
      t.deepEqual(r.getBackgrounds(), [['#ff0000', '#ff0000']]);
      r.setBackgrounds([['#0F0', null]]);
      t.deepEqual(r.getBackgrounds(), [['#00ff00', '#ffffff']]);
    },
  },
  {
    name: 'font weight, font color, wrap and horizontal alignment round-trip',
    source: RANGE + '#setFontWeight(String)',
    run: (t) => {
      const r = SpreadsheetApp.getActive().getSheets()[0].getRange('A1');
      t.equal(r.getFontWeight(), 'normal');
      r.setFontWeight('bold').setFontColor('#1155CC').setWrap(true).setHorizontalAlignment('center');
      t.deepEqual(
        [r.getFontWeight(), r.getFontColor(), r.getWrap(), r.getHorizontalAlignment()],
        ['bold', '#1155cc', true, 'center'],
      );
      t.throws(() => r.setFontWeight('heavy' as 'bold'), /don't match the method signature/);
    },
  },
  {
    name: 'clear removes contents and formats; clearContent keeps formats; clear({formatOnly}) keeps values',
    source: RANGE + '#clear(Object)',
    run: (t) => {
      const r = SpreadsheetApp.getActive().getSheets()[0].getRange('A1');
      r.setValue(5).setNumberFormat('0.00').setBackground('#ff0000');
      r.clearContent();
      t.deepEqual([r.getValue(), r.getNumberFormat(), r.getBackground()], ['', '0.00', '#ff0000']);
      r.setValue(5);
      r.clear({ formatOnly: true });
      t.deepEqual([r.getValue(), r.getNumberFormat(), r.getBackground()], [5, '0.###############', '#ffffff']);
      r.setBackground('#ff0000');
      r.clear();
      t.deepEqual([r.getValue(), r.getBackground()], ['', '#ffffff']);
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
  {
    name: 'range, date and checkbox validations; getDataValidations is per cell; null removes',
    source: REF + 'range#setDataValidations(DataValidation)',
    run: (t) => {
      const sh = SpreadsheetApp.getActive().getSheets()[0];
      const src = sh.getRange('Z1:Z3');
      const inRange = SpreadsheetApp.newDataValidation().requireValueInRange(src, false).build();
      t.equal(inRange.getCriteriaType(), SpreadsheetApp.DataValidationCriteria.VALUE_IN_RANGE);
      t.equal((inRange.getCriteriaValues()[0] as GoogleAppsScript.Spreadsheet.Range).getA1Notation(), 'Z1:Z3');
      const date = SpreadsheetApp.newDataValidation().requireDate().build();
      const box = SpreadsheetApp.newDataValidation().requireCheckbox().build();
      sh.getRange('A1:C1').setDataValidations([[inRange, date, box]]);
      const got = sh
        .getRange('A1:C1')
        .getDataValidations()[0]
        .map((v) => v && v.getCriteriaType());
      t.deepEqual(got, ['VALUE_IN_RANGE', 'DATE_IS_VALID_DATE', 'CHECKBOX'] as unknown[]);
      sh.getRange('A1').setDataValidation(null);
      t.equal(sh.getRange('A1').getDataValidation(), null);
    },
  },
  {
    name: 'insertCheckboxes sets FALSE and counts as content; check/uncheck/isChecked',
    source: REF + 'range#insertCheckboxes()',
    run: (t) => {
      const sh = SpreadsheetApp.getActive().getSheets()[0];
      const r = sh.getRange('D1:D3').insertCheckboxes();
      t.equal(sh.getLastRow(), 3);
      t.equal(r.isChecked(), false);
      r.getCell(1, 1).check();
      t.equal(r.isChecked(), null);
      r.check();
      t.equal(r.isChecked(), true);
      t.equal(sh.getRange('E1').isChecked(), null);
    },
  },
  {
    name: 'a second filter on the same sheet is refused',
    source: REF + 'range#createFilter()',
    run: (t) => {
      const sh = SpreadsheetApp.getActive().getSheets()[0];
      sh.getRange('A1:B5').createFilter();
      t.throws(
        () => sh.getRange('C1:D5').createFilter(),
        "You can't create a filter in a sheet that already has a filter.",
      );
    },
  },
  {
    name: 'copyTo a larger destination repeats the source in whole multiples: values, formats, formulas moved per tile',
    source:
      RANGE +
      '#copyTo(Range); tiling as the Sheets API pastes: https://developers.google.com/sheets/api/reference/rest/v4/spreadsheets/request#CopyPasteRequest',
    run: (t) => {
      const sh = SpreadsheetApp.getActive().getSheets()[0];
      sh.getRange('A1:B2').setValues([
        [1, 'x'],
        [2, 'y'],
      ]);
      sh.getRange('C1').setFormula('=A1*2');
      sh.getRange('A1').setBackground('#ff0000');
      sh.getRange('B2').setNumberFormat('0.00');
      sh.getRange('A1:B2').copyTo(sh.getRange('E1:H4'));
      t.deepEqual(sh.getRange('E1:H4').getValues(), [
        [1, 'x', 1, 'x'],
        [2, 'y', 2, 'y'],
        [1, 'x', 1, 'x'],
        [2, 'y', 2, 'y'],
      ]);
      t.deepEqual(
        sh
          .getRange('E1:H4')
          .getBackgrounds()
          .map((r) => r.map((c) => c === '#ff0000')),
        [
          [true, false, true, false],
          [false, false, false, false],
          [true, false, true, false],
          [false, false, false, false],
        ],
      );
      t.equal(sh.getRange('H4').getNumberFormat(), '0.00');
      sh.getRange('C1').copyTo(sh.getRange('J1:K3'));
      t.deepEqual(sh.getRange('J1:K3').getFormulas(), [
        ['=H1*2', '=I1*2'],
        ['=H2*2', '=I2*2'],
        ['=H3*2', '=I3*2'],
      ]);
    },
  },
  {
    name: 'copyTo a single-cell destination expands it to the source size',
    source: RANGE + '#copyTo(Range)',
    run: (t) => {
      const sh = SpreadsheetApp.getActive().getSheets()[0];
      sh.getRange('A1:B2').setValues([
        [1, 2],
        [3, 4],
      ]);
      sh.getRange('A1:B2').copyTo(sh.getRange('D4'));
      t.deepEqual(sh.getRange('D4:F6').getValues(), [
        [1, 2, ''],
        [3, 4, ''],
        ['', '', ''],
      ]);
    },
  },
  {
    name: 'copyTo with PASTE_VALUES and PASTE_FORMAT tiles too (values only / formats only)',
    source: RANGE + '#copyTo(Range,CopyPasteType,Boolean)',
    run: (t) => {
      const sh = SpreadsheetApp.getActive().getSheets()[0];
      sh.getRange('A1').setValue(7).setBackground('#00ff00');
      const src = sh.getRange('A1');
      src.copyTo(sh.getRange('C1:C3'), SpreadsheetApp.CopyPasteType.PASTE_VALUES, false);
      t.deepEqual(sh.getRange('C1:C3').getValues(), [[7], [7], [7]]);
      t.deepEqual(sh.getRange('C1:C3').getBackgrounds(), [['#ffffff'], ['#ffffff'], ['#ffffff']]);
      src.copyTo(sh.getRange('E1:F1'), SpreadsheetApp.CopyPasteType.PASTE_FORMAT, false);
      t.deepEqual(sh.getRange('E1:F1').getValues(), [['', '']]);
      t.deepEqual(sh.getRange('E1:F1').getBackgrounds(), [['#00ff00', '#00ff00']]);
    },
  },
  {
    name: 'copyTo with {contentsOnly} / {formatOnly} options tiles the chosen part',
    source: RANGE + '#copyTo(Range,Object)',
    run: (t) => {
      const sh = SpreadsheetApp.getActive().getSheets()[0];
      sh.getRange('A1').setValue('v').setBackground('#0000ff');
      sh.getRange('A1').copyTo(sh.getRange('C1:D1'), { contentsOnly: true });
      t.deepEqual(sh.getRange('C1:D1').getValues(), [['v', 'v']]);
      t.deepEqual(sh.getRange('C1:D1').getBackgrounds(), [['#ffffff', '#ffffff']]);
      sh.getRange('A1').copyTo(sh.getRange('C2:D2'), { formatOnly: true });
      t.deepEqual(sh.getRange('C2:D2').getValues(), [['', '']]);
      t.deepEqual(sh.getRange('C2:D2').getBackgrounds(), [['#0000ff', '#0000ff']]);
    },
  },
  {
    name: 'copyTo(destination, type, true) pastes transposed: rows become columns, formulas moved per cell',
    source: RANGE + '#copyTo(Range,CopyPasteType,Boolean)',
    run: (t) => {
      const sh = SpreadsheetApp.getActive().getSheets()[0];
      sh.getRange('A1:C2').setValues([
        [1, 2, 3],
        [4, 5, 6],
      ]);
      sh.getRange('C1').setBackground('#ff0000');
      sh.getRange('B2').setFormula('=A1');
      sh.getRange('A1:C2').copyTo(sh.getRange('E1'), SpreadsheetApp.CopyPasteType.PASTE_NORMAL, true);
      t.deepEqual(sh.getRange('E1:G3').getValues(), [
        [1, 4, ''],
        [2, '', ''],
        [3, 6, ''],
      ]);
      t.equal(sh.getRange('F2').getFormula(), '=E1');
      t.equal(sh.getRange('E3').getBackground(), '#ff0000');
      sh.getRange('A1:C1').copyTo(sh.getRange('I1:J3'), SpreadsheetApp.CopyPasteType.PASTE_VALUES, true);
      t.deepEqual(sh.getRange('I1:J3').getValues(), [
        [1, 1],
        [2, 2],
        [3, 3],
      ]);
    },
  },
  {
    name: 'copyTo with a CopyPasteType but a non-boolean transposed is a signature error',
    source: RANGE + '#copyTo(Range,CopyPasteType,Boolean)',
    run: (t) => {
      const sh = SpreadsheetApp.getActive().getSheets()[0];
      t.throws(
        () =>
          sh
            .getRange('A1')
            .copyTo(sh.getRange('B1'), SpreadsheetApp.CopyPasteType.PASTE_NORMAL, 'yes' as unknown as boolean),
        /The parameters \(SpreadsheetApp\.Range,String,String\) don't match the method signature for SpreadsheetApp\.Range\.copyTo\./,
      );
    },
  },
  {
    name: 'copyTo with PASTE_NO_BORDERS pastes values and formats; PASTE_DATA_VALIDATION only the validation',
    source: RANGE + '#copyTo(Range,CopyPasteType,Boolean)',
    run: (t) => {
      const sh = SpreadsheetApp.getActive().getSheets()[0];
      const rule = SpreadsheetApp.newDataValidation().requireValueInList(['甲', '乙']).build();
      sh.getRange('A1').setValue('甲').setBackground('#ff0000').setDataValidation(rule);
      sh.getRange('A1').copyTo(sh.getRange('C1'), SpreadsheetApp.CopyPasteType.PASTE_NO_BORDERS, false);
      t.deepEqual([sh.getRange('C1').getValue(), sh.getRange('C1').getBackground()], ['甲', '#ff0000']);
      sh.getRange('A1').copyTo(sh.getRange('E1:E2'), SpreadsheetApp.CopyPasteType.PASTE_DATA_VALIDATION, false);
      t.deepEqual(sh.getRange('E1:E2').getValues(), [[''], ['']]);
      t.deepEqual(sh.getRange('E1:E2').getBackgrounds(), [['#ffffff'], ['#ffffff']]);
      t.deepEqual(
        sh
          .getRange('E1:E2')
          .getDataValidations()
          .map((row) => row[0] && row[0].getCriteriaValues()[0]),
        [
          ['甲', '乙'],
          ['甲', '乙'],
        ] as unknown[],
      );
    },
  },
  {
    name: 'copyTo with PASTE_COLUMN_WIDTHS or PASTE_CONDITIONAL_FORMATTING is not emulated: it throws, never does nothing',
    source: RANGE + '#copyTo(Range,CopyPasteType,Boolean)',
    run: (t) => {
      const sh = SpreadsheetApp.getActive().getSheets()[0];
      t.throws(
        () => sh.getRange('A1').copyTo(sh.getRange('C1'), SpreadsheetApp.CopyPasteType.PASTE_COLUMN_WIDTHS, false),
        /not implemented/,
        'NotImplemented',
      );
      t.throws(
        () =>
          sh.getRange('A1').copyTo(sh.getRange('C1'), SpreadsheetApp.CopyPasteType.PASTE_CONDITIONAL_FORMATTING, false),
        /not implemented/,
        'NotImplemented',
      );
    },
  },
  {
    name: "copyTo from an unformatted sheet resets the destination's formats",
    source: RANGE + '#copyTo(Range)',
    run: (t) => {
      const ss = SpreadsheetApp.getActive();
      const plain = ss.insertSheet('plain');
      plain.getRange('A1').setValue(1);
      const sh = ss.getSheets()[0];
      sh.getRange('B2').setBackground('#ff0000').setFontWeight('bold');
      plain.getRange('A1').copyTo(sh.getRange('B2'));
      t.deepEqual(
        [sh.getRange('B2').getValue(), sh.getRange('B2').getBackground(), sh.getRange('B2').getFontWeight()],
        [1, '#ffffff', 'normal'],
      );
    },
  },
  {
    name: 'removeCheckboxes clears the validation and a cell holding the checked or unchecked value; other values stay',
    source: RANGE + '#removeCheckboxes()',
    run: (t) => {
      const sh = SpreadsheetApp.getActive().getSheets()[0];
      const plain = sh.getRange('A1:A3').insertCheckboxes();
      sh.getRange('A1').check();
      sh.getRange('A3').setValue('备注');
      const custom = sh.getRange('B1:B3').insertCheckboxes('是', '否');
      sh.getRange('B1').check();
      sh.getRange('B3').setValue(5);
      plain.removeCheckboxes();
      custom.removeCheckboxes();
      t.deepEqual(sh.getRange('A1:B3').getValues(), [
        ['', ''],
        ['', ''],
        ['备注', 5],
      ]);
      t.deepEqual(sh.getRange('A1:B3').getDataValidations(), [
        [null, null],
        [null, null],
        [null, null],
      ]);
    },
  },
  {
    name: 'insertCheckboxes(checkedValue): unchecked is the empty string',
    source: RANGE + '#insertCheckboxes(Object)',
    run: (t) => {
      const sh = SpreadsheetApp.getActive().getSheets()[0];
      const r = sh.getRange('A1:A2').insertCheckboxes('done');
      t.deepEqual(r.getValues(), [[''], ['']]);
      t.equal(r.isChecked(), false);
      r.check();
      t.deepEqual(r.getValues(), [['done'], ['done']]);
      r.getCell(2, 1).uncheck();
      t.deepEqual(r.getValues(), [['done'], ['']]);
      r.removeCheckboxes();
      t.deepEqual(r.getValues(), [[''], ['']]);
    },
  },
  {
    name: 'CSS colour names are accepted in any case and read back as lowercase #rrggbb',
    source: RANGE + '#setBackground(String)',
    run: (t) => {
      const r = SpreadsheetApp.getActive().getSheets()[0].getRange('A1');
      r.setBackground('aliceblue');
      t.equal(r.getBackground(), '#f0f8ff');
      r.setFontColor('RebeccaPurple');
      t.equal(r.getFontColor(), '#663399');
      r.setBackground('LightGoldenRodYellow');
      t.equal(r.getBackground(), '#fafad2');
      r.setBackgrounds([['darkslategrey']]);
      t.equal(r.getBackground(), '#2f4f4f');
      r.setBackground('Tomato');
      t.equal(r.getBackground(), '#ff6347');
    },
  },
  {
    name: 'a colour that is no CSS name nor #rgb/#rrggbb is still refused',
    source: RANGE + '#setBackground(String)',
    run: (t) => {
      const r = SpreadsheetApp.getActive().getSheets()[0].getRange('A1');
      t.throws(() => r.setBackground('notacolour'), /Invalid color "notacolour"/);
      t.throws(() => r.setBackground('#12345'), /Invalid color/);
      t.throws(() => r.setBackground('constructor'), /Invalid color "constructor"/);
      t.throws(() => r.setFontColor('transparentish'), /Invalid color/);
    },
  },
  {
    name: 'shiftRowGroupDepth(1) groups the rows the range spans; a second shift inside nests a depth-2 group',
    source: RANGE + '#shiftRowGroupDepth(Integer)',
    run: (t) => {
      const sh = SpreadsheetApp.getActive().getSheets()[0];
      t.equal(sh.getRange('A2:A5').shiftRowGroupDepth(1).getA1Notation(), 'A2:A5');
      sh.getRange('A3:A4').shiftRowGroupDepth(1);
      t.deepEqual(
        [1, 2, 3, 4, 5, 6].map((r) => sh.getRowGroupDepth(r)),
        [0, 1, 2, 2, 1, 0],
      );
      t.equal(sh.getRowGroup(2, 1)!.getRange().getA1Notation(), '2:5');
      t.equal(sh.getRowGroup(3, 2)!.getRange().getA1Notation(), '3:4');
      t.equal(sh.getRowGroup(2, 1)!.isCollapsed(), false);
    },
  },
  {
    name: 'shiftColumnGroupDepth(2) makes two levels over the same columns at once',
    source:
      RANGE + "#shiftColumnGroupDepth(Integer) (gas-fakes test/testsheetsexotics.js 'Range Grouping Methods' step 5)",
    run: (t) => {
      const sh = SpreadsheetApp.getActive().getSheets()[0];
      sh.getRange('C1:E1').shiftColumnGroupDepth(2);
      t.deepEqual(
        [2, 3, 5, 6].map((c) => sh.getColumnGroupDepth(c)),
        [0, 2, 2, 0],
      );
      t.equal(sh.getColumnGroup(3, 1)!.getRange().getA1Notation(), 'C:E');
      t.equal(sh.getColumnGroup(5, 2)!.getRange().getA1Notation(), 'C:E');
    },
  },
  {
    name: 'an overlapping shift joins the groups: [B:D, 1] + [C:E] gives [B:E, 1] and [C:D, 2]',
    source:
      'https://developers.google.com/sheets/api/reference/rest/v4/spreadsheets/request#adddimensiongrouprequest (what shiftColumnGroupDepth(1) sends)',
    run: (t) => {
      const sh = SpreadsheetApp.getActive().getSheets()[0];
      sh.getRange('B1:D1').shiftColumnGroupDepth(1);
      sh.getRange('C1:E1').shiftColumnGroupDepth(1);
      t.equal(sh.getColumnGroup(2, 1)!.getRange().getA1Notation(), 'B:E');
      t.equal(sh.getColumnGroup(3, 2)!.getRange().getA1Notation(), 'C:D');
    },
  },
  {
    name: 'a group wholly inside a new wider group goes one level deeper, keeping its collapsed state',
    source:
      'https://developers.google.com/sheets/api/reference/rest/v4/spreadsheets/request#adddimensiongrouprequest ("[C:D, depth 1] + [B:E] results in groups [B:E, depth 1] and [C:D, depth 2]")',
    run: (t) => {
      const sh = SpreadsheetApp.getActive().getSheets()[0];
      sh.getRange('C1:D1').shiftColumnGroupDepth(1);
      sh.getColumnGroup(3, 1)!.collapse();
      sh.getRange('B1:E1').shiftColumnGroupDepth(1);
      t.equal(sh.getColumnGroup(2, 1)!.isCollapsed(), false);
      t.equal(sh.getColumnGroup(3, 2)!.isCollapsed(), true);
    },
  },
  {
    name: 'a negative shift lowers the depth: deleting D:E from [B:E, 1] and [C:D, 2] leaves [B:D, 1] and [C:C, 2]',
    source:
      'https://developers.google.com/sheets/api/reference/rest/v4/spreadsheets/request#deletedimensiongrouprequest (what shiftColumnGroupDepth(-1) sends)',
    run: (t) => {
      const sh = SpreadsheetApp.getActive().getSheets()[0];
      sh.getRange('B1:E1').shiftColumnGroupDepth(1);
      sh.getRange('C1:D1').shiftColumnGroupDepth(1);
      sh.getRange('D1:E1').shiftColumnGroupDepth(-1);
      t.equal(sh.getColumnGroup(2, 1)!.getRange().getA1Notation(), 'B:D');
      t.equal(sh.getColumnGroup(3, 2)!.getRange().getA1Notation(), 'C:C');
      t.equal(sh.getColumnGroupDepth(5), 0);
    },
  },
  {
    name: 'shifting below depth 0 is no error: every group goes and nothing else changes',
    source:
      RANGE + "#shiftRowGroupDepth(Integer) (gas-fakes test/testsheetsexotics.js 'Range Grouping Methods' step 7)",
    run: (t) => {
      const sh = SpreadsheetApp.getActive().getSheets()[0];
      sh.getRange('A2:A5').shiftRowGroupDepth(1);
      sh.getRange('C1:E1').shiftColumnGroupDepth(2);
      sh.getRange('A1:Z100').shiftRowGroupDepth(-10).shiftColumnGroupDepth(-10);
      t.deepEqual([sh.getRowGroupDepth(3), sh.getColumnGroupDepth(4), sh.getRowGroupDepth(100)], [0, 0, 0]);
    },
  },
  {
    name: 'depth stops at eight (assumed: the reference gives depths 0..8 and names no error)',
    source: REF + 'sheet#getRowGroupDepth(Integer) ("This can range between zero and eight")',
    run: (t) => {
      const sh = SpreadsheetApp.getActive().getSheets()[0];
      sh.getRange('A2:A3').shiftRowGroupDepth(10);
      t.equal(sh.getRowGroupDepth(2), 8);
      sh.getRange('A2:A3').shiftRowGroupDepth(-1);
      t.equal(sh.getRowGroupDepth(3), 7);
    },
  },
  {
    name: 'shiftRowGroupDepth needs an integer',
    source: FIDELITY + ' §2',
    run: (t) => {
      const r = SpreadsheetApp.getActive().getSheets()[0].getRange('A2:A3') as unknown as {
        shiftRowGroupDepth(d: unknown): unknown;
      };
      t.throws(
        () => r.shiftRowGroupDepth('1'),
        "The parameters (String) don't match the method signature for SpreadsheetApp.Range.shiftRowGroupDepth.",
      );
      t.throws(
        () => r.shiftRowGroupDepth(1.5),
        /don't match the method signature for SpreadsheetApp\.Range\.shiftRowGroupDepth/,
      );
    },
  },
  {
    name: 'collapseGroups collapses the groups wholly inside the range, the outermost only',
    source: RANGE + "#collapseGroups() (gas-fakes test/testsheetsexotics.js 'Range Grouping Methods' step 3)",
    run: (t) => {
      const sh = SpreadsheetApp.getActive().getSheets()[0];
      sh.getRange('A2:A5').shiftRowGroupDepth(1);
      sh.getRange('A3:A4').shiftRowGroupDepth(1);
      sh.getRange('A1:A10').collapseGroups();
      t.equal(sh.getRowGroup(2, 1)!.isCollapsed(), true);
      t.equal(sh.getRowGroup(3, 2)!.isCollapsed(), false);
      t.deepEqual(
        [1, 2, 5, 6].map((r) => sh.isRowHiddenByUser(r)),
        [false, true, true, false],
      );
    },
  },
  {
    name: 'with no group wholly inside, collapseGroups collapses the deepest expanded group the range touches',
    source: RANGE + '#collapseGroups()',
    run: (t) => {
      const sh = SpreadsheetApp.getActive().getSheets()[0];
      sh.getRange('C1:H1').shiftColumnGroupDepth(1);
      sh.getRange('D1:F1').shiftColumnGroupDepth(1);
      sh.getRange('E1:G1').collapseGroups();
      t.equal(sh.getColumnGroup(4, 2)!.isCollapsed(), true);
      t.equal(sh.getColumnGroup(3, 1)!.isCollapsed(), false);
      sh.getRange('E1:G1').collapseGroups();
      t.equal(sh.getColumnGroup(3, 1)!.isCollapsed(), true, 'the next call takes the next expanded one');
    },
  },
  {
    name: 'expandGroups expands the collapsed groups the range touches, the shallowest where they overlap',
    source: RANGE + '#expandGroups()',
    run: (t) => {
      const sh = SpreadsheetApp.getActive().getSheets()[0];
      sh.getRange('2:6').shiftRowGroupDepth(1);
      sh.getRange('3:4').shiftRowGroupDepth(1);
      sh.getRowGroup(3, 2)!.collapse();
      sh.getRowGroup(2, 1)!.collapse();
      sh.getRange('A3').expandGroups();
      t.equal(sh.getRowGroup(2, 1)!.isCollapsed(), false);
      t.equal(sh.getRowGroup(3, 2)!.isCollapsed(), true);
      sh.getRange('A3').expandGroups();
      t.equal(sh.getRowGroup(3, 2)!.isCollapsed(), false);
      t.equal(sh.isRowHiddenByUser(3), false);
    },
  },
  {
    name: "expandGroups also reaches a group through its control toggle's row",
    source: RANGE + '#expandGroups() ("whose range or control toggle intersects with this range")',
    run: (t) => {
      const sh = SpreadsheetApp.getActive().getSheets()[0];
      sh.getRange('2:3').shiftRowGroupDepth(1);
      sh.getRowGroup(2, 1)!.collapse();
      sh.getRange('A1').expandGroups();
      t.equal(sh.getRowGroup(2, 1)!.isCollapsed(), true, 'row 1 is neither in the group nor its toggle (after)');
      sh.getRange('A4').expandGroups();
      t.equal(sh.getRowGroup(2, 1)!.isCollapsed(), false);
    },
  },
];

runChecks('spreadsheet.Range', rangeChecks);

describe('in the environment', () => {
  test('getValues on a 50,000 × 40 ledger is one call and the values are right', () => {
    const env = createGasEnvironment({ now: '2024-03-05T09:00:00+08:00' });
    const sh = env.globals.SpreadsheetApp.getActive().getSheets()[0];
    const rows = 50_000;
    const cols = 40;
    sh.insertRowsAfter(1000, rows - 1000);
    sh.insertColumnsAfter(26, cols - 26);
    const data = Array.from({ length: rows }, (_r, i) =>
      Array.from({ length: cols }, (_c, j) =>
        j === 0 ? `XF-${i}` : j === 1 ? new Date(2024, 0, 1 + (i % 365)) : i * cols + j,
      ),
    );
    sh.getRange(1, 1, rows, cols).setValues(data);
    const result = env.runCheck((t: { equal(a: unknown, b: unknown): void }) => {
      const v = SpreadsheetApp.getActive().getSheets()[0].getDataRange().getValues();
      let sum = 0;
      let dates = 0;
      for (const row of v) {
        sum += row[39] as number;
        if (row[1] instanceof Date) dates++;
      }
      t.equal(v.length, 50000);
      return [v.length, v[0].length, v[49999][0], sum, dates, (v[123][1] as Date).getTime()];
    }) as unknown[];
    let want = 0;
    for (let i = 0; i < rows; i++) want += i * cols + 39;
    expect(result).toEqual([rows, cols, 'XF-49999', want, rows, new Date(2024, 0, 124).getTime()]);
    expect(env.stats().total['SpreadsheetApp.Range.getValues']).toBe(1);
  });
});
