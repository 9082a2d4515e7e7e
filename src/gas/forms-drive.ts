// The forms' Drive and Docs work (decision 4: the Drive v3 and Docs v1 advanced services): the app's folder and its
// templates (uploaded once at setup, rebuilt only when asked), the folders 信访台账/<year>/<编号>/ and their sharing,
// a copy of a template filled by ONE Docs batchUpdate (paced to Docs' 60 writes a minute, backing off on HTTP 429),
// the optional PDF beside it, and a replaced copy renamed 〔作废〕 into the case folder's 作废 subfolder.
import { ANNEXES, ANNEX_NOS, VOID_PREFIX, type ReplaceAllText } from '../core/forms';
import type { AnnexNo } from '../core/model';
import { TEMPLATE_HTML } from './templates';
import { LedgerError } from './table';

const FOLDER = 'application/vnd.google-apps.folder';
const DOC = 'application/vnd.google-apps.document';
/** The app's folder in the Drive of whoever ran setup, and the templates in it. */
export const APP_FOLDER_NAME = '信访台账';
const VOID_FOLDER_NAME = '作废';
export const PROP_APP_FOLDER = 'FORMS_FOLDER_ID';
export const templateProp = (n: AnnexNo): string => `FORM_TEMPLATE_${n}`;
/** Docs allows 60 write requests a minute per user (developers.google.com/docs/api/limits). */
export const DOCS_WRITES_PER_MINUTE = 60;
const MINUTE_MS = 60_000;

/** What a batch keeps between its slices: the folders found or made, and when Docs was last written. */
export interface DriveCache {
  years: Record<string, string>;
  cases: Record<string, string>;
  voids: Record<string, string>;
  /** Case folders whose sharing was checked in this batch. */
  shared: string[];
  /** The app folder's sharing was checked in this batch. */
  rootShared?: boolean;
  /** Times (ms) of this batch's recent Docs writes, for the per-minute limit. */
  writes: number[];
}

export const emptyDriveCache = (): DriveCache => ({ years: {}, cases: {}, voids: {}, shared: [], writes: [] });

/** The slice must stop here and continue in the next one (a wait for Docs' limit would not fit its time). */
export class SliceFull extends Error {
  constructor(readonly reason: string) {
    super(reason);
    this.name = 'SliceFull';
  }
}

/** True for Google's answer that a per-minute quota is used up (HTTP 429, or Drive's 403 rate limits). */
export function isRateLimited(e: unknown): boolean {
  const code = (e as { details?: { code?: number } } | null)?.details?.code;
  if (code === 429) return true;
  const text = e instanceof Error ? e.message : String(e);
  return /\b429\b|Quota exceeded|rate ?limit|RESOURCE_EXHAUSTED|Too Many Requests/i.test(text);
}

/** No media: a folder, or a metadata-only call (the advanced service takes null there). */
const NO_MEDIA = null as unknown as GoogleAppsScript.Base.Blob;

const q = (s: string): string => `'${s.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;

/** One execution's view of the forms' Drive: Script Properties read once, folders cached in the batch's cache. */
export class FormsDrive {
  private readonly props: Record<string, string>;
  constructor(
    readonly cache: DriveCache,
    /** Milliseconds this execution may still spend (the slice's deadline), read before any wait. */
    private readonly msLeft: () => number,
  ) {
    this.props = PropertiesService.getScriptProperties().getProperties();
  }

  /** The app's folder; a LedgerError when setup has not made it yet. */
  rootId(): string {
    const id = this.props[PROP_APP_FOLDER];
    if (!id) throw new LedgerError('NO_SHEET', '表单模板尚未建立。请先运行「信访台账 › 初始化/修复」。');
    return id;
  }

  templateId(n: AnnexNo): string {
    const id = this.props[templateProp(n)];
    if (!id) throw new LedgerError('NO_SHEET', `${ANNEXES[n].caption}的模板尚未建立。请先运行「初始化/修复」。`);
    return id;
  }

  /** A child folder by name (found, or made), cached under `key` in `bucket`. */
  private folder(
    bucket: Record<string, string>,
    key: string,
    parent: string,
    name: string,
  ): { id: string; made: boolean } {
    const known = bucket[key];
    if (known) return { id: known, made: false };
    const f = childFolder(parent, name);
    bucket[key] = f.id;
    return f;
  }

  /** 信访台账/<year>/<编号>/: found or made, and shared on its own with `sharing` once per batch. */
  caseFolder(year: number, caseNo: string, sharing: { writers: string[]; readers: string[] }): string {
    const yearId = this.folder(this.cache.years, String(year), this.rootId(), String(year)).id;
    const { id, made } = this.folder(this.cache.cases, caseNo, yearId, caseNo);
    if (!this.cache.shared.includes(id)) {
      this.share(id, sharing, made);
      this.cache.shared.push(id);
    }
    return id;
  }

  /** The app folder shared with the 信访办 (writers), checked once per batch, so any of them can add case folders. */
  shareRoot(writers: string[]): void {
    if (this.cache.rootShared) return;
    this.share(this.rootId(), { writers, readers: [] }, false);
    this.cache.rootShared = true;
  }

  /**
   * Adds the permissions `sharing` names that the folder lacks (a new folder has none but its owner's), without
   * Drive's notification mail. Never removes one: a person who left is taken off by hand.
   */
  share(folderId: string, sharing: { writers: string[]; readers: string[] }, isNew: boolean): void {
    // A folder this execution made belongs to the person running it: their access is the owner's.
    const have = new Map<string, string>(isNew ? [[Session.getEffectiveUser().getEmail().toLowerCase(), 'owner']] : []);
    if (!isNew) {
      for (const p of Drive!.Permissions.list(folderId, { fields: 'permissions(emailAddress,role)' }).permissions ?? [])
        if (p.emailAddress) have.set(p.emailAddress.toLowerCase(), p.role ?? '');
    }
    const want: [string, string][] = [
      ...sharing.writers.map((e): [string, string] => [e, 'writer']),
      ...sharing.readers.map((e): [string, string] => [e, 'reader']),
    ];
    for (const [email, role] of want) {
      const had = have.get(email.toLowerCase());
      if (had === 'owner' || had === 'writer' || had === role) continue;
      Drive!.Permissions.create({ type: 'user', role, emailAddress: email }, folderId, {
        sendNotificationEmail: false,
      });
    }
  }

  /** Copies annex `n`'s template into the folder under `name`. */
  copy(n: AnnexNo, name: string, folderId: string): { id: string; url: string } {
    const f = Drive!.Files.copy({ name, parents: [folderId] }, this.templateId(n), { fields: 'id,webViewLink' });
    return { id: f.id!, url: f.webViewLink! };
  }

  /**
   * Fills a copy in one batchUpdate. Waits first if this batch already wrote 60 times in the last minute, and backs
   * off (1, 2, 4, 8, 16 s) on HTTP 429; a wait that would not fit the slice throws SliceFull instead.
   */
  fill(docId: string, requests: ReplaceAllText[]): void {
    const now = (): number => new Date().getTime();
    const recent = this.cache.writes.filter((t) => now() - t < MINUTE_MS);
    if (recent.length >= DOCS_WRITES_PER_MINUTE)
      this.wait(recent[recent.length - DOCS_WRITES_PER_MINUTE]! + MINUTE_MS - now());
    for (let attempt = 0; ; attempt++) {
      try {
        Docs!.Documents.batchUpdate({ requests }, docId);
        this.cache.writes = [...recent.slice(-(DOCS_WRITES_PER_MINUTE - 1)), now()];
        return;
      } catch (e) {
        if (!isRateLimited(e) || attempt >= 5) throw e;
        this.wait(1000 * 2 ** attempt);
      }
    }
  }

  private wait(ms: number): void {
    if (ms <= 0) return;
    if (ms > this.msLeft()) throw new SliceFull('Docs 每分钟写入次数已达上限，稍后继续');
    Utilities.sleep(ms);
  }

  /** Exports a Google Doc as PDF (Drive's export endpoint, the script's own token) and stores it beside the Doc. */
  exportPdf(docId: string, name: string, folderId: string): { id: string; url: string } {
    const res = UrlFetchApp.fetch(
      `https://www.googleapis.com/drive/v3/files/${encodeURIComponent(docId)}/export?mimeType=application%2Fpdf`,
      { headers: { Authorization: `Bearer ${ScriptApp.getOAuthToken()}` }, muteHttpExceptions: true },
    );
    if (res.getResponseCode() !== 200)
      throw new Error(`PDF 导出失败（HTTP ${res.getResponseCode()}）：${res.getContentText().slice(0, 200)}`);
    const blob = res.getBlob().setName(`${name}.pdf`);
    const f = Drive!.Files.create({ name: `${name}.pdf`, mimeType: 'application/pdf', parents: [folderId] }, blob, {
      fields: 'id,webViewLink',
    });
    return { id: f.id!, url: f.webViewLink! };
  }

  /**
   * A replaced copy: renamed 〔作废〕… and moved into the case folder's 作废 subfolder (only a file's owner may
   * trash it, and the staff who made it may differ from the one replacing it).
   */
  voidFile(fileId: string, caseNo: string, caseFolderId: string): void {
    const voidId = this.folder(this.cache.voids, caseNo, caseFolderId, VOID_FOLDER_NAME).id;
    const f = Drive!.Files.get(fileId, { fields: 'name,parents' });
    const name = f.name!.startsWith(VOID_PREFIX) ? f.name! : VOID_PREFIX + f.name!;
    const from = (f.parents ?? []).filter((p) => p !== voidId).join(',');
    Drive!.Files.update({ name }, fileId, NO_MEDIA, {
      addParents: voidId,
      ...(from ? { removeParents: from } : {}),
      fields: 'id',
    });
  }
}

/** The folder `name` inside `parent`: one search, and one create when there is none. */
function childFolder(parent: string, name: string): { id: string; made: boolean } {
  const found = Drive!.Files.list({
    q: `${q(parent)} in parents and name = ${q(name)} and mimeType = '${FOLDER}' and trashed = false`,
    fields: 'files(id)',
    pageSize: 1,
  }).files?.[0]?.id;
  if (found) return { id: found, made: false };
  return {
    id: Drive!.Files.create({ name, mimeType: FOLDER, parents: [parent] }, NO_MEDIA, { fields: 'id' }).id!,
    made: true,
  };
}

/** The file id in a Drive or Docs link (…/d/<id>/…), or '' when it holds none. */
export function fileIdOf(url: string | undefined): string {
  return /\/d\/([A-Za-z0-9_-]{20,})/.exec(url ?? '')?.[1] ?? '';
}

/** What 初始化/修复 did about the templates, for the person. */
export interface TemplateReport {
  created: AnnexNo[];
  kept: AnnexNo[];
  rebuilt: AnnexNo[];
  folderCreated: boolean;
}

/**
 * Makes the app's folder (once) and uploads each annex template into it as a Google Doc (Drive converts the HTML),
 * recording the ids in Script Properties. A template already there is kept as the office may have restyled it,
 * unless `rebuild`: then a fresh one replaces it and the old one is renamed 〔作废〕 into the folder's 作废.
 */
export function ensureTemplates(rebuild: boolean): TemplateReport {
  const props = PropertiesService.getScriptProperties();
  const stored = props.getProperties();
  const report: TemplateReport = { created: [], kept: [], rebuilt: [], folderCreated: false };
  const alive = (id: string | undefined): boolean => {
    if (!id) return false;
    try {
      return Drive!.Files.get(id, { fields: 'id,trashed' }).trashed !== true;
    } catch (e) {
      if (/File not found/i.test(e instanceof Error ? e.message : String(e))) return false;
      throw e;
    }
  };
  const updates: Record<string, string> = {};
  let root = stored[PROP_APP_FOLDER];
  if (!alive(root)) {
    root = Drive!.Files.create({ name: APP_FOLDER_NAME, mimeType: FOLDER }, NO_MEDIA, { fields: 'id' }).id!;
    updates[PROP_APP_FOLDER] = root;
    report.folderCreated = true;
  }
  let voidFolder = '';
  for (const n of ANNEX_NOS) {
    const old = stored[templateProp(n)];
    const exists = !report.folderCreated && alive(old);
    if (exists && !rebuild) {
      report.kept.push(n);
      continue;
    }
    const blob = Utilities.newBlob(TEMPLATE_HTML[n], 'text/html', `${ANNEXES[n].file}.html`);
    const id = Drive!.Files.create({ name: `模板 ${ANNEXES[n].caption}`, mimeType: DOC, parents: [root] }, blob, {
      fields: 'id',
    }).id!;
    updates[templateProp(n)] = id;
    if (exists) {
      voidFolder ||= childFolder(root, VOID_FOLDER_NAME).id;
      const name = Drive!.Files.get(old!, { fields: 'name' }).name!;
      Drive!.Files.update({ name: VOID_PREFIX + name }, old!, NO_MEDIA, {
        addParents: voidFolder,
        removeParents: root,
        fields: 'id',
      });
      report.rebuilt.push(n);
    } else report.created.push(n);
  }
  if (Object.keys(updates).length) props.setProperties(updates);
  return report;
}
