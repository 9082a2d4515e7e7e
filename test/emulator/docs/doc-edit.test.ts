// Docs edits at the model level: replaceAllText on a converted document.
import { htmlToDoc } from '../../../emulator/drive/html-to-doc';
import { docPlainText } from '../../../emulator/docs/doc-model';
import { replaceAllText } from '../../../emulator/docs/doc-edit';
import { paragraphSpans } from '../../../emulator/docs/doc-json';

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
