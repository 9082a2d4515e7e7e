// Whole lives of cases through decide(), written by hand from the seed; refusals read as the person sees them.
import { WorkCalendar } from '../../src/core/calendar';
import { fromShanghai } from '../../src/core/dates';
import { DEFAULT_TIME_LIMITS } from '../../src/core/deadlines';
import type { Case, CaseState, Person } from '../../src/core/model';
import { DEFAULT_SETTINGS, type Action, type ActionType, type Rules } from '../../src/core/roles';
import { decide, judgeTypedStatusChange, nextStates, type Effect } from '../../src/core/workflow';

const rules: Rules = { settings: DEFAULT_SETTINGS, limits: DEFAULT_TIME_LIMITS, calendar: WorkCalendar.withDefaults() };
const NO = '镜访〔2026〕012号';
const DEPT = '规划建设部';
const person = (name: string, role: Person['roles'][number], departments: string[] = []): Person => ({
  email: `${name}@jinghu.example`,
  name,
  roles: [role],
  departments,
});
const office = person('王芳', '信访办', ['综合事务部']);
const petitionLeader = person('李四', '信访工作分管领导');
const chief = person('赵强', '主职领导');
const lineLeader = person('钱进', '事项分管领导', [DEPT]);
const liaison = person('孙立', '部室联络员', [DEPT]);
const handler = person('周明', '承办人', [DEPT]);
const head = person('吴刚', '部室负责人', [DEPT]);
const at = (m: number, d: number, hh = 9, mm = 0): Date => fromShanghai(2026, m, d, hh, mm);

const platformCase: Case = {
  caseNo: NO,
  state: '待签收',
  petitionerName: '张三',
  personCount: 1,
  phone: '13812345678',
  petitionDate: '2026-03-02',
  source: '上级',
  upstreamNo: 'ZLF-2026-000123',
  form: '网上信访',
  matterType: '投诉',
  demand: '小区门口道路积水',
  dueDate: '2026-05-06',
  dueSource: '计算',
};

/** Takes an action that must succeed; returns the next case and its effects. */
function step(c: Case, type: ActionType, actor: Person, now: Date, fields?: Partial<Case>, toState?: CaseState) {
  const action: Action = { type, fields, toState };
  const d = decide(c, action, actor, now, rules);
  if (!d.ok) throw new Error(`${type} refused: ${d.reason}`);
  return d;
}
function refusal(
  c: Case,
  type: ActionType,
  actor: Person,
  now: Date,
  fields?: Partial<Case>,
  toState?: CaseState,
): string {
  const d = decide(c, { type, fields, toState }, actor, now, rules);
  if (d.ok) throw new Error(`${type} unexpectedly allowed`);
  return d.reason;
}
const logOf = (effects: Effect[]) => effects.find((e) => e.kind === 'log');
const forms = (effects: Effect[]) => effects.flatMap((e) => (e.kind === 'form' ? [e.annex] : []));
const notices = (effects: Effect[]) =>
  effects.flatMap((e) => (e.kind === 'notify' ? [{ ...e.to, notice: e.notice }] : []));

test('a platform case: 签收 → 交办 → 办理 → two reviews → 办结 → 回访 不满意 → verification (sent back once) → 归档', () => {
  let c = platformCase;
  let d = step(c, 'sign', office, at(3, 2, 9));
  expect(d.next).toMatchObject({ state: '待交办签批', signedBy: '王芳', signedAt: at(3, 2, 9) });
  expect(forms(d.effects)).toEqual([3]);
  expect(notices(d.effects)).toEqual([{ role: '信访工作分管领导', notice: '待交办签批' }]);
  expect(logOf(d.effects)).toEqual({
    kind: 'log',
    action: '签收',
    fromState: '待签收',
    toState: '待交办签批',
    note: '',
  });
  c = step(d.next, 'approveAssign', petitionLeader, at(3, 2, 10), { assignSignOpinion: '请规划建设部核查' }).next;
  expect(c).toMatchObject({ state: '待交办', assignSignedBy: '李四', assignSignOpinion: '请规划建设部核查' });
  expect(refusal(c, 'assign', office, at(3, 2, 11))).toBe(`${NO} 进入「办理中」前须填写：承办部室`);
  d = step(c, 'assign', office, at(3, 2, 11), { department: DEPT });
  expect(d.next).toMatchObject({ state: '办理中', department: DEPT, assignedAt: at(3, 2, 11) });
  expect(notices(d.effects)).toEqual([{ role: '部室联络员', department: DEPT, notice: '已交办，请当天接处' }]);
  expect(d.effects).toContainEqual({ kind: 'deadline', node: '退单', startAt: at(3, 2, 11) });
  expect(refusal(d.next, 'submit', handler, at(3, 5))).toBe(`${NO} 进入「审核中」前须填写：处理（答复）意见及结论`);
  c = step(d.next, 'submit', handler, at(3, 5), { opinion: '已组织疏通排水管道' }).next;
  expect(c).toMatchObject({ state: '审核中', handler: '周明', handlerSignedAt: at(3, 5) });
  expect(refusal(c, 'itemReview', lineLeader, at(3, 6))).toBe(`${NO}「事项分管领导审核」须填写：事项分管领导审核意见`);
  c = step(c, 'itemReview', lineLeader, at(3, 6), { itemReviewOpinion: '同意' }).next;
  expect(c.state).toBe('信访审核中');
  expect(refusal(c, 'petitionReview', petitionLeader, at(3, 6, 14))).toBe(
    `${NO}「信访分管领导审核」须填写：信访分管领导审核意见`,
  );
  c = step(c, 'petitionReview', petitionLeader, at(3, 6, 14), { petitionReviewOpinion: '同意' }).next;
  expect(c.state).toBe('待办结签批');
  expect(refusal(c, 'approveClose', petitionLeader, at(3, 9), { closeSignOpinion: ' ' })).toBe(
    `${NO}「办结签批」须填写：办结签批意见`,
  );
  d = step(c, 'approveClose', petitionLeader, at(3, 9), { closeSignOpinion: '同意办结' });
  expect(d.next).toMatchObject({ state: '已办结', closeSignedBy: '李四', closedDate: '2026-03-09' });
  expect(d.effects).toContainEqual({ kind: 'deadline', node: '回访', startAt: at(3, 9) });
  c = step(d.next, 'reply', office, at(3, 9, 15)).next;
  expect(c).toMatchObject({ state: '待回访', repliedAt: at(3, 9, 15) });
  expect(refusal(c, 'callback', office, at(3, 10))).toBe(`${NO}「回访」须填写：信访人意见、回访方式`);
  d = step(c, 'callback', office, at(3, 10), { satisfaction: '不满意', callbackMethod: '电话' });
  expect(d.next).toMatchObject({ state: '核实中', callbackDate: '2026-03-10', callbackBy: '王芳' });
  expect(forms(d.effects)).toEqual([5]);
  expect(logOf(d.effects)).toMatchObject({
    fromState: '待回访',
    toState: '核实中',
    note: '第1次回访，信访人意见：不满意（电话）',
  });
  expect(refusal(d.next, 'archive', office, at(3, 10))).toContain('当前状态为「核实中」，不能「归档」');
  // Annex 5 in the order it prints its boxes: 核实件要求, 主职领导交办签批, 事项分管领导批示, 部长（主任）办理意见, the statement.
  c = step(d.next, 'assignVerify', office, at(3, 10, 10), { verifyRequirement: '再次核实积水原因' }).next;
  expect(c.state).toBe('核实待签批');
  c = step(c, 'verifyAssignSign', petitionLeader, at(3, 10, 11)).next;
  expect(c).toMatchObject({ state: '核实待批示', verifyAssignSignedBy: '李四', verifyAssignSignedAt: at(3, 10, 11) });
  c = step(c, 'verifyInstruct', lineLeader, at(3, 10, 14), { verifyInstruction: '请规划建设部再次核实' }).next;
  expect(c).toMatchObject({ state: '核实办理中', verifyInstructionBy: '钱进' });
  expect(refusal(c, 'submitVerify', handler, at(3, 11), { verifyStatement: 'x', verifyCommunication: 'y' })).toBe(
    `${NO} 须先由部室负责人填写「部长（主任）办理意见」，再提交核实情况说明（不满意核实件的顺序）`,
  );
  c = step(c, 'verifyHeadOpinion', head, at(3, 11), { verifyHeadOpinion: '安排专人现场复查' }).next;
  expect(c).toMatchObject({ state: '核实办理中', verifyHeadBy: '吴刚', verifyHeadOpinion: '安排专人现场复查' });
  expect(refusal(c, 'submitVerify', handler, at(3, 12), { verifyStatement: '已现场复查' })).toBe(
    `${NO}「提交核实说明」须填写：目前处理沟通情况`,
  );
  d = step(c, 'submitVerify', handler, at(3, 12), {
    verifyStatement: '已现场复查，管道已疏通',
    verifyCommunication: '已与信访人电话沟通',
  });
  expect(d.next).toMatchObject({ state: '核实待签发', verifyHandler: '周明' });
  expect(forms(d.effects)).toEqual([6]);
  c = step(d.next, 'issueVerify', lineLeader, at(3, 12, 15)).next;
  expect(c).toMatchObject({ state: '核实待回复', verifyIssuer: '钱进' });
  d = step(c, 'redo', office, at(3, 13), { redoReason: '核实说明未回应诉求' });
  expect(d.next).toMatchObject({ state: '核实办理中', redoReason: '核实说明未回应诉求' });
  expect(notices(d.effects)).toEqual([{ role: '部室联络员', department: DEPT, notice: '退回重办' }]);
  c = step(d.next, 'submitVerify', handler, at(3, 16), {
    verifyStatement: '已回应全部诉求',
    verifyCommunication: '已当面沟通',
  }).next;
  c = step(c, 'issueVerify', petitionLeader, at(3, 16, 14)).next;
  c = step(c, 'replyVerify', office, at(3, 17)).next;
  expect(c).toMatchObject({ state: '已核实', verifyRepliedAt: at(3, 17) });
  c = step(c, 'callback', office, at(3, 18), { satisfaction: '基本满意', callbackMethod: '当面' }).next;
  expect(c).toMatchObject({ state: '已回访', satisfaction: '基本满意', callbackMethod: '当面' });
  c = step(c, 'archive', office, at(3, 19)).next;
  expect(c).toMatchObject({ state: '已归档', archivedAt: at(3, 19) });
  expect(nextStates('已归档')).toEqual([]);
});

test('after verification 信访办 may archive without another call-back', () => {
  const c: Case = {
    ...platformCase,
    state: '已核实',
    department: DEPT,
    handler: '周明',
    opinion: 'x',
    satisfaction: '不满意',
    callbackMethod: '电话',
    verifyRequirement: 'y',
    verifyInstruction: 'i',
    verifyHeadOpinion: 'h',
    verifyStatement: 'z',
    verifyCommunication: 'w',
  };
  expect(step(c, 'archive', office, at(3, 20)).next.state).toBe('已归档');
});

describe('a walk-in visit (annex 2 and 4)', () => {
  const visit: Case = {
    ...platformCase,
    source: '本级',
    upstreamNo: undefined,
    form: '来访',
    visitRouting: '业务性较强',
    state: '办理中',
    department: DEPT,
    assignedAt: at(3, 2, 9),
  };
  test('skips the 信访分管领导 review and is signed off by the 办主要领导', () => {
    let c = step(visit, 'submit', liaison, at(3, 3), { opinion: '当场答复并安排维修' }).next;
    // Annex 4's boxes in order: the receiving department's opinion (its head), then the line leader's.
    expect(refusal(c, 'itemReview', lineLeader, at(3, 3, 11), { itemReviewOpinion: '同意' })).toBe(
      `${NO} 是现场来访件，须先由部室负责人填写「接待部室意见」（来访登记单的顺序），再由事项分管领导审核`,
    );
    c = step(c, 'receptionOpinion', head, at(3, 3, 11), { receptionOpinion: '已接待，同意处理意见' }).next;
    expect(c).toMatchObject({
      receptionBy: '吴刚',
      receptionAt: at(3, 3, 11),
      receptionOpinion: '已接待，同意处理意见',
    });
    c = step(c, 'itemReview', lineLeader, at(3, 3, 14), { itemReviewOpinion: '同意' }).next;
    expect(c.state).toBe('待办结签批');
    expect(refusal(c, 'approveClose', petitionLeader, at(3, 4))).toBe(
      `${NO} 现场接访件的办结签批须由主职领导签批，李四的角色为信访工作分管领导`,
    );
    c = step(c, 'approveClose', chief, at(3, 4), { closeSignOpinion: '同意' }).next;
    c = step(c, 'reply', office, at(3, 4, 10)).next;
    c = step(c, 'callback', office, at(3, 5), { satisfaction: '满意', callbackMethod: '电话' }).next;
    expect(step(c, 'archive', office, at(3, 6)).next.state).toBe('已归档');
  });
});

describe('检举控告类: the 主职领导 signs at 交办 and at 办结', () => {
  const report: Case = { ...platformCase, matterType: '检举控告', demand: '反映工程招标违规' };
  test('the 信访工作分管领导 is refused at both sign-offs, the 主职领导 signs', () => {
    const d = step(report, 'sign', office, at(3, 2));
    expect(notices(d.effects)).toEqual([{ role: '主职领导', notice: '待交办签批' }]);
    expect(refusal(d.next, 'approveAssign', petitionLeader, at(3, 2, 10))).toBe(
      `${NO} 检举控告类信访件的交办签批须由主职领导签批，李四的角色为信访工作分管领导`,
    );
    let c = step(d.next, 'approveAssign', chief, at(3, 2, 10)).next;
    expect(c.assignSignedBy).toBe('赵强');
    c = step(c, 'assign', office, at(3, 2, 11), { department: DEPT }).next;
    c = step(c, 'submit', handler, at(3, 10), { opinion: '经查，招标程序合规' }).next;
    c = step(c, 'itemReview', lineLeader, at(3, 11), { itemReviewOpinion: '同意' }).next;
    const review = step(c, 'petitionReview', petitionLeader, at(3, 11, 15), { petitionReviewOpinion: '同意' });
    expect(notices(review.effects)).toEqual([{ role: '主职领导', notice: '待办结签批' }]);
    expect(refusal(review.next, 'approveClose', petitionLeader, at(3, 12))).toBe(
      `${NO} 检举控告类信访件的办结签批须由主职领导签批，李四的角色为信访工作分管领导`,
    );
    expect(step(review.next, 'approveClose', chief, at(3, 12), { closeSignOpinion: '同意' }).next).toMatchObject({
      state: '已办结',
      closeSignedBy: '赵强',
    });
  });
});

describe('退单 within 3 working hours, and 转送', () => {
  // 交办 on 2026-09-30 16:30: one hour that day, then 10-01…10-07 off (国庆), two more hours on 10-08 → 10:30.
  const assigned: Case = { ...platformCase, state: '办理中', department: DEPT, assignedAt: at(9, 30, 16, 30) };
  test('returned in time with a reason, then forwarded by 信访办: the case ends as 已转送', () => {
    const d = step(assigned, 'returnCase', liaison, at(10, 8, 10, 30), { returnReason: '属区住建局职责' });
    expect(d.next).toMatchObject({ state: '已退单', returnedBy: '孙立', returnReason: '属区住建局职责' });
    expect(notices(d.effects)).toEqual([{ role: '信访办', notice: '部室退单，请转送或重新交办' }]);
    const f = step(d.next, 'forward', office, at(10, 8, 11), { forwardedTo: '越城区住建局' });
    expect(f.next).toMatchObject({ state: '已转送', forwardedTo: '越城区住建局' });
    // The department's 退单原因 stands as the reason when 信访办 gives none of its own.
    expect(f.next).toMatchObject({ forwardReason: '属区住建局职责' });
    expect(logOf(f.effects)).toMatchObject({ action: '转送', note: '转送：越城区住建局；理由：属区住建局职责' });
    expect(nextStates('已转送')).toEqual([]);
    expect(refusal(f.next, 'archive', office, at(10, 9))).toContain('当前状态为「已转送」');
  });
  test('a return after the 3 working hours is accepted and flagged with the working hours it is late', () => {
    // Due 10-08 10:30; at 14:00 that day: 10:30–12:00 and 13:30–14:00 of office hours have passed, 2 hours.
    const d = step(assigned, 'returnCase', liaison, at(10, 8, 14), { returnReason: '属区住建局职责' });
    expect(d.next).toMatchObject({ state: '已退单', returnLateHours: 2 });
    expect(logOf(d.effects)).toMatchObject({
      note: '退单原因：属区住建局职责；逾期退单：超过退单时限（至 2026-10-08 10:30）2 个工作小时',
    });
    expect(notices(d.effects)).toEqual([{ role: '信访办', notice: '部室退单，请转送或重新交办（逾期 2 个工作小时）' }]);
    // A minute late is a tenth of an hour (rounded up), never nothing.
    expect(step(assigned, 'returnCase', liaison, at(10, 8, 10, 31), { returnReason: 'x' }).next.returnLateHours).toBe(
      0.1,
    );
    // In time: no flag at all.
    expect(step(assigned, 'returnCase', liaison, at(10, 8, 10, 30), { returnReason: 'x' }).next.returnLateHours).toBe(
      undefined,
    );
  });
  test("a return needs a reason and comes from the department's own liaison", () => {
    expect(refusal(assigned, 'returnCase', liaison, at(10, 8, 9))).toBe(`${NO}「退单」须填写：退单原因`);
    const other = person('吴凡', '部室联络员', ['招商服务部']);
    expect(refusal(assigned, 'returnCase', other, at(10, 8, 9), { returnReason: 'x' })).toContain(
      '只能办理本部室（招商服务部）的信访件',
    );
  });
  test('信访办 may instead route a returned case to another department', () => {
    const returned = step(assigned, 'returnCase', liaison, at(10, 8, 9), { returnReason: '属招商服务部' }).next;
    expect(step(returned, 'assign', office, at(10, 8, 14), { department: '招商服务部' }).next).toMatchObject({
      state: '办理中',
      department: '招商服务部',
      assignedAt: at(10, 8, 14),
    });
  });
});

describe('延期: requested by the department, approved by the 信访工作分管领导, at most 30 日 in all', () => {
  const handling: Case = { ...platformCase, state: '办理中', department: DEPT, dueDate: '2026-04-10' };
  test('two extensions up to 30 日; the deadline moves from the old due date (the clock is not paused)', () => {
    let c = step(handling, 'requestExtension', liaison, at(4, 1), { extRequestDays: 20, extReason: '需现场勘查' }).next;
    expect(refusal(c, 'requestExtension', liaison, at(4, 1), { extRequestDays: 5, extReason: 'x' })).toBe(
      `${NO} 已有待审批的延期申请（20日）`,
    );
    expect(refusal(c, 'approveExtension', handler, at(4, 2))).toContain('须由「信访工作分管领导」办理');
    const d = step(c, 'approveExtension', petitionLeader, at(4, 20));
    expect(d.next).toMatchObject({
      dueDate: '2026-04-30',
      extTotalDays: 20,
      extDecision: '批准',
      extDecidedBy: '李四',
      state: '办理中',
    });
    expect(logOf(d.effects)).toMatchObject({ note: '批准延期20日，办理期限 2026-04-10 → 2026-04-30' });
    expect(refusal(d.next, 'requestExtension', liaison, at(4, 21), { extRequestDays: 15, extReason: 'x' })).toBe(
      `${NO} 延期累计不得超过30日（已延期20日，最多还可申请10日）`,
    );
    c = step(d.next, 'requestExtension', handler, at(4, 21), { extRequestDays: 10, extReason: '等待区里回复' }).next;
    c = step(c, 'approveExtension', petitionLeader, at(4, 22)).next;
    // 04-30 + 10 日 = 05-10, a Sunday: the period ends on the next working day.
    expect(c).toMatchObject({ dueDate: '2026-05-11', extTotalDays: 30 });
    expect(refusal(c, 'requestExtension', liaison, at(4, 23), { extRequestDays: 1, extReason: 'x' })).toContain(
      '最多还可申请0日',
    );
  });
  test('a refused request leaves the deadline as it was', () => {
    const c = step(handling, 'requestExtension', liaison, at(4, 1), { extRequestDays: 10, extReason: 'x' }).next;
    const r = step(c, 'rejectExtension', petitionLeader, at(4, 2)).next;
    expect(r).toMatchObject({ dueDate: '2026-04-10', extDecision: '不批准', state: '办理中' });
    expect(refusal(r, 'approveExtension', petitionLeader, at(4, 3))).toBe(`${NO} 没有待审批的延期申请`);
  });
  test('a request over the maximum at once is refused; the maximum is a setting', () => {
    expect(refusal(handling, 'requestExtension', liaison, at(4, 1), { extRequestDays: 31, extReason: 'x' })).toContain(
      '不得超过30日',
    );
    const strict: Rules = { ...rules, settings: { ...DEFAULT_SETTINGS, maxExtensionDays: 15 } };
    const d = decide(
      handling,
      { type: 'requestExtension', fields: { extRequestDays: 20, extReason: 'x' } },
      liaison,
      at(4, 1),
      strict,
    );
    expect(d.ok || d.reason).toBe(`${NO} 延期累计不得超过15日（已延期0日，最多还可申请15日）`);
  });
});

describe('更正 by 信访办', () => {
  const reviewing: Case = { ...platformCase, state: '审核中', department: DEPT, handler: '周明', opinion: '已处理' };
  test('goes back to an earlier state with a reason, logged', () => {
    const d = step(reviewing, 'correct', office, at(3, 6), { correctionReason: '误点了提交' }, '办理中');
    expect(d.next).toMatchObject({
      state: '办理中',
      correctedBy: '王芳',
      correctedAt: at(3, 6),
      correctionReason: '误点了提交',
    });
    expect(logOf(d.effects)).toEqual({
      kind: 'log',
      action: '更正',
      fromState: '审核中',
      toState: '办理中',
      note: '更正原因：误点了提交',
    });
  });
  test('refused without a reason, forward, or by anyone else', () => {
    expect(refusal(reviewing, 'correct', office, at(3, 6), {}, '办理中')).toBe(`${NO}「更正」须填写：更正原因`);
    expect(refusal(reviewing, 'correct', office, at(3, 6), { correctionReason: 'x' }, '已办结')).toBe(
      `${NO} 更正只能退回到「审核中」之前的流程状态，不能改为「已办结」`,
    );
    expect(refusal(reviewing, 'correct', liaison, at(3, 6), { correctionReason: 'x' }, '办理中')).toBe(
      `${NO} 的「更正」须由「信访办」办理，孙立的角色为部室联络员`,
    );
  });
  test('an archived case can be reopened', () => {
    const archived: Case = { ...reviewing, state: '已归档', satisfaction: '满意', callbackMethod: '电话' };
    expect(step(archived, 'correct', office, at(4, 1), { correctionReason: '回访记录有误' }, '待回访').next.state).toBe(
      '待回访',
    );
  });
});

describe('flags, the checklist and input rules', () => {
  test('周会商 and 督查督办 are yes/no flags in any state', () => {
    const d = step({ ...platformCase, state: '已归档' }, 'flagWeekly', petitionLeader, at(3, 2), {
      weeklyConsult: true,
    });
    expect(d.next.weeklyConsult).toBe(true);
    expect(logOf(d.effects)).toMatchObject({ note: '是否进入周会商：是' });
    const s = step({ ...platformCase, state: '办理中', department: DEPT }, 'flagSupervision', office, at(3, 2), {
      supervised: true,
    });
    expect(notices(s.effects)).toEqual([{ role: '部室联络员', department: DEPT, notice: '已列入督查督办' }]);
  });
  test('an unreasonable demand is archived only with all seven measures in place', () => {
    const c: Case = {
      ...platformCase,
      state: '已回访',
      department: DEPT,
      handler: 'h',
      opinion: 'o',
      satisfaction: '不满意',
      callbackMethod: '电话',
      unreasonable: true,
    };
    expect(refusal(c, 'archive', office, at(3, 30))).toContain('归档前须做到“七个到位”，尚未勾选：信访程序终结到位、');
    const ticked: Case = {
      ...c,
      procedureEnded: true,
      channelsTold: true,
      legalAid: true,
      partlySolved: true,
      hardshipAid: true,
      measuresUsed: true,
      localEducation: true,
    };
    expect(step(ticked, 'archive', office, at(3, 30)).next.state).toBe('已归档');
  });
  test('an action cannot write sign-off columns or the state', () => {
    expect(refusal(platformCase, 'sign', office, at(3, 2), { signedBy: '别人' })).toBe(
      `${NO}「签收」不能直接填写「签收人」（由流程或系统填写）`,
    );
  });
  test('decide never changes the case it is given', () => {
    const before = JSON.stringify(platformCase);
    step(platformCase, 'sign', office, at(3, 2));
    expect(JSON.stringify(platformCase)).toBe(before);
  });
  test('督办 (信访办) sends a handling awaiting sign-off back for redo', () => {
    const c: Case = { ...platformCase, state: '待办结签批', department: DEPT, handler: 'h', opinion: 'o' };
    expect(refusal(c, 'redo', office, at(3, 9))).toBe(`${NO}「退回重办」须填写：退回重办原因`);
    expect(step(c, 'redo', office, at(3, 9), { redoReason: '证据不足' }).next.state).toBe('办理中');
  });
});

describe('a state typed into the ledger', () => {
  const now = at(3, 3, 10);
  test('a step that is not in the process is illegal, naming what is possible', () => {
    const j = judgeTypedStatusChange({ ...platformCase, state: '办理中' }, '待签收', '办理中', office, now, rules);
    expect(j).toEqual({
      legal: false,
      reason: `${NO} 不能从「待签收」直接改为「办理中」，流程中没有这一步（可改为：「待交办签批」「已转送」）`,
    });
  });
  test('a legal step is completed as the action would have done it', () => {
    const c: Case = {
      ...platformCase,
      state: '已退单',
      department: DEPT,
      assignedAt: at(3, 3, 9),
      returnReason: '非本部室',
    };
    const j = judgeTypedStatusChange(c, '办理中', '已退单', liaison, now, rules);
    expect(j.legal && j.action).toBe('returnCase');
    expect(j.legal && j.completed).toMatchObject({ state: '已退单', returnedBy: '孙立', returnedAt: now });
  });
  test('a step back is legal only as 更正 with its reason typed', () => {
    const c: Case = { ...platformCase, state: '办理中', department: DEPT, handler: 'h', opinion: 'o' };
    const j = judgeTypedStatusChange(c, '审核中', '办理中', office, now, rules);
    expect(j).toEqual({ legal: false, reason: `${NO}「退回重办」须填写：退回重办原因` });
    const k = judgeTypedStatusChange({ ...c, correctionReason: '误改' }, '审核中', '办理中', office, now, rules);
    expect(k.legal && k.action).toBe('correct');
  });
  test('the row decides the branch: 满意 typed with 核实中 is illegal', () => {
    const c: Case = {
      ...platformCase,
      state: '核实中',
      department: DEPT,
      handler: 'h',
      opinion: 'o',
      satisfaction: '满意',
      callbackMethod: '电话',
    };
    const j = judgeTypedStatusChange(c, '待回访', '核实中', office, now, rules);
    expect(j).toEqual({ legal: false, reason: `${NO}「回访」后应为「已回访」，不是「核实中」` });
  });
  test('a person without a role in 人员 (unknown, or hidden by Apps Script) may take no step', () => {
    const stranger: Person = { email: '', name: '某人', roles: [], departments: [] };
    const j = judgeTypedStatusChange({ ...platformCase }, '待签收', '待交办签批', stranger, now, rules);
    expect(j).toEqual({ legal: false, reason: `${NO} 的「签收」须由「信访办」办理，某人的角色为未登记` });
  });
  test('the wrong person is named', () => {
    const c: Case = { ...platformCase, state: '待交办', matterType: '检举控告' };
    const j = judgeTypedStatusChange(c, '待交办签批', '待交办', petitionLeader, now, rules);
    expect(j).toEqual({
      legal: false,
      reason: `${NO} 检举控告类信访件的交办签批须由主职领导签批，李四的角色为信访工作分管领导`,
    });
  });
});
