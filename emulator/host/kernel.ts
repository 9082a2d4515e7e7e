// The heart of the local Apps Script runtime: the clock, the current execution, and the one guard every
// service object passes through (call counting, scopes, auth mode, faults, time limits, realm crossing,
// "not implemented" for anything missing).
import vm from 'node:vm';
import { chargeCall, settleCall, type PendingCharge } from './costs';
import { Clock } from './clock';
import { isGasMember } from './gas-members';

/** An Apps Script service error: `name` is "Exception" and `String(e)` is "Exception: <message>". */
export class GasException extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'Exception';
  }
}

/**
 * Thrown for a member Apps Script has that the local runtime does not emulate: never a silent `undefined` (a member
 * Apps Script itself lacks reads undefined, as there: see gas-members.ts).
 */
export class NotImplementedError extends Error {
  constructor(member: string) {
    super(`not implemented in the local runtime: ${member}`);
    this.name = 'NotImplemented';
  }
}

/**
 * Base of every host-side service object. `gasService` is the Apps Script service it belongs to
 * (e.g. "SpreadsheetApp") and `gasClass` the class name in the reference (e.g. "Range"); the guard counts
 * calls as `SpreadsheetApp.Range.getValues`. Members whose names start with `_` are host-only and hidden
 * from the app.
 */
export abstract class GasObject {
  abstract readonly gasService: string;
  abstract readonly gasClass: string;
  /** Apps Script objects print as their class name. */
  toString(): string {
    return this.gasClass;
  }
}

/**
 * How an execution started. 'webApp': a visitor's request to the deployed web app (doGet) or a google.script.run
 * call from its page — no container, no Ui, running as the manifest's `webapp.executeAs` says.
 */
export type ExecutionKind =
  'simpleTrigger' | 'installableTrigger' | 'timeTrigger' | 'menu' | 'dialog' | 'editor' | 'webApp';

export type AuthMode = 'NONE' | 'LIMITED' | 'FULL';

/** One Apps Script execution, as `env.executions()` reports it. */
export interface Execution {
  id: number;
  functionName: string;
  /** The person at the keyboard ('' when Apps Script hides them). */
  user: string;
  /** The account the code runs as (the installer for installable triggers). */
  effectiveUser: string;
  kind: ExecutionKind;
  authMode: AuthMode;
  hasUi: boolean;
  start: Date;
  end?: Date;
  outcome?: 'completed' | 'failed';
  error?: string;
  logs: string[];
  calls: Record<string, number>;
  /** Set when the execution was killed (time limit or `faults.killAt`): every later service call fails. */
  killed?: string;
  /** Set when a trigger's execution was refused before any code ran (the daily trigger runtime): the reason. */
  notRun?: string;
  limitMs: number;
}

/** The JavaScript built-ins of one vm context, used to build values that cross into it. */
export interface Realm {
  context: vm.Context;
  Date: DateConstructor;
  Array: ArrayConstructor;
  Object: ObjectConstructor;
  Error: ErrorConstructor;
}

export function createRealm(context: vm.Context): Realm {
  const get = <T>(name: string): T => vm.runInContext(name, context) as T;
  return { context, Date: get('Date'), Array: get('Array'), Object: get('Object'), Error: get('Error') };
}

export interface FaultSpec {
  /** 1-based: the nth matching call from now on (counted across executions) fails. Default 1. */
  nth?: number;
  /** The Apps Script error message to throw. */
  error: string;
  /** How many calls fail from the nth on; `Infinity` for every time. Default 1. */
  times?: number;
}

interface ArmedFault {
  name: string;
  seen: number;
  nth: number;
  left: number;
  error: string;
}

/** A call made slow: the nth matching call (and the `times - 1` after it) takes `ms` longer. */
export interface SlowSpec {
  nth?: number;
  ms: number;
  times?: number;
}

/** Where `faults.killAt` ends an execution. */
export type KillSpec = { call: string; nth?: number } | { at: Date | string } | { afterCalls: number };

/** Which OAuth scope a call needs, and whether a simple trigger (AuthMode.LIMITED) may make it. */
export interface ScopeRule {
  scopes: string[];
  /** Refused under AuthMode.LIMITED (simple triggers), with "You do not have permission to call X". */
  limitedRefused?: boolean;
}

export type ScopeResolver = (callName: string) => ScopeRule | undefined;

const SCOPE_PREFIX = 'https://www.googleapis.com/auth/';

/** Counts a call name like `SpreadsheetApp.Range.getValues`; the short name in errors is `Range.getValues`. */
export function callName(obj: GasObject, method: string): string {
  return obj.gasClass === obj.gasService
    ? `${obj.gasService}.${method}`
    : `${obj.gasService}.${obj.gasClass}.${method}`;
}

export function shortCallName(obj: GasObject, method: string): string {
  return `${obj.gasClass}.${method}`;
}

/**
 * The runtime kernel shared by all services of one environment. Services are plain host classes
 * (extending GasObject); `expose` wraps them for the app.
 */
export class Kernel {
  readonly clock: Clock;
  current: Execution | null = null;
  realm: Realm | null = null;
  readonly totals: Record<string, number> = {};
  private readonly faults: ArmedFault[] = [];
  private readonly slow: { name: string; seen: number; nth: number; left: number; ms: number }[] = [];
  private kill: (KillSpec & { seen: number }) | null = null;
  private readonly proxies = new WeakMap<object, unknown>();
  /** Plain values (enums) read off service objects, converted once per realm so `X.Enum === X.Enum` holds. */
  private readonly realmValues = new WeakMap<object, WeakMap<object, unknown>>();
  private readonly wrappers = new WeakMap<object, Map<string, unknown>>();
  private readonly scopeResolvers: ScopeResolver[] = [];

  constructor(
    start: Date,
    /** The scopes of the loaded manifest (full URLs); `null` before a bundle is loaded. */
    public scopes: string[] | null = null,
  ) {
    this.clock = new Clock(start);
  }

  /** Services register which scope each of their calls needs. */
  addScopeResolver(r: ScopeResolver): void {
    this.scopeResolvers.push(r);
  }

  /** An Apps Script error ("Exception: …"). Thrown inside services; the guard converts it for the app's realm. */
  error(message: string): GasException {
    return new GasException(message);
  }

  notImplemented(member: string): never {
    throw new NotImplementedError(member);
  }

  failOn(name: string, spec: FaultSpec): void {
    const nth = spec.nth ?? 1;
    if (!(nth >= 1)) throw new Error('faults.failOn: nth must be >= 1');
    this.faults.push({ name, seen: 0, nth, left: spec.times ?? 1, error: spec.error });
  }

  /**
   * Makes a call slow (a Google service answering late, as they sometimes do): the simulated clock moves `ms` more,
   * and an execution that passes its time limit by it is killed as Apps Script would.
   */
  slowOn(name: string, spec: SlowSpec): void {
    const nth = spec.nth ?? 1;
    if (!(nth >= 1) || !(spec.ms >= 0)) throw new Error('faults.slowOn: nth must be >= 1 and ms >= 0');
    this.slow.push({ name, seen: 0, nth, left: spec.times ?? 1, ms: spec.ms });
  }

  killAt(spec: KillSpec): void {
    this.kill = { ...spec, seen: 0 };
  }

  clearFaults(): void {
    this.faults.length = 0;
    this.slow.length = 0;
    this.kill = null;
  }

  /** Ends the running execution as Apps Script's time limit does: the app cannot catch its way out. */
  killCurrent(reason = 'Exceeded maximum execution time'): never {
    const ex = this.current;
    if (ex && !ex.killed) ex.killed = reason;
    throw this.error(reason);
  }

  /** The app-facing view of a host object: a guarded proxy (same proxy every time for the same object). */
  expose<T extends object>(target: T): T {
    const known = this.proxies.get(target);
    if (known) return known as T;
    const proxy = new Proxy(target, {
      get: (t, prop, receiver) => this.guardGet(t as unknown as GasObject, prop, receiver),
      set: (t, prop) => {
        throw new NotImplementedError(`${(t as unknown as GasObject).gasClass}.${String(prop)} (assignment)`);
      },
    });
    this.proxies.set(target, proxy);
    proxyTargets.set(proxy, target);
    return proxy;
  }

  private guardGet(t: GasObject, prop: string | symbol, receiver: unknown): unknown {
    if (typeof prop === 'symbol') return Reflect.get(t, prop, receiver);
    if (prop === 'then') return undefined; // lets a service object pass through `await` / Promise.resolve
    if (prop.startsWith('_') || prop === 'gasService' || prop === 'gasClass' || !(prop in t)) {
      // A member Apps Script has (gas-members.json, from @types) but the runtime lacks is loud; one Apps Script does
      // not have (a typo, a host-only member) reads undefined, as there. A class missing from the list stays loud.
      if (isGasMember(t.gasService, t.gasClass, prop) === false) return undefined;
      throw new NotImplementedError(`${t.gasClass}.${prop}`);
    }
    const value = Reflect.get(t, prop, t);
    if (typeof value !== 'function') return this.stableRealmValue(value);
    let byName = this.wrappers.get(t);
    if (!byName) this.wrappers.set(t, (byName = new Map()));
    let w = byName.get(prop);
    if (!w) {
      // eslint-disable-next-line @typescript-eslint/no-this-alias
      const kernel = this;
      w = function (this: unknown, ...args: unknown[]) {
        return kernel.invoke(t, prop, value as (...a: unknown[]) => unknown, args);
      };
      byName.set(prop, w);
    }
    return w;
  }

  private stableRealmValue(value: unknown): unknown {
    if (value === null || typeof value !== 'object' || value instanceof GasObject || !this.realm)
      return this.toRealm(value);
    let cache = this.realmValues.get(this.realm);
    if (!cache) this.realmValues.set(this.realm, (cache = new WeakMap()));
    if (!cache.has(value)) cache.set(value, this.toRealm(value));
    return cache.get(value);
  }

  /** One call from the app into a service: the checks Apps Script makes, then the call, then realm crossing. */
  invoke(t: GasObject, method: string, fn: (...a: unknown[]) => unknown, args: unknown[]): unknown {
    const ex = this.current;
    if (!ex)
      return fn.apply(
        t,
        args.map((a) => unwrapProxies(a)),
      );
    const name = callName(t, method);
    try {
      const owed = this.beforeCall(ex, t, method, name, args);
      const result = fn.apply(
        t,
        args.map((a) => this.fromRealm(a)),
      );
      // A read pays for the cells it returned (and may cross the time limit) before the app sees them.
      settleCall(this, ex, owed, t, result);
      return this.toRealm(result);
    } catch (e) {
      throw this.crossError(e);
    }
  }

  private beforeCall(ex: Execution, t: GasObject, method: string, name: string, args: unknown[]): PendingCharge | null {
    if (ex.killed) throw this.error(ex.killed);
    if (this.clock.nowMs() - ex.start.getTime() > ex.limitMs) this.killCurrent();
    this.checkKill(ex, name);
    this.checkScope(ex, t, method, name);
    ex.calls[name] = (ex.calls[name] ?? 0) + 1;
    this.totals[name] = (this.totals[name] ?? 0) + 1;
    // The call's price (costs.ts): the clock moves, and a charge past the time limit kills the execution.
    const owed = chargeCall(this, ex, t, method, name, args);
    for (const w of this.slow) {
      if (w.name !== name || w.left <= 0 || ++w.seen < w.nth) continue;
      w.left -= 1;
      const deadline = ex.start.getTime() + ex.limitMs;
      if (this.clock.nowMs() + w.ms > deadline) {
        this.clock.advance(Math.max(0, deadline - this.clock.nowMs()));
        this.killCurrent();
      }
      this.clock.advance(w.ms);
    }
    for (const f of this.faults) {
      if (f.name !== name || f.left <= 0) continue;
      f.seen += 1;
      if (f.seen >= f.nth) {
        f.left -= 1;
        throw this.error(f.error);
      }
    }
    return owed;
  }

  private checkKill(ex: Execution, name: string): void {
    const k = this.kill;
    if (!k) return;
    let hit = false;
    if ('call' in k) hit = k.call === name && ++k.seen >= (k.nth ?? 1);
    else if ('afterCalls' in k) hit = ++k.seen > k.afterCalls;
    else hit = this.clock.nowMs() >= new Date(k.at).getTime();
    if (hit) {
      this.kill = null;
      ex.killed = 'Exceeded maximum execution time';
      throw this.error(ex.killed);
    }
  }

  private checkScope(ex: Execution, t: GasObject, method: string, name: string): void {
    let rule: ScopeRule | undefined;
    for (const r of this.scopeResolvers) if ((rule = r(name))) break;
    if (!rule) return;
    const short = shortCallName(t, method);
    if (ex.authMode === 'LIMITED' && rule.limitedRefused) {
      throw this.error(`You do not have permission to call ${short}`);
    }
    if (!this.scopes || rule.scopes.length === 0) return;
    const granted = this.scopes;
    if (!rule.scopes.some((s) => granted.includes(s.startsWith('https://') ? s : SCOPE_PREFIX + s))) {
      const wanted = rule.scopes.map((s) => (s.startsWith('https://') ? s : SCOPE_PREFIX + s));
      throw this.error(
        `Specified permissions are not sufficient to call ${short}. Required permissions: ${wanted.join(' || ')}`,
      );
    }
  }

  /** Converts a thrown value into an error of the app's realm, keeping Apps Script's shape. */
  crossError(e: unknown): unknown {
    const realm = this.realm;
    if (!realm || !(e instanceof Error)) return e;
    const out = new realm.Error(e.message);
    out.name = e.name;
    if (e.stack) out.stack = e.stack;
    // Advanced services throw GoogleJsonResponseException with `details: { code, message }` the app may read.
    const details = (e as Error & { details?: unknown }).details;
    if (details !== undefined) (out as Error & { details?: unknown }).details = this.toRealm(details);
    return out;
  }

  /** Host value → value of the current execution's realm (Dates, arrays, plain objects; services as proxies). */
  toRealm(v: unknown): unknown {
    const realm = this.realm;
    if (v === null || typeof v !== 'object') return v;
    if (v instanceof GasObject) return this.expose(v);
    if (!realm) return v;
    if (v instanceof Date) return new realm.Date(v.getTime());
    if (Array.isArray(v)) {
      const out = new realm.Array(v.length) as unknown[];
      for (let i = 0; i < v.length; i++) out[i] = this.toRealm(v[i]);
      return out;
    }
    if (Object.getPrototypeOf(v) === Object.prototype) {
      const out = new realm.Object() as Record<string, unknown>;
      for (const [k, x] of Object.entries(v)) out[k] = this.toRealm(x);
      return out;
    }
    return v;
  }

  /** App value → host value (realm Dates and arrays become host ones; service proxies become their objects). */
  fromRealm(v: unknown): unknown {
    if (v === null || typeof v !== 'object') return v;
    const target = proxyTargets.get(v as object);
    if (target) return target;
    if (isDateLike(v)) return new Date((v as Date).getTime());
    // Array.from of the host realm: `v.map` would build another array of the app's realm.
    if (Array.isArray(v)) return Array.from(v, (x) => this.fromRealm(x));
    const proto = Object.getPrototypeOf(v);
    if (
      proto === null ||
      (proto && proto.constructor && proto.constructor.name === 'Object' && Object.getPrototypeOf(proto) === null)
    ) {
      const out: Record<string, unknown> = {};
      for (const [k, x] of Object.entries(v as Record<string, unknown>)) out[k] = this.fromRealm(x);
      return out;
    }
    return v;
  }
}

const proxyTargets = new WeakMap<object, object>();

/** The host object behind an exposed proxy (or the value itself). */
export function unwrap<T>(v: T): T {
  return (typeof v === 'object' && v !== null ? (proxyTargets.get(v) as T | undefined) : undefined) ?? v;
}

function unwrapProxies(v: unknown): unknown {
  if (v === null || typeof v !== 'object') return v;
  const t = proxyTargets.get(v);
  if (t) return t;
  if (Array.isArray(v)) return v.map(unwrapProxies);
  return v;
}

/** True for a Date of any realm. */
export function isDateLike(v: unknown): v is Date {
  return Object.prototype.toString.call(v) === '[object Date]';
}
