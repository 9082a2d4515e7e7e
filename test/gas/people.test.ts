// 人员 as the one table of who is who (role, department, liaison A or B, mail, mobile), read by the directory and the
// notices; and 初始化/修复 moving an older sheet's 部室 liaison columns and leader mail settings into it, once.
import type { GasEnvironment } from '../../emulator/index';
import { mergePeople, readPeopleLines, SheetDirectory } from '../../src/gas/directory';
import { act, DOMAIN, PEOPLE, PLATFORM_CASE, register, startOffice } from '../scenario/office';
import { bareOffice, headerLabels, recordsOf, runSetup, seedOldLayout, seedRows, sheet, spreadsheet } from './seeders';

const mail = (name: string): string => `${name}@${DOMAIN}`;

describe('人员', () => {
  it('says who is who: roles, departments, liaison A or B and mobile, a person’s lines merged by mail', () => {
    const env = startOffice();
    seedRows(env, '人员', [{ 姓名: '李明', 邮箱: 'LiMing@jinghu.gov.cn ', 角色: '承办人', 部室: '规划建设部' }]);
    const ss = spreadsheet(env);
    const lines = readPeopleLines(ss).filter((l) => l.email === PEOPLE.liaison.email);
    expect(lines.map((l) => [l.roles, l.departments, l.liaison, l.mobile])).toEqual([
      [['部室联络员'], ['规划建设部'], 'A', '13800000001'],
      [['承办人'], ['规划建设部'], '', ''],
    ]);
    expect(new SheetDirectory(ss).findByEmail(PEOPLE.liaison.email)).toEqual({
      email: PEOPLE.liaison.email,
      name: '李明',
      roles: ['部室联络员', '承办人'],
      departments: ['规划建设部'],
      liaisonSlot: 'A',
      mobile: PEOPLE.liaison.mobile,
    });
    expect(mergePeople(readPeopleLines(ss)).find((p) => p.name === '孙丽')?.departments).toEqual([
      '规划建设部',
      '综合事务部',
    ]);
  });

  it('初始化/修复 points at lines that give nobody a role, by row and field', () => {
    const env = startOffice();
    const row = seedRows(env, '人员', [
      { 姓名: '冯七', 邮箱: mail('fengqi'), 角色: '联络员', 部室: '规划建设部', AB角: 'C' },
      { 姓名: '蒋八', 邮箱: '', 角色: '承办人', 部室: '规划建设部' },
      { 姓名: '韩九', 邮箱: mail('hanjiu'), 角色: '承办人', 部室: '规划建设局' },
    ]);
    const alert = runSetup(env);
    expect(alert).toContain(`「人员」第 ${row} 行「角色」：「联络员」不是角色`);
    expect(alert).toContain(`「人员」第 ${row} 行「AB角」：「C」应为 A 或 B`);
    expect(alert).toContain(`「人员」第 ${row + 1} 行「邮箱」为空，本行不生效`);
    expect(alert).toContain(`「人员」第 ${row + 2} 行「部室」：「规划建设局」不在「部室」表中`);
  });

  it('a notice to a department reaches both its liaisons, A and B, with the case’s facts masked', () => {
    const env = startOffice();
    const { caseNo } = register(env, PLATFORM_CASE);
    act(env, 'office', caseNo, ['受理交办', '签收']);
    act(env, 'petitionLeader', caseNo, ['受理交办', '交办签批…'], { assignSignOpinion: '请核处' });
    act(env, 'office', caseNo, ['受理交办', '交办…'], { department: '规划建设部' });
    const assigned = env.outbox.filter((m) => m.body.includes('已交办，请当天接处'));
    expect(assigned.map((m) => m.to)).toEqual([[PEOPLE.liaison.email, PEOPLE.liaisonB.email]]);
    const body = assigned[0]!.body;
    // What the liaison reads: the case, its petitioner masked, what kind of matter and by when — never the phone.
    expect(body).toContain(`${caseNo} 已交办，请当天接处`);
    expect(body).toContain('摘要：投诉｜城乡建设｜信访人：张*｜');
    expect(body).not.toMatch(/联系电话|138\*{4}5678/);
    expect(body).toContain('承办部室：规划建设部');
    expect(body).toContain('办理期限：2026-12-08');
    // The case holds an ID number and a phone: neither leaves the spreadsheet in clear.
    for (const m of env.outbox) {
      const text = `${m.subject}\n${m.body}`;
      expect(text).not.toContain('11010519491231002X');
      expect(text).not.toContain('13812345678');
      expect(text).not.toContain('张三');
    }
  });
});

describe('初始化/修复 on a sheet from before 人员 held the liaisons', () => {
  const OLD_DEPARTMENTS = [
    [
      '规划建设部',
      '孙丽',
      mail('sunli'),
      '李明',
      mail('liming'),
      '13800000001',
      '陈晨',
      mail('chenchen'),
      '13800000002',
    ],
    ['综合事务部', '钱伟', mail('qianwei'), '吴敏', mail('wumin'), '13800000003', '', '', ''],
    ['经济发展部', '赵强', mail('zhaoqiang'), '郑华', '', '13800000004', '', '', ''],
  ];
  /** What the office had typed into the old four-column 人员. */
  const TYPED = [
    ['王芳', PEOPLE.office.email, '信访办', '综合事务部'],
    ['李明', PEOPLE.liaison.email, '部室联络员', '规划建设部'],
    ['孙丽', PEOPLE.lineLeader.email, '事项分管领导', ''],
    ['周杰', PEOPLE.handler.email, '承办人', '规划建设部'],
  ];
  let env: GasEnvironment;
  let alert: string;

  beforeEach(() => {
    env = bareOffice();
    seedOldLayout(env, OLD_DEPARTMENTS, {
      主职领导邮箱: mail('zhaoqiang'),
      信访工作分管领导邮箱: `${mail('qianwei')}，`,
    });
    const people = spreadsheet(env).insertSheet('人员');
    people.getRange(1, 1, 1, 4).setValues([['姓名', '邮箱', '角色', '部室']]);
    people.getRange(2, 1, TYPED.length, 4).setValues(TYPED);
    alert = runSetup(env);
  });

  it('appends the people 人员 lacks, fills only empty cells of lines the office typed, and says what it did', () => {
    const rows = recordsOf(env, '人员').map((r) => [r['姓名'], r['邮箱'], r['角色'], r['部室'], r['AB角'], r['手机']]);
    expect(rows).toEqual([
      ['王芳', PEOPLE.office.email, '信访办', '综合事务部', '', ''],
      ['李明', PEOPLE.liaison.email, '部室联络员', '规划建设部', 'A', '13800000001'],
      // 孙丽 oversees every line already (no 部室 typed): her line is left as it is.
      ['孙丽', PEOPLE.lineLeader.email, '事项分管领导', '', '', ''],
      ['周杰', PEOPLE.handler.email, '承办人', '规划建设部', '', ''],
      ['陈晨', mail('chenchen'), '部室联络员', '规划建设部', 'B', '13800000002'],
      ['钱伟', mail('qianwei'), '事项分管领导', '综合事务部', '', ''],
      ['吴敏', mail('wumin'), '部室联络员', '综合事务部', 'A', '13800000003'],
      ['赵强', mail('zhaoqiang'), '事项分管领导', '经济发展部', '', ''],
      ['', mail('zhaoqiang'), '主职领导', '', '', ''],
      ['', mail('qianwei'), '信访工作分管领导', '', '', ''],
    ]);
    const notes = sheet(env, '人员')
      .getRange(6, 1, 6, 1)
      .getNotes()
      .map((r) => r[0]);
    expect(notes[0]).toBe('【信访台账】初始化/修复自「部室」第 2 行联络员B迁入');
    expect(notes[4]).toBe('【信访台账】初始化/修复自「设置」主职领导邮箱迁入，请补填姓名');
    expect(alert).toContain('「人员」新增 6 行');
    expect(alert).toContain('陈晨（部室联络员，规划建设部，B角）');
    expect(alert).toContain('「人员」补填：第 3 行手机「13800000001」（「部室」第 2 行联络员A）；第 3 行AB角「A」');
    expect(alert).toContain('「部室」第 4 行联络员A「郑华」没有邮箱，未迁入「人员」，请在「人员」中登记');
    expect(alert).toContain('「设置」已移除：主职领导邮箱、信访工作分管领导邮箱');
  });

  it('retires the old 部室 columns with a note, and the leaders’ mail rows leave 设置', () => {
    expect(headerLabels(env, '部室').slice(0, 3)).toEqual(['部室', '分管领导', '分管领导邮箱']);
    expect(sheet(env, '部室').getRange('H1').getNote()).toContain('本列已停用');
    expect(recordsOf(env, '设置').map((r) => r['设置项'])).not.toContain('主职领导邮箱');
    expect(recordsOf(env, '设置').map((r) => r['设置项'])).not.toContain('信访工作分管领导邮箱');
  });

  it('changes nothing when run again', () => {
    const before = ['人员', '部室', '设置'].map((n) => {
      const s = sheet(env, n);
      const block = s.getRange(1, 1, s.getLastRow(), s.getLastColumn());
      return [block.getValues(), block.getNotes()];
    });
    const again = runSetup(env);
    expect(again).not.toMatch(/新增|补填|已移除/);
    expect(
      ['人员', '部室', '设置'].map((n) => {
        const s = sheet(env, n);
        const block = s.getRange(1, 1, s.getLastRow(), s.getLastColumn());
        return [block.getValues(), block.getNotes()];
      }),
    ).toEqual(before);
  });

  it('liaison B, once only in 部室, now gets the department’s notices', () => {
    const { caseNo } = register(env, PLATFORM_CASE);
    act(env, 'office', caseNo, ['受理交办', '签收']);
    // 钱伟 signs as 信访工作分管领导: his role came from the old mail setting.
    act(env, 'petitionLeader', caseNo, ['受理交办', '交办签批…'], { assignSignOpinion: '请核处' });
    act(env, 'office', caseNo, ['受理交办', '交办…'], { department: '规划建设部' });
    const assigned = env.outbox.find((m) => m.body.includes('已交办'));
    expect(assigned?.to).toEqual([PEOPLE.liaison.email, mail('chenchen')]);
  });
});
