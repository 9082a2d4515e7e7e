// Contract checks of SpreadsheetApp: the active and opened files under the scopes, flush, getUi and the selection
// (https://developers.google.com/apps-script/reference/spreadsheet/spreadsheet-app).
import { runChecks, type Check } from '../harness';

const APP = 'https://developers.google.com/apps-script/reference/spreadsheet/spreadsheet-app';
const FIDELITY = '../shared/docs/local-runtime-fidelity.md';
const REF = 'https://developers.google.com/apps-script/reference/spreadsheet/';

export const spreadsheetAppChecks: Check[] = [
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
    name: 'selection: A1 of the first sheet by default; setActiveRange and activate change it',
    source: REF + 'spreadsheet-app#getActiveRange()',
    run: (t) => {
      const ss = SpreadsheetApp.getActive();
      t.equal(SpreadsheetApp.getActiveRange().getA1Notation(), 'A1');
      t.equal(SpreadsheetApp.getCurrentCell().getA1Notation(), 'A1');
      const b = ss.insertSheet('B');
      b.getRange('B2:C3').activate();
      t.equal(ss.getActiveRange()!.getA1Notation(), 'B2:C3');
      t.equal(SpreadsheetApp.getSelection().getActiveSheet().getName(), 'B');
      t.equal(ss.getActiveCell().getA1Notation(), 'B2');
      ss.setActiveRange(ss.getSheets()[0].getRange('D4'));
      t.equal(SpreadsheetApp.getActiveSheet().getName(), 'Sheet1');
    },
  },
  {
    name: 'getUi fails in an editor run',
    source: '../shared/docs/local-runtime-fidelity.md §3.9',
    run: (t) => t.throws(() => SpreadsheetApp.getUi(), /^Cannot call SpreadsheetApp\.getUi\(\) from this context\.$/),
  },
  {
    name: 'getUi fails in a time-driven trigger',
    source: '../shared/docs/local-runtime-fidelity.md §3.9',
    kind: 'timeTrigger',
    run: (t) => t.throws(() => SpreadsheetApp.getUi(), /^Cannot call SpreadsheetApp\.getUi\(\) from this context\.$/),
  },
  {
    name: 'GroupControlTogglePosition has BEFORE and AFTER',
    source: REF + 'group-control-toggle-position',
    run: (t) => {
      const p = SpreadsheetApp.GroupControlTogglePosition;
      t.deepEqual([String(p.BEFORE), String(p.AFTER)], ['BEFORE', 'AFTER']);
    },
  },
  {
    name: 'in a web app there is no container: no active spreadsheet, no Ui',
    source:
      'https://developers.google.com/apps-script/guides/bound ("When a bound script is run as a web app … these methods are not available")',
    kind: 'webApp',
    user: 'clerk@example.gov.cn',
    setup: (env) => {
      env.loadSource('', { timeZone: 'Asia/Shanghai', webapp: { executeAs: 'USER_DEPLOYING', access: 'DOMAIN' } });
      env.webApp.deploy();
    },
    run: (t) => {
      t.equal(SpreadsheetApp.getActiveSpreadsheet(), null);
      t.equal(SpreadsheetApp.getActive(), null);
      t.throws(() => SpreadsheetApp.getUi(), 'Cannot call SpreadsheetApp.getUi() from this context.');
    },
  },
  {
    name: 'assumed: in a web app the active sheet, range, cell and selection are null, like the active spreadsheet',
    source: 'https://developers.google.com/apps-script/guides/bound (how they fail is not documented)',
    kind: 'webApp',
    setup: (env) => {
      env.loadSource('', { timeZone: 'Asia/Shanghai', webapp: { executeAs: 'USER_DEPLOYING', access: 'DOMAIN' } });
      env.webApp.deploy();
    },
    run: (t) => {
      t.equal(SpreadsheetApp.getActiveSheet(), null);
      t.equal(SpreadsheetApp.getActiveRange(), null);
      t.equal(SpreadsheetApp.getCurrentCell(), null);
      t.equal(SpreadsheetApp.getSelection(), null);
      t.throws(
        () => SpreadsheetApp.setActiveRange(null as never),
        /not implemented in the local runtime/,
        'NotImplemented',
      );
    },
  },
  {
    name: 'a web app opens the ledger by id (openById of the bound spreadsheet works without a container)',
    source: 'https://developers.google.com/apps-script/reference/spreadsheet/spreadsheet-app#openById(String)',
    kind: 'webApp',
    setup: (env) => {
      env.loadSource('', { timeZone: 'Asia/Shanghai', webapp: { executeAs: 'USER_DEPLOYING', access: 'DOMAIN' } });
      env.webApp.deploy();
      const id = env.globals.SpreadsheetApp.getActive().getId();
      env.globals.PropertiesService.getScriptProperties().setProperty('ledger', id);
    },
    run: (t) => {
      const id = PropertiesService.getScriptProperties().getProperty('ledger') as string;
      t.equal(SpreadsheetApp.openById(id).getSheets()[0].getName(), 'Sheet1');
    },
  },
];

runChecks('spreadsheet.SpreadsheetApp', spreadsheetAppChecks);
