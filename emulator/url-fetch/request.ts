// Turns UrlFetchApp's (url, params) into the HTTP request Apps Script would send: option checks, URL
// escaping and length, the manifest's urlFetchWhitelist, payload encoding (form, multipart, bytes, blob).
import { GasException, GasObject, NotImplementedError } from '../host/kernel';
import { fromByteArray, signatureMessage } from '../host/java-types';
import { blobOf } from '../base/Blob';
import type { HttpRequest } from './http-router';

/** Options Apps Script documents (https://developers.google.com/apps-script/reference/url-fetch/url-fetch-app#fetch(String,Object)). */
const OPTIONS = new Set([
  'method',
  'contentType',
  'headers',
  'payload',
  'muteHttpExceptions',
  'followRedirects',
  'validateHttpsCertificates',
  'escaping',
]);
const METHODS = new Set(['get', 'delete', 'patch', 'post', 'put']);
/** "The URL can have up to 2,082 characters." (UrlFetchApp.fetch reference) */
export const MAX_URL_CHARS = 2082;
const FORM = 'application/x-www-form-urlencoded';

/** A request ready to send, with the options that shape its handling. */
export interface PreparedRequest extends HttpRequest {
  muteHttpExceptions: boolean;
  followRedirects: boolean;
  contentType: string | null;
  /** The method as the app wrote it (lower case), for getRequest. */
  methodOption: string;
}

const error = (m: string): GasException => new GasException(m);
const isPlainObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v) && !(v instanceof GasObject);

/** Percent-encodes what a URL cannot carry (spaces, non-ASCII, quotes…), leaving existing %XX alone. */
export function escapeUrl(url: string): string {
  return Array.from(url, (ch) => (/[A-Za-z0-9\-._~:/?#[\]@!$&'()*+,;=%]/.test(ch) ? ch : encodeURIComponent(ch))).join(
    '',
  );
}

/** Java's URLEncoder (form encoding): space as '+', only A–Z a–z 0–9 . - * _ kept. */
export function formEncode(s: string): string {
  return Array.from(Buffer.from(s, 'utf8'), (b) => {
    const c = String.fromCharCode(b);
    if (/[A-Za-z0-9.\-*_]/.test(c)) return c;
    return c === ' ' ? '+' : `%${b.toString(16).toUpperCase().padStart(2, '0')}`;
  }).join('');
}

function checkWhitelist(url: string, whitelist: string[] | undefined): void {
  if (!whitelist) return;
  const ok = whitelist.some((prefix) => {
    const wild = /^https:\/\/\*\.([^/]+)(\/.*)?$/.exec(prefix);
    if (!wild) return url.startsWith(prefix);
    const m = /^https:\/\/([^/?#]+)(.*)$/.exec(url);
    return !!m && m[1].endsWith(`.${wild[1]}`) && m[2].startsWith(wild[2] ?? '/');
  });
  if (!ok) throw error(`Request to ${url} failed because the URL has not been whitelisted in the script manifest.`);
}

function prepareUrl(url: string, escaping: boolean): string {
  const out = escaping ? escapeUrl(url) : url;
  if (!/^https?:\/\/[^/?#\s]+[^\s]*$/i.test(out) || /[^\x21-\x7e]/.test(out)) throw error(`Invalid argument: ${url}`);
  if (out.length > MAX_URL_CHARS) throw error('Limit Exceeded: URLFetch URL Length.');
  return out;
}

function headersOf(v: unknown): Record<string, string> {
  if (v === undefined || v === null) return {};
  if (!isPlainObject(v)) throw error('Invalid argument: headers');
  const out: Record<string, string> = {};
  for (const [k, x] of Object.entries(v)) {
    // Whether Apps Script honours a Content-Type header is unverified; the contentType option always works.
    if (k.toLowerCase() === 'content-type')
      throw new NotImplementedError('UrlFetchApp headers["Content-Type"] (use the contentType option)');
    out[k] = String(x);
  }
  return out;
}

/** The payload as bytes plus the content type it implies when `contentType` is not given. */
function encodePayload(
  payload: unknown,
  contentType: string | null,
  seed: string,
): { bytes: Uint8Array; type: string } {
  if (typeof payload === 'string') return { bytes: new Uint8Array(Buffer.from(payload, 'utf8')), type: FORM };
  if (Array.isArray(payload)) return { bytes: fromByteArray(payload, error), type: FORM };
  const blob = blobOf(payload);
  if (blob) return { bytes: blob._bytes.slice(), type: blob._contentType ?? FORM };
  if (!isPlainObject(payload)) throw error('Invalid argument: payload');
  const entries = Object.entries(payload);
  if (entries.some(([, v]) => blobOf(v)) || (contentType ?? '').startsWith('multipart/form-data'))
    return multipart(entries, seed);
  const form = entries.map(([k, v]) => {
    if (v !== null && typeof v === 'object')
      throw new NotImplementedError(`UrlFetchApp payload field "${k}" holding an object (stringify it yourself)`);
    return `${formEncode(k)}=${formEncode(String(v))}`;
  });
  // A JS object is always sent form-encoded, even when contentType claims JSON (a common Apps Script bug).
  return { bytes: new Uint8Array(Buffer.from(form.join('&'), 'utf8')), type: FORM };
}

function multipart(entries: [string, unknown][], seed: string): { bytes: Uint8Array; type: string } {
  const boundary = `----gaslocal${seed}`;
  const parts: Buffer[] = [];
  for (const [k, v] of entries) {
    const blob = blobOf(v);
    const head = blob
      ? `--${boundary}\r\nContent-Disposition: form-data; name="${k}"; filename="${blob._name ?? k}"\r\nContent-Type: ${blob._contentType ?? 'application/octet-stream'}\r\n\r\n`
      : `--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n`;
    parts.push(
      Buffer.from(head, 'utf8'),
      blob ? Buffer.from(blob._bytes) : Buffer.from(String(v), 'utf8'),
      Buffer.from('\r\n'),
    );
  }
  parts.push(Buffer.from(`--${boundary}--\r\n`));
  return { bytes: new Uint8Array(Buffer.concat(parts)), type: `multipart/form-data; boundary=${boundary}` };
}

/** Builds the request for fetch/fetchAll/getRequest, or throws Apps Script's error for bad input. */
export function prepareRequest(
  method: string,
  url: unknown,
  params: unknown,
  whitelist: string[] | undefined,
  seed: string,
): PreparedRequest {
  if (typeof url !== 'string' || (params !== undefined && params !== null && !isPlainObject(params))) {
    throw error(signatureMessage(`UrlFetchApp.${method}`, params === undefined ? [url] : [url, params]));
  }
  const p = (params ?? {}) as Record<string, unknown>;
  for (const k of Object.keys(p)) if (!OPTIONS.has(k)) throw new NotImplementedError(`UrlFetchApp option "${k}"`);
  const methodOption = p.method === undefined ? 'get' : String(p.method).toLowerCase();
  if (!METHODS.has(methodOption)) throw new NotImplementedError(`UrlFetchApp method "${String(p.method)}"`);
  const finalUrl = prepareUrl(url, p.escaping !== false);
  checkWhitelist(finalUrl, whitelist);
  const headers = headersOf(p.headers);
  const contentType = p.contentType === undefined || p.contentType === null ? null : String(p.contentType);
  let bytes: Uint8Array | null = null;
  if (p.payload !== undefined && p.payload !== null) {
    if (methodOption === 'get') throw new NotImplementedError('UrlFetchApp payload with method "get"');
    const encoded = encodePayload(p.payload, contentType, seed);
    bytes = encoded.bytes;
    headers['Content-Type'] = encoded.type.startsWith('multipart/') ? encoded.type : (contentType ?? encoded.type);
  } else if (contentType !== null) headers['Content-Type'] = contentType;
  return {
    method: methodOption.toUpperCase(),
    methodOption,
    url: finalUrl,
    headers,
    payload: bytes ? Buffer.from(bytes).toString('utf8') : null,
    bytes,
    muteHttpExceptions: p.muteHttpExceptions === true,
    followRedirects: p.followRedirects !== false,
    contentType,
  };
}
