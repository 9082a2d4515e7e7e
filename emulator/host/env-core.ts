// What every service module of the local runtime receives: the kernel, the environment's options and the
// loaded bundle. Each module exports a factory `(core: EnvCore) => ServiceModule`; emulator/index.ts wires them.
import type { Kernel } from './kernel';

export type AccountType = 'workspace' | 'consumer';

/** The parts of appsscript.json the runtime reads. */
export interface Manifest {
  timeZone?: string;
  runtimeVersion?: string;
  exceptionLogging?: string;
  oauthScopes?: string[];
  urlFetchWhitelist?: string[];
  dependencies?: { enabledAdvancedServices?: { userSymbol: string; serviceId: string; version: string }[] };
  /** https://developers.google.com/apps-script/manifest/web-app-api-executable#webapp */
  webapp?: {
    executeAs?: 'USER_DEPLOYING' | 'USER_ACCESSING';
    access?: 'MYSELF' | 'DOMAIN' | 'ANYONE' | 'ANYONE_ANONYMOUS';
  };
}

export interface ResolvedOptions {
  owner: string;
  timeZone: string;
  spreadsheetTimeZone: string;
  locale: string;
  accountType: AccountType;
  /** Seed for deterministic randomness (trigger minute jitter, ids). */
  seed: number;
}

export interface EnvCore {
  kernel: Kernel;
  options: ResolvedOptions;
  /** The loaded manifest; null until `loadBundle`. */
  manifest: Manifest | null;
  /** Files of the loaded bundle by name (`Code.js`, `Sidebar.html`, …). */
  files: Map<string, string>;
  /** Deterministic pseudo-random numbers in [0, 1) from the environment's seed. */
  random(): number;
}

/** What a service module gives the app: its globals, by Apps Script name. */
export interface ServiceModule {
  globals: Record<string, object>;
}
