// What a notice mail says: the case, the step it now waits on and by when, a masked summary, where to act — decided
// here, masked here (decision 7), with 匿名保护 for department recipients of a 检举控告 case (信访工作条例 Art. 30).
import { formatDateCN, formatDateTime, endOfShanghaiDay, toShanghaiDate, weekday } from './dates';
import { maskName, maskText } from './mask';
import { fieldLabel, isReport, type Case, type Person, type Role } from './model';
import { caseDeadlines, formatDue, PROVISIONAL_MARK, type CaseDeadlines, type PendingNode } from './pending';
import type { Rules } from './roles';
import type { Recipient } from './workflow';

/** Where a person acts on a case: the 台账 row (信访办, leaders) or the 部室工作台 (department people). */
export type CaseLinkTarget = 'ledger' | 'workbench';

/** The roles the 台账 is shared with (decision 11); every other role works in the 部室工作台. */
const LEDGER_ROLES: readonly Role[] = ['信访办', '主职领导', '信访工作分管领导', '事项分管领导'];

/** Roles that act for a department: a notice to them about a 检举控告 case never names its petitioner. */
const DEPARTMENT_BOUND: readonly Role[] = ['部室联络员', '部室负责人', '承办人', '事项分管领导'];

/** What a mail says where the 部室工作台 will link to the case. */
export const WORKBENCH_NO_LINK = '请打开部室工作台办理（工作台链接请向信访办索取）';

/** How a notice names the petitioner of a 检举控告 case to a department-bound recipient. */
export const ANONYMOUS = '匿名保护';

/** Characters of 信访诉求 a notice quotes. */
export const DEMAND_CHARS = 60;

/** The one place that decides where a person is sent to act on a case (the gas adapter builds the URL). */
export function caseLinkTarget(person: Person): CaseLinkTarget {
  return person.roles.some((r) => LEDGER_ROLES.includes(r)) ? 'ledger' : 'workbench';
}

/**
 * True when the recipients of a notice about `c` must not learn who the petitioner is: a 检举控告 case, sent to a
 * department (部室联络员, 部室负责人, 承办人) or to the 事项分管领导 over one (信访工作条例 Art. 30).
 */
export function isAnonymousFor(c: Case, to: Recipient): boolean {
  return isReport(c) && (!!to.department || DEPARTMENT_BOUND.includes(to.role));
}

/** The step of a notice: the node, its deadline, and (for the case's current node) where that deadline stands. */
export interface NoticeStep {
  node: string;
  dueAt?: Date;
  provisional: boolean;
  /** 期限状态 with the working days left or over, e.g. `即将到期（剩余 1 个工作日）`; for the current node only. */
  standing?: string;
}

/** Everything a notice mail says but the unit's name and the link: decided and masked, safe to leave the sheet. */
export interface NoticeContent {
  caseNo: string;
  /** What happened or what to do: the decision's words (e.g. 已交办，请当天接处), masked. */
  notice: string;
  /** The node the recipients' case waits on; absent when it waits on nobody (已转送, 已归档). */
  step?: NoticeStep;
  /** `投诉｜城乡建设｜信访人：张*｜诉求：…`: the case in one masked line ('' without the case). */
  summary: string;
  department?: string;
  /** 办理期限: the case's own deadline. */
  dueDate?: string;
  /** The petitioner is shown as 匿名保护. */
  anonymous: boolean;
}

/** What a notice needs to know about its case. */
export interface NoticeArgs {
  caseNo: string;
  /** The notify effect's words. */
  notice: string;
  to: Recipient;
  /** The case as decided; without it the notice says only what happened. */
  c?: Case;
  rules: Rules;
  now: Date;
  people?: readonly Person[];
}

/** The content of one notice about a case (one notify effect), from the case as decided. */
export function noticeContent(a: NoticeArgs): NoticeContent {
  const anonymous = !!a.c && isAnonymousFor(a.c, a.to);
  const clean = (s: string): string => hideName(maskText(s), a.c?.petitionerName, anonymous);
  const content: NoticeContent = { caseNo: a.caseNo, notice: clean(a.notice), summary: '', anonymous };
  if (!a.c) return content;
  const c = a.c;
  const d = caseDeadlines(c, { rules: a.rules, now: a.now, people: a.people ?? [] });
  const node = nodeFor(d, a.to);
  if (node) {
    content.step = {
      node: node.node,
      ...(node.dueAt ? { dueAt: node.dueAt } : {}),
      provisional: node.provisional,
      ...(node === d.current && node.dueAt ? { standing: standing(d) } : {}),
    };
  }
  content.summary = caseSummary(c, anonymous);
  if (c.department) content.department = clean(c.department);
  const due = d.closure?.dueDate ?? c.dueDate;
  if (due) content.dueDate = due;
  return content;
}

/**
 * A case in one masked line, `投诉｜城乡建设｜信访人：张*｜诉求：…`: the petitioner masked (匿名保护 when `anonymous`),
 * numbers in the text masked, the demand cut to DEMAND_CHARS. What notices and reminders say about a case.
 */
export function caseSummary(c: Partial<Case>, anonymous: boolean): string {
  const clean = (s: string): string => hideName(maskText(s), c.petitionerName, anonymous);
  const petitioner = anonymous ? ANONYMOUS : c.petitionerName ? maskName(c.petitionerName) : '';
  const demand = c.demand ? cut(clean(c.demand).replace(/\s+/g, ' ').trim(), DEMAND_CHARS) : '';
  return [
    c.matterType ? clean(c.matterType) : '',
    c.category ? clean(c.category) : '',
    petitioner ? `信访人：${petitioner}` : '',
    demand ? `诉求：${demand}` : '',
  ]
    .filter(Boolean)
    .join('｜');
}

/**
 * The node a notice's recipients are asked about: the first pending node their role acts on (a side node such as
 * 延期审批 for the approvers), else the one the case waits on.
 */
function nodeFor(d: CaseDeadlines, to: Recipient): PendingNode | null {
  const theirs = d.nodes.find(
    (n) =>
      n.actor.roles.includes(to.role) &&
      (!to.department || !n.actor.department || n.actor.department === to.department),
  );
  return theirs ?? d.current;
}

function standing(d: CaseDeadlines): string {
  if (!d.statusText) return '';
  if (d.overdueWorkdays) return `${d.statusText}（超期 ${d.overdueWorkdays} 个工作日）`;
  if (d.workdaysLeft) return `${d.statusText}（剩余 ${d.workdaysLeft} 个工作日）`;
  return d.statusText;
}

/** The petitioner's own name inside free text (本人张三反映…): masked, or 某某 under 匿名保护. */
function hideName(text: string, name: string | undefined, anonymous: boolean): string {
  const n = (name ?? '').trim();
  if (Array.from(n).length < 2) return text;
  return text.split(n).join(anonymous ? '某某' : maskName(n));
}

/** The first `max` characters (whole code points: an emoji is never split), with … when cut. */
function cut(s: string, max: number): string {
  const chars = Array.from(s);
  return chars.length > max ? `${chars.slice(0, max).join('')}…` : s;
}

const WEEKDAYS = ['日', '一', '二', '三', '四', '五', '六'];

/** `2026年10月12日（星期一）17:30`, or without the time for a deadline at the end of a day; （暂定） when provisional. */
export function fullDue(dueAt: Date, provisional = false): string {
  const day = toShanghaiDate(dueAt);
  const endOfDay = dueAt.getTime() === endOfShanghaiDay(day).getTime();
  const time = endOfDay ? '' : formatDateTime(dueAt).slice(11);
  return `${formatDateCN(day)}（星期${WEEKDAYS[weekday(day)]}）${time}${provisional ? PROVISIONAL_MARK : ''}`;
}

/** A mail as MailApp sends it: plain text and HTML with the same content. */
export interface NoticeMail {
  subject: string;
  body: string;
  htmlBody: string;
}

/** Subjects stay short (MailApp refuses long ones): the notice's words are cut to this many characters. */
const SUBJECT_NOTICE_CHARS = 40;

/** `【信访】镜访〔2026〕012号 待交办签批 · 期限 10月12日 17:30`; the notice's words when the case waits on nobody. */
export function noticeSubject(n: NoticeContent): string {
  const head = `【信访】${n.caseNo}`;
  if (!n.step) return `${head} ${cut(n.notice, SUBJECT_NOTICE_CHARS)}`;
  const due = n.step.dueAt ? ` · 期限 ${formatDue(n.step.dueAt)}${n.step.provisional ? PROVISIONAL_MARK : ''}` : '';
  return `${head} 待${n.step.node}${due}`;
}

const MASK_FOOTER = '本邮件由信访台账自动发送，个人信息已脱敏';

/**
 * The mail of a notice for recipients who act at `link` (the 台账 row; null: the 部室工作台, not yet available).
 * Every value is escaped in the HTML part.
 */
export function composeNotice(
  n: NoticeContent,
  opts: { officeName: string; link: string | null; linkTo?: CaseLinkTarget },
): NoticeMail {
  const title = `${opts.officeName}信访台账`;
  const facts: [string, string][] = [];
  if (n.step) {
    facts.push(['当前环节', n.step.node]);
    if (n.step.dueAt) facts.push(['环节期限', fullDue(n.step.dueAt, n.step.provisional)]);
    if (n.step.standing) facts.push(['期限状态', n.step.standing]);
  }
  if (n.summary) facts.push(['摘要', n.summary]);
  if (n.department) facts.push([fieldLabel('department'), n.department]);
  if (n.dueDate) facts.push([fieldLabel('dueDate'), n.dueDate]);
  const headline = `${n.caseNo} ${n.notice}`;
  const inLedger = opts.link && opts.linkTo !== 'workbench';
  const footer = `（${MASK_FOOTER}${inLedger ? '；完整信息请在台账中查看' : ''}。）`;
  const open = inLedger ? '在台账中打开' : '在部室工作台打开';
  const body = [
    title,
    '',
    headline,
    '',
    ...facts.map(([k, v]) => `${k}：${v}`),
    '',
    opts.link ? `${open}：${opts.link}` : WORKBENCH_NO_LINK,
    '',
    footer,
  ].join('\n');
  const row = ([k, v]: [string, string]): string =>
    `<tr><th style="text-align:left;padding:2px 12px 2px 0;white-space:nowrap;vertical-align:top">${esc(k)}</th>` +
    `<td style="padding:2px 0">${esc(v)}</td></tr>`;
  const where = opts.link
    ? `<p><a href="${esc(opts.link)}">${open} ${esc(n.caseNo)}</a></p>`
    : `<p>${esc(WORKBENCH_NO_LINK)}</p>`;
  const htmlBody = [
    '<div style="font-family:sans-serif;font-size:14px;line-height:1.6">',
    `<p style="color:#666">${esc(title)}</p>`,
    `<p style="font-size:16px"><b>${esc(headline)}</b></p>`,
    facts.length ? `<table style="border-collapse:collapse">${facts.map(row).join('')}</table>` : '',
    where,
    `<p style="color:#999;font-size:12px">${esc(footer)}</p>`,
    '</div>',
  ].join('');
  return { subject: noticeSubject(n), body, htmlBody };
}

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Text as HTML: the five characters that could open markup or end an attribute. */
export function esc(s: string): string {
  return s.replace(/[&<>"']/g, (ch) => ENTITIES[ch]!);
}
