// Utilities and Blob contract checks, plus host-only observations (clock, deterministic UUIDs, realm).
import { runChecks } from './checks/harness';
import { utilitiesChecks } from './checks/utilities.checks';
import { createGasEnvironment } from '../../emulator/index';

runChecks('Utilities', utilitiesChecks);

describe('Utilities on the host side', () => {
  test('sleep advances the simulated clock by its argument and never waits', () => {
    const env = createGasEnvironment({ now: '2024-03-05T09:00:00+08:00' });
    env.loadSource('function nap() { Utilities.sleep(300000); }');
    const started = Date.now();
    env.run('nap');
    expect(Date.now() - started).toBeLessThan(5000);
    expect(env.clock.now().getTime() - new Date('2024-03-05T09:00:00+08:00').getTime()).toBeGreaterThanOrEqual(300000);
  });

  test('a sleep past the 6-minute limit ends the execution', () => {
    const env = createGasEnvironment({ now: '2024-03-05T09:00:00+08:00' });
    env.loadSource('function slow() { for (var i = 0; i < 2; i++) Utilities.sleep(300000); }');
    expect(() => env.run('slow')).toThrow(/Exceeded maximum execution time/);
  });

  test('UUIDs follow the environment seed', () => {
    const uuid = (seed: number) =>
      createGasEnvironment({ seed }).runCheck('function () { return Utilities.getUuid(); }');
    expect(uuid(3)).toBe(uuid(3));
    expect(uuid(3)).not.toBe(uuid(4));
  });

  test('values returned to the app belong to its realm (arrays of bytes are real Arrays there)', () => {
    const env = createGasEnvironment();
    const ok = env.runCheck(
      'function () { return Utilities.base64Decode("AQI=") instanceof Array && Utilities.parseDate("2024", "UTC", "yyyy") instanceof Date; }',
    );
    expect(ok).toBe(true);
  });
});
