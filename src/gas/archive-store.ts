// Where the yearly archives are (decision 13): each year's spreadsheet id in Script Properties (ARCHIVE_IDS, year →
// id), opened by id for 查找 and 案件历史 as well as for the archive run itself.
import { archiveTitle } from '../core/archive';
import type { LocalDate } from '../core/dates';
import { fieldSpec, type CaseKey } from '../core/model';
import { SHEET } from './layout';
import { readHeader } from './table';
import { findInColumn } from './text-search';
import { idNumberPattern, phonePattern } from '../core/duplicates';

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

/**
 * The repeat check's peers in the archives (decision 13: the 365-day window may reach back into a year already
 * archived, for a case dated late in the year before and registered after the January archive): the archives of the
 * years the window touches, their 台账's 身份证号码 / 联系电话 columns searched with TextFinder, the matching rows read
 * for `keys` only. Nothing is opened when the window stays in years not archived.
 */
export function archivedPeers(
  windowFrom: LocalDate,
  id: string,
  phone: string,
  keys: readonly CaseKey[],
): Record<string, unknown>[] {
  const years = Object.keys(archiveIds()).map(Number);
  const from = Number(windowFrom.slice(0, 4));
  if (!years.some((y) => y >= from) || (!id && !phone)) return [];
  const out: Record<string, unknown>[] = [];
  for (const a of openArchives().filter((x) => x.year >= from)) {
    const sheet = a.ss.getSheetByName(SHEET.ledger);
    if (!sheet || sheet.getLastRow() < 2) continue;
    const header = readHeader(sheet);
    const col = (key: CaseKey): number | undefined => header.columns.get(fieldSpec(key).label);
    const rows = new Set<number>();
    for (const [key, pattern] of [
      ['idNumber', id ? idNumberPattern(id) : ''],
      ['phone', phone ? phonePattern(phone) : ''],
    ] as const) {
      const c = col(key);
      if (!pattern || !c) continue;
      for (const r of findInColumn(sheet, c, { text: pattern, pattern: true, matchCase: true })) rows.add(r.getRow());
    }
    for (const row of rows) {
      const cells = sheet.getRange(row, 1, 1, header.width).getValues()[0]!;
      out.push(Object.fromEntries(keys.map((k) => [k, col(k) ? cells[col(k)! - 1] : ''])));
    }
  }
  return out;
}
