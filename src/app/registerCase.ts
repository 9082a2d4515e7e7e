// 受理登记 (接收必登): a new case from the registration dialog — validated, numbered, deadline set, flagged, logged.
import { nextCaseNumber } from '../core/caseNumber';
import { isControl, sealed } from '../core/controls';
import { toShanghaiDate, yearOf } from '../core/dates';
import { findEarlierCases, repeatHint } from '../core/duplicates';
import { ANONYMOUS, intakeFlags, intakeFlagText } from '../core/intake';
import {
  caseLabel,
  fieldLabel,
  fieldSpec,
  isFilled,
  isWalkIn,
  NO_SIGNOFFS,
  type Case,
  type CaseKey,
  type CaseState,
  type Person,
} from '../core/model';
import { stateRequirementProblem } from '../core/required';
import type { Rules } from '../core/roles';
import type { Effect } from '../core/workflow';
import { coerceRow, type RawRow } from './coerce';
import { computedDue, derivedCells, isGroupVisit } from './derived';
import { auditEntries, formOffers, resolveNotices } from './effects';
import type { FormOffer, Ports } from './ports';

/**
 * What a registration cannot do without (接收必登: nothing else is refused — an unsigned petition is 匿名, a missing
 * 信访日期 is the day it is received, a 上级 case's missing number or deadline is flagged).
 */
const REGISTRATION_REQUIRED: readonly CaseKey[] = ['source', 'form', 'demand'];

/** A new case opened, or the reasons it cannot be. */
export type Opened = { ok: true; c: Case; effects: Effect[]; warnings: string[] } | { ok: false; reasons: string[] };

/** The reception-room warning (annex 2; 《信访工作条例》 Art. 20). */
export function receptionLimitMessage(count: number, limit: number): string {
  return `来访人数为${count}人，接待室的群众一般不超过${limit}人；依《信访工作条例》第二十条，多人采用走访形式提出共同的信访事项的，应当推选代表，代表人数不超过5人`;
}

function registrationProblems(c: Partial<Case>, rules: Rules): string[] {
  const missing = REGISTRATION_REQUIRED.filter((k) => !isFilled(c[k])).map(fieldLabel);
  const out = missing.length ? [`登记须填写：${missing.join('、')}`] : [];
  const walkIn = isWalkIn(c as Case);
  if (walkIn && !c.visitRouting)
    out.push(`现场接访须选择${fieldLabel('visitRouting')}（业务性较强 / 综合性 / 重大事项）`);
  const count = c.personCount ?? 1;
  if (walkIn && count > rules.settings.receptionLimit && rules.settings.refuseOverReceptionLimit) {
    out.push(receptionLimitMessage(count, rules.settings.receptionLimit));
  }
  return out;
}

/** Walk-ins are received on the spot (annex 2): routed to a department at once; platform cases wait for 签收. */
function walkInRouting(c: Case, rules: Rules, now: Date): { patch: Partial<Case>; effects: Effect[] } {
  const department = c.department || (c.visitRouting === '综合性' ? rules.settings.comprehensiveDepartment : undefined);
  const effects: Effect[] = [
    { kind: 'form', annex: 4 },
    { kind: 'deadline', node: '退单', startAt: now },
  ];
  if (c.visitRouting === '重大事项') {
    effects.push({
      kind: 'notify',
      to: { role: '事项分管领导', department },
      notice: '重大事项现场来访，请分管领导接待',
    });
  }
  effects.push({ kind: 'notify', to: { role: '部室联络员', department }, notice: '现场来访，请派员接待' });
  return { patch: { department, assignedAt: now }, effects };
}

/**
 * Opens a case (pure): walk-ins (来访 + 本级) start in 办理中 with their department, platform and
 * upstream cases in 待签收. Sets 编号, 登记时间/人, the computed 办理期限 (a typed one is 手填),
 * 集体访 and 重复信访; warnings name what the office should see at once.
 */
export function openCase(args: {
  fields: Partial<Case>;
  actor: Person;
  now: Date;
  rules: Rules;
  caseNo: string;
  /** The cases the repeat check compares (CaseRepo.repeatPeers). */
  existing: readonly Case[];
}): Opened {
  const { actor, now, rules } = args;
  const problems = registrationProblems(args.fields, rules);
  if (problems.length) return { ok: false, reasons: problems };
  const dated = isFilled(args.fields.petitionDate);
  let c: Case = {
    personCount: 1,
    ...args.fields,
    petitionerName: isFilled(args.fields.petitionerName) ? args.fields.petitionerName : ANONYMOUS,
    petitionDate: dated ? args.fields.petitionDate : toShanghaiDate(now),
    caseNo: args.caseNo,
    state: '待签收',
    registeredAt: now,
    registeredBy: actor.name,
    signoffs: NO_SIGNOFFS,
  };
  let effects: Effect[] = [{ kind: 'deadline', node: '签收', startAt: now }];
  if (isWalkIn(c)) {
    const routed = walkInRouting(c, rules, now);
    c = { ...c, ...routed.patch, state: '办理中' };
    effects = routed.effects;
    const missing = stateRequirementProblem(c, '办理中');
    if (missing) return { ok: false, reasons: [missing] };
  }
  const due = isFilled(c.dueDate) ? { dueSource: '手填' as const } : computedDue(c, rules);
  const earlier = findEarlierCases(c, args.existing, rules.settings.repeatWindowDays);
  c = { ...c, ...due, groupVisit: isGroupVisit(c, rules), repeatOf: repeatHint(earlier) };
  const flags = [...intakeFlags(c, now), ...(dated ? [] : ['信访日期未填，按登记当天'])];
  c = { ...c, intakeFlags: intakeFlagText(flags) };
  const warnings = [
    ...flags.map((f) => `${caseLabel(c)} 已登记，请核对：${f}`),
    ...registrationWarnings(c, earlier, rules),
  ];
  const dueNote = c.dueDate ? `，办理期限 ${c.dueDate}（${c.dueSource}）` : '';
  const log: Effect = { kind: 'log', action: '登记', toState: c.state, note: `${c.form}，${c.source}${dueNote}` };
  return { ok: true, c, effects: [log, ...effects], warnings };
}

function registrationWarnings(c: Case, earlier: string[], rules: Rules): string[] {
  const out: string[] = [];
  const count = c.personCount ?? 1;
  if (isWalkIn(c) && count > rules.settings.receptionLimit)
    out.push(receptionLimitMessage(count, rules.settings.receptionLimit));
  if (c.groupVisit) out.push(`${caseLabel(c)} 人数为${count}人，已标记为集体访`);
  if (earlier.length) out.push(`${caseLabel(c)} 可能为重复信访，此前有：${earlier.join('、')}`);
  if (c.dueProvisional) out.push(`${caseLabel(c)} 办理期限所在年份的节假日安排尚未公布，期限为暂定`);
  return out;
}

/** Numbers tried past the counter when rows already hold them (typed by hand beyond it). */
const MAX_TAKEN = 50;

/** What registration returns to the dialog. */
export type RegisterResult =
  | { ok: true; caseNo: string; state: CaseState; warnings: string[]; forms: FormOffer[] }
  | { ok: false; reasons: string[] };

/** Registers a case typed into the registration dialog: lock → number from the counter → save → log → notify. */
export function registerCase(input: { fields: RawRow; actorEmail: string }, ports: Ports): RegisterResult {
  const now = ports.clock.now();
  const actor = ports.directory.findByEmail(input.actorEmail);
  if (!actor) return { ok: false, reasons: [`${input.actorEmail} 未在「人员」表登记，不能登记信访件`] };
  if (!actor.roles.includes('信访办')) {
    return {
      ok: false,
      reasons: [`登记信访件须由「信访办」办理，${actor.name}的角色为${actor.roles.join('、') || '未登记'}`],
    };
  }
  const { c: fields, issues } = coerceRow(input.fields, now);
  const own = (Object.keys(fields) as CaseKey[]).filter((k) => isControl(k) || fieldSpec(k).scriptOwned);
  for (const k of own) delete fields[k];
  // An ID number, a phone or a date that reads but does not check out is registered and flagged (接收必登); only
  // a value that cannot be read at all (a date that is no date) is sent back to be typed again.
  const unreadable = issues.filter((i) => !(i.key in fields));
  if (unreadable.length) return { ok: false, reasons: unreadable.map((i) => i.message) };
  const rules = ports.settings.rules();
  // The repeat check reads only the cases sharing the ID number or phone, before the lock; under it only the number
  // is drawn (from the counter, skipping a number a row already holds) and the row and its log line written.
  const existing = ports.repo.repeatPeers(fields, rules.settings.repeatWindowDays);
  const opened = ports.lock.withLock(() => {
    const year = yearOf(toShanghaiDate(now));
    let next = nextCaseNumber({ year, highWater: ports.counter.highWater(year), config: rules.settings.caseNumber });
    for (let i = 0; i < MAX_TAKEN && ports.repo.numberTaken(next.caseNo); i++)
      next = nextCaseNumber({ year, highWater: next.highWater, config: rules.settings.caseNumber });
    const o = openCase({ fields, actor, now, rules, caseNo: next.caseNo, existing });
    if (!o.ok) return o;
    const derived = derivedCells(o.c, rules, now, ports.directory.listPeople());
    ports.repo.saveCases([{ caseNo: next.caseNo, create: true, fields: sealed(o.c), derived }]);
    ports.counter.setHighWater(year, next.highWater);
    ports.audit.append(auditEntries([{ caseNo: next.caseNo, effects: o.effects }], actor, now, rules));
    return o;
  });
  if (!opened.ok) return opened;
  const caseNo = opened.c.caseNo as string;
  const items = [{ caseNo, effects: opened.effects, c: opened.c }];
  const sent = resolveNotices(items, { people: ports.directory.listPeople(), rules, now });
  if (sent.notices.length) ports.notifier.send(sent.notices);
  return {
    ok: true,
    caseNo,
    state: opened.c.state,
    warnings: [...opened.warnings, ...sent.warnings],
    forms: formOffers(items),
  };
}
