// The simulated clock every execution reads: it never goes back, and moving it fires nothing by itself.

/** The last instant a JavaScript Date can hold (ECMAScript's time range). */
const MAX_DATE_MS = 8.64e15;

/** The simulated clock: it never goes back, moving it fires nothing by itself, and it only holds finite instants. */
export class Clock {
  private ms: number;
  constructor(start: Date) {
    const ms = start.getTime();
    if (!Number.isFinite(ms)) throw new Error(`clock: invalid start ${String(start)}`);
    this.ms = ms;
  }
  now(): Date {
    return new Date(this.ms);
  }
  nowMs(): number {
    return this.ms;
  }
  set(date: Date | string): void {
    const ms = new Date(date).getTime();
    if (Number.isNaN(ms)) throw new Error(`clock.set: invalid date ${String(date)}`);
    if (ms < this.ms)
      throw new Error(
        `clock.set: the clock never goes back (${new Date(ms).toISOString()} < ${this.now().toISOString()})`,
      );
    this.ms = ms;
  }
  advance(ms: number): void {
    if (!(Number.isFinite(ms) && ms >= 0)) throw new Error(`clock.advance: ms must be a finite number >= 0, got ${ms}`);
    if (this.ms + ms > MAX_DATE_MS) throw new Error(`clock.advance: ${ms} ms passes the last instant a Date can hold`);
    this.ms += ms;
  }
  /**
   * Host-only, for `runDueTriggers`: replays an occurrence that fell due while the test moved the clock on, so
   * the trigger's execution sees its own fire time (the contract); the caller moves the clock forward again.
   */
  _replayAt(ms: number): void {
    if (!Number.isFinite(ms)) throw new Error(`clock._replayAt: invalid instant ${ms}`);
    this.ms = ms;
  }
}
