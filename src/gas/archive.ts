// 归档往年… (decision 13): cases 已归档 and received two or more calendar years ago move, with their 流转记录 lines and
// their records, to the spreadsheet 信访台账归档 YYYY of their year. Driven from the 信访办's sidebar one
// google.script.run call per slice (decision 8), a batch at a time. The run counts the ledger once, keeping the rows
// that may move as a queue in the job; each batch is taken off the queue and its rows judged again, then written into
// the archive (created in the app's folder, shared like the ledger, text formatted as text before any value); the
// next slice opens the archive by id, reads it back and compares it cell by cell with what 台账 holds now, under the
// script lock, and only then deletes the batch's rows — records and log lines first, 台账's last, bottom-up in runs —
// and moves the row numbers kept elsewhere (the log's month index, the workbench index, the queue) up by the rows
// deleted above them. The job lives in Script Properties, so a closed sidebar or a failure at any step resumes where
// it stopped; the archive is matched by 编号 (a record by 编号 and 序号, a log line by its cells), so a rerun never
// appends twice.
import type { AuditEntry } from '../app/ports';
import {
  archiveProblem,
  archiveTitle,
  archiveYearOf,
  cellFormat,
  deletionRuns,
  lastArchivableYear,
  matchRows,
  queueAfterDeletions,
  queuedCounts,
  queueOf,
  takeFromQueue,
  yearCounts,
  type ArchiveCandidate,
  type ArchiveQueue,
  type ReviewDates,
  type RowMatch,
} from '../core/archive';
import { trustedCase } from '../core/controls';
import { formatDateTime, parseDateInput, toShanghaiDate, type LocalDate } from '../core/dates';
import { fieldLabel, type Case, type CaseKey } from '../core/model';
import { RECORD_KIND_IDS, recordSpec } from '../core/records';
import { CELL_READ_MS, CELL_SCAN_MS, LOCAL_CALL_MS, readRuns, ROUND_TRIP_MS } from '../core/runs';
import { archiveIds, recordArchiveId } from './archive-store';
import { rebuildLogIndex, shiftLogIndex } from './audit';
import { forgetRecordIndexes, shiftRecordIndex } from './records';
import { requireRole } from './caller';
import { messageOf } from './errors';
import { PROP_APP_FOLDER } from './forms-drive';
import { DATE_FORMAT, DATETIME_FORMAT, SHEET, sheetSpecs } from './layout';
import { SheetLedger } from './ledger';
import { formPage } from './pages';
import { gasPorts, type GasPorts } from './ports';
import { LedgerError } from './table';
import { findInColumn } from './text-search';
import { rebuildQueue, shiftQueueRows } from './workbench-index';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

/** Cases per batch: one batch's rows are written in one slice and read back, compared and deleted in the next. */
const BATCH_CASES = 400;
/**
 * A slice starts no new step after this much modelled time. A step moving 400 cases models at 15–25 s on a ledger of
 * 50,000 (their rows written, or read back and deleted; the key columns of the log and the records searched), so a
 * slice stays far inside 6 minutes (npm run bench -- archive).
 */
const SLICE_BUDGET_MS = 60_000;
/** Runs of rows the queue keeps (about 14 characters each in the job): the rest waits for the next count. */
const QUEUE_RUNS = 3_000;
/** Counts of the whole ledger in one run: the first, and again when the queue ran dry having missed rows. */
const MAX_COUNTS = 3;
/** Script Properties: the job, as JSON in chunks (a value holds 9 KB; Chinese text is 3 bytes a character). */
const JOB_KEY = 'ARCHIVE_JOB_';
const JOB_CHUNKS = 'ARCHIVE_JOB_N';
const CHUNK_CHARS = 2_500;
const SPREADSHEET_MIME = 'application/vnd.google-apps.spreadsheet';
/**
 * A TextFinder search scans server-side at a quarter of a read's price a cell, and each cell it finds is a Range whose
 * row is asked locally (1 ms): apps-script-costs.md, as the local runtime prices them (assumed there).
 */
const NO_MEDIA = null as unknown as GoogleAppsScript.Base.Blob;

type Phase = 'select' | 'copy' | 'verify';

/** The archive run, as Script Properties keep it between slices. */
interface ArchiveJob {
  by: string;
  phase: Phase;
  year?: number;
  /** The batch: 编号 (as the row's anchor names it) of the cases of `year` moving now. */
  caseNos: string[];
  /** Their 台账 rows when picked: hints, each confirmed by the row's anchor when read. */
  rows?: number[];
  /** Cases moved by this run, by year. */
  moved: Record<string, number>;
  /** Cases that may move, by year, as last counted. */
  waiting: { year: number; count: number }[];
  /** Years whose archive this run has already laid out and shared. */
  prepared: number[];
  /** 台账's rows that may still move, as this run counted them (absent: count the ledger first). */
  queue?: ArchiveQueue;
  /** Counts of the whole ledger made by this run. */
  counts?: number;
  /** A queued row was not one that may move (moved by someone, changed, or the queue was cut): count again at the end. */
  missed?: boolean;
  /** Rows found per case in each table by the last read: whether a key column is read whole or searched. */
  perCase?: Record<string, number>;
  error?: string;
  done?: boolean;
  /** Rows were deleted and the indexes of row numbers are not brought up to date yet. */
  rebuild?: boolean;
}

/** What the sidebar shows. */
export interface ArchiveStatus {
  started: boolean;
  finished: boolean;
  waiting: { year: number; count: number }[];
  staying: { reason: string; count: number }[];
  moved: { year: number; count: number }[];
  archives: { year: number; name: string; url: string }[];
  step: string;
  message: string;
  error: string;
}

// ── The job in Script Properties ─────────────────────────────────────────────────────────────────────────────────

function loadJob(): ArchiveJob | null {
  const all = PropertiesService.getScriptProperties().getProperties();
  const n = Number(all[JOB_CHUNKS] ?? 0);
  if (!n) return null;
  try {
    return JSON.parse(Array.from({ length: n }, (_, i) => all[JOB_KEY + i] ?? '').join('')) as ArchiveJob;
  } catch {
    return null;
  }
}

/** Saves the job in one call (chunks beyond the new count are left and never read). */
function saveJob(job: ArchiveJob): void {
  const text = JSON.stringify(job);
  const values: Record<string, string> = {};
  let n = 0;
  for (let i = 0; i < text.length; i += CHUNK_CHARS) values[JOB_KEY + n++] = text.slice(i, i + CHUNK_CHARS);
  values[JOB_CHUNKS] = String(n);
  PropertiesService.getScriptProperties().setProperties(values);
}

// ── The tables that move ─────────────────────────────────────────────────────────────────────────────────────────

/** A sheet whose rows move: 台账 (one row a case), a record sheet (one row a record: 编号 and 序号), 流转记录. */
interface Table {
  name: string;
  keyed: 'case' | 'record' | null;
  /** The layout's number format of each column, by label. */
  formats: Map<string, string>;
  /** Rows a case has in it, as first guessed (the run then learns it from each batch). */
  perCase: number;
}

const ANCHOR = fieldLabel('anchorNo');
const CASE_NO = fieldLabel('caseNo');
const SEQ = '序号';

function tables(): Table[] {
  const specs = new Map(sheetSpecs().map((s) => [s.name, s]));
  const names = [SHEET.ledger, SHEET.log, ...RECORD_KIND_IDS.map((k) => recordSpec(k).sheet)];
  return names.map((name) => ({
    name,
    keyed: name === SHEET.ledger ? 'case' : name === SHEET.log ? null : 'record',
    formats: new Map(
      (specs.get(name)?.columns ?? []).flatMap((c) => (c.format ? [[c.label, c.format] as [string, string]] : [])),
    ),
    perCase: name === SHEET.log ? 4 : 1,
  }));
}

const REVIEW_SHEET = recordSpec('review').sheet;

/** A table's rows of some cases, as read from one spreadsheet: the header's labels and each row's cells. */
interface Rows {
  sheet: Sheet;
  labels: string[];
  rows: { row: number; caseNo: string; cells: unknown[] }[];
  /** The rows were not where the hints said (someone moved rows): found by the key columns instead. */
  unhinted?: boolean;
}

/** Row 1's labels (one read of the whole row; blank labels on the right left out). */
function headerLabels(sheet: Sheet): string[] {
  const labels = sheet
    .getRange('1:1')
    .getValues()[0]!
    .map((v) => String(v).trim());
  while (labels.length && !labels[labels.length - 1]) labels.pop();
  return labels;
}

/** The case a row belongs to, from its cells: 台账's by its anchor (else its 编号), any other's by its 编号. */
function caseOfCells(table: Table, labels: readonly string[]): (cells: readonly unknown[]) => string {
  const no = labels.indexOf(CASE_NO);
  const anchor = table.keyed === 'case' ? labels.indexOf(ANCHOR) : -1;
  return (c) => String((anchor >= 0 ? c[anchor] : '') || c[no] || '').trim();
}

const escapeRegExp = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** More 编号 than this are never put in one search pattern: the key columns are read instead. */
const SEARCH_CASES = 1_000;

/**
 * The rows (ascending) whose key columns may name one of `cases`: the first column read whole (the second only where
 * the first is blank: 台账's anchor, else its 编号), or each searched by one TextFinder for all of them (a regular
 * expression of the 编号 as whole cells) when that costs less — a search scans at a quarter of a read's price but
 * pays for each cell it finds, about `perCase` a case.
 */
function keyRows(sheet: Sheet, cols: readonly number[], last: number, cases: ReadonlySet<string>, perCase: number) {
  const n = last - 1;
  const readMs = ROUND_TRIP_MS + n * CELL_READ_MS;
  const searchMs = cols.length * (ROUND_TRIP_MS + n * CELL_SCAN_MS) + cases.size * perCase * LOCAL_CALL_MS;
  if (readMs <= searchMs || cases.size > SEARCH_CASES) {
    const column = (c: number): string[] =>
      sheet
        .getRange(2, c, n, 1)
        .getValues()
        .map((r) => String(r[0] ?? '').trim());
    const first = column(cols[0]!);
    const second = cols[1] && first.some((k) => !k) ? column(cols[1]) : [];
    return first.flatMap((k, i) => (cases.has(k || second[i] || '') ? [i + 2] : []));
  }
  const text = `^\\s*(?:${[...cases].map(escapeRegExp).join('|')})\\s*$`;
  const rows = new Set<number>();
  for (const c of cols)
    for (const r of findInColumn(sheet, c, { text, pattern: true, matchCase: true })) rows.add(r.getRow());
  return [...rows].filter((r) => r >= 2).sort((a, b) => a - b);
}

/**
 * The rows of `cases` in a table. With `hints` (台账: the rows the batch was picked from) those rows are read and
 * each must hold its case; otherwise, or when one does not, the key columns find them (keyRows). Then one read per
 * run of rows (rows between read along when cheaper than a call), each row kept when its key is one of `cases`.
 */
function readRows(
  sheet: Sheet,
  table: Table,
  cases: ReadonlySet<string>,
  opts: { labels?: string[]; hints?: ReadonlyMap<string, number>; perCase?: Record<string, number> } = {},
): Rows {
  const labels = opts.labels ?? headerLabels(sheet);
  if (!cases.size || !labels.length) return { sheet, labels, rows: [] };
  const colOf = (label: string): number => labels.indexOf(label) + 1;
  const noCol = colOf(CASE_NO);
  if (!noCol)
    throw new LedgerError('NO_HEADER', `「${table.name}」缺少表头：${CASE_NO}。请运行「信访台账 › 初始化/修复」。`);
  const keyOf = caseOfCells(table, labels);
  const width = labels.length;
  const read = (wanted: readonly number[]): Rows['rows'] => {
    const out: Rows['rows'] = [];
    let i = 0;
    for (const [top, bottom] of readRuns(wanted, width)) {
      const grid = sheet.getRange(top, 1, bottom - top + 1, width).getValues();
      for (; i < wanted.length && wanted[i]! <= bottom; i++) {
        const cells = grid[wanted[i]! - top]!;
        out.push({ row: wanted[i]!, caseNo: keyOf(cells), cells });
      }
    }
    return out;
  };
  const hints = opts.hints;
  if (hints && [...cases].every((c) => hints.has(c))) {
    const at = [...new Set(hints.values())].sort((a, b) => a - b);
    let rows: Rows['rows'] = [];
    try {
      if (at.length === cases.size && at[0]! >= 2) rows = read(at);
    } catch (e) {
      // A hint past the grid's end (rows deleted since): the key columns find them.
      if (!messageOf(e).includes('outside the dimensions')) throw e;
    }
    if (rows.length === cases.size && rows.every((r) => hints.get(r.caseNo) === r.row)) return { sheet, labels, rows };
  }
  const last = sheet.getLastRow();
  if (last < 2) return { sheet, labels, rows: [], unhinted: !!hints };
  const cols = table.keyed === 'case' && colOf(ANCHOR) ? [colOf(ANCHOR), noCol] : [noCol];
  const perCase = opts.perCase?.[table.name] ?? table.perCase;
  const rows = read(keyRows(sheet, cols, last, cases, perCase)).filter((r) => cases.has(r.caseNo));
  return { sheet, labels, rows, unhinted: !!hints };
}

/** Notes how many rows a case had in the table (source rows of a batch), for the next read's choice. */
function learn(job: ArchiveJob, table: Table, rows: Rows, cases: number): void {
  if (table.keyed === 'case' || !cases) return;
  job.perCase = { ...job.perCase, [table.name]: Math.round((rows.rows.length / cases) * 10) / 10 };
}

/** Cells of a row laid out for other labels (a label the row lacks is blank). */
function align(cells: readonly unknown[], from: readonly string[], to: readonly string[]): unknown[] {
  const at = new Map(from.map((l, i) => [l, i]));
  return to.map((l) => {
    const i = at.get(l);
    return i === undefined ? '' : cells[i];
  });
}

/** The key of a row in source-label order: 台账 by its anchor (else 编号), a record by 编号 and 序号. */
function keyFn(table: Table, labels: readonly string[]): ((cells: readonly unknown[]) => string) | undefined {
  if (table.keyed === 'case') return caseOfCells(table, labels);
  if (table.keyed === 'record') {
    const no = labels.indexOf(CASE_NO);
    const seq = labels.indexOf(SEQ);
    return (c) => `${String(c[no] ?? '').trim()}|${String(seq >= 0 ? (c[seq] ?? '') : '')}`;
  }
  return undefined;
}

/** Source rows and the archive's, matched (archive cells aligned to the source's labels). */
function compare(table: Table, source: Rows, archive: Rows): RowMatch[] {
  const theirs = archive.rows.map((r) => align(r.cells, archive.labels, source.labels));
  return matchRows(
    source.rows.map((r) => r.cells),
    theirs,
    keyFn(table, source.labels),
  );
}

// ── Which cases move ─────────────────────────────────────────────────────────────────────────────────────────────

/** The ledger columns every row is counted by. */
const KEY_KEYS: readonly CaseKey[] = ['caseNo', 'anchorNo', 'state', 'petitionDate'];
/** The other ledger columns the eligibility reads, of the rows that may move (the controls come from the record). */
const JUDGE_KEYS: readonly CaseKey[] = [
  'closedDate',
  'repliedAt',
  'verifyRepliedAt',
  'reviewKind',
  'reviewRequestDate',
  'reviewDecidedDate',
  'controlRecord',
];
const PLAN_KEYS: readonly CaseKey[] = [...KEY_KEYS, ...JUDGE_KEYS];

interface Plan {
  cands: ArchiveCandidate[];
  waiting: { year: number; count: number }[];
  staying: { reason: string; count: number }[];
}

/**
 * A row's case as the archive judges it: its controls from the row's record (a typed change not yet put back never
 * moves a case), and the 状态 the cell shows must say 已归档 too.
 */
function judged(c: Case): Case {
  const t = trustedCase(c);
  return c.state === '已归档' ? t : { ...t, state: c.state };
}

const keyOfCase = (c: Case): string => String(c.anchorNo || c.caseNo || '').trim();

/** A 复查复核 date cell as a day (a date typed as text too). */
function dayOf(v: unknown): LocalDate | undefined {
  if (v instanceof Date) return toShanghaiDate(v);
  if (v === '' || v === null || v === undefined) return undefined;
  const p = parseDateInput(v);
  return p.ok ? p.date : undefined;
}

/** The 复查复核 records of rows read from its sheet, by case: the kind and the dates the eligibility needs. */
function reviewsOf(rows: Rows): Map<string, ReviewDates[]> {
  const label = (key: string): number =>
    rows.labels.indexOf(recordSpec('review').fields.find((f) => f.key === key)!.label);
  const [kind, requested, decided] = [label('reviewKind'), label('requestDate'), label('decidedDate')];
  const out = new Map<string, ReviewDates[]>();
  for (const r of rows.rows) {
    const k = String(r.cells[kind] ?? '').trim();
    const review: ReviewDates = {
      reviewKind: k === '复查' || k === '复核' ? k : undefined,
      requestDate: dayOf(r.cells[requested]),
      decidedDate: dayOf(r.cells[decided]),
    };
    const mine = out.get(r.caseNo);
    if (mine) mine.push(review);
    else out.set(r.caseNo, [review]);
  }
  return out;
}

/** The 复查复核 records of some cases, as the eligibility reads them. */
function reviewsFor(p: GasPorts, cases: ReadonlySet<string>, perCase?: Record<string, number>) {
  const table = tables().find((t) => t.name === REVIEW_SHEET)!;
  const sheet = p.ss.getSheetByName(REVIEW_SHEET);
  return sheet ? reviewsOf(readRows(sheet, table, cases, { perCase })) : new Map<string, ReviewDates[]>();
}

/**
 * Counts the cases of the ledger: which may move (by year), and why the old ones that stay do. Reads 编号, anchor,
 * 状态 and 信访日期 of every row, the other columns the eligibility needs only of old rows whose 状态 says 已归档, and
 * the 复查复核 records of those.
 */
function planArchive(p: GasPorts, now: Date): Plan {
  const rows = p.ledger.loadFields(KEY_KEYS);
  const last = lastArchivableYear(now);
  const seen = new Map<string, number>();
  for (const r of rows) seen.set(keyOfCase(r.c), (seen.get(keyOfCase(r.c)) ?? 0) + 1);
  const old = rows.filter((r) => keyOfCase(r.c) && (archiveYearOf(r.c) ?? Infinity) <= last);
  const staying = new Map<string, number>();
  const stay = (why: string): void => void staying.set(why, (staying.get(why) ?? 0) + 1);
  const archived = old.filter((r) => {
    const why = (seen.get(keyOfCase(r.c)) ?? 0) > 1 ? '编号重复' : r.c.state !== '已归档' ? '尚未归档' : null;
    if (why) stay(why);
    return !why;
  });
  const byRow = new Map(archived.map((r) => [r.row, r.c]));
  const reviews = reviewsFor(p, new Set(archived.map((r) => keyOfCase(r.c))));
  const cands: ArchiveCandidate[] = [];
  for (const r of p.ledger.loadFieldsAt(JUDGE_KEYS, [...byRow.keys()])) {
    const k = byRow.get(r.row)!;
    const c = { ...r.c, caseNo: k.caseNo, anchorNo: k.anchorNo, state: k.state, petitionDate: k.petitionDate } as Case;
    const no = keyOfCase(c);
    const why = archiveProblem(judged(c), now, reviews.get(no) ?? []);
    if (why) stay(why);
    else cands.push({ caseNo: no, row: r.row, year: archiveYearOf(c)! });
  }
  return {
    cands,
    waiting: yearCounts(cands),
    staying: [...staying].map(([reason, count]) => ({ reason, count })),
  };
}

/**
 * Which of some 台账 rows may move now, read afresh (the columns the eligibility needs, and their 复查复核 records):
 * the 编号 and row of each that may, in `year`.
 */
function stillDue(
  p: GasPorts,
  job: ArchiveJob,
  rows: readonly number[],
  now: Date,
  year: number,
  reviewRows?: Rows,
): { caseNo: string; row: number }[] {
  const loaded = p.ledger.loadFieldsAt(PLAN_KEYS, rows);
  const keys = new Set(loaded.map((l) => keyOfCase(l.c)).filter(Boolean));
  const reviews = reviewRows ? reviewsOf(reviewRows) : reviewsFor(p, keys, job.perCase);
  const count = new Map<string, number>();
  for (const l of loaded) count.set(keyOfCase(l.c), (count.get(keyOfCase(l.c)) ?? 0) + 1);
  return loaded
    .filter((l) => {
      const no = keyOfCase(l.c);
      return (
        no &&
        count.get(no) === 1 &&
        archiveYearOf(l.c) === year &&
        !archiveProblem(judged(l.c), now, reviews.get(no) ?? [])
      );
    })
    .map((l) => ({ caseNo: keyOfCase(l.c), row: l.row }));
}

/** A run about to start: nothing counted, nothing moved. */
function blankJob(by: string): ArchiveJob {
  return { by, phase: 'select', caseNos: [], moved: {}, waiting: [], prepared: [] };
}

// ── The archive spreadsheet ──────────────────────────────────────────────────────────────────────────────────────

/** The app's Drive folder (made by 初始化/修复). */
function appFolder(): string {
  const id = PropertiesService.getScriptProperties().getProperty(PROP_APP_FOLDER);
  if (!id) throw new LedgerError('NO_SHEET', '找不到「信访台账」文件夹。请先运行「信访台账 › 初始化/修复」。');
  return id;
}

const q = (s: string): string => `'${s.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;

/**
 * A year's archive spreadsheet: the one recorded, else one of its name already in the app's folder or the person's
 * My Drive (made by a run that stopped before recording it), else a new one; its id recorded at once.
 */
function archiveFor(year: number): { ss: Spreadsheet; created: boolean } {
  const known = archiveIds()[String(year)];
  if (known) return { ss: SpreadsheetApp.openById(known), created: false };
  const name = archiveTitle(year);
  for (const parent of [appFolder(), 'root']) {
    const found = Drive!.Files.list({
      q: `${q(parent)} in parents and name = ${q(name)} and mimeType = '${SPREADSHEET_MIME}' and trashed = false`,
      fields: 'files(id)',
      pageSize: 1,
    }).files?.[0]?.id;
    if (found) {
      recordArchiveId(year, found);
      return { ss: SpreadsheetApp.openById(found), created: false };
    }
  }
  const ss = SpreadsheetApp.create(name);
  recordArchiveId(year, ss.getId());
  return { ss, created: true };
}

/** Moves the archive into the app's folder (Drive v3, decision 4), unless it is there. */
function intoAppFolder(id: string): void {
  const folder = appFolder();
  const parents = Drive!.Files.get(id, { fields: 'parents' }).parents ?? [];
  if (parents.includes(folder)) return;
  Drive!.Files.update({}, id, NO_MEDIA, {
    addParents: folder,
    ...(parents.length ? { removeParents: parents.join(',') } : {}),
    fields: 'id',
  });
}

/** Who a file is shared with, by email: role. */
function permissions(id: string): Map<string, { role: string; type: string }> {
  const out = new Map<string, { role: string; type: string }>();
  let pageToken: string | undefined;
  do {
    const page = Drive!.Permissions.list(id, {
      fields: 'nextPageToken,permissions(emailAddress,role,type)',
      ...(pageToken ? { pageToken } : {}),
    });
    for (const p of page.permissions ?? [])
      if (p.emailAddress) out.set(p.emailAddress.toLowerCase(), { role: p.role ?? '', type: p.type ?? '' });
    pageToken = page.nextPageToken ?? undefined;
  } while (pageToken);
  return out;
}

const RANK: Record<string, number> = { reader: 1, commenter: 2, writer: 3, owner: 4 };

/**
 * Shares the archive like the ledger: each person or group the ledger is shared with gets the same role (its owner
 * becomes a writer), without Drive's notification mail; nobody's access is lowered or removed.
 */
function shareLikeLedger(ledgerId: string, archiveId: string): void {
  const theirs = permissions(ledgerId);
  const mine = permissions(archiveId);
  for (const [email, p] of theirs) {
    if (p.type !== 'user' && p.type !== 'group') continue;
    const role = p.role === 'owner' ? 'writer' : p.role;
    if (!RANK[role]) continue;
    if ((RANK[mine.get(email)?.role ?? ''] ?? 0) >= RANK[role]!) continue;
    Drive!.Permissions.create({ type: p.type, role, emailAddress: email }, archiveId, {
      sendNotificationEmail: false,
    });
  }
}

/**
 * The archive's tab for a table, with every label the ledger's sheet has: a new (or still blank) tab trimmed to
 * them, frozen, its header as bold plain text written last (so a tab with a header is laid out); labels the ledger
 * has gained since are added on the right. Returns the tab and its labels.
 */
function archiveSheet(
  ss: Spreadsheet,
  name: string,
  labels: readonly string[],
  fresh?: Sheet,
): { sheet: Sheet; labels: string[] } {
  let sheet = ss.getSheetByName(name);
  if (!sheet) {
    sheet = fresh ?? ss.insertSheet(name);
    if (fresh) sheet.setName(name);
  }
  const have = headerLabels(sheet);
  if (!have.some(Boolean)) {
    const max = sheet.getMaxColumns();
    if (max < labels.length) sheet.insertColumnsAfter(max, labels.length - max);
    else if (max > labels.length) sheet.deleteColumns(labels.length + 1, max - labels.length);
    const rows = sheet.getMaxRows();
    if (rows > 2) sheet.deleteRows(3, rows - 2);
    sheet.setFrozenRows(1);
    sheet
      .getRange(1, 1, 1, labels.length)
      .setNumberFormat('@')
      .setFontWeight('bold')
      .setValues([[...labels]]);
    return { sheet, labels: [...labels] };
  }
  const missing = labels.filter((l) => !have.includes(l));
  if (missing.length) {
    const max = sheet.getMaxColumns();
    const need = have.length + missing.length - max;
    if (need > 0) sheet.insertColumnsAfter(max, need);
    sheet
      .getRange(1, have.length + 1, 1, missing.length)
      .setNumberFormat('@')
      .setFontWeight('bold')
      .setValues([missing]);
  }
  return { sheet, labels: [...have, ...missing] };
}

/** Each table's sheet and labels, in the ledger's spreadsheet and in the archive. */
type Sides = Map<string, { source: { sheet: Sheet; labels: string[] }; archive: { sheet: Sheet; labels: string[] } }>;

/**
 * The year's archive made ready: found or created (recorded at once), in the app's folder, shared like the ledger,
 * in the ledger's time zone, with a tab for each table carrying the ledger's labels. Run on every copy; the Drive
 * work only once per run for a year.
 */
function prepareArchive(p: GasPorts, job: ArchiveJob, year: number): Sides {
  const { ss, created } = archiveFor(year);
  // A new spreadsheet's own first tab becomes 台账 (also after a run that stopped before renaming it).
  const first = created || !ss.getSheetByName(SHEET.ledger) ? blankFirstTab(ss) : undefined;
  const sides: Sides = new Map();
  for (const t of tables()) {
    const sheet = p.ss.getSheetByName(t.name);
    if (!sheet) throw new LedgerError('NO_SHEET', `找不到工作表「${t.name}」。请运行「信访台账 › 初始化/修复」。`);
    const labels = headerLabels(sheet);
    const archive = archiveSheet(ss, t.name, labels.filter(Boolean), t.name === SHEET.ledger ? first : undefined);
    sides.set(t.name, { source: { sheet, labels }, archive });
  }
  if (!job.prepared.includes(year)) {
    const zone = p.ss.getSpreadsheetTimeZone();
    if (ss.getSpreadsheetTimeZone() !== zone) ss.setSpreadsheetTimeZone(zone);
    intoAppFolder(ss.getId());
    shareLikeLedger(p.ss.getId(), ss.getId());
    job.prepared.push(year);
  }
  return sides;
}

/** The spreadsheet's first tab when it is blank and not one of the archive's own (Sheet1, 工作表1…). */
function blankFirstTab(ss: Spreadsheet): Sheet | undefined {
  const own = new Set(tables().map((t) => t.name));
  const first = ss.getSheets()[0];
  return first && !own.has(first.getName()) && first.getLastRow() === 0 ? first : undefined;
}

/** A row for the archive's labels from the ledger's, and each cell's number format (text as text). */
function archiveRow(table: Table, cells: readonly unknown[], from: readonly string[], to: readonly string[]) {
  const values = align(cells, from, to);
  const formats = values.map((v, i) =>
    cellFormat(v, table.formats.get(to[i]!), { date: DATE_FORMAT, dateTime: DATETIME_FORMAT }),
  );
  return { values, formats };
}

/**
 * Writes into the archive what it lacks of the batch's rows of one table: rows missing are appended in one block,
 * a 台账 row or record the archive holds in an older version is overwritten in place; number formats first, values
 * after. Returns how many rows were written.
 */
function syncTable(table: Table, source: Rows, archive: Rows): number {
  const matches = compare(table, source, archive);
  const to = archive.labels;
  const sheet = archive.sheet;
  for (const m of matches.filter((x) => x.status === 'differs')) {
    const r = archiveRow(table, source.rows[m.index]!.cells, source.labels, to);
    const range = sheet.getRange(archive.rows[m.archiveIndex!]!.row, 1, 1, to.length);
    range.setNumberFormats([r.formats]).setValues([r.values]);
  }
  const missing = matches
    .filter((x) => x.status === 'missing')
    .map((x) => archiveRow(table, source.rows[x.index]!.cells, source.labels, to));
  if (missing.length) {
    const start = sheet.getLastRow() + 1;
    const over = start + missing.length - 1 - sheet.getMaxRows();
    if (over > 0) sheet.insertRowsAfter(sheet.getMaxRows(), over);
    const range = sheet.getRange(start, 1, missing.length, to.length);
    range.setNumberFormats(missing.map((r) => r.formats)).setValues(missing.map((r) => r.values));
  }
  return missing.length + matches.filter((x) => x.status === 'differs').length;
}

// ── The steps ────────────────────────────────────────────────────────────────────────────────────────────────────

const hintsOf = (job: ArchiveJob): Map<string, number> | undefined =>
  job.rows && job.rows.length === job.caseNos.length
    ? new Map(job.caseNos.map((no, i) => [no, job.rows![i]!]))
    : undefined;

/** Cases waiting, by year: the queue and the batch under way. */
function waitingOf(job: ArchiveJob): { year: number; count: number }[] {
  const counts = queuedCounts(job.queue ?? []);
  if (job.year !== undefined && job.caseNos.length) {
    const mine = counts.find((c) => c.year === job.year);
    if (mine) mine.count += job.caseNos.length;
    else counts.push({ year: job.year, count: job.caseNos.length });
  }
  return counts.sort((a, b) => a.year - b.year);
}

/**
 * Picks the next batch: the oldest year's next rows off the queue (the ledger counted first when the run has no
 * queue yet), each judged again from the row as it is now. Rows that may no longer move are dropped (the run counts
 * again once the queue is dry, in case a row was moved by someone). Done when nothing is left.
 */
function stepSelect(p: GasPorts, job: ArchiveJob, now: Date): void {
  for (;;) {
    if (!job.queue) {
      const plan = planArchive(p, now);
      const { queue, cut } = queueOf(plan.cands, QUEUE_RUNS);
      job.queue = queue;
      job.counts = (job.counts ?? 0) + 1;
      job.missed = cut;
    }
    const next = takeFromQueue(job.queue, BATCH_CASES);
    if (!next) {
      if (job.missed && (job.counts ?? 0) < MAX_COUNTS) {
        delete job.queue;
        continue;
      }
      job.done = true;
      job.caseNos = [];
      job.rows = [];
      job.waiting = [];
      delete job.year;
      delete job.queue;
      return;
    }
    const last = p.ledger.sheet.getLastRow();
    const due = stillDue(
      p,
      job,
      next.rows.filter((r) => r <= last),
      now,
      next.year,
    );
    if (due.length < next.rows.length) job.missed = true;
    if (!due.length) continue;
    job.year = next.year;
    job.caseNos = due.map((d) => d.caseNo);
    job.rows = due.map((d) => d.row);
    job.waiting = waitingOf(job);
    job.phase = 'copy';
    return;
  }
}

/**
 * Writes the batch into its year's archive (only what the archive lacks): 台账's rows first, at the rows the batch was
 * picked from (found by their anchors when someone moved rows since), then the log lines and records of the cases
 * found there.
 */
function stepCopy(p: GasPorts, job: ArchiveJob): void {
  const sides = prepareArchive(p, job, job.year!);
  let cases: ReadonlySet<string> = new Set(job.caseNos);
  for (const t of tables()) {
    const side = sides.get(t.name)!;
    const ledger = t.name === SHEET.ledger;
    const source = readRows(side.source.sheet, t, cases, {
      labels: side.source.labels,
      hints: ledger ? hintsOf(job) : undefined,
      perCase: job.perCase,
    });
    if (ledger) {
      if (source.unhinted) job.missed = true;
      job.caseNos = source.rows.map((r) => r.caseNo);
      job.rows = source.rows.map((r) => r.row);
      cases = new Set(job.caseNos);
    }
    learn(job, t, source, cases.size);
    const archive = readRows(side.archive.sheet, t, cases, { labels: side.archive.labels, perCase: job.perCase });
    syncTable(t, source, archive);
  }
  job.phase = 'verify';
}

/** Which source rows a step deleted before it failed: 台账's, or only log lines and records. */
interface Touched {
  ledger: boolean;
  other: boolean;
}

/** The archive's read-back did not match what 台账 holds: nothing was deleted. */
class ReadBackMismatch extends Error {}

const shown = (v: unknown): string =>
  v instanceof Date ? formatDateTime(v) : v === '' || v === null || v === undefined ? '（空）' : String(v);

/** What differs, for the person (at most five examples). */
function mismatchText(table: Table, source: Rows, archive: Rows, bad: RowMatch[]): string {
  const examples = bad.slice(0, 5).map((m) => {
    const r = source.rows[m.index]!;
    if (m.status === 'missing') return `${r.caseNo} 的一行未在归档中找到`;
    const label = source.labels[m.column!] ?? '';
    const theirs = align(archive.rows[m.archiveIndex!]!.cells, archive.labels, source.labels);
    return `${r.caseNo}「${label}」台账为 ${shown(r.cells[m.column!])}，归档读回 ${shown(theirs[m.column!])}`;
  });
  return `「${table.name}」${bad.length} 行不一致：${examples.join('；')}${bad.length > 5 ? '…' : ''}`;
}

/**
 * Deletes rows of a sheet bottom-up in runs (Sheets refuses to delete every row below the frozen header: one blank
 * row is added first when all would go); `done` is told after each run.
 */
function deleteRows(sheet: Sheet, rows: readonly number[], done: () => void = () => {}): void {
  if (!rows.length) return;
  const max = sheet.getMaxRows();
  if (rows.length >= max - 1) sheet.insertRowsAfter(max, 1);
  for (const run of deletionRuns(rows)) {
    sheet.deleteRows(run.start, run.count);
    done();
  }
}

/**
 * Under the script lock: reads the batch from the ledger afresh (at the rows it was picked from, each confirmed by its
 * anchor) and the archive through openById, checks each case may still move (one changed meanwhile stays, and is
 * left out of the batch), compares every row cell by cell, and only when all match deletes the batch's records, log
 * lines and then 台账 rows; then moves the row numbers the log's month index, the workbench index and the queue keep
 * (a full rebuild when a deletion failed, or at the next slice when this one is cut short) and logs the move. A
 * mismatch deletes nothing and sends the batch back to be written again. A case already gone from 台账 that the
 * archive holds was moved by an earlier try of this step.
 */
function stepVerify(p: GasPorts, job: ArchiveJob, now: Date, touched: Touched): void {
  const year = job.year!;
  const id = archiveIds()[String(year)];
  if (!id) {
    job.phase = 'copy';
    throw new ReadBackMismatch(`没有找到「${archiveTitle(year)}」的记录，台账未改动；下一步重新写入。`);
  }
  const archive = SpreadsheetApp.openById(id);
  const all = tables();
  const ledgerTable = all[0]!;
  // The archive is written only by this run (the document lock keeps a second one out): read back before the lock.
  const batch = new Set(job.caseNos);
  const copies = all.map((t) => {
    const sheet = archive.getSheetByName(t.name);
    if (!sheet) throw new ReadBackMismatch(`「${archiveTitle(year)}」缺少工作表「${t.name}」`);
    return readRows(sheet, t, batch, { perCase: job.perCase });
  });
  const source = (t: Table, cases: ReadonlySet<string>): Rows =>
    readRows(p.ss.getSheetByName(t.name)!, t, cases, { perCase: job.perCase });
  const nos = p.lock.withLock(() => {
    const ledgerRows = readRows(p.ss.getSheetByName(ledgerTable.name)!, ledgerTable, batch, { hints: hintsOf(job) });
    if (ledgerRows.unhinted) job.missed = true;
    const present = new Set(ledgerRows.rows.map((r) => r.caseNo));
    const movedBefore = [...new Set(copies[0]!.rows.filter((r) => !present.has(r.caseNo)).map((r) => r.caseNo))];
    // A case changed since it was written (a 复查 asked, a 更正) stays in 台账.
    const reviewTable = all.find((t) => t.name === REVIEW_SHEET)!;
    const reviewRows = source(reviewTable, present);
    const due = stillDue(
      p,
      job,
      ledgerRows.rows.map((r) => r.row),
      now,
      year,
      reviewRows,
    );
    const cases = new Set(due.map((d) => d.caseNo).filter((n) => batch.has(n)));
    const only = (r: Rows): Rows => ({ ...r, rows: r.rows.filter((x) => cases.has(x.caseNo)) });
    const read = all.map((t, i) => ({
      t,
      source: only(t === ledgerTable ? ledgerRows : t === reviewTable ? reviewRows : source(t, cases)),
      copy: only(copies[i]!),
    }));
    for (const { t, source: s } of read) learn(job, t, s, cases.size);
    const problems = read.flatMap(({ t, source: s, copy }) => {
      const bad = compare(t, s, copy).filter((m) => m.status !== 'same');
      return bad.length ? [mismatchText(t, s, copy, bad)] : [];
    });
    if (problems.length) throw new ReadBackMismatch(problems.join('\n'));
    // Records and log lines first, 台账 last: until its rows go, every case is whole in 台账. The row numbers kept
    // elsewhere are brought up to date after; the job says so first, so a slice cut short mid-way leaves it to the next.
    const gone = (t: Table): number[] =>
      read
        .find((x) => x.t === t)!
        .source.rows.map((r) => r.row)
        .sort((a, b) => a - b);
    if (cases.size) {
      job.rebuild = true;
      saveJob(job);
    }
    let failed: unknown = null;
    try {
      for (const { t, source: s } of [...read.slice(1), read[0]!])
        deleteRows(
          s.sheet,
          s.rows.map((r) => r.row),
          () => void (touched[t === ledgerTable ? 'ledger' : 'other'] = true),
        );
    } catch (e) {
      failed = e;
    }
    const logTable = all.find((t) => t.name === SHEET.log)!;
    const unbuilt = !job.rebuild
      ? null
      : failed
        ? rebuildIndexes(p, job, now)
        : followDeletions(
            p,
            job,
            now,
            gone(logTable),
            gone(ledgerTable),
            cases,
            new Map(all.filter((t) => t !== logTable && t !== ledgerTable).map((t) => [t.name, gone(t)])),
          );
    if (failed || unbuilt) throw failed ?? unbuilt;
    const moved = [...movedBefore, ...cases];
    if (moved.length) logMove(p, now, year, archive.getUrl(), moved);
    return moved;
  });
  job.moved[String(year)] = (job.moved[String(year)] ?? 0) + nos.length;
  job.caseNos = [];
  job.rows = [];
  job.waiting = waitingOf(job);
  job.phase = 'select';
}

/**
 * After the batch's rows were deleted: each row number the month indexes (the log's, the record sheets'), the workbench
 * index and the queue keep
 * moves up by the deleted rows above it (a few reads of small things instead of rebuilding from whole columns); a
 * failure falls back to the full rebuild. Returns the error when that failed too.
 */
function followDeletions(
  p: GasPorts,
  job: ArchiveJob,
  now: Date,
  logRows: readonly number[],
  ledgerRows: readonly number[],
  cases: ReadonlySet<string>,
  recordRows: ReadonlyMap<string, readonly number[]>,
): unknown {
  try {
    shiftLogIndex(logRows);
    for (const [sheet, rows] of recordRows) shiftRecordIndex(sheet, rows);
    shiftQueueRows(p.ss, ledgerRows, cases);
    if (job.queue) job.queue = queueAfterDeletions(job.queue, ledgerRows);
    delete job.rebuild;
    return null;
  } catch (e) {
    console.error(e);
    return rebuildIndexes(p, job, now);
  }
}

/**
 * Rebuilds what row numbers index after rows were deleted and some number may not have followed: the log's month
 * index, the workbench index (from whole columns); the queue is counted again. Returns the error when it failed (the
 * job keeps `rebuild` and the next slice tries again first).
 */
function rebuildIndexes(p: GasPorts, job: ArchiveJob, now: Date): unknown {
  delete job.queue;
  try {
    rebuildLogIndex(p.ss);
    forgetRecordIndexes();
    rebuildQueue(p.ss, new SheetLedger(p.ss, () => now), p.settings.rules(), now);
    delete job.rebuild;
    return null;
  } catch (e) {
    console.error(e);
    return e;
  }
}

/** One 流转记录 line for a batch moved (a line Sheets refuses is parked and written by the next append). */
function logMove(p: GasPorts, now: Date, year: number, url: string, nos: readonly string[]): void {
  const actor = p.directory.findByEmail(p.actorEmail);
  const line: AuditEntry = {
    at: now,
    actorEmail: p.actorEmail,
    actorName: actor?.name ?? '',
    caseNo: '',
    action: '年度归档',
    note: `${year}年 ${nos.length} 件移入「${archiveTitle(year)}」${url}：${nos.join('、')}`,
  };
  try {
    p.audit.append([line]);
  } catch (e) {
    console.error(e);
  }
}

// ── The sidebar ──────────────────────────────────────────────────────────────────────────────────────────────────

const STEP_TEXT = (job: ArchiveJob): string => {
  if (job.done) return '';
  if (job.phase === 'copy') return `写入「${archiveTitle(job.year!)}」（${job.caseNos.length} 件）`;
  if (job.phase === 'verify') return `核对「${archiveTitle(job.year!)}」并从台账移出（${job.caseNos.length} 件）`;
  return '清点可归档的信访件';
};

function archivesList(): ArchiveStatus['archives'] {
  return Object.entries(archiveIds())
    .map(([year, id]) => ({
      year: Number(year),
      name: archiveTitle(Number(year)),
      url: `https://docs.google.com/spreadsheets/d/${id}/edit`,
    }))
    .sort((a, b) => a.year - b.year);
}

function statusOf(job: ArchiveJob | null, plan: Plan | null, message = ''): ArchiveStatus {
  return {
    started: !!job,
    finished: !!job?.done,
    waiting: plan?.waiting ?? job?.waiting ?? [],
    staying: plan?.staying ?? [],
    moved: Object.entries(job?.moved ?? {})
      .map(([year, count]) => ({ year: Number(year), count }))
      .sort((a, b) => a.year - b.year),
    archives: archivesList(),
    step: job ? STEP_TEXT(job) : '',
    message,
    error: job?.error ?? '',
  };
}

function showSidebar(status: ArchiveStatus): void {
  SpreadsheetApp.getUi().showSidebar(formPage('ArchiveSidebar', { data: status }).setTitle('归档往年信访件'));
}

/** Menu 标记与归档 › 归档往年… (信访办): the sidebar, with what may move now, or the run under way. */
export function showArchiveSidebar(): void {
  const p = gasPorts();
  requireRole(p, ['信访办']);
  const job = loadJob();
  const open = job && !job.done ? job : null;
  showSidebar(statusOf(open, open ? null : planArchive(p, new Date())));
}

/**
 * google.script.run from the sidebar: `start` begins a run (when none is under way); otherwise the next slice of
 * the one under way. A step that fails leaves the job where it was, says what failed and whether 台账 was touched.
 */
export function runArchiveSlice(opts: { start?: boolean } | null, startedMs: number): ArchiveStatus {
  const p = gasPorts();
  const person = requireRole(p, ['信访办']);
  const lock = LockService.getDocumentLock();
  if (!lock.tryLock(1_000)) return statusOf(loadJob(), null, '另一位同事正在归档，稍后继续。');
  try {
    let job = loadJob();
    if (opts?.start && (!job || job.done)) job = blankJob(person.email);
    if (!job) return statusOf(null, planArchive(p, new Date()), '');
    if (job.done) return statusOf(job, null, '已全部完成。');
    job.error = undefined;
    if (job.rebuild) {
      const j = job;
      const unbuilt = p.lock.withLock(() => rebuildIndexes(p, j, new Date()));
      if (unbuilt) {
        job.error = failureText(job, job.phase, unbuilt, { ledger: true, other: true });
        saveJob(job);
        return statusOf(job, null);
      }
    }
    let steps = 0;
    while (!job.done && (steps === 0 || Date.now() - startedMs < SLICE_BUDGET_MS)) {
      const phase = job.phase;
      const touched: Touched = { ledger: false, other: false };
      try {
        if (phase === 'select') stepSelect(p, job, new Date());
        else if (phase === 'copy') stepCopy(p, job);
        else stepVerify(p, job, new Date(), touched);
      } catch (e) {
        console.error(e);
        job.error = failureText(job, phase, e, touched);
        saveJob(job);
        return statusOf(job, null);
      }
      saveJob(job);
      steps += 1;
      // The read-back is made by the next slice, through a fresh openById.
      if (phase === 'copy') break;
    }
    return statusOf(job, null, job.done ? '已全部完成。' : '');
  } finally {
    lock.releaseLock();
  }
}

/** What the person reads when a step fails: which step, why, and whether anything left 台账. */
function failureText(job: ArchiveJob, phase: Phase, e: unknown, touched: Touched): string {
  const what = e instanceof ReadBackMismatch ? e.message : messageOf(e);
  const step =
    phase === 'select'
      ? '清点可归档的信访件'
      : phase === 'copy'
        ? `写入「${archiveTitle(job.year!)}」`
        : `核对归档并从台账移出`;
  if (e instanceof ReadBackMismatch) job.phase = 'copy';
  const ledger = touched.ledger
    ? '已核对无误的信访件已从台账移出，其余仍在台账。'
    : touched.other
      ? '台账未改动；这批信访件的部分流转记录和记录已核对无误、移入归档。'
      : '台账未改动（没有任何行被移出）。';
  return `「${step}」未完成：${what}\n${ledger}点「继续」重试：已写入归档的不会重复写入。`;
}

/**
 * The 信访办's summary in January: a line offering the archive when the ledger holds cases of two or more years ago
 * 已归档 (a quick count of 状态 and 信访日期; the sidebar's count also leaves out those still open to 复查). Empty
 * outside January or when none.
 */
export function archiveOffer(p: GasPorts, now: Date): string[] {
  if (toShanghaiDate(now).slice(5, 7) !== '01') return [];
  const last = lastArchivableYear(now);
  try {
    const n = p.ledger
      .loadFields(['state', 'petitionDate'])
      .filter((r) => r.c.state === '已归档' && (archiveYearOf(r.c) ?? Infinity) <= last).length;
    return n
      ? [
          `台账中有 ${n} 件${last}年及以前受理的已归档信访件，可用「信访台账 › 标记与归档 › 归档往年…」移入年度归档表格。`,
        ]
      : [];
  } catch (e) {
    // The offer never keeps the summary from going out.
    console.warn(e);
    return [];
  }
}
