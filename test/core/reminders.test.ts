// The reminder planner: which due nodes go into which digest, to whom, keyed for exactly-once delivery — from the
// pending-node function's nodes, never a deadline of its own.
import { WorkCalendar } from '../../src/core/calendar';
import { fromShanghai } from '../../src/core/dates';
import { DEFAULT_TIME_LIMITS } from '../../src/core/deadlines';
import type { Case, Person } from '../../src/core/model';
import { caseDeadlines } from '../../src/core/pending';
import {
  DIGEST_LIMIT,
  digestMail,
  itemLine,
  liaisonsOf,
  planDigests,
  reminderKey,
  type PlanArgs,
} from '../../src/core/reminders';
import { DEFAULT_SETTINGS, type Rules } from '../../src/core/roles';

const rules: Rules = { settings: DEFAULT_SETTINGS, limits: DEFAULT_TIME_LIMITS, calendar: WorkCalendar.withDefaults() };
const DEPT = '规划建设部';
const person = (name: string, role: Person['roles'][number], departments: string[] = [], slot?: string): Person => ({
  email: `${name}@jinghu.example`,
  name,
  roles: [role],
  departments,
  ...(slot ? { liaisonSlot: slot, mobile: '13800000001' } : {}),
});
const office = person('王芳', '信访办');
const leader = person('钱进', '事项分管领导', [DEPT]);
const a = person('孙立', '部室联络员', [DEPT], 'A');
const b = person('郑洁', '部室联络员', [DEPT], 'B');
const people: Person[] = [office, person('李四', '信访工作分管领导'), leader, a, b, person('周明', '承办人', [DEPT])];
const at = (m: number, d: number, hh = 9, mm = 0): Date => fromShanghai(2026, m, d, hh, mm);

const base: Case = {
  caseNo: '镜访〔2026〕001号',
  state: '办理中',
  petitionerName: '张三',
  phone: '13812345678',
  idNumber: '11010519491231002X',
  petitionDate: '2026-08-01',
  source: '本级',
  form: '来信',
  matterType: '投诉',
  category: '城乡建设',
  demand: '小区门口道路积水，联系电话13812345678',
  department: DEPT,
  assignedAt: at(9, 1),
  receivedAt: at(9, 1, 10),
};
const withNodes = (c: Partial<Case>, now: Date) => {
  const full = { ...base, ...c } as Case;
  return { c: full as Case & { caseNo: string }, nodes: caseDeadlines(full, { rules, now, people }).nodes };
};
function plan(cases: Partial<Case>[], now: Date, extra: Partial<PlanArgs> = {}) {
  return planDigests({
    cases: cases.map((c) => withNodes(c, now)),
    people,
    rules,
    now,
    delivered: new Set(),
    escalateAfterWorkdays: 3,
    ...extra,
  });
}

test('a department digest goes to liaison A with B in copy; the 信访办 summary counts it', () => {
  // 办理 due 09-30 (60 日 from 08-01): on 09-29 it is due tomorrow; 002 overdue since 09-28 (60 日 from 07-30).
  const now = at(9, 29, 8);
  const ds = plan([{}, { caseNo: '镜访〔2026〕002号', petitionDate: '2026-07-29' }], now);
  const dept = ds.find((d) => d.kind === 'department')!;
  expect([dept.group, dept.to.map((p) => p.name), dept.cc.map((p) => p.name)]).toEqual([DEPT, ['孙立'], ['郑洁']]);
  expect(dept.subject).toBe('【信访提醒】规划建设部 逾期1件 即将到期1件 2026-09-29');
  expect(dept.items.map((i) => [i.caseNo, i.node, i.urgency, i.overdueWorkdays])).toEqual([
    ['镜访〔2026〕002号', '办理', '逾期', 1],
    ['镜访〔2026〕001号', '办理', '即将到期', 0],
  ]);
  expect(dept.urgent).toBe(true);
  expect(dept.keys).toContain(reminderKey('2026-09-29', '办理', '镜访〔2026〕001号', b.email));
  const summary = ds.find((d) => d.kind === 'office')!;
  expect(summary.to).toEqual([office]);
  expect(summary.lines).toContain('规划建设部：逾期 1 件，今日到期 0 件，即将到期 1 件');
});

test('an item already delivered to every recipient is not sent again; nothing due, no digest', () => {
  const now = at(9, 29, 8);
  const first = plan([{}], now);
  const delivered = new Set(first.flatMap((d) => d.keys));
  expect(plan([{}], now, { delivered })).toEqual([]);
  // The day after, the same item is due again (a new key, a new digest).
  expect(plan([{}], at(9, 30, 8), { delivered }).map((d) => d.kind)).toEqual(['department', 'office']);
  expect(plan([{ petitionDate: '2026-09-01' }], now)).toEqual([]);
});

test('escalation: overdue beyond the threshold copies the department’s 事项分管领导', () => {
  const late = { caseNo: '镜访〔2026〕003号', petitionDate: '2026-07-20' }; // due 09-18 → 6 working days by 09-28
  const dept = plan([late], at(9, 28, 8)).find((d) => d.kind === 'department')!;
  expect(dept.items[0]!.overdueWorkdays).toBe(6);
  expect(dept.cc.map((p) => p.name)).toEqual(['郑洁', '钱进']);
  const mild = plan([late], at(9, 28, 8), { escalateAfterWorkdays: 6 }).find((d) => d.kind === 'department')!;
  expect(mild.cc.map((p) => p.name)).toEqual(['郑洁']);
});

test('the 信访办 gets its own nodes and cases nobody received in full; a 检举控告 case is 匿名保护 to the department', () => {
  const now = at(9, 29, 8);
  const ds = plan(
    [
      { caseNo: '镜访〔2026〕004号', state: '待回访', closeSignedAt: at(9, 24, 15), repliedAt: at(9, 24, 16) },
      {
        caseNo: '镜访〔2026〕005号',
        matterType: '检举控告',
        assignedAt: at(9, 28, 10),
        receivedAt: undefined,
      },
    ],
    now,
  );
  const summary = ds.find((d) => d.kind === 'office')!;
  expect(summary.items.map((i) => [i.caseNo, i.node, i.urgency])).toEqual([
    ['镜访〔2026〕004号', '回访', '逾期'],
    ['镜访〔2026〕005号', '接收', '逾期'],
  ]);
  const dept = ds.find((d) => d.kind === 'department')!;
  expect(dept.items[0]!.summary).toContain('信访人：匿名保护');
  expect(dept.items[0]!.summary).not.toContain('张');
  expect(summary.items[1]!.summary).toContain('信访人：张*');
  // No ID number or phone in any line, mail part or key.
  for (const d of ds) {
    const mail = digestMail(d, { officeName: '镜湖新区开发办', now, link: () => null });
    for (const text of [mail.subject, mail.body, mail.htmlBody, ...d.keys]) {
      expect(text).not.toMatch(/13812345678|11010519491231002X|1381234/);
    }
  }
});

test('no reminder for nodes that are not yet due soon, and the 退单 window only in the hourly run', () => {
  const assigned = {
    caseNo: '镜访〔2026〕006号',
    petitionDate: '2026-09-25',
    assignedAt: at(9, 29, 10),
    receivedAt: at(9, 29, 10, 30),
  };
  // 10:30: received; the 退单 window (10:00–12:00, 13:30–14:30) is open; 办理 due far away: the daily run is silent.
  expect(plan([assigned], at(9, 29, 10, 30))).toEqual([]);
  const chase = plan([assigned], at(9, 29, 14, 5), { hourly: { chaseWithinMs: 3_600_000 } });
  expect(chase.map((d) => [d.kind, d.group, d.items.map((i) => i.node)])).toEqual([['chase', DEPT, ['退单']]]);
  expect(chase[0]!.subject).toBe('【信访催办】规划建设部 今日到期1件 2026-09-29');
  expect(chase[0]!.keys[0]).toBe(reminderKey('2026-09-29', '退单·催办', '镜访〔2026〕006号', a.email));
  // At 11:05 almost two hours of office time are left (to 12:00, then 13:30–14:30): no chase yet. At 13:05 the lunch
  // break does not count, one hour is left: chased. Once the window closed, nothing.
  expect(plan([assigned], at(9, 29, 11, 5), { hourly: { chaseWithinMs: 3_600_000 } })).toEqual([]);
  expect(plan([assigned], at(9, 29, 13, 5), { hourly: { chaseWithinMs: 3_600_000 } })).toHaveLength(1);
  expect(plan([assigned], at(9, 29, 15, 5), { hourly: { chaseWithinMs: 3_600_000 } })).toEqual([]);
});

test('the summary lists at most its limit in full and says how many more; liaisons without slots all get it', () => {
  const many = Array.from({ length: 5 }, (_, i) => ({
    caseNo: `镜访〔2026〕1${i}号`,
    state: '待回访' as const,
    closeSignedAt: at(9, 24, 15),
    repliedAt: at(9, 24, 16),
  }));
  const summary = plan(many, at(9, 29, 8), { summaryLimit: 3 }).find((d) => d.kind === 'office')!;
  expect(summary.lines.filter((l) => l.startsWith('镜访'))).toHaveLength(3);
  expect(summary.lines).toContain('另有 2 件未列出，请在台账中按「期限状态」筛选查看');
  const noSlots = people.map((p) => ({ ...p, liaisonSlot: undefined }));
  expect(liaisonsOf(DEPT, noSlots).to.map((p) => p.name)).toEqual(['孙立', '郑洁']);
});

test('a digest line and its mail: the case number linked where there is a link, the 部室工作台 sentence where not', () => {
  const now = at(9, 29, 8);
  const dept = plan([{}], now).find((d) => d.kind === 'department')!;
  expect(itemLine(dept.items[0]!)).toBe(
    '镜访〔2026〕001号｜办理｜期限 9月30日｜剩余 1 个工作日｜投诉｜城乡建设｜信访人：张*｜诉求：小区门口道路积水，联系电话138****5678',
  );
  const mail = digestMail(dept, { officeName: '镜湖新区开发办', now, link: () => null });
  expect(mail.body).toContain('请打开部室工作台办理（工作台链接请向信访办索取）');
  const linked = digestMail(dept, { officeName: '镜湖新区开发办', now, link: (no) => `https://x.example/#${no}` });
  expect(linked.htmlBody).toContain('<a href="https://x.example/#镜访〔2026〕001号">镜访〔2026〕001号</a>');
});

test('a department digest lists at most DIGEST_LIMIT items; the rest are told by the next run, none twice', () => {
  const now = at(9, 29, 8);
  const many = Array.from({ length: DIGEST_LIMIT + 5 }, (_, i) => ({ caseNo: `镜访〔2026〕${1000 + i}号` }));
  const first = plan(many, now).find((d) => d.kind === 'department')!;
  expect([first.items.length, first.held]).toEqual([DIGEST_LIMIT, 5]);
  expect(first.lines.at(-1)).toBe('另有 5 件将在下一次提醒中列出');
  expect(first.keys).toHaveLength(DIGEST_LIMIT * 2);
  const next = plan(many, now, { delivered: new Set(first.keys) }).find((d) => d.kind === 'department')!;
  expect([next.items.length, next.held]).toEqual([5, undefined]);
  expect(next.items.every((i) => !first.items.some((j) => j.caseNo === i.caseNo))).toBe(true);
});
