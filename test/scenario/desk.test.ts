// The rest of the desk through the real bundle: 查找 and 案件历史, flags, wrong selections, people Apps Script
// does not identify, 重复信访 hints, masked notices, and provisional deadlines recomputed once a year is confirmed.
import type { GasEnvironment } from '../../emulator/index';
import {
  act,
  caseRow,
  cellOf,
  lastAlert,
  logOf,
  ok,
  PEOPLE,
  PLATFORM_CASE,
  register,
  rowNumberOf,
  startOffice,
} from './office';

const office = { user: PEOPLE.office.email };

describe('查找 and 案件历史', () => {
  let env: GasEnvironment;
  let caseNo: string;
  beforeAll(() => {
    env = startOffice();
    caseNo = register(env, PLATFORM_CASE).caseNo;
    register(env, { ...PLATFORM_CASE, petitionerName: '李四', idNumber: '', phone: '13900001111', upstreamNo: 'ZJ2' });
  });

  it('finds a case by name, by ID number and by phone, showing ID and phone masked', () => {
    env.open(office);
    env.clickMenu('信访台账', '查找…', office);
    expect(env.ui.dialogs.at(-1)).toMatchObject({ kind: 'sidebar', title: '查找信访件' });
    const byName = env.submitDialog('findCases', ['张三'], office) as { caseNo: string; hint: string }[];
    expect(byName).toEqual([expect.objectContaining({ caseNo, name: '张三', state: '待签收', date: '2026-10-09' })]);
    expect(byName[0]!.hint).toContain('110105********002X');
    expect(byName[0]!.hint).toContain('138****5678');
    expect(env.submitDialog('findCases', ['11010519491231002x'], office)).toHaveLength(1);
    expect(env.submitDialog('findCases', ['139 0000 1111'], office)).toEqual([
      expect.objectContaining({ name: '李四' }),
    ]);
  });

  it('treats regex characters in a query as plain text', () => {
    expect(env.submitDialog('findCases', ['(张|李).*'], office)).toEqual([]);
  });

  it('jumps to the case’s row', () => {
    expect(env.submitDialog('jumpToCase', [caseNo], office)).toBe(true);
    const active = env.globals.SpreadsheetApp.getActive().getActiveRange()!;
    expect(active.getRow()).toBe(rowNumberOf(env, caseNo));
    expect(env.submitDialog('jumpToCase', ['镜访〔2026〕999号'], office)).toBe(false);
  });

  it('shows the selected case’s log lines in order', () => {
    act(env, 'office', caseNo, ['受理交办', '签收']);
    env.open(office);
    env.select('台账', `B${rowNumberOf(env, caseNo)}`, office);
    ok(env);
    env.clickMenu('信访台账', '案件历史', office);
    const text = lastAlert(env);
    expect(text).toContain(`案件历史 · ${caseNo}`);
    expect(text.indexOf('登记')).toBeLessThan(text.indexOf('签收'));
    expect(text).toContain('王芳');
  });
});

describe('flags, selections and identities', () => {
  let env: GasEnvironment;
  let caseNo: string;
  beforeEach(() => {
    env = startOffice();
    caseNo = register(env, PLATFORM_CASE).caseNo;
  });

  it('sets 是否进入周会商 and 是否进入督查督办 with a log line each', () => {
    expect(act(env, 'office', caseNo, ['标记与归档', '周会商…'], { weeklyConsult: '是' })).toMatchObject({ ok: true });
    expect(act(env, 'petitionLeader', caseNo, ['标记与归档', '督查督办…'], { supervised: '是' })).toMatchObject({
      ok: true,
    });
    expect(caseRow(env, caseNo)).toMatchObject({ 是否进入周会商: '是', 是否进入督查督办: '是', 状态: '待签收' });
    expect(
      logOf(env, caseNo)
        .slice(-2)
        .map((l) => l['说明']),
    ).toEqual(['是否进入周会商：是', '是否进入督查督办：是']);
  });

  it('tells a person who selected rows on another sheet what to do, and writes nothing', () => {
    env.open(office);
    env.select('人员', 'A2', office);
    ok(env);
    env.clickMenu('信访台账', '受理交办', '签收', office);
    expect(lastAlert(env)).toContain('请先在「台账」工作表中选中');
    expect(caseRow(env, caseNo)['状态']).toBe('待签收');
  });

  it('refuses someone outside 人员 with the reason, and logs their typing as unknown where Apps Script hides them', () => {
    // A menu click runs as the person clicking, so Apps Script shows their address there; the installable
    // on-edit trigger runs as its installer, and then hides an editor outside the owner's domain.
    const outsider = { user: 'volunteer@example.org' };
    env.open(outsider);
    env.select('台账', `A${rowNumberOf(env, caseNo)}`, outsider);
    ok(env);
    env.clickMenu('信访台账', '受理交办', '签收', outsider);
    expect(lastAlert(env)).toContain('volunteer@example.org 未在「人员」表登记，不能办理');
    expect(caseRow(env, caseNo)['状态']).toBe('待签收');
    env.typeInto('台账', cellOf(env, caseNo, '信访诉求'), '补充材料已收到', outsider);
    expect(logOf(env, caseNo).pop()).toMatchObject({ 动作: '修改', 操作人: '（身份未知：Google 未提供操作人邮箱）' });
  });

  it('hints 重复信访 with the earlier 编号 while registering and in the ledger', () => {
    env.open(office);
    env.clickMenu('信访台账', '新建信访件…', office);
    expect(env.submitDialog('checkRepeat', [{ idNumber: '11010519491231002X', phone: '' }], office)).toBe(
      `可能是重复信访：${caseNo}`,
    );
    const again = register(env, { ...PLATFORM_CASE, upstreamNo: 'ZJ3', demand: '再次反映噪音问题' });
    expect(caseRow(env, again.caseNo)['重复信访']).toBe(caseNo);
  });

  it('names the earlier case however its phone or ID number was typed (spaces inside, a lower-case x, +86)', () => {
    env.open(office);
    const byPhone = register(env, {
      ...PLATFORM_CASE,
      upstreamNo: 'ZJ4',
      idNumber: '',
      phone: '139 0013 8000',
      demand: '反映路灯不亮',
    });
    const again = register(env, {
      ...PLATFORM_CASE,
      upstreamNo: 'ZJ5',
      idNumber: '110105 19491231 002x',
      phone: '+86 13900138000',
      demand: '再次反映路灯不亮',
    });
    expect(String(caseRow(env, again.caseNo)['重复信访']).split('、').sort()).toEqual([caseNo, byPhone.caseNo].sort());
  });

  it('sends notices that name the case but carry no personal data', () => {
    act(env, 'office', caseNo, ['受理交办', '签收']);
    act(env, 'petitionLeader', caseNo, ['受理交办', '交办签批…']);
    act(env, 'office', caseNo, ['受理交办', '交办…'], { department: '规划建设部' });
    const toLiaison = env.outbox.filter((m) => m.to.includes(PEOPLE.liaison.email));
    expect(toLiaison.map((m) => m.body).join('\n')).toContain(`${caseNo} 已交办，请当天接处`);
    for (const m of env.outbox) {
      expect(`${m.subject}${m.body}`).not.toMatch(/张三|11010519491231002X|13812345678/);
    }
  });
});

describe('a provisional deadline', () => {
  it('is marked 暂定 and recomputed by the daily refresh once the year’s schedule is confirmed', () => {
    const env = startOffice('2026-11-20T09:00:00+08:00');
    const { caseNo, warnings } = register(env, { ...PLATFORM_CASE, petitionDate: '2026-11-20' });
    // 60 日 from 2026-11-20 is 2027-01-19; 2027's schedule is not published, so only statutory holidays count.
    expect(caseRow(env, caseNo)).toMatchObject({ 办理期限: '2027-01-19', 期限暂定: '是', 期限来源: '计算' });
    expect(warnings.join('\n')).toMatch(/暂定/);
    // The 2027 notice arrives: the office types its days (here one day off on the 19th) and confirms the year.
    const holidays = env.globals.SpreadsheetApp.getActive().getSheetByName('节假日')!;
    env.typeInto('节假日', `A${holidays.getLastRow() + 1}`, [['2027-01-19', '休', '示例调整']], office);
    const settings = env.globals.SpreadsheetApp.getActive().getSheetByName('设置')!;
    const keys = settings
      .getRange(2, 1, settings.getLastRow() - 1, 1)
      .getValues()
      .map((r) => r[0]);
    env.typeInto('设置', `B${keys.indexOf('节假日已确认年份') + 2}`, '2027', office);
    env.clock.set('2026-11-21T09:00:00+08:00');
    env.runDueTriggers();
    expect(caseRow(env, caseNo)).toMatchObject({ 办理期限: '2027-01-20', 期限暂定: '否', 期限来源: '计算' });
  });
});
