// Host-level tests of the Sheets module's store: the API the environment and the export use (userEdit,
// selection, seeding, snapshots).
import { Kernel } from '../../../emulator/host/kernel';
import type { EnvCore } from '../../../emulator/host/env-core';
import { createSheetsModule } from '../../../emulator/spreadsheet/index';

const OWNER = 'owner@example.gov.cn';
const CLERK = 'clerk@example.gov.cn';

function module(locale = 'zh_CN') {
  const core: EnvCore = {
    kernel: new Kernel(new Date('2024-03-05T09:00:00+08:00')),
    options: {
      owner: OWNER,
      timeZone: 'Asia/Shanghai',
      spreadsheetTimeZone: 'Asia/Shanghai',
      locale,
      accountType: 'workspace',
      seed: 1,
    },
    manifest: null,
    files: new Map(),
    random: () => 0.5,
  };
  return createSheetsModule(core, {
    ui: () => {
      throw core.kernel.error('Cannot call SpreadsheetApp.getUi() from this context.');
    },
    currentUser: () => OWNER,
  });
}

describe('store.userEdit', () => {
  test('a single-cell edit reports value and oldValue as strings; oldValue absent when the cell was empty', () => {
    const { store } = module();
    const first = store.userEdit(CLERK, 'Sheet1', 'B2', '42');
    expect(first.value).toBe('42');
    expect('oldValue' in first).toBe(false);
    const second = store.userEdit(CLERK, 'Sheet1', 'B2', 'TRUE');
    expect([second.value, second.oldValue]).toEqual(['TRUE', '42']);
    const cleared = store.userEdit(CLERK, 'Sheet1', 'B2', '');
    expect(cleared.value).toBeUndefined();
    expect(cleared.oldValue).toBe('TRUE');
    expect((cleared.range as unknown as { getA1Notation(): string }).getA1Notation()).toBe('B2');
  });

  test('a typed date reports its serial, like Sheets edit events', () => {
    const { store } = module();
    expect(store.userEdit(CLERK, 'Sheet1', 'A1', '2026-10-05').value).toBe('46300');
  });

  test('a pasted block has no value/oldValue and selects the block', () => {
    const { store } = module();
    const edit = store.userEdit(CLERK, 'Sheet1', 'A1', [
      ['a', 'b'],
      ['c', 'd'],
    ]);
    expect(edit.value).toBeUndefined();
    expect((edit.range as unknown as { getA1Notation(): string }).getA1Notation()).toBe('A1:B2');
    expect(store.read().sheets[0].values).toEqual([
      ['a', 'b'],
      ['c', 'd'],
    ]);
  });

  test('hard protections refuse a person who is not an editor; warning-only ones let them through', () => {
    const { store, globals } = module();
    const sh = globals.SpreadsheetApp.getActive().getSheets()[0];
    sh.getRange('A1').protect().removeEditors([CLERK]);
    sh.getRange('B1').protect().setWarningOnly(true);
    expect(() => store.userEdit(CLERK, 'Sheet1', 'A1', 'x')).toThrow(
      'You are trying to edit a protected cell or object.',
    );
    store.userEdit(CLERK, 'Sheet1', 'B1', 'ok');
    store.userEdit(OWNER, 'Sheet1', 'A1', 'owner');
    expect(store.read().sheets[0].values).toEqual([['owner', 'ok']]);
  });

  test('typing into a plain-text column keeps the text', () => {
    const { store, globals } = module();
    globals.SpreadsheetApp.getActive().getSheets()[0].getRange('A:A').setNumberFormat('@');
    store.userEdit(CLERK, 'Sheet1', 'A5', '00042');
    expect(store.readSheet('Sheet1').values[4][0]).toBe('00042');
  });
});

describe('store read API and seeding', () => {
  test('snapshot: sheets in order, values with types, formats, styles, widths, frozen rows, validations, charts', () => {
    const { store, globals } = module();
    const ss = globals.SpreadsheetApp.getActive();
    const sh = ss.getSheets()[0];
    sh.getRange('A1:C2').setValues([
      ['日期', '金额', '状态'],
      [new Date(2026, 9, 5), 12.5, '受理'],
    ]);
    sh.getRange('B2').setNumberFormat('0.00');
    sh.getRange('A1:C1').setBackground('#CFE2F3').setFontWeight('bold');
    sh.setFrozenRows(1);
    sh.setColumnWidth(1, 120);
    sh.getRange('C2:C100').setDataValidation(
      globals.SpreadsheetApp.newDataValidation().requireValueInList(['受理', '办结']).build(),
    );
    sh.insertChart(sh.newChart().asPieChart().addRange(sh.getRange('B1:C2')).setPosition(5, 5, 0, 0).build());
    ss.insertSheet('人员');
    const snap = store.read();
    expect(snap.sheets.map((s) => s.name)).toEqual(['Sheet1', '人员']);
    const s0 = snap.sheets[0];
    expect(s0.values[1][0]).toBeInstanceOf(Date);
    expect(s0.raw[1][0]).toBe(46300);
    expect(s0.numberFormats[1]).toEqual(['yyyy-mm-dd', '0.00', null]);
    expect(s0.styles.background?.[0]).toEqual(['#cfe2f3', '#cfe2f3', '#cfe2f3']);
    expect(s0.styles.fontWeight?.[1]).toEqual(['normal', 'normal', 'normal']);
    expect([s0.frozenRows, s0.columnWidths[0], s0.columnWidths[1]]).toEqual([1, 120, 100]);
    expect(s0.validations).toEqual([
      {
        ranges: ['C2:C100'],
        criteria: 'VALUE_IN_LIST',
        args: [['受理', '办结'], true],
        allowInvalid: true,
        helpText: null,
      },
    ]);
    expect(s0.charts[0]).toMatchObject({ chartType: 'PIE', ranges: ['Sheet1!B1:C2'], anchor: { row: 5, col: 5 } });
  });

  test('snapshot: row and column groups with their collapsed state, the control positions, the hidden columns', () => {
    const { store, globals } = module();
    const sh = globals.SpreadsheetApp.getActive().getSheets()[0];
    sh.getRange('C1:E1').shiftColumnGroupDepth(1);
    sh.getRange('D1:D1').shiftColumnGroupDepth(1);
    sh.getColumnGroup(3, 1)!.collapse();
    sh.getRange('2:4').shiftRowGroupDepth(1);
    sh.setRowGroupControlPosition(globals.SpreadsheetApp.GroupControlTogglePosition.BEFORE);
    const s = store.readSheet('Sheet1');
    expect(s.columnGroups).toEqual([
      { range: 'C:E', start: 3, end: 5, depth: 1, collapsed: true },
      { range: 'D:D', start: 4, end: 4, depth: 2, collapsed: false },
    ]);
    expect(s.rowGroups).toEqual([{ range: '2:4', start: 2, end: 4, depth: 1, collapsed: false }]);
    expect([s.rowGroupControlAfter, s.columnGroupControlAfter]).toEqual([false, true]);
    expect(s.hiddenColumns).toEqual([3, 4, 5]);
  });

  test('seedFormulaResult gives a formula cell its computed value; non-formula cells are refused', () => {
    const { store, globals } = module();
    const sh = globals.SpreadsheetApp.getActive().getSheets()[0];
    sh.getRange('A1').setFormula('=SUM(B:B)');
    store.seedFormulaResult('Sheet1', 'A1', 7);
    expect(sh.getRange('A1').getValue()).toBe(7);
    expect(sh.getRange('A1').getFormula()).toBe('=SUM(B:B)');
    expect(() => store.seedFormulaResult('Sheet1', 'B1', 1)).toThrow('holds no formula');
  });

  test('select is per person and moves the active sheet', () => {
    const { store, globals } = module();
    globals.SpreadsheetApp.getActive().insertSheet('B');
    store.select(CLERK, 'B', 'C3');
    store.select(OWNER, 'Sheet1', 'A2:B4');
    expect(globals.SpreadsheetApp.getActiveRange().getA1Notation()).toBe('A2:B4');
  });

  test('setId re-keys the bound spreadsheet; toasts and flushes are recorded', () => {
    const { store, globals } = module();
    store.setId(store.model().id, 'ledger-id');
    expect(globals.SpreadsheetApp.getActive().getId()).toBe('ledger-id');
    globals.SpreadsheetApp.getActive().toast('好', '标题');
    globals.SpreadsheetApp.flush();
    expect(store.toasts).toEqual([{ message: '好', title: '标题', seconds: 5, at: expect.any(Date) }]);
    expect(store.flushes).toBe(1);
  });

  test('en_US typing: M/d/yyyy dates, $ amounts', () => {
    const { store } = module('en_US');
    store.userEdit(OWNER, 'Sheet1', 'A1', [['3/5/2024', '$2.99']]);
    const s = store.readSheet('Sheet1');
    expect((s.values[0][0] as Date).getTime()).toBe(new Date(2024, 2, 5).getTime());
    expect(s.values[0][1]).toBe(2.99);
  });
});
