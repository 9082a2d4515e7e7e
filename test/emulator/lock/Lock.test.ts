// Checks of LockService (contention across executions), Session (who is running, when Google hides it) and Logger.
import type { Check } from './harness';

const LOCK = 'https://developers.google.com/apps-script/reference/lock/lock';
const SESSION = 'https://developers.google.com/apps-script/reference/base/session';
const LOGGER = 'https://developers.google.com/apps-script/reference/base/logger';
const CLERK = 'clerk@example.gov.cn';

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
    name: 'the document lock and user lock are separate from the script lock',
    source: 'https://developers.google.com/apps-script/reference/lock/lock-service',
    setup: (env) => void env.holdLock('script'),
    run: (t) => {
      t.equal(LockService.getDocumentLock().tryLock(0), true);
      t.equal(LockService.getUserLock().tryLock(0), true);
      t.equal(LockService.getScriptLock().tryLock(0), false);
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
];

export const sessionChecks: Check[] = [
  {
    name: 'in an editor run the active and effective user are the person running it',
    source: SESSION + '#getActiveUser()',
    run: (t) => {
      t.equal(Session.getActiveUser().getEmail(), 'owner@example.gov.cn');
      t.equal(Session.getEffectiveUser().getEmail(), 'owner@example.gov.cn');
    },
  },
  {
    name: 'a colleague of the same Workspace domain is visible to the script',
    source: SESSION + '#getActiveUser()',
    user: CLERK,
    run: (t) => t.equal(Session.getActiveUser().getEmail(), 'clerk@example.gov.cn'),
  },
  {
    name: 'a simple trigger sees no active user e-mail',
    source: SESSION + '#getActiveUser() (not available in simple onOpen/onEdit)',
    kind: 'simpleTrigger',
    run: (t) => t.equal(Session.getActiveUser().getEmail(), ''),
  },
  {
    name: 'script time zone and user locale',
    source: SESSION + '#getScriptTimeZone()',
    run: (t) => {
      t.equal(Session.getScriptTimeZone(), 'Asia/Shanghai');
      t.equal(Session.getActiveUserLocale(), 'zh_CN');
    },
  },
  {
    name: 'the temporary active-user key is stable for a user and differs between users',
    source: SESSION + '#getTemporaryActiveUserKey()',
    setup: (env) => {
      env.loadSource('function key() { return Session.getTemporaryActiveUserKey(); }');
      expect(env.run('key', undefined, { user: CLERK })).not.toBe(env.run('key'));
    },
    run: (t) => {
      t.equal(Session.getTemporaryActiveUserKey(), Session.getTemporaryActiveUserKey());
      t.ok(Session.getTemporaryActiveUserKey().length > 10);
    },
  },
  {
    name: 'reading an e-mail without the userinfo.email scope fails with the required scope',
    source: 'https://developers.google.com/apps-script/concepts/scopes',
    setup: (env) =>
      env.loadSource('', {
        timeZone: 'Asia/Shanghai',
        oauthScopes: ['https://www.googleapis.com/auth/spreadsheets.currentonly'],
      }),
    run: (t) =>
      t.throws(
        () => Session.getActiveUser().getEmail(),
        /^Specified permissions are not sufficient to call User\.getEmail\. Required permissions: https:\/\/www\.googleapis\.com\/auth\/userinfo\.email$/,
      ),
  },
];

export const loggerChecks: Check[] = [
  {
    name: 'Logger.log formats %s placeholders; getLog returns the lines; clear empties it',
    source: LOGGER + '#log(String,Object...)',
    run: (t) => {
      Logger.log('case %s of %s', 3, 7).log('plain');
      t.equal(Logger.getLog(), 'case 3 of 7\nplain\n');
      Logger.clear();
      t.equal(Logger.getLog(), '');
    },
  },
  {
    name: "Logger and console output go into the execution's log",
    source: LOGGER + '; https://developers.google.com/apps-script/guides/logging',
    run: () => {
      Logger.log('from Logger');
      console.log('from console %s', 1);
      console.error('bad');
    },
    after: (env) => expect(env.executions()[0].logs).toEqual(['from Logger', 'from console 1', 'ERROR: bad']),
  },
  {
    name: 'the log of one execution does not carry into the next',
    source: LOGGER + '#getLog()',
    setup: (env) => {
      env.loadSource('function noisy() { Logger.log("earlier"); }');
      env.run('noisy');
    },
    run: (t) => t.equal(Logger.getLog(), ''),
  },
];
