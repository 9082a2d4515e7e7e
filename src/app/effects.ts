// Carrying out a decision's effects: audit lines, notices to the people holding a role, forms to offer; and row diffs.
import { endOfShanghaiDay, formatDateTime, toShanghaiDate } from '../core/dates';
import { computeDueAt } from '../core/deadlines';
import { CASE_FIELDS, type Case, type Person } from '../core/model';
import { noticeContent } from '../core/notices';
import type { NewRecord, RecordPatch } from '../core/records';
import { inOwnDepartment, type Rules } from '../core/roles';
import type { Effect, Recipient } from '../core/workflow';
import type { AuditEntry, FormOffer, Notice } from './ports';

/** A case's effects, tagged with its 编号. */
export interface DecidedEffects {
  caseNo: string;
  effects: Effect[];
  /** Appended to the log note (e.g. 在台账中直接修改状态). */
  remark?: string;
  /** The case as decided: the notices say what it now waits on, and sum it up masked. */
  c?: Case;
}

/** The audit lines of the log effects; deadlines started are appended to the note with their due time. */
export function auditEntries(items: readonly DecidedEffects[], actor: Person, now: Date, rules: Rules): AuditEntry[] {
  const out: AuditEntry[] = [];
  for (const item of items) {
    const dueNotes = item.effects.map((e) => (e.kind === 'deadline' ? deadlineNote(e, rules) : '')).filter(Boolean);
    for (const e of item.effects) {
      if (e.kind !== 'log') continue;
      const note = [e.note, ...dueNotes, item.remark ?? ''].filter(Boolean).join('；');
      out.push({
        at: now,
        actorEmail: actor.email,
        actorName: actor.name,
        caseNo: item.caseNo,
        action: e.action,
        fromState: e.fromState,
        toState: e.toState,
        note,
      });
    }
  }
  return out;
}

/** `退单时限至 2026-10-09 14:00`; a deadline at the end of a day shows the day only (`回访时限至 2026-10-12`). */
function deadlineNote(e: Extract<Effect, { kind: 'deadline' }>, rules: Rules): string {
  const due =
    e.dueAt ?? computeDueAt({ node: e.node, startAt: e.startAt, limits: rules.limits, calendar: rules.calendar }).dueAt;
  const day = toShanghaiDate(due);
  return `${e.node}时限至 ${due.getTime() === endOfShanghaiDay(day).getTime() ? day : formatDateTime(due)}`;
}

/** The records the decisions keep: new ones to append and stored ones to change, each in decision order. */
export function recordWrites(items: readonly DecidedEffects[]): { append: NewRecord[]; update: RecordPatch[] } {
  const append: NewRecord[] = [];
  const update: RecordPatch[] = [];
  for (const item of items)
    for (const e of item.effects) {
      if (e.kind === 'record') append.push(e.record);
      if (e.kind === 'recordUpdate') update.push(e.patch);
    }
  return { append, update };
}

/** True when `p` is among the recipients (a 事项分管领导 with no lines listed oversees all of them). */
export function isRecipient(p: Person, to: Recipient): boolean {
  if (!p.roles.includes(to.role)) return false;
  return !to.department || inOwnDepartment(p, to.role, { department: to.department });
}

/** What notices read besides the decisions: 人员 (the recipients, and who must act next), the rules and the moment. */
export interface NoticeContext {
  people: readonly Person[];
  rules: Rules;
  now: Date;
}

/**
 * The notices to send (one per notify effect, saying what the case now waits on and by when) and warnings for
 * recipients nobody is registered as.
 */
export function resolveNotices(
  items: readonly DecidedEffects[],
  { people, rules, now }: NoticeContext,
): { notices: Notice[]; warnings: string[] } {
  const notices: Notice[] = [];
  const warnings: string[] = [];
  for (const item of items) {
    for (const e of item.effects) {
      if (e.kind !== 'notify') continue;
      const to = people.filter((p) => isRecipient(p, e.to));
      const who = e.to.department ? `${e.to.role}（${e.to.department}）` : e.to.role;
      if (to.length === 0) {
        warnings.push(`${item.caseNo}：人员表中没有「${who}」，「${e.notice}」通知未发出`);
        continue;
      }
      const content = noticeContent({
        caseNo: item.caseNo,
        notice: e.notice,
        to: e.to,
        ...(item.c ? { c: item.c } : {}),
        rules,
        now,
        people,
      });
      notices.push({ to, caseNo: item.caseNo, text: `${item.caseNo} ${content.notice}`, content });
    }
  }
  return { notices, warnings };
}

/** Forms the person should be offered. */
export function formOffers(items: readonly DecidedEffects[]): FormOffer[] {
  const out: FormOffer[] = [];
  for (const item of items) {
    for (const e of item.effects) if (e.kind === 'form') out.push({ caseNo: item.caseNo, annex: e.annex });
  }
  return out;
}

const same = (a: unknown, b: unknown): boolean =>
  a instanceof Date && b instanceof Date ? a.getTime() === b.getTime() : a === b;

/** The fields that differ between two versions of a case (a key with undefined clears the cell). */
export function diffFields(before: Partial<Case>, after: Partial<Case>): Partial<Case> {
  const out: Record<string, unknown> = {};
  for (const f of CASE_FIELDS) {
    const a = (before as Record<string, unknown>)[f.key];
    const b = (after as Record<string, unknown>)[f.key];
    if (!same(a, b)) out[f.key] = b;
  }
  return out as Partial<Case>;
}
