// Menu actions on the selected rows: check the person and the rule table first, ask for what the action needs in a
// dialog, then perform it under the lock by 编号 and tell the person what happened.
import {
  notRegistered,
  performAction,
  registrations,
  type PerformRequest,
  type PerformResult,
} from '../app/performAction';
import { caseCard, type CaseCard } from '../core/card';
import { trustedCase } from '../core/controls';
import { formOfferLines } from '../core/forms';
import { fieldSpec, type CaseKey, type Person } from '../core/model';
import { REQUIRED_INPUT } from '../core/required';
import {
  ACTION_RULES,
  CARD_ACTIONS,
  CORRECTION_TARGETS,
  roleProblem,
  stateProblem,
  type ActionType,
} from '../core/roles';
import { SHEET } from './layout';
import { formPage } from './pages';
import { gasPorts, type GasPorts } from './ports';
import { LedgerError } from './table';

/** What each action asks for in its dialog (beyond these, the case's own cells are used). */
export const ACTION_INPUTS: Readonly<Record<ActionType, readonly CaseKey[]>> = {
  sign: [],
  approveAssign: ['assignSignOpinion'],
  assign: ['department'],
  receive: [],
  returnCase: ['returnReason'],
  forward: ['forwardedTo', 'forwardReason'],
  submit: ['handler', 'opinion'],
  receptionOpinion: ['receptionOpinion'],
  itemReview: ['itemReviewOpinion'],
  petitionReview: ['petitionReviewOpinion'],
  approveClose: ['closeSignOpinion'],
  reply: [],
  callback: ['satisfaction', 'callbackMethod'],
  platformRating: ['platformRating', 'platformRatedDate'],
  assignVerify: ['verifyRequirement'],
  verifyAssignSign: [],
  verifyInstruct: ['verifyInstruction'],
  verifyHeadOpinion: ['verifyHeadOpinion'],
  submitVerify: ['verifyHandler', 'verifyStatement', 'verifyCommunication'],
  issueVerify: [],
  replyVerify: [],
  redo: ['redoReason'],
  requestExtension: ['extRequestDays', 'extReason'],
  approveExtension: [],
  rejectExtension: [],
  liaisonLetter: ['liaisonUnit', 'letterMatter'],
  letterReply: ['letterReply', 'letterReplyDate'],
  reviewRequest: ['reviewKind', 'reviewRequestDate'],
  reviewDecide: ['reviewOutcome', 'reviewOpinion'],
  flagWeekly: ['weeklyConsult'],
  flagSupervision: ['supervised'],
  archive: [],
  correct: ['correctionReason'],
};

/** Fields whose dialog input must not be empty. */
const MUST: Partial<Record<ActionType, readonly CaseKey[]>> = {
  ...REQUIRED_INPUT,
  assign: ['department'],
  submit: ['handler', 'opinion'],
};

/** What a dialog field says under its label, where the label alone does not. */
const HINTS: Partial<Record<CaseKey, string>> = {
  forwardReason: '已退单的信访件可不填，沿用退单原因',
  platformRatedDate: '不填则为今天',
  letterReplyDate: '不填则为今天；回复最近一封未回复的联系函',
  reviewRequestDate: '不填则为今天；复查、复核均须在30日内办结',
  verifyHandler: '不填则为提交人',
};

/** The 编号 of the selected 台账 rows, or a LedgerError telling the person how to select. */
export function selectedCaseNos(p: GasPorts): string[] {
  return selectedCases(p).nos;
}

/**
 * The selected 台账 rows: their 编号 (from each row's hidden anchor) and where they are — hints the action then
 * confirms by the anchor instead of searching the 编号 column.
 */
export function selectedCases(p: GasPorts): { nos: string[]; rows: Map<string, number> } {
  return casesAt(p, selectedRows(p));
}

/** The first and last selected 台账 rows below the header (nothing read), or a LedgerError telling how to select. */
function selectedRows(p: GasPorts): { first: number; last: number } {
  const range = p.ss.getActiveRange();
  if (!range || range.getSheet().getName() !== SHEET.ledger) {
    throw new LedgerError('INPUT', '请先在「台账」工作表中选中要办理的信访件所在的行（可多选连续的行）。');
  }
  const first = Math.max(2, range.getRow());
  const last = range.getLastRow();
  if (last < first) throw new LedgerError('INPUT', '选中的是表头。请选中信访件所在的行。');
  return { first, last };
}

/** The 编号 the anchors of these rows name (one read), and where each is. */
function casesAt(p: GasPorts, { first, last }: { first: number; last: number }) {
  // The hidden anchor names the case a row is, whatever its visible 编号 shows now.
  const col = p.ledger.colOf('anchorNo');
  const nos = p.ledger.sheet
    .getRange(first, col, last - first + 1, 1)
    .getValues()
    .map((r) => String(r[0]).trim());
  const empty = nos.map((n, i) => (n ? 0 : first + i)).filter(Boolean);
  if (empty.length) throw new LedgerError('INPUT', notRegistered(empty));
  return { nos, rows: new Map(nos.map((n, i) => [n, first + i])) };
}

/** The person acting, from 人员; refuses with the reason when Apps Script hides them or they are not listed. */
export function actingPerson(p: GasPorts): Person {
  if (!p.actorEmail) {
    throw new LedgerError(
      'DENIED',
      'Google 没有提供您的账号（通常因为您不在本表格所有者的 Google Workspace 域内），无法确认您在「人员」表中的角色，因此不能办理需要角色的操作。请由信访办工作人员办理。',
    );
  }
  const person = p.directory.findByEmail(p.actorEmail);
  if (!person)
    throw new LedgerError(
      'DENIED',
      `${p.actorEmail} 未在「人员」表登记，不能办理。请信访办在「人员」表中添加您的姓名、邮箱和角色。`,
    );
  return person;
}

/**
 * Menu click on an action: checks, then either performs it or opens its dialog. A sign-off always opens its dialog,
 * with the case card above the opinion box: a leader signs what they can read.
 */
export function startAction(type: ActionType): void {
  const p = gasPorts();
  const selected = selectedRows(p);
  const actor = actingPerson(p);
  const rule = ACTION_RULES[type];
  const withCard = CARD_ACTIONS.includes(type);
  const direct = ACTION_INPUTS[type].length === 0 && !withCard;
  const refuse = (problems: string[]): void => {
    SpreadsheetApp.getUi().alert(`不能${rule.caption}`, problems.join('\n'), SpreadsheetApp.getUi().ButtonSet.OK);
  };
  if (direct && selected.first === selected.last) {
    // One row and nothing to ask: the row is read once, under the lock — its anchor names the case, and the checks
    // there are the checks.
    const atRows = [selected.first];
    performAndReport(type, { caseIds: [], atRows, action: type, actorEmail: actor.email }, p, refuse);
    return;
  }
  const { nos, rows } = casesAt(p, selected);
  const rules = p.settings.rules();
  const cases = p.ledger.loadByIds(nos, rows).map(trustedCase);
  const problems = cases
    .map((c) => roleProblem(rule, c, actor, rules.settings) ?? stateProblem(rule, c))
    .filter((x): x is string => !!x);
  if (problems.length) {
    refuse(problems);
    return;
  }
  if (direct) {
    performAndReport(type, { caseIds: nos, action: type, actorEmail: actor.email, rows }, p);
    return;
  }
  const signed = withCard ? p.records.load(nos, ['signoff'], registrations(cases)) : [];
  const cards = withCard
    ? cases.map((c) =>
        caseCard(
          c,
          signed.filter((r) => r.caseNo === (c.anchorNo || c.caseNo)),
        ),
      )
    : [];
  const departments = type === 'assign' ? p.directory.departments() : undefined;
  showActionDialog(type, nos, [...rows.values()], dialogFields(type, { departments }), cards);
}

/** One field of an action's dialog. */
export interface DialogField {
  key: string;
  label: string;
  kind: string;
  options: string[];
  required: boolean;
  hint?: string;
}

/** The fields a dialog shows for an action; 交办 offers the departments of 部室 as its list. */
export function dialogFields(type: ActionType, opts: { departments?: readonly string[] } = {}): DialogField[] {
  const fields: DialogField[] = ACTION_INPUTS[type].map((key) => {
    const s = fieldSpec(key);
    const options =
      key === 'department' && opts.departments
        ? [...opts.departments]
        : s.kind === 'bool'
          ? ['是', '否']
          : [...(s.options ?? [])];
    const hint = HINTS[key];
    return {
      key,
      label: s.label,
      kind: s.kind,
      options,
      required: (MUST[type] ?? []).includes(key),
      ...(hint ? { hint } : {}),
    };
  });
  if (type === 'correct')
    fields.unshift({
      key: 'toState',
      label: '更正为状态',
      kind: 'enum',
      options: [...CORRECTION_TARGETS],
      required: true,
    });
  return fields;
}

function showActionDialog(
  type: ActionType,
  caseIds: string[],
  rows: number[],
  fields: DialogField[],
  cards: CaseCard[],
): void {
  const data = { action: type, caption: ACTION_RULES[type].caption, caseIds, rows, fields, cards };
  const html = formPage('ActionDialog', { data })
    .setWidth(cards.length ? 560 : 460)
    .setHeight(Math.min(680, 200 + fields.length * 90 + cards.length * 320));
  SpreadsheetApp.getUi().showModalDialog(html, `${ACTION_RULES[type].caption} · ${caseIds.length} 件`);
}

/** What the dialog sends back. */
export interface ActionSubmission {
  action: string;
  caseIds: string[];
  /** Where the menu click found each case (a hint, confirmed by the row's anchor). */
  rows?: number[];
  fields: Record<string, string>;
}

/** google.script.run target of the action dialog: performs the action and returns the message to show. */
export function submitAction(sub: ActionSubmission): { ok: boolean; message: string } {
  const p = gasPorts();
  const actor = actingPerson(p);
  if (!(sub.action in ACTION_RULES)) throw new LedgerError('INPUT', `未知的操作「${sub.action}」`);
  const { toState, ...fields } = sub.fields ?? {};
  const input = toState !== undefined ? { fields, toState } : { fields };
  const hinted = (sub.rows ?? []).length === sub.caseIds.length;
  const rows = hinted ? new Map(sub.caseIds.map((no, i) => [no, Number(sub.rows![i])])) : undefined;
  return performAndReport(
    sub.action as ActionType,
    { caseIds: sub.caseIds, action: sub.action, actorEmail: actor.email, input, ...(rows ? { rows } : {}) },
    p,
  );
}

/**
 * Performs the action and tells the person: a success in a toast as soon as the ledger is written, before the notices
 * are mailed (a mail that then fails is said in an alert after); refusals in an alert once all is done (an alert waits
 * for the person's click) — by `refuse`, when given, if nothing was done.
 */
function performAndReport(
  type: ActionType,
  req: PerformRequest,
  p: GasPorts,
  refuse?: (problems: string[]) => void,
): { ok: boolean; message: string } {
  let told: string | undefined;
  const r = performAction(req, p, (saved) => {
    if (saved.refused.length === 0) told = report(type, saved, []);
  });
  const ok = r.refused.length === 0;
  if (told === undefined) {
    if (refuse && r.done.length === 0 && r.refused.length) {
      refuse(r.refused.map((x) => x.reason));
      return { ok, message: r.refused.map((x) => x.reason).join('\n') };
    }
    return { ok, message: report(type, r, p.noticeFailures) };
  }
  if (p.noticeFailures.length)
    SpreadsheetApp.getUi().alert(
      ACTION_RULES[type].caption,
      p.noticeFailures.join('\n'),
      SpreadsheetApp.getUi().ButtonSet.OK,
    );
  return { ok, message: [told, ...p.noticeFailures].join('\n') };
}

/** Tells the person what happened: a toast for success, an alert naming each refused case and why. */
function report(type: ActionType, r: PerformResult, noticeFailures: readonly string[]): string {
  const caption = ACTION_RULES[type].caption;
  const lines: string[] = [];
  if (r.done.length)
    lines.push(`已${caption} ${r.done.length} 件：${r.done.map((d) => `${d.caseNo}（${d.state}）`).join('、')}`);
  for (const x of r.refused) lines.push(`未办理 ${x.caseNo}：${x.reason}`);
  lines.push(...formOfferLines(r.forms));
  lines.push(...r.warnings, ...noticeFailures);
  const message = lines.join('\n');
  if (r.refused.length || noticeFailures.length)
    SpreadsheetApp.getUi().alert(`${caption}`, message, SpreadsheetApp.getUi().ButtonSet.OK);
  else SpreadsheetApp.getActive().toast(message, '信访台账', 8);
  return message;
}
