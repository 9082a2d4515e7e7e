// Drive.Files of the Drive API v3 advanced service: create (HTML → Google Doc conversion), copy, get, list with a q subset, update, remove, export.
import { GasObject, NotImplementedError } from '../host/kernel';
import type { EnvCore } from '../host/env-core';
import { cloneDoc, emptyDoc } from '../docs/doc-model';
import { convertToDoc } from './html-to-doc';
import { DriveStore, MIME, type StoredFile } from './store';
import {
  DEFAULT_FILE_FIELDS,
  FILE_FIELDS,
  DEFAULT_LIST_FIELDS,
  InvalidFieldSelection,
  checkFileFields,
  fileResource,
  parseFields,
  selectFields,
  type FieldTree,
} from './fields';
import { compileQuery, InvalidQuery } from './query';
import { GoogleJsonResponseException, API_MESSAGES } from '../host/google-json-error';
import { ACCEPTED_SCOPES, grantFor, type Grant } from '../host/advanced-scopes';
import { signatureMessage } from '../host/java-types';
import { Args, DriveFile, KNOWN_ARGS, TOO_MANY_PARENTS, WRITABLE, readBlob } from './Drive';

/** `Drive.Files` (Drive API v3). */
export class DriveFilesHost
  extends GasObject
  implements Partial<GoogleAppsScript.Drive_v3.Drive.V3.Collection.FilesCollection>
{
  readonly gasService = 'Drive';
  readonly gasClass = 'Files';
  constructor(
    private readonly _core: EnvCore,
    readonly _store: DriveStore,
  ) {
    super();
  }

  create(resource: DriveFile, mediaData?: GoogleAppsScript.Base.Blob, optionalArgs?: Args): DriveFile {
    const api = 'drive.files.create';
    const grant = grantFor(this._core, api, ACCEPTED_SCOPES.driveWrite);
    const res = this._resource(resource, api);
    const args = this._args(optionalArgs);
    const blob = mediaData === undefined || mediaData === null ? null : readBlob(mediaData);
    if (mediaData !== undefined && mediaData !== null && !blob)
      throw this._core.kernel.error(
        signatureMessage(
          'Drive.Files.create',
          [resource, mediaData, optionalArgs].filter((a) => a !== undefined),
        ),
      );
    const parents = this._parents(res.parents as string[] | undefined, api, grant) ?? [this._store.rootId];
    const mimeType = (res.mimeType as string | undefined) ?? blob?.contentType ?? 'application/octet-stream';
    const file: Parameters<DriveStore['add']>[0] = {
      name: (res.name as string | undefined) ?? 'Untitled',
      mimeType,
      parents,
      trashed: false,
      appCreated: true,
      ownerEmail: this._me(),
    };
    if (mimeType === MIME.document) file.doc = blob ? convertToDoc(blob.bytes, blob.contentType) : emptyDoc();
    else if (mimeType.startsWith('application/vnd.google-apps.') && mimeType !== MIME.folder)
      throw new NotImplementedError(`Drive.Files.create of ${mimeType}`);
    else if (blob) file.bytes = blob.bytes;
    return this._respond(this._store.add(file), args.fields, api);
  }

  copy(resource: DriveFile, fileId: string, optionalArgs?: Args): DriveFile {
    const api = 'drive.files.copy';
    const grant = grantFor(this._core, api, ACCEPTED_SCOPES.driveWrite);
    const res = this._resource(resource, api);
    const args = this._args(optionalArgs);
    const src = this._file(fileId, api, grant);
    if (src.mimeType === MIME.folder) throw new NotImplementedError('Drive.Files.copy of a folder');
    // A copy would need the Sheets service to hold a second spreadsheet: not emulated.
    if (src.mimeType === MIME.spreadsheet) throw new NotImplementedError('Drive.Files.copy of a Google Sheets file');
    const parents = this._parents(res.parents as string[] | undefined, api, grant) ?? [...src.parents];
    const copy = this._store.add({
      name: (res.name as string | undefined) ?? `Copy of ${src.name}`,
      mimeType: src.mimeType,
      parents,
      trashed: false,
      appCreated: true,
      ownerEmail: this._me(),
      ...(src.doc ? { doc: cloneDoc(src.doc) } : {}),
      ...(src.bytes ? { bytes: src.bytes.slice() } : {}),
    });
    return this._respond(copy, args.fields, api);
  }

  get(fileId: string, optionalArgs?: Args): DriveFile & string {
    const api = 'drive.files.get';
    const grant = grantFor(this._core, api, ACCEPTED_SCOPES.driveRead);
    const args = this._args(optionalArgs);
    const f = this._file(fileId, api, grant);
    if (args.alt === 'media') {
      if (!f.bytes)
        throw new GoogleJsonResponseException(
          api,
          403,
          'Only files with binary content can be downloaded. Use Export with Docs Editors files.',
        );
      return Buffer.from(f.bytes).toString('utf8') as DriveFile & string;
    }
    if (args.alt !== undefined && args.alt !== 'json')
      throw new NotImplementedError(`Drive.Files.get alt=${String(args.alt)}`);
    return this._respond(f, args.fields, api) as DriveFile & string;
  }

  list(optionalArgs?: Args): GoogleAppsScript.Drive_v3.Drive.V3.Schema.FileList {
    const api = 'drive.files.list';
    const grant = grantFor(this._core, api, ACCEPTED_SCOPES.driveRead);
    const args = this._args(optionalArgs);
    let match: (f: StoredFile) => boolean = () => true;
    try {
      if (typeof args.q === 'string' && args.q.trim()) match = compileQuery(args.q, this._store.rootId);
    } catch (e) {
      if (e instanceof InvalidQuery) throw new GoogleJsonResponseException(api, 400, 'Invalid Value');
      throw e;
    }
    const visible = [...this._store.files.values()].filter(
      (f) => f.id !== this._store.rootId && (grant === 'all' || f.appCreated) && match(f),
    );
    const pageSize = Math.min(Math.max(Number(args.pageSize ?? 100), 1), 1000);
    const start = args.pageToken === undefined ? 0 : this._pageToken(String(args.pageToken), api);
    const page = visible.slice(start, start + pageSize);
    const me = this._me();
    const full: Record<string, unknown> = {
      kind: 'drive#fileList',
      incompleteSearch: false,
      files: page.map((f) => fileResource(f, me)),
    };
    if (start + pageSize < visible.length) full.nextPageToken = `page:${start + pageSize}`;
    const sample = fileResource(this._store.find('root')!, me);
    return this._select(full, args.fields, DEFAULT_LIST_FIELDS, api, (tree) => {
      const files = tree.get('files');
      if (files instanceof Map) checkFileFields(files, sample);
    }) as GoogleAppsScript.Drive_v3.Drive.V3.Schema.FileList;
  }

  update(resource: DriveFile, fileId: string, mediaData?: GoogleAppsScript.Base.Blob, optionalArgs?: Args): DriveFile {
    const api = 'drive.files.update';
    const grant = grantFor(this._core, api, ACCEPTED_SCOPES.driveWrite);
    const res = this._resource(resource ?? {}, api);
    const args = this._args(optionalArgs);
    const f = this._file(fileId, api, grant);
    if (mediaData !== undefined && mediaData !== null) throw new NotImplementedError('Drive.Files.update with media');
    if (res.parents !== undefined) {
      throw new GoogleJsonResponseException(
        api,
        403,
        'The parents field is not directly writable in update requests. Use the addParents and removeParents parameters instead.',
      );
    }
    if (res.mimeType !== undefined && res.mimeType !== f.mimeType)
      throw new NotImplementedError('Drive.Files.update changing mimeType');
    const add = this._idList(args.addParents);
    const remove = this._idList(args.removeParents);
    this._parents(add, api, grant);
    if (typeof res.name === 'string') f.name = res.name;
    if (typeof res.trashed === 'boolean') f.trashed = res.trashed;
    const parents = [...f.parents.filter((p) => !remove.includes(p)), ...add.filter((p) => !f.parents.includes(p))];
    if (parents.length > 1) throw new GoogleJsonResponseException(api, 403, TOO_MANY_PARENTS);
    f.parents = parents;
    this._store.touch(f);
    return this._respond(f, args.fields, api);
  }

  remove(fileId: string, optionalArgs?: Args): void {
    const api = 'drive.files.delete';
    const grant = grantFor(this._core, api, ACCEPTED_SCOPES.driveWrite);
    this._args(optionalArgs);
    const f = this._file(fileId, api, grant);
    const doomed = [f.id];
    for (let i = 0; i < doomed.length; i++) {
      for (const c of this._store.files.values())
        if (c.parents.includes(doomed[i]) && !doomed.includes(c.id)) doomed.push(c.id);
    }
    // Deleting a spreadsheet would have to close it for SpreadsheetApp.openById too: not emulated.
    if (doomed.some((id) => this._store.find(id)?.mimeType === MIME.spreadsheet))
      throw new NotImplementedError('Drive.Files.delete of a Google Sheets file');
    for (const id of doomed) this._store.files.delete(id);
  }

  _me(): string {
    return this._core.kernel.current?.effectiveUser ?? this._core.options.owner;
  }

  /** The file, or the API's 404 (also for a file `drive.file` does not reach). */
  _file(fileId: unknown, api: string, grant: Grant): StoredFile {
    const f = typeof fileId === 'string' ? this._store.find(fileId) : undefined;
    if (!f || (grant === 'appFiles' && !f.appCreated))
      throw new GoogleJsonResponseException(api, 404, API_MESSAGES.fileNotFound(String(fileId ?? '')));
    return f;
  }

  _parents(ids: string[] | undefined, api: string, grant: Grant): string[] | undefined {
    if (ids === undefined) return undefined;
    if (!Array.isArray(ids)) throw new GoogleJsonResponseException(api, 400, 'Invalid Value');
    if (ids.length > 1) throw new GoogleJsonResponseException(api, 403, TOO_MANY_PARENTS);
    return ids.map((id) => {
      const p = this._file(id, api, id === 'root' ? 'all' : grant);
      if (p.mimeType !== MIME.folder) throw new NotImplementedError('Drive: a parent that is not a folder');
      return p.id;
    });
  }

  _idList(v: unknown): string[] {
    return typeof v === 'string' && v ? v.split(',').map((s) => this._store.resolveParent(s.trim())) : [];
  }

  _resource(resource: unknown, api: string): Args {
    if (resource === null || typeof resource !== 'object' || Array.isArray(resource))
      throw new GoogleJsonResponseException(api, 400, 'Invalid JSON payload received.');
    for (const k of Object.keys(resource)) {
      if (WRITABLE.has(k)) continue;
      // Apps Script may drop a name the v3 File does not have (e.g. v2's `title`): the runtime refuses it instead.
      const why = FILE_FIELDS.has(k) ? '' : ' (not a field of the v3 File resource)';
      throw new NotImplementedError(`Drive v3 File field ${k} in a request${why}`);
    }
    return resource as Args;
  }

  _args(optionalArgs: unknown): Args {
    const args = (optionalArgs ?? {}) as Args;
    for (const k of Object.keys(args)) if (!KNOWN_ARGS.has(k)) throw new NotImplementedError(`Drive v3 parameter ${k}`);
    return args;
  }

  _pageToken(token: string, api: string): number {
    const m = /^page:(\d+)$/.exec(token);
    if (!m) throw new GoogleJsonResponseException(api, 400, 'Invalid Value');
    return Number(m[1]);
  }

  /** Applies a `fields` selector (or the default one), with Drive's 400 for a selector it cannot read. */
  _select(
    full: Record<string, unknown>,
    spec: unknown,
    fallback: string,
    api: string,
    check: (tree: FieldTree) => void,
  ): unknown {
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

  _respond(f: StoredFile, fields: unknown, api: string): DriveFile {
    const full = fileResource(f, this._me());
    return this._select(full, fields, DEFAULT_FILE_FIELDS, api, (tree) => checkFileFields(tree, full)) as DriveFile;
  }
}
