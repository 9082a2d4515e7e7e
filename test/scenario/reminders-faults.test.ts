// Exactly once under faults: for every k, the k-th service call of the morning's reminder runs throws; the next hourly
// run finishes the digest; what people received is what an undisturbed morning gives them — nothing lost, nothing
// twice. The same when a slow service stops the run at its time budget, and when the day's mail quota runs short.
import type { GasEnvironment } from '../../emulator/index';
import { collectGarbage } from '../helpers/gc';
import { headerOf, ok, PEOPLE, startOffice } from './office';

const REMIND = '【信访提醒】';
const ECON_A = { name: '冯远', email: 'fengyuan@jinghu.gov.cn' };
const ECON_B = { name: '褚燕', email: 'chuyan@jinghu.gov.cn' };

/**
 * An office on Friday 10-09 whose ledger an earlier Excel sheet filled (pasted, then taken in by 初始化/修复, as an
 * office moving in does): cases at several nodes in three departments; the clock then at Monday 07:59.
 */
function office(accountType: 'workspace' | 'consumer' = 'workspace'): GasEnvironment {
  const env = startOffice('2026-10-12T06:30:00+08:00', { accountType });
  env.typeInto('人员', 'A12', [
    [ECON_A.name, ECON_A.email, '部室联络员', '经济发展部', 'A', ''],
    [ECON_B.name, ECON_B.email, '部室联络员', '经济发展部', 'B', ''],
  ]);
  const sheet = env.globals.SpreadsheetApp.getActive().getSheetByName('台账')!;
  const h = headerOf(env, '台账');
  // Set up on Monday morning (before the day's runs), the rows as the old sheet had them since Friday.
  const friday = (hh: number) => new Date(`2026-10-09T${String(hh).padStart(2, '0')}:00:00+08:00`);
  const rows: Record<string, unknown>[] = [
    { 编号: no(1), 状态: '办理中', 信访人姓名: '赵一', 承办部室: '规划建设部', 交办时间: friday(10) }, // 接收 overdue
    {
      编号: no(2),
      状态: '办理中',
      信访人姓名: '钱二',
      承办部室: '规划建设部',
      交办时间: friday(10),
      接收时间: friday(11),
      办理期限: '2026-10-14',
    },
    {
      编号: no(3),
      状态: '办理中',
      信访人姓名: '孙三',
      承办部室: '综合事务部',
      交办时间: friday(10),
      接收时间: friday(11),
      办理期限: '2026-10-10',
    },
    { 编号: no(4), 状态: '办理中', 信访人姓名: '李四', 承办部室: '经济发展部', 交办时间: friday(10) }, // 接收 overdue
    { 编号: no(5), 状态: '待签收', 信访人姓名: '周五', 登记时间: friday(9) }, // 签收 overdue: the 信访办's own
  ];
  const grid = rows.map((r) => {
    const line: unknown[] = new Array(h.size).fill('');
    const facts = {
      信访日期: new Date('2026-10-09T00:00:00+08:00'),
      信访件来源: '上级',
      信访形式: '网上信访',
      事项类型: '投诉',
      信访诉求: '小区旁工地夜间施工。',
      联系电话: '13812345678',
      ...r,
    };
    for (const [label, v] of Object.entries(facts)) line[h.get(label)! - 1] = v;
    return line;
  });
  sheet.getRange(2, 1, grid.length, h.size).setValues(grid);
  ok(env);
  env.clickMenu('信访台账', '初始化/修复', '初始化/修复');
  env.clock.set('2026-10-12T07:59:00+08:00');
  env.runDueTriggers();
  return env;
}
const no = (n: number): string => `镜访〔2026〕00${n}号`;

/** What each person was told on the morning's reminders: recipient | 编号 | node, one line per telling. */
function told(env: GasEnvironment, from = 0): string[] {
  const out: string[] = [];
  for (const m of env.outbox.slice(from)) {
    if (!m.subject.startsWith(REMIND)) continue;
    const items = [...m.body.matchAll(/^(镜访〔2026〕\d+号)｜([^｜]+)｜/gm)].map((x) => `${x[1]}|${x[2]}`);
    for (const who of [...m.to, ...m.cc]) for (const i of items) out.push(`${who}|${i}`);
  }
  return out.sort();
}

/** The morning: the 08:00 hour's runs, then (the "next run") the 09:00 hour's and the 10:00 hour's. */
function morning(env: GasEnvironment, arm?: () => void): number {
  const from = env.outbox.length;
  arm?.();
  env.clock.set('2026-10-12T08:59:00+08:00');
  try {
    env.runDueTriggers();
  } catch {
    // The faulted run failed, as Apps Script's would; the next hour's run is what must make up for it.
  }
  env.faults.clear();
  env.clock.set('2026-10-12T10:30:00+08:00');
  env.runDueTriggers();
  return from;
}

let baseline: string[];
let calls: [string, number][];

beforeAll(() => {
  const env = office();
  const before = { ...env.stats().total };
  const from = env.outbox.length;
  env.clock.set('2026-10-12T08:59:00+08:00');
  env.runDueTriggers();
  // The calls the 08:00 hour's reminder runs made (the hourly run at 08:00 sends the digest; the daily trigger at
  // 08:xx finds nothing left): every one of them is a place a fault can strike.
  const after = env.stats().total;
  calls = Object.entries(after).flatMap(([name, n]) =>
    Array.from({ length: n - (before[name] ?? 0) }, (_, i) => [name, i + 1] as [string, number]),
  );
  env.clock.set('2026-10-12T10:30:00+08:00');
  env.runDueTriggers();
  baseline = told(env, from);
});

test('an undisturbed morning: each department’s liaisons and the 信访办 are told of each due item once', () => {
  expect(baseline).toEqual(
    expect.arrayContaining([
      `${PEOPLE.liaison.email}|镜访〔2026〕001号|接收`,
      `${PEOPLE.liaisonB.email}|镜访〔2026〕001号|接收`,
      `${PEOPLE.liaison.email}|镜访〔2026〕002号|办理`,
      `${PEOPLE.liaison2.email}|镜访〔2026〕003号|办理`,
      `${ECON_A.email}|镜访〔2026〕004号|接收`,
      `${ECON_B.email}|镜访〔2026〕004号|接收`,
      `${PEOPLE.office.email}|镜访〔2026〕005号|签收`,
    ]),
  );
  expect(new Set(baseline).size).toBe(baseline.length);
  expect(calls.length).toBeGreaterThan(20);
});

// Every k, in four slices (each a test of its own, within jest's time per test).
const SLICES = 4;
test.each(Array.from({ length: SLICES }, (_, i) => i))(
  'for every k (slice %i), a fault at the k-th call of the morning’s run: after the next run, the same tellings',
  (slice) => {
    const differ: string[] = [];
    const mine = calls.filter((_, k) => k % SLICES === slice);
    for (const [name, nth] of mine) {
      const env = office();
      const from = morning(env, () => env.faults.failOn(name, { nth, error: 'Service unavailable: try again later.' }));
      const got = told(env, from);
      if (JSON.stringify(got) !== JSON.stringify(baseline))
        differ.push(`${name}#${nth}: ${got.length} vs ${baseline.length}`);
      collectGarbage();
    }
    expect(differ).toEqual([]);
  },
);

test('a run stopped at its time budget by a slow service leaves the rest to the next run: the same tellings', () => {
  const env = office();
  const from = morning(env, () => env.faults.slowOn('MailApp.sendEmail', { nth: 1, ms: 280_000 }));
  expect(told(env, from)).toEqual(baseline);
  // The stop is visible: the run that met the slow service stopped itself (and said so); a later run sent the rest.
  const stopped = env.executions().filter((e) => e.logs.some((l) => l.includes('本次运行时间已到')));
  expect(stopped).toHaveLength(1);
  expect(stopped[0]!.outcome).toBe('completed');
  const after = env.outbox.filter((m) => m.subject.startsWith(REMIND) && m.at > stopped[0]!.end!);
  expect(after.length).toBeGreaterThan(0);
});

test('with 5 recipients of quota left, overdue digests go first; the summary says what waits; the rest go next day', () => {
  // A consumer account: one quota for every recipient, and getRemainingDailyQuota reports it.
  const env = office('consumer');
  const from = env.outbox.length;
  env.mail.useQuota(PEOPLE.office.email, 100 - 5);
  env.clock.set('2026-10-12T08:59:00+08:00');
  env.runDueTriggers();
  const sent = env.outbox.slice(from).filter((m) => m.subject.startsWith(REMIND));
  // Overdue: 规划建设部 (2 recipients), 综合事务部 (1), 经济发展部 (2) — 5 with the 信访办 summary's 1 kept back, so the
  // last overdue one that does not fit waits; nothing that is only due soon goes before an overdue one.
  const recipients = sent.reduce((n, m) => n + m.to.length + m.cc.length, 0);
  expect(recipients).toBeLessThanOrEqual(5);
  expect(sent.every((m) => m.subject.includes('逾期'))).toBe(true);
  const summary = sent.find((m) => m.subject.includes('信访办'))!;
  expect(summary.body).toMatch(/邮件配额不足，.+的提醒留待下次发送/);
  // The next day (the quota renewed), the deferred department hears about its items.
  const deferred = /邮件配额不足，(.+)的提醒留待下次发送/.exec(summary.body)![1]!.split('、');
  env.clock.set('2026-10-13T08:59:00+08:00');
  env.runDueTriggers();
  const next = env.outbox.filter((m) => m.subject.startsWith(REMIND) && m.subject.endsWith('2026-10-13'));
  for (const d of deferred) expect([d, next.some((m) => m.subject.includes(d))]).toEqual([d, true]);
});

test('a send refused for the day’s quota (mail inside the domain has its own) defers the rest instead of failing', () => {
  const env = office();
  env.mail.useQuota(PEOPLE.office.email, 2000 - 3, { withinDomain: true });
  const from = morning(env);
  const got = told(env, from);
  expect(got.length).toBeGreaterThan(0);
  expect(got.length).toBeLessThan(baseline.length);
  expect(new Set(got).size).toBe(got.length);
});
