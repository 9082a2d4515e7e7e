// Apps Script failing mid-run through the real bundle: a busy lock, the mail quota, a Sheets timeout while
// logging — the person is told, and no action, case or log line is lost or doubled.
import type { GasEnvironment } from '../../emulator/index';
import { act, caseRow, lastAlert, lastToast, logOf, ok, PLATFORM_CASE, register, rowsOf, startOffice } from './office';

let env: GasEnvironment;
let caseNo: string;
beforeEach(() => {
  env = startOffice();
  caseNo = register(env, PLATFORM_CASE).caseNo;
});

it('tells the person to wait when another execution holds the lock, and changes nothing', () => {
  // https://developers.google.com/apps-script/reference/lock/lock#tryLock(Integer)
  const held = env.holdLock('script');
  ok(env);
  act(env, 'office', caseNo, ['受理交办', '签收']);
  expect(lastAlert(env)).toContain('其他人正在办理，台账暂时被占用');
  expect(caseRow(env, caseNo)['状态']).toBe('待签收');
  held.release();
  act(env, 'office', caseNo, ['受理交办', '签收']);
  expect(caseRow(env, caseNo)['状态']).toBe('待交办签批');
});

it('keeps the action when the notice mail hits the daily quota, and says the notice was not sent', () => {
  // https://developers.google.com/apps-script/guides/services/quotas — "Service invoked too many times for one day: email."
  act(env, 'office', caseNo, ['受理交办', '签收']);
  act(env, 'petitionLeader', caseNo, ['受理交办', '交办签批…']);
  env.faults.failOn('MailApp.sendEmail', {
    error: 'Service invoked too many times for one day: email.',
    times: Infinity,
  });
  ok(env);
  const r = act(env, 'office', caseNo, ['受理交办', '交办…'], { department: '规划建设部' });
  expect(r?.message).toContain('通知邮件未能发出（Service invoked too many times for one day: email.）');
  expect(caseRow(env, caseNo)).toMatchObject({ 状态: '办理中', 承办部室: '规划建设部' });
  expect(logOf(env, caseNo).filter((l) => l['动作'] === '交办')).toHaveLength(1);
});

it('parks the log lines when Sheets times out writing them, and writes them once on the next run', () => {
  const timeout = `Service Spreadsheets timed out while accessing document with id ${env.globals.SpreadsheetApp.getActive().getId()}.`;
  // 签收 writes the case row's changed cells and its line of the workbench index with setValues, then appends the log
  // line (its month already indexed: one appendRow) and its 签批记录 (another).
  env.faults.failOn('SpreadsheetApp.Sheet.appendRow', { nth: 1, error: timeout });
  ok(env);
  act(env, 'office', caseNo, ['受理交办', '签收']);
  expect(lastAlert(env)).toContain('Google 服务暂时没有响应');
  expect(caseRow(env, caseNo)['状态']).toBe('待交办签批');
  expect(logOf(env, caseNo).map((l) => l['动作'])).toEqual(['登记']);
  // The next action writes the parked line first, so the log reads in order and nothing is doubled.
  act(env, 'petitionLeader', caseNo, ['受理交办', '交办签批…']);
  expect(logOf(env, caseNo).map((l) => l['动作'])).toEqual(['登记', '签收', '交办签批']);
  env.clock.advance(24 * 3600_000);
  env.runDueTriggers();
  expect(rowsOf(env, '流转记录').filter((l) => l['动作'] === '签收')).toHaveLength(1);
  expect(
    env.globals.PropertiesService.getScriptProperties()
      .getKeys()
      .filter((k) => k.startsWith('AUDIT_PENDING_')),
  ).toEqual([]);
});

it('parks only the lines not yet appended when Sheets fails in the middle of a batch: none lost, none doubled', () => {
  const timeout = `Service Spreadsheets timed out while accessing document with id ${env.globals.SpreadsheetApp.getActive().getId()}.`;
  const more = [register(env, PLATFORM_CASE).caseNo, register(env, PLATFORM_CASE).caseNo];
  const nos = [caseNo, ...more];
  // 签收 on the three rows at once: three log lines, one appendRow each; the second fails.
  env.faults.failOn('SpreadsheetApp.Sheet.appendRow', { nth: 2, error: timeout });
  ok(env);
  const rows = nos.map((no) => rowsOf(env, '台账').findIndex((r) => r['编号'] === no) + 2);
  env.select('台账', `A${Math.min(...rows)}:A${Math.max(...rows)}`);
  env.clickMenu('信访台账', '受理交办', '签收');
  expect(lastAlert(env)).toContain('Google 服务暂时没有响应');
  const signed = () =>
    rowsOf(env, '流转记录')
      .filter((l) => l['动作'] === '签收')
      .map((l) => l['编号']);
  expect(signed()).toEqual([nos[0]]);
  // The next run writes the two parked lines, once.
  env.clock.advance(24 * 3600_000);
  env.runDueTriggers();
  expect(signed().sort()).toEqual([...nos].sort());
});

it('tells the person the action is done before the notices are mailed, and a notice that then fails in an alert', () => {
  env.faults.failOn('MailApp.sendEmail', {
    error: 'Service invoked too many times for one day: email.',
    times: Infinity,
  });
  ok(env);
  act(env, 'office', caseNo, ['受理交办', '签收']);
  expect(lastToast(env)).toContain(`已签收 1 件：${caseNo}（待交办签批）`);
  expect(lastAlert(env)).toContain('通知邮件未能发出（Service invoked too many times for one day: email.）');
  expect(caseRow(env, caseNo)['状态']).toBe('待交办签批');
});
