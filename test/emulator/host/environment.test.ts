// Host-side behaviour of the environment: execution records, stats, faults, realms, the host-zone guard,
// google.script.run's value rules and function-name resolution.
import { createGasEnvironment, type GasEnvironment, type ModuleFactory } from '../../../emulator/index';
import { buildEnvironment } from '../../../emulator/host/environment';
import { GasObject } from '../../../emulator/host/kernel';

const NOW = '2024-03-05T09:00:00+08:00';
const env0 = (code: string, extra = {}): GasEnvironment => {
  const env = createGasEnvironment({ now: NOW, seed: 3, ...extra });
  env.loadSource(code);
  return env;
};

describe('executions()', () => {
  test('records who ran what, how, when and how it ended', () => {
    const env = env0('function ok() { return 1; }\nfunction bad() { null.x; }');
    env.run('ok', undefined, { user: 'clerk@example.gov.cn' });
    expect(() => env.run('bad')).toThrow(expect.objectContaining({ name: 'TypeError' }));
    const [a, b] = env.executions();
    expect(a).toMatchObject({
      functionName: 'ok',
      user: 'clerk@example.gov.cn',
      effectiveUser: 'clerk@example.gov.cn',
      kind: 'editor',
      outcome: 'completed',
    });
    expect(a.start.toISOString()).toBe('2024-03-05T01:00:00.000Z');
    expect(b).toMatchObject({ functionName: 'bad', outcome: 'failed' });
    expect(b.error).toMatch(/^TypeError: Cannot read properties of null/);
  });

  test('an uncaught service error rejects the call with the Apps Script error', () => {
    const env = env0('function lock() { LockService.getScriptLock().waitLock(10); }');
    env.holdLock('script');
    expect(() => env.run('lock')).toThrow(
      expect.objectContaining({
        name: 'Exception',
        message: 'Lock timeout: another process was holding the lock for too long.',
      }),
    );
    expect(env.executions()[0].error).toBe(
      'Exception: Lock timeout: another process was holding the lock for too long.',
    );
  });

  test('a function that is not top-level, or is private, is "Script function not found"', () => {
    const env = env0('function helper_() {}\nconst arrow = () => 1;\nvar obj = { m: function () { return 2; } };');
    expect(() => env.run('helper_')).toThrow('Script function not found: helper_');
    expect(() => env.run('arrow')).toThrow('Script function not found: arrow');
    expect(() => env.run('missing')).toThrow('Script function not found: missing');
    expect(env.run('obj.m')).toBe(2);
  });

  test('runCheck returns a host copy of the result', () => {
    const env = createGasEnvironment({ now: NOW });
    const r = env.runCheck('() => ({ when: new Date(0), list: [1, "a"] })') as { when: Date; list: unknown[] };
    expect(r.when).toBeInstanceOf(Date);
    expect(r.list).toBeInstanceOf(Array);
  });
});

describe('realms', () => {
  test('a host Date is not instanceof Date inside, while values returned by services are', () => {
    class Clocky extends GasObject {
      readonly gasService = 'Clocky';
      readonly gasClass = 'Clocky';
      now(): Date {
        return new Date(0);
      }
    }
    const clocky: ModuleFactory = () => ({
      globals: { Clocky: new Clocky() },
      begin: (scope) => void (scope.global.hostDate = new Date(0)),
    });
    const env = buildEnvironment({ now: NOW }, [clocky]);
    expect(
      env.runCheck('() => [hostDate instanceof Date, Clocky.now() instanceof Date, Array.isArray(Clocky.now()) ]'),
    ).toEqual([false, true, false]);
  });
});

describe('stats() and faults', () => {
  const code =
    'function two() { var p = PropertiesService.getScriptProperties(); p.getProperty("a"); p.getProperty("b"); }';

  test('counts calls per execution and in total', () => {
    const env = env0(code);
    env.run('two');
    env.run('two');
    const s = env.stats();
    expect(s.total['PropertiesService.Properties.getProperty']).toBe(4);
    expect(s.total['PropertiesService.getScriptProperties']).toBe(2);
    expect(s.serviceCalls).toBe(6);
    expect(s.spreadsheetCalls).toBe(0);
    expect(s.executions).toMatchObject([
      { functionName: 'two', calls: 3, spreadsheetCalls: 0 },
      { functionName: 'two', calls: 3, spreadsheetCalls: 0 },
    ]);
  });

  test('failOn counts matching calls across executions (nth, times)', () => {
    const env = env0(code);
    env.faults.failOn('PropertiesService.Properties.getProperty', { nth: 3, times: 2, error: 'Service unavailable' });
    env.run('two');
    expect(() => env.run('two')).toThrow('Service unavailable');
    expect(() => env.run('two')).toThrow('Service unavailable');
    env.run('two');
    expect(env.executions().map((e) => e.outcome)).toEqual(['completed', 'failed', 'failed', 'completed']);
  });

  test('killAt afterCalls kills the execution that makes the next call', () => {
    const env = env0(code);
    env.faults.killAt({ afterCalls: 2 });
    expect(() => env.run('two')).toThrow('Exceeded maximum execution time');
    env.run('two');
  });

  test('slowOn makes the nth matching call take longer; past the time limit the execution is killed', () => {
    const env = env0(code);
    const t0 = env.clock.nowMs();
    env.faults.slowOn('PropertiesService.Properties.getProperty', { nth: 2, ms: 5_000 });
    env.run('two');
    expect(env.clock.nowMs() - t0).toBe(30 + 30 + 1 + 5_000);
    env.faults.slowOn('PropertiesService.Properties.getProperty', { ms: 7 * 60_000 });
    expect(() => env.run('two')).toThrow('Exceeded maximum execution time');
    env.run('two');
  });

  test('simulated time spent in calls counts toward the limit; the clock moves with calls', () => {
    const env = env0(code);
    const t0 = env.clock.nowMs();
    env.run('two');
    expect(env.clock.nowMs() - t0).toBe(30 + 30 + 1);
  });
});

describe('bundles and zones', () => {
  test('a manifest zone other than the process zone fails loudly at load', () => {
    const env = createGasEnvironment({ now: NOW });
    expect(() => env.loadSource('', { timeZone: 'America/New_York' })).toThrow(/must run with TZ=America\/New_York/);
  });

  test('the manifest decides the script zone and the scopes', () => {
    const env = createGasEnvironment({ now: NOW });
    env.loadSource('function tz() { return Session.getScriptTimeZone(); }', {
      timeZone: 'Asia/Shanghai',
      oauthScopes: [],
    });
    expect(env.run('tz')).toBe('Asia/Shanghai');
    expect(env.kernel.scopes).toEqual([]);
  });
});

describe('submitDialog (google.script.run rules)', () => {
  const code = [
    'function echo(x) { return x; }',
    'function when() { return { at: new Date() }; }',
    'function secret_() { return 1; }',
    'function who() { return Session.getActiveUser().getEmail(); }',
  ].join('\n');

  test('plain values cross as copies; undefined in arrays becomes null', () => {
    const env = env0(code);
    expect(env.submitDialog('echo', [{ a: [1, undefined, 'x'], b: null, c: undefined }])).toEqual({
      a: [1, null, 'x'],
      b: null,
    });
    expect(env.executions()[0].kind).toBe('dialog');
  });

  test('a Date argument fails the call before any execution', () => {
    const env = env0(code);
    expect(() => env.submitDialog('echo', [{ due: new Date() }])).toThrow(
      'Failed due to illegal value in property: 0.due',
    );
    expect(env.executions()).toHaveLength(0);
  });

  test('a Date in the result fails the call', () => {
    const env = env0(code);
    expect(() => env.submitDialog('when')).toThrow(/returned an illegal value in property: at/);
  });

  test('private functions are not callable; the person submitting is the active user', () => {
    const env = env0(code);
    expect(() => env.submitDialog('secret_')).toThrow('Script function not found: secret_');
    expect(env.submitDialog('who', [], { user: 'clerk@example.gov.cn' })).toBe('clerk@example.gov.cn');
  });
});
