// Drive v3 resources and partial responses: the File resource the store's files map to, Drive's default
// field sets (kind, id, name, mimeType) and the `fields` selector syntax (`a,b(c,d),e/f`, `*`).
import { NotImplementedError } from '../host/kernel';
import { webViewLink, type StoredFile } from './store';

/** Every field of the Drive v3 File resource (from the API's schema); asking for another is a 400. */
export const FILE_FIELDS = new Set(
  (
    'appProperties capabilities contentHints contentRestrictions copyRequiresWriterPermission createdTime description driveId ' +
    'explicitlyTrashed exportLinks fileExtension folderColorRgb fullFileExtension hasAugmentedPermissions hasThumbnail ' +
    'headRevisionId iconLink id imageMediaMetadata isAppAuthorized kind labelInfo lastModifyingUser linkShareMetadata mimeType ' +
    'modifiedByMe modifiedByMeTime modifiedTime name originalFilename ownedByMe owners parents permissionIds permissions ' +
    'properties quotaBytesUsed resourceKey shared sharedWithMeTime sharingUser shortcutDetails size spaces starred teamDriveId ' +
    'thumbnailLink thumbnailVersion trashed trashedTime trashingUser version videoMediaMetadata viewedByMe viewedByMeTime ' +
    'viewersCanCopyContent webContentLink webViewLink writersCanShare'
  ).split(' '),
);

export const DEFAULT_FILE_FIELDS = 'kind,id,name,mimeType';
export const DEFAULT_LIST_FIELDS = `kind,incompleteSearch,nextPageToken,files(${DEFAULT_FILE_FIELDS})`;

/** A parsed selector: `true` selects a whole value, a map selects inside it. */
export type FieldTree = Map<string, FieldTree | true>;

/** A selector Drive rejects; drive.ts turns it into the API's 400. */
export class InvalidFieldSelection extends Error {}

/** Parses `a,b(c,d),e/f` (also `e.f`) into a tree. */
export function parseFields(spec: string): FieldTree {
  let i = 0;
  const list = (): FieldTree => {
    const tree: FieldTree = new Map();
    for (;;) {
      const m = /^\s*([A-Za-z_*][\w*]*(?:[/.][A-Za-z_*][\w*]*)*)\s*/.exec(spec.slice(i));
      if (!m) throw new InvalidFieldSelection(spec.slice(i) || spec);
      i += m[0].length;
      let leaf: FieldTree | true = true;
      if (spec[i] === '(') {
        i += 1;
        leaf = list();
        if (spec[i] !== ')') throw new InvalidFieldSelection(spec);
        i += 1;
      }
      const path = m[1].split(/[/.]/);
      let node = tree;
      for (const k of path.slice(0, -1)) {
        let next = node.get(k);
        if (!(next instanceof Map)) node.set(k, (next = new Map()));
        node = next;
      }
      node.set(path[path.length - 1], leaf);
      while (spec[i] === ' ') i += 1;
      if (spec[i] !== ',') return tree;
      i += 1;
    }
  };
  const tree = list();
  if (i < spec.length) throw new InvalidFieldSelection(spec);
  return tree;
}

/** Keeps only the selected parts of a value (arrays are selected element by element). */
export function selectFields(value: unknown, tree: FieldTree | true): unknown {
  if (tree === true || value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map((v) => selectFields(v, tree));
  if (tree.has('*')) return value;
  const out: Record<string, unknown> = {};
  for (const [k, sub] of tree) {
    const v = (value as Record<string, unknown>)[k];
    if (v !== undefined) out[k] = selectFields(v, sub);
  }
  return out;
}

/** Checks the file fields a selector names: unknown ones are Google's 400, unmodelled ones are loud. */
export function checkFileFields(tree: FieldTree, modelled: Record<string, unknown>): void {
  for (const k of tree.keys()) {
    if (k === '*') continue;
    if (!FILE_FIELDS.has(k)) throw new InvalidFieldSelection(k);
    if (!(k in modelled)) throw new NotImplementedError(`Drive v3 File field ${k}`);
  }
}

function iso(ms: number): string {
  return new Date(ms).toISOString();
}

/** The full File resource of a stored file (only the fields the runtime models). */
export function fileResource(f: StoredFile, me: string): Record<string, unknown> {
  const r: Record<string, unknown> = {
    kind: 'drive#file',
    id: f.id,
    name: f.name,
    mimeType: f.mimeType,
    parents: [...f.parents],
    trashed: f.trashed,
    explicitlyTrashed: f.trashed,
    starred: false,
    createdTime: iso(f.createdMs),
    modifiedTime: iso(f.modifiedMs),
    version: String(f.version),
    owners: [
      {
        kind: 'drive#user',
        displayName: f.ownerEmail.split('@')[0],
        emailAddress: f.ownerEmail,
        me: f.ownerEmail === me,
      },
    ],
    ownedByMe: f.ownerEmail === me,
    webViewLink: webViewLink(f),
    spaces: ['drive'],
  };
  if (f.bytes) r.size = String(f.bytes.length);
  return r;
}
