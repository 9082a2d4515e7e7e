// The case (信访件) model: states, roles, option lists and the ordered ledger fields with their Chinese labels.
import type { LocalDate } from './dates';

/**
 * Workflow states in the order a case lives them. Beyond the brief's list, each state names whose
 * turn it is (the reminders need that): 待交办签批 (a leader signs before 信访办 routes, annex 1),
 * 信访审核中 (the second review, by 信访分管领导), 待办结签批, 待回访 (after 系统回复), and the
 * verification loop of a dissatisfied case in annex 5's order: 核实中 (信访办 writes 核实件要求),
 * 核实待签批 (主职领导交办签批), 核实待批示 (事项分管领导批示), 核实办理中 (部长（主任）办理意见, then the
 * department's statement), 核实待签发 (the responsible leader signs the statement, annex 6), 核实待回复
 * (信访办 replies), 已核实.
 */
// prettier-ignore
export const CASE_STATES = [
  '待签收', '待交办签批', '待交办', '办理中', '已退单', '已转送', '审核中', '信访审核中', '待办结签批',
  '已办结', '待回访', '已回访', '核实中', '核实待签批', '核实待批示', '核实办理中', '核实待签发', '核实待回复',
  '已核实', '已归档',
] as const;
/** A workflow state. */
export type CaseState = (typeof CASE_STATES)[number];
/** States a case never leaves by the process (only by 更正). */
export const TERMINAL_STATES: readonly CaseState[] = ['已转送', '已归档'];

/**
 * Roles of the 人员 sheet. 部室负责人: a department's head (部长/主任), who gives annex 5's 部长（主任）办理意见 and
 * annex 4's 接待部室意见 for their department.
 */
// prettier-ignore
export const ROLES = [
  '信访办', '主职领导', '信访工作分管领导', '事项分管领导', '部室负责人', '部室联络员', '承办人',
] as const;
/** A role a person holds. */
export type Role = (typeof ROLES)[number];

/**
 * A person of the 人员 sheet; `departments`: their own (liaison, head, 承办人) or the lines they oversee (事项分管领导);
 * `liaisonSlot`: A or B for a 部室联络员 (双联络员制), when 人员 gives it.
 */
export interface Person {
  email: string;
  name: string;
  roles: Role[];
  departments: string[];
  liaisonSlot?: string;
  /** Their mobile (人员「手机」): staff's own numbers, used only to @-mention them in a DingTalk group. */
  mobile?: string;
}

export const SOURCES = ['上级', '本级'] as const;
export const FORMS = ['来信', '来访', '来电', '网上信访', '信访代办'] as const;
/** 事项类型: the 12345 kinds plus 申诉 (条例 Art. 31 申诉求决) and 其他. */
export const MATTER_TYPES = ['咨询', '求助', '投诉', '建议', '检举控告', '申诉', '其他'] as const;
export const DUE_SOURCES = ['计算', '手填'] as const;
export const CALLBACK_METHODS = ['电话', '当面'] as const;
export const SATISFACTIONS = ['满意', '基本满意', '不满意'] as const;
/** Annex 2 routing of a walk-in visit. */
export const VISIT_ROUTINGS = ['业务性较强', '综合性', '重大事项'] as const;
export const EXTENSION_DECISIONS = ['批准', '不批准'] as const;
/** 复查 (条例 Art. 35) and then 复核 (Art. 36). */
export const REVIEW_KINDS = ['复查', '复核'] as const;
/** What a 复查/复核 decides about the original handling opinion. */
export const REVIEW_OUTCOMES = ['维持', '变更', '撤销'] as const;

/** The events that may stop a platform case's 办结 clock (设置「平台件办结时点」); a 本级 case's stops at 办结签批. */
export const CLOSE_EVENTS = ['系统回复', '办结签批'] as const;
export type CloseEvent = (typeof CLOSE_EVENTS)[number];

export type Satisfaction = (typeof SATISFACTIONS)[number];
export type VisitRouting = (typeof VISIT_ROUTINGS)[number];

/** How a ledger cell is typed ('number': any non-negative number, e.g. working hours with a fraction). */
export type FieldKind = 'text' | 'date' | 'datetime' | 'int' | 'number' | 'enum' | 'bool';
/** The annex forms (附件3–7). */
export type AnnexNo = 3 | 4 | 5 | 6 | 7;

/**
 * One ledger column. `scriptOwned`: the app fills it; `tracked`: typed edits are logged old → new;
 * `control`: changes only through the workflow (编号, 状态, the sign-offs: who, when, the opinion), so a typed
 * change the rule table does not allow is put back; `hidden`: a script-owned column people do not see.
 */
export interface FieldSpec {
  key: string;
  label: string;
  kind: FieldKind;
  options?: readonly string[];
  scriptOwned: boolean;
  tracked: boolean;
  control?: boolean;
  hidden?: boolean;
  /** How an annex words this field where it differs from `label`. */
  annexLabels?: Partial<Record<AnnexNo, string>>;
}

interface Flags {
  own?: boolean;
  untracked?: boolean;
  control?: boolean;
  hidden?: boolean;
  annex?: Partial<Record<AnnexNo, string>>;
}

function spec<const K extends string, const T extends FieldKind, const O extends readonly string[] = never>(
  key: K,
  label: string,
  kind: T,
  flags: Flags = {},
  options?: O,
): {
  key: K;
  label: string;
  kind: T;
  options: O;
  scriptOwned: boolean;
  tracked: boolean;
  control?: boolean;
  hidden?: boolean;
  annexLabels?: Flags['annex'];
} {
  const s = {
    key,
    label,
    kind,
    options: options as O,
    scriptOwned: !!flags.own,
    tracked: !flags.untracked,
    ...(flags.control ? { control: true } : {}),
    ...(flags.hidden ? { hidden: true } : {}),
  };
  return flags.annex ? { ...s, annexLabels: flags.annex } : s;
}
const text = <const K extends string>(k: K, l: string, f?: Flags) => spec(k, l, 'text', f);
const date = <const K extends string>(k: K, l: string, f?: Flags) => spec(k, l, 'date', f);
/** When a workflow step happened: written by the workflow only. */
const at = <const K extends string>(k: K, l: string) => spec(k, l, 'datetime', { own: true, control: true });
const int = <const K extends string>(k: K, l: string, f?: Flags) => spec(k, l, 'int', f);
const num = <const K extends string>(k: K, l: string, f?: Flags) => spec(k, l, 'number', f);
const bool = <const K extends string>(k: K, l: string, f?: Flags) => spec(k, l, 'bool', f);
const oneOf = <const K extends string, const O extends readonly string[]>(k: K, l: string, o: O, f?: Flags) =>
  spec(k, l, 'enum', f, o);
/** Who signed a step: written by the workflow only. */
const signer = <const K extends string>(k: K, l: string) => text(k, l, { own: true, control: true });
/** A leader's opinion given with a sign-off: typed only by the person who may sign it, while they may. */
const opinionOf = <const K extends string>(k: K, l: string, annex?: Flags['annex']) =>
  text(k, l, { control: true, ...(annex ? { annex } : {}) });

/** The ledger (台账) columns in order; the sheet layer finds columns by `label`. */
export const CASE_FIELDS = [
  text('caseNo', '编号', { own: true, control: true, annex: { 3: '单号' } }),
  oneOf('state', '状态', CASE_STATES, { untracked: true, control: true }),
  date('petitionDate', '信访日期', { annex: { 4: '来访日期' } }),
  text('petitionerName', '信访人姓名'),
  int('personCount', '人数'),
  text('phone', '联系电话'),
  text('idNumber', '身份证号码'),
  text('address', '单位及住址', { annex: { 4: '单位地址' } }),
  oneOf('source', '信访件来源', SOURCES),
  text('upstreamNo', '上级信访件编号', { annex: { 3: '信访件编号', 5: '信访件编号' } }),
  oneOf('form', '信访形式', FORMS),
  oneOf('matterType', '事项类型', MATTER_TYPES),
  text('category', '问题类别'),
  text('demand', '信访诉求', { annex: { 4: '反映内容及诉求摘要' } }),
  oneOf('visitRouting', '接待方式', VISIT_ROUTINGS),
  text('department', '承办部室', { annex: { 4: '接待部室（单位）' } }),
  text('handler', '承办人', { annex: { 3: '事项承办人', 5: '事项承办人' } }),
  date('dueDate', '办理期限'),
  oneOf('dueSource', '期限来源', DUE_SOURCES, { own: true }),
  bool('dueProvisional', '期限暂定', { own: true, untracked: true }),
  text('opinion', '处理（答复）意见及结论', { annex: { 5: '原处理（答复）意见及结论' } }),
  date('closedDate', '办结日期', { own: true, control: true }),
  date('callbackDate', '回访日期', { own: true, control: true }),
  oneOf('callbackMethod', '回访方式', CALLBACK_METHODS),
  oneOf('satisfaction', '信访人意见', SATISFACTIONS),
  signer('callbackBy', '回访人'),
  int('callbackCount', '回访次数', { own: true, untracked: true }),
  oneOf('platformRating', '平台评价', SATISFACTIONS),
  date('platformRatedDate', '平台评价日期'),
  bool('weeklyConsult', '是否进入周会商'),
  bool('supervised', '是否进入督查督办'),
  bool('groupVisit', '集体访', { own: true, untracked: true }),
  text('repeatOf', '重复信访', { own: true, untracked: true }),
  text('intakeFlags', '登记提示', { own: true, untracked: true }),
  bool('unreasonable', '不合理诉求'),
  bool('procedureEnded', '信访程序终结到位'),
  bool('channelsTold', '其它诉求渠道告知到位'),
  bool('legalAid', '法律咨询援助到位'),
  bool('partlySolved', '合理要求部分解决到位'),
  bool('hardshipAid', '困难救助帮扶到位'),
  bool('measuresUsed', '综合措施运用到位'),
  bool('localEducation', '就地教育稳控到位'),
  at('registeredAt', '登记时间'),
  signer('registeredBy', '登记人'),
  signer('signedBy', '签收人'),
  at('signedAt', '签收时间'),
  signer('assignSignedBy', '交办签批人'),
  at('assignSignedAt', '交办签批时间'),
  opinionOf('assignSignOpinion', '交办签批意见'),
  at('assignedAt', '交办时间'),
  signer('receivedBy', '接收人'),
  at('receivedAt', '接收时间'),
  bool('receiveLate', '逾期接收', { own: true, untracked: true }),
  at('handlerSignedAt', '承办人签名时间'),
  opinionOf('receptionOpinion', '接待部室意见', { 4: '接待部室（单位）意见' }),
  signer('receptionBy', '接待部室签名人'),
  at('receptionAt', '接待部室意见时间'),
  signer('itemReviewBy', '事项分管领导审核人'),
  at('itemReviewAt', '事项分管领导审核时间'),
  opinionOf('itemReviewOpinion', '事项分管领导审核意见', { 4: '事项分管领导意见' }),
  signer('petitionReviewBy', '信访分管领导审核人'),
  at('petitionReviewAt', '信访分管领导审核时间'),
  opinionOf('petitionReviewOpinion', '信访分管领导审核意见'),
  signer('closeSignedBy', '办结签批人'),
  at('closeSignedAt', '办结签批时间'),
  opinionOf('closeSignOpinion', '办结签批意见', { 3: '主职领导办结签批意见', 4: '办主要领导意见' }),
  at('repliedAt', '系统回复时间'),
  text('returnReason', '退单原因'),
  signer('returnedBy', '退单人'),
  at('returnedAt', '退单时间'),
  num('returnLateHours', '退单超时工作小时', { own: true }),
  text('forwardedTo', '转送单位'),
  text('forwardReason', '转送理由'),
  at('forwardedAt', '转送时间'),
  text('redoReason', '退回重办原因'),
  at('redoAt', '退回重办时间'),
  text('verifyRequirement', '核实件要求'),
  at('verifyAssignedAt', '核实交办时间'),
  signer('verifyAssignSignedBy', '核实交办签批人'),
  at('verifyAssignSignedAt', '核实交办签批时间'),
  signer('verifyInstructionBy', '事项分管领导批示人'),
  at('verifyInstructionAt', '事项分管领导批示时间'),
  opinionOf('verifyInstruction', '事项分管领导批示意见'),
  signer('verifyHeadBy', '部长（主任）'),
  at('verifyHeadAt', '部长（主任）办理意见时间'),
  opinionOf('verifyHeadOpinion', '部长（主任）办理意见'),
  text('verifyStatement', '核实情况说明', { annex: { 5: '信访事项核实情况说明', 6: '调查核实情况' } }),
  text('verifyCommunication', '目前处理沟通情况'),
  text('verifyHandler', '核实承办人', { annex: { 5: '事项承办人' } }),
  at('verifySubmittedAt', '核实说明提交时间'),
  signer('verifyIssuer', '核实签发人'),
  at('verifyIssuedAt', '核实签发时间'),
  at('verifyRepliedAt', '核实回复时间'),
  int('extRequestDays', '延期申请天数'),
  text('extReason', '延期原因'),
  signer('extRequestedBy', '延期申请人'),
  at('extRequestedAt', '延期申请时间'),
  oneOf('extDecision', '延期审批结果', EXTENSION_DECISIONS, { own: true, control: true }),
  signer('extDecidedBy', '延期审批人'),
  at('extDecidedAt', '延期审批时间'),
  int('extTotalDays', '累计延期天数', { own: true, control: true }),
  int('letterCount', '联系函数', { own: true, untracked: true }),
  text('lastLetterNo', '联系函编号', { own: true }),
  text('liaisonUnit', '联系函单位'),
  text('letterMatter', '协调联系事项'),
  text('letterReply', '联系函回复'),
  date('letterReplyDate', '联系函回复日期'),
  oneOf('reviewKind', '复查复核类别', REVIEW_KINDS),
  date('reviewRequestDate', '复查复核申请日期'),
  date('reviewDueDate', '复查复核期限', { own: true }),
  oneOf('reviewOutcome', '复查复核结论', REVIEW_OUTCOMES),
  text('reviewOpinion', '复查复核意见'),
  date('reviewDecidedDate', '复查复核办结日期', { own: true }),
  at('archivedAt', '归档时间'),
  text('correctionReason', '更正原因'),
  signer('correctedBy', '更正人'),
  at('correctedAt', '更正时间'),
  // The current document of each annex generated for the case (附件3：<link>, one a line); every one, replaced ones
  // included, is a 文书 record (src/core/records.ts).
  text('documents', '文书', { own: true, untracked: true }),
  text('remarks', '备注', { untracked: true }),
  // The row's own record, hidden at the far right (a sort moves it with the row; a paste of case data rarely
  // reaches it): the controls as the workflow last wrote them, then the case's anchor, its 编号 as issued.
  text('controlRecord', '系统流程记录（勿改）', { own: true, untracked: true, hidden: true }),
  text('anchorNo', '系统编号（勿改）', { own: true, untracked: true, hidden: true }),
] as const satisfies readonly FieldSpec[];

type Field = (typeof CASE_FIELDS)[number];
type ValueOf<F extends Field> = F['kind'] extends 'enum'
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

/** A column's key. */
export type CaseKey = Field['key'];
/**
 * What a case's record (系统流程记录) keeps of its 签批记录: the rounds of each step signed so far and the highest 序号,
 * so a sign-off knows its round and 序号 without searching that sheet. A case recorded before the tally has none (its
 * next sign-off counts its records, and records the tally from then on).
 */
export interface SignoffTally {
  rounds: Readonly<Record<string, number>>;
  seq: number;
}

/** The tally of a case that has no sign-off yet. */
export const NO_SIGNOFFS: SignoffTally = { rounds: {}, seq: 0 };

/**
 * A case: every field optional (a ledger row may be half typed) except its state; `signoffs` is kept in its record,
 * not in a column of its own.
 */
export type Case = { [F in Field as F['key']]?: ValueOf<F> } & { state: CaseState; signoffs?: SignoffTally };

const BY_KEY = new Map<string, FieldSpec>(CASE_FIELDS.map((f) => [f.key, f]));

/** The spec of a column by key. */
export function fieldSpec(key: CaseKey): FieldSpec {
  return BY_KEY.get(key) as FieldSpec;
}

/** The Chinese label of a column. */
export function fieldLabel(key: CaseKey): string {
  return fieldSpec(key).label;
}

/** How a case is named in messages: its 编号, or a placeholder before one is assigned. */
export function caseLabel(c: { caseNo?: string }): string {
  return c.caseNo || '（未编号信访件）';
}

/** True for a walk-in visit received by this office (annex 2 and 4), as opposed to a platform case. */
export function isWalkIn(c: Case): boolean {
  return c.form === '来访' && c.source === '本级';
}

/** True for 检举控告类, signed by the 主职领导 at 交办 and 办结. */
export function isReport(c: Case): boolean {
  return c.matterType === '检举控告';
}

/** True when a value counts as filled in (not undefined, null or blank text). */
export function isFilled(v: unknown): boolean {
  return v !== undefined && v !== null && !(typeof v === 'string' && v.trim() === '');
}

/** True when a state is one of CASE_STATES. */
export function isCaseState(s: unknown): s is CaseState {
  return (CASE_STATES as readonly unknown[]).includes(s);
}

/** A ledger column the app derives (src/core/pending.ts): script-owned, never typed, not part of a Case. */
export interface DerivedFieldSpec {
  key: string;
  label: string;
  kind: 'int' | 'text' | 'datetime';
}

/**
 * Where the case stands, written whenever the case is saved and by the daily refresh: the node it waits on, that
 * node's deadline, 期限状态, who must act, and the working days left or over.
 */
export const DERIVED_FIELDS = {
  fields: [
    { key: 'currentNode', label: '当前环节', kind: 'text' },
    { key: 'nodeDue', label: '环节期限', kind: 'datetime' },
    { key: 'deadlineState', label: '期限状态', kind: 'text' },
    { key: 'actor', label: '待办方', kind: 'text' },
    { key: 'workdaysLeft', label: '剩余工作日', kind: 'int' },
    { key: 'overdueWorkdays', label: '超期工作日', kind: 'int' },
  ],
} as const satisfies { fields: readonly DerivedFieldSpec[] };

/** A derived column's key. */
export type DerivedKey = (typeof DERIVED_FIELDS.fields)[number]['key'];

/**
 * The columns people read first, in this order (编号 and 状态 frozen); every other column follows in the model's
 * order, the hidden ones last.
 */
export const LEDGER_LEAD: readonly (CaseKey | DerivedKey)[] = [
  'caseNo',
  'state',
  'currentNode',
  'nodeDue',
  'deadlineState',
  'actor',
  'petitionDate',
  'petitionerName',
  'matterType',
  'demand',
  'department',
  'workdaysLeft',
  'overdueWorkdays',
];

/** How many lead columns stay in view while scrolling right: 编号 and 状态. */
export const FROZEN_LEAD = 2;

/**
 * Column groups, collapsed (one click on the group's ＋ opens it; adjacent groups would merge into one, so a column
 * in view stands between any two): the sign-off and audit trail after 登记时间 and 登记人, the verification
 * loop's, the extension's and the correction's, and the 七个到位 checklist (不合理诉求, which calls for it, stays in view). Each runs from one key to another in the
 * model's order.
 */
export const COLUMN_GROUPS: readonly { name: string; from: CaseKey; to: CaseKey }[] = [
  { name: '七个到位', from: 'procedureEnded', to: 'localEducation' },
  { name: '签批与经办记录', from: 'signedBy', to: 'repliedAt' },
  { name: '核实签批记录', from: 'verifyAssignedAt', to: 'verifyRepliedAt' },
  { name: '延期记录', from: 'extRequestedBy', to: 'extTotalDays' },
  { name: '更正记录', from: 'correctionReason', to: 'correctedAt' },
];

/** Every ledger column in sheet order: the lead columns, then the case's other fields in the model's order. */
export function ledgerFields(): readonly (FieldSpec | DerivedFieldSpec)[] {
  const derived = new Map<string, FieldSpec | DerivedFieldSpec>(DERIVED_FIELDS.fields.map((f) => [f.key, f]));
  const lead = LEDGER_LEAD.map((k) => derived.get(k) ?? fieldSpec(k as CaseKey));
  const rest = (CASE_FIELDS as readonly FieldSpec[]).filter((f) => !LEDGER_LEAD.includes(f.key as CaseKey));
  return [...lead, ...rest];
}

/** Every ledger column's label: the ones a header must hold once, and only once. */
export function ledgerLabels(): string[] {
  return ledgerFields().map((f) => f.label);
}
