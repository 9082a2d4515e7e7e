// Utilities (https://developers.google.com/apps-script/reference/utilities/utilities): Java date formats,
// formatString, base64, digests and HMACs as signed bytes, UUIDs, newBlob and sleep on the simulated clock.
import { createHash, createHmac } from 'node:crypto';
import { GasObject, NotImplementedError, isDateLike, type Kernel } from '../host/kernel';
import type { EnvCore, ServiceModule } from '../host/env-core';
import {
  CHARSET,
  encodeCharset,
  fromByteArray,
  isByteArray,
  signatureMessage,
  toSignedBytes,
} from '../host/java-types';
import { BlobHost, newBlob } from './Blob';
import { resolveJavaZone, type JavaZone } from './java-zone';
import { PatternError, formatJavaDate } from './format-date';
import { UnparseableDateError, parseJavaDate } from './parse-date';
import { FormatStringError, formatJavaString } from './format-string';

/** The longest `Utilities.sleep` Apps Script allows. */
export const MAX_SLEEP_MS = 300_000;

const DIGESTS: Record<string, string> = {
  MD5: 'md5',
  SHA_1: 'sha1',
  SHA_256: 'sha256',
  SHA_384: 'sha384',
  SHA_512: 'sha512',
};
const MACS: Record<string, string> = {
  HMAC_MD5: 'md5',
  HMAC_SHA_1: 'sha1',
  HMAC_SHA_256: 'sha256',
  HMAC_SHA_384: 'sha384',
  HMAC_SHA_512: 'sha512',
};
const CHARSETS: readonly string[] = Object.values(CHARSET);
const enumOf = (names: string[]): Readonly<Record<string, string>> =>
  Object.freeze(Object.fromEntries(names.map((n) => [n, n])));

/** The Utilities service. */
export class UtilitiesHost extends GasObject implements Partial<GoogleAppsScript.Utilities.Utilities> {
  readonly gasService = 'Utilities';
  readonly gasClass = 'Utilities';
  readonly Charset = CHARSET as unknown as typeof GoogleAppsScript.Utilities.Charset;
  readonly DigestAlgorithm = enumOf([
    'MD2',
    ...Object.keys(DIGESTS),
  ]) as unknown as typeof GoogleAppsScript.Utilities.DigestAlgorithm;
  readonly MacAlgorithm = enumOf(Object.keys(MACS)) as unknown as typeof GoogleAppsScript.Utilities.MacAlgorithm;
  readonly RsaAlgorithm = enumOf([
    'RSA_SHA_1',
    'RSA_SHA_256',
  ]) as unknown as typeof GoogleAppsScript.Utilities.RsaAlgorithm;

  constructor(private readonly _core: EnvCore) {
    super();
  }
  private get _kernel(): Kernel {
    return this._core.kernel;
  }
  private _mismatch(method: string, args: unknown[]): Error {
    return this._kernel.error(signatureMessage(`Utilities.${method}`, args));
  }

  formatDate(...args: unknown[]): string {
    const [date, timeZone, format] = args;
    if (args.length !== 3 || !isDateLike(date) || typeof format !== 'string') throw this._mismatch('formatDate', args);
    const zone = this._zone(timeZone);
    // An Invalid Date has no fields to format; what Apps Script says then is unverified.
    if (Number.isNaN(date.getTime())) throw this._kernel.error('Invalid argument: date');
    try {
      return formatJavaDate(date.getTime(), zone, format, (id) => {
        throw new NotImplementedError(
          `Utilities.formatDate pattern letter 'z' for time zone ${id} (Java's name for it is unverified)`,
        );
      });
    } catch (e) {
      throw e instanceof PatternError ? this._kernel.error(e.message) : e;
    }
  }
  parseDate(...args: unknown[]): Date {
    const [date, timeZone, format] = args;
    if (args.length !== 3 || typeof date !== 'string' || typeof format !== 'string')
      throw this._mismatch('parseDate', args);
    const zone = this._zone(timeZone);
    try {
      return new Date(parseJavaDate(date, zone, format, this._kernel.clock.nowMs()));
    } catch (e) {
      if (e instanceof PatternError && e.message.startsWith('not implemented'))
        throw new NotImplementedError(e.message.replace(/^not implemented in the local runtime: /, ''));
      throw e instanceof PatternError || e instanceof UnparseableDateError ? this._kernel.error(e.message) : e;
    }
  }
  private _zone(timeZone: unknown): JavaZone {
    if (typeof timeZone !== 'string') throw this._kernel.error('Invalid argument: timeZone. Should be of type: String');
    const zone = resolveJavaZone(timeZone);
    // Java would quietly use GMT here; the local runtime refuses an id Java does not know.
    if (!zone)
      throw this._kernel.error(
        `Invalid argument: timeZone (unknown time zone id "${timeZone}"; Java would silently use GMT)`,
      );
    return zone;
  }

  formatString(template: string, ...args: unknown[]): string {
    if (typeof template !== 'string') throw this._mismatch('formatString', [template, ...args]);
    try {
      return formatJavaString(template, args);
    } catch (e) {
      if (!(e instanceof FormatStringError)) throw e;
      if (e.message.startsWith('not implemented'))
        throw new NotImplementedError(e.message.replace(/^not implemented in the local runtime: /, ''));
      throw this._kernel.error(e.message);
    }
  }

  sleep(milliseconds: number): void {
    if (typeof milliseconds !== 'number' || !Number.isFinite(milliseconds))
      throw this._mismatch('sleep', [milliseconds]);
    if (milliseconds < 0 || milliseconds > MAX_SLEEP_MS) throw this._kernel.error('Invalid argument: milliseconds');
    this._kernel.clock.advance(Math.floor(milliseconds));
    const ex = this._kernel.current;
    if (ex && this._kernel.clock.nowMs() - ex.start.getTime() > ex.limitMs) this._kernel.killCurrent();
  }

  getUuid(): string {
    const b = Array.from({ length: 16 }, () => Math.floor(this._core.random() * 256));
    b[6] = (b[6] & 0x0f) | 0x40;
    b[8] = (b[8] & 0x3f) | 0x80;
    const hex = b.map((x) => x.toString(16).padStart(2, '0')).join('');
    return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
  }

  newBlob(...args: unknown[]): GoogleAppsScript.Base.Blob {
    const [data, contentType, name] = args;
    const optional = (v: unknown): v is string | null | undefined =>
      v === undefined || v === null || typeof v === 'string';
    if (args.length < 1 || args.length > 3 || !optional(contentType) || !optional(name))
      throw this._mismatch('newBlob', args);
    const bytes = typeof data === 'string' ? data : fromByteArray(data, (m) => this._kernel.error(m));
    return newBlob(bytes, contentType, name) as unknown as GoogleAppsScript.Base.Blob;
  }

  base64Encode(...args: unknown[]): string {
    return Buffer.from(this._input('base64Encode', args, args[0], args[1], CHARSET.UTF_8)).toString('base64');
  }
  base64EncodeWebSafe(...args: unknown[]): string {
    const b64 = Buffer.from(this._input('base64EncodeWebSafe', args, args[0], args[1], CHARSET.UTF_8)).toString(
      'base64',
    );
    return b64.replace(/\+/g, '-').replace(/\//g, '_');
  }
  base64Decode(...args: unknown[]): number[] {
    return this._decode('base64Decode', args, /^[A-Za-z0-9+/]*={0,2}$/);
  }
  base64DecodeWebSafe(...args: unknown[]): number[] {
    return this._decode('base64DecodeWebSafe', args, /^[A-Za-z0-9_-]*={0,2}$/);
  }
  private _decode(method: string, args: unknown[], alphabet: RegExp): number[] {
    const [encoded, charset] = args;
    if (typeof encoded !== 'string' || (charset !== undefined && !CHARSETS.includes(charset as string)))
      throw this._mismatch(method, args);
    if (encoded.length % 4 !== 0 || !alphabet.test(encoded)) throw this._kernel.error('Could not decode string.');
    const standard = encoded.replace(/-/g, '+').replace(/_/g, '/');
    return toSignedBytes(new Uint8Array(Buffer.from(standard, 'base64')));
  }

  computeDigest(...args: unknown[]): number[] {
    const [algorithm, value, charset] = args;
    const name = String(algorithm);
    if (name === 'MD2') throw new NotImplementedError('Utilities.computeDigest with DigestAlgorithm.MD2');
    if (!DIGESTS[name] || args.length < 2 || args.length > 3) throw this._mismatch('computeDigest', args);
    const bytes = this._input('computeDigest', args, value, charset, CHARSET.US_ASCII);
    return toSignedBytes(new Uint8Array(createHash(DIGESTS[name]).update(bytes).digest()));
  }
  computeHmacSha256Signature(...args: unknown[]): number[] {
    if (args.length < 2 || args.length > 3) throw this._mismatch('computeHmacSha256Signature', args);
    return this._hmac('computeHmacSha256Signature', args, 'HMAC_SHA_256', args[0], args[1], args[2]);
  }
  computeHmacSignature(...args: unknown[]): number[] {
    if (!MACS[String(args[0])] || args.length < 3 || args.length > 4)
      throw this._mismatch('computeHmacSignature', args);
    return this._hmac('computeHmacSignature', args, String(args[0]), args[1], args[2], args[3]);
  }
  private _hmac(
    method: string,
    args: unknown[],
    algorithm: string,
    value: unknown,
    key: unknown,
    charset: unknown,
  ): number[] {
    const bothStrings = typeof value === 'string' && typeof key === 'string';
    const bothBytes = Array.isArray(value) && Array.isArray(key);
    if ((!bothStrings && !bothBytes) || (bothBytes && charset !== undefined)) throw this._mismatch(method, args);
    const v = this._input(method, args, value, charset, CHARSET.US_ASCII);
    const k = this._input(method, args, key, charset, CHARSET.US_ASCII);
    return toSignedBytes(new Uint8Array(createHmac(MACS[algorithm], k).update(v).digest()));
  }

  /**
   * A string (encoded with `charset`, else `fallback`) or a byte[] → host bytes. Digests and HMACs of a
   * string without a charset see US-ASCII ('?' for anything else), as gas-fakes measured against Apps Script.
   */
  private _input(method: string, args: unknown[], data: unknown, charset: unknown, fallback: string): Uint8Array {
    if (typeof data === 'string') {
      if (charset !== undefined && !CHARSETS.includes(charset as string)) throw this._mismatch(method, args);
      return encodeCharset(data, charset === undefined ? fallback : String(charset));
    }
    if (charset !== undefined || !Array.isArray(data)) throw this._mismatch(method, args);
    if (!isByteArray(data)) throw this._kernel.error(`Cannot convert ${String(data)} to byte[].`);
    return fromByteArray(data, (m) => this._kernel.error(m));
  }
}

/** The Utilities module: the service and its Blob class. */
export function createUtilitiesModule(core: EnvCore): ServiceModule & { utilities: UtilitiesHost } {
  const utilities = new UtilitiesHost(core);
  return { globals: { Utilities: utilities }, utilities };
}

export { BlobHost };
