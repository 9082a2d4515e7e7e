// Wires the Drive v3 and Docs v1 advanced services: each exists in an execution only when the manifest's
// `dependencies.enabledAdvancedServices` enables it, under the `userSymbol` it gives (as in Apps Script);
// an enabled service or version the runtime does not emulate is a global whose every member is loud.
import { GasObject } from './kernel';
import type { EnvCore, ServiceModule } from './env-core';
import type { ExecutionHooks, ExecutionScope } from './executions';
import type { HttpHandler } from '../url-fetch/http-router';
import { DriveStore } from '../drive/store';
import { DriveAdvancedHost } from '../drive/Drive';
import { DocsAdvancedHost } from '../docs/Docs';
import { NotImplementedServiceHost, createNotImplementedServices } from './not-implemented-services';
import { DRIVE_API_PREFIX, driveApiRoute } from '../drive/export-route';

/** What the environment gets from this module besides the globals. */
export interface AdvancedServicesModule extends ServiceModule, ExecutionHooks {
  /** The environment's Drive: files, folders and the Google Docs' content. */
  store: DriveStore;
  /** Host objects of the `Drive` and `Docs` globals (for tests arranging state as the owner, unchecked). */
  drive: DriveAdvancedHost;
  docs: DocsAdvancedHost;
  /** The Drive REST route UrlFetchApp must send `https://www.googleapis.com/drive/v3/files…` to. */
  route: { prefix: string; handler: HttpHandler };
  /** The advanced-service globals the loaded manifest enables, by userSymbol. */
  enabled(): Record<string, GasObject>;
}

export interface AdvancedServicesDeps {
  /** UrlFetch's router; when given, the Drive route is registered on it. */
  http?: { registerInternal(prefix: string, handler: HttpHandler): void };
}

/** Builds the advanced services (and the loud built-in services the app must not use). */
export function createAdvancedServices(core: EnvCore, deps: AdvancedServicesDeps = {}): AdvancedServicesModule {
  const store = new DriveStore(core.options.seed, core.kernel.clock, core.options.owner);
  const drive = new DriveAdvancedHost(core, store);
  const docs = new DocsAdvancedHost(core, store);
  // Advanced services need authorization: simple triggers (AuthMode.LIMITED) are refused.
  core.kernel.addScopeResolver((name) =>
    name.startsWith('Drive.') || name.startsWith('Docs.') ? { scopes: [], limitedRefused: true } : undefined,
  );
  const route = { prefix: DRIVE_API_PREFIX, handler: driveApiRoute(core, store) };
  deps.http?.registerInternal(route.prefix, route.handler);
  const enabled = (): Record<string, GasObject> => {
    const out: Record<string, GasObject> = {};
    for (const s of core.manifest?.dependencies?.enabledAdvancedServices ?? []) {
      if (s.serviceId === 'drive' && s.version === 'v3') out[s.userSymbol] = drive;
      else if (s.serviceId === 'docs' && s.version === 'v1') out[s.userSymbol] = docs;
      else
        out[s.userSymbol] = new NotImplementedServiceHost(`${s.serviceId} ${s.version} advanced service`, s.userSymbol);
    }
    return out;
  };
  return {
    globals: createNotImplementedServices().globals,
    store,
    drive,
    docs,
    route,
    enabled,
    begin(scope: ExecutionScope): void {
      for (const [name, host] of Object.entries(enabled())) {
        Object.defineProperty(scope.global, name, {
          value: core.kernel.expose(host),
          writable: true,
          configurable: true,
          enumerable: false,
        });
      }
    },
  };
}

/** `env.drive`: the shared Drive and the host objects behind `Drive` and `Docs` (owner access, unchecked). */
export type DriveHandle = Pick<AdvancedServicesModule, 'store' | 'drive' | 'docs' | 'enabled'>;
