// The locks every execution shares (host side): who holds the script, document and user locks, and until when.
import type { EnvCore } from '../host/env-core';
import { HeldLock, Holder } from './Lock';

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
