// Values the app derives for a case: the computed 办理期限, the 集体访 flag and the 重复信访 hint.
import { startOfShanghaiDay } from '../core/dates';
import { computeDueAt } from '../core/deadlines';
import { findEarlierCases, repeatHint } from '../core/duplicates';
import type { Case, DerivedKey, Person } from '../core/model';
import { actorText, caseDeadlines } from '../core/pending';
import type { Rules } from '../core/roles';

/** 办理期限 computed from 信访日期 and 事项类型 (期限来源 计算); null without a 信访日期. */
export function computedDue(
  c: Partial<Case>,
  rules: Rules,
): Pick<Case, 'dueDate' | 'dueSource' | 'dueProvisional'> | null {
  if (!c.petitionDate) return null;
  const r = computeDueAt({
    node: '办结',
    startAt: startOfShanghaiDay(c.petitionDate),
    matterType: c.matterType,
    limits: rules.limits,
    calendar: rules.calendar,
  });
  return { dueDate: r.dueDate, dueSource: '计算', dueProvisional: r.provisional };
}

/** 集体访: this many people or more (a flag, never a refusal). */
export function isGroupVisit(c: Partial<Case>, rules: Rules): boolean {
  return (c.personCount ?? 1) >= rules.settings.groupVisitThreshold;
}

/** The 重复信访 hint: earlier cases of the same ID number or phone within the window. */
export function repeatOf(c: Case, all: readonly Case[], rules: Rules): string {
  return repeatHint(findEarlierCases(c, all, rules.settings.repeatWindowDays));
}

/** The derived columns of a case as the ledger shows them (cells; '' clears), from the one pending-node function. */
export type DerivedCells = Record<DerivedKey, unknown>;

/**
 * 当前环节 / 环节期限 / 期限状态 / 待办方 / 剩余工作日 / 超期工作日 of a case at `now`. A row that is not a case (no
 * 编号) shows nothing.
 */
export function derivedCells(c: Case, rules: Rules, now: Date, people: readonly Person[] = []): DerivedCells {
  if (!c.caseNo) {
    return { currentNode: '', nodeDue: '', deadlineState: '', actor: '', workdaysLeft: '', overdueWorkdays: '' };
  }
  const d = caseDeadlines(c, { rules, now, people });
  const cur = d.current;
  return {
    currentNode: cur?.node ?? '',
    nodeDue: cur?.dueAt ?? '',
    deadlineState: d.statusText,
    actor: cur ? actorText(cur.actor) : '',
    workdaysLeft: d.workdaysLeft ?? '',
    overdueWorkdays: d.overdueWorkdays ?? '',
  };
}
