// The portable app self-test (issue 19): one test case taken from registration to 回访 through the same use cases
// the menu calls (registerCase, performAction, 生成表单, buildAnalysis), in steps; the job (the case and the next
// step) is kept in Script Properties, so a click that runs out of time leaves the rest for the next click. Each
// step's result is a row of 自检结果.
import { registerCase } from '../../app/registerCase';
import { performAction } from '../../app/performAction';
import { toShanghaiDate } from '../../core/dates';
import type { Person } from '../../core/model';
import { buildAnalysis } from '../analysis';
import { startForms } from '../forms';
import type { GasPorts } from '../ports';

/** Script Properties: the flow's job, `{ caseNo, next, department }`. */
export const FLOW_JOB_KEY = 'SELFTEST_FLOW';

/** A step stops the click when this much of the execution's time has gone (Apps Script allows 6 minutes). */
const BUDGET_MS = 4 * 60_000;

export interface FlowResult {
  id: string;
  title: string;
  expected: string;
  actual: string;
  pass: boolean;
}

interface Job {
  caseNo: string;
  next: number;
  department: string;
}

interface Step {
  id: string;
  title: string;
  expected: string;
  run: (p: GasPorts, me: Person, job: Job) => string;
}

/** An action on the job's case, as the menu's dialog submits it: the new state, or why it was refused. */
const act =
  (action: string, fields?: Record<string, string>) =>
  (p: GasPorts, me: Person, job: Job): string => {
    const input = fields ? { fields } : undefined;
    const r = performAction({ caseIds: [job.caseNo], action, actorEmail: me.email, ...(input ? { input } : {}) }, p);
    return r.done[0]?.state ?? `未办理：${r.refused.map((x) => x.reason).join('；') || '无结果'}`;
  };

const STEPS: Step[] = [
  {
    id: 'flow.register',
    title: '登记一件测试来信（本级）',
    expected: '待签收',
    run: (p, me, job) => {
      const r = registerCase(
        {
          fields: {
            source: '本级',
            form: '来信',
            petitionerName: '自检测试',
            petitionDate: toShanghaiDate(p.clock.now()),
            matterType: '投诉',
            demand: '自检：测试数据，可删除',
          },
          actorEmail: me.email,
        },
        p,
      );
      if (!r.ok) return `未登记：${r.reasons.join('；')}`;
      job.caseNo = r.caseNo;
      return r.state;
    },
  },
  { id: 'flow.sign', title: '签收', expected: '待交办签批', run: act('sign') },
  { id: 'flow.approveAssign', title: '交办签批', expected: '待交办', run: act('approveAssign') },
  {
    id: 'flow.assign',
    title: '交办',
    expected: '办理中',
    run: (p, me, job) => act('assign', { department: job.department })(p, me, job),
  },
  { id: 'flow.receive', title: '接收（部室联络员）', expected: '办理中', run: act('receive') },
  {
    id: 'flow.submit',
    title: '填写办理意见，提交审核',
    expected: '审核中',
    run: act('submit', { opinion: '自检：已办理' }),
  },
  {
    id: 'flow.itemReview',
    title: '事项分管领导审核',
    expected: '信访审核中',
    run: act('itemReview', { itemReviewOpinion: '同意' }),
  },
  {
    id: 'flow.petitionReview',
    title: '信访分管领导审核',
    expected: '待办结签批',
    run: act('petitionReview', { petitionReviewOpinion: '同意' }),
  },
  {
    id: 'flow.approveClose',
    title: '办结签批',
    expected: '已办结',
    run: act('approveClose', { closeSignOpinion: '同意办结' }),
  },
  { id: 'flow.reply', title: '系统回复', expected: '待回访', run: act('reply') },
  {
    id: 'flow.callback',
    title: '回访（满意）',
    expected: '已回访',
    run: act('callback', { satisfaction: '满意', callbackMethod: '电话' }),
  },
  {
    id: 'flow.form3',
    title: '生成表单：附件3 “2211”信访流程办理单（选中该件所在行，同菜单）',
    expected: '文书 1 份',
    run: (p, _me, job) => {
      const row = p.ledger.rowOf(job.caseNo);
      if (!row) return `台账中找不到 ${job.caseNo}`;
      p.ledger.sheet.setActiveRange(p.ledger.sheet.getRange(row, 1));
      startForms(3, Date.now());
      return `文书 ${p.records.load([job.caseNo], ['document']).length} 份`;
    },
  },
  {
    id: 'flow.analysis',
    title: '生成本月的月度分析工作表',
    expected: '已生成',
    run: (p) => {
      const b = buildAnalysis(toShanghaiDate(p.clock.now()).slice(0, 7), p);
      return p.ss.getSheetByName(b.sheetName) ? '已生成' : `未找到「${b.sheetName}」`;
    },
  },
];

/** How many steps the flow has. */
export const FLOW_STEPS = STEPS.length;

/**
 * Runs the flow's steps from where the job stands until it ends or the time budget is spent. A new flow starts when
 * there is no job. Returns the steps run now, and whether steps remain.
 */
export function runFlow(
  p: GasPorts,
  me: Person,
  department: string,
  startedMs: number,
): { results: FlowResult[]; done: boolean } {
  const props = PropertiesService.getScriptProperties();
  const saved = props.getProperty(FLOW_JOB_KEY);
  const job: Job = saved ? (JSON.parse(saved) as Job) : { caseNo: '', next: 0, department };
  const results: FlowResult[] = [];
  while (job.next < STEPS.length) {
    if (Date.now() - startedMs > BUDGET_MS) {
      props.setProperty(FLOW_JOB_KEY, JSON.stringify(job));
      return { results, done: false };
    }
    const step = STEPS[job.next]!;
    let actual: string;
    try {
      actual = step.run(p, me, job);
    } catch (e) {
      actual = `出错：${e instanceof Error ? e.message : String(e)}`;
    }
    const pass = actual === step.expected;
    results.push({ id: step.id, title: step.title, expected: step.expected, actual, pass });
    // A failed step stops the flow: the later steps depend on it. The next click starts a new test case.
    job.next = pass ? job.next + 1 : STEPS.length;
    props.setProperty(FLOW_JOB_KEY, JSON.stringify(job));
  }
  props.deleteProperty(FLOW_JOB_KEY);
  return { results, done: true };
}
