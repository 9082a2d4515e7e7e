// Required fields: what must be filled before a case enters a state, and what an action must be given afresh.
import { caseLabel, fieldLabel, isFilled, type Case, type CaseKey, type CaseState } from './model';
import type { ActionType } from './roles';

/** Who, when, what and in which form — needed from 签收 on (事项类型 decides who signs). */
const BASICS: readonly CaseKey[] = ['petitionerName', 'petitionDate', 'source', 'form', 'matterType', 'demand'];
const ROUTED: readonly CaseKey[] = [...BASICS, 'department'];
const HANDLED: readonly CaseKey[] = [...ROUTED, 'handler', 'opinion'];
const CALLED: readonly CaseKey[] = [...HANDLED, 'satisfaction', 'callbackMethod'];
/** A dissatisfied case is verified after a 回访 or after the platform's evaluation, so no 回访 answer is required. */
const VERIFYING: readonly CaseKey[] = [...HANDLED, 'verifyRequirement'];
const INSTRUCTED: readonly CaseKey[] = [...VERIFYING, 'verifyInstruction'];
const VERIFIED: readonly CaseKey[] = [...INSTRUCTED, 'verifyHeadOpinion', 'verifyStatement', 'verifyCommunication'];

/** Fields that must be filled for a case to be in each state (checked when it enters the state). */
export const REQUIRED_BY_STATE: Readonly<Record<CaseState, readonly CaseKey[]>> = {
  待签收: [],
  待交办签批: BASICS,
  待交办: BASICS,
  办理中: ROUTED,
  已退单: [...ROUTED, 'returnReason'],
  已转送: [...BASICS, 'forwardedTo', 'forwardReason'],
  审核中: HANDLED,
  信访审核中: HANDLED,
  待办结签批: HANDLED,
  已办结: HANDLED,
  待回访: HANDLED,
  已回访: CALLED,
  核实中: HANDLED,
  核实待签批: VERIFYING,
  核实待批示: VERIFYING,
  核实办理中: INSTRUCTED,
  核实待签发: VERIFIED,
  核实待回复: VERIFIED,
  已核实: VERIFIED,
  已归档: CALLED,
};

/**
 * Fields an action must be given in its own input, not found left over in the row from an earlier
 * round: a reason for each 退单 / 退回重办 / 更正, the answer of each 回访, each extension request, and
 * the opinion of each sign-off whose box the annexes print with an opinion (annex 3: 事项分管领导审核意见,
 * 信访分管领导审核意见, 主职领导办结签批意见; annex 4: 接待部室（单位）意见, 办主要领导意见; annex 5: 事项分管领导批示意见,
 * 部长（主任）办理意见, 核实件要求 and the statement; annex 6: 目前处理沟通情况). Boxes of a signature and a date
 * only need none: 交办签批 (annexes 3 and 5), 签发 (annex 6). 转送理由 is asked for by 转送's own rule (a returned
 * case may keep its 退单原因).
 */
export const REQUIRED_INPUT: Readonly<Partial<Record<ActionType, readonly CaseKey[]>>> = {
  itemReview: ['itemReviewOpinion'],
  petitionReview: ['petitionReviewOpinion'],
  approveClose: ['closeSignOpinion'],
  receptionOpinion: ['receptionOpinion'],
  returnCase: ['returnReason'],
  forward: ['forwardedTo'],
  redo: ['redoReason'],
  callback: ['satisfaction', 'callbackMethod'],
  platformRating: ['platformRating'],
  assignVerify: ['verifyRequirement'],
  verifyInstruct: ['verifyInstruction'],
  verifyHeadOpinion: ['verifyHeadOpinion'],
  submitVerify: ['verifyStatement', 'verifyCommunication'],
  requestExtension: ['extRequestDays', 'extReason'],
  correct: ['correctionReason'],
  liaisonLetter: ['liaisonUnit', 'letterMatter'],
  letterReply: ['letterReply'],
  reviewRequest: ['reviewKind'],
  reviewDecide: ['reviewOutcome', 'reviewOpinion'],
  flagWeekly: ['weeklyConsult'],
  flagSupervision: ['supervised'],
};

/** The fields required for `state` that `c` lacks (上级信访件编号 too when the source is 上级). */
export function missingForState(c: Case, state: CaseState): CaseKey[] {
  const keys: CaseKey[] = [...REQUIRED_BY_STATE[state]];
  if (keys.length > 0 && c.source === '上级') keys.push('upstreamNo');
  return keys.filter((k) => !isFilled(c[k]));
}

/** Why `c` cannot enter `state`, naming the missing fields in Chinese; null when nothing is missing. */
export function stateRequirementProblem(c: Case, state: CaseState): string | null {
  const missing = missingForState(c, state);
  if (missing.length === 0) return null;
  return `${caseLabel(c)} 进入「${state}」前须填写：${missing.map(fieldLabel).join('、')}`;
}

/** Why an action's input is incomplete (`caption` is the action's Chinese name); null when complete. */
export function inputProblem(
  c: Case,
  type: ActionType,
  caption: string,
  given: Partial<Case> | undefined,
): string | null {
  const keys = REQUIRED_INPUT[type] ?? [];
  const missing = keys.filter((k) => !isFilled(given?.[k]));
  if (missing.length === 0) return null;
  return `${caseLabel(c)}「${caption}」须填写：${missing.map(fieldLabel).join('、')}`;
}
