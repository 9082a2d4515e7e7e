// Bytes as Apps Script shows them (Java's signed byte[]), charsets, and the "parameters don't match" error
// shared by Utilities, Blob, MailApp, UrlFetchApp and HtmlService.
import { isDateLike } from './kernel';

/** Apps Script's `Utilities.Charset` enum (its values print as their names). */
export const CHARSET = Object.freeze({ US_ASCII: 'US_ASCII', UTF_8: 'UTF_8' });

/** Host bytes → the signed byte[] (−128…127) every Apps Script method returns. */
export function toSignedBytes(bytes: Uint8Array): number[] {
  return Array.from(new Int8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength));
}

/** True for an app value that is a Java byte[]: an array of integers in −128…127. */
export function isByteArray(v: unknown): v is number[] {
  return Array.isArray(v) && v.every((b) => typeof b === 'number' && Number.isInteger(b) && b >= -128 && b <= 127);
}

/**
 * The app's byte[] → host bytes. Values outside −128…127 are refused (Java cannot hold them in a byte;
 * whether Apps Script wraps or throws is unverified, so the local runtime refuses).
 */
export function fromByteArray(v: unknown, error: (message: string) => Error): Uint8Array {
  if (!Array.isArray(v)) throw error(`Cannot convert ${String(v)} to byte[].`);
  const out = new Uint8Array(v.length);
  v.forEach((b, i) => {
    if (typeof b !== 'number' || !Number.isInteger(b) || b < -128 || b > 127)
      throw error(`Cannot convert ${String(b)} to byte.`);
    out[i] = b & 0xff;
  });
  return out;
}

/** Encodes with a `Utilities.Charset`: UTF-8, or US-ASCII where every non-ASCII character becomes '?' (Java's encoder). */
export function encodeCharset(s: string, charset: string): Uint8Array {
  if (charset === CHARSET.UTF_8) return new Uint8Array(Buffer.from(s, 'utf8'));
  return new Uint8Array(Array.from(s, (ch) => (ch.codePointAt(0)! <= 0x7f ? ch.codePointAt(0)! : 0x3f)));
}

const JAVA_ALIASES: Record<string, string> = {
  'us-ascii': 'ascii',
  ascii: 'ascii',
  'iso-8859-1': 'latin1',
  'utf-8': 'utf8',
  utf8: 'utf8',
};

/**
 * Decodes with a Java charset name as Blob.getDataAsString(charset) takes it ('UTF-8', 'GBK', 'Shift_JIS'…);
 * the host's ICU decoders stand in for Java's. Unknown names throw.
 */
export function decodeJavaCharset(bytes: Uint8Array, charset: string, error: (message: string) => Error): string {
  const alias = JAVA_ALIASES[charset.toLowerCase()];
  if (alias) return Buffer.from(bytes).toString(alias as BufferEncoding);
  try {
    return new TextDecoder(charset).decode(bytes);
  } catch {
    throw error(`Unsupported charset: ${charset}`);
  }
}

/** Encodes with a Java charset name (only UTF-8, US-ASCII and ISO-8859-1: the host has no other encoders). */
export function encodeJavaCharset(s: string, charset: string, error: (message: string) => Error): Uint8Array {
  const alias = JAVA_ALIASES[charset.toLowerCase()];
  if (alias === 'utf8') return new Uint8Array(Buffer.from(s, 'utf8'));
  if (alias === 'ascii') return encodeCharset(s, CHARSET.US_ASCII);
  if (alias === 'latin1')
    return new Uint8Array(Array.from(s, (ch) => (ch.codePointAt(0)! <= 0xff ? ch.codePointAt(0)! : 0x3f)));
  throw error(`Unsupported charset for encoding in the local runtime: ${charset}`);
}

/**
 * How Apps Script names an argument's type in "The parameters (…) don't match the method signature" errors:
 * `String`, `number`, `Boolean`, `Date`, an array by its first element (`number[]`, `Object[]` when empty), a
 * service object as `Service.Class` (`SpreadsheetApp.Range`), `Function`, else `Object`.
 */
export function javaTypeName(v: unknown): string {
  if (v === null) return 'null';
  if (v === undefined) return 'undefined';
  if (typeof v === 'string') return 'String';
  if (typeof v === 'number') return 'number';
  if (typeof v === 'boolean') return 'Boolean';
  if (isDateLike(v)) return 'Date';
  if (Array.isArray(v)) return v.length ? `${javaTypeName(v[0])}[]` : 'Object[]';
  if (typeof v === 'object' && 'gasClass' in v) {
    const o = v as { gasService: string; gasClass: string };
    return `${o.gasService}.${o.gasClass}`;
  }
  return typeof v === 'function' ? 'Function' : 'Object';
}

/** The message Apps Script throws when no overload of `method` (e.g. "Utilities.formatDate") takes these arguments. */
export function signatureMessage(method: string, args: unknown[]): string {
  return `The parameters (${args.map(javaTypeName).join(',')}) don't match the method signature for ${method}.`;
}
