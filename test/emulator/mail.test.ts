// MailApp contract checks, plus what only the host sees: the sender of trigger mail and per-user quotas.
import { runChecks } from './checks/harness';
import { mailChecks } from './checks/mail.checks';
import { createGasEnvironment } from '../../emulator/index';

runChecks('MailApp', mailChecks);

describe('MailApp on the host side', () => {
  test('mail from an installable trigger comes from the installer, and counts against the installer', () => {
    const env = createGasEnvironment({ accountType: 'consumer', owner: 'owner@example.com' });
    env.loadSource(
      'function notify() { MailApp.sendEmail("a@example.com", "S", "B"); return MailApp.getRemainingDailyQuota(); }',
    );
    expect(env.run('notify', {}, { as: 'installableTrigger', user: 'clerk@example.com' })).toBe(99);
    expect(env.outbox[0].from).toBe('clerk@example.com');
    expect(env.run('notify')).toBe(99);
    expect(env.outbox[1].from).toBe('owner@example.com');
  });

  test('sendEmail advances the simulated clock by its cost', () => {
    const env = createGasEnvironment();
    env.loadSource('function send() { MailApp.sendEmail("a@example.com", "S", "B"); }');
    const before = env.clock.nowMs();
    env.run('send');
    expect(env.clock.nowMs() - before).toBeGreaterThanOrEqual(300);
    expect(env.stats().total['MailApp.sendEmail']).toBe(1);
  });
});
