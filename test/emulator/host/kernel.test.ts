// Checks of the execution model: what an Apps Script V8 execution's global scope holds, fresh state per
// execution, the script's clock and zone, error shape, limits and injected faults.
import type { Check } from './harness';

declare function bump(): number;
declare const counter: number;

const V8 = 'https://developers.google.com/apps-script/guides/v8-runtime';
const FIDELITY_1 = '../shared/docs/local-runtime-fidelity.md §1';
const QUOTAS = 'https://developers.google.com/apps-script/guides/services/quotas';

export const executionChecks: Check[] = [
  {
    name: 'enum objects of a service are the same object on every read, so they compare and can be cached',
    source: 'https://developers.google.com/apps-script/reference/script/auth-mode',
    run: (t) => {
      t.ok(ScriptApp.AuthMode === ScriptApp.AuthMode, 'ScriptApp.AuthMode is one object');
      t.ok(
        SpreadsheetApp.ProtectionType === SpreadsheetApp.ProtectionType,
        'SpreadsheetApp.ProtectionType is one object',
      );
      t.equal(ScriptApp.AuthMode.FULL, ScriptApp.AuthMode.FULL);
    },
  },
  {
    name: 'arrays passed from the app reach the service intact (setValues with the app realm arrays)',
    source: 'https://developers.google.com/apps-script/reference/spreadsheet/range#setValues(Object)',
    run: (t) => {
      const sh = SpreadsheetApp.getActive().getSheets()[0]!;
      const rows = [1, 2, 3].map((n) => [n, String(n * 2)]);
      sh.getRange(1, 1, 3, 2).setValues(rows);
      const back = sh.getRange(1, 1, 3, 2).getValues();
      t.ok(Array.isArray(back) && back instanceof Array, 'getValues returns an array of the app realm');
      t.deepEqual(back, [
        [1, 2],
        [2, 4],
        [3, 6],
      ]);
    },
  },
  {
    name: 'no Node module system inside an execution',
    source: FIDELITY_1,
    run: (t) => {
      t.equal(typeof require, 'undefined');
      t.equal(typeof module, 'undefined');
      t.equal(typeof exports, 'undefined');
      t.equal(typeof process, 'undefined');
      t.equal(typeof Buffer, 'undefined');
      t.equal(typeof (globalThis as Record<string, unknown>).global, 'undefined');
    },
  },
  {
    name: 'no timers: setTimeout, setInterval, setImmediate, queueMicrotask are absent',
    source: FIDELITY_1,
    run: (t) => {
      t.equal(typeof setTimeout, 'undefined');
      t.equal(typeof setInterval, 'undefined');
      t.equal(typeof setImmediate, 'undefined');
      t.equal(typeof clearTimeout, 'undefined');
      t.equal(typeof queueMicrotask, 'undefined');
    },
  },
  {
    name: 'no web platform APIs: fetch, URL, URLSearchParams, AbortController are absent',
    source: FIDELITY_1,
    run: (t) => {
      const g = globalThis as Record<string, unknown>;
      for (const name of ['fetch', 'Request', 'Response', 'Headers', 'URL', 'URLSearchParams', 'AbortController'])
        t.equal(typeof g[name], 'undefined', name);
    },
  },
  {
    name: 'no TextEncoder/TextDecoder, atob/btoa, structuredClone, crypto, performance',
    source: FIDELITY_1,
    run: (t) => {
      const g = globalThis as Record<string, unknown>;
      for (const name of ['TextEncoder', 'TextDecoder', 'atob', 'btoa', 'structuredClone', 'crypto', 'performance'])
        t.equal(typeof g[name], 'undefined', name);
    },
  },
  {
    name: 'the ECMAScript built-ins are there (JSON, Math, Intl, Promise, Map, Set, Symbol, Proxy, Reflect, BigInt, typed arrays)',
    source: V8,
    run: (t) => {
      const g = globalThis as Record<string, unknown>;
      for (const name of [
        'JSON',
        'Math',
        'Intl',
        'Promise',
        'Map',
        'Set',
        'WeakMap',
        'Symbol',
        'Proxy',
        'Reflect',
        'BigInt',
        'Uint8Array',
      ]) {
        t.ok(g[name] !== undefined, name);
      }
      t.equal(typeof console.log, 'function');
    },
  },
  {
    name: 'top-level code runs anew in every execution: a global counter does not survive',
    source: 'https://developers.google.com/apps-script/guides/v8-runtime (global scope per execution); ' + FIDELITY_1,
    setup: (env) => env.loadSource('var counter = 0;\nfunction bump() { counter += 1; return counter; }'),
    run: (t) => {
      t.equal(counter, 0);
      t.equal(bump(), 1);
    },
    after: (env) => {
      expect(env.run('bump')).toBe(1);
      expect(env.run('bump')).toBe(1);
    },
  },
  {
    name: 'new Date() and Date.now() read the simulated clock',
    source: FIDELITY_1,
    run: (t) => {
      const start = Date.parse('2024-03-05T09:00:00+08:00');
      t.ok(Date.now() >= start && Date.now() < start + 60_000, 'Date.now');
      t.ok(new Date().getTime() >= start && new Date().getTime() < start + 60_000, 'new Date');
      t.equal(typeof Date(), 'string');
    },
  },
  {
    name: "local time is the script's time zone (Asia/Shanghai, UTC+8)",
    source: 'https://developers.google.com/apps-script/concepts/manifests (timeZone); ' + FIDELITY_1,
    run: (t) => {
      t.equal(new Date(2024, 0, 1).getTimezoneOffset(), -480);
      t.equal(new Date(2024, 0, 1).toISOString(), '2023-12-31T16:00:00.000Z');
      t.equal(Session.getScriptTimeZone(), 'Asia/Shanghai');
    },
  },
  {
    name: 'a Date made inside is instanceof Date and its constructor is Date',
    source: FIDELITY_1 + ' (realm trap)',
    run: (t) => {
      const d = new Date(0);
      t.ok(d instanceof Date);
      t.ok(d.constructor === Date);
      t.equal(Object.prototype.toString.call(d), '[object Date]');
    },
  },
  {
    name: "arrays and objects returned by services belong to the execution's realm",
    source: FIDELITY_1 + ' (realm trap)',
    run: (t) => {
      const props = PropertiesService.getScriptProperties().setProperty('a', '1');
      t.ok(props.getKeys() instanceof Array);
      t.ok(props.getProperties() instanceof Object);
      t.equal(Object.getPrototypeOf(props.getProperties()), Object.prototype);
    },
  },
  {
    name: "a service error is an Error of the app's realm named Exception; String(e) is 'Exception: <message>'",
    source: '../shared/docs/local-runtime-fidelity.md §2',
    run: (t) => {
      try {
        PropertiesService.getScriptProperties().setProperty('k', 'x'.repeat(10_000));
        t.ok(false, 'should have thrown');
      } catch (e) {
        t.ok(e instanceof Error);
        t.equal((e as Error).name, 'Exception');
        t.equal(String(e), 'Exception: Argument too large: value');
      }
    },
  },
  {
    name: 'a member the local runtime lacks fails loudly instead of returning undefined',
    source: '../shared/docs/style.md habit 10',
    run: (t) => {
      const props = PropertiesService.getScriptProperties() as unknown as Record<string, unknown>;
      t.throws(
        () => props.getPropertiesAsJson,
        /not implemented in the local runtime: Properties.getPropertiesAsJson/,
        'NotImplemented',
      );
    },
  },
  {
    name: 'an async handler settles within its execution (microtasks run; no timers exist)',
    source: V8,
    setup: (env) => env.loadSource('async function later() { await null; return (await Promise.resolve(20)) + 1; }'),
    run: (t) => t.ok(true),
    after: (env) => expect(env.run('later')).toBe(21),
  },
  {
    name: 'an execution that runs past 6 minutes is killed at its next service call',
    source: QUOTAS + ' (Script runtime 6 min / execution)',
    setup: (env) => void env.holdLock('script'),
    run: (t) => {
      const lock = LockService.getScriptLock();
      t.equal(lock.tryLock(200_000), false);
      t.equal(lock.tryLock(200_000), false);
      PropertiesService.getScriptProperties().getProperty('x');
    },
    fails: /Exception: Exceeded maximum execution time/,
  },
  {
    name: 'a simple trigger is killed after 30 seconds',
    source: 'https://developers.google.com/apps-script/guides/triggers#restrictions',
    kind: 'simpleTrigger',
    setup: (env) => void env.holdLock('script'),
    run: (t) => {
      t.equal(LockService.getScriptLock().tryLock(31_000), false);
      PropertiesService.getScriptProperties().getProperty('x');
    },
    fails: /Exceeded maximum execution time/,
  },
  {
    name: 'the time limit cannot be caught: catching the error does not let the execution complete',
    source: QUOTAS,
    setup: (env) => env.faults.killAt({ call: 'PropertiesService.Properties.getProperty' }),
    run: () => {
      try {
        PropertiesService.getScriptProperties().getProperty('x');
      } catch {
        // an app that swallows errors still dies
      }
      return 'survived';
    },
    fails: /Exceeded maximum execution time/,
    after: (env) => expect(env.executions()[0].outcome).toBe('failed'),
  },
  {
    name: 'an injected fault fails exactly the nth call, once, as an Exception',
    source: '../shared/docs/local-runtime-fidelity.md §2 (transient service errors)',
    setup: (env) =>
      env.faults.failOn('PropertiesService.Properties.getProperty', {
        nth: 2,
        error: 'Service unavailable: Properties',
      }),
    run: (t) => {
      const p = PropertiesService.getScriptProperties();
      t.equal(p.getProperty('a'), null);
      t.throws(() => p.getProperty('a'), /^Service unavailable: Properties$/);
      t.equal(p.getProperty('a'), null);
    },
  },
  {
    name: 'a simple trigger may not send mail or fetch URLs (services that need authorization)',
    source: 'https://developers.google.com/apps-script/guides/triggers#restrictions',
    kind: 'simpleTrigger',
    run: (t) => {
      t.throws(
        () => MailApp.sendEmail('a@example.gov.cn', 's', 'b'),
        /^You do not have permission to call MailApp\.sendEmail/,
      );
      t.throws(
        () => UrlFetchApp.fetch('https://oapi.dingtalk.com/robot/send'),
        /^You do not have permission to call UrlFetchApp\.fetch/,
      );
    },
  },
  {
    name: 'the same service call works in an installable trigger (AuthMode.FULL)',
    source: 'https://developers.google.com/apps-script/guides/triggers/installable',
    kind: 'installableTrigger',
    run: (t) => t.ok(MailApp.getRemainingDailyQuota() > 0),
  },
];
