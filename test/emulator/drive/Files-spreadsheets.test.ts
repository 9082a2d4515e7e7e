// Contract checks of spreadsheets as Drive files: the bound spreadsheet and each one SpreadsheetApp.create makes are
// files of Drive (same id, the Sheets MIME type, the creator's My Drive), moved with Files.update's addParents and
// removeParents, shared with Drive.Permissions, renamed on either side; copying or deleting one is loud.
import { runChecks, type Check } from '../harness';
import { ADVANCED, APP_SCOPES, manifest } from '../manifest';

const CREATE = 'https://developers.google.com/apps-script/reference/spreadsheet/spreadsheet-app#create(String)';
const FILES = 'https://developers.google.com/drive/api/reference/rest/v3/files';
const PERMISSIONS = 'https://developers.google.com/drive/api/reference/rest/v3/permissions/create';
const MIME = 'https://developers.google.com/drive/api/guides/mime-types';
/** The app's scopes with the full `spreadsheets` one SpreadsheetApp.create needs (decision 3). */
const FULL = [
  ...APP_SCOPES.filter((s) => !s.endsWith('spreadsheets.currentonly')),
  'https://www.googleapis.com/auth/spreadsheets',
];

export const spreadsheetFileChecks: Check[] = [
  {
    name: 'the bound spreadsheet is a Drive file with its id, name and the Sheets MIME type',
    source: MIME + ' + ' + FILES + '/get',
    setup: manifest(FULL, ADVANCED),
    run: (t) => {
      const ss = SpreadsheetApp.getActive();
      const f = Drive!.Files.get(ss.getId(), { fields: 'id,name,mimeType' });
      t.deepEqual(f, { id: ss.getId(), name: ss.getName(), mimeType: 'application/vnd.google-apps.spreadsheet' });
    },
  },
  {
    name: 'SpreadsheetApp.create puts the new spreadsheet in the creator’s My Drive, owned by them',
    source: CREATE + ' + ' + FILES + '/get',
    setup: manifest(FULL, ADVANCED),
    run: (t) => {
      const ss = SpreadsheetApp.create('信访台账归档 2024');
      const root = Drive!.Files.get('root', { fields: 'id' }).id;
      const f = Drive!.Files.get(ss.getId(), { fields: 'name,mimeType,parents,ownedByMe,webViewLink' });
      t.equal(f.name, '信访台账归档 2024');
      t.equal(f.mimeType, 'application/vnd.google-apps.spreadsheet');
      t.deepEqual(f.parents, [root]);
      t.equal(f.ownedByMe, true);
      t.ok(String(f.webViewLink).startsWith('https://docs.google.com/spreadsheets/d/' + ss.getId()));
    },
  },
  {
    name: 'Files.update with addParents and removeParents moves a spreadsheet into a folder; openById still opens it',
    source: FILES + '/update#query-parameters',
    setup: manifest(FULL, ADVANCED),
    run: (t) => {
      const folder = Drive!.Files.create({ name: '信访台账', mimeType: 'application/vnd.google-apps.folder' }).id!;
      const ss = SpreadsheetApp.create('信访台账归档 2023');
      ss.getSheets()[0]!.getRange('A1').setValue('编号');
      const before = Drive!.Files.get(ss.getId(), { fields: 'parents' }).parents!;
      Drive!.Files.update({}, ss.getId(), null as unknown as GoogleAppsScript.Base.Blob, {
        addParents: folder,
        removeParents: before.join(','),
        fields: 'id',
      });
      t.deepEqual(Drive!.Files.get(ss.getId(), { fields: 'parents' }).parents, [folder]);
      const listed = Drive!.Files.list({ q: "'" + folder + "' in parents and trashed = false", fields: 'files(id)' });
      t.deepEqual(
        listed.files!.map((x) => x.id),
        [ss.getId()],
      );
      t.equal(SpreadsheetApp.openById(ss.getId()).getSheets()[0]!.getRange('A1').getValue(), '编号');
    },
  },
  {
    name: 'Drive.Permissions shares a spreadsheet like any file and lists who it is shared with',
    source: PERMISSIONS,
    setup: manifest(FULL, ADVANCED),
    run: (t) => {
      const id = SpreadsheetApp.create('信访台账归档 2022').getId();
      Drive!.Permissions.create({ type: 'user', role: 'reader', emailAddress: 'leader@jinghu.gov.cn' }, id, {
        sendNotificationEmail: false,
      });
      t.deepEqual(Drive!.Permissions.list(id, { fields: 'permissions(emailAddress,role)' }).permissions, [
        { emailAddress: 'owner@example.gov.cn', role: 'owner' },
        { emailAddress: 'leader@jinghu.gov.cn', role: 'reader' },
      ]);
    },
  },
  {
    name: 'a rename on either side is the other’s name',
    source: 'https://developers.google.com/apps-script/reference/spreadsheet/spreadsheet#rename(String) + ' + FILES,
    setup: manifest(FULL, ADVANCED),
    run: (t) => {
      const ss = SpreadsheetApp.create('甲');
      ss.rename('乙');
      t.equal(Drive!.Files.get(ss.getId(), { fields: 'name' }).name, '乙');
      Drive!.Files.update({ name: '丙' }, ss.getId());
      t.equal(SpreadsheetApp.openById(ss.getId()).getName(), '丙');
    },
  },
  {
    name: 'copying or deleting a spreadsheet through Drive is not emulated and says so',
    source: 'emulator/README.md (loud about what it lacks)',
    setup: manifest(FULL, ADVANCED),
    run: (t) => {
      const id = SpreadsheetApp.create('丁').getId();
      t.throws(
        () => Drive!.Files.copy({}, id),
        /not implemented in the local runtime: Drive\.Files\.copy of a Google Sheets file/,
        'NotImplemented',
      );
      t.throws(
        () => Drive!.Files.remove(id),
        /not implemented in the local runtime: Drive\.Files\.delete of a Google Sheets file/,
        'NotImplemented',
      );
    },
  },
];

runChecks('drive.Files (spreadsheets)', spreadsheetFileChecks);
