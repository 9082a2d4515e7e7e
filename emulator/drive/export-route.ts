// The Drive v3 REST endpoints as UrlFetchApp reaches them inside the runtime: `GET files/<id>/export` with
// the script's OAuth token answers a PDF of the document's current content, with Drive's
// JSON errors for a missing or wrong token (401), missing scope (403) and unknown file (404).
// https://developers.google.com/drive/api/reference/rest/v3/files/export
import type { EnvCore } from '../host/env-core';
import type { HttpReply, HttpRequest } from '../url-fetch/http-router';
import { NotImplementedError } from '../host/kernel';
import { MIME, type DriveStore } from './store';
import { docToPdf } from '../host/export/pdf';
import { oauthTokenFor } from '../script/ScriptApp';
import { ACCEPTED_SCOPES, grantFor } from '../host/advanced-scopes';
import { API_MESSAGES } from '../host/google-json-error';

export const DRIVE_API_PREFIX = 'https://www.googleapis.com/drive/v3/files';
const DEVCONSOLE =
  ' Expected OAuth 2 access token, login cookie or other valid authentication credential. See https://developers.google.com/identity/sign-in/web/devconsole-project.';
/** Export formats of a Google Doc Drive offers (files.export); only PDF is rendered here. */
const DOC_EXPORTS = new Set([
  'application/pdf',
  'text/plain',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  'application/vnd.oasis.opendocument.text',
  'application/rtf',
  'text/html',
  'application/zip',
  'application/epub+zip',
  'text/markdown',
]);

function error(status: number, message: string, reason: string, extra: Record<string, string> = {}): HttpReply {
  const statusName = { 400: 'INVALID_ARGUMENT', 401: 'UNAUTHENTICATED', 403: 'PERMISSION_DENIED', 404: 'NOT_FOUND' }[
    status
  ];
  return {
    status,
    headers: {
      'Content-Type': 'application/json; charset=UTF-8',
      ...(status === 401 ? { 'WWW-Authenticate': 'Bearer realm="https://accounts.google.com/"' } : {}),
    },
    body: {
      error: {
        code: status,
        message,
        errors: [{ message, domain: 'global', reason, ...extra }],
        ...(statusName ? { status: statusName } : {}),
      },
    },
  };
}

function header(req: HttpRequest, name: string): string | undefined {
  const key = Object.keys(req.headers).find((k) => k.toLowerCase() === name);
  return key === undefined ? undefined : req.headers[key];
}

/** Checks the bearer token: it must be one `ScriptApp.getOAuthToken()` handed out to the running user (or the owner). */
function authFailure(core: EnvCore, req: HttpRequest): HttpReply | null {
  const auth = header(req, 'authorization');
  if (!auth)
    return error(401, 'Request is missing required authentication credential.' + DEVCONSOLE, 'required', {
      location: 'Authorization',
      locationType: 'header',
    });
  const token = /^Bearer\s+(.+)$/i.exec(auth)?.[1];
  const users = [core.kernel.current?.effectiveUser, core.options.owner].filter((u): u is string => !!u);
  if (!token || !users.some((u) => oauthTokenFor(core, u) === token)) {
    return error(401, 'Request had invalid authentication credentials.' + DEVCONSOLE, 'authError', {
      location: 'Authorization',
      locationType: 'header',
    });
  }
  return null;
}

/** The handler UrlFetch's router calls for URLs under DRIVE_API_PREFIX. */
export function driveApiRoute(core: EnvCore, store: DriveStore): (req: HttpRequest) => HttpReply {
  return (req) => {
    const url = new URL(req.url);
    const m = /^\/drive\/v3\/files\/([^/]+)\/export$/.exec(url.pathname);
    if (!m || req.method !== 'GET')
      throw new NotImplementedError(
        `Drive REST ${req.method} ${url.pathname} through UrlFetchApp (only GET files/<id>/export)`,
      );
    const denied = authFailure(core, req);
    if (denied) return denied;
    let grant;
    try {
      grant = grantFor(
        core,
        'drive.files.export',
        ACCEPTED_SCOPES.driveRead.filter((s) => !s.startsWith('drive.metadata')),
      );
    } catch {
      return error(403, API_MESSAGES.insufficientScopes, 'insufficientPermissions');
    }
    const id = decodeURIComponent(m[1]);
    const f = store.find(id);
    if (!f || (grant === 'appFiles' && !f.appCreated))
      return error(404, API_MESSAGES.fileNotFound(id), 'notFound', { location: 'fileId', locationType: 'parameter' });
    const mimeType = url.searchParams.get('mimeType');
    if (!mimeType)
      return error(400, 'Required parameter: mimeType', 'required', {
        location: 'mimeType',
        locationType: 'parameter',
      });
    if (f.mimeType !== MIME.document || !f.doc)
      return error(403, 'Export only supports Docs Editors files.', 'fileNotExportable');
    if (!DOC_EXPORTS.has(mimeType))
      return error(400, 'The requested conversion is not supported.', 'badRequest', {
        location: 'convertTo',
        locationType: 'parameter',
      });
    if (mimeType === 'application/pdf')
      return {
        status: 200,
        headers: { 'Content-Type': 'application/pdf' },
        body: docToPdf(f.doc, f.name, core.kernel.clock.now()),
      };
    throw new NotImplementedError(`Drive export of a Google Doc as ${mimeType}`);
  };
}
