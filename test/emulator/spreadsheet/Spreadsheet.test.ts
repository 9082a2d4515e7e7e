// Checks of SpreadsheetApp and Spreadsheet: the bound file, sheets (order, names, insert/delete errors),
// opening other files under the scopes, zone and locale, toasts, flush and getUi.
import type { Check } from './harness';

const APP = 'https://developers.google.com/apps-script/reference/spreadsheet/spreadsheet-app';
const SS = 'https://developers.google.com/apps-script/reference/spreadsheet/spreadsheet';
const SHEET = 'https://developers.google.com/apps-script/reference/spreadsheet/sheet';
const FIDELITY = '../shared/docs/local-runtime-fidelity.md';

export const spreadsheetChecks: Check[] = [
  {
    name: 'getActive and getActiveSpreadsheet are the bound spreadsheet with one sheet "Sheet1"',
    source: APP + '#getActive()',
    run: (t) => {
      const ss = SpreadsheetApp.getActive();
      t.equal(ss.getId(), SpreadsheetApp.getActiveSpreadsheet().getId());
      t.deepEqual(
        ss.getSheets().map((s) => s.getName()),
        ['Sheet1'],
      );
      t.ok(/^[A-Za-z0-9_-]{44}$/.test(ss.getId()), 'id shape');
      t.equal(ss.getUrl(), 'https://docs.google.com/spreadsheets/d/' + ss.getId() + '/edit');
    },
  },
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
    name: 'openById of the bound id returns it; a missing id fails',
    source: APP + '#openById(String)',
    run: (t) => {
      const ss = SpreadsheetApp.getActive();
      t.equal(SpreadsheetApp.openById(ss.getId()).getName(), ss.getName());
      t.throws(
        () => SpreadsheetApp.openById('1missing'),
        'Unexpected error while getting the method or property openById on object SpreadsheetApp.',
      );
    },
  },
  {
    name: 'openByUrl finds the spreadsheet by its URL; a malformed URL fails',
    source: APP + '#openByUrl(String)',
    run: (t) => {
      const ss = SpreadsheetApp.getActive();
      t.equal(SpreadsheetApp.openByUrl(ss.getUrl()).getId(), ss.getId());
      t.throws(() => SpreadsheetApp.openByUrl('not a url'), 'Invalid argument: url');
    },
  },
  {
    name: 'create makes a new spreadsheet with one "Sheet1" that openById finds',
    source: APP + '#create(String)',
    run: (t) => {
      const made = SpreadsheetApp.create('导出', 10, 3);
      t.equal(made.getName(), '导出');
      t.equal(made.getSheets()[0].getMaxRows(), 10);
      t.equal(made.getSheets()[0].getMaxColumns(), 3);
      t.equal(SpreadsheetApp.openById(made.getId()).getId(), made.getId());
      t.ok(made.getId() !== SpreadsheetApp.getActive().getId());
    },
  },
  {
    name: 'under spreadsheets.currentonly, create needs the full spreadsheets scope',
    source: 'https://developers.google.com/apps-script/concepts/scopes (spreadsheets.currentonly)',
    setup: (env) =>
      env.loadSource('function f() {}', {
        timeZone: 'Asia/Shanghai',
        oauthScopes: ['https://www.googleapis.com/auth/spreadsheets.currentonly'],
      }),
    run: (t) => {
      t.equal(SpreadsheetApp.getActive().getSheets().length, 1);
      t.throws(
        () => SpreadsheetApp.create('x'),
        /Required permissions: https:\/\/www\.googleapis\.com\/auth\/spreadsheets$/,
      );
    },
  },
  {
    name: 'under spreadsheets.currentonly, openById of the bound file works and of another file fails',
    source: '../shared/docs/apps-script-platform.md §3 (narrowest scopes)',
    setup: (env) => {
      env.globals.SpreadsheetApp.create('other');
      env.loadSource('function f() {}', {
        timeZone: 'Asia/Shanghai',
        oauthScopes: ['https://www.googleapis.com/auth/spreadsheets.currentonly'],
      });
    },
    run: (t) => {
      const ss = SpreadsheetApp.getActive();
      t.equal(SpreadsheetApp.openById(ss.getId()).getId(), ss.getId());
      t.throws(() => SpreadsheetApp.openById('1' + 'x'.repeat(43)), /not sufficient to call SpreadsheetApp\.openById/);
    },
  },
  {
    name: 'a SpreadsheetApp call without any spreadsheets scope is refused',
    source: 'https://developers.google.com/apps-script/concepts/scopes',
    setup: (env) =>
      env.loadSource('function f() {}', {
        timeZone: 'Asia/Shanghai',
        oauthScopes: ['https://www.googleapis.com/auth/script.send_mail'],
      }),
    run: (t) => {
      t.throws(
        () => SpreadsheetApp.getActive(),
        /Specified permissions are not sufficient to call SpreadsheetApp\.getActive/,
      );
    },
  },
  {
    name: 'a simple trigger may not open another spreadsheet',
    source: 'https://developers.google.com/apps-script/guides/triggers#restrictions',
    kind: 'simpleTrigger',
    run: (t) => {
      t.equal(SpreadsheetApp.getActive().getSheets().length, 1);
      t.throws(() => SpreadsheetApp.create('x'), /You do not have permission to call SpreadsheetApp\.create/);
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
        { message: '已保存', title: '台账', seconds: 3 },
        { message: '完成', title: '', seconds: 5 },
      ]);
    },
  },
  {
    name: 'flush is a counted call that returns nothing',
    source: APP + '#flush()',
    run: (t) => {
      t.equal(SpreadsheetApp.flush(), undefined);
    },
    after: (env) => {
      expect(env.stats().total['SpreadsheetApp.flush']).toBe(1);
    },
  },
  {
    name: 'getUi from an editor run fails; from a menu it is the Ui',
    source: FIDELITY + ' §3.9',
    run: (t) => {
      t.throws(() => SpreadsheetApp.getUi(), 'Cannot call SpreadsheetApp.getUi() from this context.');
    },
  },
  {
    name: 'getUi works in a menu execution',
    source: APP + '#getUi()',
    kind: 'menu',
    run: (t) => {
      t.equal(typeof SpreadsheetApp.getUi().createMenu, 'function');
    },
  },
  {
    name: 'members the runtime does not emulate throw "not implemented"',
    source: '../shared/docs/style.md habit 10',
    run: (t) => {
      const r = SpreadsheetApp.getActive().getRange('A1:B2') as unknown as { merge(): void };
      t.throws(() => r.merge(), /not implemented in the local runtime: Range\.merge/, null);
    },
  },
];
