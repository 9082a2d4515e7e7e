// A per-user daily quota on the simulated clock: each user's window starts at their first use and resets
// 24 hours later (https://developers.google.com/apps-script/guides/services/quotas).
import type { Clock } from './clock';

const DAY_MS = 24 * 60 * 60 * 1000;

/** Counts uses per user against a daily limit. */
export class DailyQuota {
  private readonly windows = new Map<string, { start: number; used: number }>();

  constructor(
    private readonly clock: Clock,
    private readonly limit: () => number,
  ) {}

  /** What `user` may still use today. */
  remaining(user: string): number {
    return this.limit() - this.window(user).used;
  }

  /** Takes `n` uses; false (and nothing taken) when fewer than `n` are left. */
  take(user: string, n: number): boolean {
    const w = this.window(user);
    if (w.used + n > this.limit()) return false;
    if (w.used === 0) w.start = this.clock.nowMs();
    w.used += n;
    return true;
  }

  /** Adds `n` uses even past the limit (a use whose size is known only afterwards, e.g. run time). */
  use(user: string, n: number): void {
    const w = this.window(user);
    if (w.used === 0) w.start = this.clock.nowMs();
    w.used += n;
  }

  private window(user: string): { start: number; used: number } {
    const now = this.clock.nowMs();
    let w = this.windows.get(user);
    if (!w || (w.used > 0 && now - w.start >= DAY_MS)) {
      w = { start: now, used: 0 };
      this.windows.set(user, w);
    }
    return w;
  }
}
