// The on-edit handler and the menu actions cost a bounded number of spreadsheet calls whatever the ledger's size:
// the same counts on a ledger of 50 cases and one of 5,000 (read from the local runtime's stats()).
import type { GasEnvironment } from '../../emulator/index';
import { act, caseRow, cellOf, headerOf, PEOPLE, PLATFORM_CASE, register, startOffice } from './office';

/** Fills the ledger with `n` registered-looking cases in one write (arranging state as the owner). */
function seedLedger(env: GasEnvironment, n: number): void {
  const sheet = env.globals.SpreadsheetApp.getActive().getSheetByName('台账')!;
  const h = headerOf(env, '台账');
  const rows = Array.from({ length: n }, (_, i) => {
    const line: unknown[] = new Array(h.size).fill('');
    const put = (label: string, v: unknown) => (line[h.get(label)! - 1] = v);
    put('编号', `镜访〔2025〕${String(i + 1).padStart(3, '0')}号`);
    put('状态', i % 3 === 0 ? '办理中' : '已归档');
    put('信访日期', new Date(Date.UTC(2025, i % 12, 1 + (i % 27))));
    put('信访人姓名', `群众${i}`);
    put('联系电话', `139${String(i).padStart(8, '0')}`);
    put('信访件来源', '本级');
    put('信访形式', '来信');
    put('事项类型', '咨询');
    put('信访诉求', `第${i}件的诉求`);
    put('承办部室', '规划建设部');
    return line;
  });
  if (sheet.getMaxRows() < n + 1) sheet.insertRowsAfter(sheet.getMaxRows(), n + 1 - sheet.getMaxRows());
  sheet.getRange(2, 1, n, h.size).setValues(rows);
}

/** Spreadsheet calls, round trips and cells read of the executions started by `fn`, by handler. */
function spreadsheetCallsOf(env: GasEnvironment, fn: () => void): Record<string, number> {
  const before = env.stats().executions.length;
  fn();
  const out: Record<string, number> = {};
  const add = (k: string, n: number) => (out[k] = (out[k] ?? 0) + n);
  for (const e of env.stats().executions.slice(before)) {
    add(e.functionName, e.spreadsheetCalls);
    add(`${e.functionName} round trips`, e.roundTrips);
    add(`${e.functionName} cells read`, e.cellsRead);
  }
  return out;
}

function measure(n: number): { edit: Record<string, number>; sign: Record<string, number> } {
  const env = startOffice();
  seedLedger(env, n);
  const { caseNo } = register(env, PLATFORM_CASE);
  const edit = spreadsheetCallsOf(env, () =>
    env.typeInto('台账', cellOf(env, caseNo, '信访诉求'), '补充：周末也施工。', { user: PEOPLE.office.email }),
  );
  const sign = spreadsheetCallsOf(env, () => act(env, 'office', caseNo, ['受理交办', '签收']));
  return { edit, sign };
}

describe('spreadsheet calls do not grow with the ledger', () => {
  it('are the same for an edit and a menu action on 50 and on 5,000 cases', () => {
    const small = measure(50);
    const large = measure(5000);
    expect(large).toEqual(small);
    expect(large.edit['onLedgerEdit']).toBeLessThanOrEqual(80);
    // 签收 also keeps its signature as a 签批记录 (issue 12): that sheet's header, its 编号/序号 index and one append;
    // and the workbench index follows the row (issue 17): the sheet, its 编号 column and one write.
    expect(large.sign['actSign']).toBeLessThanOrEqual(95);
    // Issue 18: round trips are what a step's time is made of (40 ms each at the central price): a typed edit reads
    // the header and its row and writes once with the log; 签收 adds the selection, the 签批记录 search (from the
    // case's registration month, checked once) and the workbench index line, and tells the person in a toast.
    expect(large.edit['onLedgerEdit round trips']).toBeLessThanOrEqual(7);
    expect(large.sign['actSign round trips']).toBeLessThanOrEqual(12);
  });
});

describe('a full grid grows with its formats', () => {
  it('a case registered when 台账 has no empty row left keeps its ID number and phone as typed (text)', () => {
    const env = startOffice();
    const sheet = env.globals.SpreadsheetApp.getActive().getSheetByName('台账')!;
    const demand = headerOf(env, '台账').get('信访诉求')!;
    sheet.getRange(sheet.getMaxRows(), demand).setValue('（占满表格的一行）');
    const rows = sheet.getMaxRows();
    const { caseNo } = register(env, { ...PLATFORM_CASE, idNumber: '330602195002170009', phone: '13800000000' });
    expect(sheet.getMaxRows()).toBeGreaterThan(rows);
    expect(caseRow(env, caseNo)).toMatchObject({ 身份证号码: '330602195002170009', 联系电话: '13800000000' });
  });
});

describe('the daily refresh reads what the day can change', () => {
  it('a provisional deadline is recomputed only once its year is confirmed: no whole row read before', () => {
    const env = startOffice('2026-12-31T09:00:00+08:00');
    // Ten cases signed for on the year's last day: their 交办签批 falls due in 2027, whose schedule is not published.
    const nos = Array.from({ length: 10 }, () => {
      const { caseNo } = register(env, { ...PLATFORM_CASE, petitionDate: '2026-12-31' });
      act(env, 'office', caseNo, ['受理交办', '签收']);
      return caseNo;
    });
    const before = caseRow(env, nos[0]!);
    expect(before).toMatchObject({ 当前环节: '交办签批', 期限暂定: '是' });
    expect(String(before['期限状态'])).toMatch(/（暂定）$/);
    const width = headerOf(env, '台账').size;
    env.clock.set('2027-01-01T07:00:00+08:00');
    const refresh = spreadsheetCallsOf(env, () => env.runDueTriggers());
    // The ledger's narrow columns and the settings sheets: far fewer cells than the ten rows whole.
    expect(refresh['dailyRefresh cells read']).toBeLessThan(10 * width);
    for (const no of nos)
      expect(caseRow(env, no)).toMatchObject({
        办理期限: before['办理期限'],
        环节期限: before['环节期限'],
        期限暂定: '是',
        期限状态: before['期限状态'],
      });
  });
});
