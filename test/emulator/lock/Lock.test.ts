// Contract checks of Lock: contention across executions, re-entrance, release at the end of an execution
// (https://developers.google.com/apps-script/reference/lock/lock).
import { runChecks, type Check } from '../harness';

const LOCK = 'https://developers.google.com/apps-script/reference/lock/lock';

export const lockChecks: Check[] = [
  {
    name: 'tryLock on a free lock succeeds and hasLock turns true; releaseLock gives it back',
    source: LOCK + '#tryLock(Integer)',
    run: (t) => {
      const lock = LockService.getScriptLock();
      t.equal(lock.hasLock(), false);
      t.equal(lock.tryLock(1000), true);
      t.equal(lock.hasLock(), true);
      lock.releaseLock();
      t.equal(lock.hasLock(), false);
    },
  },
  {
    name: 'locks are re-entrant within one execution',
    source: '../shared/docs/style.md habit 10 (locks are re-entrant)',
    run: (t) => {
      t.equal(LockService.getScriptLock().tryLock(0), true);
      t.equal(LockService.getScriptLock().tryLock(0), true);
      LockService.getScriptLock().waitLock(0);
    },
  },
  {
    name: 'tryLock returns false while another execution holds the lock, after waiting the timeout',
    source: LOCK + '#tryLock(Integer)',
    setup: (env) => void env.holdLock('script'),
    run: (t) => {
      const before = Date.now();
      t.equal(LockService.getScriptLock().tryLock(5000), false);
      t.ok(Date.now() - before >= 5000, 'the wait takes its time');
    },
  },
  {
    name: 'waitLock fails with the lock timeout message while another execution holds the lock',
    source: LOCK + '#waitLock(Integer)',
    setup: (env) => void env.holdLock('script'),
    run: (t) =>
      t.throws(
        () => LockService.getScriptLock().waitLock(30000),
        /^Lock timeout: another process was holding the lock for too long\.$/,
      ),
  },
  {
    name: 'a lock released by the other execution within the timeout is acquired',
    source: LOCK + '#waitLock(Integer)',
    setup: (env) => void env.holdLock('script', { until: new Date(env.clock.nowMs() + 3000) }),
    run: (t) => {
      LockService.getScriptLock().waitLock(10000);
      t.equal(LockService.getScriptLock().hasLock(), true);
    },
  },
  {
    name: 'a lock is released when its execution ends',
    source: LOCK + ' (locks are released when the script ends)',
    setup: (env) => {
      env.loadSource('function grab() { LockService.getScriptLock().waitLock(1000); }');
      env.run('grab');
    },
    run: (t) => t.equal(LockService.getScriptLock().tryLock(0), true),
  },
  {
    name: 'tryLock and waitLock without a timeout fail with the signature error',
    source: LOCK + '#tryLock(Integer)',
    run: (t) => {
      const lock = LockService.getScriptLock() as unknown as Record<string, (...a: unknown[]) => unknown>;
      t.throws(
        () => lock.tryLock(),
        /^The parameters \(\) don't match the method signature for LockService\.Lock\.tryLock\.$/,
      );
      t.throws(
        () => lock.waitLock(),
        /^The parameters \(\) don't match the method signature for LockService\.Lock\.waitLock\.$/,
      );
      t.equal(LockService.getScriptLock().hasLock(), false);
    },
  },
  {
    name: 'a timeout that is not a finite number (a string, NaN, null) fails with the signature error',
    source: LOCK + '#waitLock(Integer) (NaN and Infinity: assumed)',
    run: (t) => {
      const lock = LockService.getScriptLock() as unknown as Record<string, (...a: unknown[]) => unknown>;
      t.throws(
        () => lock.tryLock('x'),
        /^The parameters \(String\) don't match the method signature for LockService\.Lock\.tryLock\.$/,
      );
      t.throws(
        () => lock.waitLock(NaN),
        /^The parameters \(number\) don't match the method signature for LockService\.Lock\.waitLock\.$/,
      );
      t.throws(() => lock.tryLock(null), /don't match the method signature for LockService\.Lock\.tryLock/);
      t.equal(LockService.getScriptLock().hasLock(), false);
    },
  },
  {
    name: 'a negative timeout gives up at once: tryLock returns false, waitLock times out',
    source: LOCK + "#tryLock(Integer) (negative: one public emulator's characterisation, unconfirmed)",
    run: (t) => {
      const before = Date.now();
      t.equal(LockService.getScriptLock().tryLock(-1), false);
      t.throws(
        () => LockService.getScriptLock().waitLock(-1),
        /^Lock timeout: another process was holding the lock for too long\.$/,
      );
      t.equal(LockService.getScriptLock().hasLock(), false);
      t.ok(Date.now() - before < 1000, 'no waiting');
    },
  },
];

runChecks('lock.Lock', lockChecks);
