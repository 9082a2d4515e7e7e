// The fixture bundle (test/fixtures/mini-ledger, as clasp would push it) driven end to end: people open the
// spreadsheet, click menus, type, submit the sidebar, and a daily trigger comes due — asserting what changed,
// who ran it and in which time zone.
import path from 'node:path';
import { createGasEnvironment, type GasEnvironment } from '../../../emulator/index';

const BUNDLE = path.join(__dirname, '..', '..', 'fixtures', 'mini-ledger');
const OWNER = 'owner@example.gov.cn';
const CLERK = 'clerk@example.gov.cn';

function rows(env: GasEnvironment, sheet: string): string[][] {
  return env.globals.SpreadsheetApp.getActive().getSheetByName(sheet)!.getDataRange().getDisplayValues();
}

function installed(): GasEnvironment {
  const env = createGasEnvironment({ now: '2024-03-05T09:00:00+08:00', seed: 4 });
  env.loadBundle(BUNDLE);
  env.run('setup');
  env.open();
  env.clickMenu('台账', '管理', '安装触发器');
  return env;
}

describe('mini-ledger fixture', () => {
  test('loads with its manifest: zone, scopes and the sidebar file', () => {
    const env = createGasEnvironment();
    env.loadBundle(BUNDLE);
    expect(env.core.options.timeZone).toBe('Asia/Shanghai');
    expect(env.kernel.scopes).toContain('https://www.googleapis.com/auth/script.scriptapp');
    expect([...env.core.files.keys()].sort()).toEqual(['Code.js', 'Form.html']);
  });

  test('opening builds the menu under a LIMITED simple trigger', () => {
    const env = installed();
    expect(env.ui.menus()[0]).toMatchObject({ caption: '台账' });
    expect(env.globals.PropertiesService.getScriptProperties().getProperty('lastOpenMode')).toBe('LIMITED');
    expect(env.executions().map((e) => [e.functionName, e.kind])).toEqual([
      ['setup', 'editor'],
      ['onOpen', 'simpleTrigger'],
      ['installTriggers', 'menu'],
    ]);
    expect(env.triggers().map((t) => [t.handler, t.eventType, t.owner])).toEqual([
      ['onEditInstalled', 'ON_EDIT', OWNER],
      ['dailyDigest', 'CLOCK', OWNER],
    ]);
  });

  test('a clerk registers a letter from the menu: a numbered row stamped in Shanghai time, a toast', () => {
    const env = installed();
    env.open({ user: CLERK });
    env.clock.advance(90 * 60_000);
    expect(env.clickMenu('台账', '登记来信', { user: CLERK })).toBe('20240305-001');
    expect(rows(env, '台账')[1]).toEqual(['20240305-001', '2024-03-05 10:30', CLERK, '待办']);
    expect(env.ui.toasts).toEqual([expect.objectContaining({ message: '已登记 20240305-001', title: '台账' })]);
    expect(env.executions().at(-1)).toMatchObject({
      functionName: 'registerLetter',
      kind: 'menu',
      user: CLERK,
      outcome: 'completed',
    });
  });

  test('registering waits for the script lock held by another execution, and gives up loudly', () => {
    const env = installed();
    const held = env.holdLock('script', { until: new Date(env.clock.nowMs() + 4000) });
    expect(env.clickMenu('台账', '登记来信')).toBe('20240305-001');
    held.release();
    env.holdLock('script');
    expect(() => env.clickMenu('台账', '登记来信')).toThrow(
      'Lock timeout: another process was holding the lock for too long.',
    );
    expect(rows(env, '台账')).toHaveLength(2);
  });

  test('a clerk types into the ledger: the installable on-edit trigger logs it as the installer', () => {
    const env = installed();
    env.typeInto('台账', 'D2', '已办', { user: CLERK });
    env.typeInto('台账', 'D2', '退回', { user: CLERK });
    expect(rows(env, '日志').slice(1)).toEqual([
      ['D2', '已办', '(无)', CLERK, OWNER],
      ['D2', '退回', '已办', CLERK, OWNER],
    ]);
    const fired = env.executions().filter((e) => e.functionName === 'onEditInstalled');
    expect(fired.map((e) => [e.kind, e.user, e.effectiveUser])).toEqual([
      ['installableTrigger', CLERK, OWNER],
      ['installableTrigger', CLERK, OWNER],
    ]);
  });

  test('the sidebar form submits through google.script.run as the person using it', () => {
    const env = installed();
    env.clickMenu('台账', '管理', '打开登记表');
    expect(env.ui.dialogs[0]).toMatchObject({ kind: 'sidebar', title: '登记来信', width: 300 });
    expect(env.ui.dialogs[0].html).toContain('google.script.run');
    expect(env.submitDialog('submitForm', [{ name: '张三' }])).toEqual({ id: '20240305-001' });
    expect(() => env.submitDialog('submitForm', [{}])).toThrow('请填写来信人');
    expect(() => env.submitDialog('nextId_', [])).toThrow('Script function not found: nextId_');
    expect(rows(env, '台账')[1].slice(0, 3)).toEqual(['20240305-001', '2024-03-05 09:00', '张三']);
  });

  test('the daily digest fires once per missed day near 08:00 Shanghai time, as the installer, without a Ui', () => {
    const env = installed();
    env.clickMenu('台账', '登记来信');
    env.clock.set('2024-03-07T12:00:00+08:00');
    const fired = env.runDueTriggers();
    expect(fired.map((e) => [e.functionName, e.kind, e.effectiveUser])).toEqual([
      ['dailyDigest', 'timeTrigger', OWNER],
      ['dailyDigest', 'timeTrigger', OWNER],
    ]);
    const digests = rows(env, '日志').filter((r) => r[0] === 'digest');
    expect(digests.map((r) => [r[1], r[2].slice(0, 13), r[3], r[4]])).toEqual([
      ['1', '2024-03-06 08', '8', 'Asia/Shanghai'],
      ['1', '2024-03-07 08', '8', 'Asia/Shanghai'],
    ]);
    expect(env.clock.now().toISOString()).toBe('2024-03-07T04:00:00.000Z');
  });

  test('every execution re-ran the top-level code and the counts are per execution', () => {
    const env = installed();
    env.clickMenu('台账', '登记来信');
    const s = env.stats();
    const reg = s.executions.find((e) => e.functionName === 'registerLetter')!;
    expect(reg.spreadsheetCalls).toBeGreaterThan(0);
    expect(reg.calls).toBeGreaterThan(reg.spreadsheetCalls);
    expect(s.total['LockService.Lock.waitLock']).toBe(1);
  });
});
