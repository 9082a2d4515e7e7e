// ClockTriggerBuilder: contract checks of the schedules it accepts, and on the host side when time-driven triggers
// come due (env.runDueTriggers), the event object they get, who they run as, and the deterministic minute jitter
// (https://developers.google.com/apps-script/reference/script/clock-trigger-builder).
import { createGasEnvironment, type GasEnvironment } from '../../../emulator/index';
import { runChecks, type Check } from '../harness';

const REF = 'https://developers.google.com/apps-script/reference/script/';
const CLOCK = REF + 'clock-trigger-builder';

export const clockTriggerBuilderChecks: Check[] = [
  {
    name: 'everyMinutes accepts only 1, 5, 10, 15 and 30',
    source: CLOCK + '#everyMinutes(Integer)',
    run: (t) => {
      for (const n of [1, 5, 10, 15, 30]) ScriptApp.newTrigger('f').timeBased().everyMinutes(n);
      for (const n of [2, 20, 60, 0])
        t.throws(
          () => ScriptApp.newTrigger('f').timeBased().everyMinutes(n),
          /Invalid argument/,
          'Exception',
          String(n),
        );
    },
  },
  {
    name: 'everyHours accepts only 1, 2, 4, 6, 8 and 12',
    source: CLOCK + '#everyHours(Integer)',
    run: (t) => {
      for (const n of [1, 2, 4, 6, 8, 12]) ScriptApp.newTrigger('f').timeBased().everyHours(n);
      for (const n of [3, 5, 24])
        t.throws(() => ScriptApp.newTrigger('f').timeBased().everyHours(n), /Invalid argument/, 'Exception', String(n));
    },
  },
  {
    name: 'inTimezone rejects an unknown zone and accepts an IANA id',
    source: CLOCK + '#inTimezone(String)',
    run: (t) => {
      ScriptApp.newTrigger('f').timeBased().inTimezone('America/New_York');
      t.throws(
        () => ScriptApp.newTrigger('f').timeBased().inTimezone('Mars/Olympus_Mons'),
        /Invalid argument: timezone/,
      );
    },
  },
  {
    name: 'atHour and nearMinute reject out-of-range values',
    source: CLOCK + '#atHour(Integer)',
    run: (t) => {
      t.throws(() => ScriptApp.newTrigger('f').timeBased().atHour(24), /Invalid argument: hour/);
      t.throws(() => ScriptApp.newTrigger('f').timeBased().nearMinute(60), /Invalid argument: minute/);
      t.throws(() => ScriptApp.newTrigger('f').timeBased().onMonthDay(32), /Invalid argument: day/);
    },
  },
  {
    name: 'atHour needs a daily or weekly frequency; a schedule needs exactly one frequency',
    source: CLOCK + ' (atHour example: atHour(5).everyDays(1))',
    run: (t) => {
      t.throws(() => ScriptApp.newTrigger('f').timeBased().atHour(9).create(), /Missing trigger frequency/);
      t.throws(
        () => ScriptApp.newTrigger('f').timeBased().everyHours(1).atHour(9).create(),
        /atHour and nearMinute need/,
      );
      t.throws(
        () => ScriptApp.newTrigger('f').timeBased().everyDays(1).everyHours(1).create(),
        /Conflicting trigger frequencies/,
      );
      t.equal(ScriptApp.getProjectTriggers().length, 0);
    },
  },
  {
    name: 'weekly, monthly and one-time schedules can be created',
    source: CLOCK,
    run: (t) => {
      ScriptApp.newTrigger('w').timeBased().onWeekDay(ScriptApp.WeekDay.MONDAY).atHour(8).create();
      ScriptApp.newTrigger('m').timeBased().onMonthDay(1).atHour(6).create();
      ScriptApp.newTrigger('o')
        .timeBased()
        .at(new Date(2024, 2, 6, 10, 0))
        .create();
      ScriptApp.newTrigger('a')
        .timeBased()
        .after(10 * 60 * 1000)
        .create();
      t.equal(ScriptApp.getProjectTriggers().length, 4);
    },
  },
  {
    name: 'onWeekDay rejects a value that is not a ScriptApp.WeekDay',
    source: CLOCK + '#onWeekDay(Weekday)',
    run: (t) =>
      t.throws(
        () =>
          ScriptApp.newTrigger('f')
            .timeBased()
            .onWeekDay('Monday' as unknown as GoogleAppsScript.Base.Weekday),
        /Invalid argument: day/,
      ),
  },
];

runChecks('script.ClockTriggerBuilder', clockTriggerBuilderChecks);

const NOW = '2024-03-05T09:00:00+08:00';
const JOB =
  'function job(e) { var p = PropertiesService.getScriptProperties(); p.setProperty("runs", (Number(p.getProperty("runs")) || 0) + 1 + ""); p.setProperty("last", JSON.stringify(e)); }';

function envWith(install: string, seed = 3): GasEnvironment {
  const env = createGasEnvironment({ now: NOW, seed });
  env.loadSource(`${JOB}\nfunction install() { ${install} }`);
  env.run('install');
  return env;
}

const shanghai = (d: Date): string => new Date(d.getTime() + 8 * 3600_000).toISOString().slice(0, 16).replace('T', ' ');

describe('runDueTriggers', () => {
  test('a daily trigger fires once per day missed, each at its own time; the clock never goes back', () => {
    const env = envWith('ScriptApp.newTrigger("job").timeBased().everyDays(1).atHour(10).create();');
    env.clock.set('2024-03-08T09:00:00+08:00');
    const fired = env.runDueTriggers();
    expect(fired.map((e) => shanghai(e.start).slice(0, 13))).toEqual([
      '2024-03-05 10',
      '2024-03-06 10',
      '2024-03-07 10',
    ]);
    expect(fired.every((e) => e.kind === 'timeTrigger' && e.outcome === 'completed')).toBe(true);
    expect(env.clock.now().toISOString()).toBe('2024-03-08T01:00:00.000Z');
    expect(env.runDueTriggers()).toEqual([]);
    expect(env.globals.PropertiesService.getScriptProperties().getProperty('runs')).toBe('3');
  });

  test('the time-driven event object carries the fire time in the trigger zone', () => {
    const env = envWith('ScriptApp.newTrigger("job").timeBased().everyDays(1).atHour(10).nearMinute(30).create();');
    env.clock.set('2024-03-06T09:00:00+08:00');
    const [ex] = env.runDueTriggers();
    const e = JSON.parse(env.globals.PropertiesService.getScriptProperties().getProperty('last')!);
    expect(Object.keys(e).sort()).toEqual([
      'authMode',
      'day-of-month',
      'day-of-week',
      'hour',
      'minute',
      'month',
      'second',
      'timezone',
      'triggerUid',
      'week-of-year',
      'year',
    ]);
    expect(e).toMatchObject({
      authMode: 'FULL',
      year: 2024,
      month: 3,
      'day-of-month': 5,
      'day-of-week': 2,
      hour: 10,
      timezone: 'Asia/Shanghai',
      'week-of-year': 10,
    });
    expect(e.minute).toBe(Number(shanghai(ex.start).slice(14, 16)));
    expect(e.triggerUid).toBe(env.triggers()[0].uid);
  });

  test('nearMinute fires within ±15 minutes, the same minute for the same seed, fixed per trigger', () => {
    const minutes = (seed: number): number[] => {
      const env = envWith(
        'ScriptApp.newTrigger("job").timeBased().everyDays(1).atHour(10).nearMinute(30).create();',
        seed,
      );
      env.clock.set('2024-03-08T09:00:00+08:00');
      return env.runDueTriggers().map((e) => Number(shanghai(e.start).slice(14, 16)));
    };
    const a = minutes(11);
    expect(new Set(a).size).toBe(1);
    expect(Math.abs(a[0] - 30)).toBeLessThanOrEqual(15);
    expect(minutes(11)).toEqual(a);
    const spread = new Set([1, 2, 3, 4, 5, 6, 7, 8].map((s) => minutes(s)[0]));
    expect(spread.size).toBeGreaterThan(1);
  });

  test('without nearMinute a daily trigger fires at a seed-determined minute of its hour', () => {
    const env = envWith('ScriptApp.newTrigger("job").timeBased().everyDays(1).atHour(10).create();', 5);
    env.clock.set('2024-03-06T12:00:00+08:00');
    const starts = env.runDueTriggers().map((e) => shanghai(e.start));
    expect(starts.map((s) => s.slice(11, 13))).toEqual(['10', '10']);
    expect(starts[0].slice(14)).toBe(starts[1].slice(14));
  });

  test('everyMinutes(5) fires every five minutes', () => {
    const env = envWith('ScriptApp.newTrigger("job").timeBased().everyMinutes(5).create();');
    env.clock.advance(20 * 60_000);
    expect(env.runDueTriggers()).toHaveLength(4);
  });

  test('inTimezone: a 09:00 UTC daily trigger fires at 17:00 Shanghai time', () => {
    const env = envWith(
      'ScriptApp.newTrigger("job").timeBased().everyDays(1).atHour(9).nearMinute(0).inTimezone("UTC").create();',
    );
    env.clock.set('2024-03-06T00:00:00+08:00');
    const [ex] = env.runDueTriggers();
    const start = shanghai(ex.start);
    expect(start >= '2024-03-05 16:45' && start <= '2024-03-05 17:15').toBe(true);
    expect(JSON.parse(env.globals.PropertiesService.getScriptProperties().getProperty('last')!).timezone).toBe('UTC');
  });

  test('a weekly trigger fires on its weekday', () => {
    const env = envWith(
      'ScriptApp.newTrigger("job").timeBased().onWeekDay(ScriptApp.WeekDay.FRIDAY).atHour(8).create();',
    );
    env.clock.set('2024-03-20T00:00:00+08:00');
    expect(env.runDueTriggers().map((e) => shanghai(e.start).slice(0, 10))).toEqual(['2024-03-08', '2024-03-15']);
  });

  test('a one-time trigger fires once and stays installed', () => {
    const env = envWith('ScriptApp.newTrigger("job").timeBased().after(60 * 60 * 1000).create();');
    env.clock.advance(5 * 3600_000);
    expect(env.runDueTriggers()).toHaveLength(1);
    env.clock.advance(5 * 3600_000);
    expect(env.runDueTriggers()).toHaveLength(0);
    expect(env.triggers()).toHaveLength(1);
  });

  test('a trigger runs as its installer, who is the effective and active user', () => {
    const env = createGasEnvironment({ now: NOW });
    env.loadSource(
      'function install() { ScriptApp.newTrigger("me").timeBased().everyHours(1).create(); }\nfunction me() { return [Session.getActiveUser().getEmail(), Session.getEffectiveUser().getEmail()]; }',
    );
    env.run('install', undefined, { user: 'clerk@example.gov.cn' });
    env.clock.advance(3600_000);
    const [ex] = env.runDueTriggers();
    expect(ex).toMatchObject({
      user: 'clerk@example.gov.cn',
      effectiveUser: 'clerk@example.gov.cn',
      kind: 'timeTrigger',
    });
  });

  test('a trigger whose handler is missing fails as Apps Script fails, and the failure is recorded', () => {
    const env = envWith('ScriptApp.newTrigger("gone").timeBased().everyHours(1).create();');
    env.clock.advance(3600_000);
    expect(() => env.runDueTriggers()).toThrow('Script function not found: gone');
    expect(env.executions().at(-1)).toMatchObject({
      functionName: 'gone',
      outcome: 'failed',
      error: 'Exception: Script function not found: gone',
    });
  });

  test('a deleted trigger no longer fires', () => {
    const env = envWith('ScriptApp.newTrigger("job").timeBased().everyHours(1).create();');
    env.loadSource(
      `${JOB}\nfunction drop() { ScriptApp.getProjectTriggers().forEach(function (t) { ScriptApp.deleteTrigger(t); }); }`,
    );
    env.run('drop');
    env.clock.advance(5 * 3600_000);
    expect(env.runDueTriggers()).toHaveLength(0);
  });
});
