// The local Apps Script runtime's entry: `createGasEnvironment` and the public types scenario tests use.
// Service modules are wired here, one factory per line.
import type { AccountType, EnvCore, Manifest, ServiceModule } from './host/env-core';
import type { Execution, ExecutionKind, FaultSpec, Kernel, KillSpec, SlowSpec } from './host/kernel';
import type { Clock } from './host/clock';
import type { ExecutionHooks } from './host/executions';
import type { CostFigures } from './host/costs';
import type { AlertRecord, DialogAnswer, DialogRecord, MenuSnapshot } from './base/Ui';
import type { HeldLock } from './lock/Lock';
import type { InstalledTrigger } from './script/trigger-store';
import type { Toast } from './spreadsheet/context';
import { buildEnvironment } from './host/environment';
import { createSessionModule } from './base/Session';
import { createLoggerModule } from './base/Logger';
import { createUtilitiesModule } from './base/Utilities';
import { createHtmlModule } from './html/HtmlService';
import { createContentModule } from './content/ContentService';
import type { HttpHost } from './url-fetch/http-router';
import type { SentMail } from './mail/MailApp';
import type { DialogSelector, DialogServer } from './host/browser-bridge';
import type { DriveHandle } from './host/advanced-services';
import type {
  WebAppErrorPage,
  WebAppHtmlPage,
  WebAppPostRequest,
  WebAppRefusal,
  WebAppRequest,
  WebAppResponse,
  WebAppTextPage,
} from './host/web-app';
import type { WebAppServer } from './host/web-app-server';

export type {
  AccountType,
  Manifest,
  Execution,
  ExecutionKind,
  FaultSpec,
  KillSpec,
  SlowSpec,
  AlertRecord,
  DialogAnswer,
  DialogRecord,
  MenuSnapshot,
  HeldLock,
  InstalledTrigger,
};
export { ScriptError } from './host/executions';
export type {
  WebAppErrorPage,
  WebAppHtmlPage,
  WebAppPostRequest,
  WebAppRefusal,
  WebAppRequest,
  WebAppResponse,
  WebAppServer,
  WebAppTextPage,
};
export type { Toast };

/** A service module factory: its globals, plus optional per-execution hooks. */
export type ModuleFactory = (core: EnvCore) => ServiceModule & ExecutionHooks;

/**
 * Service modules without host handles the environment needs (ScriptApp, PropertiesService, CacheService and
 * LockService are created by the environment itself). Add one line per module.
 */
export const MODULE_FACTORIES: ModuleFactory[] = [
  createSessionModule,
  createLoggerModule,
  createUtilitiesModule,
  createHtmlModule,
  createContentModule,
];

export interface GasEnvironmentOptions {
  /** The simulated clock's start (default: the real time now). */
  now?: Date | string;
  /** The spreadsheet owner's e-mail, also the default user (default 'owner@example.gov.cn'). */
  owner?: string;
  /** The script's zone (default: the bundle manifest's, else 'Asia/Shanghai'). */
  timeZone?: string;
  /** The spreadsheet's zone (default: the script's). */
  spreadsheetTimeZone?: string;
  /** Default 'zh_CN'. */
  locale?: string;
  /** 'workspace' (default) or 'consumer': quotas, and whether Apps Script reveals other people's e-mail. */
  accountType?: AccountType;
  /** Seed of all randomness (trigger minutes, ids). Default 1. */
  seed?: number;
}

/** Who acts: a person's e-mail (default: the owner). */
export interface AsUser {
  user?: string;
}

export interface RunOptions extends AsUser {
  /** How the function is started: the editor's Run button (default), a simple or an installable trigger. */
  as?: 'editor' | 'simpleTrigger' | 'installableTrigger';
}

export interface CheckOptions extends AsUser {
  kind?: ExecutionKind;
}

/** One execution as `executions()` lists it. */
export interface ExecutionRecord {
  id: number;
  functionName: string;
  /** What Session.getActiveUser() showed ('' where Google hides it). */
  user: string;
  /** The account the code ran as. */
  effectiveUser: string;
  kind: ExecutionKind;
  start: Date;
  end?: Date;
  outcome?: 'completed' | 'failed';
  error?: string;
  logs: string[];
  /** A trigger Apps Script did not run (its account's daily trigger runtime was used up): why. */
  notRun?: string;
}

/**
 * What the executions cost (emulator/host/costs.ts, decision 12): Sheets round trips (commits of held writes
 * included), local Sheets calls, cells read, written (when committed) and scanned, and modelled milliseconds
 * (the simulated duration, what the 6-minute and 30-second limits bite on).
 */
export type { CostFigures };

export interface GasStats {
  /** Calls by `Service.Class.method` across all executions. */
  total: Record<string, number>;
  spreadsheetCalls: number;
  serviceCalls: number;
  /** The modelled cost of all executions together. */
  cost: CostFigures;
  /** Per execution, oldest first: its calls and its modelled cost. */
  executions: ({ functionName: string; calls: number; spreadsheetCalls: number } & CostFigures)[];
}

export interface GasFaults {
  /** The nth call named `Service.Class.method` from now on (across executions) fails with `error`, `times` times. */
  failOn(name: string, spec: FaultSpec): void;
  /** The nth call named `Service.Class.method` from now on takes `ms` longer (a slow Google service), `times` times. */
  slowOn(name: string, spec: SlowSpec): void;
  /** Kills the execution that reaches the spec ("Exceeded maximum execution time"; the app cannot catch it). */
  killAt(spec: KillSpec): void;
  clear(): void;
}

/** What people saw: dialogs, alerts, toasts and their menus. */
export interface GasUiView {
  readonly dialogs: DialogRecord[];
  readonly alerts: AlertRecord[];
  /** Toasts shown with Spreadsheet.toast, in order. */
  readonly toasts: Toast[];
  /** The menu bar a person last opened (default: the owner). */
  menus(user?: string): MenuSnapshot[];
}

/** The Apps Script globals, for host access as the owner outside any execution (uncounted). */
export interface GasGlobals {
  ScriptApp: GoogleAppsScript.Script.ScriptApp;
  PropertiesService: GoogleAppsScript.Properties.PropertiesService;
  CacheService: GoogleAppsScript.Cache.CacheService;
  LockService: GoogleAppsScript.Lock.LockService;
  Session: GoogleAppsScript.Base.Session;
  Logger: GoogleAppsScript.Base.Logger;
  SpreadsheetApp: GoogleAppsScript.Spreadsheet.SpreadsheetApp;
  Utilities: GoogleAppsScript.Utilities.Utilities;
  MailApp: GoogleAppsScript.Mail.MailApp;
  UrlFetchApp: GoogleAppsScript.URL_Fetch.UrlFetchApp;
  HtmlService: GoogleAppsScript.HTML.HtmlService;
  ContentService: GoogleAppsScript.Content.ContentService;
  [name: string]: unknown;
}

/**
 * The project's web app (the manifest's `webapp` section; https://developers.google.com/apps-script/guides/web):
 * deployed by the host, visited by people. Each request and each google.script.run call is one 'webApp' execution,
 * as the visitor (who may open it) and as the account `executeAs` names.
 */
export interface GasWebApp {
  /** Deploys a new version of the one web-app deployment; returns its /exec URL, the same across versions. */
  deploy(): string;
  /** The /exec URL, or null before deploy(). */
  url(): string | null;
  /** A visitor opens the URL: doGet(e) runs; returns what their browser receives (page, text, error or refusal). */
  get(request?: WebAppRequest): WebAppResponse;
  /** A POST to the URL (an HTML form, a program): doPost(e) runs; returns what the sender receives. */
  post(request?: WebAppPostRequest): WebAppResponse;
  /** google.script.run from the web app's page, as that visitor; returns the result (host copy) or throws its error. */
  run(functionName: string, args?: unknown[], options?: AsUser): unknown;
}

/** A local Apps Script project bound to one spreadsheet: load a bundle, then act as people and time would. */
export interface GasEnvironment {
  readonly kernel: Kernel;
  readonly core: EnvCore;
  readonly clock: Clock;
  readonly faults: GasFaults;
  readonly globals: GasGlobals;
  readonly ui: GasUiView;
  /** Where UrlFetchApp's requests go: respond(), forward(), registerInternal(), and the request log. */
  readonly http: HttpHost;
  /** Every mail MailApp sent, in order. */
  readonly outbox: SentMail[];
  /** MailApp's daily quotas: `useQuota` counts recipients the user already mailed today (other scripts share it). */
  readonly mail: { useQuota(user: string, recipients: number, o?: { withinDomain?: boolean }): void };
  /** The Drive/Docs advanced services' host objects and the Drive they share (`drive.store`: files, folders, Docs). */
  readonly drive: DriveHandle;
  /** Writes the spreadsheet (.xlsx), each Google Doc (.docx), each sent mail (.eml) and each UrlFetch call (.json) into `dir`; returns the paths. */
  exportTo(dir: string): Promise<string[]>;
  /** The web app: deploy it, visit it (get/post) and call its server functions (run) as a visitor. */
  readonly webApp: GasWebApp;
  /**
   * Serves the deployed web app to a real browser as `request.user` would open it: Google's page (title, meta tags)
   * around the script's HTML in a sandboxed iframe of another origin, with google.script.run (as that visitor),
   * google.script.url and google.script.history bridged. Every page load runs doGet (a form POST, doPost).
   */
  serveWebApp(request?: WebAppRequest): Promise<WebAppServer>;
  /** Serves a dialog the app showed (default: the last) to a real browser, google.script.run included. */
  serveDialog(which?: DialogSelector): Promise<DialogServer>;
  /** Loads the folder clasp would push (dist/) or one .js file; the manifest decides scopes and time zone. */
  loadBundle(path: string): void;
  /** Loads code given as text (tests that build a bundle on the fly). */
  loadSource(code: string, manifest?: Manifest | null, htmlFiles?: Record<string, string>): void;
  /** A person opens the spreadsheet: simple onOpen (LIMITED), then installable on-open triggers; builds their menus. */
  open(options?: AsUser): void;
  /** A person clicks a menu item by its caption path; returns the function's result (host copy). */
  clickMenu(...path: [...string[], AsUser] | string[]): unknown;
  /** What google.script.run does from an open dialog or sidebar; returns the result (host copy). */
  submitDialog(functionName: string, args?: unknown[], options?: AsUser): unknown;
  /**
   * A visitor opens the deployed web app (the manifest's `webapp`): `doGet(e)` runs with `e.parameter(s)` from
   * `parameters`, as the account `executeAs` names, without container or Ui; returns doGet's result (host copy).
   * Deploys the web app on first use; `webApp.get` returns what the browser receives instead.
   */
  visitWebApp(options?: AsUser & { parameters?: Record<string, string | string[]> }): unknown;
  /** What google.script.run does from the web app's page: same identity as visitWebApp; result as a host copy. */
  callFromWebApp(functionName: string, args?: unknown[], options?: AsUser): unknown;
  /** Queues the answer to the next ui.alert / ui.prompt. */
  answerNextDialog(answer: DialogAnswer): void;
  /** A person selects a range (their selection until they change it). */
  select(sheetName: string, a1: string, options?: AsUser): void;
  /** A person types (scalar) or pastes (2-D array) into cells, then the on-edit triggers fire. */
  typeInto(sheetName: string, a1: string, values: unknown, options?: AsUser): void;
  /** Runs a function like the editor's Run button (default), or as a simple or installable trigger. */
  run(functionName: string, event?: unknown, options?: RunOptions): unknown;
  /** Fires, in time order, every occurrence of every time-driven trigger due up to `clock.now()`. */
  runDueTriggers(): ExecutionRecord[];
  /** Every execution so far, oldest first. */
  executions(): ExecutionRecord[];
  /** Evaluates a check function's source inside a fresh execution with `t`; returns its result (host copy). */
  runCheck(fn: string | ((t: never) => unknown), options?: CheckOptions): unknown;
  stats(): GasStats;
  /** Holds a script/document lock as another execution would, until `until` (simulated) or `release()`. */
  holdLock(kind: 'script' | 'document', options?: { until?: Date | string }): HeldLock;
  /** The installed triggers (host view, all users). */
  triggers(): InstalledTrigger[];
}

/** Creates a local Apps Script environment. */
export function createGasEnvironment(options: GasEnvironmentOptions = {}): GasEnvironment {
  return buildEnvironment(options, MODULE_FACTORIES);
}
