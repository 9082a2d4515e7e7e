// The case card a signer reads above the opinion box (leaders sign what they can read): the case, how it was handled,
// its deadlines and the opinions given before theirs — the petitioner masked, as on anything shown beyond the ledger.
import { formatDateTime } from './dates';
import { isFilled, isReport, type Case, type CaseKey } from './model';
import { maskName, maskPhone, maskText } from './mask';
import { recordsOf, type AnyRecord } from './records';

/** One opinion given before: the box, its round, who and when, and what they wrote (empty for a bare signature). */
export interface CardOpinion {
  step: string;
  round: number;
  by: string;
  at: string;
  opinion: string;
}

/** What the dialog shows for one case. */
export interface CaseCard {
  caseNo: string;
  /** Label → value, in reading order; empty values left out. */
  facts: [string, string][];
  opinions: CardOpinion[];
}

/** The sign-offs the ledger itself holds (their latest round), for a case whose 签批记录 predates the records. */
const LEDGER_SIGN_OFFS: [step: string, by: CaseKey, at: CaseKey, opinion?: CaseKey][] = [
  ['交办签批', 'assignSignedBy', 'assignSignedAt', 'assignSignOpinion'],
  ['接待部室意见', 'receptionBy', 'receptionAt', 'receptionOpinion'],
  ['事项分管领导审核', 'itemReviewBy', 'itemReviewAt', 'itemReviewOpinion'],
  ['信访分管领导审核', 'petitionReviewBy', 'petitionReviewAt', 'petitionReviewOpinion'],
  ['办结签批', 'closeSignedBy', 'closeSignedAt', 'closeSignOpinion'],
  ['核实交办签批', 'verifyAssignSignedBy', 'verifyAssignSignedAt'],
  ['事项分管领导批示', 'verifyInstructionBy', 'verifyInstructionAt', 'verifyInstruction'],
  ['部长（主任）办理意见', 'verifyHeadBy', 'verifyHeadAt', 'verifyHeadOpinion'],
  ['核实签发', 'verifyIssuer', 'verifyIssuedAt'],
];

const text = (v: unknown): string => (isFilled(v) ? String(v) : '');

/** The petitioner as a card shows them: masked name and phone; a 检举控告 petitioner is not even named. */
function petitioner(c: Case): string {
  if (isReport(c)) return '匿名保护（检举控告）';
  const parts = [c.petitionerName ? maskName(c.petitionerName) : '', c.phone ? maskPhone(c.phone) : ''];
  const count = c.personCount && c.personCount > 1 ? `${c.personCount}人` : '';
  return [...parts, count].filter(Boolean).join('　');
}

function deadlines(c: Case): string {
  const out: string[] = [];
  if (c.dueDate)
    out.push(`办理期限 ${c.dueDate}${c.dueProvisional ? '（暂定）' : ''}${c.dueSource === '手填' ? '（平台）' : ''}`);
  if (c.reviewDueDate && !c.reviewDecidedDate) out.push(`${c.reviewKind ?? '复查复核'}期限 ${c.reviewDueDate}`);
  if (c.extRequestedAt && !c.extDecidedAt) out.push(`申请延期 ${c.extRequestDays ?? ''}日：${c.extReason ?? ''}`);
  return out.join('；');
}

/** The card of a case: facts first, then every opinion recorded for it, oldest first. */
export function caseCard(c: Case, records: readonly AnyRecord[]): CaseCard {
  const caseNo = c.caseNo ?? '';
  const facts: [string, string][] = [
    ['编号', caseNo],
    ['状态', c.state],
    ['事项类型', text(c.matterType)],
    ['信访人', petitioner(c)],
    ['信访诉求', maskText(text(c.demand))],
    ['承办部室', text(c.department)],
    ['处理（答复）意见及结论', maskText(text(c.opinion))],
    ['核实件要求', maskText(text(c.verifyRequirement))],
    ['核实情况说明', maskText(text(c.verifyStatement))],
    ['目前处理沟通情况', maskText(text(c.verifyCommunication))],
    ['期限', deadlines(c)],
  ];
  const signed = recordsOf(records, 'signoff', caseNo);
  const opinions: CardOpinion[] = signed.length
    ? signed
        .slice()
        .sort((a, b) => a.at.getTime() - b.at.getTime())
        .map((r) => ({
          step: r.step ?? '',
          round: r.round ?? 1,
          by: r.by,
          at: formatDateTime(r.at),
          opinion: maskText(r.opinion ?? ''),
        }))
    : LEDGER_SIGN_OFFS.filter(([, by]) => isFilled(c[by])).map(([step, by, at, op]) => ({
        step,
        round: 1,
        by: text(c[by]),
        at: c[at] instanceof Date ? formatDateTime(c[at] as Date) : '',
        opinion: op ? maskText(text(c[op])) : '',
      }));
  return { caseNo, facts: facts.filter(([, v]) => v !== ''), opinions };
}
