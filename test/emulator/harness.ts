// Contract checks: plain functions using only Apps Script APIs and a tiny assert, each run inside a fresh
// execution of a fresh local environment (and, in a later issue, bundled into real Apps Script).
import {
  createGasEnvironment,
  type ExecutionKind,
  type GasEnvironment,
  type GasEnvironmentOptions,
} from '../../emulator/index';
import type { CheckAssert } from '../../emulator/host/check-assert';

export type { CheckAssert };

/** One behaviour check. `run` is serialised with toString(): self-contained, no imports, no closures, no async. */
export interface Check {
  name: string;
  /** The reference page URL (or the fidelity-doc source) the behaviour follows. */
  source: string;
  /** How the check's execution is started (default 'editor'). */
  kind?: ExecutionKind;
  /** The person running it (default: the owner). */
  user?: string;
  /** Environment options for this check (merged over the suite's). */
  options?: GasEnvironmentOptions;
  /** Prepares the environment (host side) before the check's execution. */
  setup?: (env: GasEnvironment) => void | Promise<void>;
  run: (t: CheckAssert) => unknown;
  /** The execution must fail with an error matching this (e.g. a kill the app cannot catch). */
  fails?: RegExp;
  /** Host-side assertions after the execution (e.g. on env.executions(), env.stats()). */
  after?: (env: GasEnvironment, result: unknown) => void | Promise<void>;
}

/** Default environment of checks: a fixed instant, so nothing depends on the real clock. */
export const CHECK_ENV_DEFAULTS: GasEnvironmentOptions = { now: '2024-03-05T09:00:00+08:00', seed: 7 };

/** Runs one check in a new environment; resolves with its result or rejects with the check's failure. */
export async function runCheck(check: Check, envOptions: GasEnvironmentOptions = {}): Promise<unknown> {
  const env = createGasEnvironment({ ...CHECK_ENV_DEFAULTS, ...envOptions, ...check.options });
  if (check.setup) await check.setup(env);
  let result: unknown;
  try {
    result = env.runCheck(check.run.toString(), { kind: check.kind, user: check.user });
  } catch (e) {
    if (!check.fails) throw e;
    const text = `${(e as Error).name}: ${(e as Error).message}`;
    if (!check.fails.test(text)) throw new Error(`expected the execution to fail with ${check.fails}, got ${text}`);
    if (check.after) await check.after(env, undefined);
    return undefined;
  }
  if (check.fails) throw new Error(`expected the execution to fail with ${check.fails}, but it completed`);
  if (check.after) await check.after(env, result);
  return result;
}

/** Defines one jest test per check (named by the check and its source). */
export function runChecks(title: string, checks: Check[], envOptions?: GasEnvironmentOptions): void {
  describe(title, () => {
    for (const check of checks) {
      test(`${check.name}  [${check.source}]`, async () => {
        await runCheck(check, envOptions);
      });
    }
  });
}
