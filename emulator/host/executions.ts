// One Apps Script execution: a fresh vm context with only the JavaScript built-ins and the services, the
// bundle's top-level code run anew, then one function called; recorded, limited and cleaned up.
import vm from 'node:vm';
import { GasObject, createRealm, type AuthMode, type Execution, type ExecutionKind, type Kernel } from './kernel';
import type { EnvCore } from './env-core';
import { installRealmDate } from './realm-date';
import { TRIGGER_RUNTIME_EXCEEDED, chargeTriggerRuntime, triggerRuntimeRefusal } from './trigger-runtime';
import { endExecution } from './costs';

/** What one execution runs and as whom. */
export interface ExecutionRequest {
  /** The handler's name as Apps Script records it (also used for `runCheck` as '(check)'). */
  functionName: string;
  kind: ExecutionKind;
  /** The real person behind the execution (the person at the keyboard, or the installer for a time trigger). */
  person: string;
  /** The account the code runs as. */
  effectiveUser: string;
  /** What `Session.getActiveUser().getEmail()` shows ('' where Google hides it). */
  visibleUser: string;
  authMode: AuthMode;
  hasUi: boolean;
  /** Called inside the execution after the top-level code ran; returns the app's (realm) value. */
  body: (scope: ExecutionScope) => unknown;
  triggerUid?: string;
}

/** Host-side state of the running execution, visible to the service modules. */
export interface ExecutionScope {
  execution: Execution;
  person: string;
  context: vm.Context;
  /** The context's global object. */
  global: Record<string, unknown>;
  triggerUid?: string;
  /** Set by the runtime when the test harness failed the execution (e.g. an unanswered alert): not catchable. */
  fatal?: string;
}

/** Per-execution hooks of a service module. */
export interface ExecutionHooks {
  begin?(scope: ExecutionScope): void;
  end?(scope: ExecutionScope): void;
}

/** The error an execution ended with, as the calling method throws it on the host side. */
export class ScriptError extends Error {
  constructor(
    name: string,
    message: string,
    readonly execution: Execution,
  ) {
    super(message);
    this.name = name;
  }
}

const scopes = new WeakMap<Execution, ExecutionScope>();
const SIMPLE_TRIGGER_LIMIT_MS = 30_000;
const EXECUTION_LIMIT_MS = 6 * 60_000;
/**
 * A real-time guard against a script looping forever (Apps Script would kill it at 6 minutes, which the runtime
 * models on its simulated clock, not with this). Generous: on a loaded 2-core machine a long, correct execution
 * (初始化/修复 on a large ledger, a full test suite beside it) took over 20 s of real time and was cut.
 */
const HOST_TIMEOUT_MS = 60_000;
const INVOKER = `(function (fn, self, args, done) {
  var r;
  try { r = fn.apply(self, args); } catch (e) { done(false, e); return; }
  if (r !== null && (typeof r === 'object' || typeof r === 'function') && typeof r.then === 'function') {
    r.then(function (v) { done(true, v); }, function (e) { done(false, e); });
  } else done(true, r);
})`;

/** The running execution's host state, or null outside an execution. */
export function currentScope(kernel: Kernel): ExecutionScope | null {
  return kernel.current ? (scopes.get(kernel.current) ?? null) : null;
}

/** Fails the running execution in a way the app cannot catch (the harness's own refusals). */
export function failExecution(kernel: Kernel, message: string): never {
  const scope = currentScope(kernel);
  if (scope && !scope.fatal) scope.fatal = message;
  throw new Error(message);
}

/** The loaded bundle: compiled once, run anew in every execution. */
export interface CompiledBundle {
  scripts: vm.Script[];
  globalNames: Set<string>;
}

/** Runs executions one after the other against one environment's services. */
export class ExecutionEngine {
  private nextId = 1;
  readonly records: Execution[] = [];
  bundle: CompiledBundle = { scripts: [], globalNames: new Set() };

  constructor(
    private readonly core: EnvCore,
    private readonly globals: () => Record<string, unknown>,
    private readonly hooks: () => ExecutionHooks[],
  ) {}

  /** Runs one execution to its end; returns the function's result (a value of the execution's realm). */
  run(req: ExecutionRequest): unknown {
    const kernel = this.core.kernel;
    const refusal = triggerRuntimeRefusal(this.core, req);
    if (refusal) return this.refuse(req, refusal);
    const ex = this.newExecution(req);
    const saved = { current: kernel.current, realm: kernel.realm };
    const context = vm.createContext({}, { microtaskMode: 'afterEvaluate' });
    const global = vm.runInContext('globalThis', context) as Record<string, unknown>;
    const scope: ExecutionScope = { execution: ex, person: req.person, context, global, triggerUid: req.triggerUid };
    scopes.set(ex, scope);
    let outcome: { ok: boolean; value: unknown } = { ok: false, value: undefined };
    try {
      installRealmDate(context, () => kernel.clock.nowMs());
      kernel.realm = createRealm(context);
      kernel.current = ex;
      for (const h of this.hooks()) h.begin?.(scope);
      this.installGlobals(global);
      outcome = this.evaluate(scope, req);
    } catch (e) {
      outcome = { ok: false, value: e };
    } finally {
      // Writes still held are committed when the script ends (costs.ts), before the services clean up.
      endExecution(kernel, ex);
      for (const h of this.hooks()) h.end?.(scope);
      kernel.current = saved.current;
      kernel.realm = saved.realm;
    }
    chargeTriggerRuntime(this.core, req, kernel.clock.nowMs() - ex.start.getTime());
    try {
      return this.finish(ex, scope, outcome);
    } finally {
      // The record outlives the execution; its realm must not (every value the app held would stay in memory).
      scopes.delete(ex);
    }
  }

  /** A trigger's execution that Apps Script does not start (trigger-runtime.ts): recorded, failed, no code run. */
  private refuse(req: ExecutionRequest, reason: string): never {
    const ex = this.newExecution(req);
    ex.end = ex.start;
    ex.notRun = reason;
    ex.outcome = 'failed';
    ex.error = `Exception: ${TRIGGER_RUNTIME_EXCEEDED}`;
    throw new ScriptError('Exception', TRIGGER_RUNTIME_EXCEEDED, ex);
  }

  private newExecution(req: ExecutionRequest): Execution {
    const ex: Execution = {
      id: this.nextId++,
      functionName: req.functionName,
      user: req.visibleUser,
      effectiveUser: req.effectiveUser,
      kind: req.kind,
      authMode: req.authMode,
      hasUi: req.hasUi,
      start: this.core.kernel.clock.now(),
      logs: [],
      calls: {},
      limitMs: req.kind === 'simpleTrigger' ? SIMPLE_TRIGGER_LIMIT_MS : EXECUTION_LIMIT_MS,
    };
    this.records.push(ex);
    return ex;
  }

  private installGlobals(global: Record<string, unknown>): void {
    const kernel = this.core.kernel;
    for (const [name, value] of Object.entries(this.globals())) {
      const v = kernel.toRealm(value);
      // Enum objects (e.g. `MimeType`) arrive as plain realm objects; Apps Script's cannot be changed either.
      if (!(value instanceof GasObject) && v !== value && typeof v === 'object' && v !== null) Object.freeze(v);
      Object.defineProperty(global, name, { value: v, writable: true, configurable: true, enumerable: false });
    }
  }

  /** Top-level code, then the body; microtasks drain after each evaluation, so async handlers settle. */
  private evaluate(scope: ExecutionScope, req: ExecutionRequest): { ok: boolean; value: unknown } {
    for (const script of this.bundle.scripts) script.runInContext(scope.context, { timeout: HOST_TIMEOUT_MS });
    const settled: { done: boolean; ok: boolean; value: unknown } = { done: false, ok: false, value: undefined };
    const invoker = vm.runInContext(INVOKER, scope.context) as (...a: unknown[]) => void;
    const thunk = (): unknown => req.body(scope);
    const invoke = () =>
      invoker(thunk, undefined, [], (ok: boolean, value: unknown) => Object.assign(settled, { done: true, ok, value }));
    Object.defineProperty(scope.global, '__gasLocalInvoke__', { value: invoke, configurable: true, enumerable: false });
    try {
      vm.runInContext('__gasLocalInvoke__()', scope.context, { timeout: HOST_TIMEOUT_MS });
    } finally {
      delete scope.global.__gasLocalInvoke__;
    }
    if (!settled.done) {
      return {
        ok: false,
        value: new Error(
          `${req.functionName} returned a promise that never settled: Apps Script has no timers, so nothing would resolve it`,
        ),
      };
    }
    return settled;
  }

  private finish(ex: Execution, scope: ExecutionScope, outcome: { ok: boolean; value: unknown }): unknown {
    const kernel = this.core.kernel;
    ex.end = kernel.clock.now();
    let failure: { name: string; message: string; stack?: string } | null = null;
    if (scope.fatal) failure = { name: 'Error', message: scope.fatal };
    else if (ex.killed) failure = { name: 'Exception', message: ex.killed };
    else if (ex.end.getTime() - ex.start.getTime() > ex.limitMs)
      failure = { name: 'Exception', message: (ex.killed = 'Exceeded maximum execution time') };
    else if (!outcome.ok) failure = describeError(outcome.value);
    if (!failure) {
      ex.outcome = 'completed';
      return outcome.value;
    }
    ex.outcome = 'failed';
    ex.error = `${failure.name}: ${failure.message}`;
    const error = new ScriptError(failure.name, failure.message, ex);
    // Show where the app failed (its own frames) above the host frames of the call that started it.
    const appFrames = (failure.stack ?? '').split('\n').filter((l) => /^\s+at /.test(l));
    if (appFrames.length)
      error.stack = `${failure.name}: ${failure.message}\n${appFrames.join('\n')}\n    --- started by ---\n${(error.stack ?? '').split('\n').slice(1).join('\n')}`;
    throw error;
  }
}

/** The limit an execution of this kind gets (Apps Script quotas: 30 s for simple triggers, 6 min otherwise). */
export function limitFor(kind: ExecutionKind): number {
  return kind === 'simpleTrigger' ? SIMPLE_TRIGGER_LIMIT_MS : EXECUTION_LIMIT_MS;
}

function describeError(e: unknown): { name: string; message: string; stack?: string } {
  if (e !== null && typeof e === 'object' && 'message' in e) {
    const err = e as { name?: unknown; message?: unknown; stack?: unknown };
    return {
      name: String(err.name ?? 'Error'),
      message: String(err.message),
      stack: typeof err.stack === 'string' ? err.stack : undefined,
    };
  }
  return { name: 'Error', message: String(e) };
}

const CALLABLE = /^[A-Za-z_$][\w$]*(\.[A-Za-z_$][\w$]*)*$/;

/**
 * The function a menu, trigger or google.script.run names: a top-level function (or, under V8, `obj.method`
 * of a top-level object). Private names ending in `_` are not callable. Throws Apps Script's error.
 */
export function resolveFunction(
  scope: ExecutionScope,
  name: string,
): { fn: (...a: unknown[]) => unknown; self: unknown } {
  const notFound = (): never => {
    throw new ScriptError('Exception', `Script function not found: ${name}`, scope.execution);
  };
  if (typeof name !== 'string' || !CALLABLE.test(name) || name.endsWith('_')) notFound();
  const parts = name.split('.');
  let self: unknown = undefined;
  let v: unknown = Object.prototype.hasOwnProperty.call(scope.global, parts[0]) ? scope.global[parts[0]] : undefined;
  for (const p of parts.slice(1)) {
    if (v === null || (typeof v !== 'object' && typeof v !== 'function')) notFound();
    self = v;
    v = (v as Record<string, unknown>)[p];
  }
  if (typeof v !== 'function') notFound();
  return { fn: v as (...a: unknown[]) => unknown, self };
}
