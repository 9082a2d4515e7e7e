// The office's small configuration sheets (设置, 时限, 节假日, 人员, 部室) as read, kept in the Script Cache so an
// execution (a menu action, a typed edit, a web-app page) costs a few milliseconds of cache instead of some fifteen
// round trips to Sheets (apps-script-costs.md: a cache get ≈ 3 ms). An edit of any of these sheets and 初始化/修复
// clear it; otherwise an entry lives CONFIG_TTL_S. Setup and the trigger installer read the sheets themselves.
import { SHEET } from './layout';

/** The sheets whose edits clear the cache. */
export const CONFIG_SHEETS: readonly string[] = [
  SHEET.settings,
  SHEET.limits,
  SHEET.holidays,
  SHEET.people,
  SHEET.departments,
];
const PREFIX = 'OFFICE_CONFIG_';
/** Ten minutes: the longest a missed edit trigger can leave an execution on an old 人员 or 设置. */
const CONFIG_TTL_S = 600;
const KEYS = ['settings', 'people', 'departments'] as const;
export type ConfigPart = (typeof KEYS)[number];

const DATE_TAG = '$date';
const replacer = function (this: Record<string, unknown>, key: string, value: unknown): unknown {
  const raw = this[key];
  return raw instanceof Date ? { [DATE_TAG]: raw.toISOString() } : value;
};
const reviver = (_: string, v: unknown): unknown =>
  v && typeof v === 'object' && DATE_TAG in v ? new Date(String((v as Record<string, unknown>)[DATE_TAG])) : v;

/** `read()` through the cache (a cache that fails or is too small only costs the read). */
export function cachedConfig<T>(part: ConfigPart, read: () => T): T {
  let cache: GoogleAppsScript.Cache.Cache | null = null;
  try {
    cache = CacheService.getScriptCache();
    const hit = cache.get(PREFIX + part);
    if (hit) return JSON.parse(hit, reviver) as T;
  } catch (e) {
    console.warn(`配置缓存不可用：${e instanceof Error ? e.message : String(e)}`);
  }
  const value = read();
  try {
    cache?.put(PREFIX + part, JSON.stringify(value, replacer), CONFIG_TTL_S);
  } catch (e) {
    console.warn(`配置未能缓存：${e instanceof Error ? e.message : String(e)}`);
  }
  return value;
}

/** Forgets every cached part (an edit of a configuration sheet, 初始化/修复). */
export function clearConfigCache(): void {
  try {
    CacheService.getScriptCache().removeAll(KEYS.map((k) => PREFIX + k));
  } catch (e) {
    console.warn(`配置缓存未能清除：${e instanceof Error ? e.message : String(e)}`);
  }
}
