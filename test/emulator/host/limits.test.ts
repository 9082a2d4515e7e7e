// The time limits bite on the modelled time (decision 12): the call whose price carries an execution past
// 6 minutes (30 seconds for a simple trigger) kills it with Apps Script's message, the clock stopping at the limit.
import { createGasEnvironment, type GasEnvironment } from '../../../emulator/index';

const QUOTAS = 'https://developers.google.com/apps-script/guides/services/quotas#current_limitations';
const NOW = '2024-03-05T09:00:00+08:00';
const KILLED = 'Exceeded maximum execution time';

/** A project whose first sheet has 100,000 rows × 20 columns of grid (2 million cells), made host-side. */
function bigSheet(code: string): GasEnvironment {
  const env = createGasEnvironment({ now: NOW, seed: 7 });
  const sheet = env.globals.SpreadsheetApp.getActive().getSheets()[0];
  sheet.deleteColumns(21, 6);
  sheet.insertRowsAfter(1000, 99_000);
  sheet.getRange(100_000, 20).setValue('最后一格');
  env.loadSource(code);
  return env;
}

const READ_ALL = `
function onEdit(e) {
  try {
    SpreadsheetApp.getActive().getSheets()[0].getRange(1, 1, 100000, 20).getValues();
  } catch (err) {
    Logger.log('caught: ' + err.message);
  }
  Logger.log('still running');
}`;

describe(`time limits on modelled time  [${QUOTAS}]`, () => {
  test('a simple trigger reading 2 million cells is stopped at 30 s, and cannot catch its way out', () => {
    const env = bigSheet(READ_ALL);
    // getActive 1 + getSheets 40 + getRange 1, then the read: 40 ms + 2,000,000 × 35 µs = 70 s > 30 s.
    expect(() => env.run('onEdit', {}, { as: 'simpleTrigger' })).toThrow(
      expect.objectContaining({ name: 'Exception', message: KILLED }),
    );
    const [ex] = env.executions();
    expect(ex).toMatchObject({ kind: 'simpleTrigger', outcome: 'failed', error: `Exception: ${KILLED}` });
    expect(ex.end!.getTime() - ex.start.getTime()).toBe(30_000);
    // The app caught the error, but the execution stays killed: every later call (Logger.log here) fails too.
    expect(ex.logs).toEqual([]);
    expect(env.stats().executions[0]).toMatchObject({ modelledMs: 30_000, cellsRead: 2_000_000 });
  });

  test('the same read as an installable trigger fits in 6 minutes (≈ 70 s modelled)', () => {
    const env = bigSheet(READ_ALL);
    env.run('onEdit', {}, { as: 'installableTrigger' });
    const [ex] = env.executions();
    expect(ex.outcome).toBe('completed');
    expect(env.stats().executions[0].modelledMs).toBe(1 + 40 + 1 + 40 + 70_000);
  });

  test('a loop of reads is stopped by the read that crosses 6 minutes', () => {
    const env = createGasEnvironment({ now: NOW, seed: 7 });
    env.loadSource(`
function readForever() {
  var range = SpreadsheetApp.getActive().getSheets()[0].getRange(1, 1, 100, 10);
  for (var i = 1; ; i++) {
    range.getValues();
    Logger.log(i);
  }
}`);
    expect(() => env.run('readForever')).toThrow(expect.objectContaining({ name: 'Exception', message: KILLED }));
    const [ex] = env.executions();
    expect(ex.error).toBe(`Exception: ${KILLED}`);
    expect(ex.end!.getTime() - ex.start.getTime()).toBe(6 * 60_000);
    // 42 ms of setup, then 75 ms a read (40 + 1,000 × 0.035): read k ends at 42 + 75 k, and k = 4800 would end
    // at 360,042 ms. So 4,799 reads completed (Logger.log is free) and the 4,800th was killed.
    expect(ex.logs.length).toBe(4799);
    expect(env.stats().executions[0].cellsRead).toBe(4799 * 1000);
  });

  test('held writes committed at the end can cross the limit too', () => {
    const env = createGasEnvironment({ now: NOW, seed: 7 });
    env.loadSource(`
function onOpen() {
  var sheet = SpreadsheetApp.getActive().getSheets()[0];
  Utilities.sleep(29950);
  sheet.getRange(1, 1, 1000, 26).setValue('x');
}`);
    // 29,950 ms of sleep + 43 ms of calls, then the commit at the end: 40 ms + 26,000 × 0.1 ms.
    expect(() => env.run('onOpen', {}, { as: 'simpleTrigger' })).toThrow(KILLED);
    const [ex] = env.executions();
    expect(ex.end!.getTime() - ex.start.getTime()).toBe(30_000);
  });
});
