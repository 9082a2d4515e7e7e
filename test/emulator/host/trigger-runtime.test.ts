// The daily trigger runtime (emulator/host/trigger-runtime.ts): per user, 90 min on consumer accounts and 6 h on
// Workspace; a trigger that comes due once its account's runtime is used up is not run, with Apps Script's message.
import { createGasEnvironment, type GasEnvironment, type GasEnvironmentOptions } from '../../../emulator/index';

const QUOTAS = 'https://developers.google.com/apps-script/guides/services/quotas';
const TRIGGERS = 'https://developers.google.com/apps-script/guides/triggers';
const MESSAGE = 'Service using too much computer time for one day.';
const CONSUMER: GasEnvironmentOptions = { accountType: 'consumer', owner: 'owner@gmail.com' };

const APP = `
function install() { ScriptApp.newTrigger('work').timeBased().everyMinutes(10).create(); }
function work() { Utilities.sleep(300000); }
function onOpen(e) { Utilities.sleep(25000); }
`;

function setup(options: GasEnvironmentOptions): GasEnvironment {
  const env = createGasEnvironment({ now: '2024-03-05T00:00:00+08:00', ...options });
  env.loadSource(APP);
  env.run('install');
  return env;
}

/** Moves the clock 10 minutes on and fires what came due; returns the error it threw, if any. */
function tick(env: GasEnvironment): Error | null {
  env.clock.advance(10 * 60_000);
  try {
    env.runDueTriggers();
    return null;
  } catch (e) {
    return e as Error;
  }
}

describe(`daily trigger runtime [${QUOTAS} (Triggers total runtime 90 min / 6 h)]`, () => {
  test("consumer: once the owner's triggers ran 90 minutes today, a trigger that comes due is not run", () => {
    const env = setup(CONSUMER);
    for (let i = 0; i < 18; i++) expect(tick(env)).toBeNull();
    const work = env.executions().filter((e) => e.functionName === 'work');
    expect(work).toHaveLength(18);
    expect(work.every((e) => e.outcome === 'completed')).toBe(true);
    const err = tick(env);
    expect(err?.message).toBe(MESSAGE);
    const refused = env.executions().at(-1)!;
    expect(refused).toMatchObject({
      functionName: 'work',
      kind: 'timeTrigger',
      outcome: 'failed',
      error: `Exception: ${MESSAGE}`,
    });
    expect(refused.notRun).toMatch(/owner@gmail\.com.*90 min/);
    expect(refused.end).toEqual(refused.start);
    // Editor runs are not triggers: they still run.
    expect(() => env.run('install')).not.toThrow();
  });

  test('the runtime comes back 24 hours after the first trigger run of the day', () => {
    const env = setup(CONSUMER);
    for (let i = 0; i < 20; i++) tick(env);
    const first = env.executions().find((e) => e.functionName === 'work');
    const firstEnd = first!.end!.getTime();
    env.clock.set(new Date(firstEnd + 24 * 3600_000 + 10 * 60_000));
    expect(tick(env)?.message).toBe(MESSAGE); // the occurrences missed overnight are replayed, still refused
    const after = env.executions().filter((e) => e.start.getTime() >= firstEnd + 24 * 3600_000);
    expect(after.length).toBeGreaterThan(0);
    expect(after.every((e) => e.outcome === 'completed')).toBe(true);
  });

  test('Workspace: 6 hours a day', () => {
    const env = setup({});
    for (let i = 0; i < 72; i++) expect(tick(env)).toBeNull();
    expect(tick(env)?.message).toBe(MESSAGE);
  });

  test("the runtime is counted per trigger owner: a colleague's trigger still runs", () => {
    const env = setup(CONSUMER);
    for (let i = 0; i < 12; i++) tick(env);
    env.run('install', undefined, { user: 'clerk@gmail.com' });
    let err: Error | null = null;
    for (let i = 0; i < 40 && !err; i++) err = tick(env);
    expect(err?.message).toBe(MESSAGE);
    for (let i = 0; i < 3; i++) tick(env);
    const refused = env.executions().find((e) => e.notRun);
    const refusedAt = refused!.start.getTime();
    const later = env.executions().filter((e) => e.start.getTime() >= refusedAt);
    expect(later.filter((e) => e.effectiveUser === 'owner@gmail.com').every((e) => e.outcome === 'failed')).toBe(true);
    const clerk = later.filter((e) => e.effectiveUser === 'clerk@gmail.com');
    expect(clerk.length).toBeGreaterThanOrEqual(3);
    expect(clerk.every((e) => e.outcome === 'completed')).toBe(true);
  });

  test(`simple triggers count against the person they run for [${TRIGGERS} (simple triggers are subject to trigger quota limits)]`, () => {
    const env = setup(CONSUMER);
    for (let i = 0; i < 18; i++) tick(env);
    expect(() => env.open()).toThrow(MESSAGE);
    expect(env.executions().at(-1)).toMatchObject({ functionName: 'onOpen', kind: 'simpleTrigger', outcome: 'failed' });
    // Someone else opening the file has their own runtime.
    expect(() => env.open({ user: 'friend@gmail.com' })).not.toThrow();
  });
});
