// What a notice mail says: the subject (case, the step it waits on, by when), the body in text and HTML, masked,
// 匿名保护 for a department told about a 检举控告 case, and where each person is sent to act.
import { WorkCalendar } from '../../src/core/calendar';
import { fromShanghai } from '../../src/core/dates';
import { DEFAULT_TIME_LIMITS } from '../../src/core/deadlines';
import type { Case, Person } from '../../src/core/model';
import {
  ANONYMOUS,
  caseLinkTarget,
  composeNotice,
  fullDue,
  isAnonymousFor,
  noticeContent,
  noticeSubject,
  WORKBENCH_NO_LINK,
  type NoticeArgs,
} from '../../src/core/notices';
import { DEFAULT_SETTINGS, type Rules } from '../../src/core/roles';

const rules: Rules = { settings: DEFAULT_SETTINGS, limits: DEFAULT_TIME_LIMITS, calendar: WorkCalendar.withDefaults() };
/** The office signs within 4 working hours: a deadline with a time of day. */
const hourly: Rules = {
  ...rules,
  limits: [
    ...DEFAULT_TIME_LIMITS.filter((l) => l.node !== '交办签批'),
    { node: '交办签批', amount: 4, unit: '工作小时' },
  ],
};
const DEPT = '规划建设部';
const person = (name: string, roles: Person['roles'], departments: string[] = []): Person => ({
  email: `${name}@jinghu.example`,
  name,
  roles,
  departments,
});
const people = [
  person('王芳', ['信访办']),
  person('李四', ['信访工作分管领导']),
  person('赵强', ['主职领导']),
  person('钱进', ['事项分管领导'], [DEPT]),
  person('孙立', ['部室联络员'], [DEPT]),
  person('吴刚', ['部室负责人'], [DEPT]),
  person('周明', ['承办人'], [DEPT]),
];
const at = (m: number, d: number, hh = 9, mm = 0): Date => fromShanghai(2026, m, d, hh, mm);
const NO = '镜访〔2026〕012号';
const ID = '330602199001011234';
const PHONE = '13812345678';
const base: Case = {
  caseNo: NO,
  state: '待交办签批',
  petitionerName: '张三',
  phone: PHONE,
  idNumber: ID,
  petitionDate: '2026-10-12',
  source: '本级',
  form: '来信',
  matterType: '投诉',
  category: '城乡建设',
  demand: '小区旁工地夜间施工，噪音扰民，要求限制施工时间。',
  department: DEPT,
  registeredAt: at(10, 12, 9),
  signedAt: at(10, 12, 13, 30),
};

function content(c: Partial<Case>, notice: string, to: NoticeArgs['to'], now = at(10, 12, 13, 30), r = rules) {
  return noticeContent({ caseNo: NO, notice, to, c: { ...base, ...c } as Case, rules: r, now, people });
}
const mail = (n: ReturnType<typeof content>, link: string | null = null) =>
  composeNotice(n, { officeName: '镜湖新区开发办', link });
const all = (m: ReturnType<typeof mail>): string => `${m.subject}\n${m.body}\n${m.htmlBody}`;

describe('the subject', () => {
  test('names the case, the step it now waits on and its deadline', () => {
    const n = content({}, '待交办签批', { role: '信访工作分管领导' }, undefined, hourly);
    expect(noticeSubject(n)).toBe(`【信访】${NO} 待交办签批 · 期限 10月12日 17:30`);
  });

  test('a deadline at the end of a day shows the day only; a provisional one says so', () => {
    expect(noticeSubject(content({}, '待交办签批', { role: '信访工作分管领导' }))).toBe(
      `【信访】${NO} 待交办签批 · 期限 10月13日`,
    );
    // 2027's holiday schedule is not loaded: the 办理 deadline of a case in 办理中 is provisional.
    const late = content(
      { state: '办理中', petitionDate: '2026-11-20', assignedAt: at(11, 20), receivedAt: at(11, 20, 10) },
      '退回重办',
      { role: '部室联络员', department: DEPT },
      at(11, 20, 11),
    );
    expect(noticeSubject(late)).toBe(`【信访】${NO} 待办理 · 期限 1月19日（暂定）`);
  });

  test('the step these recipients act on: the approvers of an extension are asked for 延期审批', () => {
    const c = {
      state: '办理中',
      assignedAt: at(10, 12),
      receivedAt: at(10, 12, 10),
      extRequestedAt: at(10, 13),
    } as const;
    expect(noticeSubject(content(c, '延期申请待审批', { role: '信访工作分管领导' }, at(10, 13, 10)))).toBe(
      `【信访】${NO} 待延期审批 · 期限 12月11日`,
    );
    expect(
      noticeSubject(content(c, '延期申请未获批准', { role: '部室联络员', department: DEPT }, at(10, 13, 10))),
    ).toBe(`【信访】${NO} 待办理 · 期限 12月11日`);
  });

  test('a step without a deadline: 待归档; a case waiting on nobody: what happened', () => {
    expect(noticeSubject(content({ state: '已回访', callbackDate: '2026-12-01' }, '已回访', { role: '信访办' }))).toBe(
      `【信访】${NO} 待归档`,
    );
    const forwarded = content(
      { state: '已转送', forwardedTo: '越城区住建局' },
      '已由信访办转送越城区住建局，本部室不再办理',
      { role: '部室联络员', department: DEPT },
    );
    expect(forwarded.step).toBeUndefined();
    expect(noticeSubject(forwarded)).toBe(`【信访】${NO} 已由信访办转送越城区住建局，本部室不再办理`);
  });

  test('without the case, the notice’s words', () => {
    const n = noticeContent({ caseNo: NO, notice: '待交办签批', to: { role: '主职领导' }, rules, now: at(10, 12) });
    expect(noticeSubject(n)).toBe(`【信访】${NO} 待交办签批`);
  });
});

describe('the body', () => {
  const n = content({}, '待交办签批', { role: '信访工作分管领导' }, undefined, hourly);

  test('says who writes, what happened, the step and its deadline in full, the case masked, and where to act', () => {
    const m = mail(n, 'https://docs.google.com/spreadsheets/d/x/edit#gid=7&range=A5');
    expect(m.body.split('\n')).toEqual([
      '镜湖新区开发办信访台账',
      '',
      `${NO} 待交办签批`,
      '',
      '当前环节：交办签批',
      '环节期限：2026年10月12日（星期一）17:30',
      '期限状态：即将到期',
      '摘要：投诉｜城乡建设｜信访人：张*｜诉求：小区旁工地夜间施工，噪音扰民，要求限制施工时间。',
      '承办部室：规划建设部',
      '办理期限：2026-12-11',
      '',
      '在台账中打开：https://docs.google.com/spreadsheets/d/x/edit#gid=7&range=A5',
      '',
      '（本邮件由信访台账自动发送，个人信息已脱敏；完整信息请在台账中查看。）',
    ]);
    expect(m.htmlBody).toContain('<a href="https://docs.google.com/spreadsheets/d/x/edit#gid=7&amp;range=A5">');
    expect(m.htmlBody).toContain('2026年10月12日（星期一）17:30');
    expect(m.htmlBody).toContain('信访人：张*');
  });

  test('department people are sent to the 部室工作台, not given a link', () => {
    const m = mail(n, null);
    expect(m.body).toContain(WORKBENCH_NO_LINK);
    expect(m.htmlBody).toContain(WORKBENCH_NO_LINK);
    expect(all(m)).not.toMatch(/https?:|<a /);
    expect(m.body).not.toContain('完整信息请在台账中查看');
  });

  test('carries neither the ID number nor the phone, not even masked', () => {
    const m = mail(n, null);
    expect(all(m)).not.toMatch(/330602|1234|138|5678|联系电话|身份证/);
  });

  test('masks ID numbers and phones inside 信访诉求, and the petitioner’s own name', () => {
    const demand = `本人张三，身份证${ID}，电话${PHONE}，要求赔偿。`;
    const m = mail(content({ demand }, '待交办签批', { role: '信访工作分管领导' }), null);
    expect(m.body).toContain('诉求：本人张*，身份证330602********1234，电话138****5678，要求赔偿。');
    expect(all(m)).not.toMatch(new RegExp(`${ID}|${PHONE}|张三`));
  });

  test('cuts 信访诉求 to 60 characters with …, never inside an emoji', () => {
    const m = mail(content({ demand: `${'😀'.repeat(59)}🏗️工地` }, '待交办签批', { role: '主职领导' }), null);
    expect(m.body).toContain(`诉求：${'😀'.repeat(59)}🏗…`);
    expect(m.body).not.toContain('\uFE0F');
  });

  test('escapes every value in the HTML part', () => {
    const demand = '<script>alert("x")</script> & <b>噪音</b> 😀';
    const m = mail(content({ demand, category: 'A&B' }, '请<i>核处</i>', { role: '主职领导' }), null);
    expect(m.htmlBody).not.toMatch(/<script|<b>噪音|<i>/);
    expect(m.htmlBody).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &lt;b&gt;噪音&lt;/b&gt; 😀');
    expect(m.htmlBody).toContain('A&amp;B');
    expect(m.htmlBody).toContain('请&lt;i&gt;核处&lt;/i&gt;');
    // The plain-text part is text: nothing to escape there.
    expect(m.body).toContain(demand);
  });
});

describe('匿名保护 (信访工作条例 Art. 30)', () => {
  const report = { matterType: '检举控告', demand: '举报人张三反映规划建设部违规审批。' } as const;

  test('a department told about a 检举控告 case never learns the petitioner, not even masked', () => {
    for (const to of [
      { role: '部室联络员', department: DEPT },
      { role: '部室负责人', department: DEPT },
      { role: '承办人', department: DEPT },
      { role: '事项分管领导', department: DEPT },
    ] as const) {
      const n = content(report, '已交办，请当天接处', to);
      expect(n.anonymous).toBe(true);
      const m = mail(n, null);
      expect(m.body).toContain(`信访人：${ANONYMOUS}`);
      expect(m.htmlBody).toContain(`信访人：${ANONYMOUS}`);
      expect(all(m)).not.toMatch(/张|330602|138/);
    }
  });

  test('the office and the leaders see the masked name; other matters are not anonymous', () => {
    expect(mail(content(report, '待交办签批', { role: '主职领导' })).body).toContain('信访人：张*');
    expect(mail(content(report, '已签批，待交办', { role: '信访办' })).body).toContain('信访人：张*');
    expect(mail(content({}, '已交办，请当天接处', { role: '部室联络员', department: DEPT })).body).toContain(
      '信访人：张*',
    );
  });

  test('who counts as department-bound', () => {
    const c = { ...base, matterType: '检举控告' } as Case;
    expect(isAnonymousFor(c, { role: '事项分管领导' })).toBe(true);
    expect(isAnonymousFor(c, { role: '信访工作分管领导' })).toBe(false);
    expect(isAnonymousFor({ ...c, matterType: '投诉' }, { role: '部室联络员', department: DEPT })).toBe(false);
  });
});

describe('caseLinkTarget', () => {
  test('the 信访办 and the leaders open the ledger; department people the 部室工作台', () => {
    const target = (roles: Person['roles']) => caseLinkTarget(person('x', roles, [DEPT]));
    expect(
      ['信访办', '主职领导', '信访工作分管领导', '事项分管领导'].map((r) => target([r as Person['roles'][0]])),
    ).toEqual(['ledger', 'ledger', 'ledger', 'ledger']);
    expect(['部室联络员', '部室负责人', '承办人'].map((r) => target([r as Person['roles'][0]]))).toEqual([
      'workbench',
      'workbench',
      'workbench',
    ]);
    expect(target(['部室联络员', '信访办'])).toBe('ledger');
    expect(target([])).toBe('workbench');
  });
});

test('fullDue: the date with its weekday, the time unless the deadline is the end of a day', () => {
  expect(fullDue(at(10, 12, 17, 30))).toBe('2026年10月12日（星期一）17:30');
  expect(fullDue(fromShanghai(2026, 10, 10, 23, 59, 59, 999), true)).toBe('2026年10月10日（星期六）（暂定）');
});
