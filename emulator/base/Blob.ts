// Blob (https://developers.google.com/apps-script/reference/base/blob): bytes, content type and name, shared
// by Utilities, MailApp attachments, UrlFetch responses and Drive exports.
import { GasException, GasObject, NotImplementedError } from '../host/kernel';
import { decodeJavaCharset, encodeJavaCharset, fromByteArray, toSignedBytes } from '../host/java-types';

const error = (message: string): Error => new GasException(message);

/** MIME types `setContentTypeFromExtension` knows; other extensions fail loudly. */
const BY_EXTENSION: Record<string, string> = {
  txt: 'text/plain',
  html: 'text/html',
  htm: 'text/html',
  csv: 'text/csv',
  json: 'application/json',
  pdf: 'application/pdf',
  png: 'image/png',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  gif: 'image/gif',
  zip: 'application/zip',
  xml: 'text/xml',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

/** A Blob. Host code reads `_bytes` (unsigned) directly; the app sees Apps Script's methods. */
export class BlobHost extends GasObject implements Partial<GoogleAppsScript.Base.Blob> {
  readonly gasService = 'Base';
  readonly gasClass = 'Blob';
  constructor(
    public _bytes: Uint8Array,
    public _contentType: string | null = null,
    public _name: string | null = null,
  ) {
    super();
  }

  /** A blob of a string's UTF-8 bytes (content type text/plain unless given, as Utilities.newBlob(string)). */
  static _fromString(s: string, contentType?: string | null, name?: string | null): BlobHost {
    return new BlobHost(new Uint8Array(Buffer.from(s, 'utf8')), contentType ?? 'text/plain', name ?? null);
  }

  /** The bytes as UTF-8 text (host helper). */
  _text(): string {
    return Buffer.from(this._bytes).toString('utf8');
  }

  getBytes(): number[] {
    return toSignedBytes(this._bytes);
  }
  setBytes(data: number[]): GoogleAppsScript.Base.Blob {
    this._bytes = fromByteArray(data, error);
    return this._self();
  }
  getDataAsString(charset?: string): string {
    if (charset === undefined) return this._text();
    return decodeJavaCharset(this._bytes, String(charset), error);
  }
  setDataFromString(string: string, charset?: string): GoogleAppsScript.Base.Blob {
    this._bytes =
      charset === undefined
        ? new Uint8Array(Buffer.from(String(string), 'utf8'))
        : encodeJavaCharset(String(string), String(charset), error);
    return this._self();
  }
  getContentType(): string | null {
    return this._contentType;
  }
  setContentType(contentType: string | null): GoogleAppsScript.Base.Blob {
    this._contentType = contentType === null ? null : String(contentType);
    return this._self();
  }
  setContentTypeFromExtension(): GoogleAppsScript.Base.Blob {
    const ext = /\.([^.]+)$/.exec(this._name ?? '')?.[1]?.toLowerCase();
    const type = ext ? BY_EXTENSION[ext] : undefined;
    if (!type)
      throw new NotImplementedError(
        `Blob.setContentTypeFromExtension for "${this._name}" (extension unknown to the local runtime)`,
      );
    this._contentType = type;
    return this._self();
  }
  getName(): string | null {
    return this._name;
  }
  setName(name: string): GoogleAppsScript.Base.Blob {
    this._name = name === null ? null : String(name);
    return this._self();
  }
  copyBlob(): GoogleAppsScript.Base.Blob {
    return new BlobHost(this._bytes.slice(), this._contentType, this._name) as unknown as GoogleAppsScript.Base.Blob;
  }
  getBlob(): GoogleAppsScript.Base.Blob {
    return this._self();
  }
  isGoogleType(): boolean {
    return (this._contentType ?? '').startsWith('application/vnd.google-apps.');
  }
  /**
   * Only the identity conversion is emulated (a copy renamed to the new extension, as
   * https://developers.google.com/apps-script/reference/base/blob#getAs(String) names files); real
   * conversions (e.g. to PDF or between image formats) fail loudly.
   */
  getAs(contentType: string): GoogleAppsScript.Base.Blob {
    if (String(contentType) !== this._contentType) {
      throw new NotImplementedError(
        `Blob.getAs('${contentType}') from ${this._contentType ?? 'no content type'} (conversion)`,
      );
    }
    return new BlobHost(
      this._bytes.slice(),
      this._contentType,
      renameForType(this._name, contentType),
    ) as unknown as GoogleAppsScript.Base.Blob;
  }
  toString(): string {
    return 'Blob';
  }
  private _self(): GoogleAppsScript.Base.Blob {
    return this as unknown as GoogleAppsScript.Base.Blob;
  }
}

const EXTENSION_FOR: Record<string, string> = {
  'application/pdf': 'pdf',
  'text/plain': 'txt',
  'text/html': 'html',
  'image/png': 'png',
  'image/jpeg': 'jpg',
  'image/gif': 'gif',
};

/** Apps Script's getAs naming: the part after the last dot is replaced ("a.b.c" → "a.b.pdf"). */
export function renameForType(name: string | null, contentType: string): string | null {
  const ext = EXTENSION_FOR[contentType];
  if (name === null || !ext) return name;
  const dot = name.lastIndexOf('.');
  return `${dot > 0 ? name.slice(0, dot) : name}.${ext}`;
}

/** Utilities.newBlob semantics for host code: a string (UTF-8, text/plain) or host bytes. */
export function newBlob(data: string | Uint8Array, contentType?: string | null, name?: string | null): BlobHost {
  if (typeof data === 'string') return BlobHost._fromString(data, contentType, name);
  return new BlobHost(data.slice(), contentType ?? null, name ?? null);
}

/** The blob behind any BlobSource the app passes (a Blob, a Drive file, an HTTPResponse…), or null. */
export function blobOf(source: unknown): BlobHost | null {
  if (source instanceof BlobHost) return source;
  const getBlob = (source as { getBlob?: unknown } | null)?.getBlob;
  if (source instanceof GasObject && typeof getBlob === 'function') {
    const b = (getBlob as () => unknown).call(source);
    return b instanceof BlobHost ? b : null;
  }
  return null;
}
