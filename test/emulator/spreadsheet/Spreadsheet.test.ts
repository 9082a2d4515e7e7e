// Contract checks of Spreadsheet: its sheets (order, names, insert/delete errors), getRange by A1, zone and locale,
// toasts, named ranges (https://developers.google.com/apps-script/reference/spreadsheet/spreadsheet).
import { runChecks, type Check } from '../harness';

const SS = 'https://developers.google.com/apps-script/reference/spreadsheet/spreadsheet';
const FIDELITY = '../shared/docs/local-runtime-fidelity.md';
const REF = 'https://developers.google.com/apps-script/reference/spreadsheet/';

export const spreadsheetChecks: Check[] = [
  {
    name: 'a new sheet is 1000 rows by 26 columns and empty',
    source: FIDELITY + ' §3.1 (gas-fakes insertSheet reply rowCount 1000/columnCount 26)',
    run: (t) => {
      const sh = SpreadsheetApp.getActive().insertSheet('台账');
      t.equal(sh.getMaxRows(), 1000);
      t.equal(sh.getMaxColumns(), 26);
      t.equal(sh.getLastRow(), 0);
      t.equal(sh.getLastColumn(), 0);
    },
  },
  {
    name: 'insertSheet appends, becomes active, and getSheets keeps tab order',
    source: SS + '#insertSheet(String)',
    run: (t) => {
      const ss = SpreadsheetApp.getActive();
      ss.insertSheet('B');
      const a = ss.insertSheet('A', 0);
      t.deepEqual(
        ss.getSheets().map((s) => s.getName()),
        ['A', 'Sheet1', 'B'],
      );
      t.equal(ss.getActiveSheet().getName(), 'A');
      t.equal(a.getIndex(), 1);
    },
  },
  {
    name: 'insertSheet with a taken name fails (names are unique ignoring case)',
    source: FIDELITY + ' §3.1',
    run: (t) => {
      const ss = SpreadsheetApp.getActive();
      ss.insertSheet('台账');
      t.throws(() => ss.insertSheet('台账'), 'A sheet with the name "台账" already exists. Please enter another name.');
      t.throws(() => ss.insertSheet('sheet1'), /already exists/);
    },
  },
  {
    name: 'insertSheet() without a name picks the next free "SheetN"',
    source: SS + '#insertSheet()',
    run: (t) => {
      const ss = SpreadsheetApp.getActive();
      t.equal(ss.insertSheet().getName(), 'Sheet2');
      t.equal(ss.insertSheet().getName(), 'Sheet3');
    },
  },
  {
    name: 'getSheetByName returns null for a missing sheet',
    source: SS + '#getSheetByName(String)',
    run: (t) => {
      const ss = SpreadsheetApp.getActive();
      t.equal(ss.getSheetByName('不存在'), null);
      t.equal(ss.getSheetByName('Sheet1')!.getName(), 'Sheet1');
    },
  },
  {
    name: 'deleting the last sheet fails',
    source: FIDELITY + ' §3.1',
    run: (t) => {
      const ss = SpreadsheetApp.getActive();
      t.throws(() => ss.deleteSheet(ss.getSheets()[0]), "You can't remove all the sheets in a document.");
    },
  },
  {
    name: 'deleteSheet removes a sheet; the same Sheet object is returned for the same tab',
    source: SS + '#deleteSheet(Sheet)',
    run: (t) => {
      const ss = SpreadsheetApp.getActive();
      const b = ss.insertSheet('B');
      t.ok(ss.getSheetByName('B') === b, 'same object');
      ss.deleteSheet(b);
      t.deepEqual(
        ss.getSheets().map((s) => s.getName()),
        ['Sheet1'],
      );
      t.equal(ss.getActiveSheet().getName(), 'Sheet1');
    },
  },
  {
    name: 'Spreadsheet.getRange without a sheet name means the active sheet; a quoted name with spaces works',
    source: SS + '#getRange(String)',
    run: (t) => {
      const ss = SpreadsheetApp.getActive();
      const b = ss.insertSheet('名称 带空格');
      b.getRange('B2').setValue('x');
      t.equal(ss.getRange('B2').getValue(), 'x');
      ss.getSheets()[0].activate();
      t.equal(ss.getRange('B2').getValue(), '');
      t.equal(ss.getRange("'名称 带空格'!B2").getValue(), 'x');
      t.equal(ss.getRange("'名称 带空格'!B2").getSheet().getName(), '名称 带空格');
    },
  },
  {
    name: 'an unknown sheet in A1 notation is "Range not found"',
    source: FIDELITY + ' §3.1 (ErrorHandler RANGE_NOT_FOUND)',
    run: (t) => {
      t.throws(() => SpreadsheetApp.getActive().getRange('Nope!A1'), 'Range not found');
      t.throws(() => SpreadsheetApp.getActive().getRange('not a range'), 'Range not found');
    },
  },
  {
    name: 'spreadsheet time zone: IANA ids only; locale is settable',
    source: SS + '#setSpreadsheetTimeZone(String)',
    run: (t) => {
      const ss = SpreadsheetApp.getActive();
      t.equal(ss.getSpreadsheetTimeZone(), 'Asia/Shanghai');
      t.equal(ss.getSpreadsheetLocale(), 'zh_CN');
      ss.setSpreadsheetTimeZone('America/New_York');
      t.equal(ss.getSpreadsheetTimeZone(), 'America/New_York');
      t.throws(() => ss.setSpreadsheetTimeZone('Mars/Olympus'), /Invalid argument/);
      ss.setSpreadsheetLocale('en_US');
      t.equal(ss.getSpreadsheetLocale(), 'en_US');
    },
  },
  {
    name: 'toast is recorded with its title and seconds (default 5)',
    source: SS + '#toast(String,String,Number)',
    run: (t) => {
      SpreadsheetApp.getActive().toast('已保存', '台账', 3);
      SpreadsheetApp.getActive().toast('完成');
      t.ok(true);
    },
    after: (env) => {
      expect(env.ui.toasts).toEqual([
        { message: '已保存', title: '台账', seconds: 3, at: expect.any(Date) },
        { message: '完成', title: '', seconds: 5, at: expect.any(Date) },
      ]);
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
    name: 'named ranges: set, get (null when missing), list, remove; they follow inserted rows',
    source: REF + 'spreadsheet#setNamedRange(String,Range)',
    run: (t) => {
      const ss = SpreadsheetApp.getActive();
      const sh = ss.getSheets()[0];
      ss.setNamedRange('状态列表', sh.getRange('Z1:Z5'));
      t.equal(ss.getRangeByName('状态列表')!.getA1Notation(), 'Z1:Z5');
      t.equal(ss.getRangeByName('nope'), null);
      sh.insertRowsBefore(1, 2);
      t.equal(ss.getRangeByName('状态列表')!.getA1Notation(), 'Z3:Z7');
      t.deepEqual(
        ss.getNamedRanges().map((n) => n.getName()),
        ['状态列表'],
      );
      ss.removeNamedRange('状态列表');
      t.equal(ss.getRangeByName('状态列表'), null);
    },
  },
  {
    name: 'a named range name that looks like a cell is refused',
    source: REF + 'spreadsheet#setNamedRange(String,Range)',
    run: (t) => {
      const ss = SpreadsheetApp.getActive();
      t.throws(() => ss.setNamedRange('A1', ss.getRange('A1')), /Named range names/);
    },
  },
];

runChecks('spreadsheet.Spreadsheet', spreadsheetChecks);
