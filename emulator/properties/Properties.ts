// Properties (https://developers.google.com/apps-script/reference/properties/properties): a store of strings with
// Apps Script's size limits.
import { GasObject } from '../host/kernel';
import type { EnvCore } from '../host/env-core';

/** 9 KB per value and 500 KB per store (https://developers.google.com/apps-script/guides/services/quotas). */
export const PROPERTY_VALUE_LIMIT = 9 * 1024;
export const PROPERTY_STORE_LIMIT = 500 * 1024;

const bytes = (s: string): number => Buffer.byteLength(s, 'utf8');

/** One property store (https://developers.google.com/apps-script/reference/properties/properties). */
export class PropertiesHost extends GasObject implements Partial<GoogleAppsScript.Properties.Properties> {
  readonly gasService = 'PropertiesService';
  readonly gasClass = 'Properties';
  constructor(
    private readonly _core: EnvCore,
    readonly _store: Map<string, string>,
  ) {
    super();
  }
  private _self(): GoogleAppsScript.Properties.Properties {
    return this as unknown as GoogleAppsScript.Properties.Properties;
  }
  private _check(method: string, args: unknown[]): void {
    if (args.some((a) => a === null || a === undefined)) {
      const types = args.map((a) =>
        a === null || a === undefined ? 'null' : typeof a === 'string' ? 'String' : typeof a,
      );
      throw this._core.kernel.error(
        `The parameters (${types.join(',')}) don't match the method signature for PropertiesService.Properties.${method}.`,
      );
    }
  }
  /** Applies `entries` to a copy of the store, checks the limits, then commits. */
  private _write(entries: [string, string][], clearFirst = false): void {
    const next = clearFirst ? new Map<string, string>() : new Map(this._store);
    for (const [k, v] of entries) {
      if (bytes(k) + bytes(v) > PROPERTY_VALUE_LIMIT) throw this._core.kernel.error('Argument too large: value');
      next.set(k, v);
    }
    let total = 0;
    for (const [k, v] of next) total += bytes(k) + bytes(v);
    if (total > PROPERTY_STORE_LIMIT) {
      throw this._core.kernel.error(
        'You have exceeded the property storage quota. Please remove some properties and try again.',
      );
    }
    this._store.clear();
    for (const [k, v] of next) this._store.set(k, v);
  }
  getProperty(key: string): string | null {
    this._check('getProperty', [key]);
    return this._store.get(String(key)) ?? null;
  }
  getProperties(): Record<string, string> {
    return Object.fromEntries(this._store);
  }
  getKeys(): string[] {
    return [...this._store.keys()];
  }
  setProperty(key: string, value: string): GoogleAppsScript.Properties.Properties {
    this._check('setProperty', [key, value]);
    this._write([[String(key), String(value)]]);
    return this._self();
  }
  setProperties(
    properties: Record<string, unknown>,
    deleteAllOthers?: boolean,
  ): GoogleAppsScript.Properties.Properties {
    this._check('setProperties', [properties]);
    const entries = Object.entries(properties).map(([k, v]): [string, string] => [k, String(v)]);
    this._write(entries, deleteAllOthers === true);
    return this._self();
  }
  deleteProperty(key: string): GoogleAppsScript.Properties.Properties {
    this._check('deleteProperty', [key]);
    this._store.delete(String(key));
    return this._self();
  }
  deleteAllProperties(): GoogleAppsScript.Properties.Properties {
    this._store.clear();
    return this._self();
  }
}
