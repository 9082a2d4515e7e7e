// Docs.Documents of the Docs API v1 advanced service: get (the Document JSON) and batchUpdate (atomic: every request applies or none does).
import { GasObject, NotImplementedError } from '../host/kernel';
import type { EnvCore } from '../host/env-core';
import { cloneDoc } from './doc-model';
import { toDocsJson } from './doc-json';
import { MIME, type DriveStore, type StoredFile } from '../drive/store';
import { GoogleJsonResponseException, API_MESSAGES } from '../host/google-json-error';
import { ACCEPTED_SCOPES, grantFor, type Grant } from '../host/advanced-scopes';
import { applyRequest, DocsBadRequest } from './requests';
import { InvalidFieldSelection, parseFields, selectFields } from '../drive/fields';
import { BatchResponse, DocumentJson, GET_ARGS, revisionId } from './Docs';

/** `Docs.Documents` (Docs API v1). */
export class DocsDocumentsHost
  extends GasObject
  implements Partial<GoogleAppsScript.Docs.Collection.DocumentsCollection>
{
  readonly gasService = 'Docs';
  readonly gasClass = 'Documents';
  constructor(
    private readonly _core: EnvCore,
    readonly _store: DriveStore,
  ) {
    super();
  }

  get(documentId: string, optionalArgs?: object): DocumentJson {
    const api = 'docs.documents.get';
    const f = this._doc(documentId, api, grantFor(this._core, api, ACCEPTED_SCOPES.docsRead));
    const args = (optionalArgs ?? {}) as Record<string, unknown>;
    for (const k of Object.keys(args))
      if (!GET_ARGS.has(k)) throw new NotImplementedError(`Docs.Documents.get parameter ${k}`);
    if (args.suggestionsViewMode !== undefined) throw new NotImplementedError('Docs.Documents.get suggestionsViewMode');
    const json = toDocsJson(f.doc!, f.id, f.name, revisionId(f));
    if (args.includeTabsContent === true) {
      json.tabs = [
        {
          tabProperties: { tabId: 't.0', title: 'Tab 1', index: 0 },
          documentTab: { body: json.body, documentStyle: json.documentStyle },
        },
      ];
      delete json.body;
      delete json.documentStyle;
    }
    if (typeof args.fields !== 'string' || !args.fields) return json as DocumentJson;
    try {
      return selectFields(json, parseFields(args.fields)) as DocumentJson;
    } catch (e) {
      if (e instanceof InvalidFieldSelection)
        throw new GoogleJsonResponseException(api, 400, API_MESSAGES.invalidFieldSelection(e.message));
      throw e;
    }
  }

  batchUpdate(resource: GoogleAppsScript.Docs.Schema.BatchUpdateDocumentRequest, documentId: string): BatchResponse {
    const api = 'docs.documents.batchUpdate';
    const f = this._doc(documentId, api, grantFor(this._core, api, ACCEPTED_SCOPES.docsWrite));
    const body = (resource ?? {}) as Record<string, unknown>;
    for (const k of Object.keys(body))
      if (k !== 'requests' && k !== 'writeControl')
        throw this._bad(api, `Invalid JSON payload received. Unknown name "${k}": Cannot find field.`);
    this._writeControl(f, body.writeControl, api);
    const requests = body.requests;
    if (requests !== undefined && !Array.isArray(requests))
      throw this._bad(
        api,
        `Invalid value at 'requests' (type.googleapis.com/google.apps.docs.v1.Request), ${JSON.stringify(requests)}`,
      );
    if (!requests || !requests.length) throw this._bad(api, 'Must specify at least one request.');
    const draft = cloneDoc(f.doc!);
    let replies: Record<string, unknown>[];
    try {
      replies = requests.map((r, i) => applyRequest(draft, r as Record<string, unknown>, i));
    } catch (e) {
      if (e instanceof DocsBadRequest) throw this._bad(api, e.message);
      throw e;
    }
    f.doc = draft;
    this._store.touch(f);
    return { documentId: f.id, replies, writeControl: { requiredRevisionId: revisionId(f) } } as BatchResponse;
  }

  _bad(api: string, message: string): GoogleJsonResponseException {
    return new GoogleJsonResponseException(api, 400, message);
  }

  _writeControl(f: StoredFile, wc: unknown, api: string): void {
    if (wc === undefined) return;
    const w = (wc ?? {}) as Record<string, unknown>;
    if (w.targetRevisionId !== undefined) throw new NotImplementedError('Docs writeControl.targetRevisionId');
    if (w.requiredRevisionId !== undefined && w.requiredRevisionId !== revisionId(f)) {
      throw this._bad(
        api,
        `The required revision ID '${String(w.requiredRevisionId)}' does not match the latest revision.`,
      );
    }
  }

  /** The Google Doc, or the API's 404 (also for a file `drive.file` does not reach, and for trash-less misses). */
  _doc(documentId: unknown, api: string, grant: Grant): StoredFile {
    const f = typeof documentId === 'string' ? this._store.find(documentId) : undefined;
    if (!f || (grant === 'appFiles' && !f.appCreated))
      throw new GoogleJsonResponseException(api, 404, API_MESSAGES.entityNotFound);
    if (f.mimeType !== MIME.document || !f.doc)
      throw this._bad(api, 'This operation is not supported for this document');
    return f;
  }
}
