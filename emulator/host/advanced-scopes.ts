// Scope checks for the advanced services. An advanced service calls a Google API with the script's token,
// so a scope missing from the manifest shows up as the API's 403, not as Apps Script's
// "Specified permissions are not sufficient" (that one is for built-in services).
import type { EnvCore } from './env-core';
import { GoogleJsonResponseException, API_MESSAGES } from './google-json-error';

const PREFIX = 'https://www.googleapis.com/auth/';

/** What the granted scopes allow for a call: everything, only files the app created (`drive.file`), or nothing. */
export type Grant = 'all' | 'appFiles';

/** Scopes each API method accepts (Drive v3 / Docs v1 reference pages, "Authorization scopes"). */
export const ACCEPTED_SCOPES = {
  driveRead: ['drive', 'drive.readonly', 'drive.metadata', 'drive.metadata.readonly', 'drive.file'],
  driveWrite: ['drive', 'drive.file'],
  docsRead: ['documents', 'documents.readonly', 'drive', 'drive.readonly', 'drive.file'],
  docsWrite: ['documents', 'drive', 'drive.file'],
} as const;

/**
 * Checks the manifest's scopes for one API call inside an execution; throws the API's 403 when none fits.
 * Outside an execution (a test arranging state) or before a bundle is loaded, everything is allowed.
 */
export function grantFor(core: EnvCore, apiMethod: string, accepted: readonly string[]): Grant {
  const granted = core.kernel.current ? core.kernel.scopes : null;
  if (!granted) return 'all';
  const has = (s: string): boolean => granted.includes(PREFIX + s);
  if (accepted.some((s) => s !== 'drive.file' && has(s))) return 'all';
  if (accepted.includes('drive.file') && has('drive.file')) return 'appFiles';
  throw new GoogleJsonResponseException(apiMethod, 403, API_MESSAGES.insufficientScopes);
}
