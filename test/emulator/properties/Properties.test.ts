// Checks of PropertiesService and CacheService: strings only, null when missing, copies, limits, per-user stores.
import type { Check } from './harness';

const PROPS = 'https://developers.google.com/apps-script/reference/properties/properties';
const CACHE = 'https://developers.google.com/apps-script/reference/cache/cache';
const QUOTAS = 'https://developers.google.com/apps-script/guides/services/quotas';
const CLERK = 'clerk@example.gov.cn';

export const propertiesChecks: Check[] = [
  {
    name: 'a missing property is null',
    source: PROPS + '#getProperty(String)',
    run: (t) => {
      t.equal(PropertiesService.getScriptProperties().getProperty('nope'), null);
      t.equal(PropertiesService.getUserProperties().getProperty('nope'), null);
      t.equal(PropertiesService.getDocumentProperties().getProperty('nope'), null);
    },
  },
  {
    name: 'values are stored as strings',
    source: 'https://developers.google.com/apps-script/guides/properties',
    run: (t) => {
      const p = PropertiesService.getScriptProperties();
      p.setProperty('n', 42 as unknown as string);
      p.setProperties({ b: true as unknown as string });
      t.equal(p.getProperty('n'), '42');
      t.equal(p.getProperty('b'), 'true');
    },
  },
  {
    name: 'getProperties returns a copy, not a live view',
    source: PROPS + '#getProperties()',
    run: (t) => {
      const p = PropertiesService.getScriptProperties().setProperty('a', '1');
      const copy = p.getProperties();
      copy.a = 'changed';
      copy.b = 'new';
      t.equal(p.getProperty('a'), '1');
      t.equal(p.getProperty('b'), null);
    },
  },
  {
    name: 'setProperties(…, true) deletes all other properties',
    source: PROPS + '#setProperties(Object,Boolean)',
    run: (t) => {
      const p = PropertiesService.getScriptProperties().setProperties({ a: '1', b: '2' });
      p.setProperties({ c: '3' }, true);
      t.deepEqual(p.getProperties(), { c: '3' });
    },
  },
  {
    name: 'setters chain; getKeys lists keys; deleteProperty and deleteAllProperties remove',
    source: PROPS,
    run: (t) => {
      const p = PropertiesService.getScriptProperties().setProperty('a', '1').setProperty('b', '2');
      t.deepEqual(p.getKeys().sort(), ['a', 'b']);
      p.deleteProperty('a');
      t.deepEqual(p.getKeys(), ['b']);
      p.deleteAllProperties();
      t.deepEqual(p.getKeys(), []);
    },
  },
  {
    name: 'a value over 9 KB is refused',
    source: QUOTAS + ' (Properties value size 9 KB / val)',
    run: (t) => {
      const p = PropertiesService.getScriptProperties();
      p.setProperty('ok', 'x'.repeat(9000));
      t.throws(() => p.setProperty('big', 'x'.repeat(9 * 1024 + 1)), /^Argument too large: value$/);
      t.equal(p.getProperty('big'), null);
    },
  },
  {
    name: 'a store over 500 KB is refused with the quota message',
    source: QUOTAS + ' (Properties total storage 500 KB / property store)',
    run: (t) => {
      const p = PropertiesService.getScriptProperties();
      const chunk = 'y'.repeat(9000);
      for (let i = 0; i < 56; i++) p.setProperty('k' + i, chunk);
      t.throws(() => {
        for (let i = 56; i < 60; i++) p.setProperty('k' + i, chunk);
      }, /^You have exceeded the property storage quota\. Please remove some properties and try again\.$/);
    },
  },
  {
    name: 'setProperty with a null value does not match the method signature',
    source: PROPS + '#setProperty(String,String)',
    run: (t) =>
      t.throws(
        () => PropertiesService.getScriptProperties().setProperty('a', null as unknown as string),
        /don't match the method signature for PropertiesService\.Properties\.setProperty/,
      ),
  },
  {
    name: 'script properties written in one execution are read in the next',
    source: 'https://developers.google.com/apps-script/guides/properties',
    setup: (env) => {
      env.loadSource('function save() { PropertiesService.getScriptProperties().setProperty("cursor", "17"); }');
      env.run('save', undefined, { user: CLERK });
    },
    run: (t) => t.equal(PropertiesService.getScriptProperties().getProperty('cursor'), '17'),
  },
  {
    name: "user properties belong to each user: another user's are not visible",
    source: 'https://developers.google.com/apps-script/guides/properties (user properties)',
    setup: (env) => {
      env.loadSource('function save() { PropertiesService.getUserProperties().setProperty("mine", "clerk"); }');
      env.run('save', undefined, { user: CLERK });
    },
    run: (t) => t.equal(PropertiesService.getUserProperties().getProperty('mine'), null),
  },
];

export const cacheChecks: Check[] = [
  {
    name: 'a missing cache key is null; put then get returns the string',
    source: CACHE + '#get(String)',
    run: (t) => {
      const c = CacheService.getScriptCache();
      t.equal(c.get('k'), null);
      c.put('k', 5 as unknown as string);
      t.equal(c.get('k'), '5');
    },
  },
  {
    name: 'putAll and getAll (only keys found); remove and removeAll',
    source: CACHE + '#getAll(String)',
    run: (t) => {
      const c = CacheService.getScriptCache();
      c.putAll({ a: '1', b: '2', c: '3' });
      t.deepEqual(c.getAll(['a', 'b', 'zz']), { a: '1', b: '2' });
      c.remove('a');
      c.removeAll(['b']);
      t.deepEqual(c.getAll(['a', 'b', 'c']), { c: '3' });
    },
  },
  {
    name: 'a key over 250 characters is refused',
    source: CACHE + '#put(String,String) (key max 250 characters)',
    run: (t) => t.throws(() => CacheService.getScriptCache().put('k'.repeat(251), 'v'), /^Argument too large: key$/),
  },
  {
    name: 'a value over 100 KB is refused',
    source: CACHE + '#put(String,String) (value max 100 KB)',
    run: (t) =>
      t.throws(() => CacheService.getScriptCache().put('k', 'v'.repeat(100 * 1024 + 1)), /^Argument too large: value$/),
  },
  {
    name: 'an expiration over 21600 seconds is refused',
    source: CACHE + '#put(String,String,Integer) (max 21600 s)',
    run: (t) =>
      t.throws(() => CacheService.getScriptCache().put('k', 'v', 21601), /Invalid argument: expirationInSeconds/),
  },
  {
    name: 'the script cache is shared across executions; the user cache is per user',
    source: 'https://developers.google.com/apps-script/reference/cache/cache-service',
    setup: (env) => {
      env.loadSource(
        'function warm() { CacheService.getScriptCache().put("s", "1"); CacheService.getUserCache().put("u", "1"); }',
      );
      env.run('warm', undefined, { user: CLERK });
    },
    run: (t) => {
      t.equal(CacheService.getScriptCache().get('s'), '1');
      t.equal(CacheService.getUserCache().get('u'), null);
    },
  },
  {
    name: 'entries expire on the clock (default 600 s)',
    source: CACHE + '#put(String,String) (default 600 s)',
    setup: (env) => {
      env.loadSource(
        'function warm() { CacheService.getScriptCache().put("d", "1"); CacheService.getScriptCache().put("long", "1", 3600); }',
      );
      env.run('warm');
      env.clock.advance(601_000);
    },
    run: (t) => {
      t.equal(CacheService.getScriptCache().get('d'), null);
      t.equal(CacheService.getScriptCache().get('long'), '1');
    },
  },
];
