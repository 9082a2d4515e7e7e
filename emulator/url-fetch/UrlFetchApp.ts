// UrlFetchApp (https://developers.google.com/apps-script/reference/url-fetch/url-fetch-app): requests routed by
// env.http, redirects, Apps Script's exception for HTTP errors.
import { GasObject } from '../host/kernel';
import type { EnvCore, ServiceModule } from '../host/env-core';
import { signatureMessage } from '../host/java-types';
import { HttpHost, NoRouteError, UnreachableError, type HttpResult } from './http-router';
import { prepareRequest, type PreparedRequest } from './request';
import { failExecution } from '../host/executions';
import { DailyQuota } from '../host/daily-quota';
import { HTTPResponseHost } from './HTTPResponse';

const MAX_REDIRECTS = 10;
/** "URL Fetch calls" per user per day (https://developers.google.com/apps-script/guides/services/quotas). */
export const URLFETCH_CALLS_PER_DAY = { consumer: 20_000, workspace: 100_000 };

/** "Request failed for https://host returned code 404. Truncated server response: … (use muteHttpExceptions …)". */
export function httpErrorMessage(url: string, status: number, body: Uint8Array): string {
  const origin = /^[a-z]+:\/\/[^/?#]+/i.exec(url)?.[0] ?? url;
  const text = Buffer.from(body).toString('utf8');
  // Live messages cut the body at 147 characters and append "..." (seen in several public error logs).
  const shown = text.length > 150 ? `${text.slice(0, 147)}...` : text;
  return `Request failed for ${origin} returned code ${status}. Truncated server response: ${shown} (use muteHttpExceptions option to examine full response)`;
}

/** The UrlFetchApp service. */
export class UrlFetchAppHost extends GasObject implements Partial<GoogleAppsScript.URL_Fetch.UrlFetchApp> {
  readonly gasService = 'UrlFetchApp';
  readonly gasClass = 'UrlFetchApp';
  private _count = 0;
  private readonly _quota: DailyQuota;
  constructor(
    private readonly _core: EnvCore,
    readonly _http: HttpHost,
  ) {
    super();
    this._quota = new DailyQuota(_core.kernel.clock, () => URLFETCH_CALLS_PER_DAY[_core.options.accountType]);
  }

  fetch(...args: unknown[]): GoogleAppsScript.URL_Fetch.HTTPResponse {
    if (args.length < 1 || args.length > 2) throw this._core.kernel.error(signatureMessage('UrlFetchApp.fetch', args));
    const prepared = this._prepare('fetch', args[0], args[1]);
    this._take(1);
    return this._send(prepared) as unknown as GoogleAppsScript.URL_Fetch.HTTPResponse;
  }

  fetchAll(...args: unknown[]): GoogleAppsScript.URL_Fetch.HTTPResponse[] {
    const requests = args[0] as (string | GoogleAppsScript.URL_Fetch.URLFetchRequest)[];
    if (args.length !== 1 || !Array.isArray(requests))
      throw this._core.kernel.error(signatureMessage('UrlFetchApp.fetchAll', args));
    const prepared = requests.map((r) => {
      if (typeof r === 'string') return this._prepare('fetchAll', r, undefined);
      const { url, ...params } = (r ?? {}) as GoogleAppsScript.URL_Fetch.URLFetchRequest;
      return this._prepare('fetchAll', url, params);
    });
    this._take(prepared.length);
    return prepared.map((p) => this._send(p)) as unknown as GoogleAppsScript.URL_Fetch.HTTPResponse[];
  }

  /** The request fetch would make (keys as the reference's example shows; details unverified). */
  getRequest(
    url: string,
    params?: GoogleAppsScript.URL_Fetch.URLFetchRequestOptions,
  ): GoogleAppsScript.URL_Fetch.URLFetchRequest {
    const p = this._prepare('getRequest', url, params);
    const headers = { ...p.headers };
    delete headers['Content-Type'];
    return {
      url: p.url,
      method: p.methodOption as GoogleAppsScript.URL_Fetch.HttpMethod,
      headers,
      payload: p.payload ?? '',
      contentType: p.headers['Content-Type'] ?? p.contentType ?? undefined,
      muteHttpExceptions: p.muteHttpExceptions,
      followRedirects: p.followRedirects,
      validateHttpsCertificates: true,
      useIntranet: false,
    } as GoogleAppsScript.URL_Fetch.URLFetchRequest;
  }

  /** Counts calls against the effective user's daily URL Fetch quota. */
  private _take(n: number): void {
    const user = this._core.kernel.current?.effectiveUser ?? this._core.options.owner;
    if (!this._quota.take(user, n))
      throw this._core.kernel.error('Service invoked too many times for one day: urlfetch.');
  }

  private _prepare(method: string, url: unknown, params: unknown): PreparedRequest {
    return prepareRequest(
      method,
      url,
      params,
      this._core.manifest?.urlFetchWhitelist,
      String(++this._count).padStart(8, '0'),
    );
  }

  /** Sends, follows redirects, and throws Apps Script's error for status ≥ 400 unless muted. */
  private _send(req: PreparedRequest): HTTPResponseHost {
    const kernel = this._core.kernel;
    let current: PreparedRequest = req;
    for (let hop = 0; ; hop++) {
      const result = this._dispatch(current);
      const location = result.headers.find(([k]) => k.toLowerCase() === 'location')?.[1];
      if (
        current.followRedirects &&
        location &&
        [301, 302, 303, 307, 308].includes(result.status) &&
        hop < MAX_REDIRECTS
      ) {
        const keep = result.status === 307 || result.status === 308;
        const next = new URL(location, current.url).toString();
        current = keep
          ? { ...current, url: next }
          : {
              ...current,
              url: next,
              method: 'GET',
              payload: null,
              bytes: null,
              headers: withoutContentType(current.headers),
            };
        continue;
      }
      if (result.status >= 400 && !req.muteHttpExceptions)
        throw kernel.error(httpErrorMessage(current.url, result.status, result.body));
      return new HTTPResponseHost(result, kernel);
    }
  }

  private _dispatch(req: PreparedRequest): HttpResult {
    try {
      return this._http._dispatch(req);
    } catch (e) {
      if (e instanceof UnreachableError) throw this._core.kernel.error(e.message);
      if (e instanceof NoRouteError && this._core.kernel.current) failExecution(this._core.kernel, e.message);
      throw e;
    }
  }
}

function withoutContentType(h: Record<string, string>): Record<string, string> {
  const out = { ...h };
  delete out['Content-Type'];
  return out;
}

/** The UrlFetchApp module: the service (scope script.external_request, refused in simple triggers) and `env.http`. */
export function createUrlFetchModule(core: EnvCore): ServiceModule & { http: HttpHost } {
  core.kernel.addScopeResolver((name) =>
    name.startsWith('UrlFetchApp.') && !name.startsWith('UrlFetchApp.HTTPResponse.')
      ? { scopes: ['script.external_request'], limitedRefused: true }
      : undefined,
  );
  const http = new HttpHost(() => core.kernel.clock.now());
  return { globals: { UrlFetchApp: new UrlFetchAppHost(core, http) }, http };
}
