// HTML → Google Doc conversion (Drive.Files.create with a text/html blob) at the model level.
import { htmlToDoc } from '../../../emulator/drive/html-to-doc';
import { docPlainText } from '../../../emulator/docs/doc-model';

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
