// The deadline reminders (清单化节点化督查, 每日提醒), decided here: which pending nodes are due, who hears about them,
// in which digest, and what each says — masked, 匿名保护 for departments on 检举控告 cases. Every node and deadline comes
// from src/core/pending.ts; nothing here computes one. The gas side (src/gas/reminders.ts) sends, records and retries.
import { deadlineStatus } from './deadlines';
import { formatDateTime, toShanghaiDate, type LocalDate } from './dates';
import { isReport, type Case, type Person } from './model';
import { caseSummary, esc, fullDue, WORKBENCH_NO_LINK } from './notices';
import { formatDue, type PendingNode } from './pending';
import { inOwnDepartment, type Rules } from './roles';

/** How urgent a due node is, most urgent first. */
export const URGENCIES = ['逾期', '今日到期', '即将到期'] as const;
export type Urgency = (typeof URGENCIES)[number];

/** The nodes the hourly run chases inside office hours: they fall due within a working day of their start. */
export const SHORT_NODES: readonly string[] = ['签收', '接收', '退单'];

/** A case as the reminder run read it, with its pending nodes (the main one and the side ones). */
export interface ReminderCase {
  c: Partial<Case> & { caseNo: string };
  nodes: readonly PendingNode[];
}

/** One due node of one case, as a digest lists it. */
export interface ReminderItem {
  caseNo: string;
  node: string;
  dueAt: Date;
  provisional: boolean;
  urgency: Urgency;
  /** Working days past the deadline (0 on the day it passed). */
  overdueWorkdays: number;
  workdaysLeft: number;
  department?: string;
  matterType?: string;
  /** The case in one masked line (匿名保护 in a department's digest of a 检举控告 case). */
  summary: string;
}

/** A mail the run sends: who, what, and the keys that record each item as delivered to each recipient. */
export interface Digest {
  /** 'department' (to liaison A, B in copy), 'office' (the 信访办's summary), 'chase' (the hourly run's). */
  kind: 'department' | 'office' | 'chase';
  /** The department, or 信访办. */
  group: string;
  to: Person[];
  cc: Person[];
  items: ReminderItem[];
  /** One key per item and recipient (date|node|编号|mail), written once the mail is sent. */
  keys: string[];
  /** Items due but left for the next run (a department's digest lists at most DIGEST_LIMIT). */
  held?: number;
  /** Sent first when the quota is short: a digest with an overdue item or an escalation. */
  urgent: boolean;
  subject: string;
  /** Lines of the plain-text part (the HTML part and a robot's markdown are made from the same lines). */
  lines: string[];
  /** For the office summary: counts per department of the items listed in the departments' digests. */
  counts?: { department: string; counts: Record<Urgency, number> }[];
}

/** What the planner reads besides the cases. */
export interface PlanArgs {
  cases: readonly ReminderCase[];
  people: readonly Person[];
  rules: Rules;
  now: Date;
  /** Keys already delivered (提醒记录). */
  delivered: ReadonlySet<string>;
  /** An item overdue by more than this many working days copies the department's 事项分管领导. */
  escalateAfterWorkdays: number;
  /** The hourly run: only SHORT_NODES within `chaseWithinMs` office time of their deadline. */
  hourly?: { chaseWithinMs: number };
  /** Items the 信访办's summary lists in full at most (the rest are counted), to stay far below the mail size limit. */
  summaryLimit?: number;
}

/** A department's digest lists at most this many items (far below the mail size limit); the rest go next run. */
export const DIGEST_LIMIT = 300;

/** The 信访办's summary lists at most this many items in full by default. */
export const SUMMARY_LIMIT = 150;

const OFFICE = '信访办';

/** The key recording that `email` was told about `node` of `caseNo` on `date` (the hourly run's nodes marked 催办). */
export function reminderKey(date: LocalDate, node: string, caseNo: string, email: string): string {
  return [date, node, caseNo, email.toLowerCase()].join('|');
}

/** The date a key was made for (for pruning the record). */
export function keyDate(key: string): LocalDate {
  return key.slice(0, 10);
}

/** Where a node stands for a reminder at `now`: its urgency, or null when it is not yet worth a mention. */
function urgencyOf(
  n: PendingNode,
  { rules, now }: Pick<PlanArgs, 'rules' | 'now'>,
): { urgency: Urgency; overdueWorkdays: number; workdaysLeft: number } | null {
  if (!n.dueAt) return null;
  const s = deadlineStatus({
    dueAt: n.dueAt,
    now,
    calendar: rules.calendar,
    dueSoonWorkdays: rules.settings.dueSoonWorkdays,
  });
  if (s.state === '已超期') return { urgency: '逾期', overdueWorkdays: s.overdueWorkdays, workdaysLeft: 0 };
  if (s.state === '正常') return null;
  return { urgency: s.workdaysLeft === 0 ? '今日到期' : '即将到期', overdueWorkdays: 0, workdaysLeft: s.workdaysLeft };
}

/** The people of a department's digest: liaison A to, B in copy (互为AB角); without slots, every liaison to. */
export function liaisonsOf(department: string, people: readonly Person[]): { to: Person[]; cc: Person[] } {
  const liaisons = people.filter((p) => p.roles.includes('部室联络员') && p.departments.includes(department));
  const a = liaisons.filter((p) => p.liaisonSlot === 'A');
  if (a.length === 0) return { to: liaisons, cc: [] };
  return { to: a, cc: liaisons.filter((p) => !a.includes(p)) };
}

/** The 事项分管领导 over a department (one with no lines listed oversees all). */
function lineLeadersOf(department: string, people: readonly Person[]): Person[] {
  return people.filter((p) => p.roles.includes('事项分管领导') && inOwnDepartment(p, '事项分管领导', { department }));
}

const byUrgency = (a: ReminderItem, b: ReminderItem): number =>
  URGENCIES.indexOf(a.urgency) - URGENCIES.indexOf(b.urgency) ||
  b.overdueWorkdays - a.overdueWorkdays ||
  a.dueAt.getTime() - b.dueAt.getTime() ||
  a.caseNo.localeCompare(b.caseNo);

/**
 * The digests of one run: one per department with something due (its department-side nodes), and one summary for
 * the 信访办 (its own nodes and the leaders' in full, the departments' as counts; the cases nobody received in full).
 * An item already delivered to every recipient of its digest is left out; a digest left empty is not sent.
 */
export function planDigests(a: PlanArgs): Digest[] {
  const date = toShanghaiDate(a.now);
  const office = a.people.filter((p) => p.roles.includes(OFFICE));
  const byDept = new Map<string, ReminderItem[]>();
  const officeItems: ReminderItem[] = [];
  const counts = new Map<string, Record<Urgency, number>>();
  for (const { c, nodes } of a.cases) {
    for (const n of nodes) {
      if (a.hourly ? !chased(n, a) : n.node === '退单') continue; // the 退单 window is an option, chased hourly only
      const u = urgencyOf(n, a);
      if (!u) continue;
      const department = n.actor.department;
      const anonymous = !!department && isReport(c as Case);
      const item: ReminderItem = {
        caseNo: c.caseNo,
        node: n.node,
        dueAt: n.dueAt!,
        provisional: n.provisional,
        ...u,
        ...(c.department ? { department: c.department } : {}),
        ...(c.matterType ? { matterType: c.matterType } : {}),
        summary: caseSummary(c, anonymous),
      };
      if (department) {
        const list = byDept.get(department) ?? [];
        list.push(item);
        byDept.set(department, list);
        const tally = counts.get(department) ?? { 逾期: 0, 今日到期: 0, 即将到期: 0 };
        tally[u.urgency]++;
        counts.set(department, tally);
        // 当天接处: a case nobody received is the 信访办's to chase too, so it is listed in full there as well.
        if (n.node === '接收' && u.urgency === '逾期') officeItems.push({ ...item, summary: caseSummary(c, false) });
      } else officeItems.push(item);
    }
  }
  const tag = a.hourly ? '催办' : '';
  const digests: Digest[] = [];
  for (const [department, items] of [...byDept].sort(([x], [y]) => x.localeCompare(y))) {
    const { to, cc } = liaisonsOf(department, a.people);
    if (to.length === 0) continue;
    const escalate = items.some((i) => i.urgency === '逾期' && i.overdueWorkdays > a.escalateAfterWorkdays);
    const leaders = escalate
      ? lineLeadersOf(department, a.people).filter((p) => !to.includes(p) && !cc.includes(p))
      : [];
    const d = digest({
      kind: a.hourly ? 'chase' : 'department',
      group: department,
      to,
      cc: [...cc, ...leaders],
      items,
      date,
      tag,
      delivered: a.delivered,
    });
    if (d) digests.push({ ...d, urgent: d.urgent || escalate });
  }
  const summaryCounts = a.hourly ? [] : [...counts].sort(([x], [y]) => x.localeCompare(y));
  if (office.length && (officeItems.length || summaryCounts.length)) {
    const d = digest({
      kind: a.hourly ? 'chase' : 'office',
      group: OFFICE,
      to: office,
      cc: [],
      items: officeItems,
      date,
      tag,
      delivered: a.delivered,
      counts: summaryCounts.map(([department, c]) => ({ department, counts: c })),
      limit: a.summaryLimit ?? SUMMARY_LIMIT,
    });
    if (d) digests.push(d);
  }
  return digests;
}

/** The hourly run chases a short node whose deadline is within `chaseWithinMs` of office time and not yet past. */
function chased(n: PendingNode, a: PlanArgs): boolean {
  if (!SHORT_NODES.includes(n.node) || !n.dueAt || !a.hourly) return false;
  if (n.dueAt.getTime() < a.now.getTime()) return false;
  return a.rules.calendar.workingMsBetween(a.now, n.dueAt) <= a.hourly.chaseWithinMs;
}

interface DigestArgs {
  kind: Digest['kind'];
  group: string;
  to: Person[];
  cc: Person[];
  items: ReminderItem[];
  date: LocalDate;
  tag: string;
  delivered: ReadonlySet<string>;
  counts?: Digest['counts'];
  limit?: number;
}

function digest(d: DigestArgs): Digest | null {
  const everyone = [...d.to, ...d.cc];
  const node = (i: ReminderItem): string => `${i.node}${d.tag ? `·${d.tag}` : ''}`;
  const keysOf = (i: ReminderItem): string[] => everyone.map((p) => reminderKey(d.date, node(i), i.caseNo, p.email));
  const due = d.items.filter((i) => keysOf(i).some((k) => !d.delivered.has(k))).sort(byUrgency);
  // The summary is the 信访办's once a day: it lists its most urgent items (at most its limit) and counts the rest,
  // which the office finds in the ledger; once sent, no second summary that day. Only what a mail lists is recorded.
  const summaryKeys = d.kind === 'office' ? everyone.map((p) => reminderKey(d.date, '汇总', '', p.email)) : [];
  if (d.kind === 'office' && summaryKeys.every((k) => d.delivered.has(k))) return null;
  // A department's digest lists at most DIGEST_LIMIT items, the most urgent first; the rest are not recorded, so the
  // next run tells them.
  const listed = d.kind === 'office' ? (d.limit ?? SUMMARY_LIMIT) : DIGEST_LIMIT;
  const items = due.slice(0, listed);
  const unlisted = due.length - items.length;
  const held = d.kind === 'office' ? 0 : unlisted;
  if (items.length === 0 && !(d.kind === 'office' && d.counts?.length)) return null;
  const keys = [...items.flatMap(keysOf), ...summaryKeys];
  const tally = (u: Urgency): number => items.filter((i) => i.urgency === u).length;
  const subjectCounts = URGENCIES.filter((u) => tally(u)).map((u) => `${u}${tally(u)}件`);
  const title = d.tag ? '【信访催办】' : '【信访提醒】';
  const subject = `${title}${d.group} ${subjectCounts.join(' ') || '部室待办汇总'} ${d.date}`;
  const lines = digestLines(d, items);
  const more = held
    ? `另有 ${held} 件将在下一次提醒中列出`
    : unlisted
      ? `另有 ${unlisted} 件未列出，请在台账中按「期限状态」筛选查看`
      : '';
  const countsAt = lines.indexOf('【各部室待办】');
  if (more) lines.splice(countsAt < 0 ? lines.length : countsAt, 0, more);
  return {
    kind: d.kind,
    group: d.group,
    to: d.to,
    cc: d.cc,
    items,
    keys,
    ...(held ? { held } : {}),
    urgent: items.some((i) => i.urgency === '逾期'),
    subject,
    lines,
    ...(d.counts ? { counts: d.counts } : {}),
  };
}

/** One item as a line: 编号, 事项类型 and summary, the node, the deadline and how it stands. */
export function itemLine(i: ReminderItem): string {
  const standing =
    i.urgency === '逾期'
      ? `逾期${i.overdueWorkdays ? ` ${i.overdueWorkdays} 个工作日` : '（今日）'}`
      : i.urgency === '今日到期'
        ? '今日到期'
        : `剩余 ${i.workdaysLeft} 个工作日`;
  const due = `${formatDue(i.dueAt)}${i.provisional ? '（暂定）' : ''}`;
  return `${i.caseNo}｜${i.node}｜期限 ${due}｜${standing}｜${i.summary}`;
}

function digestLines(d: DigestArgs, items: ReminderItem[]): string[] {
  const out: string[] = [];
  for (const u of URGENCIES) {
    const list = items.filter((i) => i.urgency === u);
    if (!list.length) continue;
    out.push(`【${u}】${list.length} 件`);
    for (const i of list) out.push(itemLine(i));
  }
  if (d.counts?.length) {
    out.push('【各部室待办】');
    for (const { department, counts } of d.counts) {
      out.push(`${department}：${URGENCIES.map((u) => `${u} ${counts[u]} 件`).join('，')}`);
    }
  }
  return out;
}

/** A digest's mail: plain text and HTML from the same lines, each case a link where there is one. */
export function digestMail(
  d: Digest,
  opts: {
    officeName: string;
    now: Date;
    link: (caseNo: string) => string | null;
    ledgerUrl?: string;
    notes?: string[];
  },
): { subject: string; body: string; htmlBody: string } {
  const head = `${opts.officeName}信访台账 · ${d.kind === 'chase' ? '期限催办' : '期限提醒'}（${formatDateTime(opts.now)}）`;
  const intro =
    d.kind === 'office'
      ? '信访办本日待办和各部室待办情况如下：'
      : `${d.group}以下信访件需要办理${d.kind === 'chase' ? '（期限将到）' : ''}：`;
  const workbench = d.items.length > 0 && d.items.every((i) => !opts.link(i.caseNo));
  const footer = `本邮件由信访台账自动发送，个人信息已脱敏${workbench ? '' : '；点击编号打开该件'}。`;
  const notes = opts.notes ?? [];
  const linkOf = (line: string): string | null => {
    const item = d.items.find((i) => line.startsWith(`${i.caseNo}｜`));
    return item ? opts.link(item.caseNo) : null;
  };
  const text = [head, '', intro, '', ...d.lines.map((l) => (linkOf(l) ? `${l}\n  ${linkOf(l)}` : l))];
  if (workbench) text.push('', WORKBENCH_NO_LINK);
  if (opts.ledgerUrl) text.push('', `台账：${opts.ledgerUrl}`);
  if (notes.length) text.push('', ...notes);
  text.push('', `（${footer}）`);
  const html = [
    '<div style="font-family:sans-serif;font-size:14px;line-height:1.6">',
    `<p style="color:#666">${esc(head)}</p>`,
    `<p>${esc(intro)}</p>`,
    ...d.lines.map((l) => {
      if (l.startsWith('【')) return `<h3 style="font-size:15px;margin:12px 0 4px">${esc(l)}</h3>`;
      const url = linkOf(l);
      const [no, ...rest] = l.split('｜');
      const head = url ? `<a href="${esc(url)}">${esc(no!)}</a>` : esc(no!);
      return `<div>${head}${rest.length ? `｜${esc(rest.join('｜'))}` : ''}</div>`;
    }),
    workbench ? `<p>${esc(WORKBENCH_NO_LINK)}</p>` : '',
    opts.ledgerUrl ? `<p><a href="${esc(opts.ledgerUrl)}">打开台账</a></p>` : '',
    ...notes.map((n) => `<p style="color:#a61b1b">${esc(n)}</p>`),
    `<p style="color:#999;font-size:12px">（${esc(footer)}）</p>`,
    '</div>',
  ].join('');
  return { subject: d.subject, body: text.join('\n'), htmlBody: html };
}

/** A due item's deadline in full, for robots and summaries. */
export const itemDue = (i: ReminderItem): string => fullDue(i.dueAt, i.provisional);
