// The daily trigger runtime (https://developers.google.com/apps-script/guides/services/quotas: "Triggers total
// runtime", 90 min a day on consumer accounts, 6 h on Workspace; quotas are per user and reset 24 hours after the
// first request). Executions started by triggers add their simulated run time to the account they run for; once
// that account's total has reached the limit, a trigger that comes due is not run and its execution fails with
// Apps Script's message. Installable and time-driven triggers count for their owner (they run as the account that
// installed them); simple triggers count for the person they run for, since "simple triggers are subject to Apps
// Script trigger quota limits" (https://developers.google.com/apps-script/guides/triggers, Restrictions) and run
// with that person's identity, not a trigger owner's.
import type { AccountType, EnvCore } from './env-core';
import type { ExecutionKind } from './kernel';
import { DailyQuota } from './daily-quota';

export const TRIGGER_RUNTIME_MS: Record<AccountType, number> = {
  consumer: 90 * 60_000,
  workspace: 6 * 60 * 60_000,
};

/** The exception Apps Script names for this quota (quotas page, exception list). */
export const TRIGGER_RUNTIME_EXCEEDED = 'Service using too much computer time for one day.';

const quotas = new WeakMap<EnvCore, DailyQuota>();

function quotaOf(core: EnvCore): DailyQuota {
  let q = quotas.get(core);
  if (!q) quotas.set(core, (q = new DailyQuota(core.kernel.clock, () => TRIGGER_RUNTIME_MS[core.options.accountType])));
  return q;
}

/** Whose trigger runtime an execution uses: null when it is not started by a trigger. */
export function triggerRuntimeAccount(req: {
  kind: ExecutionKind;
  person: string;
  effectiveUser: string;
}): string | null {
  if (req.kind === 'simpleTrigger') return req.person;
  if (req.kind === 'installableTrigger' || req.kind === 'timeTrigger') return req.effectiveUser;
  return null;
}

/** Why a trigger execution may not start now (its account's runtime for the day is used up), or null. */
export function triggerRuntimeRefusal(
  core: EnvCore,
  req: { kind: ExecutionKind; person: string; effectiveUser: string },
): string | null {
  const account = triggerRuntimeAccount(req);
  if (account === null || quotaOf(core).remaining(account) > 0) return null;
  const type = core.options.accountType;
  return `the daily trigger runtime of ${account} is used up (${TRIGGER_RUNTIME_MS[type] / 60_000} min a day, ${type} account)`;
}

/** Adds a trigger execution's simulated run time to its account's daily total. */
export function chargeTriggerRuntime(
  core: EnvCore,
  req: { kind: ExecutionKind; person: string; effectiveUser: string },
  ms: number,
): void {
  const account = triggerRuntimeAccount(req);
  if (account !== null) quotaOf(core).use(account, Math.max(0, ms));
}
