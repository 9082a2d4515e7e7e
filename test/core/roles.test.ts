// The rule table, checked two ways: against a matrix written by hand from the seed, and by deciding every
// action in every state for every role (generated) — so the table cannot silently agree with itself.
import { WorkCalendar } from '../../src/core/calendar';
import { fromShanghai } from '../../src/core/dates';
import { DEFAULT_TIME_LIMITS } from '../../src/core/deadlines';
import { CASE_STATES, ROLES, type Case, type CaseState, type Person, type Role } from '../../src/core/model';
import {
  ACTION_RULES,
  ACTION_TYPES,
  allowedRoles,
  DEFAULT_SETTINGS,
  type ActionType,
  type DecideContext,
  type Rules,
} from '../../src/core/roles';
import { decide, judgeTypedStatusChange } from '../../src/core/workflow';

const rules: Rules = { settings: DEFAULT_SETTINGS, limits: DEFAULT_TIME_LIMITS, calendar: WorkCalendar.withDefaults() };
const NO = '镜访〔2026〕012号';
const DEPT = '规划建设部';
const NOW = fromShanghai(2026, 3, 3, 10, 0); // a Tuesday, in office hours
const OFFICE = ['信访办', '主职领导', '信访工作分管领导'] as Role[];
const DEPT_ROLES = ['部室联络员', '承办人'] as Role[];
const ALL_BUT_FIRST = CASE_STATES.filter((s) => s !== '待签收');
/** From 办结 on: a 复查/复核 request follows the written reply (条例 Art. 35), even after 归档. */
const CONCLUDED = CASE_STATES.slice(CASE_STATES.indexOf('已办结'));

/** Written by hand from the seed (annex 1–4, 二(二), process.md), not copied from roles.ts. */
interface Expected {
  from: readonly CaseState[];
  to: CaseState | 'same';
  roles: Role[];
  report?: Role[]; // 检举控告类
  walkIn?: Role[]; // 现场接访 (来访 + 本级)
  ownDept?: Role[];
  walkInOnly?: boolean; // a box of annex 4 (来访登记单) only
}
const EXPECTED: Record<ActionType, Expected> = {
  sign: { from: ['待签收'], to: '待交办签批', roles: ['信访办'] },
  approveAssign: { from: ['待交办签批'], to: '待交办', roles: ['信访工作分管领导', '主职领导'], report: ['主职领导'] },
  assign: { from: ['待交办', '已退单'], to: '办理中', roles: ['信访办'] },
  // 二(一)1: the liaisons (A and B) receive the case the same day (当天接处).
  receive: { from: ['办理中'], to: 'same', roles: ['部室联络员'], ownDept: ['部室联络员'] },
  returnCase: { from: ['办理中'], to: '已退单', roles: ['部室联络员'], ownDept: ['部室联络员'] },
  // 一(二)1(2): 信访办 forwards what is not the office's, on its own judgment or after a 退单.
  forward: { from: ['待签收', '待交办', '办理中', '已退单'], to: '已转送', roles: ['信访办'] },
  submit: { from: ['办理中'], to: '审核中', roles: DEPT_ROLES, ownDept: DEPT_ROLES },
  // Annex 4's 接待部室（单位）意见, by the department's head.
  receptionOpinion: {
    from: ['办理中', '审核中'],
    to: 'same',
    roles: ['部室负责人'],
    ownDept: ['部室负责人'],
    walkInOnly: true,
  },
  itemReview: { from: ['审核中'], to: '信访审核中', roles: ['事项分管领导'], ownDept: ['事项分管领导'] },
  petitionReview: { from: ['信访审核中'], to: '待办结签批', roles: ['信访工作分管领导'] },
  approveClose: {
    from: ['待办结签批'],
    to: '已办结',
    roles: ['信访工作分管领导', '主职领导'],
    report: ['主职领导'],
    walkIn: ['主职领导'],
  },
  reply: { from: ['已办结'], to: '待回访', roles: ['信访办'] },
  callback: { from: ['待回访', '已核实'], to: '已回访', roles: ['信访办'] },
  // The platform's evaluation, told to the office after (or before) its own 回访.
  platformRating: { from: ['待回访', '已回访', '已核实'], to: '核实中', roles: ['信访办'] },
  // Annex 5 in print order: 核实件要求 (信访办), 主职领导交办签批, 事项分管领导批示, 部长（主任）办理意见, the statement.
  assignVerify: { from: ['核实中'], to: '核实待签批', roles: ['信访办'] },
  verifyAssignSign: {
    from: ['核实待签批'],
    to: '核实待批示',
    roles: ['信访工作分管领导', '主职领导'],
    report: ['主职领导'],
  },
  verifyInstruct: { from: ['核实待批示'], to: '核实办理中', roles: ['事项分管领导'], ownDept: ['事项分管领导'] },
  verifyHeadOpinion: { from: ['核实办理中'], to: 'same', roles: ['部室负责人'], ownDept: ['部室负责人'] },
  submitVerify: { from: ['核实办理中'], to: '核实待签发', roles: DEPT_ROLES, ownDept: DEPT_ROLES },
  issueVerify: {
    from: ['核实待签发'],
    to: '核实待回复',
    roles: ['事项分管领导', '信访工作分管领导'],
    ownDept: ['事项分管领导'],
  },
  replyVerify: { from: ['核实待回复'], to: '已核实', roles: ['信访办'] },
  redo: {
    from: ['审核中', '信访审核中', '待办结签批', '核实待签发', '核实待回复'],
    to: '办理中',
    roles: ['信访办', '事项分管领导', '信访工作分管领导', '主职领导'],
    ownDept: ['事项分管领导'],
  },
  requestExtension: { from: ['办理中'], to: 'same', roles: DEPT_ROLES, ownDept: DEPT_ROLES },
  approveExtension: { from: ['办理中'], to: 'same', roles: ['信访工作分管领导'] },
  rejectExtension: { from: ['办理中'], to: 'same', roles: ['信访工作分管领导'] },
  liaisonLetter: { from: ['办理中', '核实办理中'], to: 'same', roles: ['信访办', ...DEPT_ROLES], ownDept: DEPT_ROLES },
  letterReply: { from: ALL_BUT_FIRST, to: 'same', roles: ['信访办', ...DEPT_ROLES], ownDept: DEPT_ROLES },
  reviewRequest: { from: CONCLUDED, to: 'same', roles: ['信访办'] },
  reviewDecide: { from: CONCLUDED, to: 'same', roles: ['信访办'] },
  flagWeekly: { from: CASE_STATES, to: 'same', roles: OFFICE },
  flagSupervision: { from: CASE_STATES, to: 'same', roles: OFFICE },
  archive: { from: ['已回访', '已核实'], to: '已归档', roles: ['信访办'] },
  correct: { from: ALL_BUT_FIRST, to: '待签收', roles: ['信访办'] },
};

/** What each action is given (a person's input); 更正 goes back to 待签收, earlier than every other state. */
const INPUT: Partial<Record<ActionType, Partial<Case>>> = {
  itemReview: { itemReviewOpinion: '同意' },
  petitionReview: { petitionReviewOpinion: '同意' },
  approveClose: { closeSignOpinion: '同意' },
  returnCase: { returnReason: '不属本部室职责' },
  forward: { forwardedTo: '越城区住建局', forwardReason: '属住建部门职责' },
  receptionOpinion: { receptionOpinion: '已接待，按规划处理' },
  redo: { redoReason: '事实不清' },
  callback: { satisfaction: '满意', callbackMethod: '电话' },
  platformRating: { platformRating: '不满意' },
  assignVerify: { verifyRequirement: '核实排水情况' },
  verifyInstruct: { verifyInstruction: '请认真核实' },
  verifyHeadOpinion: { verifyHeadOpinion: '安排专人核实' },
  submitVerify: { verifyStatement: '已复查', verifyCommunication: '已与信访人沟通' },
  requestExtension: { extRequestDays: 10, extReason: '需现场勘查' },
  correct: { correctionReason: '误点了按钮' },
  liaisonLetter: { liaisonUnit: '越城区住建局', letterMatter: '道路排水管网归属' },
  letterReply: { letterReply: '已派员疏通' },
  reviewRequest: { reviewKind: '复查' },
  reviewDecide: { reviewOutcome: '维持', reviewOpinion: '原处理意见并无不当' },
  flagWeekly: { weeklyConsult: true },
  flagSupervision: { supervised: true },
};

/** A case that satisfies every field requirement and guard, in `state`. */
function readyCase(type: ActionType, state: CaseState, extra: Partial<Case> = {}): Case {
  const pending = type === 'approveExtension' || type === 'rejectExtension';
  return {
    caseNo: NO,
    state,
    petitionerName: '张三',
    petitionDate: '2026-03-02',
    source: '本级',
    form: '来信',
    matterType: '投诉',
    demand: '小区道路积水',
    department: DEPT,
    handler: '周科员',
    opinion: '已疏通排水',
    satisfaction: '满意',
    callbackMethod: '电话',
    verifyRequirement: '核实排水情况',
    verifyInstruction: '请认真核实',
    verifyInstructionAt: new Date(NOW.getTime() - 60 * 60_000),
    verifyHeadOpinion: '安排专人核实',
    verifyHeadAt: new Date(NOW.getTime() - 20 * 60_000),
    verifyStatement: '已复查',
    verifyCommunication: '已与信访人沟通',
    receptionAt: new Date(NOW.getTime() - 20 * 60_000),
    returnReason: '不属本部室职责',
    forwardedTo: '越城区住建局',
    dueDate: '2026-05-04',
    assignedAt: new Date(NOW.getTime() - 30 * 60_000),
    ...(pending ? { extRequestDays: 10, extReason: '需现场勘查', extRequestedAt: NOW } : {}),
    ...(type === 'reviewDecide' ? { reviewKind: '复查', reviewRequestDate: '2026-03-02' } : {}),
    ...extra,
  };
}

/** What the app loads for an action: a 联系函's number, the letter a reply answers. */
const CONTEXT: Partial<Record<ActionType, DecideContext>> = {
  liaisonLetter: { letterNo: '镜信联〔2026〕001号' },
  letterReply: {
    records: [{ kind: 'letter', caseNo: NO, seq: 1, at: NOW, by: '王芳', letterNo: 'L1', unit: '越城区住建局' }],
  },
};

const actorAs = (role: Role, departments = [DEPT]): Person => ({
  email: `${role}@jinghu.example`,
  name: `${role}甲`,
  roles: [role],
  departments,
});
const expectedRoles = (e: Expected, kind: 'normal' | 'report' | 'walkIn'): Role[] =>
  (kind === 'report' ? e.report : kind === 'walkIn' ? e.walkIn : undefined) ?? e.roles;
const expectedTo = (type: ActionType, state: CaseState, e: Expected): CaseState =>
  e.to === 'same' ? state : type === 'redo' && state.startsWith('核实') ? '核实办理中' : e.to;
const variants: Record<'normal' | 'report' | 'walkIn', Partial<Case>> = {
  normal: {},
  report: { matterType: '检举控告' },
  walkIn: { form: '来访', source: '本级' },
};

describe('the table matches the hand-written matrix', () => {
  test.each(ACTION_TYPES)('%s: from-states and roles', (type) => {
    const rule = ACTION_RULES[type];
    const e = EXPECTED[type];
    expect([...rule.from].sort()).toEqual([...e.from].sort());
    for (const kind of ['normal', 'report', 'walkIn'] as const) {
      const c = readyCase(type, e.from[0], variants[kind]);
      expect([...allowedRoles(rule, c, DEFAULT_SETTINGS).roles].sort()).toEqual([...expectedRoles(e, kind)].sort());
    }
    expect([...(rule.ownDepartment ?? [])].sort()).toEqual([...(e.ownDept ?? [])].sort());
  });
  test('every action has a Chinese caption', () => {
    // The annexes' own words may hold full-width brackets: 部长（主任）办理意见.
    for (const t of ACTION_TYPES) expect(ACTION_RULES[t].caption).toMatch(/^[\u4e00-\u9fff（）]+$/);
  });
});

describe.each(ACTION_TYPES)('decide %s', (type) => {
  const e = EXPECTED[type];
  test.each(CASE_STATES.map((s) => [s]))('in %s, for each role', (state) => {
    for (const kind of ['normal', 'report', 'walkIn'] as const) {
      for (const role of ROLES) {
        const c = readyCase(type, state, variants[kind]);
        const action = { type, fields: INPUT[type], toState: '待签收' as const };
        const d = decide(c, action, actorAs(role), NOW, rules, CONTEXT[type]);
        const permitted = e.from.includes(state) && expectedRoles(e, kind).includes(role);
        const allowed = permitted && (!e.walkInOnly || kind === 'walkIn');
        const where = `${type} ${kind} ${state} ${role}`;
        if (allowed) {
          expect([where, d.ok ? 'ok' : d.reason]).toEqual([where, 'ok']);
          const to = type === 'itemReview' && kind === 'walkIn' ? '待办结签批' : expectedTo(type, state, e);
          if (d.ok) expect([where, d.next.state]).toEqual([where, to]);
        } else {
          expect(d.ok).toBe(false);
          if (!d.ok) {
            expect(d.reason.startsWith(NO)).toBe(true);
            if (!e.from.includes(state))
              expect(d.reason).toContain(`当前状态为「${state}」，不能「${ACTION_RULES[type].caption}」`);
            else if (permitted) expect(d.reason).toContain('不是现场来访件');
            else expect(d.reason).toContain(`${role}甲的角色为${role}`);
          }
        }
      }
    }
  });
});

describe('department-bound roles act only for their own department', () => {
  const bound = ACTION_TYPES.filter((t) => EXPECTED[t].ownDept);
  test.each(bound)('%s', (type) => {
    const e = EXPECTED[type];
    for (const role of e.ownDept ?? []) {
      const d = decide(
        readyCase(type, e.from[0], e.walkInOnly ? variants.walkIn : {}),
        { type, fields: INPUT[type] },
        actorAs(role, ['招商服务部']),
        NOW,
        rules,
        CONTEXT[type],
      );
      expect(d.ok).toBe(false);
      if (!d.ok)
        expect(d.reason).toBe(`${NO} 承办部室为「${DEPT}」，${role}甲（${role}）只能办理本部室（招商服务部）的信访件`);
    }
  });
  test('a 事项分管领导 with no lines listed in 人员 may review any line', () => {
    const d = decide(
      readyCase('itemReview', '审核中'),
      { type: 'itemReview', fields: INPUT.itemReview },
      actorAs('事项分管领导', []),
      NOW,
      rules,
    );
    expect(d.ok).toBe(true);
  });
  test('a liaison with no department listed is refused', () => {
    const d = decide(readyCase('submit', '办理中'), { type: 'submit' }, actorAs('部室联络员', []), NOW, rules);
    expect(d.ok).toBe(false);
  });
});

describe('typed state changes are judged by the same table', () => {
  const moves = ACTION_TYPES.filter((t) => EXPECTED[t].to !== 'same' && t !== 'correct');
  test.each(moves)('%s typed as a state', (type) => {
    const e = EXPECTED[type];
    for (const from of e.from) {
      const to = expectedTo(type, from, e);
      const c = { ...readyCase(type, to), ...INPUT[type] };
      const allowed = actorAs(e.roles[0]);
      const j = judgeTypedStatusChange(c, from, to, allowed, NOW, rules);
      expect([type, from, j.legal]).toEqual([type, from, true]);
      if (j.legal) expect(j.action).toBe(type);
      const wrong = ROLES.find(
        (r) =>
          !e.roles.includes(r) &&
          !Object.values(EXPECTED).some((x) => x.from.includes(from) && x.to === to && x.roles.includes(r) && x !== e),
      );
      if (wrong) expect(judgeTypedStatusChange(c, from, to, actorAs(wrong), NOW, rules).legal).toBe(false);
    }
  });
});

test('the extension approver is a setting', () => {
  const custom: Rules = { ...rules, settings: { ...DEFAULT_SETTINGS, extensionApprovers: ['主职领导'] } };
  const c = readyCase('approveExtension', '办理中');
  expect(decide(c, { type: 'approveExtension' }, actorAs('主职领导'), NOW, custom).ok).toBe(true);
  expect(decide(c, { type: 'approveExtension' }, actorAs('信访工作分管领导'), NOW, custom).ok).toBe(false);
});
