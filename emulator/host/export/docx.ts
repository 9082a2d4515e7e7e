// A Google Doc of the runtime as a Word file (the `docx` package): headings, alignment, bold/italic/
// underline/size runs, line breaks, tables with single borders; tick boxes ☐/☑ stay characters.
import {
  AlignmentType,
  BorderStyle,
  Document,
  HeadingLevel,
  Packer,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
} from 'docx';
import type { Alignment, DocModel, NamedStyle, Paragraph as DocParagraph, Run } from '../../docs/doc-model';

const HEADING: Partial<Record<NamedStyle, (typeof HeadingLevel)[keyof typeof HeadingLevel]>> = {
  TITLE: HeadingLevel.TITLE,
  HEADING_1: HeadingLevel.HEADING_1,
  HEADING_2: HeadingLevel.HEADING_2,
  HEADING_3: HeadingLevel.HEADING_3,
  HEADING_4: HeadingLevel.HEADING_4,
  HEADING_5: HeadingLevel.HEADING_5,
  HEADING_6: HeadingLevel.HEADING_6,
};
const ALIGN: Record<Alignment, (typeof AlignmentType)[keyof typeof AlignmentType]> = {
  START: AlignmentType.LEFT,
  CENTER: AlignmentType.CENTER,
  END: AlignmentType.RIGHT,
  JUSTIFIED: AlignmentType.JUSTIFIED,
};
const LINE = { style: BorderStyle.SINGLE, size: 4, color: '000000' };

/** One model run as Word runs: U+000B (a line break inside the paragraph) becomes <w:br/>. */
function textRuns(r: Run): TextRun[] {
  return r.text.split('\u000b').map(
    (text, i) =>
      new TextRun({
        text,
        ...(i > 0 ? { break: 1 } : {}),
        ...(r.bold !== undefined ? { bold: r.bold } : {}),
        ...(r.italic !== undefined ? { italics: r.italic } : {}),
        ...(r.underline ? { underline: {} } : {}),
        ...(r.size !== undefined ? { size: Math.round(r.size * 2) } : {}),
      }),
  );
}

function paragraphOf(p: DocParagraph): Paragraph {
  return new Paragraph({
    children: p.runs.flatMap(textRuns),
    ...(HEADING[p.style] ? { heading: HEADING[p.style] } : {}),
    ...(p.align ? { alignment: ALIGN[p.align] } : {}),
  });
}

function tableOf(rows: DocParagraph[][][]): Table {
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    borders: { top: LINE, bottom: LINE, left: LINE, right: LINE, insideHorizontal: LINE, insideVertical: LINE },
    rows: rows.map(
      (row) => new TableRow({ children: row.map((content) => new TableCell({ children: content.map(paragraphOf) })) }),
    ),
  });
}

/** Renders a document as .docx bytes. */
export async function docToDocx(doc: DocModel, title: string): Promise<Uint8Array> {
  const children = doc.blocks.map((b) =>
    b.type === 'paragraph' ? paragraphOf(b) : tableOf(b.rows.map((r) => r.map((c) => c.content))),
  );
  const file = new Document({
    title,
    creator: 'local Apps Script runtime',
    styles: {
      default: { document: { run: { font: { ascii: 'Arial', hAnsi: 'Arial', eastAsia: 'SimSun' }, size: 22 } } },
    },
    sections: [{ children }],
  });
  return new Uint8Array(await Packer.toBuffer(file));
}
