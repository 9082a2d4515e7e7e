// Where the yearly archives are (decision 13): each year's spreadsheet id in Script Properties (ARCHIVE_IDS, year →
// id), opened by id for 查找 and 案件历史 as well as for the archive run itself.
import { archiveTitle } from '../core/archive';

/** Script Properties: `{"2024": "<spreadsheet id>", …}`. */
export const ARCHIVE_IDS_KEY = 'ARCHIVE_IDS';

/** The archives' ids by year (an unreadable property is no archive). */
export function archiveIds(): Record<string, string> {
  const text = PropertiesService.getScriptProperties().getProperty(ARCHIVE_IDS_KEY);
  if (!text) return {};
  try {
    const v = JSON.parse(text) as unknown;
    return v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, string>) : {};
  } catch {
    return {};
  }
}

/** Records a year's archive id (the caller holds the archive run's lock). */
export function recordArchiveId(year: number, id: string): void {
  const ids = { ...archiveIds(), [String(year)]: id };
  PropertiesService.getScriptProperties().setProperty(ARCHIVE_IDS_KEY, JSON.stringify(ids));
}

/** An archive as 查找 and 案件历史 name it. */
export interface OpenedArchive {
  year: number;
  name: string;
  url: string;
  ss: GoogleAppsScript.Spreadsheet.Spreadsheet;
}

/**
 * Every archive that opens, newest year first; one that does not (deleted, no longer shared with the person) is
 * left out and logged, so a search of the others still answers.
 */
export function openArchives(): OpenedArchive[] {
  const out: OpenedArchive[] = [];
  for (const [year, id] of Object.entries(archiveIds()).sort((a, b) => Number(b[0]) - Number(a[0]))) {
    try {
      const ss = SpreadsheetApp.openById(id);
      out.push({ year: Number(year), name: archiveTitle(Number(year)), url: ss.getUrl(), ss });
    } catch (e) {
      console.warn(`${archiveTitle(Number(year))}（${id}）无法打开：${e instanceof Error ? e.message : String(e)}`);
    }
  }
  return out;
}
