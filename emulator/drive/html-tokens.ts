// A small, tolerant HTML tokenizer for the Drive HTML → Google Doc conversion: tags with attributes,
// text with entities decoded, comments/doctype dropped, <script>/<style>/<title> contents skipped.

export type HtmlToken =
  | { kind: 'open'; name: string; attrs: Record<string, string>; selfClosing: boolean }
  | { kind: 'close'; name: string }
  | { kind: 'text'; text: string };

const NAMED: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: '\u00a0',
  copy: '©',
  reg: '®',
  middot: '·',
  mdash: '—',
  ndash: '–',
  hellip: '…',
  ldquo: '“',
  rdquo: '”',
  lsquo: '‘',
  rsquo: '’',
  times: '×',
  divide: '÷',
  emsp: '\u2003',
  ensp: '\u2002',
  thinsp: '\u2009',
  yen: '¥',
  deg: '°',
  plusmn: '±',
};

/** Decodes character references; an unknown named reference stays as written. */
export function decodeEntities(s: string): string {
  return s.replace(/&(#x[0-9a-f]+|#[0-9]+|[a-z][a-z0-9]*);/gi, (whole, ref: string) => {
    if (ref[0] === '#') {
      const code = ref[1] === 'x' || ref[1] === 'X' ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10);
      return Number.isFinite(code) && code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return NAMED[ref.toLowerCase()] ?? whole;
  });
}

const RAW_TEXT = new Set(['script', 'style', 'title', 'textarea']);
const ATTR = /([^\s=/>]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+)))?/g;

function parseAttrs(src: string): Record<string, string> {
  const attrs: Record<string, string> = {};
  for (const m of src.matchAll(ATTR)) attrs[m[1].toLowerCase()] = decodeEntities(m[2] ?? m[3] ?? m[4] ?? '');
  return attrs;
}

/** Splits HTML into tokens. */
export function tokenizeHtml(html: string): HtmlToken[] {
  const out: HtmlToken[] = [];
  let i = 0;
  while (i < html.length) {
    const lt = html.indexOf('<', i);
    if (lt < 0) {
      out.push({ kind: 'text', text: decodeEntities(html.slice(i)) });
      break;
    }
    if (lt > i) out.push({ kind: 'text', text: decodeEntities(html.slice(i, lt)) });
    i = readTag(html, lt, out);
  }
  return out;
}

/** Reads the markup at `lt`; returns where the next token starts. */
function readTag(html: string, lt: number, out: HtmlToken[]): number {
  if (html.startsWith('<!--', lt)) {
    const end = html.indexOf('-->', lt + 4);
    return end < 0 ? html.length : end + 3;
  }
  if (html[lt + 1] === '!' || html[lt + 1] === '?') {
    const end = html.indexOf('>', lt);
    return end < 0 ? html.length : end + 1;
  }
  const m = /^<(\/?)([a-zA-Z][a-zA-Z0-9:-]*)([^>]*)>/.exec(html.slice(lt, lt + 4096));
  if (!m) {
    out.push({ kind: 'text', text: '<' });
    return lt + 1;
  }
  const name = m[2].toLowerCase();
  const after = lt + m[0].length;
  if (m[1]) {
    out.push({ kind: 'close', name });
    return after;
  }
  const selfClosing = m[3].trimEnd().endsWith('/');
  out.push({ kind: 'open', name, attrs: parseAttrs(m[3].replace(/\/\s*$/, '')), selfClosing });
  if (!RAW_TEXT.has(name) || selfClosing) return after;
  const close = html.toLowerCase().indexOf(`</${name}`, after);
  const end = close < 0 ? html.length : close;
  if (name === 'textarea') out.push({ kind: 'text', text: decodeEntities(html.slice(after, end)) });
  out.push({ kind: 'close', name });
  const gt = close < 0 ? -1 : html.indexOf('>', close);
  return gt < 0 ? html.length : gt + 1;
}
