// The manifest the app ships (its scopes and advanced services) and a check setup that loads it: shared by the
// Drive, Docs and export tests.
import type { GasEnvironment, Manifest } from '../../emulator/index';

const scope = (s: string): string => 'https://www.googleapis.com/auth/' + s;
/** decisions.md §3: the app's seven scopes. */
export const APP_SCOPES = [
  'spreadsheets.currentonly',
  'drive',
  'script.send_mail',
  'script.scriptapp',
  'script.container.ui',
  'script.external_request',
  'userinfo.email',
].map(scope);
export const ADVANCED = [
  { userSymbol: 'Drive', serviceId: 'drive', version: 'v3' },
  { userSymbol: 'Docs', serviceId: 'docs', version: 'v1' },
];

/** A setup that loads an empty bundle whose manifest enables the given advanced services and scopes. */
export function manifest(scopes: string[] = APP_SCOPES, services = ADVANCED): (env: GasEnvironment) => void {
  const m: Manifest = {
    timeZone: 'Asia/Shanghai',
    oauthScopes: scopes,
    dependencies: { enabledAdvancedServices: services },
  };
  return (env) => env.loadSource('', m);
}
