// LockService (https://developers.google.com/apps-script/reference/lock/lock-service): script, document and user locks, and the module that releases them when an execution ends.
import { GasObject } from '../host/kernel';
import type { EnvCore, ServiceModule } from '../host/env-core';
import type { ExecutionHooks } from '../host/executions';
import { runningAs } from '../base/Session';
import { LockHost } from './Lock';
import { LockTable } from './lock-table';

/** LockService (https://developers.google.com/apps-script/reference/lock/lock-service). */
export class LockServiceHost extends GasObject implements Partial<GoogleAppsScript.Lock.LockService> {
  readonly gasService = 'LockService';
  readonly gasClass = 'LockService';
  constructor(
    private readonly _core: EnvCore,
    readonly _table: LockTable,
  ) {
    super();
  }
  private _lock(key: string): GoogleAppsScript.Lock.Lock {
    return new LockHost(this._core, this._table, key) as unknown as GoogleAppsScript.Lock.Lock;
  }
  getScriptLock(): GoogleAppsScript.Lock.Lock {
    return this._lock('script');
  }
  getDocumentLock(): GoogleAppsScript.Lock.Lock {
    return this._lock('document');
  }
  getUserLock(): GoogleAppsScript.Lock.Lock {
    return this._lock(`user:${runningAs(this._core)}`);
  }
}

/** The LockService module; locks are released when each execution ends. */
export function createLockModule(core: EnvCore): ServiceModule & ExecutionHooks & { locks: LockTable } {
  const locks = new LockTable(core);
  return {
    globals: { LockService: new LockServiceHost(core, locks) },
    locks,
    end(scope) {
      locks.releaseAll(scope.execution.id);
    },
  };
}
