// The 设置 adapter against the local runtime: seeded from the one settings table, parsed by it, a bad value defaulted
// and reported by sheet, row and field (in 初始化/修复's message and as a note on the cell), and every setting used.
import type { GasEnvironment } from '../../emulator/index';
import { settingRows } from '../../src/core/settings';
import { SheetSettings } from '../../src/gas/settings';
import { act, caseRow, logOf, PEOPLE, PLATFORM_CASE, register, startOffice } from '../scenario/office';
import { bareOffice, recordsOf, runSetup, setSettings, settingRow, sheet, spreadsheet } from './seeders';

const valueNote = (env: GasEnvironment, key: string): string =>
  sheet(env, '设置').getRange(settingRow(env, key), 2).getNote();

describe('设置 as 初始化/修复 lays it out', () => {
  it('holds every setting of the table, with its default and description, and nothing else', () => {
    const env = bareOffice();
    runSetup(env);
    expect(recordsOf(env, '设置')).toEqual(
      settingRows().map((r) => ({ 设置项: r.key, 值: r.defaultText, 说明: r.description })),
    );
    const keys = recordsOf(env, '设置').map((r) => r['设置项']);
    expect(keys).toEqual(expect.arrayContaining(['单位名称', '上班时间', '提醒时刻', '临期提醒工作日']));
    expect(keys).not.toContain('主职领导邮箱');
    expect(recordsOf(env, '设置').find((r) => r['设置项'] === '提醒时刻')!['说明']).toContain(
      '修改后运行「初始化/修复」生效',
    );
  });

  it('adds back a setting someone deleted (with its default) and reports a key it does not know', () => {
    const env = bareOffice();
    runSetup(env);
    sheet(env, '设置').deleteRow(settingRow(env, '重复信访天数'));
    const extra = sheet(env, '设置').getLastRow() + 1;
    sheet(env, '设置')
      .getRange(extra, 1, 1, 2)
      .setValues([['提醒邮箱', 'a@b.cn']]);
    const alert = runSetup(env);
    expect(alert).toContain('「设置」补充设置项（默认值）：重复信访天数');
    expect(alert).toContain(`「设置」第 ${extra} 行「提醒邮箱」不是本系统的设置项，已忽略（可删除该行）`);
    expect(recordsOf(env, '设置').find((r) => r['设置项'] === '重复信访天数')).toMatchObject({ 值: '365' });
  });
});

describe('reading 设置', () => {
  let env: GasEnvironment;
  beforeEach(() => {
    env = bareOffice();
    runSetup(env);
  });

  it('uses what the office typed', () => {
    setSettings(env, {
      单位名称: '梅山街道办',
      临期提醒工作日: '2',
      上班时间: '09:00-12:00, 14:00-18:00',
      延期审批角色: '主职领导',
    });
    const config = new SheetSettings(spreadsheet(env)).load();
    expect(config.warnings).toEqual([]);
    expect(config.values).toMatchObject({ officeName: '梅山街道办', dueSoonWorkdays: 2 });
    expect(config.rules.settings.extensionApprovers).toEqual(['主职领导']);
    expect(config.rules.calendar.officeHours).toEqual([
      { startMin: 540, endMin: 720 },
      { startMin: 840, endMin: 1080 },
    ]);
  });

  it('falls back to the default for a bad value and reports it by sheet, row and field', () => {
    setSettings(env, { 提醒时刻: '八点', 上班时间: '上午九点', 延期审批角色: '局长' });
    const config = new SheetSettings(spreadsheet(env)).load();
    expect(config.values.reminderHour).toBe(8);
    expect(config.rules.calendar.officeHours).toEqual([
      { startMin: 510, endMin: 720 },
      { startMin: 810, endMin: 1050 },
    ]);
    expect(config.rules.settings.extensionApprovers).toEqual(['信访工作分管领导']);
    expect(config.warnings).toEqual([
      `「设置」第 ${settingRow(env, '提醒时刻')} 行「提醒时刻」：「八点」应为 0–23 的整数，已按默认值 8 处理`,
      `「设置」第 ${settingRow(env, '延期审批角色')} 行「延期审批角色」：「局长」不是角色（可选：信访办、主职领导、信访工作分管领导、事项分管领导、部室负责人、部室联络员、承办人），已按默认值 信访工作分管领导 处理`,
      `「设置」第 ${settingRow(env, '上班时间')} 行「上班时间」：办公时间「上午九点」格式不对（例：08:30-12:00, 13:30-17:30），已按默认值 08:30-12:00,13:30-17:30 处理`,
    ]);
  });

  it('初始化/修复 tells the person and notes the cell; the note goes once the value is fixed', () => {
    setSettings(env, { 临期提醒工作日: '三天' });
    const message = `「临期提醒工作日」：「三天」应为 0–30 的整数，已按默认值 3 处理`;
    expect(runSetup(env)).toContain(`「设置」第 ${settingRow(env, '临期提醒工作日')} 行${message}`);
    expect(valueNote(env, '临期提醒工作日')).toBe(`【信访台账】${message}`);
    setSettings(env, { 临期提醒工作日: '3' });
    expect(runSetup(env)).not.toContain('临期提醒工作日');
    expect(valueNote(env, '临期提醒工作日')).toBe('');
  });
});

describe('settings that reach what a person sees', () => {
  /** A platform case assigned to 规划建设部 at `assignAt`; returns its 编号. */
  function assignedAt(env: GasEnvironment, assignAt: string): string {
    const { caseNo } = register(env, PLATFORM_CASE);
    act(env, 'office', caseNo, ['受理交办', '签收']);
    act(env, 'petitionLeader', caseNo, ['受理交办', '交办签批…'], { assignSignOpinion: '请核处' });
    env.clock.set(assignAt);
    act(env, 'office', caseNo, ['受理交办', '交办…'], { department: '规划建设部' });
    return caseNo;
  }

  it('上班时间 moves the 3-working-hour 退单 deadline: a liaison returning at 15:45 is late at 08:30–17:30', () => {
    const env = startOffice();
    const caseNo = assignedAt(env, '2026-10-09T11:00:00+08:00');
    // 11:00–12:00, then 13:30–15:30.
    expect(String(logOf(env, caseNo).pop()!['说明'])).toContain('退单时限至 2026-10-09 15:30');
    env.clock.set('2026-10-09T15:45:00+08:00');
    const r = act(env, 'liaison', caseNo, ['受理交办', '退单…'], { returnReason: '属市住建局职责' });
    // A late 退单 is accepted (the case must reach the right unit) and flagged: 15:30–15:45 is 0.25 h, shown as 0.3.
    expect(r).toMatchObject({ ok: true });
    expect(caseRow(env, caseNo)).toMatchObject({ 状态: '已退单', 退单超时工作小时: 0.3 });
    expect(String(logOf(env, caseNo).pop()!['说明'])).toContain(
      '逾期退单：超过退单时限（至 2026-10-09 15:30）0.3 个工作小时',
    );
  });

  it('上班时间 moves the 3-working-hour 退单 deadline: at 09:00–12:00, 14:00–18:00 the same return is on time', () => {
    const env = startOffice();
    setSettings(env, { 上班时间: '09:00-12:00,14:00-18:00' });
    const caseNo = assignedAt(env, '2026-10-09T11:00:00+08:00');
    // 11:00–12:00, then 14:00–16:00.
    expect(String(logOf(env, caseNo).pop()!['说明'])).toContain('退单时限至 2026-10-09 16:00');
    env.clock.set('2026-10-09T15:45:00+08:00');
    const r = act(env, 'liaison', caseNo, ['受理交办', '退单…'], { returnReason: '属市住建局职责' });
    expect(r).toMatchObject({ ok: true });
    expect(caseRow(env, caseNo)).toMatchObject({ 状态: '已退单', 退单超时工作小时: '' });
  });

  it('即将到期 from exactly 临期提醒工作日 working days left', () => {
    const env = startOffice();
    setSettings(env, { 临期提醒工作日: '2' });
    const { caseNo } = register(env, { ...PLATFORM_CASE, dueDate: '2026-10-20' });
    act(env, 'office', caseNo, ['受理交办', '签收']);
    act(env, 'petitionLeader', caseNo, ['受理交办', '交办签批…'], { assignSignOpinion: '请核处' });
    act(env, 'office', caseNo, ['受理交办', '交办…'], { department: '规划建设部' });
    act(env, 'liaison', caseNo, ['受理交办', '接收']);
    expect(caseRow(env, caseNo)).toMatchObject({ 当前环节: '办理' });
    // Thursday 10-15: 10-16, 10-19 and 10-20 are left — three working days, one more than the setting.
    env.clock.set('2026-10-15T09:00:00+08:00');
    env.runDueTriggers();
    expect(caseRow(env, caseNo)).toMatchObject({ 剩余工作日: 3, 期限状态: '正常' });
    // Friday 10-16: two left, exactly the setting.
    env.clock.set('2026-10-16T09:00:00+08:00');
    env.runDueTriggers();
    expect(caseRow(env, caseNo)).toMatchObject({ 剩余工作日: 2, 期限状态: '即将到期' });
  });

  it('单位名称 heads the notices', () => {
    const env = startOffice();
    setSettings(env, { 单位名称: '梅山街道办' });
    const { caseNo } = register(env, PLATFORM_CASE);
    act(env, 'office', caseNo, ['受理交办', '签收']);
    const mail = env.outbox.find((m) => m.to.includes(PEOPLE.petitionLeader.email))!;
    expect(mail.subject).toBe(`【信访】${caseNo} 待交办签批 · 期限 10月10日`);
    expect(mail.body.split('\n')[0]).toBe('梅山街道办信访台账');
    expect(mail.htmlBody).toContain('梅山街道办信访台账');
  });
});
