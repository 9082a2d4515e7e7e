// Edits of the document model the Docs API requests perform: literal replace-all, text insertion at an
// index, character styles over a range. Newlines in inserted text split paragraphs, as in Docs.
import {
  paragraphText,
  styleOf,
  mergeRuns,
  paragraphContainers,
  type DocModel,
  type Paragraph,
  type Run,
  type RunStyle,
} from './doc-model';
import { bodyEndIndex, paragraphSpans } from './doc-json';
import { NotImplementedError } from '../host/kernel';

/** A request Docs refuses; docs.ts prefixes it with `Invalid requests[i].<kind>: `. */
export class DocsRequestError extends Error {}

/** Lower-cases code unit by code unit, keeping the length, so offsets found in it are offsets in the original. */
function fold(s: string): string {
  let out = '';
  for (const ch of s) {
    const l = ch.toLowerCase();
    out += l.length === ch.length ? l : ch;
  }
  return out;
}

/** Start offsets of the non-overlapping occurrences of `needle` in `hay`, left to right. */
export function findLiteral(hay: string, needle: string, matchCase: boolean): number[] {
  const h = matchCase ? hay : fold(hay);
  const n = matchCase ? needle : fold(needle);
  const out: number[] = [];
  for (let i = h.indexOf(n); i >= 0; i = h.indexOf(n, i + n.length)) out.push(i);
  return out;
}

function styleAt(p: Paragraph, offset: number): RunStyle {
  let pos = 0;
  for (const r of p.runs) {
    if (offset < pos + r.text.length) return styleOf(r);
    pos += r.text.length;
  }
  const last = p.runs[p.runs.length - 1];
  return last ? styleOf(last) : {};
}

/** The runs covering [from, to) of a paragraph, each keeping its style. */
function sliceRuns(p: Paragraph, from: number, to: number): Run[] {
  const out: Run[] = [];
  let pos = 0;
  for (const r of p.runs) {
    const a = Math.max(from, pos);
    const b = Math.min(to, pos + r.text.length);
    if (a < b) out.push({ ...styleOf(r), text: r.text.slice(a - pos, b - pos) });
    pos += r.text.length;
  }
  return out;
}

/**
 * Splits runs that contain `\n` into separate paragraphs sharing the original's paragraph style; a new
 * paragraph's closing newline has the style of the text that brought it, the last keeps the original's.
 */
function splitParagraphs(template: Paragraph, runs: Run[]): Paragraph[] {
  const out: Paragraph[] = [{ ...template, runs: [] }];
  for (const r of runs) {
    const parts = r.text.split('\n');
    parts.forEach((text, i) => {
      if (i > 0) {
        out[out.length - 1].endStyle = styleOf(r);
        out.push({ ...template, runs: [] });
      }
      if (text) out[out.length - 1].runs.push({ ...styleOf(r), text });
    });
  }
  return out.map((p) => ({ ...p, runs: mergeRuns(p.runs) }));
}

function replaceInParagraph(
  p: Paragraph,
  needle: string,
  replacement: string,
  matchCase: boolean,
): { paragraphs: Paragraph[]; count: number } {
  const text = paragraphText(p);
  const hits = findLiteral(text, needle, matchCase);
  if (!hits.length) return { paragraphs: [p], count: 0 };
  const runs: Run[] = [];
  let cursor = 0;
  for (const at of hits) {
    runs.push(...sliceRuns(p, cursor, at), { ...styleAt(p, at), text: replacement });
    cursor = at + needle.length;
  }
  runs.push(...sliceRuns(p, cursor, text.length));
  return { paragraphs: splitParagraphs(p, runs), count: hits.length };
}

/** Replaces every literal occurrence in every paragraph (tables included); returns how many. */
export function replaceAllText(doc: DocModel, needle: string, replacement: string, matchCase: boolean): number {
  let total = 0;
  for (const container of paragraphContainers(doc)) {
    for (let i = container.length - 1; i >= 0; i--) {
      const b = container[i];
      if (b.type !== 'paragraph') continue;
      const { paragraphs, count } = replaceInParagraph(b, needle, replacement, matchCase);
      if (count) container.splice(i, 1, ...paragraphs);
      total += count;
    }
  }
  return total;
}

function checkIndex(doc: DocModel, index: number): void {
  const end = bodyEndIndex(doc);
  if (index >= end)
    throw new DocsRequestError(`Index ${index} must be less than the end index of the referenced segment, ${end}.`);
}

/** Inserts text at a body index; it takes the style of the character before it (or after, at a paragraph start). */
export function insertText(doc: DocModel, index: number, text: string): void {
  checkIndex(doc, index);
  const span = paragraphSpans(doc).find((s) => index >= s.start && index < s.end);
  if (!span)
    throw new DocsRequestError(
      'The insertion index must be inside the bounds of an existing paragraph. You can still create new paragraphs by inserting newlines.',
    );
  const p = span.paragraph;
  const offset = index - span.start;
  const style = offset > 0 ? styleAt(p, offset - 1) : styleAt(p, 0);
  const runs = [...sliceRuns(p, 0, offset), { ...style, text }, ...sliceRuns(p, offset, paragraphText(p).length)];
  span.container.splice(span.at, 1, ...splitParagraphs(p, runs));
}

const STYLE_FIELDS: Record<string, keyof RunStyle> = {
  bold: 'bold',
  italic: 'italic',
  underline: 'underline',
  fontSize: 'size',
};

/** The run style a Docs `textStyle` describes, for the listed fields (`*` = all); unlisted fields are kept. */
export function parseStyleFields(
  textStyle: Record<string, unknown>,
  fields: string,
): { set: RunStyle; clear: (keyof RunStyle)[] } {
  const names =
    fields.trim() === '*'
      ? Object.keys(STYLE_FIELDS)
      : fields
          .split(',')
          .map((f) => f.trim())
          .filter(Boolean);
  const set: RunStyle = {};
  const clear: (keyof RunStyle)[] = [];
  for (const name of names) {
    const key = STYLE_FIELDS[name];
    if (!key) throw new NotImplementedError(`Docs TextStyle field ${name}`);
    const v = textStyle[name];
    if (v === undefined || v === null) clear.push(key);
    else if (key === 'size') set.size = Number((v as { magnitude?: unknown }).magnitude);
    else (set as Record<string, unknown>)[key] = Boolean(v);
  }
  return { set, clear };
}

/** Applies a character style over [startIndex, endIndex) of the body. */
export function updateTextStyle(
  doc: DocModel,
  startIndex: number,
  endIndex: number,
  set: RunStyle,
  clear: (keyof RunStyle)[],
): void {
  checkIndex(doc, endIndex - 1);
  for (const span of paragraphSpans(doc)) {
    const a = Math.max(startIndex, span.start) - span.start;
    const b = Math.min(endIndex, span.end - 1) - span.start;
    if (a >= b) continue;
    const p = span.paragraph;
    const len = paragraphText(p).length;
    const middle = sliceRuns(p, a, b).map((r) => {
      const out: Run = { ...r, ...set };
      for (const k of clear) delete out[k];
      return out;
    });
    p.runs = mergeRuns([...sliceRuns(p, 0, a), ...middle, ...sliceRuns(p, b, len)]);
    if (endIndex >= span.end) {
      const end: RunStyle = { ...p.endStyle, ...set };
      for (const k of clear) delete end[k];
      p.endStyle = end;
    }
  }
}
