// The simulated clock refuses time that is not a finite number of milliseconds (host-side errors).
import { Clock } from '../../../emulator/host/clock';
import { createGasEnvironment } from '../../../emulator/index';

describe('the simulated clock', () => {
  test('refuses to start at an invalid date', () => {
    expect(() => new Clock(new Date('not a date'))).toThrow(/clock: invalid start/);
    expect(() => createGasEnvironment({ now: 'tomorrow-ish' })).toThrow(/clock: invalid start/);
  });

  test('refuses to advance by NaN, Infinity or a negative amount, and stays where it was', () => {
    const clock = new Clock(new Date('2024-03-05T01:00:00Z'));
    expect(() => clock.advance(NaN)).toThrow(/clock\.advance: ms must be a finite number >= 0, got NaN/);
    expect(() => clock.advance(Infinity)).toThrow(/got Infinity/);
    expect(() => clock.advance(-1)).toThrow(/got -1/);
    expect(clock.now().toISOString()).toBe('2024-03-05T01:00:00.000Z');
  });

  test('refuses to be set to an invalid date or replayed to a non-finite instant', () => {
    const clock = new Clock(new Date('2024-03-05T01:00:00Z'));
    expect(() => clock.set('someday')).toThrow(/clock\.set: invalid date/);
    expect(() => clock._replayAt(NaN)).toThrow(/clock\._replayAt: invalid instant NaN/);
    expect(clock.nowMs()).toBe(Date.parse('2024-03-05T01:00:00Z'));
  });
});
