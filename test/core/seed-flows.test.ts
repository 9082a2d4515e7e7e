// The seed's flows the first workflow lacked, through decide(): 接收 by liaison A or B, 转送 on the office's own
// judgment, a platform 不满意 without rollback, sign-offs kept per round, 联系函 letters and replies, 复查/复核, 交办
// only to a department of 部室; and what a signer reads (the case card) and what registration flags (接收必登).
import { WorkCalendar } from '../../src/core/calendar';
import { caseCard } from '../../src/core/card';
import { decodeRecord, encodeRecord } from '../../src/core/controls';
import { fromShanghai } from '../../src/core/dates';
import { DEFAULT_TIME_LIMITS } from '../../src/core/deadlines';
import { intakeFlags } from '../../src/core/intake';
import type { Case, Person } from '../../src/core/model';
import type { AnyRecord } from '../../src/core/records';
import { DEFAULT_SETTINGS, type ActionType, type DecideContext, type Rules } from '../../src/core/roles';
import { decide, type Effect } from '../../src/core/workflow';

const rules: Rules = { settings: DEFAULT_SETTINGS, limits: DEFAULT_TIME_LIMITS, calendar: WorkCalendar.withDefaults() };
const NO = '镜访〔2026〕012号';
const DEPT = '规划建设部';
const person = (name: string, role: Person['roles'][number], departments: string[] = [], slot?: string): Person => ({
  email: `${name}@jinghu.example`,
  name,
  roles: [role],
  departments,
  ...(slot ? { liaisonSlot: slot } : {}),
});
const office = person('王芳', '信访办', ['综合事务部']);
const petitionLeader = person('李四', '信访工作分管领导');
const lineLeader = person('钱进', '事项分管领导', [DEPT]);
const liaisonA = person('孙立', '部室联络员', [DEPT], 'A');
const liaisonB = person('郑晓', '部室联络员', [DEPT], 'B');
const handler = person('周明', '承办人', [DEPT]);
const at = (m: number, d: number, hh = 9, mm = 0): Date => fromShanghai(2026, m, d, hh, mm);

const base: Case = {
  caseNo: NO,
  state: '待签收',
  petitionerName: '张三',
  phone: '13812345678',
  petitionDate: '2026-03-02',
  source: '上级',
  upstreamNo: 'ZLF-2026-000123',
  form: '网上信访',
  matterType: '投诉',
  demand: '小区门口道路积水，电话13812345678',
  dueDate: '2026-05-06',
};
const handled: Case = { ...base, department: DEPT, handler: '周明', opinion: '已疏通排水管道' };

function ok(c: Case, type: ActionType, actor: Person, now: Date, fields?: Partial<Case>, ctx?: DecideContext) {
  const d = decide(c, { type, fields }, actor, now, rules, ctx);
  if (!d.ok) throw new Error(`${type} refused: ${d.reason}`);
  return d;
}
function no(c: Case, type: ActionType, actor: Person, now: Date, fields?: Partial<Case>, ctx?: DecideContext) {
  const d = decide(c, { type, fields }, actor, now, rules, ctx);
  if (d.ok) throw new Error(`${type} unexpectedly allowed`);
  return d.reason;
}
const note = (effects: Effect[]) => effects.find((e) => e.kind === 'log')?.note;
const records = (effects: Effect[]) => effects.flatMap((e) => (e.kind === 'record' ? [e.record] : []));
const updates = (effects: Effect[]) => effects.flatMap((e) => (e.kind === 'recordUpdate' ? [e.patch] : []));

describe('接收 (当天接处)', () => {
  // Assigned Friday 2026-03-06 at 16:00: the 接收 limit is the end of that working day.
  const assigned: Case = { ...handled, state: '办理中', assignedAt: at(3, 6, 16) };

  test('liaison A or B records that they took the case, on time', () => {
    const d = ok(assigned, 'receive', liaisonB, at(3, 6, 16, 30));
    expect(d.next).toMatchObject({
      state: '办理中',
      receivedBy: '郑晓',
      receivedAt: at(3, 6, 16, 30),
      receiveLate: false,
    });
    expect(note(d.effects)).toBe('郑晓（B角）接收');
  });

  test('received the next working day: flagged 逾期接收 with the limit', () => {
    const d = ok(assigned, 'receive', liaisonA, at(3, 9, 8, 40));
    expect(d.next).toMatchObject({ receivedBy: '孙立', receiveLate: true });
    expect(note(d.effects)).toBe('孙立（A角）接收；逾期接收（接收时限至 2026-03-06 23:59）');
  });

  test('once per 交办: the other liaison is told who received it; a new 交办 is received afresh', () => {
    const received = ok(assigned, 'receive', liaisonA, at(3, 6, 16, 30)).next;
    expect(no(received, 'receive', liaisonB, at(3, 6, 17))).toBe(`${NO} 已由孙立于 2026-03-06 16:30 接收`);
    const back = ok(received, 'returnCase', liaisonA, at(3, 6, 17), { returnReason: '不属本部室' }).next;
    const again = ok(back, 'assign', office, at(3, 9, 9), { department: DEPT }).next;
    expect(again).toMatchObject({ receivedBy: undefined, receivedAt: undefined, receiveLate: undefined });
    expect(ok(again, 'receive', liaisonB, at(3, 9, 10)).next.receivedBy).toBe('郑晓');
  });

  test('交办 starts the 接收 and 退单 clocks', () => {
    const d = ok({ ...base, state: '待交办' }, 'assign', office, at(3, 6, 16), { department: DEPT });
    expect(d.effects).toContainEqual({ kind: 'deadline', node: '接收', startAt: at(3, 6, 16) });
    expect(d.effects).toContainEqual({ kind: 'deadline', node: '退单', startAt: at(3, 6, 16) });
  });
});

describe('交办 only to a department of 部室', () => {
  const ctx: DecideContext = { departments: [DEPT, '综合事务部'] };
  test('an unknown department is refused, naming the choices', () => {
    expect(no({ ...base, state: '待交办' }, 'assign', office, at(3, 2), { department: '规划建设' }, ctx)).toBe(
      `${NO} 承办部室「规划建设」不在「部室」表中，不能交办（可选：规划建设部、综合事务部）`,
    );
  });
  test('a listed one is accepted', () => {
    expect(ok({ ...base, state: '待交办' }, 'assign', office, at(3, 2), { department: DEPT }, ctx).next.state).toBe(
      '办理中',
    );
  });
});

describe('转送 by 信访办 on its own judgment', () => {
  test.each(['待签收', '待交办', '办理中'] as const)('from %s, with the receiving unit and the reason', (state) => {
    const c: Case = { ...handled, state };
    expect(no(c, 'forward', office, at(3, 3), { forwardedTo: '越城区住建局' })).toBe(`${NO}「转送」须填写：转送理由`);
    const d = ok(c, 'forward', office, at(3, 3), { forwardedTo: '越城区住建局', forwardReason: '属区住建局职权' });
    expect(d.next).toMatchObject({ state: '已转送', forwardedTo: '越城区住建局', forwardReason: '属区住建局职权' });
    expect(note(d.effects)).toBe('转送：越城区住建局；理由：属区住建局职权');
    const toDept = d.effects.filter((e) => e.kind === 'notify' && e.to.role === '部室联络员');
    expect(toDept).toHaveLength(state === '办理中' ? 1 : 0);
  });
  test('not by a department', () => {
    expect(
      no({ ...handled, state: '办理中' }, 'forward', liaisonA, at(3, 3), { forwardedTo: 'x', forwardReason: 'y' }),
    ).toContain('须由「信访办」办理');
  });
});

describe('a platform 不满意 after a satisfied 回访', () => {
  const calledBack: Case = {
    ...handled,
    state: '已回访',
    satisfaction: '满意',
    callbackMethod: '电话',
    callbackDate: '2026-03-10',
    callbackBy: '王芳',
    callbackCount: 1,
  };
  test('starts verification from where the case is: nothing rolled back, the 回访 kept, the evaluation recorded', () => {
    const d = ok(calledBack, 'platformRating', office, at(3, 12), {
      platformRating: '不满意',
      platformRatedDate: '2026-03-11',
    });
    expect(d.next).toMatchObject({
      state: '核实中',
      satisfaction: '满意',
      callbackMethod: '电话',
      callbackDate: '2026-03-10',
      platformRating: '不满意',
      platformRatedDate: '2026-03-11',
    });
    expect(note(d.effects)).toBe('平台评价：不满意（2026-03-11），进入不满意核实');
    expect(records(d.effects)).toEqual([
      {
        kind: 'callback',
        caseNo: NO,
        at: at(3, 12),
        by: '王芳',
        source: '平台评价',
        date: '2026-03-11',
        satisfaction: '不满意',
      },
    ]);
    expect(d.effects).toContainEqual({ kind: 'form', annex: 5 });
  });
  test('a satisfied evaluation is recorded and changes no state', () => {
    const d = ok(calledBack, 'platformRating', office, at(3, 12), { platformRating: '基本满意' });
    expect(d.next).toMatchObject({ state: '已回访', platformRating: '基本满意', platformRatedDate: '2026-03-12' });
  });
  test('every 回访 is a record; the row counts the office’s own', () => {
    const earlier: AnyRecord[] = [
      { kind: 'callback', caseNo: NO, seq: 1, at: at(3, 10), by: '王芳', source: '回访', satisfaction: '不满意' },
      { kind: 'callback', caseNo: NO, seq: 2, at: at(3, 11), by: '王芳', source: '平台评价', satisfaction: '不满意' },
    ];
    const c: Case = { ...calledBack, state: '已核实' };
    const d = ok(
      c,
      'callback',
      office,
      at(3, 20),
      { satisfaction: '基本满意', callbackMethod: '当面' },
      { records: earlier },
    );
    expect(d.next).toMatchObject({ state: '已回访', callbackCount: 2, callbackDate: '2026-03-20' });
    expect(note(d.effects)).toBe('第2次回访，信访人意见：基本满意（当面）');
    expect(records(d.effects)).toEqual([
      expect.objectContaining({
        kind: 'callback',
        source: '回访',
        date: '2026-03-20',
        method: '当面',
        satisfaction: '基本满意',
      }),
    ]);
  });
});

describe('sign-offs are kept per round', () => {
  test('each sign-off is a 签批记录 with its box, round, role and opinion', () => {
    const c: Case = { ...handled, state: '审核中' };
    const d = ok(c, 'itemReview', lineLeader, at(3, 6), { itemReviewOpinion: '同意' });
    expect(records(d.effects)).toEqual([
      {
        kind: 'signoff',
        caseNo: NO,
        at: at(3, 6),
        by: '钱进',
        step: '事项分管领导审核',
        round: 1,
        seq: 1,
        role: '事项分管领导',
        opinion: '同意',
      },
    ]);
  });
  test('after 退回重办 the same box is signed again as round 2', () => {
    const first: AnyRecord = {
      kind: 'signoff',
      caseNo: NO,
      seq: 3,
      at: at(3, 6),
      by: '钱进',
      step: '事项分管领导审核',
      round: 1,
    };
    const d = ok(
      { ...handled, state: '审核中' },
      'itemReview',
      lineLeader,
      at(3, 9),
      { itemReviewOpinion: '同意' },
      { records: [first] },
    );
    // A case recorded before the tally: its records count (round 2, the 序号 after the highest), and it keeps the tally.
    expect(records(d.effects)[0]).toMatchObject({ step: '事项分管领导审核', round: 2, seq: 4 });
    expect(d.next.signoffs).toEqual({ rounds: { 事项分管领导审核: 2 }, seq: 4 });
  });
  test('a case with a tally takes its round and 序号 from it, with no records loaded', () => {
    const tally = { rounds: { 信访办签收: 1, 事项分管领导审核: 1 }, seq: 5 };
    const d = ok({ ...handled, state: '审核中', signoffs: tally }, 'itemReview', lineLeader, at(3, 9), {
      itemReviewOpinion: '同意',
    });
    expect(records(d.effects)[0]).toMatchObject({ step: '事项分管领导审核', round: 2, seq: 6 });
    expect(d.next.signoffs).toEqual({ rounds: { 信访办签收: 1, 事项分管领导审核: 2 }, seq: 6 });
    // The tally rides in the case's record (系统流程记录), where only the app writes.
    expect(decodeRecord(encodeRecord(d.next))?.signoffs).toEqual(d.next.signoffs);
    expect(decodeRecord(encodeRecord({ ...d.next, signoffs: undefined }))?.signoffs).toBeUndefined();
  });
  test('a signature-only box records no opinion', () => {
    const d = ok({ ...base, state: '待交办签批' }, 'approveAssign', petitionLeader, at(3, 2));
    expect(records(d.effects)).toEqual([
      {
        kind: 'signoff',
        caseNo: NO,
        at: at(3, 2),
        by: '李四',
        step: '交办签批',
        round: 1,
        seq: 1,
        role: '信访工作分管领导',
      },
    ]);
  });
});

describe('信访事项联系函 (annex 7)', () => {
  const handling: Case = { ...handled, state: '办理中' };
  test('each letter takes the next number, is a record, and the row shows how many and the last', () => {
    const d = ok(
      handling,
      'liaisonLetter',
      handler,
      at(3, 4),
      { liaisonUnit: '越城区住建局', letterMatter: '排水管网权属' },
      { letterNo: '镜信联〔2026〕003号' },
    );
    expect(d.next).toMatchObject({ letterCount: 1, lastLetterNo: '镜信联〔2026〕003号', liaisonUnit: '越城区住建局' });
    expect(records(d.effects)).toEqual([
      {
        kind: 'letter',
        caseNo: NO,
        at: at(3, 4),
        by: '周明',
        letterNo: '镜信联〔2026〕003号',
        unit: '越城区住建局',
        matter: '排水管网权属',
        sentDate: '2026-03-04',
      },
    ]);
    expect(d.effects).toContainEqual({ kind: 'form', annex: 7 });
    expect(no(handling, 'liaisonLetter', handler, at(3, 4), { liaisonUnit: 'x' }, { letterNo: 'L' })).toBe(
      `${NO}「发联系函」须填写：协调联系事项`,
    );
  });
  test('a reply answers the newest unanswered letter; none left is refused', () => {
    const letters: AnyRecord[] = [
      {
        kind: 'letter',
        caseNo: NO,
        seq: 1,
        at: at(3, 4),
        by: '周明',
        letterNo: 'L1',
        unit: '越城区住建局',
        reply: '已办',
      },
      { kind: 'letter', caseNo: NO, seq: 2, at: at(3, 5), by: '周明', letterNo: 'L2', unit: '镜湖街道' },
    ];
    const d = ok(handling, 'letterReply', office, at(3, 8), { letterReply: '街道已派员' }, { records: letters });
    expect(updates(d.effects)).toEqual([
      { kind: 'letter', caseNo: NO, seq: 2, fields: { reply: '街道已派员', replyDate: '2026-03-08' } },
    ]);
    expect(d.next).toMatchObject({ letterReply: '街道已派员', letterReplyDate: '2026-03-08' });
    expect(note(d.effects)).toBe('联系函 L2（镜湖街道）回复（2026-03-08）：街道已派员');
    expect(no(handling, 'letterReply', office, at(3, 8), { letterReply: 'x' }, { records: letters.slice(0, 1) })).toBe(
      `${NO} 没有待回复的联系函`,
    );
  });
});

describe('复查 / 复核 (条例 Art. 35–36)', () => {
  const closed: Case = { ...handled, state: '已回访', satisfaction: '满意', callbackMethod: '电话' };
  test('a request is recorded with its 30-日 limit; a second one waits for the first', () => {
    const d = ok(closed, 'reviewRequest', office, at(3, 20), { reviewKind: '复查', reviewRequestDate: '2026-03-19' });
    // 30 日 from 03-19, the first day not counted: 04-18 is a Saturday, so the next working day 04-20.
    expect(d.next).toMatchObject({
      state: '已回访',
      reviewKind: '复查',
      reviewRequestDate: '2026-03-19',
      reviewDueDate: '2026-04-20',
    });
    expect(records(d.effects)).toEqual([
      expect.objectContaining({ kind: 'review', reviewKind: '复查', requestDate: '2026-03-19', dueDate: '2026-04-20' }),
    ]);
    expect(no(d.next, 'reviewRequest', office, at(3, 21), { reviewKind: '复核' })).toBe(
      `${NO} 已有待办结的复查申请（2026-03-19）`,
    );
  });
  test('the outcome completes the request; 复核 only after a decided 复查; nothing after 复核', () => {
    expect(no(closed, 'reviewRequest', office, at(3, 20), { reviewKind: '复核' })).toBe(
      `${NO} 复核须在复查办结后申请（条例第三十六条）`,
    );
    expect(no(closed, 'reviewDecide', office, at(3, 20), { reviewOutcome: '维持', reviewOpinion: 'x' })).toBe(
      `${NO} 没有待办结的复查复核申请`,
    );
    const req = ok(closed, 'reviewRequest', office, at(3, 20), { reviewKind: '复查' });
    const stored = { ...records(req.effects)[0]!, seq: 1 } as AnyRecord;
    const d = ok(
      req.next,
      'reviewDecide',
      office,
      at(4, 10),
      { reviewOutcome: '维持', reviewOpinion: '原处理意见并无不当' },
      { records: [stored] },
    );
    expect(d.next).toMatchObject({ reviewOutcome: '维持', reviewDecidedDate: '2026-04-10' });
    expect(updates(d.effects)).toEqual([
      {
        kind: 'review',
        caseNo: NO,
        seq: 1,
        fields: { outcome: '维持', opinion: '原处理意见并无不当', decidedDate: '2026-04-10' },
      },
    ]);
    expect(no(d.next, 'reviewRequest', office, at(4, 11), { reviewKind: '复查' })).toBe(
      `${NO} 已经复查；不服复查意见的，应申请复核`,
    );
    const again = ok(d.next, 'reviewRequest', office, at(4, 11), { reviewKind: '复核' }).next;
    const done = ok(again, 'reviewDecide', office, at(5, 6), {
      reviewOutcome: '维持',
      reviewOpinion: '同意复查意见',
    }).next;
    expect(no(done, 'reviewRequest', office, at(5, 7), { reviewKind: '复核' })).toBe(
      `${NO} 已经复核，同一事实和理由不再受理（条例第三十六条）`,
    );
  });
});

describe('the case card a signer reads', () => {
  test('masks the petitioner and numbers in the text, and lists earlier opinions by round', () => {
    const signed: AnyRecord[] = [
      { kind: 'signoff', caseNo: NO, seq: 1, at: at(3, 2, 10), by: '李四', step: '交办签批', round: 1 },
      {
        kind: 'signoff',
        caseNo: NO,
        seq: 2,
        at: at(3, 6),
        by: '钱进',
        step: '事项分管领导审核',
        round: 2,
        opinion: '同意',
      },
    ];
    const card = caseCard({ ...handled, state: '信访审核中' }, signed);
    expect(card.facts).toEqual(
      expect.arrayContaining([
        ['编号', NO],
        ['事项类型', '投诉'],
        ['信访人', '张*　138****5678'],
        ['信访诉求', '小区门口道路积水，电话138****5678'],
        ['承办部室', DEPT],
        ['处理（答复）意见及结论', '已疏通排水管道'],
        ['期限', '办理期限 2026-05-06'],
      ]),
    );
    expect(card.opinions).toEqual([
      { step: '交办签批', round: 1, by: '李四', at: '2026-03-02 10:00', opinion: '' },
      { step: '事项分管领导审核', round: 2, by: '钱进', at: '2026-03-06 09:00', opinion: '同意' },
    ]);
    expect(JSON.stringify(card)).not.toContain('张三');
  });
  test('a 检举控告 petitioner is not even masked-named', () => {
    const card = caseCard({ ...handled, matterType: '检举控告' }, []);
    expect(card.facts).toContainEqual(['信访人', '匿名保护（检举控告）']);
  });
});

describe('接收必登: what registration flags instead of refusing', () => {
  const now = at(3, 2);
  test('a bad ID checksum and a bad phone are flagged with why', () => {
    expect(intakeFlags({ ...base, source: '本级', idNumber: '110105194912310021', phone: '1381234' }, now)).toEqual([
      '身份证号码校验位不正确（应为 X）',
      '联系电话手机号应为 11 位（现为 7 位）',
    ]);
  });
  test('an unsigned petition is 匿名; a 上级 case without its number or the platform’s deadline is flagged', () => {
    expect(intakeFlags({ ...base, petitionerName: '匿名', upstreamNo: '' }, now)).toEqual([
      '未署名，按匿名登记',
      '上级信访件编号未填',
      '上级平台办理期限未填，暂按默认时限计算（填入「办理期限」即改用平台期限）',
    ]);
    expect(intakeFlags({ ...base, dueSource: '手填' }, now)).toEqual([]);
  });
});
