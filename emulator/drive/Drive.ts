// The Drive API v3 advanced service (`Drive`): its Files and Permissions collections over the environment's
// DriveStore, and the argument checks and blob handling Files uses.
// https://developers.google.com/drive/api/reference/rest/v3/files
import { GasObject } from '../host/kernel';
import type { EnvCore } from '../host/env-core';
import { DriveStore } from './store';
import { blobOf } from '../base/Blob';
import { DriveFilesHost } from './Files';
import { DrivePermissionsHost } from './Permissions';

export type Args = Record<string, unknown>;
export type DriveFile = GoogleAppsScript.Drive_v3.Drive.V3.Schema.File;

/** Query parameters the runtime accepts; others are loud. */
export const KNOWN_ARGS = new Set([
  'fields',
  'supportsAllDrives',
  'supportsTeamDrives',
  'includeItemsFromAllDrives',
  'includeTeamDriveItems',
  'q',
  'pageSize',
  'pageToken',
  'spaces',
  'corpora',
  'addParents',
  'removeParents',
  'alt',
]);
export const WRITABLE = new Set(['name', 'mimeType', 'parents', 'trashed']);

interface BlobData {
  bytes: Uint8Array;
  contentType: string | null;
}

/** The bytes and type of a Blob (or BlobSource) the app passes; null if it is none. */
export function readBlob(v: unknown): BlobData | null {
  const b = blobOf(v);
  return b ? { bytes: b._bytes.slice(), contentType: b._contentType } : null;
}

export const TOO_MANY_PARENTS = 'Increasing the number of parents is not allowed.';

/** The `Drive` global (advanced service, v3): `Files` and `Permissions` are emulated. */
export class DriveAdvancedHost extends GasObject {
  readonly gasService = 'Drive';
  readonly gasClass = 'Drive';
  readonly Files: DriveFilesHost;
  readonly Permissions: DrivePermissionsHost;
  constructor(core: EnvCore, store: DriveStore) {
    super();
    this.Files = new DriveFilesHost(core, store);
    this.Permissions = new DrivePermissionsHost(core, store);
  }
}
