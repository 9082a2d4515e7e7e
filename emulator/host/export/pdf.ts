// A PDF of a Google Doc's current content (what the Drive export endpoint returns), written with pdfkit:
// A4 pages, headings larger, bold runs in the bold face, tables as bordered grids, a new page when one is full.
// Every character is set in Noto Sans Hans (Regular and Bold, OFL, from the npm package @embedpdf/fonts-sc),
// EMBEDDED as a subset of the glyphs used (fontkit subsets; some 40 KB per face for a short form), so any
// reader shows and extracts the text with no system fonts, CMaps or poppler-data. Characters the font lacks
// (emoji, most characters outside the BMP such as 𠮷) print as '?'; tick boxes ☐/☑/☒ are drawn as □ with
// ✓ or × scaled into it (the font lacks them). The layout is our own (line wrapping by width, character by
// character, which suits Chinese); pdfkit only draws and writes the file, synchronously (see `bytes`).
import { dirname, join } from 'node:path';
import * as fontkit from 'fontkit';
import PDFDocument from 'pdfkit';
import { fonts as NOTO_SANS_HANS } from '@embedpdf/fonts-sc';
import { type DocModel, type NamedStyle, type Paragraph, type Run } from '../../docs/doc-model';

/** A4 in points, as pdfkit's 'A4'. */
const PAGE = { width: 595.28, height: 841.89, margin: 56 };
const SIZES: Record<NamedStyle, number> = {
  TITLE: 20,
  SUBTITLE: 15,
  HEADING_1: 18,
  HEADING_2: 15,
  HEADING_3: 13,
  HEADING_4: 12,
  HEADING_5: 11,
  HEADING_6: 11,
  NORMAL_TEXT: 11,
};
const CELL_PAD = 4;
/** Tick boxes as glyphs the font has, drawn on top of each other (the mark scaled into the box). */
const BOXES: Record<string, [string, string?]> = {
  '\u2610': ['\u25a1'],
  '\u2611': ['\u25a1', '\u2713'],
  '\u2612': ['\u25a1', '\u00d7'],
};

type Face = 'regular' | 'bold';

/** The two faces, parsed once per process (the files are some 8 MB each; pdfkit subsets them per document). */
let faces: Record<Face, fontkit.Font> | null = null;
function face(f: Face): fontkit.Font {
  if (!faces) {
    const dir = join(dirname(require.resolve('@embedpdf/fonts-sc')), '..', 'fonts');
    const open = (weight: number): fontkit.Font => {
      const file = NOTO_SANS_HANS.find((x) => x.weight === weight)?.file;
      if (!file) throw new Error(`@embedpdf/fonts-sc has no face of weight ${weight}`);
      const font = fontkit.openSync(join(dir, file));
      if (!('layout' in font)) throw new Error(`${file} is a font collection, not a font`);
      return font;
    };
    faces = { regular: open(400), bold: open(700) };
  }
  return faces[f];
}

/** Advance widths in em, by face and character. */
const widths = new Map<string, number>();
function em(ch: string, bold: boolean): number {
  const key = (bold ? 'b' : 'r') + ch;
  let w = widths.get(key);
  if (w === undefined) {
    const font = face(bold ? 'bold' : 'regular');
    w = font.glyphForCodePoint(ch.codePointAt(0)!).advanceWidth / font.unitsPerEm;
    widths.set(key, w);
  }
  return w;
}

interface Glyph {
  ch: string;
  bold: boolean;
}

/** One character as it will be set: tabs as spaces, characters the font lacks as '?'. */
function printable(ch: string): string {
  if (ch === '\t') return ' ';
  if (ch === '\u000b' || ch === '\n' || BOXES[ch]) return ch;
  return face('regular').hasGlyphForCodePoint(ch.codePointAt(0)!) ? ch : '?';
}

function glyphs(runs: Run[]): Glyph[] {
  return runs.flatMap((r) => Array.from(r.text, (ch) => ({ ch: printable(ch), bold: r.bold === true })));
}

function glyphWidth(g: Glyph, size: number): number {
  return em(BOXES[g.ch]?.[0] ?? g.ch, g.bold) * size;
}

/** Breaks glyphs into lines no wider than `width` points (line breaks U+000B force a new line). */
function wrap(gs: Glyph[], size: number, width: number): Glyph[][] {
  const lines: Glyph[][] = [[]];
  let w = 0;
  for (const g of gs) {
    if (g.ch === '\u000b' || g.ch === '\n') {
      lines.push([]);
      w = 0;
      continue;
    }
    const gw = glyphWidth(g, size);
    if (w + gw > width && lines[lines.length - 1].length) {
      lines.push([]);
      w = 0;
    }
    lines[lines.length - 1].push(g);
    w += gw;
  }
  return lines;
}

function paragraphSize(p: Paragraph): number {
  return Math.max(SIZES[p.style], ...p.runs.map((r) => r.size ?? 0));
}

/** The document being drawn; `y` counts up from the page's bottom edge, as in PDF. */
class Pages {
  y = PAGE.height - PAGE.margin;

  constructor(readonly doc: PDFKit.PDFDocument) {}

  need(h: number): void {
    if (this.y - h >= PAGE.margin) return;
    this.doc.addPage();
    this.y = PAGE.height - PAGE.margin;
  }

  private text(s: string, bold: boolean, x: number, baseline: number, size: number): void {
    this.doc
      .font(bold ? 'bold' : 'regular')
      .fontSize(size)
      .text(s, x, PAGE.height - baseline, { lineBreak: false, baseline: 'alphabetic' });
  }

  /** Writes one line of glyphs with its baseline at `y`, starting at `x`. */
  line(gs: Glyph[], x: number, y: number, size: number): void {
    let cx = x;
    for (let i = 0; i < gs.length;) {
      const box = BOXES[gs[i].ch];
      if (box) {
        // The font has no ☐/☑/☒: draw □ and overprint the mark (✓ or ×), its outline scaled to 70% of the
        // square's and centred on it.
        const [square, mark] = box;
        const font = face(gs[i].bold ? 'bold' : 'regular');
        const outline = (ch: string): fontkit.BBOX => font.glyphForCodePoint(ch.codePointAt(0)!).bbox;
        this.text(square, gs[i].bold, cx, y, size);
        if (mark) {
          const sq = outline(square);
          const mk = outline(mark);
          const k = size / font.unitsPerEm;
          const scale = Math.min(
            1,
            (0.7 * Math.min(sq.maxX - sq.minX, sq.maxY - sq.minY)) / Math.max(mk.maxX - mk.minX, mk.maxY - mk.minY),
          );
          const centre = (b: fontkit.BBOX, m: number): [number, number] => [
            ((b.minX + b.maxX) / 2) * k * m,
            ((b.minY + b.maxY) / 2) * k * m,
          ];
          const [sx, sy] = centre(sq, 1);
          const [mx, my] = centre(mk, scale);
          this.text(mark, gs[i].bold, cx + sx - mx, y + sy - my, size * scale);
        }
        cx += em(square, gs[i].bold) * size;
        i++;
        continue;
      }
      let j = i + 1;
      while (j < gs.length && !BOXES[gs[j].ch] && gs[j].bold === gs[i].bold) j++;
      const run = gs.slice(i, j);
      this.text(run.map((g) => g.ch).join(''), gs[i].bold, cx, y, size);
      cx += run.reduce((n, g) => n + glyphWidth(g, size), 0);
      i = j;
    }
  }

  /** A rectangle's outline, its lower left corner at (x, y). */
  box(x: number, y: number, w: number, h: number): void {
    this.doc
      .lineWidth(0.5)
      .rect(x, PAGE.height - y - h, w, h)
      .stroke();
  }
}

function writeParagraph(pages: Pages, p: Paragraph): void {
  const size = paragraphSize(p);
  const lead = size * 1.5;
  const width = PAGE.width - 2 * PAGE.margin;
  for (const ln of wrap(glyphs(p.runs), size, width)) {
    pages.need(lead);
    pages.y -= lead;
    const lw = ln.reduce((n, g) => n + glyphWidth(g, size), 0);
    const x = PAGE.margin + (p.align === 'CENTER' ? (width - lw) / 2 : p.align === 'END' ? width - lw : 0);
    pages.line(ln, x, pages.y + size * 0.3, size);
  }
}

function writeTable(pages: Pages, rows: Paragraph[][][]): void {
  const cols = Math.max(...rows.map((r) => r.length));
  const colW = (PAGE.width - 2 * PAGE.margin) / cols;
  for (const row of rows) {
    const cells = row.map((content) =>
      content.flatMap((p) => {
        const size = paragraphSize(p);
        return wrap(glyphs(p.runs), size, colW - 2 * CELL_PAD).map((ln) => ({ ln, size }));
      }),
    );
    const h = Math.max(...cells.map((ls) => ls.reduce((n, l) => n + l.size * 1.4, 0))) + 2 * CELL_PAD;
    pages.need(h);
    const top = pages.y;
    cells.forEach((ls, c) => {
      const x = PAGE.margin + c * colW;
      pages.box(x, top - h, colW, h);
      let y = top - CELL_PAD;
      for (const { ln, size } of ls) {
        y -= size * 1.4;
        pages.line(ln, x + CELL_PAD, y + size * 0.3, size);
      }
    });
    pages.y = top - h;
  }
}

/**
 * The finished file. pdfkit's document is a Readable that pushes every byte synchronously while `end()`
 * runs (objects, fonts, xref, trailer), so the bytes are read from its buffer at once: the Drive export
 * route answers inside a synchronous UrlFetchApp.fetch.
 */
function bytes(doc: PDFKit.PDFDocument): Uint8Array {
  doc.end();
  const chunks: Buffer[] = [];
  for (let c: Buffer | null; (c = doc.read() as Buffer | null) !== null;) chunks.push(c);
  const out = Buffer.concat(chunks);
  if (!out.subarray(-7).toString('latin1').includes('%%EOF'))
    throw new Error('pdfkit did not finish the PDF synchronously');
  return new Uint8Array(out);
}

/** Renders a document as a PDF file; `created` is its CreationDate (the simulated clock, for the export route). */
export function docToPdf(doc: DocModel, title: string, created: Date = new Date()): Uint8Array {
  const pdf = new PDFDocument({
    size: 'A4',
    margin: 0,
    pdfVersion: '1.4',
    lang: 'zh-CN',
    info: { Title: title, Producer: 'local Apps Script runtime', CreationDate: created },
  });
  // pdfkit takes parsed fontkit fonts (since 0.20); its typings only list file sources.
  pdf.registerFont('regular', face('regular') as unknown as Buffer);
  pdf.registerFont('bold', face('bold') as unknown as Buffer);
  const pages = new Pages(pdf);
  for (const b of doc.blocks) {
    if (b.type === 'paragraph') writeParagraph(pages, b);
    else
      writeTable(
        pages,
        b.rows.map((r) => r.map((c) => c.content)),
      );
  }
  return bytes(pdf);
}
