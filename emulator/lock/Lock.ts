// Lock (https://developers.google.com/apps-script/reference/lock/lock): tryLock, waitLock, hasLock, releaseLock over
// the lock table every execution shares.
import { GasObject } from '../host/kernel';
import type { EnvCore } from '../host/env-core';
import { LockTable } from './lock-table';
import { signatureMessage } from '../host/java-types';

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
  /**
   * The timeout of tryLock/waitLock: one finite number, else Apps Script's signature error (a missing argument:
   * "The parameters () don't match…"; NaN and Infinity are refused too, assumed). Null when it is negative: a public
   * emulator's characterisation has tryLock(-1) give false and waitLock(-1) time out at once, without waiting
   * (single source, unconfirmed).
   */
  private _timeout(method: string, args: unknown[]): number | null {
    const t = args[0];
    if (args.length !== 1 || typeof t !== 'number' || !Number.isFinite(t))
      throw this._core.kernel.error(signatureMessage(`LockService.Lock.${method}`, args));
    return t < 0 ? null : t;
  }
  tryLock(...args: unknown[]): boolean {
    const timeout = this._timeout('tryLock', args);
    return timeout !== null && this._table.acquire(this._key, this._by(), timeout);
  }
  waitLock(...args: unknown[]): void {
    const timeout = this._timeout('waitLock', args);
    if (timeout === null || !this._table.acquire(this._key, this._by(), timeout))
      throw this._core.kernel.error(TIMEOUT);
  }
  hasLock(): boolean {
    return this._table.holds(this._key, this._by());
  }
  releaseLock(): void {
    this._table.release(this._key, this._by());
  }
}
