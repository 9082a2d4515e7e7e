// In-memory ports for the use-case tests: a ledger of rows, an audit list, a mailbox, a counter and a lock that is checked.
import type {
  AuditEntry,
  CaseCounter,
  CasePatch,
  CaseRepo,
  Directory,
  Lock,
  Notice,
  Ports,
  RecordStore,
} from '../../src/app/ports';
import { WorkCalendar } from '../../src/core/calendar';
import { fromShanghai } from '../../src/core/dates';
import { DEFAULT_TIME_LIMITS } from '../../src/core/deadlines';
import type { Case, Person } from '../../src/core/model';
import { nextSeq, RECORD_KIND_IDS, type AnyRecord } from '../../src/core/records';
import { DEFAULT_SETTINGS, type Rules, type WorkflowSettings } from '../../src/core/roles';

export const DEPT = '规划建设部';
const person = (name: string, roles: Person['roles'], departments: string[] = []): Person => ({
  email: `${name}@jinghu.example`,
  name,
  roles,
  departments,
});
export const office = person('王芳', ['信访办'], ['综合事务部']);
export const petitionLeader = person('李四', ['信访工作分管领导']);
export const chief = person('赵强', ['主职领导']);
export const lineLeader = person('钱进', ['事项分管领导'], [DEPT]);
export const liaison = person('孙立', ['部室联络员'], [DEPT]);
export const liaisonB = person('郑晓', ['部室联络员'], [DEPT]);
export const handler = person('周明', ['承办人'], [DEPT]);
export const generalLiaison = person('陈静', ['部室联络员'], ['综合事务部']);
export const head = person('吴刚', ['部室负责人'], [DEPT]);
export const PEOPLE = [office, petitionLeader, chief, lineLeader, liaison, liaisonB, handler, generalLiaison, head];

/** A ledger row: its handle and the values as stored. */
export interface Row {
  ref: string;
  c: Case;
}

/** The whole in-memory world of one test. */
export interface World {
  ports: Ports;
  rows: Row[];
  audit: AuditEntry[];
  sent: Notice[];
  saves: CasePatch[][];
  highWater: Map<number, number>;
  /** The record sheets' rows, every kind together, in the order they were written. */
  records: AnyRecord[];
  clock: { now: Date };
  rules: Rules;
}

export function memoryWorld(
  opts: { cases?: Case[]; now?: Date; people?: Person[]; settings?: Partial<WorkflowSettings> } = {},
): World {
  let locked = 0;
  const rows: Row[] = (opts.cases ?? []).map((c, i) => ({ ref: `row-${i + 2}`, c: { ...c } }));
  const audit: AuditEntry[] = [];
  const sent: Notice[] = [];
  const saves: CasePatch[][] = [];
  const highWater = new Map<number, number>();
  const letterHighWater = new Map<number, number>();
  const records: AnyRecord[] = [];
  const clock = { now: opts.now ?? fromShanghai(2026, 3, 2, 9, 0) };
  const rules: Rules = {
    settings: { ...DEFAULT_SETTINGS, ...opts.settings },
    limits: DEFAULT_TIME_LIMITS,
    calendar: WorkCalendar.withDefaults(),
  };
  const people = opts.people ?? PEOPLE;
  const mustHoldLock = (what: string): void => {
    if (locked === 0) throw new Error(`${what} outside the lock`);
  };
  const repo: CaseRepo = {
    loadByIds: (ids) => rows.filter((r) => ids.includes(r.c.caseNo ?? '')).map((r) => ({ ...r.c })),
    loadAll: () => rows.map((r) => ({ ...r.c })),
    numberTaken: (no) => rows.some((r) => r.c.caseNo === no || r.c.anchorNo === no),
    repeatPeers: () => rows.map((r) => ({ ...r.c })),
    saveCases: (patches) => {
      mustHoldLock('saveCases');
      saves.push([...patches]);
      for (const p of patches) applyPatch(rows, p);
    },
  };
  const lock: Lock = {
    withLock: (fn) => {
      locked++;
      try {
        return fn();
      } finally {
        locked--;
      }
    },
  };
  const directory: Directory = {
    findByEmail: (email) => people.find((p) => p.email === email) ?? null,
    listPeople: () => people,
    departments: () => [DEPT, '综合事务部'],
  };
  const counter: CaseCounter = {
    highWater: (year, series = 'case') => (series === 'case' ? highWater : letterHighWater).get(year) ?? 0,
    setHighWater: (year, seq, series = 'case') => {
      mustHoldLock('setHighWater');
      (series === 'case' ? highWater : letterHighWater).set(year, seq);
    },
  };
  const recordStore: RecordStore = {
    load: (caseNos, kinds = RECORD_KIND_IDS) =>
      records.filter((r) => caseNos.includes(r.caseNo) && kinds.includes(r.kind)).map((r) => ({ ...r })),
    append: (list) => {
      mustHoldLock('records.append');
      for (const r of list) records.push({ ...r, seq: r.seq ?? nextSeq(records, r.kind, r.caseNo) } as AnyRecord);
    },
    update: (patches) => {
      mustHoldLock('records.update');
      for (const p of patches) {
        const r = records.find((x) => x.kind === p.kind && x.caseNo === p.caseNo && x.seq === p.seq);
        if (!r) throw new Error(`no ${p.kind} record ${p.caseNo} #${p.seq}`);
        Object.assign(r, p.fields);
      }
    },
  };
  const ports: Ports = {
    repo,
    lock,
    directory,
    counter,
    audit: { append: (entries) => (mustHoldLock('audit'), audit.push(...entries)) },
    clock: { now: () => clock.now },
    settings: { rules: () => rules },
    notifier: { send: (notices) => sent.push(...notices) },
    records: recordStore,
  };
  return { ports, rows, audit, sent, saves, highWater, records, clock, rules };
}

/** The notices sent, as [the recipients' e-mails, the notice's line]. */
export function mailbox(w: World): [string[], string][] {
  return w.sent.map((n) => [n.to.map((p) => p.email), n.text]);
}

function applyPatch(rows: Row[], p: CasePatch): void {
  let row = (p.ref && rows.find((r) => r.ref === p.ref)) || rows.find((r) => r.c.caseNo === p.caseNo);
  if (!row) {
    if (!p.create) throw new Error(`no row for ${p.caseNo}`);
    row = { ref: `row-${rows.length + 2}`, c: { state: '待签收' } };
    rows.push(row);
  }
  const target = row.c as Record<string, unknown>;
  for (const [k, v] of Object.entries(p.fields)) {
    if (v === undefined) delete target[k];
    else target[k] = v;
  }
}

/** The stored case with this 编号. */
export function caseOf(world: World, caseNo: string): Case {
  const row = world.rows.find((r) => r.c.caseNo === caseNo);
  if (!row) throw new Error(`no case ${caseNo}`);
  return row.c;
}
