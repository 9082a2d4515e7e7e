// The 部室工作台 web app (issue 17): doGet serves 我的待办 or a case page to the visitor Apps Script names, from the
// ledger opened by the id recorded at setup; workbenchAct performs an action through the menu's use case. The web
// app executes as the deploying account, so every call checks the visitor (人员, role, department) on the server.
import { performAction, registrations, STALE_PAGE } from '../app/performAction';
import { caseCard } from '../core/card';
import { maySeeCase, seesEveryCase } from '../core/callers';
import { trustedCase } from '../core/controls';
import { formatDateTime } from '../core/dates';
import { maskText } from '../core/mask';
import { isReport, type Case, type Person } from '../core/model';
import { caseDeadlines } from '../core/pending';
import { ACTION_RULES, type ActionType } from '../core/roles';
import {
  WEB_ACTIONS,
  actionsFor,
  caseVersion,
  demandFor,
  dueText,
  entrySummary,
  petitionerFor,
  queueFor,
  type QueueEntry,
} from '../core/workbench';
import { HANDLERS, type HandlerKind } from '../handlers';
import { dialogFields, type DialogField } from './actions';
import { SHEET, LOG_HEADERS } from './layout';
import { requireRole } from './caller';
import { activeUserEmail } from './infra';
import { workbenchUrl, WORKBENCH_URL_KEY } from './links';
import { gasPorts, LEDGER_ID_KEY, type GasPorts } from './ports';
import { LedgerError, readHeader, requireColumns, sheetNamed } from './table';
import { readQueue } from './workbench-index';

/** What the page script receives (rendered on the client with textContent only: no markup from data). */
type MessagePage = { view: 'message'; title: string; text: string };
type PageData =
  | MessagePage
  | {
      view: 'queue';
      me: string;
      base: string;
      mine: QueueLine[];
      others: QueueLine[];
    }
  | {
      view: 'case';
      me: string;
      base: string;
      caseNo: string;
      row: number;
      version: string;
      node: string;
      due: string;
      deadlineState: string;
      facts: [string, string][];
      opinions: { step: string; by: string; at: string; opinion: string }[];
      history: string[];
      actions: { type: ActionType; caption: string; fields: DialogField[] }[];
    };

interface QueueLine {
  caseNo: string;
  row: number;
  matterType: string;
  summary: string;
  node: string;
  due: string;
  deadlineState: string;
  tone: 'overdue' | 'soon' | 'normal';
}

/** Records the ledger's id (初始化/修复 calls it): the web app has no active spreadsheet and opens it by id. */
export function recordLedgerId(ss: GoogleAppsScript.Spreadsheet.Spreadsheet): void {
  const props = PropertiesService.getScriptProperties();
  if (props.getProperty(LEDGER_ID_KEY) !== ss.getId()) props.setProperty(LEDGER_ID_KEY, ss.getId());
}

/** Records the /exec URL this request came through (a menu's getUrl() may give the /dev one; a request here won't). */
function rememberUrl(): string {
  const url = ScriptApp.getService().getUrl() ?? '';
  if (!/\/exec$/.test(url)) return workbenchUrl();
  const props = PropertiesService.getScriptProperties();
  if (props.getProperty(WORKBENCH_URL_KEY) !== url) props.setProperty(WORKBENCH_URL_KEY, url);
  return url;
}

/** The visitor as a person of 人员, or the page that tells them why not. */
function visitorOf(p: GasPorts): Person | MessagePage {
  const email = activeUserEmail();
  if (!email)
    return {
      view: 'message',
      title: '无法识别您的账号',
      text: 'Google 没有提供您的账号。请使用本单位的账号登录后再打开。',
    };
  const person = p.directory.findByEmail(email);
  if (!person || person.roles.length === 0) return { view: 'message', title: '未登记', text: '未登记，请联系信访办。' };
  return person;
}

const isPage = (x: Person | MessagePage): x is MessagePage => 'view' in x;

/** doGet: 我的待办, or the case page of `?case=编号`. */
export function serveWorkbench(e: GoogleAppsScript.Events.DoGet): GoogleAppsScript.HTML.HtmlOutput {
  const base = rememberUrl();
  let data: PageData;
  try {
    const p = gasPorts(activeUserEmail());
    const who = visitorOf(p);
    if (isPage(who)) data = who;
    else {
      const caseNo = String(e?.parameter?.['case'] ?? '').trim();
      const row = Number(e?.parameter?.['row']) || 0;
      data = caseNo ? casePage(p, who, caseNo, row, base) : queuePage(p, who, base);
    }
  } catch (err) {
    data = {
      view: 'message',
      title: '出错了',
      text: err instanceof LedgerError ? err.message : '工作台暂时无法打开，请稍后再试。',
    };
    if (!(err instanceof LedgerError)) console.error(err);
  }
  const t = HtmlService.createTemplateFromFile('Workbench');
  t.data = JSON.stringify(data).replace(/</g, '\\u003c');
  return t.evaluate().setTitle('部室工作台 · 信访台账').addMetaTag('viewport', 'width=device-width, initial-scale=1');
}

/** Whose lines of the index a person's queue reads: their departments', or all for those who see every case. */
function queueScope(person: Person): readonly string[] | undefined {
  const all = seesEveryCase(person);
  const unbounded = person.roles.includes('事项分管领导') && person.departments.length === 0;
  return all || unbounded ? undefined : person.departments;
}

function tone(e: QueueEntry): QueueLine['tone'] {
  if (e.deadlineState.startsWith('已超期')) return 'overdue';
  return e.deadlineState.startsWith('即将到期') ? 'soon' : 'normal';
}

/** 我的待办: one read of the index; nothing of the ledger. */
function queuePage(p: GasPorts, person: Person, base: string): PageData {
  const rules = p.settings.rules();
  const { mine, others } = queueFor(readQueue(p.ss, queueScope(person)), person, rules, p.clock.now());
  const line = (e: QueueEntry): QueueLine => ({
    caseNo: e.caseNo,
    row: e.row,
    matterType: e.matterType,
    summary: entrySummary(e, person),
    node: e.node,
    due: dueText(e.dueAt),
    deadlineState: e.deadlineState,
    tone: tone(e),
  });
  return { view: 'queue', me: person.name || person.email, base, mine: mine.map(line), others: others.map(line) };
}

/**
 * Refuses (with a log line) a case the visitor's department does not hold; else the case, trusted. `row`: where the
 * page saw it — a hint only, confirmed by the row's anchor (else the 编号 are searched).
 */
function caseFor(p: GasPorts, person: Person, caseNo: string, row: number, verb: string): { c: Case; row: number } {
  const c = p.ledger.loadByIds([caseNo], row > 1 ? new Map([[caseNo, row]]) : undefined)[0];
  if (!c || !maySeeCase(person, c.department ?? '')) {
    p.audit.append([
      {
        at: p.clock.now(),
        actorEmail: person.email,
        actorName: person.name,
        caseNo: c ? caseNo : '',
        action: '拒绝访问',
        note: `部室工作台：${person.name || person.email}（${person.roles.join('、')}${person.departments.length ? `，${person.departments.join('、')}` : ''}）请求${verb}「${caseNo}」，${c ? '不属于其部室' : '台账中没有该件'}，已拒绝`,
      },
    ]);
    throw new LedgerError(
      'DENIED',
      c ? `${caseNo} 不是您所在部室的信访件，不能${verb}。` : `台账中没有编号为「${caseNo}」的信访件。`,
    );
  }
  return { c: trustedCase(c), row: p.ledger.rowOf(caseNo) ?? 0 };
}

/** The case page: the card the visitor's role may see, its history, and the actions they may take now. */
function casePage(p: GasPorts, person: Person, caseNo: string, hint: number, base: string): PageData {
  const { c, row } = caseFor(p, person, caseNo, hint, '查看');
  const rules = p.settings.rules();
  const now = p.clock.now();
  const card = caseCard(c, p.records.load([caseNo], ['signoff'], registrations([trustedCase(c)])));
  const who = petitionerFor(c, person);
  const facts = card.facts.map(([label, value]): [string, string] =>
    label === '信访人'
      ? [label, [who.name, who.phone].filter(Boolean).join('　') || '—']
      : label === '信访诉求'
        ? [label, demandFor(c, person)]
        : [label, value],
  );
  const d = caseDeadlines(c, { rules, now });
  const departments = p.directory.departments();
  return {
    view: 'case',
    me: person.name || person.email,
    base,
    caseNo,
    row,
    version: caseVersion(c),
    node: d.current?.node ?? '',
    due: dueText(d.current?.dueAt ?? null),
    deadlineState: d.statusText,
    facts,
    opinions: card.opinions.map((o) => ({ step: o.step, by: o.by, at: o.at, opinion: o.opinion })),
    history: historyOf(p, c, person),
    actions: actionsFor(c, person, rules, now).map((type) => ({
      type,
      caption: captionOf(type),
      fields: dialogFields(type, { departments }),
    })),
  };
}

/**
 * The case's 流转记录 lines, found by a TextFinder over the 编号 column (the log is never read whole). Outside the
 * 信访办 and the leaders the notes are masked, and a 检举控告 case's notes are left out (they may name the petitioner).
 */
function historyOf(p: GasPorts, c: Case, person: Person): string[] {
  const sheet = sheetNamed(p.ss, SHEET.log);
  const at = requireColumns(SHEET.log, readHeader(sheet), LOG_HEADERS);
  const last = sheet.getLastRow();
  if (last < 2) return [];
  const hits = sheet
    .getRange(2, at.get('编号')!, last - 1, 1)
    .createTextFinder(c.caseNo ?? '')
    .matchEntireCell(true)
    .findAll()
    .map((r) => r.getRow());
  if (hits.length === 0) return [];
  const width = Math.max(...at.values());
  const office = seesEveryCase(person);
  const rows: unknown[][] = [];
  for (let i = 0; i < hits.length;) {
    let j = i;
    while (j + 1 < hits.length && hits[j + 1] === hits[j]! + 1) j++;
    rows.push(...sheet.getRange(hits[i]!, 1, j - i + 1, width).getValues());
    i = j + 1;
  }
  const cell = (r: unknown[], h: (typeof LOG_HEADERS)[number]): unknown => r[at.get(h)! - 1];
  return rows.map((r) => {
    const t = cell(r, '时间');
    const when = t instanceof Date ? formatDateTime(t) : String(t);
    const states =
      cell(r, '原状态') || cell(r, '新状态') ? `（${cell(r, '原状态') || '—'} → ${cell(r, '新状态') || '—'}）` : '';
    const note = office ? String(cell(r, '说明') ?? '') : isReport(c) ? '' : maskText(String(cell(r, '说明') ?? ''));
    return `${when}  ${cell(r, '动作')}${states}  ${note}`.trim();
  });
}

/** An action as the menu names it (填写办理意见, not the rule's 提交审核), without the dialog's ellipsis. */
function captionOf(type: ActionType): string {
  const name = `act${type[0]!.toUpperCase()}${type.slice(1)}`;
  const h = (HANDLERS as Record<string, HandlerKind>)[name];
  return h?.kind === 'menu' ? h.caption.replace(/…$/, '') : ACTION_RULES[type].caption;
}

/** What the page sends for an action: the case, the action, the fields, and the version the page showed. */
export interface WorkbenchRequest {
  caseNo: string;
  action: string;
  fields?: Record<string, string>;
  version: string;
  /** The row the page showed the case in (a hint, confirmed by its anchor). */
  row?: number;
}

/**
 * google.script.run from the page: the visitor checked again (人员, department), the action one the web app offers,
 * then the menu's use case under the lock, refusing a case changed since the page showed it.
 */
export function workbenchAct(req: WorkbenchRequest): { ok: boolean; message: string } {
  const p = gasPorts(activeUserEmail());
  const who = visitorOf(p);
  if (isPage(who)) throw new LedgerError('DENIED', who.text);
  const caseNo = String(req?.caseNo ?? '').trim();
  const action = String(req?.action ?? '') as ActionType;
  if (!(WEB_ACTIONS as readonly string[]).includes(action))
    throw new LedgerError('DENIED', `部室工作台不办理「${ACTION_RULES[action]?.caption ?? action}」，请联系信访办。`);
  const { row } = caseFor(p, who, caseNo, Number(req.row) || 0, '办理');
  const { toState: _ignored, ...fields } = req.fields ?? {};
  const r = performAction(
    {
      caseIds: [caseNo],
      action,
      actorEmail: who.email,
      input: { fields },
      rows: row ? new Map([[caseNo, row]]) : undefined,
      versions: { [caseNo]: String(req.version ?? '') },
    },
    p,
  );
  const refused = r.refused[0];
  if (refused) return { ok: false, message: refused.reason === STALE_PAGE ? STALE_PAGE : refused.reason };
  return {
    ok: true,
    message: [
      `已${ACTION_RULES[action].caption}：${caseNo}（${r.done[0]?.state ?? ''}）`,
      ...r.warnings,
      ...p.noticeFailures,
    ].join('\n'),
  };
}

/** 复制工作台链接: the /exec URL in a dialog to copy, or what to do first. */
export function showWorkbenchLink(): void {
  const p = gasPorts();
  requireRole(p, ['信访办']);
  const url = workbenchUrl();
  const ui = SpreadsheetApp.getUi();
  ui.alert(
    '部室工作台链接',
    url
      ? `${url}\n\n请把此链接发给各部室的部长（主任）、联络员、承办人和事项分管领导：用本单位账号登录后，每人只看到本部室的信访件。`
      : '部室工作台还没有人打开过，链接尚未记录。请按说明部署工作台（npm run deploy:webapp），然后用浏览器打开一次部署的 /exec 链接。',
    ui.ButtonSet.OK,
  );
}
