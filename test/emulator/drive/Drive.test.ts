// Contract checks of the Drive v3 advanced service as a whole: defined only when the manifest enables it, under its
// userSymbol, and the API's answers to missing scopes, drive.file and simple triggers.
import { runChecks, type Check } from '../harness';
import { APP_SCOPES, manifest } from '../manifest';
import type { GasEnvironment } from '../../../emulator/index';

const ADV = 'https://developers.google.com/apps-script/guides/services/advanced';
const scope = (s: string): string => 'https://www.googleapis.com/auth/' + s;

/** A setup like manifest(scopes), plus a file the app did not create (made by another app or by hand), its id in
 * Script Properties. */
function withForeignDoc(scopes: string[]): (env: GasEnvironment) => void {
  return (env) => {
    manifest(scopes)(env);
    const f = env.drive.store.add({
      name: '外部文件',
      mimeType: 'application/vnd.google-apps.document',
      parents: [env.drive.store.rootId],
      trashed: false,
      appCreated: false,
      doc: { blocks: [{ type: 'paragraph', style: 'NORMAL_TEXT', runs: [] }] },
    });
    env.globals.PropertiesService.getScriptProperties().setProperty('FOREIGN', f.id);
  };
}

export const driveChecks: Check[] = [
  {
    name: 'Drive and Docs are not defined when the manifest does not enable them',
    source: ADV,
    setup: manifest(APP_SCOPES, []),
    run: (t) => {
      t.equal(typeof Drive, 'undefined');
      t.equal(typeof Docs, 'undefined');
    },
  },
  {
    name: 'an advanced service is defined under the userSymbol the manifest gives, and only that one',
    source: ADV,
    setup: manifest(APP_SCOPES, [{ userSymbol: 'DriveApi', serviceId: 'drive', version: 'v3' }]),
    run: (t) => {
      const g = globalThis as unknown as Record<
        string,
        { Files: GoogleAppsScript.Drive_v3.Drive.V3.Collection.FilesCollection }
      >;
      t.equal(typeof g.DriveApi, 'object');
      t.equal(typeof Drive, 'undefined');
      t.equal(typeof Docs, 'undefined');
      t.equal(g.DriveApi.Files.create({ name: 'x', mimeType: 'application/vnd.google-apps.folder' }).name, 'x');
    },
  },
  {
    name: 'without a Drive scope in the manifest the API answers 403 insufficient scopes',
    source: 'https://developers.google.com/drive/api/guides/api-specific-auth',
    setup: manifest(APP_SCOPES.filter((s) => !s.endsWith('/drive'))),
    run: (t) => {
      t.throws(
        () => Drive!.Files.list({}),
        /^API call to drive\.files\.list failed with error: Request had insufficient authentication scopes\.$/,
        'GoogleJsonResponseException',
      );
    },
  },
  {
    name: 'with drive.file only, files the app did not create are "not found"; its own files work',
    source: 'https://developers.google.com/drive/api/guides/api-specific-auth',
    setup: withForeignDoc([scope('drive.file'), scope('script.external_request')]),
    run: (t) => {
      const id = PropertiesService.getScriptProperties().getProperty('FOREIGN')!;
      t.throws(() => Drive!.Files.copy({}, id), /File not found: /, 'GoogleJsonResponseException');
      const mine = Drive!.Files.create({ name: 'mine', mimeType: 'application/vnd.google-apps.document' }).id!;
      t.equal(Drive!.Files.get(mine).name, 'mine');
      t.deepEqual(
        Drive!.Files.list({}).files!.map((f) => f.name),
        ['mine'],
      );
    },
  },
  {
    name: 'a simple trigger (AuthMode.LIMITED) may not call the advanced service',
    source: 'https://developers.google.com/apps-script/guides/triggers#restrictions',
    kind: 'simpleTrigger',
    setup: manifest(),
    run: (t) => {
      t.throws(() => Drive!.Files.list({}), /You do not have permission to call/);
    },
  },
  {
    name: 'an enabled advanced service the runtime does not emulate is a global whose members are loud',
    source: ADV,
    setup: manifest(APP_SCOPES, [{ userSymbol: 'Drive', serviceId: 'drive', version: 'v2' }]),
    run: (t) => {
      t.equal(typeof Drive, 'object');
      t.throws(() => Drive!.Files, /^not implemented in the local runtime: Drive\.Files$/, 'NotImplemented');
    },
  },
];

runChecks('drive.Drive', driveChecks);
