// Contract checks of CacheService: the script cache across executions, per-user caches
// (https://developers.google.com/apps-script/reference/cache/cache-service).
import { runChecks, type Check } from '../harness';

const CLERK = 'clerk@example.gov.cn';

export const cacheServiceChecks: Check[] = [
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
];

runChecks('cache.CacheService', cacheServiceChecks);
