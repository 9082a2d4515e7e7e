// Notices from a decision's effects: one per notify effect, to the people holding the role (of the department), saying
// what the case as decided waits on — masked, and 匿名保护 for a department told about a 检举控告 case.
import { resolveNotices, type DecidedEffects } from '../../src/app/effects';
import { WorkCalendar } from '../../src/core/calendar';
import { fromShanghai } from '../../src/core/dates';
import { DEFAULT_TIME_LIMITS } from '../../src/core/deadlines';
import type { Case } from '../../src/core/model';
import { noticeSubject } from '../../src/core/notices';
import { DEFAULT_SETTINGS, type Rules } from '../../src/core/roles';
import { DEPT, lineLeader, liaison, liaisonB, office, PEOPLE } from './memoryPorts';

const rules: Rules = { settings: DEFAULT_SETTINGS, limits: DEFAULT_TIME_LIMITS, calendar: WorkCalendar.withDefaults() };
const now = fromShanghai(2026, 3, 2, 11, 0);
const NO = '镜访〔2026〕007号';
const assigned: Case = {
  caseNo: NO,
  state: '办理中',
  petitionerName: '张三',
  phone: '13812345678',
  idNumber: '330602199001011234',
  petitionDate: '2026-03-02',
  source: '本级',
  form: '来信',
  matterType: '检举控告',
  demand: '张三举报某科室违规审批',
  department: DEPT,
  assignedAt: now,
};
const item = (c: Case | undefined, ...effects: DecidedEffects['effects']): DecidedEffects => ({
  caseNo: NO,
  effects,
  ...(c ? { c } : {}),
});
const toDept = { kind: 'notify', to: { role: '部室联络员', department: DEPT }, notice: '已交办，请当天接处' } as const;
const toLine = { kind: 'notify', to: { role: '事项分管领导', department: DEPT }, notice: '请督办' } as const;
const toOffice = { kind: 'notify', to: { role: '信访办' }, notice: '已交办' } as const;

test('one notice per notify effect, to the people of the role and department, about the step the case waits on', () => {
  const { notices, warnings } = resolveNotices([item(assigned, toDept, toOffice)], { people: PEOPLE, rules, now });
  expect(warnings).toEqual([]);
  expect(notices.map((n) => [n.to.map((p) => p.name), n.text, noticeSubject(n.content)])).toEqual([
    [[liaison.name, liaisonB.name], `${NO} 已交办，请当天接处`, `【信访】${NO} 待接收 · 期限 3月2日`],
    [[office.name], `${NO} 已交办`, `【信访】${NO} 待接收 · 期限 3月2日`],
  ]);
});

test('a 检举控告 case: 匿名保护 to the department and its line leader, the masked name to the office', () => {
  const { notices } = resolveNotices([item(assigned, toDept, toLine, toOffice)], { people: PEOPLE, rules, now });
  const [dept, line, desk] = notices.map((n) => n.content);
  for (const c of [dept!, line!]) {
    expect(c.anonymous).toBe(true);
    expect(c.summary).toBe('检举控告｜信访人：匿名保护｜诉求：某某举报某科室违规审批');
  }
  expect(notices[1]!.to).toEqual([lineLeader]);
  expect(desk).toMatchObject({ anonymous: false, summary: '检举控告｜信访人：张*｜诉求：张*举报某科室违规审批' });
  expect(JSON.stringify(notices.map((n) => [n.text, n.content]))).not.toMatch(/张三|13812345678|330602/);
});

test('without the case, the notice says what happened; nobody to tell is a warning', () => {
  const alone = resolveNotices([item(undefined, toDept)], { people: PEOPLE, rules, now }).notices[0]!;
  expect(alone.content).toEqual({ caseNo: NO, notice: '已交办，请当天接处', summary: '', anonymous: false });
  expect(resolveNotices([item(assigned, toDept)], { people: [office], rules, now }).warnings).toEqual([
    `${NO}：人员表中没有「部室联络员（${DEPT}）」，「已交办，请当天接处」通知未发出`,
  ]);
});
