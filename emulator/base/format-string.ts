// Java String.format for Utilities.formatString: %s %d %f %x %o %c %b %n %% with flags, width and precision.
// What Apps Script's Java bridge would do with a value is only emulated where it is unambiguous.

/** A format problem, with Java's exception text (or a loud "not implemented" for unverified cases). */
export class FormatStringError extends Error {}

const SPEC = /%(\d+\$)?([-#+ 0,(]*)(\d+)?(\.\d+)?([a-zA-Z%])/g;

interface Spec {
  flags: string;
  width?: number;
  precision?: number;
  conversion: string;
}

const notImplemented = (what: string): FormatStringError =>
  new FormatStringError(`not implemented in the local runtime: Utilities.formatString ${what}`);

/** Rounds a decimal string half-up to `digits` decimals (Java formats a double from its shortest decimal form). */
export function toFixedHalfUp(x: number, digits: number): string {
  const [intPart, fracPart = ''] = plainDecimal(Math.abs(x)).split('.');
  const frac = fracPart.padEnd(digits + 1, '0');
  let kept = BigInt(intPart + frac.slice(0, digits));
  if (frac.charCodeAt(digits) >= 53) kept += 1n; // '5'..'9'
  let s = kept.toString().padStart(digits + 1, '0');
  s = digits > 0 ? `${s.slice(0, -digits)}.${s.slice(-digits)}` : s;
  return (x < 0 || Object.is(x, -0)) && /[1-9]/.test(s) ? `-${s}` : s;
}

/** The shortest round-trip decimal of a finite number, without exponent notation. */
function plainDecimal(x: number): string {
  const s = String(x);
  const m = /^(\d)(?:\.(\d+))?e([+-]\d+)$/.exec(s);
  if (!m) return s;
  const digits = m[1] + (m[2] ?? '');
  const exp = Number(m[3]);
  if (exp >= 0) return digits.padEnd(exp + 1, '0');
  return `0.${'0'.repeat(-exp - 1)}${digits}`;
}

function group(intDigits: string): string {
  return intDigits.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

/** Sign, grouping and zero padding for a number already rendered without its sign. */
function numeric(body: string, negative: boolean, spec: Spec): string {
  const { flags, width } = spec;
  if (flags.includes(',')) {
    const [i, f] = body.split('.');
    body = group(i) + (f !== undefined ? `.${f}` : '');
  }
  let prefix = negative
    ? flags.includes('(')
      ? '('
      : '-'
    : flags.includes('+')
      ? '+'
      : flags.includes(' ')
        ? ' '
        : '';
  const suffix = negative && flags.includes('(') ? ')' : '';
  if (flags.includes('0') && width !== undefined) body = body.padStart(width - prefix.length - suffix.length, '0');
  prefix += body;
  return prefix + suffix;
}

function asString(v: unknown, conversion: string): string {
  if (typeof v === 'string') return v;
  if (v === null || v === undefined) return 'null';
  if (typeof v === 'boolean') return String(v);
  if (typeof v === 'number' && Number.isSafeInteger(v)) return String(v);
  if (typeof v === 'number' && Math.abs(v) >= 1e-3 && Math.abs(v) < 1e7) return String(v);
  throw notImplemented(
    `%${conversion} with ${typeof v === 'number' ? `the number ${v}` : 'an object'} (pass a string)`,
  );
}

function convert(v: unknown, spec: Spec): string {
  const c = spec.conversion;
  const lower = c.toLowerCase();
  if (lower === 's') {
    const s = asString(v, c);
    const cut = spec.precision !== undefined ? s.slice(0, spec.precision) : s;
    return c === 'S' ? cut.toUpperCase() : cut;
  }
  if (lower === 'b') return String(v !== null && v !== undefined && (typeof v !== 'boolean' || v));
  if (lower === 'c') {
    if (typeof v === 'string' && [...v].length === 1) return v;
    if (typeof v === 'number' && Number.isInteger(v)) return String.fromCodePoint(v);
    throw new FormatStringError(`c != ${typeof v === 'string' ? 'java.lang.String' : 'java.lang.Double'}`);
  }
  if (typeof v !== 'number')
    throw new FormatStringError(`${c} != ${typeof v === 'string' ? 'java.lang.String' : 'java.lang.Object'}`);
  if (lower === 'f') return numeric(toFixedHalfUp(Math.abs(v), spec.precision ?? 6), v < 0, spec);
  if (!Number.isSafeInteger(v)) throw notImplemented(`%${c} with the non-integer ${v} (Java would get a Double)`);
  if (lower === 'd') return numeric(String(Math.abs(v)), v < 0, spec);
  if (v < 0) throw notImplemented(`%${c} with a negative number`);
  const radix = lower === 'x' ? 16 : 8;
  const body = v.toString(radix);
  return numeric(c === 'X' ? body.toUpperCase() : body, false, spec);
}

function pad(s: string, spec: Spec): string {
  if (spec.width === undefined || s.length >= spec.width) return s;
  return spec.flags.includes('-') ? s.padEnd(spec.width) : s.padStart(spec.width);
}

/** Java's String.format(template, args…) for the conversions the local runtime supports. */
export function formatJavaString(template: string, args: unknown[]): string {
  let next = 0;
  return template.replace(
    SPEC,
    (
      whole,
      index: string | undefined,
      flags: string,
      width: string | undefined,
      precision: string | undefined,
      conversion: string,
    ) => {
      if (conversion === '%') return pad('%', { flags, width: width ? Number(width) : undefined, conversion });
      if (conversion === 'n') return '\n';
      if (!'sSdfxXocCbB'.includes(conversion)) {
        if ('eEgGaAtTh'.includes(conversion)) throw notImplemented(`%${conversion}`);
        throw new FormatStringError(`Conversion = '${conversion}'`);
      }
      const at = index ? Number(index.slice(0, -1)) - 1 : next++;
      if (at >= args.length) throw new FormatStringError(`Format specifier '${whole}'`);
      const spec: Spec = {
        flags,
        width: width ? Number(width) : undefined,
        precision: precision ? Number(precision.slice(1)) : undefined,
        conversion,
      };
      return pad(convert(args[at], spec), spec);
    },
  );
}
