// Workflow actions through the use case: batches, partial refusals, one save, audit lines, notices, forms.
import { performAction, type PerformRequest } from '../../src/app/performAction';
import { registerCase } from '../../src/app/registerCase';
import { decodeRecord, sealed } from '../../src/core/controls';
import { fromShanghai } from '../../src/core/dates';
import type { Case } from '../../src/core/model';
import {
  caseOf,
  chief,
  DEPT,
  handler,
  head,
  lineLeader,
  liaison,
  liaisonB,
  mailbox,
  memoryWorld,
  office,
  petitionLeader,
  type World,
} from './memoryPorts';

const base: Case = {
  state: '待签收',
  petitionerName: '张三',
  petitionDate: '2026-03-02',
  source: '本级',
  form: '来信',
  matterType: '投诉',
  demand: '道路积水',
  dueDate: '2026-05-06',
  dueSource: '计算',
};
const no = (n: number): string => `镜访〔2026〕${String(n).padStart(3, '0')}号`;

function act(w: World, actorEmail: string, action: string, caseIds: string[], input?: PerformRequest['input']) {
  return performAction({ caseIds, action, actorEmail, input }, w.ports);
}

test('a batch 签收: each case judged on its own, one save, one audit line each, annex 3 offered', () => {
  const w = memoryWorld({
    cases: [
      { ...base, caseNo: no(1) },
      { ...base, caseNo: no(2) },
      { ...base, caseNo: no(3), state: '办理中', department: DEPT },
    ],
  });
  const r = act(w, office.email, 'sign', [no(1), no(2), no(3), no(9), no(1)]);
  expect(r.done).toEqual([
    { caseNo: no(1), state: '待交办签批' },
    { caseNo: no(2), state: '待交办签批' },
  ]);
  expect(r.refused).toEqual([
    { caseNo: no(3), reason: `${no(3)} 当前状态为「办理中」，不能「签收」（仅「待签收」可签收）` },
    { caseNo: no(9), reason: `未找到编号为「${no(9)}」的信访件` },
  ]);
  expect(r.forms).toEqual([
    { caseNo: no(1), annex: 3 },
    { caseNo: no(2), annex: 3 },
  ]);
  expect(w.saves).toHaveLength(1);
  expect(w.saves[0][0]).toEqual({
    caseNo: no(1),
    // Where the case now stands, shown in the ledger's lead columns (src/core/pending.ts).
    derived: {
      currentNode: '交办签批',
      nodeDue: new Date('2026-03-03T15:59:59.999Z'),
      deadlineState: '即将到期',
      actor: '信访工作分管领导/主职领导：李四、赵强',
      workdaysLeft: 1,
      overdueWorkdays: 0,
    },
    fields: {
      state: '待交办签批',
      signedBy: '王芳',
      signedAt: w.clock.now,
      // Every save writes the row's anchor and its record of the controls (a case from before had none).
      anchorNo: no(1),
      controlRecord: JSON.stringify({
        caseNo: no(1),
        state: '待交办签批',
        signedBy: '王芳',
        signedAt: w.clock.now.toISOString(),
        // Its first sign-off, counted from its records (none): the tally the next one reads instead of searching.
        signoffs: { rounds: { 信访办签收: 1 }, seq: 1 },
      }),
    },
  });
  expect(w.audit.map((a) => [a.caseNo, a.action, a.fromState, a.toState, a.actorEmail])).toEqual([
    [no(1), '签收', '待签收', '待交办签批', office.email],
    [no(2), '签收', '待签收', '待交办签批', office.email],
  ]);
  expect(mailbox(w)).toEqual([
    [[petitionLeader.email], `${no(1)} 待交办签批`],
    [[petitionLeader.email], `${no(2)} 待交办签批`],
  ]);
});

test('nothing is saved or logged when every case is refused', () => {
  const w = memoryWorld({ cases: [{ ...base, caseNo: no(1) }] });
  const r = act(w, liaison.email, 'sign', [no(1)]);
  expect(r.refused).toEqual([
    { caseNo: no(1), reason: `${no(1)} 的「签收」须由「信访办」办理，孙立的角色为部室联络员` },
  ]);
  expect(w.saves).toEqual([]);
  expect(w.audit).toEqual([]);
});

test('unknown actions, unknown people and unreadable input refuse every selected case', () => {
  const w = memoryWorld({ cases: [{ ...base, caseNo: no(1), state: '待回访' }] });
  expect(act(w, office.email, 'fly', [no(1)]).refused).toEqual([{ caseNo: no(1), reason: '未知的操作「fly」' }]);
  expect(act(w, 'x@y', 'sign', [no(1)]).refused[0].reason).toBe('x@y 未在「人员」表登记，不能办理');
  const bad = act(w, office.email, 'callback', [no(1)], { fields: { satisfaction: '很好', callbackMethod: '电话' } });
  expect(bad.refused[0].reason).toBe('「信访人意见」：「很好」不是可选项（可选：满意、基本满意、不满意）');
  expect(
    act(w, office.email, 'correct', [no(1)], { toState: '完成', fields: { correctionReason: 'x' } }).refused[0].reason,
  ).toContain('「完成」不是有效的状态');
});

test('交办 starts the 3-working-hour return window, shown in the audit line; both liaisons are told', () => {
  const w = memoryWorld({ cases: [{ ...base, caseNo: no(1), state: '待交办' }], now: fromShanghai(2026, 3, 2, 11, 0) });
  const r = act(w, office.email, 'assign', [no(1)], { fields: { department: DEPT } });
  expect(r.done).toEqual([{ caseNo: no(1), state: '办理中' }]);
  // 11:00–12:00, then 13:30–15:30 (office hours 08:30–12:00, 13:30–17:30).
  expect(w.audit[0].note).toBe(`承办部室：${DEPT}；接收时限至 2026-03-02；退单时限至 2026-03-02 15:30`);
  expect(mailbox(w)).toEqual([[[liaison.email, liaisonB.email], `${no(1)} 已交办，请当天接处`]]);
  // What the liaisons are asked: 接收 the same working day; the case summed up with its petitioner masked.
  expect(w.sent[0]!.content).toMatchObject({
    step: { node: '接收', dueAt: fromShanghai(2026, 3, 2, 23, 59, 59, 999) },
    summary: '投诉｜信访人：张*｜诉求：道路积水',
    department: DEPT,
    dueDate: '2026-05-06',
    anonymous: false,
  });
});

test('a notice nobody can receive becomes a warning', () => {
  const w = memoryWorld({ cases: [{ ...base, caseNo: no(1), state: '待交办' }], people: [office] });
  const r = act(w, office.email, 'assign', [no(1)], { fields: { department: DEPT } });
  expect(r.warnings).toEqual([`${no(1)}：人员表中没有「部室联络员（${DEPT}）」，「已交办，请当天接处」通知未发出`]);
});

test('a walk-in from registration to 归档 through the use cases', () => {
  const w = memoryWorld();
  const visit = {
    ...base,
    source: '本级',
    form: '来访',
    visitRouting: '业务性较强',
    department: DEPT,
    petitionDate: '2026-03-02',
  };
  const reg = registerCase({ fields: visit, actorEmail: office.email }, w.ports);
  expect(reg.ok && reg.state).toBe('办理中');
  const steps: [string, string, PerformRequest['input']?][] = [
    [handler.email, 'submit', { fields: { opinion: '当场答复，安排维修' } }],
    [head.email, 'receptionOpinion', { fields: { receptionOpinion: '已接待，同意处理意见' } }],
    [lineLeader.email, 'itemReview', { fields: { itemReviewOpinion: '同意' } }],
    [chief.email, 'approveClose', { fields: { closeSignOpinion: '同意办结' } }],
    [office.email, 'reply'],
    [office.email, 'callback', { fields: { satisfaction: '满意', callbackMethod: '当面' } }],
    [office.email, 'archive'],
  ];
  for (const [email, action, input] of steps) {
    w.clock.now = new Date(w.clock.now.getTime() + 3_600_000);
    const r = act(w, email, action, [no(1)], input);
    expect([action, r.refused]).toEqual([action, []]);
  }
  expect(caseOf(w, no(1))).toMatchObject({
    state: '已归档',
    handler: '周明',
    itemReviewBy: '钱进',
    closeSignedBy: '赵强',
    closeSignOpinion: '同意办结',
    satisfaction: '满意',
    callbackMethod: '当面',
    callbackBy: '王芳',
    receptionBy: '吴刚',
    callbackCount: 1,
  });
  expect(w.audit.map((a) => a.action)).toEqual([
    '登记',
    '提交审核',
    '接待部室意见',
    '事项分管领导审核',
    '办结签批',
    '系统回复',
    '回访',
    '归档',
  ]);
  // Every signature annex 4 prints is a 签批记录, and the 回访 a 回访记录, written under the lock with the case.
  expect(w.records.map((r) => `${r.kind}:${r.seq}:${'step' in r ? r.step : ''}:${r.by}`)).toEqual([
    'signoff:1:处理（答复）意见及结论:周明',
    'signoff:2:接待部室意见:吴刚',
    'signoff:3:事项分管领导审核:钱进',
    'signoff:4:办结签批:赵强',
    'callback:1::王芳',
  ]);
});

test('交办 to a department not in 部室 is refused before anything changes', () => {
  const w = memoryWorld({ cases: [{ ...base, caseNo: no(1), state: '待交办' }] });
  const r = act(w, office.email, 'assign', [no(1)], { fields: { department: '规划部' } });
  expect(r.refused).toEqual([
    { caseNo: no(1), reason: `${no(1)} 承办部室「规划部」不在「部室」表中，不能交办（可选：${DEPT}、综合事务部）` },
  ]);
  expect(w.saves).toEqual([]);
  expect(w.audit).toEqual([]);
});

test('联系函 take the year’s next numbers in turn, only for the letters sent; a reply completes the letter', () => {
  const handling = { ...base, state: '办理中' as const, department: DEPT };
  const w = memoryWorld({
    cases: [
      { ...handling, caseNo: no(1) },
      { ...handling, caseNo: no(2), state: '待签收' as const },
      { ...handling, caseNo: no(3) },
    ],
  });
  const input = { fields: { liaisonUnit: '越城区住建局', letterMatter: '排水管网权属' } };
  const r = act(w, office.email, 'liaisonLetter', [no(1), no(2), no(3)], input);
  expect(r.done.map((d) => d.caseNo)).toEqual([no(1), no(3)]);
  expect(w.records.map((x) => [x.caseNo, 'letterNo' in x && x.letterNo])).toEqual([
    [no(1), '镜信联〔2026〕001号'],
    [no(3), '镜信联〔2026〕002号'],
  ]);
  expect(caseOf(w, no(3))).toMatchObject({ letterCount: 1, lastLetterNo: '镜信联〔2026〕002号' });
  act(w, office.email, 'liaisonLetter', [no(1)], { fields: { liaisonUnit: '镜湖街道', letterMatter: '道路保洁' } });
  expect(caseOf(w, no(1))).toMatchObject({
    letterCount: 2,
    lastLetterNo: '镜信联〔2026〕003号',
    liaisonUnit: '镜湖街道',
  });
  expect(act(w, liaison.email, 'letterReply', [no(1)], { fields: { letterReply: '街道已安排保洁' } }).refused).toEqual(
    [],
  );
  expect(w.records.filter((x) => x.caseNo === no(1))).toEqual([
    expect.objectContaining({ seq: 1, letterNo: '镜信联〔2026〕001号' }),
    expect.objectContaining({
      seq: 2,
      letterNo: '镜信联〔2026〕003号',
      reply: '街道已安排保洁',
      replyDate: '2026-03-02',
    }),
  ]);
});

test('an extension through the use case moves 办理期限 and the log says from what to what', () => {
  const w = memoryWorld({
    cases: [{ ...base, caseNo: no(1), state: '办理中', department: DEPT, dueDate: '2026-04-10' }],
  });
  act(w, liaison.email, 'requestExtension', [no(1)], { fields: { extRequestDays: '20', extReason: '需现场勘查' } });
  const r = act(w, petitionLeader.email, 'approveExtension', [no(1)]);
  expect(r.done).toEqual([{ caseNo: no(1), state: '办理中' }]);
  expect(caseOf(w, no(1))).toMatchObject({ dueDate: '2026-04-30', extTotalDays: 20, extDecision: '批准' });
  expect(w.audit[1].note).toBe('批准延期20日，办理期限 2026-04-10 → 2026-04-30；办结时限至 2026-04-30');
  expect(mailbox(w)).toEqual([
    [[petitionLeader.email], `${no(1)} 延期申请待审批`],
    [[liaison.email, liaisonB.email], `${no(1)} 延期已批准，办理期限改为2026-04-30`],
  ]);
});

test('更正 through the use case', () => {
  const w = memoryWorld({
    cases: [{ ...base, caseNo: no(1), state: '审核中', department: DEPT, handler: '周明', opinion: 'o' }],
  });
  const r = act(w, office.email, 'correct', [no(1)], { toState: '办理中', fields: { correctionReason: '误点提交' } });
  expect(r.done).toEqual([{ caseNo: no(1), state: '办理中' }]);
  expect(w.audit[0]).toMatchObject({
    action: '更正',
    fromState: '审核中',
    toState: '办理中',
    note: '更正原因：误点提交',
  });
});

test('a case is acted on as its row record says, whatever its cells show; the cells are put right', () => {
  const recorded = sealed({ ...base, caseNo: no(1) });
  const w = memoryWorld({ cases: [{ ...recorded, state: '已办结', closeSignedBy: '某人' }] });
  const r = act(w, office.email, 'sign', [no(1)]);
  expect(r.done).toEqual([{ caseNo: no(1), state: '待交办签批' }]);
  expect(caseOf(w, no(1))).toMatchObject({ state: '待交办签批', signedBy: '王芳' });
  expect(caseOf(w, no(1)).closeSignedBy).toBeUndefined();
  expect(decodeRecord(caseOf(w, no(1)).controlRecord)).toMatchObject({ state: '待交办签批', signedBy: '王芳' });
});

test('the opinions the annexes print are required; 交办签批 takes a signature only', () => {
  const w = memoryWorld({
    cases: [
      { ...base, caseNo: no(1), state: '审核中', department: DEPT, handler: '周明', opinion: 'o' },
      { ...base, caseNo: no(2), state: '待交办签批' },
    ],
  });
  expect(act(w, lineLeader.email, 'itemReview', [no(1)], { fields: { itemReviewOpinion: ' ' } }).refused).toEqual([
    { caseNo: no(1), reason: `${no(1)}「事项分管领导审核」须填写：事项分管领导审核意见` },
  ]);
  expect(act(w, petitionLeader.email, 'approveAssign', [no(2)]).done).toEqual([{ caseNo: no(2), state: '待交办' }]);
});
