// Logger and a capturing console: what the app logs goes into its execution's `logs`.
import { format } from 'node:util';
import vm from 'node:vm';
import { GasObject, type Execution } from '../host/kernel';
import type { EnvCore, ServiceModule } from '../host/env-core';
import type { ExecutionHooks, ExecutionScope } from '../host/executions';

/** Logger.log's Java-style `%s` formatting, or the value's text. */
function loggerText(data: unknown, values: unknown[]): string {
  if (values.length === 0) return textOf(data);
  let i = 0;
  return String(data).replace(/%%|%s/g, (m) => (m === '%%' ? '%' : i < values.length ? textOf(values[i++]) : m));
}

function textOf(v: unknown): string {
  if (v === null || typeof v !== 'object') return String(v);
  if (Object.prototype.toString.call(v) === '[object Date]') return String(v);
  try {
    return JSON.stringify(v);
  } catch {
    return String(v);
  }
}

/** The Logger service (https://developers.google.com/apps-script/reference/base/logger). */
export class LoggerHost extends GasObject implements Partial<GoogleAppsScript.Base.Logger> {
  readonly gasService = 'Logger';
  readonly gasClass = 'Logger';
  private readonly _logs = new WeakMap<Execution, string[]>();
  private readonly _hostLog: string[] = [];
  constructor(private readonly _core: EnvCore) {
    super();
  }
  private _buffer(): string[] {
    const ex = this._core.kernel.current;
    if (!ex) return this._hostLog;
    let b = this._logs.get(ex);
    if (!b) this._logs.set(ex, (b = []));
    return b;
  }
  log(data: unknown, ...values: unknown[]): GoogleAppsScript.Base.Logger {
    const text = loggerText(data, values);
    this._buffer().push(text);
    this._core.kernel.current?.logs.push(text);
    return this as unknown as GoogleAppsScript.Base.Logger;
  }
  getLog(): string {
    return this._buffer()
      .map((l) => l + '\n')
      .join('');
  }
  clear(): void {
    this._buffer().length = 0;
  }
}

const LEVELS = ['log', 'info', 'warn', 'error', 'debug'] as const;

/** A console of the execution's realm whose output goes to the execution's logs (no Node console inside). */
function makeConsole(scope: ExecutionScope, nowMs: () => number): object {
  const out = vm.runInContext('({})', scope.context) as Record<string, unknown>;
  const timers = new Map<string, number>();
  const push = (level: string, args: unknown[]): void => {
    const text = format(...args);
    scope.execution.logs.push(level === 'log' || level === 'info' ? text : `${level.toUpperCase()}: ${text}`);
  };
  for (const level of LEVELS) out[level] = (...args: unknown[]) => push(level, args);
  out.time = (label = 'default') => void timers.set(String(label), nowMs());
  out.timeEnd = (label = 'default') => {
    const t0 = timers.get(String(label));
    if (t0 !== undefined) push('log', [`${String(label)}: ${nowMs() - t0}ms`]);
    timers.delete(String(label));
  };
  return out;
}

/** The Logger module; its hook gives every execution a capturing `console`. */
export function createLoggerModule(core: EnvCore): ServiceModule & ExecutionHooks {
  return {
    globals: { Logger: new LoggerHost(core) },
    begin(scope) {
      Object.defineProperty(scope.global, 'console', {
        value: makeConsole(scope, () => core.kernel.clock.nowMs()),
        writable: true,
        configurable: true,
        enumerable: false,
      });
    },
  };
}
