// Contract checks of Cache: strings only, null when missing, limits, expiry on the clock
// (https://developers.google.com/apps-script/reference/cache/cache).
import { runChecks, type Check } from '../harness';

const CACHE = 'https://developers.google.com/apps-script/reference/cache/cache';

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
  {
    name: 'put, putAll, remove and removeAll return nothing (void)',
    source: CACHE + '#put(String,String)',
    run: (t) => {
      const c = CacheService.getScriptCache();
      t.equal(c.put('a', '1'), undefined);
      t.equal(c.put('b', '2', 60), undefined);
      t.equal(c.putAll({ c: '3' }), undefined);
      t.equal(c.putAll({ d: '4' }, 60), undefined);
      t.equal(c.remove('a'), undefined);
      t.equal(c.remove('never-there'), undefined);
      t.equal(c.removeAll(['b', 'c']), undefined);
      t.deepEqual(c.getAll(['a', 'b', 'c', 'd']), { d: '4' });
    },
  },
];

runChecks('cache.Cache', cacheChecks);
