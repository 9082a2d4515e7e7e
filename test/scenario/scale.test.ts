// The on-edit handler and the menu actions cost a bounded number of spreadsheet calls whatever the ledger's size:
// the same counts on a ledger of 50 cases and one of 5,000 (read from the local runtime's stats()).
import type { GasEnvironment } from '../../emulator/index';
import { act, caseRow, cellOf, headerOf, PEOPLE, PLATFORM_CASE, register, rowsOf, startOffice } from './office';

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
  // Not the month's first 签批记录 (that one also reads the sheet's last row, to mark the month in its index).
  const earlier = register(env, PLATFORM_CASE).caseNo;
  act(env, 'office', earlier, ['受理交办', '签收']);
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
    // the header and its row and writes once with the log; 签收 reads the selection and, under the lock, the row (its
    // anchor names the case), the log's and 签批记录's headers before any write, searches the workbench index line,
    // commits once — the log line and the 签批记录 appended after the last rows without reading them, the round and
    // 序号 from the case's tally, not a search — and tells the person in a toast.
    expect(large.edit['onLedgerEdit round trips']).toBeLessThanOrEqual(7);
    expect(large.sign['actSign round trips']).toBeLessThanOrEqual(9);
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

describe('appends keep their text', () => {
  it('a sign-off written by appendRow once the refresh made room below 签批记录 keeps a formula-looking opinion', () => {
    const env = startOffice();
    const sheet = env.globals.SpreadsheetApp.getActive().getSheetByName('签批记录')!;
    const { caseNo } = register(env, PLATFORM_CASE);
    act(env, 'office', caseNo, ['受理交办', '签收']);
    // The sheet filled to its last row (records pasted in by hand), as years of sign-offs would leave it.
    const full = sheet.getMaxRows();
    sheet.getRange(full, 1).setValue('（占满表格的一行）');
    env.clock.set('2026-10-10T07:00:00+08:00');
    env.runDueTriggers();
    expect(sheet.getMaxRows() - sheet.getLastRow()).toBeGreaterThanOrEqual(200);
    const opinion = '=1+1 同意（00123）';
    act(env, 'petitionLeader', caseNo, ['受理交办', '交办签批…'], { assignSignOpinion: opinion });
    const signed = rowsOf(env, '签批记录').filter((r) => r['编号'] === caseNo);
    expect(signed.map((r) => [r['环节'], r['意见']])).toEqual([
      ['信访办签收', ''],
      ['交办签批', opinion],
    ]);
    expect(
      sheet
        .getRange(full + 1, 1, 1, 8)
        .getFormulas()[0]!
        .every((f) => f === ''),
    ).toBe(true);
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
