// The reminder runs: the daily digest (at 设置「提醒时刻」 on working days, or now from the menu) and the hourly chase of
// the day's short nodes. Each run claims itself, reads only the columns it needs, plans with src/core/reminders.ts,
// sends within the mail quota and its time budget, and records every delivered item exactly once in 提醒记录.
import { addDays, msIntoShanghaiDay, toShanghaiDate } from '../core/dates';
import { isCaseState, TERMINAL_STATES, type Case, type CaseKey, type Person } from '../core/model';
import { actorOf, caseDeadlines, NODE_ACTIONS, NODES, type NodeName, type PendingNode } from '../core/pending';
import { digestMail, keyDate, planDigests, type Digest, type ReminderCase } from '../core/reminders';
import type { Rules } from '../core/roles';
import { caseLinkIn } from './links';
import { REMINDER_HEADERS, SHEET } from './layout';
import { gasPorts, type GasPorts } from './ports';
import { utf8Bytes } from '../core/dingtalk';
import { sendRobotDigests, type RobotDigest } from './dingtalk';
import { LedgerError, readHeader, requireColumns, sheetNamed } from './table';
import { cellWarning } from '../core/budget';
import { cellsUsed } from './cells';
import { archiveOffer } from './archive';

/** Script Properties: the run that holds the claim, and the keys of each mail being sent (written once it is sent). */
const CLAIM_KEY = 'REMINDER_RUN';
/** The date whose daily digest went out completely. */
const DONE_KEY = 'REMINDER_DAILY_DONE';
const SENDING_PREFIX = 'REMINDER_SENDING_';
/** A claim older than Apps Script's longest execution is a run that died: it no longer blocks. */
const CLAIM_STALE_MS = 6 * 60_000;
/** A run stops itself after this much of its time and leaves the rest to the next run. */
export const RUN_BUDGET_MS = 4.5 * 60_000;
/** Delivered keys are kept this many days. */
const KEEP_DAYS = 60;
const LOCK_WAIT_MS = 10_000;

export type ReminderMode = 'daily' | 'hourly' | 'now';

/** What a run did, for the menu's message and the tests. */
export interface ReminderRunResult {
  ran: boolean;
  why?: string;
  sent: { group: string; subject: string; recipients: number }[];
  deferred: string[];
  failed: string[];
  stoppedEarly: boolean;
}

/**
 * The case columns a reminder reads: the facts a digest shows (the lead columns, next to 当前环节 and 环节期限), and
 * the few its side nodes start from — an extension waiting and a 复查/复核 for the digest, the 退单 window for the
 * chase. Nothing else of the ledger is read.
 */
const FACT_KEYS: readonly CaseKey[] = [
  'caseNo',
  'state',
  'petitionDate',
  'petitionerName',
  'matterType',
  'demand',
  'department',
];
const DIGEST_KEYS: readonly CaseKey[] = [
  ...FACT_KEYS,
  // The 办结 deadline an extension waiting for approval is held to: 办理期限 as the case holds it.
  'source',
  'dueDate',
  'dueSource',
  'dueProvisional',
  'extRequestedAt',
  'extDecidedAt',
  'reviewKind',
  'reviewRequestDate',
  'reviewDueDate',
  'reviewDecidedDate',
];
const CHASE_KEYS: readonly CaseKey[] = [...FACT_KEYS, 'assignedAt', 'handlerSignedAt'];

/** Runs a reminder pass as the account the code runs as (a trigger's owner, or the person clicking the menu). */
export function runReminders(mode: ReminderMode, p: GasPorts = gasPorts('')): ReminderRunResult {
  const started = Date.now();
  const result: ReminderRunResult = { ran: false, sent: [], deferred: [], failed: [], stoppedEarly: false };
  const { rules, values } = p.settings.load();
  const now = p.clock.now();
  const off = offDuty(mode, now, rules);
  if (off) return { ...result, why: off };
  if (!claim(now)) return { ...result, why: '另一次提醒正在发送，请稍后再试' };
  try {
    result.ran = true;
    const record = new ReminderRecord(p.ss);
    const today = toShanghaiDate(now);
    const props = PropertiesService.getScriptProperties();
    // The hourly run also finishes a daily digest that did not complete today (a fault, the quota, the time budget),
    // once the hour of 设置「提醒时刻」 has come: the record's keys keep it from repeating what went out.
    const hour = Math.floor(msIntoShanghaiDay(now) / 3_600_000);
    const done = props.getProperty(DONE_KEY) === today;
    // The scheduled digest that finds today's already complete (the hourly run finished it first) reads nothing.
    if (mode === 'daily' && done) return { ...result, why: '今天的提醒已经发送' };
    const dailyOwed = mode === 'hourly' && hour >= values.reminderHour && !done;
    const passes: ('digest' | 'chase')[] =
      mode === 'hourly' ? (dailyOwed ? ['digest', 'chase'] : ['chase']) : ['digest'];
    // Old keys are pruned once a day, by the run that sends the day's digest (daily, now, or an hourly catch-up).
    record.flushAndRead(now, passes.includes('digest'));
    const people = p.directory.listPeople();
    const keys = new Set([
      ...(passes.includes('digest') ? DIGEST_KEYS : []),
      ...(passes.includes('chase') ? CHASE_KEYS : []),
    ]);
    const cases = readReminderCases(p, rules, now, [...keys]);
    for (const pass of passes) {
      const before = { deferred: result.deferred.length, failed: result.failed.length };
      const digests = planDigests({
        cases,
        people,
        rules,
        now,
        delivered: record.keys(),
        escalateAfterWorkdays: values.escalateAfterWorkdays,
        ...(pass === 'chase' ? { hourly: { chaseWithinMs: values.chaseWorkHours * 3_600_000 } } : {}),
      });
      send(p, digests, { started, now, officeName: values.officeName, record, result });
      const complete =
        !result.stoppedEarly &&
        result.deferred.length === before.deferred &&
        result.failed.length === before.failed &&
        !digests.some((d) => d.held);
      if (pass === 'digest' && complete) props.setProperty(DONE_KEY, today);
      if (result.stoppedEarly) break;
    }
  } finally {
    release();
  }
  return result;
}

/** Why a scheduled run does nothing now: a day off; the hourly one also outside office hours. */
function offDuty(mode: ReminderMode, now: Date, rules: Rules): string | null {
  if (mode === 'now') return null;
  const today = toShanghaiDate(now);
  if (!rules.calendar.isWorkday(today)) return `${today} 不是工作日，不发送提醒`;
  if (mode !== 'hourly') return null;
  const min = msIntoShanghaiDay(now) / 60_000;
  const open = rules.calendar.officeHours.some((h) => min >= h.startMin && min < h.endMin);
  return open ? null : '不在上班时间，不催办';
}

/** Claims the run under a short script lock: held only for this write, never for the run. */
function claim(now: Date): boolean {
  const lock = LockService.getScriptLock();
  if (!lock.tryLock(LOCK_WAIT_MS)) return false;
  try {
    const props = PropertiesService.getScriptProperties();
    const held = Number(props.getProperty(CLAIM_KEY) ?? 0);
    if (held && now.getTime() - held < CLAIM_STALE_MS) return false;
    props.setProperty(CLAIM_KEY, String(now.getTime()));
    return true;
  } finally {
    lock.releaseLock();
  }
}

function release(): void {
  PropertiesService.getScriptProperties().deleteProperty(CLAIM_KEY);
}

/**
 * Every open case with its pending nodes: the main node as 当前环节 / 环节期限 hold it (written by the pending-node
 * function each time the case was saved and by the daily refresh), the side nodes (the 退单 window, an extension
 * waiting, a 复查/复核) from the same function over the columns they start from. 编号 and 状态 are read for every row;
 * the rest only for the open cases (已转送 and 已归档 wait on nobody).
 */
function readReminderCases(p: GasPorts, rules: Rules, now: Date, keys: readonly CaseKey[]): ReminderCase[] {
  const { ledger } = p;
  const heads = new Map(
    ledger
      .loadFields(['caseNo', 'state'])
      .filter(({ c }) => c.caseNo && isCaseState(c.state) && !TERMINAL_STATES.includes(c.state))
      .map((h) => [h.row, h.raw]),
  );
  const open = [...heads.keys()];
  // 编号 and 状态 as just read; the other columns of the open rows only.
  const rows = ledger
    .loadFieldsAt(
      keys.filter((k) => k !== 'caseNo' && k !== 'state'),
      open,
    )
    .map(({ row, raw }) => {
      const all = { ...heads.get(row), ...raw };
      return { row, raw: all, c: ledger.caseFrom(all) };
    });
  if (rows.length === 0) return [];
  const nodeCol = ledger.colOf('currentNode');
  const dueCol = ledger.colOf('nodeDue');
  const lo = Math.min(nodeCol, dueCol);
  const shown = ledger.readBlockAt(lo, Math.abs(dueCol - nodeCol) + 1, open);
  const people = p.directory.listPeople();
  const out: ReminderCase[] = [];
  rows.forEach(({ c, row }) => {
    if (!c.caseNo || !isCaseState(c.state) || TERMINAL_STATES.includes(c.state)) return;
    const node = String(shown.get(row)![nodeCol - lo] ?? '').trim();
    const due = shown.get(row)![dueCol - lo];
    const nodes: PendingNode[] = [];
    if ((NODES as readonly string[]).includes(node) && due instanceof Date) {
      const action = NODE_ACTIONS[node as NodeName];
      // Only the deadline is stored; a digest shows no start, so `since` stands at the deadline.
      nodes.push({
        node: node as NodeName,
        action,
        since: due,
        dueAt: due,
        clock: '环节',
        provisional: false,
        actor: actorOf(c, action, rules, people),
      });
    }
    for (const n of caseDeadlines(c, { rules, now, people }).nodes) if (n.side) nodes.push(n);
    if (nodes.length) out.push({ c: c as Case & { caseNo: string }, nodes });
  });
  return out;
}

interface SendContext {
  started: number;
  now: Date;
  officeName: string;
  record: ReminderRecord;
  result: ReminderRunResult;
  /** Set once a send was refused for the day's quota: nothing more is tried. */
  quotaOut?: boolean;
}

/**
 * Sends the digests: the urgent ones first (an overdue item or an escalation) while the day's recipients last, the
 * 信访办's summary last with what was deferred or failed; each mail's keys recorded once it is sent. Stops at the
 * run's time budget. Robots follow the mail and never stop it.
 */
function send(p: GasPorts, digests: Digest[], ctx: SendContext): void {
  const { result } = ctx;
  const summary = digests.find((d) => d.kind === 'office');
  const others = digests.filter((d) => d !== summary).sort((a, b) => Number(b.urgent) - Number(a.urgent));
  const recipients = (d: Digest): number => d.to.length + d.cc.length;
  let quota = MailApp.getRemainingDailyQuota() - (summary ? recipients(summary) : 0);
  const link = caseLinkIn(p.ss, p.ledger);
  const mailed: Digest[] = [];
  for (const d of others) {
    if (Date.now() - ctx.started > RUN_BUDGET_MS) {
      result.stoppedEarly = true;
      console.log('提醒：本次运行时间已到，其余提醒由下次运行发送');
      break;
    }
    if (recipients(d) > quota || ctx.quotaOut) {
      result.deferred.push(d.group);
      console.warn(`提醒：今日邮件配额不足，${d.group}的提醒（${recipients(d)} 位收件人）留待下次发送`);
      continue;
    }
    if (sendOne(d, p, link, ctx)) {
      quota -= recipients(d);
      mailed.push(d);
    }
  }
  // The departments' robots next: a robot that fails is named in the 信访办's summary, and never stops the mail.
  const robotFailures = postToRobots(mailed);
  if (summary && !result.stoppedEarly) {
    const cells = cellWarning(cellsUsed(p.ss));
    const notes = [
      ...(cells ? [cells] : []),
      ...archiveOffer(p, ctx.now),
      ...(result.deferred.length ? [`邮件配额不足，${result.deferred.join('、')}的提醒留待下次发送。`] : []),
      ...result.failed.map((f) => `未能发出：${f}`),
      ...robotFailures.map((f) => `钉钉提醒未能发出：${f}`),
    ];
    if (!ctx.quotaOut && recipients(summary) <= MailApp.getRemainingDailyQuota()) {
      if (sendOne(summary, p, link, ctx, notes)) postToRobots([summary]);
    } else result.deferred.push(summary.group);
  }
}

/** Posts the digests to the groups' DingTalk robots (those that have one); the failures, as `group：why`. */
function postToRobots(digests: readonly Digest[]): string[] {
  if (digests.length === 0) return [];
  const failures: string[] = [];
  for (const r of sendRobotDigests(digests.map(robotDigest))) if (r.error) failures.push(`${r.group}：${r.error}`);
  return failures;
}

/**
 * One digest: its mail composed, its keys parked in Script Properties (so a mail that went out is recorded even if
 * the record write fails), the mail sent, the record written, the keys unparked; a mail that fails unparks its keys
 * and is sent by the next run.
 */
function sendOne(
  d: Digest,
  p: GasPorts,
  link: ReturnType<typeof caseLinkIn>,
  ctx: SendContext,
  notes: string[] = [],
): boolean {
  // Everything the mail says is settled first (links read the ledger): between parking the keys and sending, nothing
  // but the send may fail, so parked keys always belong to a mail that went out.
  const primary = d.to[0];
  const mail = digestMail(d, {
    officeName: ctx.officeName,
    now: ctx.now,
    link: (caseNo) => (primary ? link(primary, caseNo) : null),
    ...(d.kind === 'office' ? { ledgerUrl: p.ss.getUrl() } : {}),
    notes,
  });
  const props = PropertiesService.getScriptProperties();
  const parked = parkKeys(props, `${SENDING_PREFIX}${ctx.now.getTime()}_${d.group}`, d.keys);
  try {
    MailApp.sendEmail({
      to: d.to.map((x) => x.email).join(','),
      ...(d.cc.length ? { cc: d.cc.map((x) => x.email).join(',') } : {}),
      subject: mail.subject,
      body: mail.body,
      htmlBody: mail.htmlBody,
    });
  } catch (e) {
    for (const k of parked) props.deleteProperty(k);
    const why = e instanceof Error ? e.message : String(e);
    // The day's recipients ran out (on Workspace, mail inside the domain counts against a quota that
    // getRemainingDailyQuota does not report): this digest and the rest wait for the next run.
    if (/too many times for one day: email/i.test(why)) {
      ctx.quotaOut = true;
      ctx.result.deferred.push(d.group);
      console.warn(`提醒：今日邮件配额已用完，${d.group}的提醒留待下次发送`);
    } else {
      ctx.result.failed.push(`${d.group}（${why}）`);
      console.warn(`提醒邮件未能发出：${d.group}：${why}`);
    }
    return false;
  }
  ctx.result.sent.push({ group: d.group, subject: mail.subject, recipients: d.to.length + d.cc.length });
  ctx.record.append(d.keys, ctx.now);
  for (const k of parked) props.deleteProperty(k);
  return true;
}

/** A property value holds at most 9 KB (UTF-8): the keys are parked in chunks, in one write; returns their names. */
const PARK_CHUNK_BYTES = 8000;
function parkKeys(props: GoogleAppsScript.Properties.Properties, name: string, keys: readonly string[]): string[] {
  const chunks: string[][] = [[]];
  let size = 2;
  for (const k of keys) {
    const cost = utf8Bytes(JSON.stringify(k)) + 1;
    if (size + cost > PARK_CHUNK_BYTES && chunks[chunks.length - 1]!.length) {
      chunks.push([]);
      size = 2;
    }
    chunks[chunks.length - 1]!.push(k);
    size += cost;
  }
  const values: Record<string, string> = {};
  chunks.forEach((c, i) => (values[`${name}_${String(i).padStart(3, '0')}`] = JSON.stringify(c)));
  props.setProperties(values);
  return Object.keys(values);
}

function robotDigest(d: Digest): RobotDigest {
  const mobiles = [...d.to, ...d.cc].map((x: Person) => x.mobile ?? '').filter(Boolean);
  return { group: d.group, title: d.subject, lines: d.lines, atMobiles: [...new Set(mobiles)] };
}

/** 提醒记录: one row per item delivered to one recipient, keyed by date, node, 编号 and recipient. */
class ReminderRecord {
  private readonly sheet: GoogleAppsScript.Spreadsheet.Sheet;
  private readonly cols: Map<string, number>;
  private readonly known = new Set<string>();

  constructor(ss: GoogleAppsScript.Spreadsheet.Spreadsheet) {
    this.sheet = sheetNamed(ss, SHEET.reminders);
    this.cols = requireColumns(SHEET.reminders, readHeader(this.sheet), Object.values(REMINDER_HEADERS));
  }

  /**
   * The keys delivered so far, after writing those of mails an earlier run sent but could not record (parked in
   * Script Properties). `prune`: keys older than KEEP_DAYS go (the daily run), in one rewrite of the sheet.
   */
  flushAndRead(now: Date, prune: boolean): void {
    const rows = this.readRows();
    for (const r of rows) this.known.add(r.key);
    const props = PropertiesService.getScriptProperties();
    const all = props.getProperties();
    const parked = Object.keys(all).filter((k) => k.startsWith(SENDING_PREFIX));
    const keys = parked.flatMap((k) => JSON.parse(all[k]!) as string[]);
    this.append(keys, now);
    for (const k of parked) props.deleteProperty(k);
    if (prune) this.prune(rows, now);
  }

  private readRows(): { key: string; cells: unknown[] }[] {
    const last = this.sheet.getLastRow();
    if (last < 2) return [];
    const width = Math.max(...this.cols.values());
    return this.sheet
      .getRange(2, 1, last - 1, width)
      .getValues()
      .map((cells) => ({ key: this.keyOf(cells), cells }));
  }

  private keyOf(cells: unknown[]): string {
    const v = (label: string): string => String(cells[this.cols.get(label)! - 1] ?? '').trim();
    return [
      v(REMINDER_HEADERS.date),
      v(REMINDER_HEADERS.node),
      v(REMINDER_HEADERS.caseNo),
      v(REMINDER_HEADERS.to),
    ].join('|');
  }

  /** Every key recorded so far, including this run's. */
  keys(): ReadonlySet<string> {
    return this.known;
  }

  /** Appends the keys not yet recorded, in one write. */
  append(keys: readonly string[], now: Date): void {
    const fresh = [...new Set(keys)].filter((k) => !this.known.has(k));
    if (fresh.length === 0) return;
    const width = Math.max(...this.cols.values());
    const at = (label: string): number => this.cols.get(label)! - 1;
    const rows = fresh.map((k) => {
      const [date, node, caseNo, to] = k.split('|');
      const row: unknown[] = new Array(width).fill('');
      row[at(REMINDER_HEADERS.date)] = date;
      row[at(REMINDER_HEADERS.node)] = node;
      row[at(REMINDER_HEADERS.caseNo)] = caseNo;
      row[at(REMINDER_HEADERS.to)] = to;
      row[at(REMINDER_HEADERS.sentAt)] = now;
      return row;
    });
    const start = this.sheet.getLastRow() + 1;
    if (start + rows.length - 1 > this.sheet.getMaxRows())
      this.sheet.insertRowsAfter(this.sheet.getMaxRows(), start + rows.length - 1 - this.sheet.getMaxRows());
    this.sheet.getRange(start, 1, rows.length, width).setValues(rows);
    for (const k of fresh) this.known.add(k);
  }

  private prune(rows: { key: string; cells: unknown[] }[], now: Date): void {
    const cutoff = addDays(toShanghaiDate(now), -KEEP_DAYS);
    const keep = rows.filter((r) => keyDate(r.key) >= cutoff);
    if (keep.length === rows.length) return;
    const width = Math.max(...this.cols.values());
    const range = this.sheet.getRange(2, 1, rows.length, width);
    range.clearContent();
    if (keep.length) this.sheet.getRange(2, 1, keep.length, width).setValues(keep.map((r) => r.cells));
  }
}

/** Menu 立即发送提醒 (信访办): the same digest now, from the clicker's account and quota, after they confirm. */
export function sendRemindersNowFromMenu(p: GasPorts, person: Person): void {
  const ui = SpreadsheetApp.getUi();
  const quota = MailApp.getRemainingDailyQuota();
  const answer = ui.alert(
    '立即发送提醒',
    `将立即发送今天的期限提醒（已提醒过的不再重复）。邮件从您的账号（${person.email}）发出，占用您的每日邮件配额（今天还可发送 ${quota} 位收件人）。继续吗？`,
    ui.ButtonSet.YES_NO,
  );
  if (answer !== ui.Button.YES) return;
  const r = runReminders('now', p);
  if (!r.ran) throw new LedgerError('BUSY', r.why ?? '提醒未能发送');
  const lines = [
    r.sent.length
      ? `已发送 ${r.sent.length} 封提醒邮件：${r.sent.map((s) => s.group).join('、')}`
      : '没有需要提醒的待办（或今天已经提醒过）。',
    ...(r.deferred.length ? [`邮件配额不足，留待下次：${r.deferred.join('、')}`] : []),
    ...(r.failed.length ? [`未能发出：${r.failed.join('；')}`] : []),
    ...(r.stoppedEarly ? ['本次运行时间已到，其余提醒由下次定时任务发送。'] : []),
  ];
  ui.alert('立即发送提醒', lines.join('\n'), ui.ButtonSet.OK);
}
