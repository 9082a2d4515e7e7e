// The simulated clock every execution reads: it never goes back, and moving it fires nothing by itself.

/** The simulated clock: it never goes back and moving it fires nothing by itself. */
export class Clock {
  private ms: number;
  constructor(start: Date) {
    this.ms = start.getTime();
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
    if (!(ms >= 0)) throw new Error(`clock.advance: ms must be >= 0, got ${ms}`);
    this.ms += ms;
  }
  /**
   * Host-only, for `runDueTriggers`: replays an occurrence that fell due while the test moved the clock on, so
   * the trigger's execution sees its own fire time (the contract); the caller moves the clock forward again.
   */
  _replayAt(ms: number): void {
    this.ms = ms;
  }
}
