// The in-memory Google Doc: paragraphs (named style + styled runs) and tables whose cells hold paragraphs.
// The HTML conversion produces it, Docs requests edit it, the Docs JSON, PDF and .docx are rendered from it.

/** Docs API `namedStyleType` values the model keeps. */
export type NamedStyle =
  | 'NORMAL_TEXT'
  | 'TITLE'
  | 'SUBTITLE'
  | 'HEADING_1'
  | 'HEADING_2'
  | 'HEADING_3'
  | 'HEADING_4'
  | 'HEADING_5'
  | 'HEADING_6';

/** Character style of a run; `size` in points. Absent means "inherited" (Docs reports `{}`). */
export interface RunStyle {
  bold?: boolean;
  italic?: boolean;
  underline?: boolean;
  size?: number;
}

/** A stretch of text with one style. `\u000b` is a line break inside the paragraph, as in Docs. */
export interface Run extends RunStyle {
  text: string;
}

export type Alignment = 'START' | 'CENTER' | 'END' | 'JUSTIFIED';

export interface Paragraph {
  type: 'paragraph';
  style: NamedStyle;
  runs: Run[];
  align?: Alignment;
  /** The style of the closing newline (Docs styles it like any character); absent: plain. */
  endStyle?: RunStyle;
}

export interface TableCell {
  content: Paragraph[];
}

export interface Table {
  type: 'table';
  rows: TableCell[][];
}

export type Block = Paragraph | Table;

/** A document body. */
export interface DocModel {
  blocks: Block[];
}

const STYLE_KEYS = ['bold', 'italic', 'underline', 'size'] as const;

/** A paragraph of one run (no run when the text is empty). */
export function paragraph(text = '', style: NamedStyle = 'NORMAL_TEXT', runStyle: RunStyle = {}): Paragraph {
  return { type: 'paragraph', style, runs: text ? [{ ...runStyle, text }] : [] };
}

/** A new Google Doc's body: exactly one empty paragraph. */
export function emptyDoc(): DocModel {
  return { blocks: [paragraph()] };
}

/** A deep copy (editing the copy never touches the original). */
export function cloneDoc(doc: DocModel): DocModel {
  return structuredClone(doc);
}

/** The text of a paragraph without its closing newline. */
export function paragraphText(p: Paragraph): string {
  return p.runs.map((r) => r.text).join('');
}

/** The style of a run with its text removed. */
export function styleOf(run: RunStyle): RunStyle {
  const out: RunStyle = {};
  for (const k of STYLE_KEYS) if (run[k] !== undefined) (out as Record<string, unknown>)[k] = run[k];
  return out;
}

export function sameStyle(a: RunStyle, b: RunStyle): boolean {
  return STYLE_KEYS.every((k) => a[k] === b[k]);
}

/** Merges neighbouring runs of equal style and drops empty runs, as Docs reports them. */
export function mergeRuns(runs: Run[]): Run[] {
  const out: Run[] = [];
  for (const r of runs) {
    if (!r.text) continue;
    const last = out[out.length - 1];
    if (last && sameStyle(last, r)) last.text += r.text;
    else out.push({ ...r });
  }
  return out;
}

/**
 * Restores the structure Docs guarantees: the body starts and ends with a paragraph, two tables are
 * never adjacent, every cell holds at least one paragraph, runs are merged.
 */
export function normalizeDoc(doc: DocModel): DocModel {
  const blocks: Block[] = [];
  for (const b of doc.blocks) {
    const prev = blocks[blocks.length - 1];
    if (b.type === 'table' && (!prev || prev.type === 'table')) blocks.push(paragraph());
    blocks.push(b.type === 'table' ? normalizeTable(b) : { ...b, runs: mergeRuns(b.runs) });
  }
  if (!blocks.length || blocks[blocks.length - 1].type === 'table') blocks.push(paragraph());
  doc.blocks = blocks;
  return doc;
}

function normalizeTable(t: Table): Table {
  const width = Math.max(1, ...t.rows.map((r) => r.length));
  const rows = t.rows.map((r) => {
    const cells = r.map((c) => ({
      content: c.content.length ? c.content.map((p) => ({ ...p, runs: mergeRuns(p.runs) })) : [paragraph()],
    }));
    while (cells.length < width) cells.push({ content: [paragraph()] });
    return cells;
  });
  return { type: 'table', rows: rows.length ? rows : [[{ content: [paragraph()] }]] };
}

/** Every array of paragraphs that a paragraph can live in: the body's blocks and each cell's content. */
export function paragraphContainers(doc: DocModel): Block[][] {
  const out: Block[][] = [doc.blocks];
  for (const b of doc.blocks)
    if (b.type === 'table') for (const row of b.rows) for (const c of row) out.push(c.content);
  return out;
}

/** Every paragraph in reading order (tables cell by cell, row by row). */
export function allParagraphs(doc: DocModel): Paragraph[] {
  const out: Paragraph[] = [];
  for (const b of doc.blocks) {
    if (b.type === 'paragraph') out.push(b);
    else for (const row of b.rows) for (const c of row) out.push(...c.content);
  }
  return out;
}

/** Plain text: one line per paragraph; a table row is its cells' texts joined by a tab. */
export function docPlainText(doc: DocModel): string {
  const lines: string[] = [];
  for (const b of doc.blocks) {
    if (b.type === 'paragraph') lines.push(paragraphText(b));
    else for (const row of b.rows) lines.push(row.map((c) => c.content.map(paragraphText).join(' ')).join('\t'));
  }
  return lines.join('\n');
}
