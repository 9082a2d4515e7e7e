// Docs v1 advanced service: contract checks, plus the HTML conversion and edits at the model level.
import { runChecks } from './checks/harness';
import { docsChecks } from './checks/docs.checks';
import { htmlToDoc } from '../../emulator/drive/html-to-doc';
import { docPlainText } from '../../emulator/docs/doc-model';
import { replaceAllText } from '../../emulator/docs/doc-edit';
import { paragraphSpans } from '../../emulator/docs/doc-json';

runChecks('Docs v1 advanced service', docsChecks);

describe('HTML → Google Doc conversion', () => {
  test('whitespace collapses as in HTML, entities decode, <br> is a line break inside the paragraph', () => {
    const doc = htmlToDoc('<p>  a \n  b&nbsp;&amp;&#x4e2d;<br>c  </p>');
    expect(doc.blocks).toEqual([{ type: 'paragraph', style: 'NORMAL_TEXT', runs: [{ text: 'a b\u00a0&中\u000bc' }] }]);
  });

  test('head, style and script contents are dropped; unknown inline tags keep their text', () => {
    const doc = htmlToDoc(
      '<html><head><title>T</title><style>p{}</style><script>x()</script></head><body><p><mark>标</mark><font>记</font></p></body></html>',
    );
    expect(docPlainText(doc)).toBe('标记');
  });

  test('a table first in the body gets a paragraph before it, and the body ends with a paragraph', () => {
    const doc = htmlToDoc('<table><tr><td>a</td></tr></table>');
    expect(doc.blocks.map((b) => b.type)).toEqual(['paragraph', 'table', 'paragraph']);
  });

  test('lists and merged cells fail loudly instead of being flattened', () => {
    expect(() => htmlToDoc('<ul><li>x</li></ul>')).toThrow(
      /not implemented in the local runtime: Drive HTML conversion of <ul>/,
    );
    expect(() => htmlToDoc('<table><tr><td colspan="2">x</td></tr></table>')).toThrow(/merged table cells/);
    expect(() => htmlToDoc('<table><tr><td><table><tr><td>x</td></tr></table></td></tr></table>')).toThrow(
      /a table inside a table cell/,
    );
  });

  test('th cells are bold; inline font-size in px becomes points', () => {
    const doc = htmlToDoc('<table><tr><th>头</th></tr></table><p style="font-size:16px">x</p>');
    const table = doc.blocks[1];
    expect(table.type === 'table' && table.rows[0][0].content[0].runs).toEqual([{ bold: true, text: '头' }]);
    expect(doc.blocks[2]).toMatchObject({ runs: [{ size: 12, text: 'x' }] });
  });
});

describe('replaceAllText on the model', () => {
  test('non-overlapping, left to right ("aaa" with "aa" is one occurrence)', () => {
    const doc = htmlToDoc('<p>aaa</p>');
    expect(replaceAllText(doc, 'aa', 'b', true)).toBe(1);
    expect(docPlainText(doc)).toBe('ba');
  });

  test("a match spanning two differently styled runs takes the first run's style", () => {
    const doc = htmlToDoc('<p>x<b>{{na</b>me}}y</p>');
    replaceAllText(doc, '{{name}}', 'N', true);
    expect(doc.blocks[0]).toMatchObject({ runs: [{ text: 'x' }, { bold: true, text: 'N' }, { text: 'y' }] });
  });

  test('paragraph spans stay contiguous after replacements that add paragraphs', () => {
    const doc = htmlToDoc('<p>{{v}}</p><table><tr><td>{{v}}</td></tr></table><p>end</p>');
    replaceAllText(doc, '{{v}}', '1\n2\n3', true);
    const spans = paragraphSpans(doc);
    expect(spans.map((s) => s.end - s.start)).toEqual([2, 2, 2, 2, 2, 2, 4]);
  });
});
