// Records that are lists — every 回访, every 联系函, every sign-off of every round, every 复查/复核 request — kept one
// sheet per kind keyed by 编号 (the ledger keeps only the latest and a count). Each kind is declared once in
// RECORD_KINDS: setup lays its sheet out from it, the adapter (src/gas/records.ts) reads and writes it by these labels,
// the app reaches it through the RecordStore port (src/app/ports.ts).
import type { LocalDate } from './dates';
import { CALLBACK_METHODS, REVIEW_KINDS, REVIEW_OUTCOMES, SATISFACTIONS, type FieldKind } from './model';

/** One column of a record sheet; `kind` and `options` mean what they mean in the field model. */
export interface RecordFieldSpec {
  key: string;
  label: string;
  kind: FieldKind;
  options?: readonly string[];
}

/** A record kind: its sheet, the noun people read (回访, 联系函…), and its own columns after the common ones. */
export interface RecordKindSpec {
  sheet: string;
  noun: string;
  fields: readonly RecordFieldSpec[];
}

const field = <const K extends string, const T extends FieldKind, const O extends readonly string[] = never>(
  key: K,
  label: string,
  kind: T,
  options?: O,
) => ({ key, label, kind, ...(options ? { options } : {}) }) as { key: K; label: string; kind: T; options: O };

/** Where a 回访 record's answer came from: the office's own call-back, or the platform's evaluation. */
export const CALLBACK_SOURCES = ['回访', '平台评价'] as const;

/** A generated document is current until a new copy of the same form replaces it. */
export const DOCUMENT_STATUSES = ['现行', '作废'] as const;

/**
 * The columns every record starts with: the case it belongs to (its 编号 as issued), its place among that case's
 * records of the kind (序号, 1 = the first), when it was recorded and by whom (for a sign-off: the signer and the time).
 */
export const RECORD_COMMON = [
  field('caseNo', '编号', 'text'),
  field('seq', '序号', 'int'),
  field('at', '时间', 'datetime'),
  field('by', '经办人', 'text'),
] as const;

/**
 * Every record kind. A new kind is one entry here (sheet name, noun, columns): setup creates its sheet, the adapter
 * reads and writes it, and the types below follow.
 */
export const RECORD_KINDS = {
  /** Each call-back and each evaluation the platform reports (annexes 3 and 4: 信访办回访). */
  callback: {
    sheet: '回访记录',
    noun: '回访',
    fields: [
      field('source', '来源', 'enum', CALLBACK_SOURCES),
      field('date', '回访日期', 'date'),
      field('method', '回访方式', 'enum', CALLBACK_METHODS),
      field('satisfaction', '信访人意见', 'enum', SATISFACTIONS),
    ],
  },
  /** Each 信访事项联系函 (annex 7) and its reply. */
  letter: {
    sheet: '联系函',
    noun: '联系函',
    fields: [
      field('letterNo', '联系函编号', 'text'),
      field('unit', '收函单位', 'text'),
      field('matter', '协调联系事项', 'text'),
      field('sentDate', '发函日期', 'date'),
      field('reply', '回复内容', 'text'),
      field('replyDate', '回复日期', 'date'),
    ],
  },
  /**
   * Each signature a form prints (who and when are the common 经办人 and 时间), of every round: a case sent back for
   * redoing, or verified twice, is signed again, and the ledger shows only the latest.
   */
  signoff: {
    sheet: '签批记录',
    noun: '签批',
    fields: [
      field('step', '环节', 'text'),
      field('round', '轮次', 'int'),
      field('role', '角色', 'text'),
      field('opinion', '意见', 'text'),
    ],
  },
  /** Each 复查 or 复核 request and its outcome (条例 Art. 35–36: 30 日 to decide). */
  review: {
    sheet: '复查复核',
    noun: '复查复核',
    fields: [
      field('reviewKind', '类别', 'enum', REVIEW_KINDS),
      field('requestDate', '申请日期', 'date'),
      field('dueDate', '办理期限', 'date'),
      field('outcome', '结论', 'enum', REVIEW_OUTCOMES),
      field('opinion', '复查复核意见', 'text'),
      field('decidedDate', '办结日期', 'date'),
    ],
  },
  /**
   * Each document generated from an annex template (src/core/forms.ts): the current one of a case's annex (or of
   * each 联系函), and the ones it replaced, marked 作废 (their files renamed 〔作废〕 into the case folder's 作废).
   */
  document: {
    sheet: '文书',
    noun: '文书',
    fields: [
      field('annex', '附件', 'text'),
      field('title', '文书名称', 'text'),
      field('letterNo', '联系函编号', 'text'),
      field('docUrl', '文档链接', 'text'),
      field('pdfUrl', 'PDF链接', 'text'),
      field('status', '文书状态', 'enum', DOCUMENT_STATUSES),
    ],
  },
} as const satisfies Record<string, RecordKindSpec>;

type Kinds = typeof RECORD_KINDS;
/** A record kind's id (callback, letter, signoff, review…). */
export type RecordKind = keyof Kinds;
/** Every kind, in the order setup lays the sheets out. */
export const RECORD_KIND_IDS = Object.keys(RECORD_KINDS) as RecordKind[];

type ValueOf<F extends { kind: FieldKind; options: readonly string[] }> = F['kind'] extends 'enum'
  ? F['options'][number]
  : F['kind'] extends 'int' | 'number'
    ? number
    : F['kind'] extends 'bool'
      ? boolean
      : F['kind'] extends 'datetime'
        ? Date
        : F['kind'] extends 'date'
          ? LocalDate
          : string;

/** What every record holds. */
export interface RecordBase {
  caseNo: string;
  seq: number;
  at: Date;
  by: string;
}

/** A record of kind K: the common columns, then its own (each optional: a sheet row may be half typed). */
export type RecordOf<K extends RecordKind> = RecordBase & { kind: K } & {
  [F in Kinds[K]['fields'][number] as F['key']]?: ValueOf<F>;
};

/** A record of any kind, told apart by `kind`. */
export type AnyRecord = { [K in RecordKind]: RecordOf<K> }[RecordKind];

/** A record to append: `seq` may be left out, and the store gives it the next 序号 of its case and kind. */
export type NewRecord = { [K in RecordKind]: Omit<RecordOf<K>, 'seq'> & { seq?: number } }[RecordKind];

/** Cells to change in one stored record, found by kind, 编号 and 序号 (e.g. a 联系函's reply). */
export type RecordPatch = {
  [K in RecordKind]: {
    kind: K;
    caseNo: string;
    seq: number;
    fields: Partial<Omit<RecordOf<K>, keyof RecordBase | 'kind'>>;
  };
}[RecordKind];

/** The spec of a kind. */
export function recordSpec(kind: RecordKind): RecordKindSpec {
  return RECORD_KINDS[kind];
}

/** Every column of a kind's sheet, in order: the common ones, then its own. */
export function recordColumns(kind: RecordKind): readonly RecordFieldSpec[] {
  return [...RECORD_COMMON, ...RECORD_KINDS[kind].fields];
}

/** The records of one kind (and one case, when given), in the order they were made. */
export function recordsOf<K extends RecordKind>(
  records: readonly AnyRecord[],
  kind: K,
  caseNo?: string,
): RecordOf<K>[] {
  return records
    .filter((r): r is RecordOf<K> & AnyRecord => r.kind === kind && (caseNo === undefined || r.caseNo === caseNo))
    .sort((a, b) => a.seq - b.seq);
}

/** The newest record of a kind for a case (highest 序号), or undefined. */
export function latestRecord<K extends RecordKind>(
  records: readonly AnyRecord[],
  kind: K,
  caseNo?: string,
): RecordOf<K> | undefined {
  const list = recordsOf(records, kind, caseNo);
  return list[list.length - 1];
}

/** The 序号 the next record of this kind for this case takes: one more than the highest so far. */
export function nextSeq(records: readonly AnyRecord[], kind: RecordKind, caseNo: string): number {
  return records.reduce((max, r) => (r.kind === kind && r.caseNo === caseNo ? Math.max(max, r.seq) : max), 0) + 1;
}
