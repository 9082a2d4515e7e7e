// The notes the on-edit handler leaves on 台账 cells: the app's part says this edit's messages once each, replacing
// what earlier edits said, beside whatever a person wrote in the note.
import type { GasEnvironment } from '../../emulator/index';
import { markIssues, NOTE_MARK } from '../../src/gas/edits';
import { SheetLedger } from '../../src/gas/ledger';
import { fromShanghai } from '../../src/core/dates';
import { bareOffice, runSetup, seedRows, sheet, spreadsheet } from './seeders';

const NO = '镜访〔2026〕001号';
const now = (): Date => fromShanghai(2026, 10, 9, 10, 0);

let env: GasEnvironment;
let ledger: SheetLedger;
let row: number;
beforeEach(() => {
  env = bareOffice();
  runSetup(env);
  row = seedRows(env, '台账', [{ 编号: NO, 状态: '待签收', 信访人姓名: '张三', 联系电话: '12345' }]);
  ledger = new SheetLedger(spreadsheet(env), now);
});

const phoneCell = () => sheet(env, '台账').getRange(row, ledger.col('联系电话')!);
const mark = (...messages: string[]): void =>
  markIssues(
    ledger.sheet,
    row,
    row,
    ledger.header,
    messages.map((message) => ({ ref: String(row), caseNo: NO, key: 'phone', message })),
    [],
    [],
  );

describe('a cell’s note', () => {
  it('says each message of this edit once', () => {
    mark('「联系电话」：号码位数不对', '「联系电话」：号码位数不对', '「联系电话」：请核实');
    expect(phoneCell().getNote()).toBe(`${NOTE_MARK}「联系电话」：号码位数不对\n「联系电话」：请核实`);
    expect(phoneCell().getBackground()).toBe('#fff2cc');
  });

  it('is replaced by the next edit’s messages, not appended to', () => {
    mark('「联系电话」：号码位数不对');
    mark('「联系电话」：号码位数不对');
    mark('「联系电话」：号码位数不对');
    expect(phoneCell().getNote()).toBe(`${NOTE_MARK}「联系电话」：号码位数不对`);
  });

  it('keeps a person’s own note before the app’s part, and alone once the value is corrected', () => {
    phoneCell().setNote('信访人说明天补充电话');
    mark('「联系电话」：号码位数不对');
    expect(phoneCell().getNote()).toBe(`信访人说明天补充电话\n${NOTE_MARK}「联系电话」：号码位数不对`);
    mark('「联系电话」：请核实');
    expect(phoneCell().getNote()).toBe(`信访人说明天补充电话\n${NOTE_MARK}「联系电话」：请核实`);
    // The person corrects the phone: this edit has nothing to say about it.
    markIssues(ledger.sheet, row, row, ledger.header, [], ['phone'], []);
    expect(phoneCell().getNote()).toBe('信访人说明天补充电话');
    expect(phoneCell().getBackground()).toBe('#ffffff');
  });
});
