// Contract checks of Drive.Permissions (Drive API v3): create shares a file or folder with a user, with or without
// Drive's notification mail, and answers with the default fields; list shows the owner and who it is shared with;
// Google's errors for a missing type or role, an unknown file and a field that is not writable.
import { runChecks, type Check } from '../harness';
import { APP_SCOPES, manifest } from '../manifest';

const CREATE = 'https://developers.google.com/drive/api/reference/rest/v3/permissions/create';
const LIST = 'https://developers.google.com/drive/api/reference/rest/v3/permissions/list';
const RESOURCE = 'https://developers.google.com/drive/api/reference/rest/v3/permissions#Permission';
const scope = (s: string): string => 'https://www.googleapis.com/auth/' + s;

export const permissionsChecks: Check[] = [
  {
    name: 'Permissions.create shares a folder with a user and answers with the default fields kind, id, type, role',
    source: CREATE,
    setup: manifest(),
    run: (t) => {
      const folder = Drive!.Files.create({ name: '镜访〔2026〕012号', mimeType: 'application/vnd.google-apps.folder' });
      const p = Drive!.Permissions.create(
        { type: 'user', role: 'reader', emailAddress: 'Leader@Jinghu.gov.cn' },
        folder.id!,
        {
          sendNotificationEmail: false,
        },
      );
      t.deepEqual(Object.keys(p).sort(), ['id', 'kind', 'role', 'type']);
      t.equal(p.kind, 'drive#permission');
      t.equal(p.type, 'user');
      t.equal(p.role, 'reader');
      t.ok(/^\d{20}$/.test(p.id!), 'a user permission id is the account’s numeric id: ' + p.id);
    },
    after: (env) => {
      expect(env.drive.store.shareNotices).toEqual([]);
    },
  },
  {
    name: 'sendNotificationEmail defaults to true: Drive mails the person it shared with',
    source: CREATE + '#query-parameters',
    setup: manifest(),
    run: () => {
      const doc = Drive!.Files.create({ name: 'D', mimeType: 'application/vnd.google-apps.document' });
      Drive!.Permissions.create({ type: 'user', role: 'writer', emailAddress: 'a@x.cn' }, doc.id!);
      Drive!.Permissions.create({ type: 'user', role: 'reader', emailAddress: 'b@x.cn' }, doc.id!, {
        sendNotificationEmail: true,
        emailMessage: '请查阅',
      });
    },
    after: (env) => {
      expect(env.drive.store.shareNotices.map((n) => [n.emailAddress, n.message])).toEqual([
        ['a@x.cn', ''],
        ['b@x.cn', '请查阅'],
      ]);
    },
  },
  {
    name: 'Permissions.list gives the owner and each person shared with; fields selects emailAddress',
    source: LIST,
    setup: manifest(),
    run: (t) => {
      const folder = Drive!.Files.create({ name: 'F', mimeType: 'application/vnd.google-apps.folder' }).id!;
      Drive!.Permissions.create({ type: 'user', role: 'writer', emailAddress: 'a@x.cn' }, folder, {
        sendNotificationEmail: false,
      });
      const plain = Drive!.Permissions.list(folder);
      t.equal(plain.kind, 'drive#permissionList');
      t.deepEqual(Object.keys(plain.permissions![0]).sort(), ['id', 'kind', 'role', 'type']);
      const list = Drive!.Permissions.list(folder, { fields: 'permissions(emailAddress,role)' });
      t.deepEqual(list, {
        permissions: [
          { emailAddress: 'owner@example.gov.cn', role: 'owner' },
          { emailAddress: 'a@x.cn', role: 'writer' },
        ],
      });
    },
  },
  {
    name: 'a second permission for the same person keeps one entry, with the new role',
    source: RESOURCE + ' (id: "a unique identifier for the grantee"; the role replaced is assumed)',
    setup: manifest(),
    run: (t) => {
      const folder = Drive!.Files.create({ name: 'F', mimeType: 'application/vnd.google-apps.folder' }).id!;
      const a = Drive!.Permissions.create({ type: 'user', role: 'reader', emailAddress: 'a@x.cn' }, folder, {
        sendNotificationEmail: false,
      });
      const b = Drive!.Permissions.create({ type: 'user', role: 'writer', emailAddress: 'a@x.cn' }, folder, {
        sendNotificationEmail: false,
      });
      t.equal(a.id, b.id);
      const roles = Drive!.Permissions.list(folder, { fields: 'permissions(emailAddress,role)' }).permissions!;
      t.deepEqual(roles, [
        { emailAddress: 'owner@example.gov.cn', role: 'owner' },
        { emailAddress: 'a@x.cn', role: 'writer' },
      ]);
    },
  },
  {
    name: 'a permission without type or role is the API’s 400; an unknown file its 404',
    source: CREATE + ' (messages as logged by public Drive clients)',
    setup: manifest(),
    run: (t) => {
      const id = Drive!.Files.create({ name: 'F', mimeType: 'application/vnd.google-apps.folder' }).id!;
      t.throws(
        () => Drive!.Permissions.create({ role: 'reader', emailAddress: 'a@x.cn' }, id),
        /^API call to drive\.permissions\.create failed with error: The permission type field is required\.$/,
        'GoogleJsonResponseException',
      );
      t.throws(
        () => Drive!.Permissions.create({ type: 'user', emailAddress: 'a@x.cn' }, id),
        /The permission role field is required\./,
        'GoogleJsonResponseException',
      );
      t.throws(
        () => Drive!.Permissions.create({ type: 'user', role: 'reader', emailAddress: 'a@x.cn' }, 'missing'),
        /^API call to drive\.permissions\.create failed with error: File not found: missing\.$/,
        'GoogleJsonResponseException',
      );
      t.throws(
        () => Drive!.Permissions.create({ type: 'user', role: 'reader', emailAddress: 'a@x.cn', id: '1' }, id),
        /The resource body includes fields which are not directly writable\./,
        'GoogleJsonResponseException',
      );
    },
  },
  {
    name: 'creating a permission needs a Drive write scope; a read-only token gets the API’s 403',
    source: CREATE + '#authorization-scopes',
    setup: manifest([scope('drive.readonly'), scope('script.external_request')]),
    run: (t) => {
      t.throws(
        () => Drive!.Permissions.create({ type: 'user', role: 'reader', emailAddress: 'a@x.cn' }, 'any'),
        /Request had insufficient authentication scopes\./,
        'GoogleJsonResponseException',
      );
    },
  },
  {
    name: 'Permissions.create and list are counted and cost simulated time',
    source: '../shared/docs/local-runtime-fidelity.md §14 (P2 execution-time counters)',
    setup: manifest(APP_SCOPES),
    run: () => {
      const id = Drive!.Files.create({ name: 'F', mimeType: 'application/vnd.google-apps.folder' }).id!;
      Drive!.Permissions.create({ type: 'user', role: 'reader', emailAddress: 'a@x.cn' }, id, {
        sendNotificationEmail: false,
      });
      Drive!.Permissions.list(id);
    },
    after: (env) => {
      expect(env.stats().total['Drive.Permissions.create']).toBe(1);
      expect(env.stats().total['Drive.Permissions.list']).toBe(1);
      const ex = env.executions()[0]!;
      // The folder's create (2 s) plus create (0.4 s) and list (0.2 s) of permissions, as costs.ts prices them.
      expect(ex.end!.getTime() - ex.start.getTime()).toBeGreaterThanOrEqual(2600);
    },
  },
];

runChecks('drive.Permissions', permissionsChecks);
