// Renders the document model as the Docs API v1 `Document` JSON, with start/end indices counted in UTF-16
// code units exactly as Docs counts them (section break 0–1, one index per table, row and cell marker).
import { mergeRuns, sameStyle, type Block, type DocModel, type Paragraph, type Run, type Table } from './doc-model';

/** Where a paragraph sits: its array (body or cell content), its place there, and its index range. */
export interface ParagraphSpan {
  paragraph: Paragraph;
  container: Block[];
  at: number;
  start: number;
  /** Exclusive; the paragraph's closing newline is at `end - 1`. */
  end: number;
}

/** The length of a paragraph in Docs indices, closing newline included. */
export function paragraphLength(p: Paragraph): number {
  return p.runs.reduce((n, r) => n + r.text.length, 0) + 1;
}

/** Every paragraph of the body (table cells included) with its index range, in document order. */
export function paragraphSpans(doc: DocModel): ParagraphSpan[] {
  const out: ParagraphSpan[] = [];
  let index = 1;
  const visit = (container: Block[]): void => {
    container.forEach((b, at) => {
      if (b.type === 'paragraph') {
        const end = index + paragraphLength(b);
        out.push({ paragraph: b, container, at, start: index, end });
        index = end;
        return;
      }
      index += 1; // table start
      for (const row of b.rows) {
        index += 1; // row start
        for (const cell of row) {
          index += 1; // cell start
          visit(cell.content);
        }
      }
      index += 1; // table end
    });
  };
  visit(doc.blocks);
  return out;
}

/** The end index of the body (one past the final newline). */
export function bodyEndIndex(doc: DocModel): number {
  const spans = paragraphSpans(doc);
  return spans.length ? spans[spans.length - 1].end : 1;
}

/** The Docs v1 `Document` resource for a document. */
export function toDocsJson(
  doc: DocModel,
  documentId: string,
  title: string,
  revisionId: string,
): Record<string, unknown> {
  const cursor = { index: 1 };
  const content: unknown[] = [
    {
      endIndex: 1,
      sectionBreak: {
        sectionStyle: { columnSeparatorStyle: 'NONE', contentDirection: 'LEFT_TO_RIGHT', sectionType: 'CONTINUOUS' },
      },
    },
  ];
  for (const b of doc.blocks) content.push(blockJson(b, cursor));
  return {
    documentId,
    title,
    revisionId,
    suggestionsViewMode: 'SUGGESTIONS_INLINE',
    body: { content },
    documentStyle: {
      pageSize: { width: { magnitude: 595.276, unit: 'PT' }, height: { magnitude: 841.89, unit: 'PT' } },
    },
  };
}

function blockJson(b: Block, cursor: { index: number }): unknown {
  return b.type === 'paragraph' ? paragraphJson(b, cursor) : tableJson(b, cursor);
}

function paragraphJson(p: Paragraph, cursor: { index: number }): unknown {
  const startIndex = cursor.index;
  const runs: Run[] = mergeRuns(p.runs);
  const end = p.endStyle ?? {};
  const last = runs[runs.length - 1];
  if (last && sameStyle(last, end)) runs[runs.length - 1] = { ...last, text: last.text + '\n' };
  else runs.push({ ...end, text: '\n' });
  const elements = runs.map((r) => {
    const el = {
      startIndex: cursor.index,
      endIndex: cursor.index + r.text.length,
      textRun: { content: r.text, textStyle: textStyleJson(r) },
    };
    cursor.index = el.endIndex;
    return el;
  });
  const paragraphStyle: Record<string, unknown> = { namedStyleType: p.style, direction: 'LEFT_TO_RIGHT' };
  if (p.align) paragraphStyle.alignment = p.align;
  return { startIndex, endIndex: cursor.index, paragraph: { elements, paragraphStyle } };
}

function textStyleJson(r: Run): Record<string, unknown> {
  const s: Record<string, unknown> = {};
  if (r.bold !== undefined) s.bold = r.bold;
  if (r.italic !== undefined) s.italic = r.italic;
  if (r.underline !== undefined) s.underline = r.underline;
  if (r.size !== undefined) s.fontSize = { magnitude: r.size, unit: 'PT' };
  return s;
}

function tableJson(t: Table, cursor: { index: number }): unknown {
  const startIndex = cursor.index;
  cursor.index += 1;
  const tableRows = t.rows.map((row) => {
    const rowStart = cursor.index;
    cursor.index += 1;
    const tableCells = row.map((cell) => {
      const cellStart = cursor.index;
      cursor.index += 1;
      const content = cell.content.map((p) => paragraphJson(p, cursor));
      return {
        startIndex: cellStart,
        endIndex: cursor.index,
        content,
        tableCellStyle: { rowSpan: 1, columnSpan: 1, contentAlignment: 'TOP' },
      };
    });
    return {
      startIndex: rowStart,
      endIndex: cursor.index,
      tableCells,
      tableRowStyle: { minRowHeight: { unit: 'PT' } },
    };
  });
  cursor.index += 1;
  const columns = t.rows[0]?.length ?? 0;
  return {
    startIndex,
    endIndex: cursor.index,
    table: {
      rows: t.rows.length,
      columns,
      tableRows,
      tableStyle: {
        tableColumnProperties: Array.from({ length: columns }, () => ({ widthType: 'EVENLY_DISTRIBUTED' })),
      },
    },
  };
}
