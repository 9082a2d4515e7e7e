// Builds one environment: the kernel, the service modules, the execution engine, and the runner that turns
// "who does what" (a person, a trigger, the editor) into an execution with the right identity and limits.
import vm from 'node:vm';
import { Kernel, GasObject, isDateLike, unwrap, type ExecutionKind } from './kernel';
import type { EnvCore, ServiceModule } from './env-core';
import { ExecutionEngine, resolveFunction, type ExecutionHooks, type ExecutionScope } from './executions';
import { assertHostZone, bundleFromSource, readBundle, type LoadedBundle } from './bundle';
import { visibleActiveUser } from '../base/Session';
import { attachUi, registerUiScopes } from '../base/Ui';
import { UiState } from '../base/ui-state';
import { createPropertiesModule } from '../properties/PropertiesService';
import { createCacheModule } from '../cache/CacheService';
import { createLockModule } from '../lock/LockService';
import { type LockTable } from '../lock/lock-table';
import { createScriptAppModule } from '../script/ScriptApp';
import type { TriggerStore } from '../script/trigger-store';
import type { WebAppDeployment } from '../script/deployment';
import { CHECK_ASSERT_SOURCE } from './check-assert';
import type { ExecutionRecord, GasEnvironment, GasEnvironmentOptions, GasStats, ModuleFactory } from '../index';
import { interactions } from './interactions';
import type { SheetsWiring } from './sheets-wiring';
import { createSheetsModule } from '../spreadsheet/index';
import { currentPerson } from '../base/Session';
import { getExecutionUi } from '../base/Ui';
import { createMailModule, type MailAppHost, type SentMail } from '../mail/MailApp';
import { createUrlFetchModule } from '../url-fetch/UrlFetchApp';
import type { HttpHost } from '../url-fetch/http-router';
import { serveDialog } from './browser-bridge';
import { webAppApi, webAppIdentity } from './web-app';
import { serveWebApp } from './web-app-server';
import { createAdvancedServices, type AdvancedServicesModule } from './advanced-services';
import { linkSheetsToDrive } from './sheets-drive';
import { exportEnvironment } from './export/index';
import { costFigures, sumCostFigures } from './costs';

/** What one execution request says; identity and limits are derived from `kind`. */
export interface RunSpec {
  functionName: string;
  kind: ExecutionKind;
  /** The real person behind it (at the keyboard, or the installer of a time trigger). */
  person: string;
  /** The account it runs as (default: the person). */
  effectiveUser?: string;
  /** Host values passed to the function (converted into the execution's realm). */
  args?: unknown[];
  triggerUid?: string;
  /** Default: menus, dialogs and spreadsheet triggers have a Ui; editor runs and time triggers do not. */
  hasUi?: boolean;
  /** Runs instead of calling `functionName` (runCheck). */
  body?: (scope: ExecutionScope) => unknown;
}

/** The environment's internals shared by the interaction helpers. */
export interface EnvInternals {
  core: EnvCore;
  engine: ExecutionEngine;
  uiState: UiState;
  triggers: TriggerStore;
  /** The web app's deployment (ScriptApp.getService() reads it; env.webApp.deploy() makes it). */
  deployment: WebAppDeployment;
  locks: LockTable;
  globals: Record<string, object>;
  /** UrlFetchApp's router (env.http) and MailApp's outbox. */
  http: HttpHost;
  outbox: SentMail[];
  /** The Drive/Docs advanced services and the Drive they share. */
  advanced: AdvancedServicesModule;
  /** The SpreadsheetApp module's handle, once wired. */
  sheets: SheetsWiring | null;
  /** Runs one execution; returns its result as a host value; throws ScriptError when it failed. */
  execute(spec: RunSpec): unknown;
}

const DEFAULT_OWNER = 'owner@example.gov.cn';
const DEFAULT_ZONE = 'Asia/Shanghai';

/** Deterministic numbers in [0, 1) (mulberry32). */
function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function makeCore(options: GasEnvironmentOptions): EnvCore {
  const timeZone = options.timeZone ?? DEFAULT_ZONE;
  const seed = options.seed ?? 1;
  return {
    kernel: new Kernel(options.now !== undefined ? new Date(options.now) : new Date()),
    options: {
      owner: options.owner ?? DEFAULT_OWNER,
      timeZone,
      spreadsheetTimeZone: options.spreadsheetTimeZone ?? timeZone,
      locale: options.locale ?? 'zh_CN',
      accountType: options.accountType ?? 'workspace',
      seed,
    },
    manifest: null,
    files: new Map(),
    random: seededRandom(seed),
  };
}

/** Builds the environment behind `createGasEnvironment`. */
export function buildEnvironment(options: GasEnvironmentOptions, factories: ModuleFactory[]): GasEnvironment {
  const core = makeCore(options);
  registerUiScopes(core);
  const uiState = new UiState();
  const props = createPropertiesModule(core);
  const cache = createCacheModule(core);
  const lock = createLockModule(core);
  const script = createScriptAppModule(core);
  uiState.onSuspend = (ex) => lock.locks.releaseAll(ex.id);
  const mail = createMailModule(core);
  const urlfetch = createUrlFetchModule(core);
  const sheets = createSheetsModule(core, { ui: () => getExecutionUi(core), currentUser: () => currentPerson(core) });
  const advanced = createAdvancedServices(core, { http: urlfetch.http });
  linkSheetsToDrive(sheets.store, advanced.store, () => core.kernel.clock.nowMs());
  const modules: (ServiceModule & ExecutionHooks)[] = [
    props,
    cache,
    lock,
    script,
    mail,
    urlfetch,
    sheets,
    advanced,
    ...factories.map((f) => f(core)),
  ];
  const globals: Record<string, object> = Object.assign({}, ...modules.map((m) => m.globals));
  const uiHook: ExecutionHooks = { begin: (scope) => attachUi(core, uiState, scope.execution, scope.person) };
  const engine = new ExecutionEngine(
    core,
    () => globals,
    () => [uiHook, ...modules],
  );
  const internals: EnvInternals = {
    core,
    engine,
    uiState,
    triggers: script.triggers,
    deployment: script.deployment,
    locks: lock.locks,
    globals,
    http: urlfetch.http,
    outbox: mail.outbox,
    advanced,
    sheets: sheets.wiring,
    execute: (spec) => execute(internals, spec),
  };
  return environmentApi(internals, options);
}

function execute(env: EnvInternals, spec: RunSpec): unknown {
  const { core, engine } = env;
  assertHostZone(core.options.timeZone);
  const effective = spec.effectiveUser ?? spec.person;
  const kind = spec.kind;
  const hasUi =
    spec.hasUi ?? (kind === 'menu' || kind === 'dialog' || kind === 'simpleTrigger' || kind === 'installableTrigger');
  const value = engine.run({
    functionName: spec.functionName,
    kind,
    person: spec.person,
    effectiveUser: effective,
    visibleUser: visibleActiveUser(core, kind, spec.person, effective),
    authMode: kind === 'simpleTrigger' ? 'LIMITED' : 'FULL',
    hasUi,
    triggerUid: spec.triggerUid,
    body:
      spec.body ??
      ((scope) => {
        const { fn, self } = resolveFunction(scope, spec.functionName);
        return fn.apply(
          self,
          (spec.args ?? []).map((a) => core.kernel.toRealm(a)),
        );
      }),
  });
  return hostCopy(value);
}

/** A result of the app as host values: Dates, arrays and plain objects rebuilt in the host realm. */
export function hostCopy(v: unknown): unknown {
  if (v === null || typeof v !== 'object') return v;
  const target = unwrap(v);
  if (target !== v) return target;
  if (isDateLike(v)) return new Date(v.getTime());
  if (Array.isArray(v)) return Array.from(v, hostCopy);
  const proto = Object.getPrototypeOf(v);
  if (proto !== null && Object.getPrototypeOf(proto) !== null) return v;
  const out: Record<string, unknown> = {};
  for (const [k, x] of Object.entries(v as Record<string, unknown>)) out[k] = hostCopy(x);
  return out;
}

function load(env: EnvInternals, bundle: LoadedBundle, explicitZone: boolean, explicitSsZone: boolean): void {
  const { core } = env;
  const zone = explicitZone ? core.options.timeZone : (bundle.manifest?.timeZone ?? DEFAULT_ZONE);
  assertHostZone(zone);
  core.options.timeZone = zone;
  if (!explicitSsZone) core.options.spreadsheetTimeZone = zone;
  core.manifest = bundle.manifest;
  core.files.clear();
  for (const [k, v] of bundle.files) core.files.set(k, v);
  core.kernel.scopes = bundle.manifest?.oauthScopes ?? null;
  env.engine.bundle = { scripts: bundle.scripts, globalNames: bundle.globalNames };
}

const record = (ex: import('./kernel').Execution): ExecutionRecord => ({
  id: ex.id,
  functionName: ex.functionName,
  user: ex.user,
  effectiveUser: ex.effectiveUser,
  kind: ex.kind,
  start: ex.start,
  end: ex.end,
  outcome: ex.outcome,
  error: ex.error,
  logs: ex.logs,
  ...(ex.notRun !== undefined ? { notRun: ex.notRun } : {}),
});

const sumCalls = (calls: Record<string, number>, spreadsheetOnly: boolean): number =>
  Object.entries(calls).reduce((n, [k, v]) => n + (!spreadsheetOnly || k.startsWith('SpreadsheetApp.') ? v : 0), 0);

function environmentApi(env: EnvInternals, options: GasEnvironmentOptions): GasEnvironment {
  const { core, engine, uiState } = env;
  const kernel = core.kernel;
  const owner = core.options.owner;
  const exposed = Object.fromEntries(
    Object.entries(env.globals).map(([k, v]) => [k, v instanceof GasObject ? kernel.expose(v) : v]),
  );
  const act = interactions(env);
  const webApp = webAppApi(env, owner);
  return {
    kernel,
    core,
    clock: kernel.clock,
    faults: {
      failOn: (n, s) => kernel.failOn(n, s),
      slowOn: (n, s) => kernel.slowOn(n, s),
      killAt: (s) => kernel.killAt(s),
      clear: () => kernel.clearFaults(),
    },
    globals: exposed as GasEnvironment['globals'],
    ui: {
      dialogs: uiState.dialogs,
      alerts: uiState.alerts,
      get toasts() {
        return act.toasts();
      },
      menus: (user = owner) => uiState.menubars.get(user) ?? [],
    },
    http: env.http,
    outbox: env.outbox,
    mail: {
      useQuota: (user, recipients, o = {}) =>
        (env.globals.MailApp as unknown as MailAppHost)._useQuota(user, recipients, !!o.withinDomain),
    },
    drive: env.advanced,
    exportTo: (dir) =>
      exportEnvironment(dir, {
        sheets: env.sheets,
        outbox: env.outbox,
        http: env.http,
        driveStore: env.advanced.store,
      }),
    webApp,
    serveWebApp: (request = {}) => serveWebApp(env, webApp, request.user ?? owner, request),
    serveDialog: (which) =>
      serveDialog(
        { ui: uiState, submitDialog: (fn, args = [], o = {}) => act.submitDialog(fn, args, o.user ?? owner) },
        which,
      ),
    loadBundle: (path) =>
      load(env, readBundle(path), options.timeZone !== undefined, options.spreadsheetTimeZone !== undefined),
    loadSource: (code, manifest = null, html = {}) =>
      load(
        env,
        bundleFromSource(code, manifest, html),
        options.timeZone !== undefined,
        options.spreadsheetTimeZone !== undefined,
      ),
    open: (o = {}) => act.open(o.user ?? owner),
    clickMenu: (...path) => act.clickMenu(path),
    submitDialog: (fn, args = [], o = {}) => act.submitDialog(fn, args, o.user ?? owner),
    visitWebApp: (o = {}) => act.visitWebApp(o.user ?? owner, o.parameters ?? {}),
    callFromWebApp: (fn, args = [], o = {}) => act.callFromWebApp(fn, args, o.user ?? owner),
    answerNextDialog: (a) => void uiState.answers.push({ ...a }),
    select: (sheet, a1, o = {}) => act.select(o.user ?? owner, sheet, a1),
    typeInto: (sheet, a1, values, o = {}) => act.typeInto(o.user ?? owner, sheet, a1, values),
    run: (fn, event, o = {}) =>
      env.execute({
        functionName: fn,
        kind: o.as ?? 'editor',
        person: o.user ?? owner,
        args: event === undefined ? [] : [event],
      }),
    runDueTriggers: () => act.runDueTriggers().map(record),
    executions: () => engine.records.map(record),
    runCheck: (fn, o = {}) => {
      const source = typeof fn === 'function' ? fn.toString() : fn;
      const person = o.user ?? owner;
      return env.execute({
        functionName: '(check)',
        kind: o.kind ?? 'editor',
        person,
        // A web-app check runs as the web app would for that visitor (the manifest's webapp section decides).
        effectiveUser: o.kind === 'webApp' ? webAppIdentity(env, person) : undefined,
        body: (scope) => runCheckBody(scope, source),
      });
    },
    stats: (): GasStats => {
      const executions = engine.records.map((ex) => ({
        functionName: ex.functionName,
        calls: sumCalls(ex.calls, false),
        spreadsheetCalls: sumCalls(ex.calls, true),
        ...costFigures(kernel, ex),
      }));
      return {
        total: { ...kernel.totals },
        spreadsheetCalls: sumCalls(kernel.totals, true),
        serviceCalls: sumCalls(kernel.totals, false),
        cost: sumCostFigures(executions),
        executions,
      };
    },
    holdLock: (kind, o = {}) => env.locks.holdAsOther(kind, o.until),
    triggers: () => env.triggers.all.map((t) => ({ ...t })),
  };
}

/** Compiles the check and the tiny assert inside the execution's realm, then runs the check. */
function runCheckBody(scope: ExecutionScope, source: string): unknown {
  const t = vm.runInContext(CHECK_ASSERT_SOURCE, scope.context) as unknown;
  const fn = vm.runInContext(`(${source})`, scope.context, { filename: 'check.js' }) as (t: unknown) => unknown;
  return fn(t);
}
