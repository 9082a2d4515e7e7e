// LockService: script, document and user locks shared by all executions, released when an execution ends;
// a test can hold a lock "as another execution" to produce contention.
import { GasObject } from '../host/kernel';
import type { EnvCore, ServiceModule } from '../host/env-core';
import type { ExecutionHooks } from '../host/executions';
import { runningAs } from '../base/Session';

export type LockKind = 'script' | 'document' | 'user';
const TIMEOUT = 'Lock timeout: another process was holding the lock for too long.';

interface Holder {
  /** The execution id holding the lock, or 'other' for a lock a test holds as another process. */
  by: number | 'other';
  /** When a lock held by another process is released (ms); undefined = until `release()`. */
  untilMs?: number;
}

/** A lock held by a test as another execution (`env.holdLock`). */
export interface HeldLock {
  release(): void;
}

/** The table of locks of one script, shared across executions. */
export class LockTable {
  readonly holders = new Map<string, Holder>();
  constructor(private readonly core: EnvCore) {}

  /** Tries for `timeoutMs` of simulated time; the clock moves on while waiting, as the real wait takes time. */
  acquire(key: string, by: number, timeoutMs: number): boolean {
    const clock = this.core.kernel.clock;
    const h = this.holders.get(key);
    const freeAt = !h || h.by === by ? clock.nowMs() : h.by === 'other' ? (h.untilMs ?? Infinity) : Infinity;
    const wait = Math.max(0, freeAt - clock.nowMs());
    if (wait > Math.max(0, timeoutMs)) {
      clock.advance(Math.max(0, timeoutMs));
      return false;
    }
    clock.advance(wait);
    this.holders.set(key, { by });
    return true;
  }
  holds(key: string, by: number): boolean {
    return this.holders.get(key)?.by === by;
  }
  release(key: string, by: number): void {
    if (this.holds(key, by)) this.holders.delete(key);
  }
  /** Releases every lock of an execution (at its end, and when `ui.alert` suspends it). */
  releaseAll(by: number): void {
    for (const [k, h] of [...this.holders]) if (h.by === by) this.holders.delete(k);
  }
  holdAsOther(key: string, until?: Date | string): HeldLock {
    const untilMs = until === undefined ? undefined : new Date(until).getTime();
    const holder: Holder = { by: 'other', untilMs };
    this.holders.set(key, holder);
    return { release: () => void (this.holders.get(key) === holder && this.holders.delete(key)) };
  }
}

/** One lock (https://developers.google.com/apps-script/reference/lock/lock). */
export class LockHost extends GasObject implements Partial<GoogleAppsScript.Lock.Lock> {
  readonly gasService = 'LockService';
  readonly gasClass = 'Lock';
  constructor(
    private readonly _core: EnvCore,
    private readonly _table: LockTable,
    readonly _key: string,
  ) {
    super();
  }
  private _by(): number {
    return this._core.kernel.current?.id ?? 0;
  }
  tryLock(timeoutInMillis: number): boolean {
    return this._table.acquire(this._key, this._by(), Number(timeoutInMillis));
  }
  waitLock(timeoutInMillis: number): void {
    if (!this._table.acquire(this._key, this._by(), Number(timeoutInMillis))) throw this._core.kernel.error(TIMEOUT);
  }
  hasLock(): boolean {
    return this._table.holds(this._key, this._by());
  }
  releaseLock(): void {
    this._table.release(this._key, this._by());
  }
}

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
