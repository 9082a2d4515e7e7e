// Drive's HTML → Google Doc conversion, for the HTML the app's templates use: headings, paragraphs, bold /
// italic / underline, inline font-size, tables of paragraphs, <br> (a line break inside the paragraph, as
// Docs stores it: U+000B). Tick boxes ☐/☑ are ordinary text. Unknown inline tags keep their text; structures
// the model cannot hold (lists, merged cells) fail loudly rather than being flattened silently.
import {
  normalizeDoc,
  paragraph,
  styleOf,
  type Alignment,
  type Block,
  type DocModel,
  type NamedStyle,
  type Paragraph,
  type RunStyle,
  type Table,
  type TableCell,
} from '../docs/doc-model';
import { tokenizeHtml, type HtmlToken } from './html-tokens';
import { NotImplementedError } from '../host/kernel';

const HEADINGS: Record<string, NamedStyle> = {
  h1: 'HEADING_1',
  h2: 'HEADING_2',
  h3: 'HEADING_3',
  h4: 'HEADING_4',
  h5: 'HEADING_5',
  h6: 'HEADING_6',
};
/** Elements that always make a paragraph, even an empty one. */
const PARAGRAPH_TAGS = new Set(['p', ...Object.keys(HEADINGS)]);
/** Elements that only separate paragraphs. */
const BLOCK_TAGS = new Set([
  'div',
  'section',
  'article',
  'header',
  'footer',
  'main',
  'blockquote',
  'pre',
  'center',
  'body',
  'html',
  'form',
  'caption',
]);
const INLINE_STYLE: Record<string, RunStyle> = {
  b: { bold: true },
  strong: { bold: true },
  th: { bold: true },
  i: { italic: true },
  em: { italic: true },
  u: { underline: true },
};
const IGNORED = new Set([
  'head',
  'meta',
  'link',
  'img',
  'hr',
  'input',
  'col',
  'colgroup',
  'thead',
  'tbody',
  'tfoot',
  'wbr',
  'base',
]);
const UNSUPPORTED = new Set(['ul', 'ol', 'li', 'dl', 'dt', 'dd', 'iframe', 'svg', 'math']);

interface BlockFrame {
  tag: string;
  style: NamedStyle;
  align?: Alignment;
  /** The paragraph this frame produced, if any. */
  made: boolean;
}

interface TableFrame {
  table: Table;
  row: TableCell[] | null;
  outer: Block[];
}

/** Parses a CSS declaration list into the run style, paragraph alignment it names. */
function cssStyle(css: string | undefined): { run: RunStyle; align?: Alignment } {
  const run: RunStyle = {};
  let align: Alignment | undefined;
  for (const decl of (css ?? '').split(';')) {
    const [k, v = ''] = decl.split(':').map((s) => s.trim().toLowerCase());
    if (k === 'font-weight') run.bold = v === 'bold' || v === 'bolder' || Number(v) >= 600;
    else if (k === 'font-style') run.italic = v === 'italic' || v === 'oblique';
    else if (k === 'text-decoration' || k === 'text-decoration-line') run.underline = v.includes('underline');
    else if (k === 'font-size') {
      const m = /^([\d.]+)(pt|px)$/.exec(v);
      if (m) run.size = m[2] === 'pt' ? Number(m[1]) : Math.round(Number(m[1]) * 0.75 * 2) / 2;
    } else if (k === 'text-align')
      align = ({ left: 'START', center: 'CENTER', right: 'END', justify: 'JUSTIFIED' } as const)[v as 'left'];
  }
  return { run, align };
}

class Converter {
  readonly root: Block[] = [];
  private container: Block[] = this.root;
  private current: Paragraph | null = null;
  private readonly blocks: BlockFrame[] = [{ tag: '#root', style: 'NORMAL_TEXT', made: false }];
  private readonly inline: { tag: string; style: RunStyle }[] = [];
  private readonly tables: TableFrame[] = [];

  token(t: HtmlToken): void {
    if (t.kind === 'text') this.text(t.text);
    else if (t.kind === 'open') this.open(t.name, t.attrs, t.selfClosing);
    else this.close(t.name);
  }

  private runStyle(): RunStyle {
    return Object.assign({}, ...this.inline.map((f) => f.style)) as RunStyle;
  }

  private ensureParagraph(): Paragraph {
    if (this.current) return this.current;
    const frame = this.blocks[this.blocks.length - 1];
    frame.made = true;
    this.current = { ...paragraph('', frame.style), ...(frame.align ? { align: frame.align } : {}) };
    return this.current;
  }

  private endParagraph(): void {
    const p = this.current;
    if (!p) return;
    const last = p.runs[p.runs.length - 1];
    if (last) last.text = last.text.replace(/[ \t\n\r\f]+$/, '');
    const styled = [...p.runs].reverse().find((r) => r.text);
    if (styled && Object.keys(styleOf(styled)).length) p.endStyle = styleOf(styled);
    this.container.push(p);
    this.current = null;
  }

  private text(raw: string): void {
    let text = raw.replace(/[ \t\n\r\f]+/g, ' ');
    const open = this.current;
    const prev = open?.runs[open.runs.length - 1]?.text ?? '';
    if (!open || prev === '' || prev.endsWith(' ') || prev.endsWith('\u000b')) text = text.replace(/^ /, '');
    if (!text) return;
    this.ensureParagraph().runs.push({ ...this.runStyle(), text });
  }

  private open(name: string, attrs: Record<string, string>, selfClosing: boolean): void {
    if (UNSUPPORTED.has(name)) throw new NotImplementedError(`Drive HTML conversion of <${name}>`);
    if (name === 'br') return void this.ensureParagraph().runs.push({ ...this.runStyle(), text: '\u000b' });
    if (IGNORED.has(name) || selfClosing) return;
    if (name === 'table') return this.openTable();
    if (name === 'tr') return this.openRow();
    if (name === 'td' || name === 'th') return this.openCell(name, attrs);
    const css = cssStyle(attrs.style);
    if (PARAGRAPH_TAGS.has(name) || BLOCK_TAGS.has(name)) {
      this.endParagraph();
      const parent = this.blocks[this.blocks.length - 1];
      this.blocks.push({
        tag: name,
        style: HEADINGS[name] ?? parent.style,
        align: css.align ?? parent.align,
        made: false,
      });
    }
    this.inline.push({ tag: name, style: { ...INLINE_STYLE[name], ...css.run } });
  }

  private close(name: string): void {
    if (name === 'table') return this.closeTable();
    if (name === 'tr') return this.closeRow();
    if (name === 'td' || name === 'th') return this.closeCell();
    const at = this.inline.map((f) => f.tag).lastIndexOf(name);
    if (at >= 0) this.inline.length = at;
    if (!PARAGRAPH_TAGS.has(name) && !BLOCK_TAGS.has(name)) return;
    const frameAt = this.blocks.map((f) => f.tag).lastIndexOf(name);
    if (frameAt <= 0) return;
    const frame = this.blocks[frameAt];
    if (PARAGRAPH_TAGS.has(name) && !frame.made) this.ensureParagraph();
    this.endParagraph();
    this.blocks.length = frameAt;
  }

  private openTable(): void {
    const outer = this.tables[this.tables.length - 1];
    if (outer && this.container !== outer.outer)
      throw new NotImplementedError('Drive HTML conversion of a table inside a table cell');
    this.endParagraph();
    const table: Table = { type: 'table', rows: [] };
    this.container.push(table);
    this.tables.push({ table, row: null, outer: this.container });
  }

  private openRow(): void {
    const t = this.tables[this.tables.length - 1];
    if (!t) return;
    this.closeRow();
    t.row = [];
    t.table.rows.push(t.row);
  }

  private openCell(name: string, attrs: Record<string, string>): void {
    if (Number(attrs.colspan ?? 1) > 1 || Number(attrs.rowspan ?? 1) > 1)
      throw new NotImplementedError('Drive HTML conversion of merged table cells (colspan/rowspan)');
    const t = this.tables[this.tables.length - 1];
    if (!t) return;
    if (!t.row) this.openRow();
    this.closeCell();
    const cell: TableCell = { content: [] };
    t.row!.push(cell);
    this.container = cell.content;
    this.blocks.push({ tag: '#cell', style: 'NORMAL_TEXT', align: cssStyle(attrs.style).align, made: false });
    this.inline.push({ tag: '#cell', style: { ...INLINE_STYLE[name], ...cssStyle(attrs.style).run } });
  }

  private closeCell(): void {
    const t = this.tables[this.tables.length - 1];
    const frameAt = this.blocks.map((f) => f.tag).lastIndexOf('#cell');
    if (!t || frameAt < 0 || this.container === t.outer) return;
    this.endParagraph();
    this.blocks.length = frameAt;
    this.inline.length = Math.max(0, this.inline.map((f) => f.tag).lastIndexOf('#cell'));
    this.container = t.outer;
  }

  private closeRow(): void {
    const t = this.tables[this.tables.length - 1];
    if (!t) return;
    this.closeCell();
    t.row = null;
  }

  private closeTable(): void {
    if (!this.tables.length) return;
    this.closeRow();
    const t = this.tables.pop()!;
    this.container = t.outer;
  }

  finish(): DocModel {
    while (this.tables.length) this.closeTable();
    this.endParagraph();
    return normalizeDoc({ blocks: this.root });
  }
}

/** Converts an HTML document into a Google Doc body, as Drive does on upload with conversion. */
export function htmlToDoc(html: string): DocModel {
  const c = new Converter();
  for (const t of tokenizeHtml(html)) c.token(t);
  return c.finish();
}

/** Converts plain text: one paragraph per line. */
export function textToDoc(text: string): DocModel {
  return normalizeDoc({
    blocks: text
      .replace(/\r\n?/g, '\n')
      .split('\n')
      .map((line) => paragraph(line)),
  });
}

/** What Drive makes of an uploaded blob converted to a Google Doc (HTML and plain text; others are loud). */
export function convertToDoc(bytes: Uint8Array, contentType: string | null): DocModel {
  const text = Buffer.from(bytes).toString('utf8');
  const type = (contentType ?? '').split(';')[0].trim().toLowerCase();
  if (type === 'text/html') return htmlToDoc(text);
  if (type === 'text/plain') return textToDoc(text);
  throw new NotImplementedError(`Drive conversion of ${type || 'a blob without content type'} to a Google Doc`);
}
