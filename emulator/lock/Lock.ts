// Lock (https://developers.google.com/apps-script/reference/lock/lock): tryLock, waitLock, hasLock, releaseLock over
// the lock table every execution shares.
import { GasObject } from '../host/kernel';
import type { EnvCore } from '../host/env-core';
import { LockTable } from './lock-table';

export type LockKind = 'script' | 'document' | 'user';
const TIMEOUT = 'Lock timeout: another process was holding the lock for too long.';

export interface Holder {
  /** The execution id holding the lock, or 'other' for a lock a test holds as another process. */
  by: number | 'other';
  /** When a lock held by another process is released (ms); undefined = until `release()`. */
  untilMs?: number;
}

/** A lock held by a test as another execution (`env.holdLock`). */
export interface HeldLock {
  release(): void;
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
