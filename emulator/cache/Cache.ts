// Cache (https://developers.google.com/apps-script/reference/cache/cache): strings whose entries expire on the
// simulated clock, with Apps Script's key and value limits.
import { GasObject } from '../host/kernel';
import type { EnvCore } from '../host/env-core';

/** Limits from https://developers.google.com/apps-script/reference/cache/cache (put, putAll). */
export const CACHE_LIMITS = {
  keyChars: 250,
  valueBytes: 100 * 1024,
  items: 1000,
  evictTo: 900,
  defaultTtlS: 600,
  maxTtlS: 21_600,
};

export interface Entry {
  value: string;
  expiresMs: number;
}

/** One cache (https://developers.google.com/apps-script/reference/cache/cache). */
export class CacheHost extends GasObject implements Partial<GoogleAppsScript.Cache.Cache> {
  readonly gasService = 'CacheService';
  readonly gasClass = 'Cache';
  constructor(
    private readonly _core: EnvCore,
    readonly _entries: Map<string, Entry>,
  ) {
    super();
  }
  private _now(): number {
    return this._core.kernel.clock.nowMs();
  }
  private _live(key: string): Entry | undefined {
    const e = this._entries.get(key);
    if (e && e.expiresMs <= this._now()) {
      this._entries.delete(key);
      return undefined;
    }
    return e;
  }
  private _ttl(seconds: unknown): number {
    if (seconds === undefined) return CACHE_LIMITS.defaultTtlS;
    const n = Number(seconds);
    if (!(n >= 1) || n > CACHE_LIMITS.maxTtlS) throw this._core.kernel.error('Invalid argument: expirationInSeconds');
    return n;
  }
  private _validate(key: string, value: string): void {
    if (key.length > CACHE_LIMITS.keyChars) throw this._core.kernel.error('Argument too large: key');
    if (Buffer.byteLength(value, 'utf8') > CACHE_LIMITS.valueBytes)
      throw this._core.kernel.error('Argument too large: value');
  }
  private _store(key: string, value: string, ttlS: number): void {
    this._entries.delete(key); // re-inserting moves the key to the back of the FIFO eviction order
    this._entries.set(key, { value, expiresMs: this._now() + ttlS * 1000 });
    if (this._entries.size >= CACHE_LIMITS.items) {
      // Full caches drop their oldest entries (J. Poehnelt, "Exploring Apps Script CacheService limits").
      const drop = this._entries.size - CACHE_LIMITS.evictTo;
      for (const k of [...this._entries.keys()].slice(0, drop)) this._entries.delete(k);
    }
  }
  get(key: string): string | null {
    return this._live(String(key))?.value ?? null;
  }
  getAll(keys: string[]): Record<string, string> {
    const out: Record<string, string> = {};
    for (const k of keys) {
      const e = this._live(String(k));
      if (e) out[String(k)] = e.value;
    }
    return out;
  }
  put(key: string, value: string, expirationInSeconds?: number): void {
    const ttl = this._ttl(expirationInSeconds);
    this._validate(String(key), String(value));
    this._store(String(key), String(value), ttl);
  }
  putAll(values: Record<string, unknown>, expirationInSeconds?: number): void {
    const ttl = this._ttl(expirationInSeconds);
    const entries = Object.entries(values).map(([k, v]): [string, string] => [k, String(v)]);
    for (const [k, v] of entries) this._validate(k, v);
    for (const [k, v] of entries) this._store(k, v, ttl);
  }
  remove(key: string): void {
    this._entries.delete(String(key));
  }
  removeAll(keys: string[]): void {
    for (const k of keys) this._entries.delete(String(k));
  }
}
