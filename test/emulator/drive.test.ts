// Drive v3 advanced service: contract checks, plus what only the host sees (ids, the PDF's text).
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { runChecks } from './checks/harness';
import { driveChecks, manifest } from './checks/drive.checks';
import { createGasEnvironment } from '../../emulator/index';

runChecks('Drive v3 advanced service', driveChecks);

const pdftotext = ['/usr/bin/pdftotext', '/usr/local/bin/pdftotext'].find((p) => existsSync(p));
const pdffonts = ['/usr/bin/pdffonts', '/usr/local/bin/pdffonts'].find((p) => existsSync(p));

describe('Drive on the host side', () => {
  test('file ids are deterministic for a seed and differ between seeds', () => {
    const ids = (seed: number): string[] => {
      const env = createGasEnvironment({ seed });
      manifest()(env);
      const files = env.drive.drive.Files;
      return [
        files.create({ name: 'a', mimeType: 'application/vnd.google-apps.folder' }).id!,
        files.create({ name: 'b', mimeType: 'application/vnd.google-apps.folder' }).id!,
      ];
    };
    expect(ids(3)).toEqual(ids(3));
    expect(ids(3)).not.toEqual(ids(4));
    expect(new Set(ids(3)).size).toBe(2);
  });

  (pdftotext && pdffonts ? test : test.skip)(
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
      const text = execFileSync(pdftotext!, ['-layout', '-', '-'], { input: pdf }).toString('utf8');
      expect(text).toContain('信访流程办理单');
      expect(text).toMatch(/信访人姓名\s+张三 Zhang/);
      expect(text).not.toContain('{{姓名}}');
      // Every font is embedded, so reading the PDF needs no system fonts, CMaps or poppler-data.
      const fonts = execFileSync(pdffonts!, ['-'], { input: pdf })
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
