// The subset of Drive v3 search (`q`) the runtime understands: `'<id>' in parents`, `name = '…'`,
// `mimeType = '…'` (also `!=`), `trashed = true|false`, joined with `and`. Anything else is loud.
import { NotImplementedError } from '../host/kernel';
import type { StoredFile } from './store';

type Term = (f: StoredFile) => boolean;

/** Drive rejects a query it cannot parse with a 400 "Invalid Value"; drive.ts reports it. */
export class InvalidQuery extends Error {}

const STRING = String.raw`'((?:[^'\\]|\\.)*)'`;
const PATTERNS: [RegExp, (m: RegExpExecArray, root: string) => Term][] = [
  [
    new RegExp(`^${STRING}\\s+in\\s+parents$`),
    (m, root) => {
      const id = unescape(m[1]) === 'root' ? root : unescape(m[1]);
      return (f) => f.parents.includes(id);
    },
  ],
  [
    new RegExp(`^(name|mimeType)\\s*(=|!=)\\s*${STRING}$`),
    (m) => {
      const key = m[1] as 'name' | 'mimeType';
      const v = unescape(m[3]);
      return m[2] === '=' ? (f) => f[key] === v : (f) => f[key] !== v;
    },
  ],
  [
    /^trashed\s*(=|!=)\s*(true|false)$/,
    (m) => {
      const v = (m[2] === 'true') === (m[1] === '=');
      return (f) => f.trashed === v;
    },
  ],
];

function unescape(s: string): string {
  return s.replace(/\\(.)/g, '$1');
}

/** Splits on ` and ` outside quoted strings. */
function splitAnd(q: string): string[] {
  const parts: string[] = [];
  let cur = '';
  let quoted = false;
  for (let i = 0; i < q.length; i++) {
    const c = q[i];
    if (c === '\\' && quoted) {
      cur += c + (q[++i] ?? '');
      continue;
    }
    if (c === "'") quoted = !quoted;
    if (!quoted && /^\s+and\s+/i.test(q.slice(i)) && /\s/.test(c)) {
      const m = /^\s+and\s+/i.exec(q.slice(i))!;
      parts.push(cur);
      cur = '';
      i += m[0].length - 1;
      continue;
    }
    cur += c;
  }
  if (quoted) throw new InvalidQuery(q);
  parts.push(cur);
  return parts.map((p) => p.trim());
}

/** Compiles a query into a predicate over stored files. */
export function compileQuery(q: string, rootId: string): (f: StoredFile) => boolean {
  const terms = splitAnd(q.trim()).map((part) => {
    if (!part) throw new InvalidQuery(q);
    for (const [re, make] of PATTERNS) {
      const m = re.exec(part);
      if (m) return make(m, rootId);
    }
    // Valid Drive syntax the runtime does not evaluate (or, not, contains, dates, owners…) is loud, never ignored.
    throw new NotImplementedError(`Drive.Files.list query term: ${part}`);
  });
  return (f) => terms.every((t) => t(f));
}
