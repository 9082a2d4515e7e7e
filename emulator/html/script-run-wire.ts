// google.script.run's value rules: primitives, null, plain objects and arrays cross; a Date, function or
// service object anywhere fails the call; undefined inside arrays becomes null; objects arrive as copies.
import { isDateLike, unwrap } from '../host/kernel';

/** Why a value cannot cross google.script.run (the failing property path), or null when it can. */
function illegalPath(v: unknown, path: string, seen: Set<object>): string | null {
  if (v === null || v === undefined) return null;
  const t = typeof v;
  if (t === 'string' || t === 'number' || t === 'boolean') return null;
  if (t !== 'object') return path || '(value)';
  if (isDateLike(v) || unwrap(v) !== v || seen.has(v as object)) return path || '(value)';
  seen.add(v as object);
  if (Array.isArray(v)) {
    for (let i = 0; i < v.length; i++) {
      const p = illegalPath(v[i], path ? `${path}.${i}` : String(i), seen);
      if (p) return p;
    }
    return null;
  }
  const proto = Object.getPrototypeOf(v);
  if (proto !== null && Object.getPrototypeOf(proto) !== null) return path || '(value)';
  for (const [k, x] of Object.entries(v as Record<string, unknown>)) {
    const p = illegalPath(x, path ? `${path}.${k}` : k, seen);
    if (p) return p;
  }
  return null;
}

/** A host copy of a value that may cross google.script.run; throws naming the first illegal property. */
export function toWire(v: unknown, describe: (path: string) => string): unknown {
  const bad = illegalPath(v, '', new Set());
  if (bad) throw new TypeError(describe(bad));
  return copy(v);
}

function copy(v: unknown): unknown {
  if (v === null || typeof v !== 'object') return v;
  if (Array.isArray(v)) return v.map((x) => (x === undefined ? null : copy(x)));
  const out: Record<string, unknown> = {};
  for (const [k, x] of Object.entries(v as Record<string, unknown>)) if (x !== undefined) out[k] = copy(x);
  return out;
}
