// Contract checks of one execution: what an Apps Script V8 execution's global scope holds, top-level code run anew,
// async handlers.
import { createGasEnvironment } from '../../../emulator/index';
import { runChecks, type Check } from '../harness';
import { collectGarbage } from '../../helpers/gc';

declare function bump(): number;
declare const counter: number;
const V8 = 'https://developers.google.com/apps-script/guides/v8-runtime';
const FIDELITY_1 = '../shared/docs/local-runtime-fidelity.md §1';

export const executionChecks: Check[] = [
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
    name: 'an async handler settles within its execution (microtasks run; no timers exist)',
    source: V8,
    setup: (env) => env.loadSource('async function later() { await null; return (await Promise.resolve(20)) + 1; }'),
    run: (t) => t.ok(true),
    after: (env) => expect(env.run('later')).toBe(21),
  },
];

runChecks('host.executions', executionChecks);

describe('memory between executions', () => {
  it('does not keep an ended execution’s realm: values the app held are freed', () => {
    const gc = collectGarbage;
    const env = createGasEnvironment({ now: '2024-03-05T09:00:00+08:00' });
    env.loadSource(
      'var held = []; function fill() { for (var i = 0; i < 400000; i++) held.push({ i: i, s: "x" + i }); }',
    );
    gc();
    const before = process.memoryUsage().heapUsed;
    for (let i = 0; i < 6; i++) env.run('fill');
    gc();
    // Each run holds ≈ 40 MB in its global while it lasts; six kept would be ≈ 240 MB.
    expect((process.memoryUsage().heapUsed - before) / 1e6).toBeLessThan(60);
  });
});
