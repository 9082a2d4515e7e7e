// The small ports the use cases run over; src/gas implements them with Apps Script, tests in memory.
import type { Case, CaseState, Person } from '../core/model';
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
}

/** The 台账. */
export interface CaseRepo {
  /** The cases with these 编号, in any order; unknown numbers are simply absent. */
  loadByIds(ids: readonly string[]): Case[];
  loadAll(): Case[];
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
}

/** The 人员 sheet. */
export interface Directory {
  findByEmail(email: string): Person | null;
  listPeople(): Person[];
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
 * What a notice says about its case, as the case holds it: the notifier masks the name and the phone before anything
 * leaves the spreadsheet (decision 7), and never sends the ID number.
 */
export interface NoticeFacts {
  petitionerName?: string;
  phone?: string;
  matterType?: string;
  category?: string;
  department?: string;
  dueDate?: string;
}

/** One message to send: recipients' e-mail addresses, a text without personal data, and the case's facts. */
export interface Notice {
  to: string[];
  caseNo: string;
  text: string;
  facts?: NoticeFacts;
}

export interface Notifier {
  send(notices: readonly Notice[]): void;
}

/** The persisted per-year high-water mark of 编号 (Script Properties); read and written under the lock. */
export interface CaseCounter {
  highWater(year: number): number;
  setHighWater(year: number, seq: number): void;
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
}

/** A form the person should be offered to generate (附件3–7). */
export interface FormOffer {
  caseNo: string;
  annex: 3 | 4 | 5 | 6 | 7;
}
