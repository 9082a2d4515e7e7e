// 初始化/修复 and the ledger's controls through the real bundle: the first run adds its runner to 人员 as 信访办,
// the row record and anchor are hidden, protected and kept at the far right, and the cases of an old sheet that
// has no log get their 补录 line.
import { createGasEnvironment, type GasEnvironment } from '../../emulator/index';
import { ensureDist } from '../helpers/dist';
import { caseRow, headerOf, lastAlert, logOf, ok, PEOPLE, PLATFORM_CASE, register, rowsOf } from './office';

const OWNER = PEOPLE.office.email;

function fresh(): GasEnvironment {
  const env = createGasEnvironment({ now: '2026-10-09T09:00:00+08:00', owner: OWNER, seed: 11 });
  env.loadBundle(ensureDist());
  return env;
}

function setup(env: GasEnvironment, user = OWNER): void {
  env.open({ user });
  ok(env);
  env.clickMenu('信访台账', '初始化/修复', '初始化/修复', { user });
}

const HIDDEN_LABELS = ['系统流程记录（勿改）', '系统编号（勿改）'];

describe('the first 初始化', () => {
  it('adds the person running it to 人员 as 信访办, who can then register a case', () => {
    const env = fresh();
    setup(env);
    expect(rowsOf(env, '人员')).toEqual([expect.objectContaining({ 邮箱: OWNER, 角色: '信访办' })]);
    expect(lastAlert(env)).toContain(`已将您（${OWNER}）登记到「人员」表，角色为「信访办」`);
    const r = register(env, PLATFORM_CASE);
    expect(r).toMatchObject({ ok: true, caseNo: '镜访〔2026〕001号' });
    expect(logOf(env, r.caseNo)).toEqual([expect.objectContaining({ 动作: '登记', 操作人: OWNER })]);
  });

  it('adds nobody once 人员 has people', () => {
    const env = fresh();
    setup(env);
    setup(env, PEOPLE.petitionLeader.email);
    expect(rowsOf(env, '人员').map((r) => r['邮箱'])).toEqual([OWNER]);
    expect(lastAlert(env)).not.toContain('登记到「人员」表');
  });
});

describe('the hidden columns', () => {
  it('sit at the far right of 台账, hidden and warning-protected', () => {
    const env = fresh();
    setup(env);
    const sheet = env.globals.SpreadsheetApp.getActive().getSheetByName('台账')!;
    const h = headerOf(env, '台账');
    const width = sheet.getLastColumn();
    expect(HIDDEN_LABELS.map((l) => h.get(l))).toEqual([width - 1, width]);
    expect([width - 1, width].map((c) => sheet.isColumnHiddenByUser(c))).toEqual([true, true]);
    expect(sheet.isColumnHiddenByUser(width - 2)).toBe(false);
    const protections = sheet
      .getProtections(env.globals.SpreadsheetApp.ProtectionType.RANGE)
      .filter((p) => HIDDEN_LABELS.some((l) => p.getDescription().includes(l)));
    expect(protections.map((p) => p.isWarningOnly())).toEqual([true, true]);
    expect(sheet.getFilter()!.getRange().getLastColumn()).toBe(width);
  });

  it('stay at the far right when a repair adds a column the sheet lacks', () => {
    const env = fresh();
    setup(env);
    const sheet = env.globals.SpreadsheetApp.getActive().getSheetByName('台账')!;
    sheet.deleteColumn(headerOf(env, '台账').get('备注')!);
    setup(env);
    const h = headerOf(env, '台账');
    const width = sheet.getLastColumn();
    expect(HIDDEN_LABELS.map((l) => h.get(l))).toEqual([width - 1, width]);
    expect(h.get('备注')).toBe(width - 2);
    expect(lastAlert(env)).toContain('补充表头：台账.备注');
  });
});

describe('an old sheet with no log', () => {
  it('gets a 补录 line per numbered case, naming who ran 初始化/修复; a doubled 编号 is flagged; once only', () => {
    const env = fresh();
    const ss = env.globals.SpreadsheetApp.getActive();
    const old = ss.insertSheet('台账');
    old.getRange('A1:D1').setValues([['编号', '信访人姓名', '状态', '信访诉求']]);
    old.getRange('A2:D6').setValues([
      ['镜访〔2026〕007号', '钱七', '办理中', '道路破损'],
      ['镜访〔2026〕008号', '孙八', '', '噪音'],
      ['镜访〔2026〕005号', '吴五', '办理中', '路灯'],
      ['镜访〔2026〕005号', '吴五（另一件）', '待签收', '绿化'],
      ['', '周九', '', '尚未编号'],
    ]);
    setup(env);
    expect(logOf(env, '镜访〔2026〕007号')).toEqual([
      expect.objectContaining({ 动作: '补录', 新状态: '办理中', 操作人: OWNER }),
    ]);
    expect(logOf(env, '镜访〔2026〕008号')).toEqual([expect.objectContaining({ 动作: '补录', 新状态: '待签收' })]);
    expect(caseRow(env, '镜访〔2026〕008号')).toMatchObject({
      状态: '待签收',
      '系统编号（勿改）': '镜访〔2026〕008号',
    });
    // Which of two rows numbered 005 is the case only the office can tell: both are flagged, neither taken.
    const rows = rowsOf(env, '台账');
    expect(rows.map((r) => r['系统编号（勿改）'])).toEqual(['镜访〔2026〕007号', '镜访〔2026〕008号', '', '', '']);
    for (const a1 of ['A4', 'A5'])
      expect(old.getRange(a1).getNote()).toMatch(/编号 镜访〔2026〕005号 在台账中出现不止一次，本行未登记为信访件/);
    expect(logOf(env, '镜访〔2026〕005号')).toEqual([]);
    expect(lastAlert(env)).toContain('补录 2 件的流转记录');
    expect(lastAlert(env)).toContain('台账有 2 行未能登记');
    setup(env);
    expect(rowsOf(env, '流转记录')).toHaveLength(2);
    // The counter moved past the old numbers: even with 008's row deleted, 008 is never given again.
    old.deleteRow(3);
    expect(register(env, PLATFORM_CASE).caseNo).toBe('镜访〔2026〕009号');
  });
});
