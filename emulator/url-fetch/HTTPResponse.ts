// HTTPResponse (https://developers.google.com/apps-script/reference/url-fetch/http-response): code, headers and body of a fetched response.
import { GasObject, type Kernel } from '../host/kernel';
import { decodeJavaCharset, toSignedBytes } from '../host/java-types';
import { BlobHost } from '../base/Blob';
import type { HttpResult } from './http-router';

/** An HTTP response as the app sees it. */
export class HTTPResponseHost extends GasObject implements Partial<GoogleAppsScript.URL_Fetch.HTTPResponse> {
  readonly gasService = 'UrlFetchApp';
  readonly gasClass = 'HTTPResponse';
  constructor(
    readonly _result: HttpResult,
    private readonly _kernel: Kernel,
  ) {
    super();
  }
  getResponseCode(): number {
    return this._result.status;
  }
  getContent(): number[] {
    return toSignedBytes(this._result.body);
  }
  /** Decodes with `charset`, else the Content-Type's charset, else UTF-8. */
  getContentText(charset?: string): string {
    const declared = /charset=([^;\s]+)/i.exec(this._header('content-type') ?? '')?.[1];
    return decodeJavaCharset(this._result.body, charset ?? declared ?? 'UTF-8', (m) => this._kernel.error(m));
  }
  getBlob(): GoogleAppsScript.Base.Blob {
    const type = this._header('content-type')?.split(';')[0].trim() || null;
    return new BlobHost(this._result.body.slice(), type, null) as unknown as GoogleAppsScript.Base.Blob;
  }
  getAs(contentType: string): GoogleAppsScript.Base.Blob {
    return (this.getBlob() as unknown as BlobHost).getAs(contentType);
  }
  /** One value per header (the first when repeated). */
  getHeaders(): object {
    const out: Record<string, string> = {};
    for (const [k, v] of this._result.headers) if (!(k in out)) out[k] = v;
    return out;
  }
  /** Repeated headers (e.g. Set-Cookie) come back as arrays. */
  getAllHeaders(): object {
    const out: Record<string, string | string[]> = {};
    for (const [k, v] of this._result.headers) {
      const prev = out[k];
      out[k] = prev === undefined ? v : Array.isArray(prev) ? [...prev, v] : [prev, v];
    }
    return out;
  }
  _header(name: string): string | undefined {
    return this._result.headers.find(([k]) => k.toLowerCase() === name)?.[1];
  }
}
