// The pending node of every state and source: what the case waits on, since when, due when, who must act, and 期限状态
// — across the 2026 holidays and 调休 days (国庆 10-01–10-07 off, Saturday 10-10 a working day).
import { WorkCalendar } from '../../src/core/calendar';
import { formatDateTime, fromShanghai } from '../../src/core/dates';
import { DEFAULT_TIME_LIMITS } from '../../src/core/deadlines';
import type { Case, Person } from '../../src/core/model';
import { actorText, caseDeadlines, closureClock, formatDue, type CaseDeadlines } from '../../src/core/pending';
import { DEFAULT_SETTINGS, type Rules } from '../../src/core/roles';

const rules: Rules = { settings: DEFAULT_SETTINGS, limits: DEFAULT_TIME_LIMITS, calendar: WorkCalendar.withDefaults() };
const DEPT = '规划建设部';
const person = (name: string, role: Person['roles'][number], departments: string[] = [], slot?: string): Person => ({
  email: `${name}@jinghu.example`,
  name,
  roles: [role],
  departments,
  ...(slot ? { liaisonSlot: slot } : {}),
});
const people: Person[] = [
  person('王芳', '信访办'),
  person('李四', '信访工作分管领导'),
  person('赵强', '主职领导'),
  person('钱进', '事项分管领导', [DEPT]),
  person('孙立', '部室联络员', [DEPT], 'A'),
  person('郑洁', '部室联络员', [DEPT], 'B'),
  person('冯远', '部室联络员', ['综合事务部'], 'A'),
  person('周明', '承办人', [DEPT]),
  person('吴刚', '部室负责人', [DEPT]),
];
const at = (m: number, d: number, hh = 9, mm = 0, y = 2026): Date => fromShanghai(y, m, d, hh, mm);
const ts = (d: Date | undefined): string => (d ? formatDateTime(d) : '—');

const base: Case = {
  caseNo: '镜访〔2026〕012号',
  state: '待签收',
  petitionerName: '张三',
  petitionDate: '2026-09-01',
  source: '本级',
  form: '来信',
  matterType: '投诉',
  demand: '小区门口道路积水',
  department: DEPT,
  registeredAt: at(9, 1, 10),
};

function view(c: Partial<Case>, now: Date, r: Rules = rules): CaseDeadlines {
  return caseDeadlines({ ...base, ...c } as Case, { rules: r, now, people });
}
/** The current node in one line: node, since, due, 期限状态, 待办方. */
function line(c: Partial<Case>, now: Date, r?: Rules): string {
  const d = view(c, now, r);
  const cur = d.current;
  if (!cur) return `— ${d.statusText}`;
  return `${cur.node} ${ts(cur.since)} → ${ts(cur.dueAt)} ${d.statusText} ${actorText(cur.actor)}`;
}

describe('each state of the main line: node, since, due, who acts', () => {
  test('签收: the working day of registration; registered on a holiday, the first working day after it', () => {
    expect(line({}, at(9, 1, 11))).toBe('签收 2026-09-01 10:00 → 2026-09-01 23:59 即将到期 信访办：王芳');
    expect(line({ registeredAt: at(10, 2, 10) }, at(10, 2, 11))).toBe(
      '签收 2026-10-02 10:00 → 2026-10-08 23:59 即将到期 信访办：王芳',
    );
  });

  test('交办签批: one working day after 签收, by 信访工作分管领导; a 检举控告 case by 主职领导', () => {
    const signed = { state: '待交办签批' as const, signedAt: at(9, 30, 16) };
    expect(line(signed, at(9, 30, 17))).toBe(
      '交办签批 2026-09-30 16:00 → 2026-10-08 23:59 即将到期 信访工作分管领导/主职领导：李四、赵强',
    );
    expect(line({ ...signed, matterType: '检举控告' }, at(9, 30, 17))).toContain('主职领导：赵强');
    expect(line({ ...signed, matterType: '检举控告' }, at(9, 30, 17))).not.toContain('李四');
  });

  test('交办: the day of the sign-off, also on a 调休 Saturday (2026-10-10 is a working day)', () => {
    const c = { state: '待交办' as const, signedAt: at(10, 9), assignSignedAt: at(10, 10, 9) };
    expect(line(c, at(10, 10, 10))).toBe('交办 2026-10-10 09:00 → 2026-10-10 23:59 即将到期 信访办：王芳');
    expect(line(c, at(10, 11, 10))).toBe('交办 2026-10-10 09:00 → 2026-10-10 23:59 已超期 信访办：王芳');
  });

  test('接收: the liaisons A and B of the department, by the end of the day of 交办; then 办理 on the 办结 clock', () => {
    const assigned = { state: '办理中' as const, assignedAt: at(10, 12, 15) };
    expect(line(assigned, at(10, 12, 16))).toBe(
      '接收 2026-10-12 15:00 → 2026-10-12 23:59 即将到期 规划建设部 部室联络员：孙立、郑洁',
    );
    const received = { ...assigned, receivedAt: at(10, 12, 16), receivedBy: '孙立' };
    // 60 日 from 2026-09-01: 2026-10-31 is a Saturday, so the next working day, Monday 11-02.
    expect(line(received, at(10, 13))).toBe(
      '办理 2026-10-12 16:00 → 2026-11-02 23:59 正常 规划建设部 部室联络员/承办人：孙立、郑洁、周明',
    );
  });

  test('a new 交办 after a 退单 is received afresh', () => {
    const c = {
      state: '办理中' as const,
      receivedAt: at(10, 12, 16),
      assignedAt: at(10, 14, 9),
      department: '综合事务部',
    };
    expect(view(c, at(10, 14, 10)).current?.node).toBe('接收');
    expect(actorText(view(c, at(10, 14, 10)).current!.actor)).toBe('综合事务部 部室联络员：冯远');
  });

  test('the 退单 window: 3 office hours from 交办, across a weekend; listed beside 接收 only while open', () => {
    // Friday 2026-10-16 16:00: 16:00–17:30 is 1.5 h, the rest from Monday 08:30 → 10:00.
    const c = { state: '办理中' as const, assignedAt: at(10, 16, 16) };
    const open = view(c, at(10, 16, 17));
    const window = open.nodes.find((n) => n.node === '退单');
    expect(ts(window?.dueAt)).toBe('2026-10-19 10:00');
    expect(window?.side).toBe(true);
    expect(open.current?.node).toBe('接收');
    expect(view(c, at(10, 19, 10, 1)).nodes.map((n) => n.node)).toEqual(['接收']);
  });

  test('a node is never due after the 办结 deadline: 接收 on the last day is due with it', () => {
    const c = { state: '办理中' as const, petitionDate: '2026-08-01', assignedAt: at(9, 30, 9) };
    // 60 日 from 08-01 → 09-30 (a Wednesday); the 接收 limit (end of 09-30) is the same instant.
    expect(ts(closureClock({ ...base, ...c } as Case, rules)?.dueAt)).toBe('2026-09-30 23:59');
    const late = { ...c, petitionDate: '2026-07-20' };
    const d = view(late, at(9, 30, 10));
    expect(ts(d.current?.dueAt)).toBe('2026-09-18 23:59');
    expect(d.current?.clock).toBe('办结');
    expect(d.statusText).toBe('已超期');
  });

  test('reviews: 事项分管领导 of the line, then 信访工作分管领导, then the signer', () => {
    const c = { state: '审核中' as const, receivedAt: at(10, 12), assignedAt: at(10, 12), handlerSignedAt: at(10, 20) };
    expect(line(c, at(10, 21))).toBe(
      '事项分管领导审核 2026-10-20 09:00 → 2026-11-02 23:59 正常 规划建设部 事项分管领导：钱进',
    );
    expect(line({ ...c, state: '信访审核中', itemReviewAt: at(10, 21) }, at(10, 21, 10))).toBe(
      '信访分管领导审核 2026-10-21 09:00 → 2026-11-02 23:59 正常 信访工作分管领导：李四',
    );
    const signing = { ...c, state: '待办结签批' as const, itemReviewAt: at(10, 21), petitionReviewAt: at(10, 22) };
    expect(line(signing, at(10, 22, 10))).toBe(
      '办结签批 2026-10-22 09:00 → 2026-11-02 23:59 正常 信访工作分管领导/主职领导：李四、赵强',
    );
    expect(line({ ...signing, matterType: '检举控告' }, at(10, 22, 10))).toContain('主职领导：赵强');
  });

  test('a walk-in: the receiving department head gives 接待部室意见 before the line leader reviews', () => {
    const walkIn = {
      source: '本级' as const,
      form: '来访' as const,
      state: '审核中' as const,
      handlerSignedAt: at(10, 20),
    };
    expect(view(walkIn, at(10, 21)).current?.node).toBe('接待部室意见');
    expect(actorText(view(walkIn, at(10, 21)).current!.actor)).toBe('规划建设部 部室负责人：吴刚');
    expect(view({ ...walkIn, receptionAt: at(10, 21) }, at(10, 21, 10)).current?.node).toBe('事项分管领导审核');
  });
});

describe('the 办结 clock and after it', () => {
  const closed = {
    state: '已办结' as const,
    source: '上级' as const,
    dueDate: '2026-10-30',
    dueSource: '手填' as const,
    closeSignedAt: at(10, 29, 16),
  };

  test('a platform case carries the platform deadline; missing, it is flagged and the 时限 default applies', () => {
    expect(closureClock({ ...base, ...closed } as Case, rules)).toMatchObject({
      source: '平台',
      platformDueMissing: false,
    });
    const missing = closureClock({ ...base, source: '上级' } as Case, rules);
    expect(missing).toMatchObject({ source: '计算', platformDueMissing: true, dueDate: '2026-11-02' });
  });

  test('the 事项类型 row of 时限 wins over the generic one', () => {
    const limits = [
      ...DEFAULT_TIME_LIMITS,
      { node: '办结' as const, matterType: '咨询', amount: 15, unit: '日' as const },
    ];
    const r = { ...rules, limits };
    expect(closureClock({ ...base, matterType: '咨询' } as Case, r)?.dueDate).toBe('2026-09-16');
    expect(closureClock(base, r)?.dueDate).toBe('2026-11-02');
  });

  test('系统回复 stops a platform case clock: due the next working day, but not after the platform deadline', () => {
    expect(line(closed, at(10, 29, 17))).toBe('系统回复 2026-10-29 16:00 → 2026-10-30 23:59 即将到期 信访办：王芳');
    const lastDay = { ...closed, closeSignedAt: at(10, 30, 16) };
    expect(ts(view(lastDay, at(10, 30, 17)).current?.dueAt)).toBe('2026-10-30 23:59');
    // A 本级 case stopped at 办结签批: 系统回复 has its own working day.
    expect(ts(view({ ...lastDay, source: '本级' }, at(10, 30, 17)).current?.dueAt)).toBe('2026-11-02 23:59');
  });

  test('a case closed on time never turns overdue later; a late one says 超期办结', () => {
    const replied = { ...closed, state: '已回访' as const, repliedAt: at(10, 30, 9), callbackDate: '2026-11-01' };
    expect(view(replied, at(12, 1)).statusText).toBe('按期办结');
    expect(view(replied, at(12, 1)).current?.node).toBe('归档');
    expect(view(replied, at(12, 1)).current?.dueAt).toBeUndefined();
    expect(view({ ...replied, repliedAt: at(10, 31, 9) }, at(12, 1)).statusText).toBe('超期办结');
    // With 设置「平台件办结时点」= 办结签批, the same reply a day late is on time.
    const bySign = { ...rules, settings: { ...DEFAULT_SETTINGS, closeEvent: '办结签批' as const } };
    expect(view({ ...replied, repliedAt: at(10, 31, 9) }, at(12, 1), bySign).statusText).toBe('按期办结');
  });

  test('回访: 3 日 from the closure; a last day on a holiday moves to the next working day; overdue shows as such', () => {
    // Closed Monday 2026-09-28: the third day is 10-01, a holiday, so the first working day after 国庆: 10-08.
    const c = { state: '待回访' as const, closeSignedAt: at(9, 28, 15), repliedAt: at(9, 28, 16) };
    expect(line(c, at(9, 29))).toBe('回访 2026-09-28 15:00 → 2026-10-08 23:59 即将到期 信访办：王芳');
    expect(line(c, at(10, 9))).toBe('回访 2026-09-28 15:00 → 2026-10-08 23:59 已超期 信访办：王芳');
    expect(view(c, at(10, 9)).overdueWorkdays).toBe(1);
  });
});

describe('verification has its own clock', () => {
  const dissatisfied = {
    state: '核实中' as const,
    closeSignedAt: at(10, 12),
    repliedAt: at(10, 12, 10),
    callbackDate: '2026-10-13',
    satisfaction: '不满意' as const,
    petitionDate: '2026-08-01',
  };

  test('each step in annex 5 order, all due 15 日 after the 不满意, whatever the 办结 deadline was', () => {
    const steps: [Partial<Case>, string, string][] = [
      [{}, '核实交办', '信访办：王芳'],
      [{ state: '核实待签批', verifyAssignedAt: at(10, 14) }, '核实交办签批', '信访工作分管领导/主职领导：李四、赵强'],
      [{ state: '核实待批示', verifyAssignSignedAt: at(10, 15) }, '事项分管领导批示', '规划建设部 事项分管领导：钱进'],
      [{ state: '核实办理中', verifyInstructionAt: at(10, 16) }, '部长（主任）办理意见', '规划建设部 部室负责人：吴刚'],
      [
        { state: '核实办理中', verifyInstructionAt: at(10, 16), verifyHeadAt: at(10, 16, 10) },
        '核实情况说明',
        '规划建设部 部室联络员/承办人：孙立、郑洁、周明',
      ],
      [{ state: '核实待签发', verifySubmittedAt: at(10, 19) }, '核实签发', '规划建设部 事项分管领导：钱进'],
      [{ state: '核实待回复', verifyIssuedAt: at(10, 20) }, '核实回复', '信访办：王芳'],
    ];
    for (const [fields, node, actor] of steps) {
      const d = view({ ...dissatisfied, ...fields }, at(10, 21));
      expect([d.current?.node, ts(d.current?.dueAt), actorText(d.current!.actor), d.current?.clock]).toEqual([
        node,
        '2026-10-28 23:59',
        actor.includes('事项分管领导：钱进') && node === '核实签发' ? expect.stringContaining('钱进') : actor,
        '核实',
      ]);
      expect(d.statusText).toBe('正常');
    }
  });

  test('a platform 不满意 after a satisfied 回访 starts the clock at its own date; verification done shows the outcome', () => {
    const rated = {
      ...dissatisfied,
      satisfaction: '满意' as const,
      platformRating: '不满意' as const,
      platformRatedDate: '2026-10-20',
    };
    expect(ts(view(rated, at(10, 21)).current?.dueAt)).toBe('2026-11-04 23:59');
    // Done: the case's own outcome again — this one was closed on 10-12, after its 办结 deadline of 09-30.
    const done = { ...rated, state: '已核实' as const, verifyRepliedAt: at(10, 30) };
    expect(view(done, at(12, 1)).statusText).toBe('超期办结');
    expect(view({ ...done, petitionDate: '2026-09-01' }, at(12, 1)).statusText).toBe('按期办结');
  });
});

describe('side exits, side nodes and the 期限状态 words', () => {
  test('已退单 and 已转送 show their own state', () => {
    const returned = { state: '已退单' as const, assignedAt: at(10, 12), returnedAt: at(10, 12, 11) };
    const d = view(returned, at(10, 13));
    expect(d.statusText).toBe('已退单');
    expect(d.current?.node).toBe('转送或重新交办');
    expect(actorText(d.current!.actor)).toBe('信访办：王芳');
    const forwarded = view({ state: '已转送', forwardedAt: at(10, 13) }, at(10, 14));
    expect([forwarded.current, forwarded.statusText]).toEqual([null, '已转送']);
  });

  test('an extension waiting for approval is a side node of its approvers; the main node stays current', () => {
    const c = {
      state: '办理中' as const,
      assignedAt: at(10, 12),
      receivedAt: at(10, 12, 10),
      extRequestedAt: at(10, 20),
    };
    const d = view(c, at(10, 21));
    expect(d.current?.node).toBe('办理');
    expect(d.nodes.map((n) => [n.node, actorText(n.actor)])).toContainEqual(['延期审批', '信访工作分管领导：李四']);
  });

  test('a 复查 pending on an archived case is what it waits on, due at its 期限', () => {
    const c = {
      state: '已归档' as const,
      closeSignedAt: at(10, 12),
      reviewKind: '复查' as const,
      reviewRequestDate: '2026-11-02',
      reviewDueDate: '2026-12-02',
    };
    expect(line(c, at(11, 30))).toBe('复查 2026-11-02 00:00 → 2026-12-02 23:59 即将到期 信访办：王芳');
  });

  test('即将到期 from dueSoonWorkdays working days left (3 by default), 正常 before', () => {
    // 办理 due Monday 11-02: on Wednesday 10-28 three working days are left (10-29, 10-30, 11-02).
    const c = { state: '办理中' as const, assignedAt: at(10, 12), receivedAt: at(10, 12, 10) };
    expect([view(c, at(10, 28)).statusText, view(c, at(10, 28)).workdaysLeft]).toEqual(['即将到期', 3]);
    expect([view(c, at(10, 27)).statusText, view(c, at(10, 27)).workdaysLeft]).toEqual(['正常', 4]);
    expect(view(c, at(11, 2, 23, 59)).statusText).toBe('即将到期');
    expect(view(c, at(11, 3, 0, 1)).statusText).toBe('已超期');
  });

  test('a deadline in a year without a published schedule says so', () => {
    const c = { petitionDate: '2027-03-01', registeredAt: at(3, 1, 10, 0, 2027) };
    expect(view(c, at(3, 1, 11, 0, 2027)).statusText).toBe('即将到期（暂定）');
    const closure = closureClock({ ...base, ...c } as Case, rules);
    expect(closure?.provisional).toBe(true);
  });
});

test('formatDue: a day deadline by its date, an hour deadline with its time', () => {
  expect(formatDue(fromShanghai(2026, 10, 12, 23, 59, 59, 999))).toBe('10月12日');
  expect(formatDue(fromShanghai(2026, 10, 12, 17, 30))).toBe('10月12日 17:30');
});

test('a row without the time its node began (typed in, imported) is held to the 办结 deadline, not to today', () => {
  const imported = { state: '办理中' as const, petitionDate: '2026-09-01', registeredAt: undefined };
  const d = view(imported, at(10, 20));
  expect([d.current?.node, ts(d.current?.dueAt), d.current?.clock]).toEqual(['接收', '2026-11-02 23:59', '办结']);
  expect(ts(view(imported, at(10, 21)).current?.dueAt)).toBe('2026-11-02 23:59');
});
