// The environment's Drive: files and folders with deterministic 44-character ids, Google Docs held as
// document models, times from the simulated clock. Shared by the Drive and Docs services and the export.
import { createHash } from 'node:crypto';
import type { DocModel } from '../docs/doc-model';
import type { Clock } from '../host/clock';

export const MIME = {
  folder: 'application/vnd.google-apps.folder',
  document: 'application/vnd.google-apps.document',
  spreadsheet: 'application/vnd.google-apps.spreadsheet',
} as const;

/** A person's access to a file, as Drive.Permissions.create recorded it (the owner's is implied by ownerEmail). */
export interface StoredPermission {
  id: string;
  type: 'user' | 'group';
  role: string;
  emailAddress: string;
}

/** The notification mail Drive sends a person a file was shared with (sendNotificationEmail, default true). */
export interface ShareNotice {
  fileId: string;
  emailAddress: string;
  message: string;
  at: Date;
}

/** One Drive file as the store keeps it. */
export interface StoredFile {
  id: string;
  name: string;
  mimeType: string;
  parents: string[];
  trashed: boolean;
  createdMs: number;
  modifiedMs: number;
  ownerEmail: string;
  /** Created through the Drive service (what `drive.file` grants access to). */
  appCreated: boolean;
  /** Bumped on every content change (Docs `revisionId`, Drive `version`). */
  version: number;
  /** The body of a Google Doc. */
  doc?: DocModel;
  /** The bytes of an uploaded (non-Google) file. */
  bytes?: Uint8Array;
  /** Who it is shared with besides its owner (recorded; the runtime does not enforce access). */
  permissions?: StoredPermission[];
}

/** Files and folders of one environment. */
export class DriveStore {
  readonly files = new Map<string, StoredFile>();
  /** Every sharing notification Drive would have mailed, in order. */
  readonly shareNotices: ShareNotice[] = [];
  readonly rootId: string;
  private counter = 0;

  constructor(
    private readonly seed: number,
    private readonly clock: Clock,
    readonly ownerEmail: string,
  ) {
    this.rootId = this.newId('root');
    const now = clock.nowMs();
    this.files.set(this.rootId, {
      id: this.rootId,
      name: 'My Drive',
      mimeType: MIME.folder,
      parents: [],
      trashed: false,
      createdMs: now,
      modifiedMs: now,
      ownerEmail,
      appCreated: false,
      version: 1,
    });
  }

  /** A 44-character id from `[A-Za-z0-9_-]`, starting with "1" like Drive's, deterministic for a seed. */
  newId(salt = ''): string {
    this.counter += 1;
    const digest = createHash('sha256').update(`${this.seed}:${salt}:${this.counter}`).digest('base64url');
    return '1' + digest.slice(0, 43);
  }

  /** The file, or undefined (the root folder answers to "root" as well). */
  find(id: string): StoredFile | undefined {
    return this.files.get(id === 'root' ? this.rootId : id);
  }

  add(
    file: Omit<StoredFile, 'id' | 'createdMs' | 'modifiedMs' | 'version' | 'ownerEmail'> & { ownerEmail?: string },
  ): StoredFile {
    const now = this.clock.nowMs();
    const stored: StoredFile = {
      ownerEmail: this.ownerEmail,
      ...file,
      id: this.newId(file.name),
      createdMs: now,
      modifiedMs: now,
      version: 1,
    };
    this.files.set(stored.id, stored);
    return stored;
  }

  /**
   * Registers a file made elsewhere under its own id: a Google Sheets spreadsheet is a Drive file whose id is the
   * spreadsheet's (emulator/host/sheets-drive.ts links the two services).
   */
  register(file: StoredFile): StoredFile {
    if (this.files.has(file.id)) throw new Error(`drive store: id ${file.id} is taken`);
    this.files.set(file.id, file);
    return file;
  }

  /** Records a change: new modified time and version. */
  touch(file: StoredFile): void {
    file.modifiedMs = this.clock.nowMs();
    file.version += 1;
  }

  /** Resolves "root" in a parents list to the root folder's id. */
  resolveParent(id: string): string {
    return id === 'root' ? this.rootId : id;
  }

  /** Every Google Doc, in creation order (trashed ones included). */
  docs(): StoredFile[] {
    return [...this.files.values()].filter((f) => f.mimeType === MIME.document && f.doc);
  }
}

/** The web link Drive reports for a file. */
export function webViewLink(f: StoredFile): string {
  if (f.mimeType === MIME.document) return `https://docs.google.com/document/d/${f.id}/edit?usp=drivesdk`;
  if (f.mimeType === MIME.spreadsheet) return `https://docs.google.com/spreadsheets/d/${f.id}/edit?usp=drivesdk`;
  if (f.mimeType === MIME.folder) return `https://drive.google.com/drive/folders/${f.id}`;
  return `https://drive.google.com/file/d/${f.id}/view?usp=drivesdk`;
}
