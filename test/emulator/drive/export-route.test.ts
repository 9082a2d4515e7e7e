// Contract checks of the Drive v3 export endpoint as UrlFetchApp reaches it with the script's token.
import { execFileSync } from 'node:child_process';
import { createGasEnvironment } from '../../../emulator/index';
import { runChecks, type Check } from '../harness';
import { PDFFONTS, PDFTOTEXT, TOOLS, testWithTools } from '../../helpers/tools';
import { manifest } from '../manifest';

const FILES = 'https://developers.google.com/drive/api/reference/rest/v3/files';
const EXPORT = FILES + '/export';

export const exportRouteChecks: Check[] = [
  {
    name: 'the Drive export endpoint returns a PDF of the document when called with ScriptApp.getOAuthToken()',
    source: EXPORT,
    setup: manifest(),
    run: (t) => {
      const id = Drive!.Files.create(
        { name: '办理单', mimeType: 'application/vnd.google-apps.document' },
        Utilities.newBlob('<p>信访人：{{姓名}}</p>', 'text/html'),
      ).id!;
      Docs!.Documents.batchUpdate(
        { requests: [{ replaceAllText: { containsText: { text: '{{姓名}}' }, replaceText: '张三' } }] },
        id,
      );
      const res = UrlFetchApp.fetch(
        'https://www.googleapis.com/drive/v3/files/' + id + '/export?mimeType=application%2Fpdf',
        { headers: { Authorization: 'Bearer ' + ScriptApp.getOAuthToken() } },
      );
      t.equal(res.getResponseCode(), 200);
      t.equal((res.getHeaders() as Record<string, string>)['Content-Type'], 'application/pdf');
      const blob = res.getBlob();
      t.equal(blob.getContentType(), 'application/pdf');
      t.equal(blob.getDataAsString().slice(0, 8), '%PDF-1.4');
      t.ok(blob.getDataAsString().slice(-6).indexOf('%%EOF') >= 0);
    },
  },
  {
    name: 'the export endpoint without a token answers 401 (missing credential)',
    source: EXPORT,
    setup: manifest(),
    run: (t) => {
      const id = Drive!.Files.create({ name: 'd', mimeType: 'application/vnd.google-apps.document' }).id!;
      const res = UrlFetchApp.fetch(
        'https://www.googleapis.com/drive/v3/files/' + id + '/export?mimeType=application/pdf',
        { muteHttpExceptions: true },
      );
      t.equal(res.getResponseCode(), 401);
      const err = JSON.parse(res.getContentText()).error;
      t.equal(err.code, 401);
      t.equal(err.status, 'UNAUTHENTICATED');
      t.ok(/^Request is missing required authentication credential\./.test(err.message), err.message);
    },
  },
  {
    name: 'the export endpoint with a wrong token fails: UrlFetchApp throws for the 401',
    source: EXPORT,
    setup: manifest(),
    run: (t) => {
      const id = Drive!.Files.create({ name: 'd', mimeType: 'application/vnd.google-apps.document' }).id!;
      const url = 'https://www.googleapis.com/drive/v3/files/' + id + '/export?mimeType=application/pdf';
      t.throws(() => UrlFetchApp.fetch(url, { headers: { Authorization: 'Bearer ya29.forged' } }), /returned code 401/);
      const res = UrlFetchApp.fetch(url, {
        headers: { Authorization: 'Bearer ya29.forged' },
        muteHttpExceptions: true,
      });
      t.ok(/^Request had invalid authentication credentials\./.test(JSON.parse(res.getContentText()).error.message));
    },
  },
  {
    name: 'the export endpoint answers 404 for an unknown file and 403 for a folder',
    source: EXPORT,
    setup: manifest(),
    run: (t) => {
      const opts = { headers: { Authorization: 'Bearer ' + ScriptApp.getOAuthToken() }, muteHttpExceptions: true };
      const res = UrlFetchApp.fetch(
        'https://www.googleapis.com/drive/v3/files/nope/export?mimeType=application/pdf',
        opts,
      );
      t.equal(res.getResponseCode(), 404);
      t.equal(JSON.parse(res.getContentText()).error.message, 'File not found: nope.');
      const folder = Drive!.Files.create({ name: 'F', mimeType: 'application/vnd.google-apps.folder' }).id!;
      t.equal(
        UrlFetchApp.fetch(
          'https://www.googleapis.com/drive/v3/files/' + folder + '/export?mimeType=application/pdf',
          opts,
        ).getResponseCode(),
        403,
      );
    },
  },
];

runChecks('drive.export-route', exportRouteChecks);

describe('the exported PDF on the host side', () => {
  testWithTools(
    [TOOLS.poppler],
    "the exported PDF holds the document's current text, tables included, in embedded fonts (pdftotext, pdffonts)",
    () => {
      const env = createGasEnvironment({ now: '2024-03-05T09:00:00+08:00' });
      manifest()(env);
      env.loadSource(
        `function make() {
        var id = Drive.Files.create({ name: '办理单', mimeType: 'application/vnd.google-apps.document' },
          Utilities.newBlob('<h1>信访流程办理单</h1><table><tr><td>信访人姓名</td><td>{{姓名}}</td></tr><tr><td>信访形式</td><td>来信☑ 来访☐</td></tr></table>', 'text/html')).id;
        Docs.Documents.batchUpdate({ requests: [{ replaceAllText: { containsText: { text: '{{姓名}}' }, replaceText: '张三 Zhang' } }] }, id);
        var res = UrlFetchApp.fetch('https://www.googleapis.com/drive/v3/files/' + id + '/export?mimeType=application/pdf', { headers: { Authorization: 'Bearer ' + ScriptApp.getOAuthToken() } });
        return Utilities.base64Encode(res.getContent());
      }`,
        env.core.manifest,
      );
      const pdf = Buffer.from(env.run('make') as string, 'base64');
      const text = execFileSync(PDFTOTEXT!, ['-layout', '-', '-'], { input: pdf }).toString('utf8');
      expect(text).toContain('信访流程办理单');
      expect(text).toMatch(/信访人姓名\s+张三 Zhang/);
      expect(text).not.toContain('{{姓名}}');
      // Every font is embedded, so reading the PDF needs no system fonts, CMaps or poppler-data.
      const fonts = execFileSync(PDFFONTS!, ['-'], { input: pdf })
        .toString('utf8')
        .trim()
        .split('\n')
        .slice(2)
        .map((l) => l.trim().split(/\s+/));
      expect(fonts.length).toBeGreaterThan(0);
      for (const f of fonts) expect({ font: f[0], emb: f[f.length - 5] }).toEqual({ font: f[0], emb: 'yes' });
    },
  );
});
