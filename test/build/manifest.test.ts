// The manifest and the clasp project file: the scopes cannot grow silently and no personal script id is tracked.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { ROOT } from '../helpers/dist';

const manifest = JSON.parse(fs.readFileSync(path.join(ROOT, 'appsscript.json'), 'utf8'));

describe('appsscript.json', () => {
  it('runs V8 in Asia/Shanghai with Cloud Logging', () => {
    expect(manifest).toMatchObject({
      timeZone: 'Asia/Shanghai',
      runtimeVersion: 'V8',
      exceptionLogging: 'STACKDRIVER',
    });
  });

  it('asks for exactly the seven scopes decisions.md allows — a new scope must change this test on purpose', () => {
    // https://developers.google.com/apps-script/concepts/scopes — explicit scopes stop auto-detection. The full
    // spreadsheets scope (decision 3): the web app opens its ledger by id, the archive and self-test open others.
    expect(manifest.oauthScopes).toEqual([
      'https://www.googleapis.com/auth/spreadsheets',
      'https://www.googleapis.com/auth/drive',
      'https://www.googleapis.com/auth/script.send_mail',
      'https://www.googleapis.com/auth/script.scriptapp',
      'https://www.googleapis.com/auth/script.container.ui',
      'https://www.googleapis.com/auth/script.external_request',
      'https://www.googleapis.com/auth/userinfo.email',
    ]);
  });

  it('deploys the 部室工作台 as a web app executing as the deployer, open to the office’s domain only', () => {
    // https://developers.google.com/apps-script/manifest/web-app-api-executable#webapp (decision 11).
    expect(manifest.webapp).toEqual({ executeAs: 'USER_DEPLOYING', access: 'DOMAIN' });
  });

  it('enables the Drive v3 and Docs v1 advanced services', () => {
    expect(manifest.dependencies.enabledAdvancedServices).toEqual([
      { userSymbol: 'Drive', serviceId: 'drive', version: 'v3' },
      { userSymbol: 'Docs', serviceId: 'docs', version: 'v1' },
    ]);
  });

  it('whitelists only HTTPS prefixes of the robots and the Drive export endpoint', () => {
    // https://developers.google.com/apps-script/manifest — urlFetchWhitelist entries are HTTPS URL prefixes.
    expect(manifest.urlFetchWhitelist).toEqual([
      'https://oapi.dingtalk.com/robot/send',
      'https://qyapi.weixin.qq.com/cgi-bin/webhook/send',
      'https://www.googleapis.com/drive/v3/files/',
    ]);
  });
});

describe('.clasp.json as tracked', () => {
  it('pushes dist/ and carries no script id', () => {
    // The version git tracks (the index), not a local copy that `npm run clasp:use` filled in.
    const clasp = JSON.parse(execFileSync('git', ['show', ':.clasp.json'], { cwd: ROOT, encoding: 'utf8' }));
    expect(clasp).toEqual({ scriptId: '', rootDir: 'dist' });
  });
});
