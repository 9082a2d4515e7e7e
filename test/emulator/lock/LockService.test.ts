// Contract checks of LockService: the script, document and user locks
// (https://developers.google.com/apps-script/reference/lock/lock-service).
import { runChecks, type Check } from '../harness';

export const lockServiceChecks: Check[] = [
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
];

runChecks('lock.LockService', lockServiceChecks);
