// October 2026 day by day through the real bundle (国庆 10-01…10-07 off, Saturday 10-10 a working day): cases at
// several nodes, the daily and hourly triggers firing as Apps Script fires them, and the digests people receive —
// the right people, the right days, none on days off, each due item once.
import type { GasEnvironment } from '../../emulator/index';
import { act, ok, lastAlert, PEOPLE, PLATFORM_CASE, register, rowsOf, startOffice } from './office';

const REMIND = '【信访提醒】';
const CHASE = '【信访催办】';
const { office, liaison, liaisonB, liaison2, lineLeader } = PEOPLE;

let env: GasEnvironment;
const cases: Record<string, string> = {};

/** A platform case taken to 办理中 in `department`, received or not. */
function assigned(department: string, received: boolean, fields: Record<string, string> = {}): string {
  const { caseNo } = register(env, { ...PLATFORM_CASE, ...fields });
  act(env, 'office', caseNo, ['受理交办', '签收']);
  act(env, fields.matterType === '检举控告' ? 'principal' : 'petitionLeader', caseNo, ['受理交办', '交办签批…']);
  act(env, 'office', caseNo, ['受理交办', '交办…'], { department });
  if (received) act(env, department === '规划建设部' ? 'liaison' : 'liaison2', caseNo, ['受理交办', '接收']);
  return caseNo;
}

/** The reminder mails of `date` sent since `from` (an index into the outbox). */
function mailsSince(from: number, prefix = REMIND, date = today) {
  return env.outbox.slice(from).filter((m) => m.subject.startsWith(prefix) && m.subject.includes(date));
}
let today = '';
function day(date: string, time = '09:30'): number {
  const from = env.outbox.length;
  today = date;
  env.clock.set(`${date}T${time}:00+08:00`);
  env.runDueTriggers();
  return from;
}

beforeAll(() => {
  env = startOffice('2026-09-28T09:00:00+08:00'); // Monday
  // 规划建设部: one case nobody receives (接收 due 09-28); one received with the platform's deadline 10-12.
  cases.unreceived = assigned('规划建设部', false, { petitionerName: '赵一' });
  cases.handling = assigned('规划建设部', true, { petitionerName: '钱二', dueDate: '2026-10-12' });
  // 综合事务部: a 检举控告 case received, due 10-09.
  cases.report = assigned('综合事务部', true, {
    petitionerName: '孙三',
    matterType: '检举控告',
    demand: '举报某工程负责人收受好处，本人孙三可作证。',
    dueDate: '2026-10-09',
  });
  // 信访办: a case never signed for.
  cases.unsigned = register(env, { ...PLATFORM_CASE, petitionerName: '李四' }).caseNo;
});

describe('the daily digest', () => {
  it('on Tuesday 09-29: 规划建设部 to liaison A with B in copy, 综合事务部 to its one liaison, the 信访办 summary', () => {
    const from = day('2026-09-29');
    const mails = mailsSince(from);
    const dept = mails.find((m) => m.subject.includes('规划建设部'))!;
    expect(dept.subject).toBe('【信访提醒】规划建设部 逾期1件 2026-09-29');
    expect([dept.to, dept.cc]).toEqual([[liaison.email], [liaisonB.email]]);
    expect(dept.body).toContain(`${cases.unreceived}｜接收｜期限 9月28日｜逾期 1 个工作日`);
    expect(dept.body).toContain('请打开部室工作台办理（工作台链接请向信访办索取）');
    expect(dept.htmlBody).toContain(cases.unreceived);
    const summary = mails.find((m) => m.subject.includes('信访办'))!;
    expect(summary.to).toEqual([office.email]);
    // Its own node (签收 of 09-28) and the case nobody received, in full, each linked to its ledger row.
    expect(summary.body).toContain(`${cases.unsigned}｜签收｜期限 9月28日｜逾期 1 个工作日`);
    expect(summary.body).toContain(`${cases.unreceived}｜接收`);
    expect(summary.htmlBody).toMatch(
      /<a href="https:\/\/docs\.google\.com\/spreadsheets\/d\/[^"]+#gid=\d+&amp;range=A\d+">/,
    );
    expect(summary.body).toContain('规划建设部：逾期 1 件');
    // 综合事务部's case is due 10-09: three working days are left (09-30, 10-08, 10-09) — 即将到期 already.
    const other = mails.find((m) => m.subject.includes('综合事务部'))!;
    expect(other.subject).toBe('【信访提醒】综合事务部 即将到期1件 2026-09-29');
    expect([other.to, other.cc]).toEqual([[liaison2.email], []]);
    expect(mails).toHaveLength(3);
  });

  it('is sent once a day: running again, or 立即发送提醒 the same day, repeats no item', () => {
    const from = day('2026-09-29', '16:00');
    expect(mailsSince(from)).toHaveLength(0);
    env.answerNextDialog({ button: 'YES' });
    ok(env);
    env.clickMenu('信访台账', '期限提醒', '立即发送提醒', { user: office.email });
    expect(mailsSince(from)).toHaveLength(0);
    expect(lastAlert(env)).toContain('没有需要提醒的待办');
    const keys = rowsOf(env, '提醒记录').map((r) => [r['日期'], r['环节'], r['编号'], r['收件人']].join('|'));
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('sends nothing on the days off of 国庆 and the weekend, then again on 10-08 and on the 调休 Saturday 10-10', () => {
    const sentOn: Record<string, number> = {};
    for (const d of [
      '2026-09-30',
      '2026-10-01',
      '2026-10-03',
      '2026-10-05',
      '2026-10-07',
      '2026-10-08',
      '2026-10-09',
      '2026-10-10',
      '2026-10-11',
    ]) {
      sentOn[d] = mailsSince(day(d)).length;
    }
    expect(sentOn).toMatchObject({
      '2026-10-01': 0,
      '2026-10-03': 0,
      '2026-10-05': 0,
      '2026-10-07': 0,
      '2026-10-11': 0,
    });
    for (const d of ['2026-09-30', '2026-10-08', '2026-10-09', '2026-10-10'])
      expect([d, sentOn[d]! > 0]).toEqual([d, true]);
  });

  it('the 检举控告 case reaches 综合事务部 as 匿名保护, and escalates to the line leader once overdue long enough', () => {
    const digests = env.outbox.filter((m) => m.subject.startsWith(`${REMIND}综合事务部`));
    expect(digests.length).toBeGreaterThan(0);
    for (const m of digests) {
      expect(m.to).toEqual([liaison2.email]);
      expect(m.body).toContain('信访人：匿名保护');
      expect(m.body + m.htmlBody).not.toMatch(/孙三|孙\*/);
    }
    // Due 10-09: due today on 10-09, overdue from 10-10 (a 调休 working day).
    const on = (d: string) => digests.find((m) => m.subject.endsWith(d));
    expect(on('2026-10-09')!.subject).toContain('今日到期1件');
    expect(on('2026-10-10')!.subject).toContain('逾期1件');
    // 规划建设部's unreceived case (接收 due 09-28) is 3 working days late on 10-08 (09-29, 09-30, 10-08): the
    // threshold, not beyond it; on 10-09 it is 4, and the line leader is copied.
    const at = (d: string) =>
      env.outbox.find((m) => m.subject.startsWith(`${REMIND}规划建设部`) && m.subject.endsWith(d))!;
    expect(at('2026-10-08').cc).toEqual([liaisonB.email]);
    expect(at('2026-10-09').cc).toEqual([liaisonB.email, lineLeader.email]);
    expect(at('2026-10-09').body).toContain('逾期 4 个工作日');
  });

  it('no mail carries a petitioner’s ID number or phone, masked or not', () => {
    for (const m of env.outbox.filter((x) => x.subject.startsWith(REMIND) || x.subject.startsWith(CHASE))) {
      const all = `${m.subject}\n${m.body}\n${m.htmlBody ?? ''}`;
      expect(all).not.toMatch(/11010519491231002X|13812345678|138\*{4}5678|110105\*+/);
    }
  });
});

describe('the hourly chase', () => {
  it('chases a case assigned at 10:00 before its 退单 window closes and before the day of its 接收 ends, once each', () => {
    env.clock.set('2026-10-12T09:55:00+08:00');
    env.runDueTriggers();
    env.clock.set('2026-10-12T10:00:00+08:00');
    const caseNo = assigned('规划建设部', false, { petitionerName: '周五' });
    day('2026-10-12', '18:30');
    // The runs inside office hours come once an hour, at a minute Apps Script picks; a node is chased by the first run
    // within 2 office hours (设置「催办提前工作小时」) of its deadline, and never again that day.
    const mails = env.outbox.filter((m) => m.subject.startsWith(CHASE) && m.body.includes(caseNo));
    const chased = mails.map((m) => [m.body.match(new RegExp(`${caseNo}｜(\\S+?)｜`))![1], m.at]);
    expect(chased.map(([node]) => node)).toEqual(['退单', '接收']);
    const [window, receipt] = chased.map(([, at]) => (at as Date).getTime());
    const t = (hhmm: string) => new Date(`2026-10-12T${hhmm}:00+08:00`).getTime();
    // The window (10:00–12:00, 13:30–14:30) closes at 14:30: chased from 11:00 (the lunch break does not count).
    expect(window).toBeGreaterThanOrEqual(t('11:00'));
    expect(window).toBeLessThan(t('14:30'));
    // 接收 is due by the end of the day; the office closes at 17:30: chased from 15:30.
    expect(receipt).toBeGreaterThanOrEqual(t('15:30'));
    expect(receipt).toBeLessThan(t('17:30'));
    expect(mails.every((m) => m.to.includes(liaison.email) && m.cc.includes(liaisonB.email))).toBe(true);
    // Saturday 10-17 and Sunday 10-18 are days off: no chase at any hour.
    expect(mailsSince(day('2026-10-18', '18:00'), CHASE, '2026-10-1')).toHaveLength(0);
  });
});

describe('the schedules', () => {
  const hoursOf = (e: GasEnvironment, handler: string): number[] =>
    e
      .triggers()
      .filter((t) => t.handler === handler)
      .map((t) => t.schedule!.hour!)
      .sort((a, b) => a - b);

  it('the digest at 设置「提醒时刻」, the chase in each hour of 上班时间; changing them and running 初始化/修复 moves them', () => {
    const e = startOffice();
    expect(hoursOf(e, 'dailyReminders')).toEqual([8]);
    expect(hoursOf(e, 'hourlyChase')).toEqual([8, 9, 10, 11, 13, 14, 15, 16, 17]);
    const settings = e.globals.SpreadsheetApp.getActive().getSheetByName('设置')!;
    const keys = settings
      .getRange(1, 1, settings.getLastRow(), 1)
      .getValues()
      .map((r) => r[0]);
    e.typeInto('设置', `B${keys.indexOf('提醒时刻') + 1}`, '7');
    e.typeInto('设置', `B${keys.indexOf('上班时间') + 1}`, '09:00-12:00,14:00-18:00');
    ok(e);
    e.clickMenu('信访台账', '初始化/修复', '初始化/修复');
    expect(hoursOf(e, 'dailyReminders')).toEqual([7]);
    expect(hoursOf(e, 'hourlyChase')).toEqual([9, 10, 11, 14, 15, 16, 17]);
    expect(e.triggers().filter((t) => t.handler === 'dailyRefresh')).toHaveLength(1);
  });
});

describe('提醒记录', () => {
  it('keeps 60 days: older keys are pruned by the day’s digest run', () => {
    const e = startOffice('2026-10-12T07:00:00+08:00');
    const sheet = e.globals.SpreadsheetApp.getActive().getSheetByName('提醒记录')!;
    sheet.getRange(2, 1, 2, 5).setValues([
      ['2026-08-01', '接收', '镜访〔2026〕900号', 'x@jinghu.gov.cn', new Date('2026-08-01T08:30:00+08:00')],
      ['2026-09-01', '接收', '镜访〔2026〕901号', 'x@jinghu.gov.cn', new Date('2026-09-01T08:30:00+08:00')],
    ]);
    register(e, PLATFORM_CASE); // 签收 due today: the 信访办's summary has something to say
    // The scheduled digest missed (as a trigger sometimes is): the hourly run sends the day's digest, and prunes.
    const app = e.globals.ScriptApp;
    for (const t of app.getProjectTriggers()) if (t.getHandlerFunction() === 'dailyReminders') app.deleteTrigger(t);
    e.clock.set('2026-10-12T09:30:00+08:00');
    e.runDueTriggers();
    const dates = rowsOf(e, '提醒记录').map((r) => r['日期']);
    expect(dates).not.toContain('2026-08-01');
    expect(dates).toContain('2026-09-01');
    expect(dates).toContain('2026-10-12');
  });
});
