// Drive.Permissions of the Drive API v3 advanced service: create (share a file or folder with a user or group, with or
// without Drive's notification mail) and list (the owner first, then the permissions created, by `fields`).
// https://developers.google.com/drive/api/reference/rest/v3/permissions
// Access is recorded, not enforced: every person of an environment reaches every file, as before (see README).
import { createHash } from 'node:crypto';
import { GasObject, NotImplementedError } from '../host/kernel';
import type { EnvCore } from '../host/env-core';
import { GoogleJsonResponseException, API_MESSAGES } from '../host/google-json-error';
import { ACCEPTED_SCOPES, grantFor, type Grant } from '../host/advanced-scopes';
import { InvalidFieldSelection, parseFields, selectFields, type FieldTree } from './fields';
import type { DriveStore, StoredFile, StoredPermission } from './store';

type Args = Record<string, unknown>;
type Permission = GoogleAppsScript.Drive_v3.Drive.V3.Schema.Permission;

/** Every field of the v3 Permission resource (from the API's schema); asking for another is a 400. */
const PERMISSION_FIELDS = new Set(
  (
    'allowFileDiscovery deleted displayName domain emailAddress expirationTime id inheritedPermissionsDisabled kind ' +
    'pendingOwner permissionDetails photoLink role teamDrivePermissionDetails type view'
  ).split(' '),
);
/** What the runtime models of a permission. */
const MODELLED = new Set(['kind', 'id', 'type', 'role', 'emailAddress', 'displayName', 'deleted', 'pendingOwner']);
/** A Permission's default partial response (create, and each entry of list). */
const DEFAULT_FIELDS = 'kind,id,type,role';
const LIST_FIELDS = new Set(['kind', 'nextPageToken', 'permissions']);
const ROLES = new Set(['owner', 'organizer', 'fileOrganizer', 'writer', 'commenter', 'reader']);
const TYPES = new Set(['user', 'group', 'domain', 'anyone']);
/** Fields a request body may set (the reference's "writable" ones); the rest are Drive's 403. */
const WRITABLE = new Set([
  'role',
  'type',
  'emailAddress',
  'domain',
  'allowFileDiscovery',
  'expirationTime',
  'view',
  'pendingOwner',
]);
const CREATE_ARGS = new Set([
  'sendNotificationEmail',
  'emailMessage',
  'fields',
  'supportsAllDrives',
  'supportsTeamDrives',
  'transferOwnership',
  'moveToNewOwnersRoot',
  'enforceSingleParent',
  'useDomainAdminAccess',
  'enforceExpansiveAccess',
]);
const MODELLED_ARGS = new Set([
  'sendNotificationEmail',
  'emailMessage',
  'fields',
  'pageSize',
  'pageToken',
  'supportsAllDrives',
]);
const LIST_ARGS = new Set([
  'fields',
  'pageSize',
  'pageToken',
  'supportsAllDrives',
  'supportsTeamDrives',
  'includePermissionsForView',
  'useDomainAdminAccess',
]);

/** A user's permission id: Drive gives each account one numeric id across files (deterministic here). */
export function permissionIdOf(email: string): string {
  const hex = createHash('sha256').update(email.toLowerCase()).digest('hex').slice(0, 16);
  return BigInt('0x' + hex)
    .toString()
    .padStart(20, '0')
    .slice(0, 20);
}

/** `Drive.Permissions` (Drive API v3). */
export class DrivePermissionsHost
  extends GasObject
  implements Partial<GoogleAppsScript.Drive_v3.Drive.V3.Collection.PermissionsCollection>
{
  readonly gasService = 'Drive';
  readonly gasClass = 'Permissions';
  constructor(
    private readonly _core: EnvCore,
    readonly _store: DriveStore,
  ) {
    super();
  }

  create(resource: Permission, fileId: string, optionalArgs?: Args): Permission {
    const api = 'drive.permissions.create';
    const grant = grantFor(this._core, api, ACCEPTED_SCOPES.driveWrite);
    const args = this._args(optionalArgs, CREATE_ARGS, api);
    const f = this._file(fileId, api, grant);
    if (resource === null || typeof resource !== 'object' || Array.isArray(resource))
      throw new GoogleJsonResponseException(api, 400, 'Invalid JSON payload received.');
    const body = resource as Args;
    for (const k of Object.keys(body)) {
      if (!PERMISSION_FIELDS.has(k))
        throw new GoogleJsonResponseException(
          api,
          400,
          `Invalid JSON payload received. Unknown name "${k}": Cannot find field.`,
        );
      if (!WRITABLE.has(k))
        throw new GoogleJsonResponseException(
          api,
          403,
          'The resource body includes fields which are not directly writable.',
        );
      if (!['role', 'type', 'emailAddress'].includes(k))
        throw new NotImplementedError(`Drive.Permissions.create with ${k}`);
    }
    if (!body.type) throw new GoogleJsonResponseException(api, 400, 'The permission type field is required.');
    if (!body.role) throw new GoogleJsonResponseException(api, 400, 'The permission role field is required.');
    if (!TYPES.has(String(body.type)) || !ROLES.has(String(body.role)))
      throw new GoogleJsonResponseException(api, 400, 'Invalid Value');
    if (body.type === 'domain' || body.type === 'anyone')
      throw new NotImplementedError(`Drive.Permissions.create of type ${String(body.type)}`);
    if (body.role === 'owner' || args.transferOwnership) throw new NotImplementedError('Drive ownership transfer');
    if (body.role === 'organizer' || body.role === 'fileOrganizer')
      throw new NotImplementedError(`Drive.Permissions.create with role ${String(body.role)} (shared drives)`);
    const email = typeof body.emailAddress === 'string' ? body.emailAddress.trim().toLowerCase() : '';
    // Assumed wording: the reference requires emailAddress for a user or group; Google's exact text was not found.
    if (!email) throw new GoogleJsonResponseException(api, 400, 'The permission emailAddress field is required.');
    const list = (f.permissions ??= []);
    // A second permission for the same person: Drive keeps one per person (the id is the person's), with the new role.
    let p = list.find((x) => x.emailAddress === email);
    if (p) p.role = String(body.role);
    else {
      p = {
        id: permissionIdOf(email),
        type: body.type as 'user' | 'group',
        role: String(body.role),
        emailAddress: email,
      };
      list.push(p);
    }
    // sendNotificationEmail defaults to true for users and groups; Drive then mails the person a link.
    if (args.sendNotificationEmail !== false)
      this._store.shareNotices.push({
        fileId: f.id,
        emailAddress: email,
        message: typeof args.emailMessage === 'string' ? args.emailMessage : '',
        at: this._core.kernel.clock.now(),
      });
    this._store.touch(f);
    return this._select(resource_(p), args.fields, DEFAULT_FIELDS, api, (tree) =>
      checkPermissionFields(tree),
    ) as Permission;
  }

  list(fileId: string, optionalArgs?: Args): GoogleAppsScript.Drive_v3.Drive.V3.Schema.PermissionList {
    const api = 'drive.permissions.list';
    const grant = grantFor(this._core, api, ACCEPTED_SCOPES.driveRead);
    const args = this._args(optionalArgs, LIST_ARGS, api);
    const f = this._file(fileId, api, grant);
    const all = [ownerPermission(f), ...(f.permissions ?? [])].map(resource_);
    const pageSize = Math.min(Math.max(Number(args.pageSize ?? 100), 1), 100);
    let start = 0;
    if (args.pageToken !== undefined) {
      const m = /^perm:(\d+)$/.exec(String(args.pageToken));
      if (!m) throw new GoogleJsonResponseException(api, 400, 'Invalid Value');
      start = Number(m[1]);
    }
    const full: Args = { kind: 'drive#permissionList', permissions: all.slice(start, start + pageSize) };
    if (start + pageSize < all.length) full.nextPageToken = `perm:${start + pageSize}`;
    return this._select(full, args.fields, `kind,nextPageToken,permissions(${DEFAULT_FIELDS})`, api, (tree) => {
      for (const k of tree.keys()) if (k !== '*' && !LIST_FIELDS.has(k)) throw new InvalidFieldSelection(k);
      const perms = tree.get('permissions');
      if (perms instanceof Map) checkPermissionFields(perms);
    }) as GoogleAppsScript.Drive_v3.Drive.V3.Schema.PermissionList;
  }

  _file(fileId: unknown, api: string, grant: Grant): StoredFile {
    const f = typeof fileId === 'string' ? this._store.find(fileId) : undefined;
    if (!f || (grant === 'appFiles' && !f.appCreated))
      throw new GoogleJsonResponseException(api, 404, API_MESSAGES.fileNotFound(String(fileId ?? '')));
    return f;
  }

  _args(optionalArgs: unknown, known: Set<string>, api: string): Args {
    const args = (optionalArgs ?? {}) as Args;
    // Parameters of the method the runtime does not model (ownership transfer, domain admin access…) are loud.
    for (const k of Object.keys(args))
      if (!known.has(k) || !MODELLED_ARGS.has(k)) throw new NotImplementedError(`Drive v3 parameter ${k} of ${api}`);
    return args;
  }

  _select(full: Args, spec: unknown, fallback: string, api: string, check: (tree: FieldTree) => void): unknown {
    try {
      const tree = parseFields(typeof spec === 'string' && spec ? spec : fallback);
      check(tree);
      return selectFields(full, tree);
    } catch (e) {
      if (e instanceof InvalidFieldSelection)
        throw new GoogleJsonResponseException(api, 400, API_MESSAGES.invalidFieldSelection(e.message));
      throw e;
    }
  }
}

/** Unknown permission fields are Google's 400; known ones the runtime does not model are loud. */
function checkPermissionFields(tree: FieldTree): void {
  for (const k of tree.keys()) {
    if (k === '*') continue;
    if (!PERMISSION_FIELDS.has(k)) throw new InvalidFieldSelection(k);
    if (!MODELLED.has(k)) throw new NotImplementedError(`Drive v3 Permission field ${k}`);
  }
}

function ownerPermission(f: StoredFile): StoredPermission {
  return { id: permissionIdOf(f.ownerEmail), type: 'user', role: 'owner', emailAddress: f.ownerEmail };
}

function resource_(p: StoredPermission): Args {
  return {
    kind: 'drive#permission',
    id: p.id,
    type: p.type,
    role: p.role,
    emailAddress: p.emailAddress,
    displayName: p.emailAddress.split('@')[0],
    deleted: false,
    pendingOwner: false,
  };
}
