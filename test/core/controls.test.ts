// The case's controls (编号, 状态, sign-offs): which columns they are, the record kept on the row, and how a typed
// change to them is judged — allowed by the rule table for that person, or put back.
import { WorkCalendar } from '../../src/core/calendar';
import {
  CONTROL_KEYS,
  controlsOf,
  decodeRecord,
  encodeRecord,
  factsOf,
  judgeTypedControls,
  sameControl,
  sealed,
  trustedCase,
} from '../../src/core/controls';
import { fromShanghai } from '../../src/core/dates';
import { DEFAULT_TIME_LIMITS } from '../../src/core/deadlines';
import type { Case, Person } from '../../src/core/model';
import { DEFAULT_SETTINGS, type Rules } from '../../src/core/roles';

const rules: Rules = { settings: DEFAULT_SETTINGS, limits: DEFAULT_TIME_LIMITS, calendar: WorkCalendar.withDefaults() };
const NO = '镜访〔2026〕012号';
const DEPT = '规划建设部';
const at = (m: number, d: number, hh = 9, mm = 0): Date => fromShanghai(2026, m, d, hh, mm);
const person = (name: string, roles: Person['roles'], departments: string[] = []): Person => ({
  email: `${name}@jinghu.example`,
  name,
  roles,
  departments,
});
const office = person('王芳', ['信访办'], ['综合事务部']);
const chief = person('赵强', ['主职领导']);
const petitionLeader = person('李四', ['信访工作分管领导']);
const nobody = person('陌生人', []);
const NOW = at(3, 9, 10);

/** A 检举控告类 case awaiting the 主职领导's closing signature, as its record holds it. */
const awaiting: Case = {
  caseNo: NO,
  state: '待办结签批',
  petitionerName: '张三',
  petitionDate: '2026-03-02',
  source: '本级',
  form: '来信',
  matterType: '检举控告',
  demand: '举报工程违规',
  department: DEPT,
  handler: '周明',
  opinion: '经查部分属实',
  registeredAt: at(3, 2),
  registeredBy: '王芳',
  signedBy: '王芳',
  signedAt: at(3, 2, 10),
  assignSignedBy: '赵强',
  assignSignedAt: at(3, 2, 11),
  itemReviewBy: '钱进',
  itemReviewAt: at(3, 6),
  itemReviewOpinion: '同意',
  petitionReviewBy: '李四',
  petitionReviewAt: at(3, 6, 14),
  petitionReviewOpinion: '同意',
};

describe('the controls', () => {
  test('are 编号, 状态, every sign-off (who, when), the opinions the annexes print, and the step times', () => {
    for (const k of ['caseNo', 'state', 'signedBy', 'signedAt', 'closeSignedBy', 'closedDate', 'verifyIssuer'] as const)
      expect(CONTROL_KEYS).toContain(k);
    for (const k of ['assignSignOpinion', 'itemReviewOpinion', 'petitionReviewOpinion', 'closeSignOpinion'] as const)
      expect(CONTROL_KEYS).toContain(k);
    for (const k of ['assignedAt', 'registeredBy', 'callbackBy', 'extDecidedBy', 'extTotalDays'] as const)
      expect(CONTROL_KEYS).toContain(k);
  });
  test('are not the facts of the case, nor the row record itself', () => {
    for (const k of [
      'petitionerName',
      'petitionDate',
      'demand',
      'department',
      'opinion',
      'satisfaction',
      'dueDate',
      'remarks',
      'controlRecord',
      'anchorNo',
    ] as const)
      expect(CONTROL_KEYS).not.toContain(k);
  });
});

describe('the row record', () => {
  test('keeps the controls only, and reads back the same instants, dates and numbers', () => {
    const c: Case = { ...awaiting, closedDate: '2026-03-09', extTotalDays: 20 };
    const text = encodeRecord(c);
    expect(text).not.toContain('张三');
    expect(decodeRecord(text)).toEqual(controlsOf(c));
    expect((decodeRecord(text)!.signedAt as Date).getTime()).toBe(at(3, 2, 10).getTime());
  });
  test('is null for anything the app did not write', () => {
    for (const bad of ['', '镜访〔2026〕012号', '{', '[]', '{"caseNo":"x"}', '{"caseNo":"x","state":"完成"}'])
      expect(decodeRecord(bad)).toBeNull();
    expect(decodeRecord('{"caseNo":"x","state":"待签收","signedAt":"昨天"}')).toBeNull();
    expect(decodeRecord(42)).toBeNull();
  });
  test('sealed: the anchor is the 编号 and the record is the case’s controls', () => {
    const s = sealed(awaiting);
    expect(s.anchorNo).toBe(NO);
    expect(decodeRecord(s.controlRecord)).toEqual(controlsOf(awaiting));
  });
  test('trustedCase: the controls come from the record, whatever the cells hold; facts from the cells', () => {
    const row: Case = { ...sealed(awaiting), state: '已办结', closeSignedBy: '王芳', caseNo: '', demand: '改过的诉求' };
    expect(trustedCase(row)).toMatchObject({ state: '待办结签批', caseNo: NO, demand: '改过的诉求' });
    expect(trustedCase(row).closeSignedBy).toBeUndefined();
    const foreign: Case = { ...row, anchorNo: '镜访〔2026〕099号' };
    expect(trustedCase(foreign)).toBe(foreign);
    expect(trustedCase({ ...row, controlRecord: undefined })).toMatchObject({ state: '已办结' });
  });
  test('sameControl compares instants to the second, blanks as blanks, text trimmed', () => {
    expect(sameControl(at(3, 2), new Date(at(3, 2).getTime() + 400))).toBe(true);
    expect(sameControl(at(3, 2), new Date(at(3, 2).getTime() + 1500))).toBe(false);
    expect(sameControl('', undefined)).toBe(true);
    expect(sameControl(' 王芳 ', '王芳')).toBe(true);
    expect(sameControl('王芳', undefined)).toBe(false);
    expect(sameControl(at(3, 2), '2026-03-02 09:00')).toBe(false);
  });
});

/** The row as a person left it: the record's case with `typed` over it. */
function judge(typed: Partial<Case>, actor: Person, recorded: Case = awaiting) {
  return judgeTypedControls({ recorded, typed: { ...recorded, ...typed }, actor, now: NOW, rules });
}

describe('a typed control change', () => {
  test('by someone with no role is put back, every control of it; the facts typed stay', () => {
    const j = judge({ state: '已办结', closeSignedBy: '陌生人', demand: '改过的诉求' }, nobody);
    expect(j.putBacks.map((p) => [p.key, p.typed, p.restored])).toEqual([
      ['state', '已办结', '待办结签批'],
      ['closeSignedBy', '陌生人', undefined],
    ]);
    expect(j.putBacks[0]!.reason).toBe('陌生人没有「人员」表中的角色，不能修改流程信息');
    expect(j.transition).toBeNull();
    expect(j.next).toMatchObject({ state: '待办结签批', demand: '改过的诉求' });
    expect(j.next.closeSignedBy).toBeUndefined();
  });
  test('by the 信访办 typing 已办结 on a 检举控告 case only the 主职领导 may close is put back with the rule', () => {
    const j = judge({ state: '已办结', closeSignOpinion: '同意' }, office);
    expect(j.putBacks.map((p) => p.key)).toEqual(['state', 'closeSignOpinion']);
    expect(j.putBacks.find((p) => p.key === 'state')!.reason).toBe(
      `${NO} 检举控告类信访件的办结签批须由主职领导签批，王芳的角色为信访办`,
    );
    expect(j.putBacks[1]!.reason).toMatch(/^「办结签批意见」随「办结签批」填写：/);
    expect(j.next.state).toBe('待办结签批');
  });
  test('that the rule table allows becomes the action, completed as the menu would, with nothing put back', () => {
    const j = judge({ state: '已办结', closeSignOpinion: '同意办结' }, chief);
    expect(j.putBacks).toEqual([]);
    expect(j.transition?.action).toBe('approveClose');
    expect(j.transition?.effects[0]).toMatchObject({ kind: 'log', action: '办结签批', note: '意见：同意办结' });
    expect(j.next).toMatchObject({
      state: '已办结',
      closeSignedBy: '赵强',
      closeSignedAt: NOW,
      closedDate: '2026-03-09',
      closeSignOpinion: '同意办结',
    });
  });
  test('a sign-off typed with a legal step is the workflow’s to write: put back to what the step wrote', () => {
    const j = judge({ state: '已办结', closeSignOpinion: '同意', closeSignedBy: '王芳' }, chief);
    expect(j.putBacks.map((p) => [p.key, p.restored])).toEqual([['closeSignedBy', '赵强']]);
  });
  test('needs the opinion the annex prints: an empty one puts the state back, naming the field', () => {
    const j = judge({ state: '已办结' }, chief);
    expect(j.putBacks.map((p) => [p.key, p.reason])).toEqual([['state', `${NO}「办结签批」须填写：办结签批意见`]]);
  });
  test('an opinion stays when its signer may give it now, and is put back once signed', () => {
    expect(judge({ closeSignOpinion: '请注意回访' }, chief).putBacks).toEqual([]);
    expect(judge({ closeSignOpinion: '请注意回访' }, chief).next.closeSignOpinion).toBe('请注意回访');
    const signed: Case = { ...awaiting, state: '已办结', closeSignedBy: '赵强', closeSignOpinion: '同意' };
    const j = judge({ closeSignOpinion: '不同意' }, chief, signed);
    expect(j.putBacks.map((p) => [p.key, p.restored])).toEqual([['closeSignOpinion', '同意']]);
    expect(j.putBacks[0]!.reason).toContain('当前状态为「已办结」，不能「办结签批」');
    expect(judge({ itemReviewOpinion: '补充' }, petitionLeader).putBacks.map((p) => p.key)).toEqual([
      'itemReviewOpinion',
    ]);
  });
  test('a cleared 编号 or 状态 is put back; a changed signature time too', () => {
    const j = judge({ caseNo: undefined, state: undefined, signedAt: at(3, 1) }, office);
    expect(j.putBacks.map((p) => [p.key, p.restored, p.reason])).toEqual([
      ['caseNo', NO, '编号一经分配不能修改或清空'],
      ['state', '待办结签批', '「状态」不能清空，只能通过流程改变'],
      ['signedAt', at(3, 2, 10), '「签收时间」由流程填写，不能直接修改'],
    ]);
  });
  test('a row whose controls match its record is a fact edit: nothing put back, no step', () => {
    const j = judge({ demand: '补充了诉求' }, nobody);
    expect(j).toEqual({ next: { ...awaiting, demand: '补充了诉求' }, putBacks: [], transition: null });
    expect(factsOf(j.next)).toMatchObject({ demand: '补充了诉求' });
    expect(factsOf(j.next).state).toBeUndefined();
  });
});
