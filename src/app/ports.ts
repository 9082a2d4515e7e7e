// The small ports the use cases run over; src/gas implements them with Apps Script, tests in memory.
import type { Case, CaseState, DerivedKey, Person } from '../core/model';
import type { NoticeContent } from '../core/notices';
import type { AnyRecord, NewRecord, RecordKind, RecordPatch } from '../core/records';
import type { Rules } from '../core/roles';

/** Columns to write for one case: only these fields, so nothing typed elsewhere in the row is touched. */
export interface CasePatch {
  caseNo: string;
  /** The sheet's handle of the row (e.g. its row number), when the row cannot yet be found by 编号. */
  ref?: string;
  /** Append a new row. */
  create?: boolean;
  /** Fields to write; a key present with value undefined clears the cell. */
  fields: Partial<Case>;
  /** Where the case stands as saved (当前环节, 环节期限…: src/app/derived.ts), written with it. */
  derived?: Partial<Record<DerivedKey, unknown>>;
}

/** The 台账. */
export interface CaseRepo {
  /**
   * The cases with these 编号, in any order; unknown numbers are simply absent. `rows`: where each case was last seen
   * (the workbench index), tried first and confirmed by the row's anchor before the 编号 are searched.
   */
  loadByIds(ids: readonly string[], rows?: ReadonlyMap<string, number>): Case[];
  /**
   * The cases at these rows, each the case its anchor names (`caseNo` '' for a row without one: not registered), for
   * an action on selected rows whose cases are read under the lock. Optional: a repo without rows has none.
   */
  loadAtRows?(rows: readonly number[]): { row: number; caseNo: string; c: Case }[];
  loadAll(): Case[];
  /** True when a row holds this 编号 (visible or as its anchor): the numbering never issues a number twice. */
  numberTaken(caseNo: string): boolean;
  /**
   * The cases that may share a petitioner with `c` (its ID number or phone found in those columns), with at least
   * 编号, 信访日期, 身份证号码, 联系电话 and 登记时间: what the repeat check compares, without the whole ledger. The
   * window (days before `c`'s 信访日期) says how far back: a year already archived is searched in its archive.
   */
  repeatPeers(c: Partial<Case>, windowDays: number): Case[];
  /** Writes all patches in one batch. */
  saveCases(patches: readonly CasePatch[]): void;
}

/** One line of the 操作日志 sheet. */
export interface AuditEntry {
  at: Date;
  actorEmail: string;
  actorName: string;
  caseNo: string;
  /** The action's Chinese caption, or 修改 / 登记 / 未经流程的状态修改. */
  action: string;
  fromState?: CaseState;
  toState?: CaseState;
  /** For a typed field edit: the column label and the values before and after, as text. */
  field?: string;
  oldValue?: string;
  newValue?: string;
  note: string;
}

export interface AuditLog {
  append(entries: readonly AuditEntry[]): void;
  /**
   * Optional: reads what the next append needs now, before the caller's other writes (an adapter whose reads commit
   * held writes saves a round trip); the append follows under the same lock.
   */
  prepare?(): void;
}

/** The 人员 sheet. */
export interface Directory {
  findByEmail(email: string): Person | null;
  listPeople(): Person[];
  /** The departments of the 部室 sheet, in order: 交办 goes to one of these. */
  departments(): string[];
}

export interface Clock {
  now(): Date;
}

/** Runs `fn` holding the script lock; throws an error with a code when the lock cannot be had. */
export interface Lock {
  withLock<T>(fn: () => T): T;
}

/** The 设置 sheet and the 节假日 sheet, read as the workflow's rules. */
export interface Settings {
  rules(): Rules;
}

/**
 * One message to send: the people it goes to (the notifier links each to where they act on the case) and what it
 * says, decided and masked in src/core/notices.ts — never the ID number or the phone.
 */
export interface Notice {
  to: Person[];
  caseNo: string;
  /** `镜访〔2026〕012号 已交办，请当天接处`: the case and what happened, masked. */
  text: string;
  content: NoticeContent;
}

export interface Notifier {
  send(notices: readonly Notice[]): void;
}

/** A numbered series of the office: case numbers (编号), or the numbers of its 联系函 (annex 7). */
export type NumberSeries = 'case' | 'letter';

/** The persisted per-year high-water mark of a numbered series (Script Properties); read and written under the lock. */
export interface CaseCounter {
  highWater(year: number, series?: NumberSeries): number;
  setHighWater(year: number, seq: number, series?: NumberSeries): void;
}

/**
 * The record sheets (one per kind of src/core/records.ts, keyed by 编号): lists a case keeps beside its ledger row.
 * Reads and writes are batched per kind; call them under the lock when the records decide what is written.
 */
export interface RecordStore {
  /**
   * The records of these cases, of the given kinds (all when none given), oldest first within a case and kind.
   * `since`: when each case was registered, where known (its records are all written since: a store may search less).
   */
  load(caseNos: readonly string[], kinds?: readonly RecordKind[], since?: ReadonlyMap<string, Date>): AnyRecord[];
  /** Appends records, one write per kind; a record without 序号 gets the next of its case and kind. */
  append(records: readonly NewRecord[]): void;
  /** Changes cells of stored records found by kind, 编号 and 序号 (an unknown one fails before anything is written). */
  update(patches: readonly RecordPatch[]): void;
  /** Optional: reads what appends of these kinds need now, before the caller's writes (as AuditLog.prepare). */
  prepare?(kinds: readonly RecordKind[]): void;
}

/** Everything a use case may touch. */
export interface Ports {
  repo: CaseRepo;
  audit: AuditLog;
  directory: Directory;
  clock: Clock;
  lock: Lock;
  settings: Settings;
  notifier: Notifier;
  counter: CaseCounter;
  records: RecordStore;
}

/** A form the person should be offered to generate (附件3–7). */
export interface FormOffer {
  caseNo: string;
  annex: 3 | 4 | 5 | 6 | 7;
}
