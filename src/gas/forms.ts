// 生成表单 (annexes 3–7) on the selected rows: the menu queues one form per case and makes the first slice at once;
// the sidebar the person keeps open makes the rest, one google.script.run call per slice (decision 8), each well
// inside 30 s of modelled time. The queue lives in the person's User Properties, so closing the sidebar loses
// nothing: the next open continues. Each slice ends with one write-back: the 文书 records, the ledger's 文书 links
// and the 流转记录 lines.
import type { AuditEntry } from '../app/ports';
import { trustedCase } from '../core/controls';
import {
  ANNEXES,
  caseYear,
  fillRequests,
  folderSharing,
  formDocName,
  formProblem,
  formValues,
  type LetterFacts,
} from '../core/forms';
import type { AnnexNo, Case, Person } from '../core/model';
import { readSettings, workflowSettings, type SettingValues } from '../core/settings';
import { recordsOf, type AnyRecord, type NewRecord, type RecordOf, type RecordPatch } from '../core/records';
import { selectedCaseNos } from './actions';
import { requireRole } from './caller';
import { emptyDriveCache, FormsDrive, SliceFull, fileIdOf, isRateLimited, type DriveCache } from './forms-drive';
import { formPage } from './pages';
import { gasPorts, type GasPorts } from './ports';
import { readSettingRows } from './settings';
import { LedgerError } from './table';

/** A slice stops starting forms when less than this is left of its budget (a form takes some 3–6 s modelled). */
const SLICE_BUDGET_MS = 20_000;
/** Kept back at the end of a slice for its write-back to the sheets. */
const WRITE_BACK_MS = 3_000;
const FIRST_FORM_ESTIMATE_MS = 6_000;
const MAX_FORMS_PER_SLICE = 10;
/** User Properties: the queue as JSON in chunks (a value holds 9 KB; Chinese text is 3 bytes a character). */
const JOB_KEY = 'FORMS_JOB_';
const JOB_CHUNKS = 'FORMS_JOB_N';
const CHUNK_CHARS = 2_500;
const PDF_PREF = 'FORMS_PDF';

type ItemState = 'pending' | 'copied' | 'made' | 'recorded' | 'refused';

/** One form of the queue: its case and annex (and 联系函), how far it got, and what it made. */
interface JobItem {
  caseNo: string;
  annex: AnnexNo;
  /** Annex 7: the 序号 of the 联系函 record (the newest when not given). */
  letterSeq?: number;
  state: ItemState;
  docId?: string;
  docUrl?: string;
  pdfId?: string;
  pdfUrl?: string;
  reason?: string;
}

/** A person's queue of forms. */
interface FormJob {
  id: string;
  pdf: boolean;
  items: JobItem[];
  cache: DriveCache;
}

/** What the sidebar shows. */
export interface FormBatchStatus {
  total: number;
  done: number;
  remaining: number;
  made: { caseNo: string; caption: string; url: string; pdfUrl: string }[];
  refused: { caseNo: string; caption: string; reason: string }[];
  pdf: boolean;
  finished: boolean;
  message: string;
}

function loadJob(): FormJob | null {
  const all = PropertiesService.getUserProperties().getProperties();
  const n = Number(all[JOB_CHUNKS] ?? 0);
  if (!n) return null;
  try {
    return JSON.parse(Array.from({ length: n }, (_, i) => all[JOB_KEY + i] ?? '').join('')) as FormJob;
  } catch {
    return null;
  }
}

/** Saves the queue in one call (chunks beyond the new count are left and never read). */
function saveJob(job: FormJob): void {
  const text = JSON.stringify(job);
  const values: Record<string, string> = {};
  let n = 0;
  for (let i = 0; i < text.length; i += CHUNK_CHARS) values[JOB_KEY + n++] = text.slice(i, i + CHUNK_CHARS);
  values[JOB_CHUNKS] = String(n);
  PropertiesService.getUserProperties().setProperties(values);
}

const isOpen = (i: JobItem): boolean => i.state === 'pending' || i.state === 'copied' || i.state === 'made';
const isDone = (i: JobItem): boolean => i.state === 'made' || i.state === 'recorded';

function statusOf(job: FormJob | null, message = ''): FormBatchStatus {
  const items = job?.items ?? [];
  const remaining = items.filter((i) => i.state === 'pending' || i.state === 'copied').length;
  return {
    total: items.length,
    done: items.filter(isDone).length,
    remaining,
    made: items
      .filter(isDone)
      .map((i) => ({ caseNo: i.caseNo, caption: caption(i), url: i.docUrl ?? '', pdfUrl: i.pdfUrl ?? '' })),
    refused: items
      .filter((i) => i.state === 'refused')
      .map((i) => ({ caseNo: i.caseNo, caption: caption(i), reason: i.reason ?? '' })),
    pdf: job?.pdf ?? false,
    finished: items.length > 0 && !items.some(isOpen),
    message,
  };
}

const caption = (i: JobItem): string => ANNEXES[i.annex].caption;

/** The 联系函 records of a case as annex 7 prints them, oldest first. */
function lettersOf(records: readonly AnyRecord[], caseNo: string): RecordOf<'letter'>[] {
  return recordsOf(records, 'letter', caseNo);
}

function letterFacts(c: Case, letters: RecordOf<'letter'>[], seq?: number): LetterFacts | undefined {
  const l = seq === undefined ? letters[letters.length - 1] : letters.find((x) => x.seq === seq);
  if (l) return { letterNo: l.letterNo, unit: l.unit, matter: l.matter, sentDate: l.sentDate };
  if (c.liaisonUnit || c.lastLetterNo) return { letterNo: c.lastLetterNo, unit: c.liaisonUnit, matter: c.letterMatter };
  return undefined;
}

/**
 * Adds forms to the person's queue (a finished queue is replaced; a form already waiting is not queued twice), with
 * the refusals the case's state gives now. Returns the queue.
 */
function enqueue(
  p: GasPorts,
  requests: { caseNo: string; annex: AnnexNo; letterSeq?: number }[],
): { job: FormJob; cases: Map<string, Case> } {
  const old = loadJob();
  const job: FormJob =
    old && old.items.some(isOpen)
      ? old
      : {
          id: String(new Date().getTime()),
          pdf: PropertiesService.getUserProperties().getProperty(PDF_PREF) === 'true',
          items: [],
          // Docs' per-minute count is the person's, whatever batch the writes belonged to.
          cache: { ...emptyDriveCache(), writes: old?.cache.writes ?? [] },
        };
  const cases = new Map(
    p.ledger.loadByIds(requests.map((r) => r.caseNo)).map((c) => [c.anchorNo || c.caseNo || '', c]),
  );
  const letters = requests.some((r) => r.annex === 7)
    ? p.records.load(
        requests.map((r) => r.caseNo),
        ['letter'],
      )
    : [];
  for (const r of requests) {
    const key = `${r.caseNo}|${r.annex}|${r.letterSeq ?? ''}`;
    if (job.items.some((i) => isOpen(i) && `${i.caseNo}|${i.annex}|${i.letterSeq ?? ''}` === key)) continue;
    const loaded = cases.get(r.caseNo);
    const reason = loaded
      ? formProblem(r.annex, trustedCase(loaded), lettersOf(letters, r.caseNo).length)
      : `未找到编号为「${r.caseNo}」的信访件`;
    job.items.push({ ...r, state: reason ? 'refused' : 'pending', ...(reason ? { reason } : {}) });
  }
  return { job, cases };
}

/** Menu 生成表单 › 附件n: queue the form for every selected case, make the first slice, open the sidebar. */
export function startForms(annex: AnnexNo, startedMs: number): void {
  const p = gasPorts();
  requireRole(p, ['信访办']);
  const nos = selectedCaseNos(p);
  if (annex === 7) {
    const letters = p.records.load(nos, ['letter']);
    const all = nos.map((caseNo) => ({ caseNo, letters: lettersOf(letters, caseNo) }));
    if (all.some((x) => x.letters.length > 1)) return showLetterPicker(all);
  }
  runQueued(
    p,
    nos.map((caseNo) => ({ caseNo, annex })),
    startedMs,
  );
}

/**
 * The 联系函 picker, when a selected case sent several letters: each case with letters offers them (the newest chosen by
 * default); the cases without any go along and are refused with the reason.
 */
function showLetterPicker(choices: { caseNo: string; letters: RecordOf<'letter'>[] }[]): void {
  const data = {
    rest: choices.filter((x) => !x.letters.length).map((x) => x.caseNo),
    cases: choices
      .filter((x) => x.letters.length)
      .map((x) => ({
        caseNo: x.caseNo,
        letters: x.letters.map((l) => ({
          seq: l.seq,
          text: [l.letterNo, l.unit, l.sentDate].filter(Boolean).join('　'),
        })),
      })),
  };
  const html = formPage('FormsLetterPicker', { data })
    .setWidth(480)
    .setHeight(Math.min(560, 160 + choices.length * 110));
  SpreadsheetApp.getUi().showModalDialog(html, `${ANNEXES[7].caption} · 选择联系函`);
}

/** The picker's answer: which 联系函 (by 序号) each case's annex 7 prints. */
export function pickLetters(choices: { caseNo: string; seq: number }[], startedMs: number): FormBatchStatus {
  const p = gasPorts();
  requireRole(p, ['信访办']);
  const list = (Array.isArray(choices) ? choices : []).map((x) => ({
    caseNo: String(x.caseNo),
    annex: 7 as AnnexNo,
    letterSeq: Number(x.seq) || undefined,
  }));
  return runQueued(p, list, startedMs);
}

function runQueued(
  p: GasPorts,
  requests: { caseNo: string; annex: AnnexNo; letterSeq?: number }[],
  startedMs: number,
): FormBatchStatus {
  const lock = LockService.getUserLock();
  if (!lock.tryLock(10_000)) throw new LedgerError('BUSY', '您的另一个窗口正在生成表单，请稍候再试。');
  let status: FormBatchStatus;
  try {
    const { job, cases } = enqueue(p, requests);
    saveJob(job);
    const fresh = job.items.filter((i) => isOpen(i)).length;
    if (!fresh) {
      const refused = statusOf(job).refused.filter((r) => requests.some((q) => q.caseNo === r.caseNo));
      const ui = SpreadsheetApp.getUi();
      ui.alert('不能生成表单', refused.map((r) => `${r.caseNo}：${r.reason}`).join('\n'), ui.ButtonSet.OK);
      return statusOf(job);
    }
    status = slice(p, job, startedMs, cases);
  } finally {
    lock.releaseLock();
  }
  showSidebar(status);
  return status;
}

function showSidebar(status: FormBatchStatus): void {
  SpreadsheetApp.getUi().showSidebar(formPage('FormsSidebar', { data: status }).setTitle('生成表单'));
}

/** Menu 生成表单 › 批量生成进度…: the sidebar with the person's queue (it continues what is left). */
export function showFormsProgress(): void {
  requireRole(gasPorts(), ['信访办']);
  const job = loadJob();
  showSidebar(statusOf(job, job ? '' : '没有待生成的表单。'));
}

/** google.script.run from the sidebar: the next slice of the queue (and the PDF choice, remembered). */
export function runFormsSlice(opts: { pdf?: boolean } | null, startedMs: number): FormBatchStatus {
  const p = gasPorts();
  requireRole(p, ['信访办']);
  const lock = LockService.getUserLock();
  if (!lock.tryLock(1_000)) return statusOf(loadJob(), '另一个窗口正在生成表单，稍后继续。');
  try {
    const job = loadJob();
    const props = PropertiesService.getUserProperties();
    if (typeof opts?.pdf === 'boolean') {
      if (props.getProperty(PDF_PREF) !== String(opts.pdf)) props.setProperty(PDF_PREF, String(opts.pdf));
      if (job && job.pdf !== opts.pdf) {
        job.pdf = opts.pdf;
        saveJob(job);
      }
    }
    if (!job) return { ...statusOf(null, '没有待生成的表单。'), pdf: props.getProperty(PDF_PREF) === 'true' };
    if (!job.items.some(isOpen)) return statusOf(job, '已全部完成。');
    return slice(p, job, startedMs);
  } finally {
    lock.releaseLock();
  }
}

/**
 * One slice: makes forms of the queue until the budget would be passed (each form: a copy, one batchUpdate, the
 * PDF when asked, the copy it replaces voided), saving the queue after each step so nothing is made twice, then
 * writes back everything made and not yet recorded.
 */
function slice(p: GasPorts, job: FormJob, startedMs: number, loaded?: Map<string, Case>): FormBatchStatus {
  const now = (): number => new Date().getTime();
  const msLeft = (): number => SLICE_BUDGET_MS - (now() - startedMs);
  const drive = new FormsDrive(job.cache, () => msLeft() - WRITE_BACK_MS);
  // No more forms than a slice can make (some 2 s each at best), and the ones made but not yet recorded.
  const open = job.items.filter((i) => i.state === 'pending' || i.state === 'copied').slice(0, MAX_FORMS_PER_SLICE);
  const caseNos = Array.from(new Set([...open, ...job.items.filter((i) => i.state === 'made')].map((i) => i.caseNo)));
  const missing = caseNos.filter((n) => !loaded?.has(n));
  const rows = [...(loaded?.values() ?? []), ...(missing.length ? p.ledger.loadByIds(missing) : [])];
  const cases = new Map(rows.map((c) => [c.anchorNo || c.caseNo || '', trustedCase(c)]));
  const records = p.records.load(caseNos, ['letter', 'document']);
  // Only 设置 (the names the forms print, who signs): the 时限 and 节假日 sheets are not needed here.
  const values = readSettings(readSettingRows(p.ss)).values;
  const people = p.directory.listPeople();
  let message = '';
  let estimate = FIRST_FORM_ESTIMATE_MS;
  if (open.length) drive.shareRoot(people.filter((x) => x.roles.includes('信访办')).map((x) => x.email));
  for (const item of open) {
    if (msLeft() - WRITE_BACK_MS < estimate) break;
    const began = now();
    try {
      makeForm(item, {
        p,
        job,
        drive,
        cases,
        records,
        people,
        config: values,
        settings: workflowSettings(values),
      });
    } catch (e) {
      if (e instanceof SliceFull) {
        message = e.reason;
        break;
      }
      if (isRateLimited(e)) {
        message = 'Google 服务繁忙（每分钟次数已满），稍后继续';
        break;
      }
      console.error(e);
      item.state = 'refused';
      item.reason = `生成失败：${e instanceof Error ? e.message : String(e)}`;
    }
    saveJob(job);
    estimate = Math.max(estimate * 0.5, now() - began);
  }
  writeBack(p, job, records, cases);
  return statusOf(job, message);
}

interface SliceCtx {
  p: GasPorts;
  job: FormJob;
  drive: FormsDrive;
  cases: Map<string, Case>;
  records: AnyRecord[];
  people: Person[];
  config: SettingValues;
  settings: ReturnType<typeof workflowSettings>;
}

/** Makes one form, or refuses it with the reason when the case no longer allows it. */
function makeForm(item: JobItem, x: SliceCtx): void {
  const c = x.cases.get(item.caseNo);
  const letters = lettersOf(x.records, item.caseNo);
  const reason = c ? formProblem(item.annex, c, letters.length) : `未找到编号为「${item.caseNo}」的信访件`;
  if (!c || reason) {
    item.state = 'refused';
    item.reason = reason ?? '';
    // A copy made before the case changed is not a form of it: it goes to 作废 like a replaced one.
    const folder = x.drive.cache.cases[item.caseNo];
    if (item.docId && folder) x.drive.voidFile(item.docId, item.caseNo, folder);
    return;
  }
  const letter = item.annex === 7 ? letterFacts(c, letters, item.letterSeq) : undefined;
  const folder = x.drive.caseFolder(caseYear(c, new Date()), item.caseNo, folderSharing(c, x.people, x.settings));
  const name = formDocName(item.annex, item.caseNo, letter?.letterNo);
  if (item.state === 'pending') {
    const copy = x.drive.copy(item.annex, name, folder);
    Object.assign(item, { state: 'copied', docId: copy.id, docUrl: copy.url });
    saveJob(x.job);
  }
  const values = formValues(item.annex, {
    c,
    officeName: x.config.officeName,
    officeFullName: x.config.officeFullName,
    bureau: x.config.bureauName,
    ...(letter ? { letter } : {}),
  });
  x.drive.fill(item.docId!, fillRequests(values));
  if (x.job.pdf)
    Object.assign(item, ((pdf) => ({ pdfId: pdf.id, pdfUrl: pdf.url }))(x.drive.exportPdf(item.docId!, name, folder)));
  for (const prev of currentDocuments(x.records, item.caseNo, item.annex, letter?.letterNo)) {
    if (prev.docUrl === item.docUrl) continue;
    for (const id of [fileIdOf(prev.docUrl), fileIdOf(prev.pdfUrl)]) if (id) x.drive.voidFile(id, item.caseNo, folder);
  }
  item.state = 'made';
}

/** The 文书 records still current for a case's annex (and 联系函). */
function currentDocuments(
  records: readonly AnyRecord[],
  caseNo: string,
  annex: AnnexNo,
  letterNo?: string,
): RecordOf<'document'>[] {
  return recordsOf(records, 'document', caseNo).filter(
    (r) =>
      r.annex === annexLabel(annex) && r.status !== '作废' && (annex !== 7 || (r.letterNo ?? '') === (letterNo ?? '')),
  );
}

const annexLabel = (n: AnnexNo): string => `附件${n}`;

/**
 * Records every form made and not yet recorded, in one batch under the lock: a 文书 record each (never twice for
 * one document), the copies they replace marked 作废, the ledger's 文书 links, a 流转记录 line each.
 */
function writeBack(p: GasPorts, job: FormJob, records: AnyRecord[], cases: Map<string, Case>): void {
  const made = job.items.filter((i) => i.state === 'made');
  if (!made.length) return;
  const actor = p.directory.findByEmail(p.actorEmail);
  const at = new Date();
  const by = actor?.name || p.actorEmail;
  p.lock.withLock(() => {
    const known = new Set(recordsOf(records, 'document').map((r) => r.docUrl));
    const fresh: NewRecord[] = [];
    const voided: RecordPatch[] = [];
    const log: AuditEntry[] = [];
    for (const i of made) {
      if (known.has(i.docUrl)) continue;
      const c = cases.get(i.caseNo);
      const letterNo =
        i.annex === 7 && c ? letterFacts(c, lettersOf(records, i.caseNo), i.letterSeq)?.letterNo : undefined;
      const previous = currentDocuments(records, i.caseNo, i.annex, letterNo).filter((r) => r.docUrl !== i.docUrl);
      for (const r of previous) {
        voided.push({ kind: 'document', caseNo: r.caseNo, seq: r.seq, fields: { status: '作废' } });
        r.status = '作废';
      }
      const rec = {
        kind: 'document' as const,
        caseNo: i.caseNo,
        at,
        by,
        annex: annexLabel(i.annex),
        title: ANNEXES[i.annex].title,
        ...(letterNo ? { letterNo } : {}),
        docUrl: i.docUrl,
        ...(i.pdfUrl ? { pdfUrl: i.pdfUrl } : {}),
        status: '现行' as const,
      };
      fresh.push(rec);
      records.push({ ...rec, seq: Number.MAX_SAFE_INTEGER } as AnyRecord);
      known.add(i.docUrl);
      log.push({
        at,
        actorEmail: p.actorEmail,
        actorName: actor?.name ?? '',
        caseNo: i.caseNo,
        action: '生成表单',
        ...(c ? { fromState: c.state, toState: c.state } : {}),
        note: [
          `${caption(i)}${letterNo ? `（${letterNo}）` : ''}：${i.docUrl}`,
          i.pdfUrl ? `PDF：${i.pdfUrl}` : '',
          previous.length ? `原文书已作废（移入「作废」文件夹）` : '',
        ]
          .filter(Boolean)
          .join('；'),
      });
    }
    if (fresh.length) p.records.append(fresh);
    if (voided.length) p.records.update(voided);
    const touched = Array.from(new Set(made.map((i) => i.caseNo))).filter((n) => cases.has(n));
    p.ledger.saveCases(touched.map((caseNo) => ({ caseNo, fields: { documents: documentLinks(records, caseNo) } })));
    if (log.length) p.audit.append(log);
  });
  for (const i of made) i.state = 'recorded';
  saveJob(job);
}

/** The ledger's 文书 cell: the current document of each annex, one line each (附件3：<link>). */
function documentLinks(records: readonly AnyRecord[], caseNo: string): string {
  const current = recordsOf(records, 'document', caseNo).filter((r) => r.status !== '作废');
  return current
    .map(
      (r) => `${r.annex}${r.letterNo ? `（${r.letterNo}）` : ''}：${r.docUrl}${r.pdfUrl ? `（PDF：${r.pdfUrl}）` : ''}`,
    )
    .join('\n');
}
