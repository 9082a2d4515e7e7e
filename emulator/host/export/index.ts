// `env.exportTo(dir)`: what the runtime produced, as files a person opens in ordinary software — the
// spreadsheet (.xlsx), each Google Doc (.docx), each sent mail (.eml) and each UrlFetch call (.json).
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { snapshot, type SpreadsheetSnapshot } from '../../spreadsheet/read';
import type { SpreadsheetModel } from '../../spreadsheet/model';
import type { StoredFile } from '../../drive/store';
import type { SentMail } from '../../mail/MailApp';
import type { HttpLogEntry } from '../../url-fetch/http-router';
import { spreadsheetToXlsx } from './xlsx';
import { docToDocx } from './docx';
import { mailToEml } from './eml';

/** What there is to export. */
export interface ExportSources {
  spreadsheet: SpreadsheetSnapshot | null;
  docs: StoredFile[];
  outbox: SentMail[];
  http: HttpLogEntry[];
}

/** A file name safe on every system, unique among `taken`. */
function safeName(base: string, ext: string, taken: Set<string>): string {
  const clean =
    base
      .replace(/[\\/:*?"<>|]|\p{Cc}/gu, '_')
      .trim()
      .slice(0, 120) || 'untitled';
  let name = `${clean}.${ext}`;
  for (let i = 2; taken.has(name.toLowerCase()); i++) name = `${clean} (${i}).${ext}`;
  taken.add(name.toLowerCase());
  return name;
}

function payloadJson(payload: string | null): unknown {
  if (payload === null) return null;
  try {
    return JSON.parse(payload);
  } catch {
    return payload;
  }
}

/** Writes every file into `dir` (created if missing); returns the paths written, in order. */
export async function exportTo(dir: string, src: ExportSources): Promise<string[]> {
  mkdirSync(dir, { recursive: true });
  const taken = new Set<string>();
  const written: string[] = [];
  const put = (name: string, data: Uint8Array | string): void => {
    const path = join(dir, name);
    writeFileSync(path, data);
    written.push(path);
  };
  if (src.spreadsheet) put(safeName(src.spreadsheet.name, 'xlsx', taken), await spreadsheetToXlsx(src.spreadsheet));
  for (const f of src.docs.filter((d) => d.doc && !d.trashed))
    put(safeName(f.name, 'docx', taken), await docToDocx(f.doc!, f.name));
  for (const [i, m] of src.outbox.entries())
    put(safeName(`mail-${String(i + 1).padStart(3, '0')}`, 'eml', taken), await mailToEml(m, i));
  src.http
    .filter((h) => h.via !== 'internal')
    .forEach((h, i) => {
      const record = {
        method: h.method,
        url: h.url,
        headers: h.headers,
        payload: payloadJson(h.payload),
        status: h.status,
        via: h.via,
        at: h.at.toISOString(),
      };
      put(safeName(`http-${String(i + 1).padStart(3, '0')}`, 'json', taken), JSON.stringify(record, null, 2) + '\n');
    });
  return written;
}

/** The parts of an environment the export reads. */
export interface ExportableEnvironment {
  sheets: { spreadsheet(): object } | null;
  outbox: SentMail[];
  http: { log: HttpLogEntry[] };
  driveStore: { docs(): StoredFile[] };
}

/** `env.exportTo(dir)`: the bound spreadsheet, the Docs, the outbox and the UrlFetch log of an environment. */
export function exportEnvironment(dir: string, env: ExportableEnvironment): Promise<string[]> {
  const model = (env.sheets?.spreadsheet() as { _model?: SpreadsheetModel } | undefined)?._model;
  return exportTo(dir, {
    spreadsheet: model ? snapshot(model) : null,
    docs: env.driveStore.docs(),
    outbox: env.outbox,
    http: env.http.log,
  });
}
