// Contract checks of Docs v1 Documents: the Document JSON the app reads (indices included), batchUpdate's literal
// replaceAllText (metacharacters, `$`, emoji, long values, matchCase, newlines, inherited style), insertText /
// updateTextStyle, atomic batches, Google's error shapes
// (https://developers.google.com/docs/api/reference/rest/v1/documents).
import { runChecks, type Check } from '../harness';
import { manifest } from '../manifest';

const DOCS = 'https://developers.google.com/docs/api/reference/rest/v1/documents';
const REQUEST = 'https://developers.google.com/docs/api/reference/rest/v1/documents/request';
const STRUCTURE = 'https://developers.google.com/docs/api/concepts/structure';

export const documentsChecks: Check[] = [
  {
    name: 'Documents.get: a section break 0–1, then paragraphs whose text runs end with "\\n", indices contiguous',
    source: STRUCTURE,
    setup: manifest(),
    run: (t) => {
      const id = Drive!.Files.create(
        { name: '附件4', mimeType: 'application/vnd.google-apps.document' },
        Utilities.newBlob('<h2>登记单</h2><p>编号 <b>镜访[2024]1号</b></p>', 'text/html'),
      ).id!;
      const doc = Docs!.Documents.get(id);
      t.equal(doc.documentId, id);
      const c = doc.body!.content!;
      t.equal(c[0].endIndex, 1);
      t.ok(c[0].sectionBreak);
      t.equal(c[1].startIndex, 1);
      t.equal(c[1].paragraph!.paragraphStyle!.namedStyleType, 'HEADING_2');
      const els = c[2].paragraph!.elements!;
      t.deepEqual(
        els.map((e) => e.textRun!.content),
        ['编号 ', '镜访[2024]1号\n'],
      );
      t.deepEqual(
        els.map((e) => e.textRun!.textStyle!.bold),
        [undefined, true],
      );
      for (let i = 2; i < c.length; i++) t.equal(c[i].startIndex, c[i - 1].endIndex, 'contiguous at ' + i);
      t.equal(els[0].startIndex, c[2].startIndex);
      t.equal(els[1].endIndex, c[2].endIndex);
    },
  },
  {
    name: "a table: rows and columns, cells holding paragraphs, the first cell's paragraph at table start + 3",
    source: STRUCTURE,
    setup: manifest(),
    run: (t) => {
      const html =
        '<p>前</p><table><tr><td>姓名</td><td>{{姓名}}</td></tr><tr><td>电话</td><td>{{电话}}</td></tr></table>';
      const id = Drive!.Files.create(
        { name: 't', mimeType: 'application/vnd.google-apps.document' },
        Utilities.newBlob(html, 'text/html'),
      ).id!;
      const c = Docs!.Documents.get(id).body!.content!;
      const el = c[2];
      const table = el.table!;
      t.equal(table.rows, 2);
      t.equal(table.columns, 2);
      const cell = table.tableRows![1].tableCells![1];
      t.equal(cell.content![0].paragraph!.elements![0].textRun!.content, '{{电话}}\n');
      t.equal(table.tableRows![0].tableCells![0].content![0].startIndex, el.startIndex! + 3);
      t.equal(c[3].startIndex, el.endIndex, 'a paragraph follows the table');
      t.equal(c[c.length - 1].paragraph !== undefined, true, 'the body ends with a paragraph');
    },
  },
  {
    name: 'Documents.get of an unknown id throws "Requested entity was not found."',
    source: DOCS + '/get',
    setup: manifest(),
    run: (t) => {
      t.throws(
        () => Docs!.Documents.get('nope'),
        /^API call to docs\.documents\.get failed with error: Requested entity was not found\.$/,
        'GoogleJsonResponseException',
      );
      t.throws(
        () => Docs!.Documents.batchUpdate({ requests: [] }, 'nope'),
        /^API call to docs\.documents\.batchUpdate failed with error: Requested entity was not found\.$/,
        'GoogleJsonResponseException',
      );
    },
  },
  {
    name: 'replaceAllText replaces every occurrence, in paragraphs and table cells, and counts them',
    source: REQUEST + '#replacealltextrequest',
    setup: manifest(),
    run: (t) => {
      const html = '<p>{{x}} 和 {{x}}</p><table><tr><td>{{x}}</td><td>{{y}}</td></tr></table>';
      const id = Drive!.Files.create(
        { name: 't', mimeType: 'application/vnd.google-apps.document' },
        Utilities.newBlob(html, 'text/html'),
      ).id!;
      const r = Docs!.Documents.batchUpdate(
        { requests: [{ replaceAllText: { containsText: { text: '{{x}}', matchCase: true }, replaceText: '甲' } }] },
        id,
      );
      t.deepEqual(r.replies, [{ replaceAllText: { occurrencesChanged: 3 } }]);
      t.equal(r.documentId, id);
      const body = JSON.stringify(Docs!.Documents.get(id).body);
      t.ok(body.indexOf('{{x}}') < 0 && body.indexOf('甲 和 甲') >= 0 && body.indexOf('{{y}}') >= 0);
    },
  },
  {
    name: 'the match is literal: regex metacharacters in the placeholder match only themselves',
    source: REQUEST + '#substringmatchcriteria',
    setup: manifest(),
    run: (t) => {
      const html = '<p>a.b*(c)[d]^e$|f? aXb</p>';
      const id = Drive!.Files.create(
        { name: 't', mimeType: 'application/vnd.google-apps.document' },
        Utilities.newBlob(html, 'text/html'),
      ).id!;
      const r = Docs!.Documents.batchUpdate(
        {
          requests: [
            { replaceAllText: { containsText: { text: 'a.b*(c)[d]^e$|f?', matchCase: true }, replaceText: 'OK' } },
            { replaceAllText: { containsText: { text: 'a.b', matchCase: true }, replaceText: 'NO' } },
          ],
        },
        id,
      );
      t.deepEqual(r.replies, [{ replaceAllText: { occurrencesChanged: 1 } }, { replaceAllText: {} }]);
      t.equal(Docs!.Documents.get(id).body!.content![1].paragraph!.elements![0].textRun!.content, 'OK aXb\n');
    },
  },
  {
    name: 'the replacement is literal too: $&, $1, $$ and backslashes are inserted as written',
    source: REQUEST + '#replacealltextrequest',
    setup: manifest(),
    run: (t) => {
      const id = Drive!.Files.create(
        { name: 't', mimeType: 'application/vnd.google-apps.document' },
        Utilities.newBlob('<p>[{{v}}]</p>', 'text/html'),
      ).id!;
      const value = '$& $1 $$ \\1 C:\\temp\\n';
      Docs!.Documents.batchUpdate(
        { requests: [{ replaceAllText: { containsText: { text: '{{v}}' }, replaceText: value } }] },
        id,
      );
      t.equal(Docs!.Documents.get(id).body!.content![1].paragraph!.elements![0].textRun!.content, '[' + value + ']\n');
    },
  },
  {
    name: 'emoji (surrogate pairs) are found and inserted whole; indices count UTF-16 code units',
    source: STRUCTURE,
    setup: manifest(),
    run: (t) => {
      const id = Drive!.Files.create(
        { name: 't', mimeType: 'application/vnd.google-apps.document' },
        Utilities.newBlob('<p>😀{{v}}😀</p>', 'text/html'),
      ).id!;
      Docs!.Documents.batchUpdate(
        { requests: [{ replaceAllText: { containsText: { text: '😀{{v}}' }, replaceText: '👍🏽好' } }] },
        id,
      );
      const p = Docs!.Documents.get(id).body!.content![1];
      t.equal(p.paragraph!.elements![0].textRun!.content, '👍🏽好😀\n');
      t.equal(p.endIndex! - p.startIndex!, '👍🏽好😀\n'.length);
    },
  },
  {
    name: 'a 5,000-character value replaces in full',
    source: REQUEST + '#replacealltextrequest',
    setup: manifest(),
    run: (t) => {
      const id = Drive!.Files.create(
        { name: 't', mimeType: 'application/vnd.google-apps.document' },
        Utilities.newBlob('<table><tr><td>诉求：{{诉求}}</td></tr></table>', 'text/html'),
      ).id!;
      let long = '';
      for (let i = 0; i < 500; i++) long += '反映问题第' + String(i % 10) + '项内容，';
      t.equal(long.length, 5000);
      Docs!.Documents.batchUpdate(
        { requests: [{ replaceAllText: { containsText: { text: '{{诉求}}' }, replaceText: long } }] },
        id,
      );
      const cell = Docs!.Documents.get(id).body!.content![2].table!.tableRows![0].tableCells![0];
      t.equal(cell.content![0].paragraph!.elements![0].textRun!.content, '诉求：' + long + '\n');
    },
  },
  {
    name: 'matchCase defaults to false (case-insensitive); true matches the exact case only',
    source: REQUEST + '#substringmatchcriteria',
    setup: manifest(),
    run: (t) => {
      const html = '<p>{{Name}} {{NAME}} {{name}}</p>';
      const a = Drive!.Files.create(
        { name: 'a', mimeType: 'application/vnd.google-apps.document' },
        Utilities.newBlob(html, 'text/html'),
      ).id!;
      const b = Drive!.Files.copy({}, a).id!;
      t.deepEqual(
        Docs!.Documents.batchUpdate(
          { requests: [{ replaceAllText: { containsText: { text: '{{name}}' }, replaceText: 'x' } }] },
          a,
        ).replies,
        [{ replaceAllText: { occurrencesChanged: 3 } }],
      );
      t.deepEqual(
        Docs!.Documents.batchUpdate(
          { requests: [{ replaceAllText: { containsText: { text: '{{name}}', matchCase: true }, replaceText: 'x' } }] },
          b,
        ).replies,
        [{ replaceAllText: { occurrencesChanged: 1 } }],
      );
      t.equal(
        Docs!.Documents.get(b).body!.content![1].paragraph!.elements![0].textRun!.content,
        '{{Name}} {{NAME}} x\n',
      );
    },
  },
  {
    name: 'a "\\n" in the replacement starts a new paragraph (in a table cell: a second paragraph in the cell)',
    source: REQUEST + '#inserttextrequest',
    setup: manifest(),
    run: (t) => {
      const html = '<h3>{{t}}</h3><table><tr><td>意见：{{v}}</td></tr></table>';
      const id = Drive!.Files.create(
        { name: 't', mimeType: 'application/vnd.google-apps.document' },
        Utilities.newBlob(html, 'text/html'),
      ).id!;
      Docs!.Documents.batchUpdate(
        {
          requests: [
            { replaceAllText: { containsText: { text: '{{v}}' }, replaceText: '第一行\n第二行' } },
            { replaceAllText: { containsText: { text: '{{t}}' }, replaceText: 'A\nB' } },
          ],
        },
        id,
      );
      const c = Docs!.Documents.get(id).body!.content!;
      t.deepEqual(
        [c[1], c[2]].map((e) => [
          e.paragraph!.elements![0].textRun!.content,
          e.paragraph!.paragraphStyle!.namedStyleType,
        ]),
        [
          ['A\n', 'HEADING_3'],
          ['B\n', 'HEADING_3'],
        ],
      );
      const cell = c[3].table!.tableRows![0].tableCells![0].content!;
      t.deepEqual(
        cell.map((p) => p.paragraph!.elements!.map((e) => e.textRun!.content).join('')),
        ['意见：第一行\n', '第二行\n'],
      );
    },
  },
  {
    name: 'the replacement keeps the style of the placeholder it replaces (bold, size)',
    source: REQUEST + '#replacealltextrequest',
    setup: manifest(),
    run: (t) => {
      const html = '<p>姓名：<b><span style="font-size:14pt">{{姓名}}</span></b>。</p>';
      const id = Drive!.Files.create(
        { name: 't', mimeType: 'application/vnd.google-apps.document' },
        Utilities.newBlob(html, 'text/html'),
      ).id!;
      Docs!.Documents.batchUpdate(
        { requests: [{ replaceAllText: { containsText: { text: '{{姓名}}' }, replaceText: '李四' } }] },
        id,
      );
      const els = Docs!.Documents.get(id).body!.content![1].paragraph!.elements!;
      t.deepEqual(
        els.map((e) => e.textRun!.content),
        ['姓名：', '李四', '。\n'],
      );
      t.deepEqual(els[1].textRun!.textStyle, { bold: true, fontSize: { magnitude: 14, unit: 'PT' } });
    },
  },
  {
    name: 'tick boxes ☐/☑ are ordinary characters: a placeholder becomes ☑ or ☐',
    source: '../shared/docs/process.md (forms: □ shown ticked ☑ or empty ☐)',
    setup: manifest(),
    run: (t) => {
      const id = Drive!.Files.create(
        { name: 't', mimeType: 'application/vnd.google-apps.document' },
        Utilities.newBlob('<p>来信{{来信}} 来访{{来访}}</p>', 'text/html'),
      ).id!;
      Docs!.Documents.batchUpdate(
        {
          requests: [
            { replaceAllText: { containsText: { text: '{{来信}}' }, replaceText: '☑' } },
            { replaceAllText: { containsText: { text: '{{来访}}' }, replaceText: '☐' } },
          ],
        },
        id,
      );
      t.equal(Docs!.Documents.get(id).body!.content![1].paragraph!.elements![0].textRun!.content, '来信☑ 来访☐\n');
    },
  },
  {
    name: 'an empty containsText is refused with Google\'s "Invalid requests[0].replaceAllText" shape',
    source: REQUEST + '#replacealltextrequest',
    setup: manifest(),
    run: (t) => {
      const id = Drive!.Files.create({ name: 't', mimeType: 'application/vnd.google-apps.document' }).id!;
      t.throws(
        () =>
          Docs!.Documents.batchUpdate(
            { requests: [{ replaceAllText: { containsText: { text: '' }, replaceText: 'x' } }] },
            id,
          ),
        /^API call to docs\.documents\.batchUpdate failed with error: Invalid requests\[0\]\.replaceAllText: /,
        'GoogleJsonResponseException',
      );
    },
  },
  {
    name: 'a non-string replaceText is a JSON type error, not silently converted',
    source:
      'https://developers.google.com/docs/api/reference/rest/v1/documents/request#replacealltextrequest (replaceText: string)',
    setup: manifest(),
    run: (t) => {
      const id = Drive!.Files.create({ name: 't', mimeType: 'application/vnd.google-apps.document' }).id!;
      const bad = { replaceAllText: { containsText: { text: '{{n}}' }, replaceText: 5 as unknown as string } };
      t.throws(
        () => Docs!.Documents.batchUpdate({ requests: [bad] }, id),
        /Invalid value at 'requests\[0\]\.replace_all_text\.replace_text' \(TYPE_STRING\), 5/,
        'GoogleJsonResponseException',
      );
    },
  },
  {
    name: 'an unknown request kind is the JSON front end\'s "Unknown name"; a known one not emulated is loud',
    source: REQUEST,
    setup: manifest(),
    run: (t) => {
      const id = Drive!.Files.create({ name: 't', mimeType: 'application/vnd.google-apps.document' }).id!;
      const unknown = [{ replaceAll: {} }] as unknown as GoogleAppsScript.Docs.Schema.Request[];
      t.throws(
        () => Docs!.Documents.batchUpdate({ requests: unknown }, id),
        /Invalid JSON payload received\. Unknown name "replaceAll" at 'requests\[0\]': Cannot find field\./,
        'GoogleJsonResponseException',
      );
      t.throws(
        () =>
          Docs!.Documents.batchUpdate(
            { requests: [{ insertTable: { rows: 1, columns: 1, endOfSegmentLocation: {} } }] },
            id,
          ),
        /not implemented in the local runtime: Docs\.Documents\.batchUpdate request insertTable/,
        'NotImplemented',
      );
    },
  },
  {
    name: 'a batch is atomic: when one request fails, none is applied',
    source: DOCS + '/batchUpdate',
    setup: manifest(),
    run: (t) => {
      const id = Drive!.Files.create(
        { name: 't', mimeType: 'application/vnd.google-apps.document' },
        Utilities.newBlob('<p>{{a}}</p>', 'text/html'),
      ).id!;
      t.throws(
        () =>
          Docs!.Documents.batchUpdate(
            {
              requests: [
                { replaceAllText: { containsText: { text: '{{a}}' }, replaceText: 'A' } },
                { replaceAllText: { containsText: { text: '' }, replaceText: 'B' } },
              ],
            },
            id,
          ),
        /Invalid requests\[1\]\.replaceAllText/,
        'GoogleJsonResponseException',
      );
      t.equal(Docs!.Documents.get(id).body!.content![1].paragraph!.elements![0].textRun!.content, '{{a}}\n');
    },
  },
  {
    name: 'insertText at an index and at the end of the body; an index inside a table marker is refused',
    source: REQUEST + '#inserttextrequest',
    setup: manifest(),
    run: (t) => {
      const id = Drive!.Files.create(
        { name: 't', mimeType: 'application/vnd.google-apps.document' },
        Utilities.newBlob('<p>ac</p><table><tr><td>x</td></tr></table>', 'text/html'),
      ).id!;
      Docs!.Documents.batchUpdate(
        {
          requests: [
            { insertText: { location: { index: 2 }, text: 'b' } },
            { insertText: { endOfSegmentLocation: {}, text: '完' } },
          ],
        },
        id,
      );
      const c = Docs!.Documents.get(id).body!.content!;
      t.equal(c[1].paragraph!.elements![0].textRun!.content, 'abc\n');
      t.equal(c[c.length - 1].paragraph!.elements![0].textRun!.content, '完\n');
      t.throws(
        () =>
          Docs!.Documents.batchUpdate(
            { requests: [{ insertText: { location: { index: c[2].startIndex! }, text: 'z' } }] },
            id,
          ),
        /Invalid requests\[0\]\.insertText: The insertion index must be inside the bounds of an existing paragraph\./,
        'GoogleJsonResponseException',
      );
    },
  },
  {
    name: 'updateTextStyle makes a range bold; fields is required',
    source: REQUEST + '#updatetextstylerequest',
    setup: manifest(),
    run: (t) => {
      const id = Drive!.Files.create(
        { name: 't', mimeType: 'application/vnd.google-apps.document' },
        Utilities.newBlob('<p>结论：同意</p>', 'text/html'),
      ).id!;
      Docs!.Documents.batchUpdate(
        {
          requests: [
            { updateTextStyle: { range: { startIndex: 4, endIndex: 6 }, textStyle: { bold: true }, fields: 'bold' } },
          ],
        },
        id,
      );
      const els = Docs!.Documents.get(id).body!.content![1].paragraph!.elements!;
      t.deepEqual(
        els.map((e) => [e.textRun!.content, e.textRun!.textStyle!.bold === true]),
        [
          ['结论：', false],
          ['同意', true],
          ['\n', false],
        ],
      );
      t.throws(
        () =>
          Docs!.Documents.batchUpdate(
            { requests: [{ updateTextStyle: { range: { startIndex: 1, endIndex: 2 }, textStyle: { bold: true } } }] },
            id,
          ),
        /Invalid requests\[0\]\.updateTextStyle: /,
        'GoogleJsonResponseException',
      );
    },
  },
  {
    name: 'writeControl.requiredRevisionId: the current revision applies, a stale one is refused',
    source: DOCS + '/batchUpdate',
    setup: manifest(),
    run: (t) => {
      const id = Drive!.Files.create(
        { name: 't', mimeType: 'application/vnd.google-apps.document' },
        Utilities.newBlob('<p>{{a}}</p>', 'text/html'),
      ).id!;
      const rev = Docs!.Documents.get(id).revisionId!;
      const r = Docs!.Documents.batchUpdate(
        {
          requests: [{ replaceAllText: { containsText: { text: '{{a}}' }, replaceText: 'A' } }],
          writeControl: { requiredRevisionId: rev },
        },
        id,
      );
      t.ok(r.writeControl!.requiredRevisionId !== rev, 'a new revision');
      t.throws(
        () =>
          Docs!.Documents.batchUpdate(
            {
              requests: [{ insertText: { location: { index: 1 }, text: 'x' } }],
              writeControl: { requiredRevisionId: rev },
            },
            id,
          ),
        /does not match the latest revision/,
        'GoogleJsonResponseException',
      );
    },
  },
  {
    name: 'Documents.get with includeTabsContent puts the body in tabs[0].documentTab, not at the top level',
    source: DOCS + '/get',
    setup: manifest(),
    run: (t) => {
      const id = Drive!.Files.create(
        { name: 't', mimeType: 'application/vnd.google-apps.document' },
        Utilities.newBlob('<p>x</p>', 'text/html'),
      ).id!;
      const doc = Docs!.Documents.get(id, { includeTabsContent: true }) as GoogleAppsScript.Docs.Schema.Document & {
        tabs: { documentTab: { body: GoogleAppsScript.Docs.Schema.Body } }[];
      };
      t.equal(doc.body, undefined);
      t.equal(doc.tabs.length, 1);
      t.equal(doc.tabs[0].documentTab.body.content![1].paragraph!.elements![0].textRun!.content, 'x\n');
    },
  },
  {
    name: 'Documents.get with fields returns only the selected parts',
    source: 'https://developers.google.com/docs/api/how-tos/performance#partial',
    setup: manifest(),
    run: (t) => {
      const id = Drive!.Files.create({ name: '标题', mimeType: 'application/vnd.google-apps.document' }).id!;
      t.deepEqual(Docs!.Documents.get(id, { fields: 'title,documentId' }), { title: '标题', documentId: id });
    },
  },
];

runChecks('docs.Documents', documentsChecks);
