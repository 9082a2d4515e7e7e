// The Docs API v1 advanced service (`Docs`): its one collection, Documents, over the Google Docs held in the
// DriveStore, and the revision ids both share.
// https://developers.google.com/docs/api/reference/rest/v1/documents
import { createHash } from 'node:crypto';
import { GasObject } from '../host/kernel';
import type { EnvCore } from '../host/env-core';
import type { DriveStore, StoredFile } from '../drive/store';
import { DocsDocumentsHost } from './Documents';

export type DocumentJson = GoogleAppsScript.Docs.Schema.Document;
export type BatchResponse = GoogleAppsScript.Docs.Schema.BatchUpdateDocumentResponse;

export const GET_ARGS = new Set(['fields', 'includeTabsContent', 'suggestionsViewMode']);

/** The revision id Docs reports for a version of a document (opaque, changes with every edit). */
export function revisionId(f: StoredFile): string {
  return 'AL' + createHash('sha256').update(`${f.id}:${f.version}`).digest('base64url').slice(0, 40);
}

/** The `Docs` global (advanced service, v1): only `Documents` is emulated. */
export class DocsAdvancedHost extends GasObject {
  readonly gasService = 'Docs';
  readonly gasClass = 'Docs';
  readonly Documents: DocsDocumentsHost;
  constructor(core: EnvCore, store: DriveStore) {
    super();
    this.Documents = new DocsDocumentsHost(core, store);
  }
}
