// Contract checks of Protection: range and sheet protections, editors, warning-only, and which writes they refuse
// (https://developers.google.com/apps-script/reference/spreadsheet/protection).
import { runChecks, type Check } from '../harness';

const REF = 'https://developers.google.com/apps-script/reference/spreadsheet/';
const FIDELITY = '../shared/docs/local-runtime-fidelity.md';
const CLERK = 'clerk@example.gov.cn';

export const protectionChecks: Check[] = [
  {
    name: 'range.protect records a protection; description and warning-only round-trip',
    source: REF + 'protection',
    run: (t) => {
      const ss = SpreadsheetApp.getActive();
      const p = ss.getSheets()[0].getRange('A1:B10').protect().setDescription('表头');
      t.equal(p.getDescription(), '表头');
      t.equal(p.getProtectionType(), SpreadsheetApp.ProtectionType.RANGE);
      t.equal(p.getRange().getA1Notation(), 'A1:B10');
      t.equal(p.isWarningOnly(), false);
      p.setWarningOnly(true);
      t.equal(ss.getProtections(SpreadsheetApp.ProtectionType.RANGE)[0].isWarningOnly(), true);
      t.equal(ss.getProtections(SpreadsheetApp.ProtectionType.SHEET).length, 0);
    },
  },
  {
    name: 'the documented lock-down pattern leaves only the runner as editor',
    source: REF + 'protection (class example)',
    setup: (env) => {
      env.globals.SpreadsheetApp.getActive().addEditors([CLERK]);
    },
    run: (t) => {
      const p = SpreadsheetApp.getActive().getSheets()[0].getRange('A1:B10').protect();
      t.deepEqual(
        p.getEditors().map((u) => u.getEmail()),
        ['clerk@example.gov.cn'],
        'a new protection mirrors the spreadsheet editors',
      );
      const me = Session.getEffectiveUser();
      p.addEditor(me);
      p.removeEditors(p.getEditors());
      t.deepEqual(
        p.getEditors().map((u) => u.getEmail()),
        [me.getEmail()],
      );
      t.equal(p.canEdit(), true);
    },
  },
  {
    name: 'a warning-only protection has no editor list: addEditor is refused',
    source:
      'https://developers.google.com/sheets/api/reference/rest/v4/spreadsheets/sheets#ProtectedRange (editors not supported with warningOnly)',
    run: (t) => {
      const p = SpreadsheetApp.getActive().getSheets()[0].protect().setWarningOnly(true);
      t.deepEqual(p.getEditors(), []);
      t.throws(() => p.addEditor('x@example.gov.cn'), /warning-only/);
    },
  },
  {
    name: "a non-editor's script write to a hard-protected range fails",
    source: FIDELITY + ' §3.8 (ErrorHandler TRYING_TO_EDIT_PROTECTED_CELL)',
    user: CLERK,
    setup: (env) => {
      const ss = env.globals.SpreadsheetApp.getActive();
      ss.addEditor(CLERK);
      const p = ss.getSheets()[0].getRange('A1:Z1').protect();
      p.removeEditors([CLERK]);
    },
    run: (t) => {
      const sh = SpreadsheetApp.getActive().getSheets()[0];
      t.throws(
        () => sh.getRange('B1').setValue('x'),
        'You are trying to edit a protected cell or object. Please contact the spreadsheet owner to remove protection if you need to edit.',
      );
      t.equal(sh.getRange('A1:Z1').canEdit(), false);
      sh.getRange('A2').setValue('ok');
      t.equal(sh.getRange('A2').getValue(), 'ok');
    },
  },
  {
    name: 'warning-only protections let a non-editor write; the owner always may',
    source: REF + 'protection#setWarningOnly(Boolean)',
    user: CLERK,
    setup: (env) => {
      const sh = env.globals.SpreadsheetApp.getActive().getSheets()[0];
      sh.getRange('A1').protect().setWarningOnly(true);
      sh.getRange('B1').protect().removeEditors([CLERK]);
      sh.getRange('B1').setValue('owner wrote');
    },
    run: (t) => {
      const sh = SpreadsheetApp.getActive().getSheets()[0];
      sh.getRange('A1').setValue('clerk wrote');
      t.equal(sh.getRange('A1').getValue(), 'clerk wrote');
      t.equal(sh.getRange('B1').getValue(), 'owner wrote');
    },
  },
  {
    name: 'sheet protections cover the sheet except its unprotected ranges; remove() lifts them',
    source: REF + 'protection#setUnprotectedRanges(Range)',
    user: CLERK,
    setup: (env) => {
      const sh = env.globals.SpreadsheetApp.getActive().getSheets()[0];
      sh.protect()
        .setUnprotectedRanges([sh.getRange('C:C')])
        .removeEditors([CLERK]);
    },
    run: (t) => {
      const ss = SpreadsheetApp.getActive();
      const sh = ss.getSheets()[0];
      sh.getRange('C5').setValue('ok');
      t.throws(() => sh.getRange('A5').setValue('x'), /protected cell/);
      t.throws(() => sh.insertRowsBefore(1, 1), /protected cell/);
      const p = sh.getProtections(SpreadsheetApp.ProtectionType.SHEET)[0];
      t.equal(p.canEdit(), false);
      t.equal(p.getUnprotectedRanges()[0].getA1Notation(), 'C1:C1000');
    },
  },
  {
    name: 'moving rows across a hard-protected range is refused to a non-editor; rows elsewhere still move',
    source: FIDELITY + ' §3.8 (ErrorHandler TRYING_TO_EDIT_PROTECTED_CELL; that a move checks it is assumed)',
    user: CLERK,
    setup: (env) => {
      const ss = env.globals.SpreadsheetApp.getActive();
      ss.addEditor(CLERK);
      ss.getSheets()[0].getRange('A5:B5').protect().removeEditors([CLERK]);
    },
    run: (t) => {
      const sh = SpreadsheetApp.getActive().getSheets()[0];
      sh.getRange('A1:A3').setValues([['a'], ['b'], ['c']]);
      t.throws(() => sh.moveRows(sh.getRange('A1'), 7), /protected cell/);
      t.throws(() => sh.moveRows(sh.getRange('A6'), 2), /protected cell/);
      sh.moveRows(sh.getRange('A1'), 4);
      t.deepEqual(
        sh
          .getRange('A1:A3')
          .getValues()
          .map((r) => r[0]),
        ['b', 'c', 'a'],
      );
    },
  },
];

runChecks('spreadsheet.Protection', protectionChecks);
