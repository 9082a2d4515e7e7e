// PropertiesService (https://developers.google.com/apps-script/reference/properties/properties-service): the script, user and document stores.
import { GasObject } from '../host/kernel';
import type { EnvCore, ServiceModule } from '../host/env-core';
import { perUser, runningAs } from '../base/Session';
import { PropertiesHost } from './Properties';

/** PropertiesService (https://developers.google.com/apps-script/reference/properties/properties-service). */
export class PropertiesServiceHost extends GasObject implements Partial<GoogleAppsScript.Properties.PropertiesService> {
  readonly gasService = 'PropertiesService';
  readonly gasClass = 'PropertiesService';
  readonly _script = new Map<string, string>();
  readonly _document = new Map<string, string>();
  readonly _user = new Map<string, Map<string, string>>();
  constructor(private readonly _core: EnvCore) {
    super();
  }
  /** The user store of `email` (host access for tests). */
  _userStore(email: string): Map<string, string> {
    return perUser(this._user, email, () => new Map<string, string>());
  }
  getScriptProperties(): GoogleAppsScript.Properties.Properties {
    return new PropertiesHost(this._core, this._script) as unknown as GoogleAppsScript.Properties.Properties;
  }
  getDocumentProperties(): GoogleAppsScript.Properties.Properties {
    return new PropertiesHost(this._core, this._document) as unknown as GoogleAppsScript.Properties.Properties;
  }
  getUserProperties(): GoogleAppsScript.Properties.Properties {
    const store = this._userStore(runningAs(this._core));
    return new PropertiesHost(this._core, store) as unknown as GoogleAppsScript.Properties.Properties;
  }
}

/** The PropertiesService module. */
export function createPropertiesModule(core: EnvCore): ServiceModule & { properties: PropertiesServiceHost } {
  const properties = new PropertiesServiceHost(core);
  return { globals: { PropertiesService: properties }, properties };
}
