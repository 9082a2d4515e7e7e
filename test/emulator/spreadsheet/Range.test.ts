// Checks of cell values: typed-input parsing, dates as wall-clock serials in the spreadsheet's zone,
// plain-text cells, formulas, number formats and display values, notes and styles.
import type { Check } from './harness';

const RANGE = 'https://developers.google.com/apps-script/reference/spreadsheet/range';
const FIDELITY = '../shared/docs/local-runtime-fidelity.md';

export const valueChecks: Check[] = [
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
    name: 'changing the spreadsheet zone keeps wall clocks, so the instants read back move',
    source: FIDELITY + ' §3.4',
    run: (t) => {
      const ss = SpreadsheetApp.getActive();
      const r = ss.getSheets()[0].getRange('A1');
      r.setValue('2024-01-01');
      ss.setSpreadsheetTimeZone('UTC');
      t.equal((r.getValue() as Date).toISOString(), '2024-01-01T00:00:00.000Z');
      t.equal(r.getDisplayValue(), '2024-01-01');
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
];
