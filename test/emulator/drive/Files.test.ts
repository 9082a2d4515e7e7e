// Contract checks of Drive.Files (Drive API v3): create with HTML → Google Doc conversion, fields, get, list
// queries, update, copy, remove, and Google's error shapes.
import { runChecks, type Check } from '../harness';
import { manifest } from '../manifest';

const FILES = 'https://developers.google.com/drive/api/reference/rest/v3/files';
const SEARCH = 'https://developers.google.com/drive/api/guides/search-files';
const NOT_FOUND_LOG = 'GoogleJsonResponseException text in public logs (ericyd/gdrive-copy#186) + ' + FILES + '/get';

export const filesChecks: Check[] = [
  {
    name: 'Files.create of a folder returns the default fields kind, id, name, mimeType only',
    source: FILES + '/create',
    setup: manifest(),
    run: (t) => {
      const f = Drive!.Files.create({ name: '信访模板', mimeType: 'application/vnd.google-apps.folder' });
      t.deepEqual(Object.keys(f).sort(), ['id', 'kind', 'mimeType', 'name']);
      t.equal(f.kind, 'drive#file');
      t.equal(f.mimeType, 'application/vnd.google-apps.folder');
      t.ok(/^[A-Za-z0-9_-]{44}$/.test(f.id!), 'a 44-character id: ' + f.id);
    },
  },
  {
    name: 'Files.create with a text/html blob and the Google Docs type converts the HTML into a Google Doc',
    source: FILES + '/create',
    setup: manifest(),
    run: (t) => {
      const html = '<h1>办理单</h1><p>姓名：{{姓名}}</p><table><tr><td>来信☐</td><td>来访☑</td></tr></table>';
      const f = Drive!.Files.create(
        { name: '附件3', mimeType: 'application/vnd.google-apps.document' },
        Utilities.newBlob(html, 'text/html', 't.html'),
      );
      t.equal(f.mimeType, 'application/vnd.google-apps.document');
      const doc = Docs!.Documents.get(f.id!);
      t.equal(doc.title, '附件3');
      const content = doc.body!.content!;
      t.equal(content[1].paragraph!.paragraphStyle!.namedStyleType, 'HEADING_1');
      t.equal(content[1].paragraph!.elements![0].textRun!.content, '办理单\n');
      t.equal(content[2].paragraph!.elements![0].textRun!.content, '姓名：{{姓名}}\n');
      const cells = content[3].table!.tableRows![0].tableCells!;
      t.deepEqual(
        cells.map((c) => c.content![0].paragraph!.elements![0].textRun!.content),
        ['来信☐\n', '来访☑\n'],
      );
    },
  },
  {
    name: 'fields selects what Files.get returns (parents, trashed, times, webViewLink)',
    source: FILES + '/get',
    setup: manifest(),
    run: (t) => {
      const folder = Drive!.Files.create({ name: 'F', mimeType: 'application/vnd.google-apps.folder' });
      const doc = Drive!.Files.create({
        name: 'D',
        mimeType: 'application/vnd.google-apps.document',
        parents: [folder.id!],
      });
      const got = Drive!.Files.get(doc.id!, { fields: 'id,name,parents,trashed,webViewLink,createdTime' });
      t.deepEqual(Object.keys(got).sort(), ['createdTime', 'id', 'name', 'parents', 'trashed', 'webViewLink']);
      t.deepEqual(got.parents, [folder.id]);
      t.equal(got.trashed, false);
      t.equal(got.webViewLink, 'https://docs.google.com/document/d/' + doc.id + '/edit?usp=drivesdk');
      t.ok(
        /^2024-03-05T01:00:\d\d\.\d{3}Z$/.test(got.createdTime!),
        'RFC 3339 from the simulated clock: ' + got.createdTime,
      );
      t.equal(Drive!.Files.get(doc.id!).parents, undefined, 'not among the default fields');
    },
  },
  {
    name: 'Files.get of an unknown id throws GoogleJsonResponseException "File not found: <id>."',
    source: NOT_FOUND_LOG,
    setup: manifest(),
    run: (t) => {
      t.throws(
        () => Drive!.Files.get('nope'),
        /^API call to drive\.files\.get failed with error: File not found: nope\.$/,
        'GoogleJsonResponseException',
      );
    },
  },
  {
    name: 'an unknown field in fields is Drive\'s 400 "Invalid field selection"',
    source: 'https://developers.google.com/drive/api/guides/fields-parameter',
    setup: manifest(),
    run: (t) => {
      const f = Drive!.Files.create({ name: 'x', mimeType: 'application/vnd.google-apps.folder' });
      t.throws(
        () => Drive!.Files.get(f.id!, { fields: 'id,colour' }),
        /failed with error: Invalid field selection colour$/,
        'GoogleJsonResponseException',
      );
    },
  },
  {
    name: "Files.list with \"'<folder>' in parents and trashed = false\" lists that folder's live files",
    source: SEARCH,
    setup: manifest(),
    run: (t) => {
      const a = Drive!.Files.create({ name: 'A', mimeType: 'application/vnd.google-apps.folder' }).id!;
      const b = Drive!.Files.create({ name: 'B', mimeType: 'application/vnd.google-apps.folder' }).id!;
      Drive!.Files.create({ name: 'a1', mimeType: 'application/vnd.google-apps.document', parents: [a] });
      const gone = Drive!.Files.create({
        name: 'a2',
        mimeType: 'application/vnd.google-apps.document',
        parents: [a],
      }).id!;
      Drive!.Files.create({ name: 'b1', mimeType: 'application/vnd.google-apps.document', parents: [b] });
      Drive!.Files.update({ trashed: true }, gone);
      const res = Drive!.Files.list({ q: "'" + a + "' in parents and trashed = false", fields: 'files(id,name)' });
      t.deepEqual(
        res.files!.map((f) => f.name),
        ['a1'],
      );
      t.equal(res.nextPageToken, undefined);
      const all = Drive!.Files.list({ q: "'" + a + "' in parents" });
      t.deepEqual(
        all.files!.map((f) => f.name),
        ['a1', 'a2'],
        'list includes trashed files unless asked not to',
      );
    },
  },
  {
    name: "Files.list by name = '…' and mimeType = '…' (quotes escaped with a backslash)",
    source: SEARCH,
    setup: manifest(),
    run: (t) => {
      Drive!.Files.create({ name: "O'Brien 模板", mimeType: 'application/vnd.google-apps.folder' });
      Drive!.Files.create({ name: "O'Brien 模板", mimeType: 'application/vnd.google-apps.document' });
      const res = Drive!.Files.list({
        q: "name = 'O\\'Brien 模板' and mimeType = 'application/vnd.google-apps.folder'",
      });
      t.equal(res.files!.length, 1);
      t.equal(res.files![0].mimeType, 'application/vnd.google-apps.folder');
      t.deepEqual(Object.keys(res).sort(), ['files', 'incompleteSearch', 'kind']);
    },
  },
  {
    name: 'Files.list pages with pageSize and nextPageToken',
    source: FILES + '/list',
    setup: manifest(),
    run: (t) => {
      for (let i = 0; i < 3; i++)
        Drive!.Files.create({ name: 'f' + i, mimeType: 'application/vnd.google-apps.folder' });
      // The folders only: the bound spreadsheet is a Drive file too.
      const q = "mimeType = 'application/vnd.google-apps.folder'";
      const p1 = Drive!.Files.list({ q, pageSize: 2 });
      t.equal(p1.files!.length, 2);
      t.ok(p1.nextPageToken);
      const p2 = Drive!.Files.list({ q, pageSize: 2, pageToken: p1.nextPageToken });
      t.deepEqual(
        p2.files!.map((f) => f.name),
        ['f2'],
      );
    },
  },
  {
    name: 'a query term the runtime does not evaluate (contains, or, dates…) fails loudly, never ignored',
    source: SEARCH,
    setup: manifest(),
    run: (t) => {
      t.throws(
        () => Drive!.Files.list({ q: "name contains '模板'" }),
        /not implemented in the local runtime: Drive\.Files\.list query term: name contains/,
        'NotImplemented',
      );
    },
  },
  {
    name: 'Files.update renames and trashes; the file keeps its id',
    source: FILES + '/update',
    setup: manifest(),
    run: (t) => {
      const id = Drive!.Files.create({ name: 'old', mimeType: 'application/vnd.google-apps.document' }).id!;
      const r = Drive!.Files.update({ name: 'new', trashed: true }, id, null as unknown as GoogleAppsScript.Base.Blob, {
        fields: 'id,name,trashed',
      });
      t.deepEqual(r, { id: id, name: 'new', trashed: true });
    },
  },
  {
    name: 'Files.update moves with addParents/removeParents; parents in the body is refused; two parents are not allowed',
    source: FILES + '/update',
    setup: manifest(),
    run: (t) => {
      const a = Drive!.Files.create({ name: 'A', mimeType: 'application/vnd.google-apps.folder' }).id!;
      const b = Drive!.Files.create({ name: 'B', mimeType: 'application/vnd.google-apps.folder' }).id!;
      const id = Drive!.Files.create({
        name: 'doc',
        mimeType: 'application/vnd.google-apps.document',
        parents: [a],
      }).id!;
      const none = null as unknown as GoogleAppsScript.Base.Blob;
      t.throws(
        () => Drive!.Files.update({ parents: [b] }, id),
        /The parents field is not directly writable in update requests\. Use the addParents and removeParents parameters instead\./,
        'GoogleJsonResponseException',
      );
      t.throws(
        () => Drive!.Files.update({}, id, none, { addParents: b }),
        /Increasing the number of parents is not allowed\./,
        'GoogleJsonResponseException',
      );
      Drive!.Files.update({}, id, none, { addParents: b, removeParents: a });
      t.deepEqual(Drive!.Files.get(id, { fields: 'parents' }).parents, [b]);
    },
  },
  {
    name: 'Files.copy is a deep copy named "Copy of …" in the same folder; editing the copy leaves the template',
    source: FILES + '/copy',
    setup: manifest(),
    run: (t) => {
      const folder = Drive!.Files.create({ name: 'F', mimeType: 'application/vnd.google-apps.folder' }).id!;
      const tpl = Drive!.Files.create(
        { name: '模板', mimeType: 'application/vnd.google-apps.document', parents: [folder] },
        Utilities.newBlob('<p>{{姓名}}</p><table><tr><td>{{电话}}</td></tr></table>', 'text/html'),
      ).id!;
      const copy = Drive!.Files.copy({}, tpl, { fields: 'id,name,parents' });
      t.equal(copy.name, 'Copy of 模板');
      t.deepEqual(copy.parents, [folder]);
      Docs!.Documents.batchUpdate(
        {
          requests: [
            { replaceAllText: { containsText: { text: '{{姓名}}' }, replaceText: '张三' } },
            { replaceAllText: { containsText: { text: '{{电话}}' }, replaceText: '138' } },
          ],
        },
        copy.id!,
      );
      const text = (id: string): string => JSON.stringify(Docs!.Documents.get(id).body);
      t.ok(text(copy.id!).indexOf('张三') >= 0 && text(copy.id!).indexOf('138') >= 0);
      t.ok(text(tpl).indexOf('{{姓名}}') >= 0 && text(tpl).indexOf('{{电话}}') >= 0, 'the template is unchanged');
    },
  },
  {
    name: 'Files.copy with a name and parents; an unknown source id is "File not found"',
    source: FILES + '/copy',
    setup: manifest(),
    run: (t) => {
      const out = Drive!.Files.create({ name: 'out', mimeType: 'application/vnd.google-apps.folder' }).id!;
      const tpl = Drive!.Files.create({ name: 'tpl', mimeType: 'application/vnd.google-apps.document' }).id!;
      const c = Drive!.Files.copy({ name: '2024-001 办理单', parents: [out] }, tpl, { fields: 'name,parents' });
      t.deepEqual(c, { name: '2024-001 办理单', parents: [out] });
      t.throws(
        () => Drive!.Files.copy({}, 'missing'),
        /^API call to drive\.files\.copy failed with error: File not found: missing\.$/,
        'GoogleJsonResponseException',
      );
    },
  },
  {
    name: 'Files.remove deletes the file for good',
    source: FILES + '/delete',
    setup: manifest(),
    run: (t) => {
      const id = Drive!.Files.create({ name: 'x', mimeType: 'application/vnd.google-apps.document' }).id!;
      Drive!.Files.remove(id);
      t.throws(() => Drive!.Files.get(id), /File not found/, 'GoogleJsonResponseException');
    },
  },
  {
    name: 'Files.create is counted and costs simulated time',
    source: '../shared/docs/local-runtime-fidelity.md §14 (P2 execution-time counters)',
    setup: manifest(),
    run: () => {
      Drive!.Files.create({ name: 'x', mimeType: 'application/vnd.google-apps.document' });
    },
    after: (env) => {
      expect(env.stats().total['Drive.Files.create']).toBe(1);
      const ex = env.executions()[0];
      expect(ex.end!.getTime() - ex.start.getTime()).toBeGreaterThanOrEqual(2000);
    },
  },
];

runChecks('drive.Files', filesChecks);
