// The annex forms (附件3–7) as data: which annexes there are, which placeholder of each template is filled from
// which field or record and how it prints (dates as 2026年10月05日, ☑/☐ tick groups, an empty box for a missing
// value), when a case may have a form yet, who may open its folder, and the one Docs batchUpdate that fills a copy
// with every value inserted literally. Pure: the Drive/Docs engine is src/gas/forms-drive.ts.
import { toShanghaiDate, type LocalDate } from './dates';
import {
  CALLBACK_METHODS,
  FORMS,
  SATISFACTIONS,
  SOURCES,
  fieldLabel,
  type AnnexNo,
  type Case,
  type CaseKey,
  type Person,
  type Role,
} from './model';
import {
  ACTION_RULES,
  SIGN_OFFS,
  allowedRoles,
  inOwnDepartment,
  type ActionType,
  type WorkflowSettings,
} from './roles';

/** One annex: its number, the seed's title, the menu caption, the template file and the seed's labels. */
export interface AnnexSpec {
  no: AnnexNo;
  /** The form's name as the seed titles it (the office's name left out of annex 4's). */
  title: string;
  /** The 生成表单 menu item. */
  caption: string;
  /** `templates/<file>.html`. */
  file: string;
  /**
   * Every label the seed prints on this annex, word for word (the office's and the bureau's names are values).
   * The seed's annex 4 repeats a character in 信访人意见见 and its OCR lost two tick boxes (来电( 网上信访(); the
   * templates print 信访人意见 and □ there.
   */
  labels: readonly string[];
}

const PERSON_LABELS = ['信访人姓名', '人数', '联系电话', '身份证号码'] as const;
const SOURCE_FORM_LABELS = [
  '信访件来源',
  '上级',
  '信访件编号',
  '本级',
  '信访形式',
  '来信',
  '来访',
  '来电',
  '网上信访',
  '信访代办',
] as const;
const CALLBACK_LABELS = [
  '信访人意见',
  '满意',
  '基本满意',
  '不满意',
  '回访日期',
  '回访人签名',
  '回访方式',
  '电话',
  '当面',
  '是否进入周会商',
  '是否进入督查督办',
  '是',
  '否',
] as const;

/** The five annexes. */
export const ANNEXES: Readonly<Record<AnnexNo, AnnexSpec>> = {
  3: {
    no: 3,
    title: '“2211”信访流程办理单',
    caption: '附件3 “2211”信访流程办理单',
    file: 'annex3',
    labels: [
      '“2211”信访流程办理单',
      '单位名称（盖章）',
      '单号',
      ...PERSON_LABELS,
      '信访日期',
      '单位及住址',
      ...SOURCE_FORM_LABELS,
      '信访诉求',
      '信访办签收',
      '签名',
      '签收日期',
      '主职领导交办签批',
      '处理（答复）意见及结论',
      '事项承办人签名',
      '事项分管领导审核意见',
      '信访分管领导审核意见',
      '主职领导办结签批意见',
      '信访办回访',
      ...CALLBACK_LABELS,
      '注：此件扫描录入信访统一平台“其他材料（信访人不可见）”栏。',
    ],
  },
  4: {
    no: 4,
    title: '接待群众来访登记单',
    caption: '附件4 来访登记单',
    file: 'annex4',
    labels: [
      '接待群众来访登记单',
      '编号',
      ...PERSON_LABELS,
      '单位地址',
      '来访日期',
      '反映内容及诉求摘要',
      '接待部室（单位）意见',
      '签名',
      '事项分管领导意见',
      '办主要领导意见',
      '回访',
      ...CALLBACK_LABELS,
      '备注：请相关部室（单位）按此表处理完毕后，交信访办',
    ],
  },
  5: {
    no: 5,
    title: '信访人不满意核实件',
    caption: '附件5 不满意核实件',
    file: 'annex5',
    labels: [
      '号信访件信访人不满意核实件',
      ...PERSON_LABELS,
      '信访日期',
      '单位及住址',
      ...SOURCE_FORM_LABELS,
      '信访诉求',
      '核实件要求',
      '原处理（答复）意见及结论',
      '主职领导交办签批',
      '签名',
      '事项分管领导批示意见',
      '部长（主任）办理意见',
      '信访事项核实情况说明',
      '（可另附页）',
      '事项承办人签名',
    ],
  },
  6: {
    no: 6,
    title: '信访事项核实情况说明',
    caption: '附件6 核实情况说明',
    file: 'annex6',
    labels: [
      '关于',
      '信访事项',
      '核实情况说明',
      '签发人',
      '（需责任分管领导手签）',
      '12345政务热线信访事项（编号',
      '）为信访人评价不满意，经我单位再次调查核实，现将基本情况汇报如下：',
      '基本情况',
      '调查核实情况',
      '目前处理沟通情况',
    ],
  },
  7: {
    no: 7,
    title: '信访事项联系函',
    caption: '附件7 信访事项联系函',
    file: 'annex7',
    labels: [
      '信访事项联系函',
      '编号',
      '信访事项（编号',
      '）为我单位主办件，因涉贵单位有关职责，现将有关事项联系如下：',
      '一、基本情况',
      '二、协调联系事项',
      '请予以支持为感。',
    ],
  },
};

/** The annex numbers in order. */
export const ANNEX_NOS: readonly AnnexNo[] = [3, 4, 5, 6, 7];

/** A 联系函 (annex 7) as the form prints it: its number, the receiving unit, what is asked, when it was sent. */
export interface LetterFacts {
  letterNo?: string;
  unit?: string;
  matter?: string;
  sentDate?: LocalDate;
}

/** Everything a form prints besides the case: the office's and the bureau's names from 设置, the chosen 联系函. */
export interface FormContext {
  /** The case with its controls as the workflow recorded them (trustedCase). */
  c: Case;
  /** 设置「单位名称」 (the short name annex 4's title carries). */
  officeName: string;
  /** 设置「单位全称」: annex 3's 单位名称 and the signature of annexes 6 and 7. */
  officeFullName: string;
  /** 设置「上级信访部门」: the bureau annex 6 is addressed to and annex 7 names (绍兴市信访局). */
  bureau: string;
  /** Annex 7: the 联系函 the person picked (the newest by default). */
  letter?: LetterFacts;
}

/** One placeholder of the templates: `{{name}}`, what fills it (for docs/annex-boxes.md) and how it prints. */
export interface Box {
  name: string;
  source: string;
  render: (x: FormContext) => string;
}

/** The unfilled date line of the seed's signature blocks, left for a hand-written date. */
export const BLANK_DATE = '　　　　年　　月　　日';
export const TICKED = '☑';
export const UNTICKED = '☐';

/** '2026年10月05日' for a LocalDate or an instant (its Shanghai date); the blank date line when missing. */
export function formDate(v: LocalDate | Date | undefined | null): string {
  if (v === undefined || v === null || v === '') return BLANK_DATE;
  const s = v instanceof Date ? toShanghaiDate(v) : String(v);
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  return m ? `${m[1]}年${m[2]}月${m[3]}日` : BLANK_DATE;
}

/** A value as text: numbers as digits, booleans as 是/否, dates as form dates, nothing as ''. Never 'undefined'. */
export function formText(v: unknown): string {
  if (v === undefined || v === null) return '';
  if (v instanceof Date) return formDate(v);
  if (typeof v === 'boolean') return v ? '是' : '否';
  return String(v);
}

const field = (key: CaseKey, name: string, source?: string): Box => ({
  name,
  source: source ?? `台账「${fieldLabel(key)}」`,
  render: ({ c }) => formText(c[key]),
});
const dateOf = (key: CaseKey, name: string): Box => ({
  name,
  source: `台账「${fieldLabel(key)}」的日期`,
  render: ({ c }) => formDate(c[key] as LocalDate | Date | undefined),
});

/** A tick group: one box per option, ☑ for the case's value and ☐ for the others (all ☐ when unset). */
function ticks(group: string, key: CaseKey, options: readonly string[]): Box[] {
  return options.map((o) => ({
    name: `${group}:${o}`,
    source: `台账「${fieldLabel(key)}」为「${o}」时 ☑，否则 ☐`,
    render: ({ c }) => {
      const v = c[key];
      const chosen = typeof v === 'boolean' ? (v ? '是' : '否') : v;
      return chosen === o ? TICKED : UNTICKED;
    },
  }));
}

/** 基本情况 of annexes 6 and 7: who the petitioner is and what they ask (the forms are the record: full values). */
export function petitionSummary(c: Case): string {
  const who = [
    c.petitionerName ? `信访人：${c.petitionerName}` : '',
    c.personCount && c.personCount > 1 ? `人数：${c.personCount}` : '',
    c.idNumber ? `身份证号码：${c.idNumber}` : '',
    c.phone ? `联系电话：${c.phone}` : '',
    c.address ? `单位及住址：${c.address}` : '',
  ].filter(Boolean);
  const parts = [who.length ? `${who.join('，')}。` : '', c.demand ? `主要诉求：${c.demand}` : ''];
  return parts.join('');
}

/** The number a bureau or platform case is known by (信访件编号), or the office's own 编号 for its own cases. */
const bureauNo = (c: Case): string => c.upstreamNo || c.caseNo || '';

/** Every placeholder the templates use, by name. */
export const BOXES: Readonly<Record<string, Box>> = Object.fromEntries(
  (
    [
      { name: '单位名称', source: '设置「单位名称」', render: (x) => x.officeName },
      { name: '单位全称', source: '设置「单位全称」', render: (x) => x.officeFullName },
      { name: '信访局', source: '设置「上级信访部门」', render: (x) => x.bureau },
      field('caseNo', '编号'),
      {
        name: '信访件号',
        source: '台账「编号」（末尾的「号」不重复）',
        render: ({ c }) => formText(c.caseNo).replace(/号$/, ''),
      },
      field('petitionerName', '信访人姓名'),
      field('personCount', '人数'),
      field('phone', '联系电话'),
      field('idNumber', '身份证号码'),
      dateOf('petitionDate', '信访日期'),
      field('address', '单位及住址'),
      ...ticks('信访件来源', 'source', SOURCES),
      field('upstreamNo', '信访件编号', '台账「上级信访件编号」（本级件为空）'),
      ...ticks('信访形式', 'form', FORMS),
      field('demand', '信访诉求'),
      field('signedBy', '签收人'),
      dateOf('signedAt', '签收日期'),
      field('assignSignedBy', '交办签批人'),
      dateOf('assignSignedAt', '交办签批日期'),
      field('opinion', '处理意见'),
      field('handler', '事项承办人'),
      dateOf('handlerSignedAt', '承办人签名日期'),
      field('itemReviewOpinion', '事项分管领导审核意见'),
      field('itemReviewBy', '事项分管领导审核人'),
      dateOf('itemReviewAt', '事项分管领导审核日期'),
      field('petitionReviewOpinion', '信访分管领导审核意见'),
      field('petitionReviewBy', '信访分管领导审核人'),
      dateOf('petitionReviewAt', '信访分管领导审核日期'),
      field('closeSignOpinion', '办结签批意见'),
      field('closeSignedBy', '办结签批人'),
      dateOf('closeSignedAt', '办结签批日期'),
      ...ticks('信访人意见', 'satisfaction', SATISFACTIONS),
      dateOf('callbackDate', '回访日期'),
      field('callbackBy', '回访人'),
      ...ticks('回访方式', 'callbackMethod', CALLBACK_METHODS),
      ...ticks('是否进入周会商', 'weeklyConsult', ['是', '否']),
      ...ticks('是否进入督查督办', 'supervised', ['是', '否']),
      // Annex 4: the receiving department's opinion (部室负责人) and the office head's (办主要领导 signs a walk-in's
      // closure, so the closing sign-off fills it).
      field('receptionOpinion', '接待部室意见'),
      field('receptionBy', '接待部室签名'),
      dateOf('receptionAt', '接待部室意见日期'),
      field('closeSignOpinion', '办主要领导意见', '台账「办结签批意见」（现场接访件由主职领导办结签批）'),
      field('closeSignedBy', '办主要领导签名', '台账「办结签批人」'),
      dateOf('closeSignedAt', '办主要领导意见日期'),
      // Annex 5: its three sign-offs in the order it prints them, then the department's statement.
      field('verifyRequirement', '核实件要求'),
      field('verifyAssignSignedBy', '核实交办签批人'),
      dateOf('verifyAssignSignedAt', '核实交办签批日期'),
      field('verifyInstruction', '事项分管领导批示意见'),
      field('verifyInstructionBy', '事项分管领导批示人'),
      dateOf('verifyInstructionAt', '事项分管领导批示日期'),
      field('verifyHeadOpinion', '部长办理意见'),
      field('verifyHeadBy', '部长签名'),
      dateOf('verifyHeadAt', '部长办理意见日期'),
      field('verifyStatement', '核实情况说明'),
      field('verifyHandler', '核实承办人'),
      dateOf('verifySubmittedAt', '核实说明日期'),
      // Annex 6.
      { name: '信访事项编号', source: '台账「上级信访件编号」，本级件为「编号」', render: ({ c }) => bureauNo(c) },
      field('verifyIssuer', '签发人'),
      {
        name: '基本情况',
        source: '台账：信访人姓名、人数、身份证号码、联系电话、单位及住址、信访诉求',
        render: ({ c }) => petitionSummary(c),
      },
      field('verifyCommunication', '目前处理沟通情况'),
      dateOf('verifyIssuedAt', '签发日期'),
      // Annex 7.
      { name: '联系函编号', source: '联系函记录「联系函编号」', render: (x) => formText(x.letter?.letterNo) },
      {
        name: '联系单位',
        source: '联系函记录「收函单位」（没有记录时为台账「联系函单位」）',
        render: (x) => formText(x.letter?.unit ?? x.c.liaisonUnit),
      },
      { name: '协调联系事项', source: '联系函记录「协调联系事项」', render: (x) => formText(x.letter?.matter) },
      { name: '联系函日期', source: '联系函记录「发函日期」', render: (x) => formDate(x.letter?.sentDate) },
    ] as Box[]
  ).map((b) => [b.name, b]),
);

/** The placeholders each annex's template holds (a core test compares them with templates/*.html). */
export const ANNEX_BOXES: Readonly<Record<AnnexNo, readonly string[]>> = {
  3: [
    '单位全称',
    '编号',
    '信访人姓名',
    '人数',
    '联系电话',
    '身份证号码',
    '信访日期',
    '单位及住址',
    ...names(ticks('信访件来源', 'source', SOURCES)),
    '信访件编号',
    ...names(ticks('信访形式', 'form', FORMS)),
    '信访诉求',
    '签收人',
    '签收日期',
    '交办签批人',
    '交办签批日期',
    '处理意见',
    '事项承办人',
    '承办人签名日期',
    '事项分管领导审核意见',
    '事项分管领导审核人',
    '事项分管领导审核日期',
    '信访分管领导审核意见',
    '信访分管领导审核人',
    '信访分管领导审核日期',
    '办结签批意见',
    '办结签批人',
    '办结签批日期',
    ...callbackBoxes(),
  ],
  4: [
    '单位名称',
    '编号',
    '信访人姓名',
    '人数',
    '身份证号码',
    '联系电话',
    '单位及住址',
    '信访日期',
    '信访诉求',
    '接待部室意见',
    '接待部室签名',
    '接待部室意见日期',
    '事项分管领导审核意见',
    '事项分管领导审核人',
    '事项分管领导审核日期',
    '办主要领导意见',
    '办主要领导签名',
    '办主要领导意见日期',
    ...callbackBoxes(),
  ],
  5: [
    '信访件号',
    '信访人姓名',
    '人数',
    '联系电话',
    '身份证号码',
    '信访日期',
    '单位及住址',
    ...names(ticks('信访件来源', 'source', SOURCES)),
    '信访件编号',
    ...names(ticks('信访形式', 'form', FORMS)),
    '信访诉求',
    '核实件要求',
    '处理意见',
    '核实交办签批人',
    '核实交办签批日期',
    '事项分管领导批示意见',
    '事项分管领导批示人',
    '事项分管领导批示日期',
    '部长办理意见',
    '部长签名',
    '部长办理意见日期',
    '核实情况说明',
    '核实承办人',
    '核实说明日期',
  ],
  6: [
    '信访人姓名',
    '信访事项编号',
    '签发人',
    '信访局',
    '基本情况',
    '核实情况说明',
    '目前处理沟通情况',
    '单位全称',
    '签发日期',
  ],
  7: ['联系函编号', '联系单位', '信访局', '信访事项编号', '基本情况', '协调联系事项', '单位全称', '联系函日期'],
};

function names(boxes: Box[]): string[] {
  return boxes.map((b) => b.name);
}

function callbackBoxes(): string[] {
  return [
    ...names(ticks('信访人意见', 'satisfaction', SATISFACTIONS)),
    '回访日期',
    '回访人',
    ...names(ticks('回访方式', 'callbackMethod', CALLBACK_METHODS)),
    ...names(ticks('是否进入周会商', 'weeklyConsult', ['是', '否'])),
    ...names(ticks('是否进入督查督办', 'supervised', ['是', '否'])),
  ];
}

/** `{{name}}`: how a placeholder is written in a template. */
export const placeholder = (name: string): string => `{{${name}}}`;

/** The distinct placeholder names in a template's text, in order of first appearance. */
export function placeholdersIn(text: string): string[] {
  const out: string[] = [];
  for (const m of text.matchAll(/\{\{([^{}]+)\}\}/g)) if (!out.includes(m[1]!)) out.push(m[1]!);
  return out;
}

/** Each placeholder of an annex with the text it prints for this case. */
export function formValues(annex: AnnexNo, x: FormContext): { name: string; value: string }[] {
  return ANNEX_BOXES[annex].map((name) => {
    const box = BOXES[name];
    if (!box) throw new Error(`forms: annex ${annex} names a box the table lacks: ${name}`);
    return { name, value: box.render(x) };
  });
}

/** A Docs `replaceAllText` request, matching case, the text taken literally. */
export interface ReplaceAllText {
  replaceAllText: { containsText: { text: string; matchCase: true }; replaceText: string };
}

const replace = (text: string, by: string): ReplaceAllText => ({
  replaceAllText: { containsText: { text, matchCase: true }, replaceText: by },
});

/** Characters of Unicode's private use area that may mark a placeholder while it is being filled. */
const MARKS = Array.from({ length: 256 }, (_, i) => String.fromCharCode(0xe000 + i));

/**
 * The requests of the ONE batchUpdate that fills a copy of a template: every `{{name}}` first becomes a marker
 * `⟨open⟩n⟨close⟩` (two private-use characters no value contains), then each marker becomes its value. Docs applies
 * the requests in order, so a value is never searched again: a value holding `{{信访人姓名}}`, `$1`, `\`, `.*`
 * or another marker's text stays exactly as typed (replaceAllText matches literally; it has no regex or `$`
 * references unless asked).
 */
export function fillRequests(values: readonly { name: string; value: string }[]): ReplaceAllText[] {
  const used = values.map((v) => v.value).join('');
  const free = MARKS.filter((m) => !used.includes(m));
  if (free.length < 2) throw new Error('forms: the values use every private-use marker');
  const [open, close] = [free[0]!, free[1]!];
  const marker = (i: number): string => `${open}${i}${close}`;
  return [
    ...values.map((v, i) => replace(placeholder(v.name), marker(i))),
    ...values.map((v, i) => replace(marker(i), v.value)),
  ];
}

/** A case in the verification loop: the petitioner, or the platform's evaluation, said 不满意. */
function dissatisfied(c: Case): boolean {
  return (
    c.satisfaction === '不满意' || c.platformRating === '不满意' || c.state.startsWith('核实') || c.state === '已核实'
  );
}

/** Why a case may not have this form yet (Chinese, naming the case); null when it may. */
export function formProblem(annex: AnnexNo, c: Case, letters = 0): string | null {
  const no = c.caseNo || '（未编号信访件）';
  const caption = ANNEXES[annex].caption;
  switch (annex) {
    case 3:
      return c.state === '待签收' ? `${no} 尚未签收，签收后才能生成${caption}` : null;
    case 4:
      return c.form === '来访'
        ? null
        : `${no} 的信访形式为「${c.form || '未填'}」，${caption}只用于来访（现场接访）的信访件`;
    case 5:
      return dissatisfied(c)
        ? null
        : `${no} 的信访人意见为「${c.satisfaction || '未回访'}」，回访（或平台评价）不满意后才能生成${caption}`;
    case 6:
      return dissatisfied(c) && !!c.verifyStatement
        ? null
        : `${no} 尚未提交核实情况说明（「不满意核实 › 提交核实说明」），之后才能生成${caption}`;
    case 7:
      return letters > 0 || (c.letterCount ?? 0) > 0 || c.liaisonUnit
        ? null
        : `${no} 还没有联系函（「办理审核 › 发联系函」），之后才能生成${caption}`;
  }
}

/**
 * What the message after a step says about the forms it calls for (签收 → 附件3, a 不满意 回访 → 附件5, …): where
 * in the menu to generate each, for which cases.
 */
export function formOfferLines(offers: readonly { caseNo: string; annex: AnnexNo }[]): string[] {
  const byAnnex = new Map<AnnexNo, string[]>();
  for (const o of offers) byAnnex.set(o.annex, [...(byAnnex.get(o.annex) ?? []), o.caseNo]);
  return [...byAnnex].map(
    ([n, nos]) =>
      `可生成${ANNEXES[n].caption}：选中${nos.join('、')}所在行，点「信访台账 › 生成表单 › ${ANNEXES[n].caption}」`,
  );
}

/** The name of a generated document in Drive. */
export function formDocName(annex: AnnexNo, caseNo: string, letterNo?: string): string {
  return `${caseNo} ${ANNEXES[annex].caption}${letterNo ? `（${letterNo}）` : ''}`;
}

/** The prefix a replaced copy's name gets when it is moved into the case folder's 作废 subfolder. */
export const VOID_PREFIX = '〔作废〕';

/** The year folder a case's documents live under: the year of its 编号, else of its registration, else `now`'s. */
export function caseYear(c: Case, now: Date): number {
  const m = /[〔[［(（](\d{4})[〕\]］)）]/.exec(c.caseNo ?? '');
  if (m) return Number(m[1]);
  return Number(toShanghaiDate(c.registeredAt ?? now).slice(0, 4));
}

/** Roles of a department: they see their cases in the web app, never in the case folders. */
const DEPARTMENT_ROLES: readonly Role[] = ['部室联络员', '承办人', '部室负责人'];

/**
 * Who may open a case's folder: the 信访办 (writers) and the leaders who sign this case's forms (readers), as the
 * rule table names them for this case (a 检举控告 case: its own signers only); a 事项分管领导 only for the lines they
 * oversee. Departments never: they see what they need in the web app.
 */
export function folderSharing(
  c: Case,
  people: readonly Person[],
  settings: WorkflowSettings,
): { writers: string[]; readers: string[] } {
  // Every signature the forms print (the rule table's SIGN_OFFS), by the roles allowed to give it on this case.
  const signerRoles = new Set<Role>();
  for (const a of Object.keys(SIGN_OFFS) as ActionType[])
    for (const r of allowedRoles(ACTION_RULES[a], c, settings).roles)
      if (!DEPARTMENT_ROLES.includes(r)) signerRoles.add(r);
  const writers = people.filter((p) => p.roles.includes('信访办')).map((p) => p.email);
  const readers = people
    .filter((p) => !writers.includes(p.email))
    .filter((p) => p.roles.some((r) => signerRoles.has(r) && (r !== '事项分管领导' || inOwnDepartment(p, r, c))))
    .map((p) => p.email);
  return { writers: unique(writers), readers: unique(readers) };
}

function unique(list: string[]): string[] {
  return Array.from(new Set(list.filter(Boolean)));
}
