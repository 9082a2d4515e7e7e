// A case walked through every node as people click it: after each step the ledger's lead columns say what the case
// waits on (当前环节), by when (环节期限), how that stands (期限状态) and who must act (待办方) — including after closure,
// in verification, after a 退单, and days later when the daily refresh has run.
import type { GasEnvironment } from '../../emulator/index';
import { act, caseRow, PLATFORM_CASE, register, startOffice, type Who } from './office';

let env: GasEnvironment;
beforeEach(() => {
  env = startOffice(); // Friday 2026-10-09 09:00; Saturday 10-10 is a 调休 working day
});

const LEAD = ['当前环节', '环节期限', '期限状态', '待办方'] as const;
/** The lead columns of a case: what a person reading the ledger's left side sees. */
function lead(caseNo: string): string[] {
  const row = caseRow(env, caseNo);
  return LEAD.map((l) => String(row[l]));
}
function done(who: Who, caseNo: string, path: [string, string], fields?: Record<string, string>): string[] {
  const r = act(env, who, caseNo, path, fields);
  if (r) expect([path[1], r]).toMatchObject([path[1], { ok: true }]);
  return lead(caseNo);
}
function refresh(at: string): void {
  env.clock.set(at);
  env.runDueTriggers();
}

const LIAISONS = '规划建设部 部室联络员：李明、陈晨';
const SIGNERS = '信访工作分管领导/主职领导：钱伟、赵强';

it('a platform case from registration to verification and closure shows its node, deadline, state and actor', () => {
  const { caseNo } = register(env, { ...PLATFORM_CASE, dueDate: '2026-11-08' });
  expect(caseRow(env, caseNo)).toMatchObject({ 编号: caseNo, 状态: '待签收' });
  expect(lead(caseNo)).toEqual(['签收', '2026-10-09 23:59', '即将到期', '信访办：王芳']);
  // One working day for the leader: Saturday 10-10 is a working day (调休).
  expect(done('office', caseNo, ['受理交办', '签收'])).toEqual(['交办签批', '2026-10-10 23:59', '即将到期', SIGNERS]);
  expect(done('petitionLeader', caseNo, ['受理交办', '交办签批…'])).toEqual([
    '交办',
    '2026-10-09 23:59',
    '即将到期',
    '信访办：王芳',
  ]);
  expect(done('office', caseNo, ['受理交办', '交办…'], { department: '规划建设部' })).toEqual([
    '接收',
    '2026-10-09 23:59',
    '即将到期',
    LIAISONS,
  ]);
  // Nobody received it that day: the next morning's refresh shows it overdue by one working day.
  refresh('2026-10-10T07:00:00+08:00');
  expect(lead(caseNo)).toEqual(['接收', '2026-10-09 23:59', '已超期', LIAISONS]);
  expect(caseRow(env, caseNo)).toMatchObject({ 超期工作日: 1, 剩余工作日: 0 });
  env.clock.set('2026-10-12T09:00:00+08:00');
  // Received: 办理 runs on the platform's deadline.
  const handlers = '规划建设部 部室联络员/承办人：李明、陈晨、周杰';
  expect(done('liaison', caseNo, ['受理交办', '接收'])).toEqual(['办理', '2026-11-08 23:59', '正常', handlers]);
  expect(
    done('handler', caseNo, ['办理审核', '填写办理意见…'], { handler: '周杰', opinion: '已约谈施工单位，夜间停工。' }),
  ).toEqual(['事项分管领导审核', '2026-11-08 23:59', '正常', '规划建设部 事项分管领导：孙丽']);
  expect(done('lineLeader', caseNo, ['办理审核', '事项分管领导审核…'], { itemReviewOpinion: '同意' })).toEqual([
    '信访分管领导审核',
    '2026-11-08 23:59',
    '正常',
    '信访工作分管领导：钱伟',
  ]);
  expect(done('petitionLeader', caseNo, ['办理审核', '信访分管领导审核…'], { petitionReviewOpinion: '同意' })).toEqual([
    '办结签批',
    '2026-11-08 23:59',
    '正常',
    SIGNERS,
  ]);
  // Signed: the platform's clock runs on to 系统回复, due the next working day.
  expect(done('petitionLeader', caseNo, ['办结回访', '办结签批…'], { closeSignOpinion: '同意办结' })).toEqual([
    '系统回复',
    '2026-10-13 23:59',
    '即将到期',
    '信访办：王芳',
  ]);
  // 回访 within 3 日 of the closure (10-12): by Thursday 10-15.
  expect(done('office', caseNo, ['办结回访', '系统回复'])).toEqual([
    '回访',
    '2026-10-15 23:59',
    '即将到期',
    '信访办：王芳',
  ]);
  refresh('2026-10-16T07:00:00+08:00');
  expect(caseRow(env, caseNo)).toMatchObject({ 状态: '待回访', 当前环节: '回访', 期限状态: '已超期', 超期工作日: 1 });
  // 不满意: verification's own clock, 15 日 from the 不满意 (10-31 is a Saturday: Monday 11-02).
  env.clock.set('2026-10-16T10:00:00+08:00');
  const verifyDue = '2026-11-02 23:59';
  expect(done('office', caseNo, ['办结回访', '回访…'], { satisfaction: '不满意', callbackMethod: '电话' })).toEqual([
    '核实交办',
    verifyDue,
    '正常',
    '信访办：王芳',
  ]);
  const steps: [Who, [string, string], Record<string, string> | undefined, string, string][] = [
    ['office', ['不满意核实', '核实交办…'], { verifyRequirement: '核实是否仍有夜间施工' }, '核实交办签批', SIGNERS],
    ['petitionLeader', ['不满意核实', '核实交办签批…'], undefined, '事项分管领导批示', '规划建设部 事项分管领导：孙丽'],
    [
      'lineLeader',
      ['不满意核实', '事项分管领导批示…'],
      { verifyInstruction: '请现场核查' },
      '部长（主任）办理意见',
      '规划建设部 部室负责人：刘洋',
    ],
    [
      'head',
      ['不满意核实', '部长（主任）办理意见…'],
      { verifyHeadOpinion: '安排夜间巡查' },
      '核实情况说明',
      '规划建设部 部室联络员/承办人：李明、陈晨、周杰',
    ],
    [
      'handler',
      ['不满意核实', '提交核实说明…'],
      { verifyStatement: '连续三晚巡查，未见夜间施工。', verifyCommunication: '已与信访人当面沟通。' },
      '核实签发',
      '规划建设部 事项分管领导/信访工作分管领导：孙丽、钱伟',
    ],
    ['petitionLeader', ['不满意核实', '核实签发…'], undefined, '核实回复', '信访办：王芳'],
  ];
  for (const [who, path, fields, node, actor] of steps) {
    expect([path[1], done(who, caseNo, path, fields)]).toEqual([path[1], [node, verifyDue, '正常', actor]]);
  }
  // Verified: nothing timed is pending; the case shows how its 办结 went (系统回复 on 10-12, before 11-08).
  expect(done('office', caseNo, ['不满意核实', '核实回复'])).toEqual(['归档', '', '按期办结', '信访办：王芳']);
  refresh('2026-12-01T07:00:00+08:00');
  expect(lead(caseNo)).toEqual(['归档', '', '按期办结', '信访办：王芳']);
});

it('a 退单 shows its own state; a new 交办 is received afresh; a 转送 ends the clock', () => {
  const { caseNo } = register(env, PLATFORM_CASE);
  act(env, 'office', caseNo, ['受理交办', '签收']);
  act(env, 'petitionLeader', caseNo, ['受理交办', '交办签批…']);
  act(env, 'office', caseNo, ['受理交办', '交办…'], { department: '规划建设部' });
  // No platform deadline was given: the default 60 日 from 10-09 → 12-08.
  expect(done('liaison', caseNo, ['受理交办', '退单…'], { returnReason: '属综合事务部职责' })).toEqual([
    '转送或重新交办',
    '2026-12-08 23:59',
    '已退单',
    '信访办：王芳',
  ]);
  refresh('2026-10-10T07:00:00+08:00');
  expect(caseRow(env, caseNo)).toMatchObject({ 状态: '已退单', 期限状态: '已退单' });
  env.clock.set('2026-10-10T09:00:00+08:00');
  expect(done('office', caseNo, ['受理交办', '交办…'], { department: '综合事务部' })).toEqual([
    '接收',
    '2026-10-10 23:59',
    '即将到期',
    '综合事务部 部室联络员：吴敏',
  ]);
  expect(
    done('office', caseNo, ['受理交办', '转送…'], { forwardedTo: '越城区住建局', forwardReason: '属越城区职权' }),
  ).toEqual(['', '', '已转送', '']);
});
