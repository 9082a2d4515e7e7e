// LockService, Session and Logger contract checks, run in the local runtime.
import { runChecks } from './checks/harness';
import { lockChecks, loggerChecks, sessionChecks } from './checks/session-lock.checks';

runChecks('LockService', lockChecks);
runChecks('Session', sessionChecks);
runChecks('Logger', loggerChecks);
