// What people and time do to the project: open the spreadsheet, click menus, submit dialogs, type, and let
// time-driven triggers come due. Each turns into one or more executions.
import type { EnvInternals } from './environment';
import { NotImplementedError, type Execution } from './kernel';
import { ScriptError } from './executions';
import { visibleActiveUser } from '../base/Session';
import { UserHost } from '../base/User';
import { toWire } from '../html/script-run-wire';
import { queryOf, runFromWebApp, webAppEvent, webAppIdentity } from './web-app';
import type { AsUser } from '../index';
import type { MenuEntry, MenuSnapshot } from '../base/Ui';
import type { InstalledTrigger } from '../script/trigger-store';
import type { Toast } from '../spreadsheet/context';
import { isoWeekOfYear, zonedParts } from './zoned-time';
import { sheetsWiring } from './sheets-wiring';

/** Runs every thunk; then rethrows the first failure (each is its own execution, as in Apps Script). */
function runAll(thunks: (() => unknown)[]): void {
  let first: unknown = null;
  for (const th of thunks) {
    try {
      th();
    } catch (e) {
      if (!(e instanceof ScriptError)) throw e;
      first ??= e;
    }
  }
  if (first) throw first;
}

/** True when the bundle declares a top-level function (or var) of that name, e.g. a simple trigger. */
function definesFunction(env: EnvInternals, name: string): boolean {
  return env.engine.bundle.globalNames.has(name);
}

function splitUser(args: unknown[]): { path: string[]; user?: string } {
  const last = args[args.length - 1];
  if (last !== null && typeof last === 'object')
    return { path: args.slice(0, -1) as string[], user: (last as AsUser).user };
  return { path: args as string[] };
}

function findItem(menus: MenuSnapshot[], path: string[]): string {
  let entries: MenuEntry[] = menus.map((m) => ({ type: 'submenu', menu: m }));
  for (let i = 0; i < path.length; i++) {
    const hit = entries.find(
      (e) => (e.type === 'submenu' && e.menu.caption === path[i]) || (e.type === 'item' && e.caption === path[i]),
    );
    const captions = entries.flatMap((e) =>
      e.type === 'submenu' ? [e.menu.caption] : e.type === 'item' ? [e.caption] : [],
    );
    if (!hit)
      throw new Error(
        `clickMenu: no "${path[i]}" in ${i === 0 ? 'the menu bar' : `"${path.slice(0, i).join(' > ')}"`} (has: ${captions.join(', ') || 'nothing'})`,
      );
    if (hit.type === 'item') {
      if (i !== path.length - 1) throw new Error(`clickMenu: "${path[i]}" is an item, not a submenu`);
      return hit.functionName;
    }
    if (hit.type === 'submenu') entries = hit.menu.entries;
  }
  throw new Error(`clickMenu: "${path.join(' > ')}" is a menu, not an item`);
}

/** The time-driven event object (https://developers.google.com/apps-script/guides/triggers/events#time-driven-events). */
function timeEvent(t: InstalledTrigger, atMs: number): Record<string, unknown> {
  const zone = t.schedule!.timeZone;
  const p = zonedParts(atMs, zone);
  return {
    authMode: 'FULL',
    'day-of-month': p.day,
    'day-of-week': p.weekday === 0 ? 7 : p.weekday,
    hour: p.hour,
    minute: p.minute,
    month: p.month,
    second: p.second,
    timezone: zone,
    triggerUid: t.uid,
    'week-of-year': isoWeekOfYear(p.year, p.month, p.day),
    year: p.year,
  };
}

/** Moves the clock to an occurrence that may lie before "now" (see runDueTriggers). */
function setClock(env: EnvInternals, ms: number): void {
  const clock = env.core.kernel.clock;
  if (ms >= clock.nowMs()) clock.set(new Date(ms));
  else clock._replayAt(ms);
}

/**
 * The executions a spreadsheet event starts, in Apps Script's order: the simple trigger `simple` (LIMITED, as the
 * person) if the bundle defines it, then every installable trigger of `eventType` on the bound spreadsheet (FULL,
 * as its installer, with `triggerUid`). `event(user, authMode)` builds the event object for the user it may show.
 */
function spreadsheetTriggers(
  env: EnvInternals,
  person: string,
  simple: 'onOpen' | 'onEdit',
  eventType: 'ON_OPEN' | 'ON_EDIT',
  event: (user: UserHost, authMode: 'LIMITED' | 'FULL') => object,
): void {
  const { core } = env;
  const sourceId = sheetsWiring(env)?.spreadsheetId();
  const thunks: (() => unknown)[] = [];
  if (definesFunction(env, simple)) {
    const ev = event(new UserHost(visibleActiveUser(core, 'simpleTrigger', person, person)), 'LIMITED');
    thunks.push(() => env.execute({ functionName: simple, kind: 'simpleTrigger', person, args: [ev] }));
  }
  for (const t of env.triggers.all.filter((x) => x.eventType === eventType && x.sourceId === sourceId)) {
    const user = new UserHost(visibleActiveUser(core, 'installableTrigger', person, t.owner));
    const ev = { ...event(user, 'FULL'), triggerUid: t.uid };
    thunks.push(() =>
      env.execute({
        functionName: t.handler,
        kind: 'installableTrigger',
        person,
        effectiveUser: t.owner,
        triggerUid: t.uid,
        args: [ev],
      }),
    );
  }
  runAll(thunks);
}

/** A person opens the spreadsheet: the simple onOpen (LIMITED), then each installable on-open trigger as its installer. */
function openSpreadsheet(env: EnvInternals, person: string): void {
  env.uiState.menubars.set(person, []);
  const source = sheetsWiring(env)?.spreadsheet() ?? null;
  spreadsheetTriggers(env, person, 'onOpen', 'ON_OPEN', (user, authMode) => ({ authMode, source, user }));
}

/** A person clicks a menu item of the menu bar they last opened. */
function clickMenu(env: EnvInternals, args: unknown[]): unknown {
  const { path, user } = splitUser(args);
  const person = user ?? env.core.options.owner;
  if (path.length === 0) throw new Error('clickMenu: give the caption path, top menu first');
  const menus = env.uiState.menubars.get(person);
  if (!menus) throw new Error(`clickMenu: ${person} has not opened the spreadsheet (call env.open({ user }) first)`);
  return env.execute({ functionName: findItem(menus, path), kind: 'menu', person });
}

/** google.script.run from an open dialog: values checked both ways by Apps Script's rules. */
function submitDialog(env: EnvInternals, functionName: string, args: unknown[], person: string): unknown {
  const wireArgs = toWire(args, (p) => `Failed due to illegal value in property: ${p}`) as unknown[];
  const result = env.execute({ functionName, kind: 'dialog', person, args: wireArgs });
  return toWire(
    result,
    (p) =>
      `google.script.run: ${functionName} returned an illegal value in property: ${p} (a Date, function or service object; Apps Script would hand the success handler null)`,
  );
}

/** Legacy callers visit without deploying first: visiting implies a deployment (the first is made on the way). */
function ensureDeployed(env: EnvInternals): void {
  if (!env.deployment.deployed && env.core.manifest?.webapp) env.deployment.deploy();
}

/**
 * A visitor opens the web app: `doGet(e)` runs (https://developers.google.com/apps-script/guides/web#request_parameters);
 * returns doGet's result (host copy). `env.webApp.get` returns what the browser receives instead.
 */
function visitWebApp(env: EnvInternals, person: string, parameters: Record<string, string | string[]>): unknown {
  const effectiveUser = webAppIdentity(env, person);
  ensureDeployed(env);
  const e = webAppEvent({ query: queryOf({ parameters }), pathInfo: '' });
  return env.execute({ functionName: 'doGet', kind: 'webApp', person, effectiveUser, args: [e] });
}

/** google.script.run from the web app's page (see runFromWebApp). */
function callFromWebApp(env: EnvInternals, functionName: string, args: unknown[], person: string): unknown {
  webAppIdentity(env, person);
  ensureDeployed(env);
  return runFromWebApp(env, functionName, args, person);
}

/** Fires due occurrences in time order; an overdue one runs with the clock set back to its time. */
function runDueTriggers(env: EnvInternals): Execution[] {
  const clock = env.core.kernel.clock;
  const until = clock.nowMs();
  const fired: Execution[] = [];
  let latest = until;
  let first: unknown = null;
  for (let due = env.triggers.nextDue(until); due; due = env.triggers.nextDue(until)) {
    const { trigger: t, atMs } = due;
    t.lastFiredMs = atMs;
    t.fires += 1;
    setClock(env, Math.max(atMs, fired.length ? clock.nowMs() : atMs));
    try {
      env.execute({
        functionName: t.handler,
        kind: 'timeTrigger',
        person: t.owner,
        triggerUid: t.uid,
        hasUi: false,
        args: [timeEvent(t, atMs)],
      });
    } catch (e) {
      if (!(e instanceof ScriptError)) throw e;
      first ??= e;
    }
    fired.push(env.engine.records[env.engine.records.length - 1]);
    latest = Math.max(latest, clock.nowMs());
  }
  setClock(env, Math.max(latest, until));
  if (first) throw first;
  return fired;
}

/** A person types or pastes; then the simple onEdit (if the bundle has one) and the installable on-edit triggers fire. */
function typeInto(env: EnvInternals, person: string, sheetName: string, a1: string, values: unknown): void {
  const wiring = sheetsWiring(env);
  if (!wiring) throw new NotImplementedError('env.typeInto (the SpreadsheetApp module is not wired)');
  const edit = wiring.typeInto(person, sheetName, a1, values);
  spreadsheetTriggers(env, person, 'onEdit', 'ON_EDIT', (user, authMode) => ({
    authMode,
    range: edit.range,
    source: wiring.spreadsheet(),
    user,
    ...(edit.value !== undefined ? { value: edit.value } : {}),
    ...(edit.oldValue !== undefined ? { oldValue: edit.oldValue } : {}),
  }));
}

function select(env: EnvInternals, person: string, sheetName: string, a1: string): void {
  const wiring = sheetsWiring(env);
  if (!wiring) throw new NotImplementedError('env.select (the SpreadsheetApp module is not wired)');
  wiring.select(person, sheetName, a1);
}

/** The interaction helpers of one environment. */
export function interactions(env: EnvInternals) {
  return {
    open: (person: string): void => openSpreadsheet(env, person),
    clickMenu: (args: unknown[]): unknown => clickMenu(env, args),
    submitDialog: (functionName: string, args: unknown[], person: string): unknown =>
      submitDialog(env, functionName, args, person),
    runDueTriggers: (): Execution[] => runDueTriggers(env),
    visitWebApp: (person: string, parameters: Record<string, string | string[]>): unknown =>
      visitWebApp(env, person, parameters),
    callFromWebApp: (functionName: string, args: unknown[], person: string): unknown =>
      callFromWebApp(env, functionName, args, person),
    typeInto: (person: string, sheetName: string, a1: string, values: unknown): void =>
      typeInto(env, person, sheetName, a1, values),
    select: (person: string, sheetName: string, a1: string): void => select(env, person, sheetName, a1),
    toasts: (): Toast[] => sheetsWiring(env)?.toasts() ?? [],
  };
}
