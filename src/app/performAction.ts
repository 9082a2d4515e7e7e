// A workflow action on one or more cases (menu, sidebar): lock → load (cases, their records) → decide → save (cases,
// records, log) → notify.
import { formatCaseNumber } from '../core/caseNumber';
import { sealed, trustedCase } from '../core/controls';
import { toShanghaiDate, yearOf } from '../core/dates';
import { CASE_STATES, isCaseState, type Case, type CaseState, type Person } from '../core/model';
import {
  ACTION_RECORDS,
  ACTION_TYPES,
  type Action,
  type ActionType,
  type DecideContext,
  type Rules,
} from '../core/roles';
import { decide, type Decision } from '../core/workflow';
import { caseVersion } from '../core/workbench';
import { coerceRow, type RawRow } from './coerce';
import { derivedCells } from './derived';
import { auditEntries, diffFields, formOffers, recordWrites, resolveNotices, type DecidedEffects } from './effects';
import type { CasePatch, FormOffer, Ports } from './ports';

/** What the person asked for: the selected 编号, the action id, and what they entered with it. */
export interface PerformRequest {
  caseIds: readonly string[];
  action: string;
  actorEmail: string;
  input?: { fields?: RawRow; toState?: string };
  /** Where each case was last seen (the workbench index): tried first, confirmed by the row's anchor. */
  rows?: ReadonlyMap<string, number>;
  /**
   * Selected rows whose cases are not known yet (caseIds then empty): each is the case its anchor names, read under
   * the lock; a row without one is refused as not registered.
   */
  atRows?: readonly number[];
  /**
   * The version (caseVersion) of each case as the person's page showed it: a case that changed since is refused as
   * stale, under the lock, before anything is decided.
   */
  versions?: Readonly<Record<string, string>>;
}

/** Per case: done (with the new state) or refused (with the reason); forms to offer; notice warnings. */
export interface PerformResult {
  done: { caseNo: string; state: CaseState }[];
  refused: { caseNo: string; reason: string }[];
  forms: FormOffer[];
  warnings: string[];
}

/** A page that showed a case before someone else acted on it. */
export const STALE_PAGE = '该件已被他人办理，请刷新';

const isActionType = (s: string): s is ActionType => (ACTION_TYPES as readonly string[]).includes(s);

/** Reads the request into an action and its actor, or one reason that refuses every case. */
function prepare(req: PerformRequest, ports: Ports, now: Date): { action: Action; actor: Person } | string {
  if (!isActionType(req.action)) return `未知的操作「${req.action}」`;
  const actor = ports.directory.findByEmail(req.actorEmail);
  if (!actor) return `${req.actorEmail} 未在「人员」表登记，不能办理`;
  const { c: fields, issues } = coerceRow(req.input?.fields ?? {}, now);
  if (issues.length) return issues.map((i) => i.message).join('；');
  const toState = req.input?.toState;
  if (toState !== undefined && !isCaseState(toState)) {
    return `「${toState}」不是有效的状态（可选：${CASE_STATES.join('、')}）`;
  }
  const action: Action = { type: req.action, fields: fields as Partial<Case> };
  if (toState) action.toState = toState;
  return { action, actor };
}

/**
 * Decides the action on each case under the lock and saves what changed in one batch (cases, records, log), then
 * mails the notices. `announce`, when given, is told the result once it is saved, before the notices go out (a person
 * can be told at once; a mail that then fails is in `ports`' failures).
 */
export function performAction(
  req: PerformRequest,
  ports: Ports,
  announce?: (result: PerformResult) => void,
): PerformResult {
  const now = ports.clock.now();
  const ids = Array.from(new Set(req.caseIds));
  const result: PerformResult = { done: [], refused: [], forms: [], warnings: [] };
  const prepared = prepare(req, ports, now);
  if (typeof prepared === 'string') {
    result.refused = [...ids, ...(req.atRows ?? []).map(rowLabel)].map((caseNo) => ({ caseNo, reason: prepared }));
    return result;
  }
  const { action, actor } = prepared;
  const rules = ports.settings.rules();
  const items: DecidedEffects[] = [];
  ports.lock.withLock(() => {
    // A row is the case its anchor names; its controls are what its record says, whatever the cells show.
    const loadedCases = loadCases(req, ids, ports, result);
    const byNo = new Map(loadedCases.map((c) => [c.anchorNo || c.caseNo, { loaded: c, trusted: trustedCase(c) }]));
    const trusted = [...byNo.values()].map((x) => x.trusted);
    const kinds = ACTION_RECORDS[action.type] ?? [];
    // A sign-off's round and 序号 come from the case's tally; only a case recorded before it has its 签批记录 searched.
    const needed = kinds.filter((k) => k !== 'signoff' || trusted.some((c) => !c.signoffs));
    const records = needed.length ? ports.records.load(ids, needed, registrations(trusted)) : [];
    const departments = action.type === 'assign' ? ports.directory.departments() : undefined;
    const letters = letterNumbers(action.type, ports, rules, now);
    const people = ports.directory.listPeople();
    const patches: CasePatch[] = [];
    for (const caseNo of ids) {
      const found = byNo.get(caseNo);
      const context: DecideContext = {
        records: records.filter((r) => r.caseNo === caseNo),
        ...(departments ? { departments } : {}),
        ...(letters ? { letterNo: letters.peek() } : {}),
      };
      const seen = req.versions?.[caseNo];
      const d: Decision = !found
        ? { ok: false, reason: `未找到编号为「${caseNo}」的信访件` }
        : seen !== undefined && caseVersion(found.trusted) !== seen
          ? { ok: false, reason: STALE_PAGE }
          : decide(found.trusted, action, actor, now, rules, context);
      if (!d.ok) {
        result.refused.push({ caseNo, reason: d.reason });
        continue;
      }
      letters?.take();
      patches.push({
        caseNo,
        fields: diffFields(found!.loaded, sealed(d.next)),
        derived: derivedCells(d.next, rules, now, people),
      });
      items.push({ caseNo, effects: d.effects, c: d.next });
      result.done.push({ caseNo, state: d.next.state });
    }
    if (patches.length === 0) return;
    ports.audit.prepare?.();
    ports.records.prepare?.(kinds);
    ports.repo.saveCases(patches);
    letters?.save();
    // The log before the records: it is the record of each case's state, and parks its lines when Sheets fails.
    ports.audit.append(auditEntries(items, actor, now, rules));
    const writes = recordWrites(items);
    if (writes.append.length) ports.records.append(writes.append);
    if (writes.update.length) ports.records.update(writes.update);
  });
  const sent = resolveNotices(items, { people: ports.directory.listPeople(), rules, now });
  result.forms = formOffers(items);
  result.warnings = sent.warnings;
  announce?.(result);
  if (sent.notices.length) ports.notifier.send(sent.notices);
  return result;
}

/**
 * When each case was registered (from its sealed record, so pass trusted cases), by the 编号 its anchor names: its
 * records were all written since, so the record sheets search from there on.
 */
export function registrations(cases: readonly Case[]): Map<string, Date> {
  return new Map(
    cases.flatMap((c) => {
      const no = c.anchorNo || c.caseNo;
      return no && c.registeredAt instanceof Date ? [[no, c.registeredAt] as const] : [];
    }),
  );
}

/** What a selected row that holds no registered case is told, by its row numbers. */
export function notRegistered(rows: readonly number[]): string {
  return `第 ${rows.join('、')} 行还没有登记，不是已登记的信访件。`;
}

const rowLabel = (row: number): string => `第 ${row} 行`;

/**
 * The cases of the request under the lock: by 编号 (the rows as hints), or the selected rows as their anchors name
 * them — those 编号 joining `ids`, a row without one refused in `result`.
 */
function loadCases(req: PerformRequest, ids: string[], ports: Ports, result: PerformResult): Case[] {
  if (!req.atRows?.length) return ports.repo.loadByIds(ids, req.rows);
  if (!ports.repo.loadAtRows) throw new Error('loadAtRows: this repo has no rows');
  const cases: Case[] = [];
  for (const { row, caseNo, c } of ports.repo.loadAtRows(req.atRows)) {
    if (!caseNo) result.refused.push({ caseNo: rowLabel(row), reason: notRegistered([row]) });
    else if (!ids.includes(caseNo)) {
      ids.push(caseNo);
      cases.push(c);
    }
  }
  return cases;
}

/**
 * The 联系函 numbers of this run, drawn from the year's counter under the lock: `peek` the next, `take` it once a
 * letter is decided, `save` the counter after the letters are written. Null for any other action.
 */
function letterNumbers(
  type: ActionType,
  ports: Ports,
  rules: Rules,
  now: Date,
): { peek: () => string; take: () => void; save: () => void } | null {
  if (type !== 'liaisonLetter') return null;
  const year = yearOf(toShanghaiDate(now));
  const start = ports.counter.highWater(year, 'letter');
  let seq = start;
  return {
    peek: () => formatCaseNumber(year, seq + 1, rules.settings.letterNumber),
    take: () => void seq++,
    save: () => (seq > start ? ports.counter.setHighWater(year, seq, 'letter') : undefined),
  };
}
