// The 部室工作台's rules (issue 17), pure: the queue's order and scope, what each role sees of the petitioner, the
// actions a page offers, and the version that tells a stale page.
import { WorkCalendar } from '../../src/core/calendar';
import { fromShanghai } from '../../src/core/dates';
import { DEFAULT_TIME_LIMITS } from '../../src/core/deadlines';
import type { Case, Person } from '../../src/core/model';
import { DEFAULT_SETTINGS, type Rules } from '../../src/core/roles';
import {
  actionsFor,
  caseVersion,
  demandFor,
  entrySummary,
  petitionerFor,
  queueEntry,
  queueFor,
  type QueueEntry,
} from '../../src/core/workbench';

const rules: Rules = { settings: DEFAULT_SETTINGS, limits: DEFAULT_TIME_LIMITS, calendar: WorkCalendar.withDefaults() };
const NOW = fromShanghai(2026, 10, 14, 10, 0);
const A = '规划建设部';
const person = (roles: Person['roles'], departments: string[] = [], name = '某人'): Person => ({
  email: `${name}@x.cn`,
  name,
  roles,
  departments,
});
const liaison = person(['部室联络员'], [A], '李明');
const handler = person(['承办人'], [A], '周杰');
const office = person(['信访办'], [], '王芳');
const otherLiaison = person(['部室联络员'], ['综合事务部'], '吴敏');

const base: Case = {
  caseNo: '镜访〔2026〕001号',
  state: '办理中',
  petitionDate: '2026-10-09',
  petitionerName: '张三',
  phone: '13812345678',
  matterType: '投诉',
  category: '城乡建设',
  demand: '张三反映工地夜间施工，电话13812345678。',
  department: A,
  assignedAt: fromShanghai(2026, 10, 12, 10, 0),
};
const entry = (c: Partial<Case>, row = 2): QueueEntry => queueEntry({ ...base, ...c }, row, rules, NOW)!;

describe('the index entry and the queue', () => {
  test('a case not yet received waits on 接收 at the end of its day; a closed-out case leaves the index', () => {
    expect(entry({})).toMatchObject({ node: '接收', department: A, row: 2, deadlineState: '已超期' });
    expect(queueEntry({ ...base, state: '已归档' }, 3, rules, NOW)).toBeNull();
    expect(queueEntry({ ...base, state: '已转送' }, 3, rules, NOW)).toBeNull();
  });

  test('我的待办: what waits on the person first, most urgent first; other departments’ cases never', () => {
    const overdue = entry({ caseNo: 'N1' });
    const soon = entry({ caseNo: 'N2', receivedAt: NOW, dueDate: '2026-10-15', dueSource: '手填' });
    const later = entry({ caseNo: 'N3', receivedAt: NOW, dueDate: '2026-12-20', dueSource: '手填' });
    const elsewhere = entry({ caseNo: 'N4', department: '综合事务部' });
    const q = queueFor([later, elsewhere, soon, overdue], liaison, rules, NOW);
    expect(q.mine.map((e) => e.caseNo)).toEqual(['N1', 'N2', 'N3']);
    expect(q.others).toEqual([]);
    expect(queueFor([later, elsewhere, soon, overdue], otherLiaison, rules, NOW).mine.map((e) => e.caseNo)).toEqual([
      'N4',
    ]);
    // The 信访办 sees every case; none of these waits on it; the overdue one comes first.
    expect(queueFor([later, elsewhere], office, rules, NOW)).toMatchObject({ mine: [], others: [elsewhere, later] });
  });
});

describe('what each role sees of the petitioner', () => {
  const report: Case = { ...base, matterType: '检举控告', handler: '周杰' };
  test('检举控告: 匿名保护 to the department, the assigned handler included; the 信访办 sees them', () => {
    expect(petitionerFor(report, liaison)).toEqual({ name: '匿名保护', phone: '', anonymous: true });
    expect(petitionerFor(report, handler)).toEqual({ name: '匿名保护', phone: '', anonymous: true });
    expect(petitionerFor(report, office)).toEqual({ name: '张三', phone: '13812345678', anonymous: false });
    expect(demandFor(report, handler)).toBe('匿名保护反映工地夜间施工，电话138****5678。');
    expect(entrySummary(entry({ matterType: '检举控告' }), liaison)).toContain('信访人：匿名保护');
    expect(entrySummary(entry({ matterType: '检举控告' }), liaison)).not.toContain('张');
  });

  test('other cases: the assigned handler sees name and phone, everyone else in the department masked', () => {
    const handled: Case = { ...base, handler: '周杰' };
    expect(petitionerFor(handled, handler)).toEqual({ name: '张三', phone: '13812345678', anonymous: false });
    expect(petitionerFor(handled, liaison)).toEqual({ name: '张*', phone: '138****5678', anonymous: false });
    expect(petitionerFor(base, handler)).toEqual({ name: '张*', phone: '138****5678', anonymous: false }); // not theirs
    expect(demandFor(handled, liaison)).toBe('张三反映工地夜间施工，电话138****5678。');
  });
});

describe('the actions a page offers and the version', () => {
  test('接收 or 退单 for the liaison; nothing for the handler before receipt; the opinion after', () => {
    expect(actionsFor(base, liaison, rules, NOW)).toEqual(['receive', 'returnCase']);
    expect(actionsFor(base, handler, rules, NOW)).toEqual([]);
    const received = { ...base, receivedAt: NOW, receivedBy: '李明' };
    expect(actionsFor(received, handler, rules, NOW)).toEqual(['submit', 'requestExtension']);
    expect(actionsFor(base, otherLiaison, rules, NOW)).toEqual([]);
  });

  test('the version changes with a control (state, a signature) and not with a fact', () => {
    const v = caseVersion(base);
    expect(caseVersion({ ...base, demand: '改了诉求' })).toBe(v);
    expect(caseVersion({ ...base, receivedAt: NOW })).not.toBe(v);
    expect(caseVersion({ ...base, state: '已退单' })).not.toBe(v);
  });
});
