// The 部室工作台 (issue 17), pure: what a person's 我的待办 lists and in which order, what of a case each role may
// see, which actions the page offers, and the token that tells a stale page. The web app's adapter
// (src/gas/workbench.ts) reads and writes; the actions themselves go through the menu's use case.
import { maySeeCase, seesEveryCase } from './callers';
import { encodeRecord } from './controls';
import { formatDateTime, toShanghaiDate } from './dates';
import { maskName, maskPhone, maskText } from './mask';
import { isReport, type Case, type Person } from './model';
import { ANONYMOUS, caseSummary } from './notices';
import { caseDeadlines, type NodeName } from './pending';
import { ACTION_RULES, roleProblem, type ActionType, type Rules } from './roles';

/**
 * The actions the web app offers, by the node they complete (a node may offer two: 接收 or 退单; agree or send back).
 * Every other action stays in the spreadsheet's menu.
 */
export const NODE_WEB_ACTIONS: Partial<Record<NodeName, readonly ActionType[]>> = {
  交办签批: ['approveAssign'],
  接收: ['receive', 'returnCase'],
  退单: ['returnCase'],
  办理: ['submit', 'requestExtension'],
  延期审批: ['approveExtension', 'rejectExtension'],
  接待部室意见: ['receptionOpinion'],
  事项分管领导审核: ['itemReview', 'redo'],
  信访分管领导审核: ['petitionReview', 'redo'],
  办结签批: ['approveClose'],
  核实交办签批: ['verifyAssignSign'],
  事项分管领导批示: ['verifyInstruct'],
  '部长（主任）办理意见': ['verifyHeadOpinion'],
  核实情况说明: ['submitVerify'],
  核实签发: ['issueVerify'],
};

/** Every action the web app may perform. */
export const WEB_ACTIONS: readonly ActionType[] = [...new Set(Object.values(NODE_WEB_ACTIONS).flat())];

/** A line of the workbench index: what 我的待办 shows of an open case, and the row it was last seen in. */
export interface QueueEntry {
  caseNo: string;
  row: number;
  department: string;
  state: string;
  node: string;
  /** The node's deadline; null when it has none. */
  dueAt: Date | null;
  /** 期限状态 as the ledger shows it (正常, 即将到期, 已超期, with （暂定）). */
  deadlineState: string;
  matterType: string;
  category: string;
  petitionerName: string;
  demand: string;
}

/** States whose cases are in the index (every other state waits on somebody). */
export const CLOSED_FOR_WORKBENCH: readonly string[] = ['已转送', '已归档'];

/**
 * A short token of a case's controls (state, sign-offs, times): a page shows the case with it, and an action sent
 * from a page whose token no longer matches the case is refused as stale. FNV-1a over the control record.
 */
export function caseVersion(c: Case): string {
  const text = encodeRecord(c);
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h.toString(36);
}

/** The index entry of a case at `now` (null for a case that leaves the index: no 编号, 已转送 or 已归档). */
export function queueEntry(c: Case, row: number, rules: Rules, now: Date): QueueEntry | null {
  if (!c.caseNo || CLOSED_FOR_WORKBENCH.includes(c.state)) return null;
  const d = caseDeadlines(c, { rules, now });
  return {
    caseNo: c.caseNo,
    row,
    department: (c.department ?? '').trim(),
    state: c.state,
    node: d.current?.node ?? '',
    dueAt: d.current?.dueAt ?? null,
    deadlineState: d.statusText,
    matterType: c.matterType ?? '',
    category: c.category ?? '',
    petitionerName: c.petitionerName ?? '',
    demand: (c.demand ?? '').slice(0, 200),
  };
}

/** True when `role` of `person` acts on `node` of a case in `department` of type `matterType`. */
function actsOn(
  person: Person,
  entry: Pick<QueueEntry, 'node' | 'department' | 'matterType' | 'state'>,
  rules: Rules,
): boolean {
  const actions = NODE_WEB_ACTIONS[entry.node as NodeName] ?? [];
  const c = { state: entry.state, department: entry.department, matterType: entry.matterType } as Case;
  return actions.some((a) => roleProblem(ACTION_RULES[a], c, person, rules.settings) === null);
}

/** How urgent an entry is: overdue first, then due today, then due soon, then the rest; no deadline last. */
function urgency(e: QueueEntry, now: Date): number {
  if (e.deadlineState.startsWith('已超期')) return 0;
  if (e.dueAt && toShanghaiDate(e.dueAt) === toShanghaiDate(now)) return 1;
  if (e.deadlineState.startsWith('即将到期')) return 2;
  return e.dueAt ? 3 : 4;
}

/** 我的待办: the cases waiting on this person (most urgent first), and the other open cases they may see. */
export function queueFor(
  entries: readonly QueueEntry[],
  person: Person,
  rules: Rules,
  now: Date,
): { mine: QueueEntry[]; others: QueueEntry[] } {
  const order = (a: QueueEntry, b: QueueEntry): number =>
    urgency(a, now) - urgency(b, now) ||
    (a.dueAt?.getTime() ?? Infinity) - (b.dueAt?.getTime() ?? Infinity) ||
    (a.caseNo < b.caseNo ? -1 : a.caseNo > b.caseNo ? 1 : 0);
  const visible = entries.filter((e) => maySeeCase(person, e.department));
  const mine = visible.filter((e) => actsOn(person, e, rules)).sort(order);
  const taken = new Set(mine);
  return { mine, others: visible.filter((e) => !taken.has(e)).sort(order) };
}

/** True when `person` is the case's assigned handler (承办人 of its department, named as its 承办人). */
export function isAssignedHandler(person: Person, c: Pick<Case, 'department' | 'handler'>): boolean {
  return (
    person.roles.includes('承办人') &&
    !!c.department &&
    person.departments.includes(c.department) &&
    !!c.handler &&
    c.handler.trim() === person.name.trim()
  );
}

/** The petitioner as this person may see them. */
export interface PetitionerView {
  name: string;
  phone: string;
  /** True when the page must not show who the petitioner is (检举控告 outside the 信访办 and its signing leaders). */
  anonymous: boolean;
}

/**
 * 检举控告: 匿名保护 to everyone outside the 信访办 and the leaders who sign it off — the assigned handler included,
 * since the handler sits in the department complained about (信访工作条例 Art. 30). Other cases: the assigned handler
 * sees the name and phone (they call back), the 信访办 and the leaders see them too; everyone else masked.
 */
export function petitionerFor(c: Case, person: Person): PetitionerView {
  const office = seesEveryCase(person);
  if (isReport(c) && !office) return { name: ANONYMOUS, phone: '', anonymous: true };
  if (office || isAssignedHandler(person, c))
    return { name: c.petitionerName ?? '', phone: c.phone ?? '', anonymous: false };
  return { name: maskName(c.petitionerName ?? ''), phone: c.phone ? maskPhone(c.phone) : '', anonymous: false };
}

/** An entry's one-line summary for this person: masked, 匿名保护 for a 检举控告 case outside the 信访办. */
export function entrySummary(e: QueueEntry, person: Person): string {
  const c = {
    matterType: e.matterType,
    category: e.category,
    petitionerName: e.petitionerName,
    demand: e.demand,
  } as Case;
  return caseSummary(c, isReport(c) && !seesEveryCase(person));
}

/** The demand as this person may read it: numbers masked, a 检举控告 petitioner's name hidden, outside the 信访办. */
export function demandFor(c: Case, person: Person): string {
  if (seesEveryCase(person)) return c.demand ?? '';
  const text = maskText(c.demand ?? '');
  const name = (c.petitionerName ?? '').trim();
  return isReport(c) && name ? text.split(name).join(ANONYMOUS) : text;
}

/** The actions this person may take on the case now, from its pending nodes (the workflow still decides). */
export function actionsFor(c: Case, person: Person, rules: Rules, now: Date): ActionType[] {
  const d = caseDeadlines(c, { rules, now });
  const out: ActionType[] = [];
  for (const n of d.nodes)
    for (const a of NODE_WEB_ACTIONS[n.node] ?? [])
      if (!out.includes(a) && roleProblem(ACTION_RULES[a], c, person, rules.settings) === null) out.push(a);
  return out;
}

/** A deadline as the page shows it: 10月12日 17:30. */
export function dueText(d: Date | null): string {
  if (!d) return '—';
  const t = formatDateTime(d);
  return `${Number(t.slice(5, 7))}月${Number(t.slice(8, 10))}日 ${t.slice(11, 16)}`;
}
