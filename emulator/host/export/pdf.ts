// A small, real PDF 1.4 writer for a Google Doc's current content (what the Drive export endpoint returns):
// A4 pages, headings larger, bold as fill+stroke, tables as bordered grids. Chinese uses the standard
// non-embedded CJK font STSong-Light (Type0, UniGB-UCS2-H), which conforming readers supply, so nothing is
// embedded; ASCII uses Helvetica (standard 14, its metrics known for layout). Characters outside the BMP (emoji) print as '?';
// tick boxes ☐/☑/☒ are drawn as □ with √ or × on top (GB1 lacks them).
import { type DocModel, type NamedStyle, type Paragraph, type Run } from '../../docs/doc-model';

const PAGE = { width: 595, height: 842, margin: 56 };
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
/** Tick boxes as glyphs the GB1 character collection has, drawn on top of each other. */
const BOXES: Record<string, string[]> = {
  '\u2610': ['\u25a1'],
  '\u2611': ['\u25a1', '\u221a'],
  '\u2612': ['\u25a1', '\u00d7'],
};

interface Glyph {
  ch: string;
  bold: boolean;
}

/** Helvetica's advance widths for ASCII 32–126 (Adobe's standard metrics), in 1/1000 em. */
const HELVETICA = [
  278, 278, 355, 556, 556, 889, 667, 191, 333, 333, 389, 584, 278, 333, 278, 278, 556, 556, 556, 556, 556, 556, 556,
  556, 556, 556, 278, 278, 584, 584, 584, 556, 1015, 667, 667, 722, 722, 667, 611, 778, 722, 278, 500, 667, 556, 833,
  722, 778, 667, 778, 722, 667, 611, 722, 667, 944, 667, 667, 611, 278, 278, 278, 469, 556, 333, 556, 556, 500, 556,
  556, 278, 556, 556, 222, 222, 500, 222, 833, 556, 556, 556, 556, 333, 500, 278, 556, 500, 722, 500, 500, 500, 334,
  260, 334, 584,
];

const isLatin = (ch: string): boolean => ch >= ' ' && ch <= '~';

/** Width of one character in em: Helvetica for ASCII, full width for the CJK font. */
function em(ch: string): number {
  return isLatin(ch) ? HELVETICA[ch.charCodeAt(0) - 32] / 1000 : 1;
}

/** A PDF literal string for ASCII text. */
function literal(s: string): string {
  return '(' + s.replace(/[()\\]/g, (c) => '\\' + c) + ')';
}

/** UCS-2 big-endian hex of a string (non-BMP characters become '?'). */
function hex(s: string): string {
  let out = '';
  for (const ch of s) {
    const code = ch.codePointAt(0)!;
    out += (code > 0xffff ? 0x3f : code).toString(16).padStart(4, '0');
  }
  return out;
}

function glyphs(runs: Run[]): Glyph[] {
  return runs.flatMap((r) => Array.from(r.text, (ch) => ({ ch, bold: r.bold === true })));
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
    const gw = em(g.ch) * size;
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

/** Content streams, one per page. */
class Pages {
  readonly streams: string[] = [''];
  y = PAGE.height - PAGE.margin;

  need(h: number): void {
    if (this.y - h >= PAGE.margin) return;
    this.streams.push('');
    this.y = PAGE.height - PAGE.margin;
  }

  draw(op: string): void {
    this.streams[this.streams.length - 1] += op + '\n';
  }

  /** Writes one line of glyphs with its baseline at `y`, starting at `x`: ASCII in Helvetica, the rest in STSong. */
  line(gs: Glyph[], x: number, y: number, size: number): void {
    let cx = x;
    const kind = (g: Glyph): string => (BOXES[g.ch] ? g.ch : `${g.bold}:${isLatin(g.ch)}`);
    for (let i = 0; i < gs.length;) {
      let j = i + 1;
      if (!BOXES[gs[i].ch]) while (j < gs.length && kind(gs[j]) === kind(gs[i])) j++;
      const text = gs
        .slice(i, j)
        .map((g) => g.ch)
        .join('');
      const mode = gs[i].bold ? `2 Tr ${(size / 30).toFixed(2)} w` : '0 Tr';
      const show = isLatin(text[0])
        ? (t: string): string => `/F2 ${size} Tf ${literal(t)}`
        : (t: string): string => `/F1 ${size} Tf <${hex(t)}>`;
      // GB1 has no ☐/☑/☒: draw □ and overprint the mark (√ or ×) in the same place.
      for (const part of BOXES[text] ?? [text])
        this.draw(`BT ${mode} ${cx.toFixed(2)} ${y.toFixed(2)} Td ${show(part)} Tj ET`);
      cx += Array.from(text).reduce((n, ch) => n + em(ch) * size, 0);
      i = j;
    }
  }
}

function writeParagraph(pages: Pages, p: Paragraph): void {
  const size = paragraphSize(p);
  const lead = size * 1.5;
  const width = PAGE.width - 2 * PAGE.margin;
  for (const ln of wrap(glyphs(p.runs), size, width)) {
    pages.need(lead);
    pages.y -= lead;
    const lw = ln.reduce((n, g) => n + em(g.ch) * size, 0);
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
      pages.draw(`0.5 w ${x.toFixed(2)} ${(top - h).toFixed(2)} ${colW.toFixed(2)} ${h.toFixed(2)} re S`);
      let y = top - CELL_PAD;
      for (const { ln, size } of ls) {
        y -= size * 1.4;
        pages.line(ln, x + CELL_PAD, y + size * 0.3, size);
      }
    });
    pages.y = top - h;
  }
}

/** Renders a document as a PDF file. */
export function docToPdf(doc: DocModel, title: string): Uint8Array {
  const pages = new Pages();
  for (const b of doc.blocks) {
    if (b.type === 'paragraph') writeParagraph(pages, b);
    else
      writeTable(
        pages,
        b.rows.map((r) => r.map((c) => c.content)),
      );
  }
  return assemble(pages.streams, title);
}

/** Writes the PDF objects, cross-reference table and trailer. */
function assemble(streams: string[], title: string): Uint8Array {
  const objects: string[] = [];
  const pageIds = streams.map((_, i) => 7 + i * 2);
  objects[1] = '<< /Type /Catalog /Pages 2 0 R >>';
  objects[2] = `<< /Type /Pages /Kids [${pageIds.map((id) => `${id} 0 R`).join(' ')}] /Count ${streams.length} >>`;
  objects[3] =
    '<< /Type /Font /Subtype /Type0 /BaseFont /STSong-Light-UniGB-UCS2-H /Encoding /UniGB-UCS2-H /DescendantFonts [4 0 R] >>';
  objects[4] =
    '<< /Type /Font /Subtype /CIDFontType0 /BaseFont /STSong-Light /CIDSystemInfo << /Registry (Adobe) /Ordering (GB1) /Supplement 2 >> /FontDescriptor 6 0 R /DW 1000 /W [1 95 500] >>';
  objects[5] = '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>';
  objects[6] =
    '<< /Type /FontDescriptor /FontName /STSong-Light /Flags 6 /FontBBox [-25 -254 1000 880] /ItalicAngle 0 /Ascent 880 /Descent -120 /CapHeight 880 /StemV 93 >>';
  streams.forEach((s, i) => {
    objects[pageIds[i]] =
      `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 ${PAGE.width} ${PAGE.height}] /Resources << /Font << /F1 3 0 R /F2 5 0 R >> >> /Contents ${pageIds[i] + 1} 0 R >>`;
    objects[pageIds[i] + 1] = `<< /Length ${Buffer.byteLength(s, 'latin1')} >>\nstream\n${s}endstream`;
  });
  const infoId = objects.length;
  objects[infoId] = `<< /Title <feff${hex(title)}> /Producer (local Apps Script runtime) >>`;
  let out = '%PDF-1.4\n%\u00e2\u00e3\u00cf\u00d3\n';
  const offsets: number[] = [];
  for (let id = 1; id < objects.length; id++) {
    offsets[id] = Buffer.byteLength(out, 'latin1');
    out += `${id} 0 obj\n${objects[id]}\nendobj\n`;
  }
  const xref = Buffer.byteLength(out, 'latin1');
  out += `xref\n0 ${objects.length}\n0000000000 65535 f \n`;
  for (let id = 1; id < objects.length; id++) out += `${String(offsets[id]).padStart(10, '0')} 00000 n \n`;
  out += `trailer\n<< /Size ${objects.length} /Root 1 0 R /Info ${infoId} 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return new Uint8Array(Buffer.from(out, 'latin1'));
}
