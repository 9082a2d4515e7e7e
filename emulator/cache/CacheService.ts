// CacheService (https://developers.google.com/apps-script/reference/cache/cache-service): the script, user and document caches, and the module that wires them.
import { GasObject } from '../host/kernel';
import type { EnvCore, ServiceModule } from '../host/env-core';
import { perUser, runningAs } from '../base/Session';
import { CacheHost, Entry } from './Cache';

/** CacheService (https://developers.google.com/apps-script/reference/cache/cache-service). */
export class CacheServiceHost extends GasObject implements Partial<GoogleAppsScript.Cache.CacheService> {
  readonly gasService = 'CacheService';
  readonly gasClass = 'CacheService';
  readonly _script = new Map<string, Entry>();
  readonly _document = new Map<string, Entry>();
  readonly _user = new Map<string, Map<string, Entry>>();
  constructor(private readonly _core: EnvCore) {
    super();
  }
  /** Empties every cache: what Google may do at any time (a test's "evict now" switch). */
  _evictAll(): void {
    this._script.clear();
    this._document.clear();
    this._user.clear();
  }
  getScriptCache(): GoogleAppsScript.Cache.Cache {
    return new CacheHost(this._core, this._script) as unknown as GoogleAppsScript.Cache.Cache;
  }
  getDocumentCache(): GoogleAppsScript.Cache.Cache {
    return new CacheHost(this._core, this._document) as unknown as GoogleAppsScript.Cache.Cache;
  }
  getUserCache(): GoogleAppsScript.Cache.Cache {
    const store = perUser(this._user, runningAs(this._core), () => new Map<string, Entry>());
    return new CacheHost(this._core, store) as unknown as GoogleAppsScript.Cache.Cache;
  }
}

/** The CacheService module. */
export function createCacheModule(core: EnvCore): ServiceModule & { cache: CacheServiceHost } {
  const cache = new CacheServiceHost(core);
  return { globals: { CacheService: cache }, cache };
}
