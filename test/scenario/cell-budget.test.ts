// The spreadsheet's 10 million cells (issue 18, decision 13): the 信访办's daily summary warns from 70 % used, the
// monthly analysis and the help say how many are used.
import { PLATFORM_CASE, register, startOffice } from './office';

it('the daily summary warns the 信访办 once the sheets hold 70 % of the 10 million cells, not before', () => {
  const env = startOffice('2026-10-12T07:00:00+08:00'); // a Monday
  register(env, PLATFORM_CASE); // 签收 waits on the 信访办: the summary has an item
  const ss = env.globals.SpreadsheetApp.getActive();
  const summaryOf = (date: string): string => {
    const from = env.outbox.length;
    env.clock.set(`${date}T09:30:00+08:00`);
    env.runDueTriggers();
    const mail = env.outbox.slice(from).find((m) => m.subject.startsWith('【信访提醒】信访办'));
    if (!mail) throw new Error(`no summary on ${date}`);
    return mail.body;
  };
  expect(summaryOf('2026-10-12')).not.toContain('已用单元格');
  // A grid grown by hand (as pasted data does): 台账 is 88 columns wide.
  const ledger = ss.getSheetByName('台账')!;
  const used = () => ss.getSheets().reduce((s, sh) => s + sh.getMaxRows() * sh.getMaxColumns(), 0);
  ledger.insertRowsAfter(ledger.getMaxRows(), Math.ceil((7_000_000 - used()) / ledger.getMaxColumns()));
  expect(used()).toBeGreaterThanOrEqual(7_000_000);
  const body = summaryOf('2026-10-13');
  expect(body).toMatch(/表格已用单元格 7,\d{3},\d{3} \/ 10,000,000（70(\.\d)?%），接近 Google 表格的上限。/);
  expect(body).toContain('「信访台账 › 标记与归档 › 归档往年…」');
});
