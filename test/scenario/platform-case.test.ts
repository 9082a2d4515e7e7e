// The whole life of a platform case (annex 1) through the real bundle: registered from the sidebar, signed for,
// approved, assigned, handled, reviewed twice, signed off, replied, called back 不满意, verified, called back again
// and archived — each step by the right person, with the ledger sorted by another column between steps.
import type { GasEnvironment } from '../../emulator/index';
import { act, caseRow, lastAlert, logOf, ok, PEOPLE, PLATFORM_CASE, rowsOf, startOffice, type Who } from './office';

const PETITION = PLATFORM_CASE;

/** A person sorts the ledger by some column (not an execution: the spreadsheet UI). */
function sortLedgerBy(env: GasEnvironment, label: string, ascending: boolean): void {
  const sheet = env.globals.SpreadsheetApp.getActive().getSheetByName('台账')!;
  const header = sheet.getRange(1, 1, 1, sheet.getLastColumn()).getValues()[0]!;
  const col = header.indexOf(label) + 1;
  sheet.getRange(2, 1, sheet.getLastRow() - 1, sheet.getLastColumn()).sort({ column: col, ascending });
}

describe('a platform case from registration to 归档', () => {
  let env: GasEnvironment;
  let caseNo: string;

  const step = (who: Who, path: [string, string], fields?: Record<string, string>) => {
    const r = act(env, who, caseNo, path, fields);
    if (r) expect(r).toMatchObject({ ok: true });
    sortLedgerBy(env, '信访人姓名', env.executions().length % 2 === 0);
    return caseRow(env, caseNo);
  };

  beforeAll(() => {
    env = startOffice();
    // A second, older case so that sorting really moves rows.
    env.open({ user: PEOPLE.office.email });
    env.clickMenu('信访台账', '新建信访件…', { user: PEOPLE.office.email });
    const first = env.submitDialog(
      'submitNewCase',
      [{ ...PETITION, petitionerName: '阿宝', phone: '13900000000', idNumber: '', demand: '咨询拆迁补偿政策' }],
      {
        user: PEOPLE.office.email,
      },
    ) as { ok: boolean };
    expect(first.ok).toBe(true);
  });

  it('installs the edit and daily triggers for the owner who ran setup', () => {
    const mine = env
      .triggers()
      .filter((t) => t.owner === PEOPLE.office.email)
      .map((t) => `${t.handler}:${t.eventType}`)
      .sort();
    // The edit trigger, the monthly analysis, the daily refresh, the morning digest and one chase in each hour of
    // 上班时间 (8–11, 13–17).
    expect(mine).toEqual([
      'buildMonthlyAnalysis:CLOCK',
      'dailyRefresh:CLOCK',
      'dailyReminders:CLOCK',
      ...Array.from({ length: 9 }, () => 'hourlyChase:CLOCK'),
      'onLedgerEdit:ON_EDIT',
    ]);
  });

  it('registers the case from the sidebar with a new 编号, the computed deadline and a log line', () => {
    const r = env.submitDialog('submitNewCase', [PETITION], { user: PEOPLE.office.email }) as {
      ok: true;
      caseNo: string;
      state: string;
    };
    expect(r).toMatchObject({ ok: true, caseNo: '镜访〔2026〕002号', state: '待签收' });
    caseNo = r.caseNo;
    // 60 日 from 2026-10-09, the starting day not counted: 2026-12-08, a Tuesday (《信访工作条例》 Art. 34).
    expect(caseRow(env, caseNo)).toMatchObject({
      状态: '待签收',
      信访人姓名: '张三',
      身份证号码: '11010519491231002X',
      联系电话: '13812345678',
      上级信访件编号: 'ZJ2026100900123',
      办理期限: '2026-12-08',
      期限来源: '计算',
      登记人: '王芳',
    });
    expect(logOf(env, caseNo).map((l) => l['动作'])).toEqual(['登记']);
  });

  it('refuses 签收 by a department liaison, says why, and writes nothing', () => {
    const before = rowsOf(env, '台账');
    const logBefore = rowsOf(env, '流转记录').length;
    ok(env);
    act(env, 'liaison', caseNo, ['受理交办', '签收']);
    expect(lastAlert(env)).toMatch(/不能签收[\s\S]*信访办/);
    expect(rowsOf(env, '台账')).toEqual(before);
    expect(rowsOf(env, '流转记录')).toHaveLength(logBefore);
  });

  it('walks the annex-1 path to 已办结, each step by its role', () => {
    expect(step('office', ['受理交办', '签收'])).toMatchObject({ 状态: '待交办签批', 签收人: '王芳' });
    expect(step('petitionLeader', ['受理交办', '交办签批…'], { assignSignOpinion: '请规划建设部核处' })).toMatchObject({
      状态: '待交办',
      交办签批人: '钱伟',
      交办签批意见: '请规划建设部核处',
    });
    expect(step('office', ['受理交办', '交办…'], { department: '规划建设部' })).toMatchObject({
      状态: '办理中',
      承办部室: '规划建设部',
    });
    expect(
      step('handler', ['办理审核', '填写办理意见…'], {
        handler: '周杰',
        opinion: '已约谈施工单位，夜间22时后停止施工。',
      }),
    ).toMatchObject({
      状态: '审核中',
      承办人: '周杰',
    });
    expect(step('lineLeader', ['办理审核', '事项分管领导审核…'], { itemReviewOpinion: '同意' })).toMatchObject({
      状态: '信访审核中',
      事项分管领导审核人: '孙丽',
    });
    expect(step('petitionLeader', ['办理审核', '信访分管领导审核…'], { petitionReviewOpinion: '同意' })).toMatchObject({
      状态: '待办结签批',
    });
    expect(step('petitionLeader', ['办结回访', '办结签批…'], { closeSignOpinion: '同意办结' })).toMatchObject({
      状态: '已办结',
      办结签批人: '钱伟',
      办结日期: '2026-10-09',
    });
    expect(step('office', ['办结回访', '系统回复'])).toMatchObject({ 状态: '待回访' });
  });

  it('takes a 不满意 call-back through verification in annex 5’s order, a second call-back and 归档', () => {
    expect(step('office', ['办结回访', '回访…'], { satisfaction: '不满意', callbackMethod: '电话' })).toMatchObject({
      状态: '核实中',
      信访人意见: '不满意',
      回访次数: 1,
    });
    expect(
      step('office', ['不满意核实', '核实交办…'], { verifyRequirement: '核实夜间施工是否仍在继续' }),
    ).toMatchObject({ 状态: '核实待签批' });
    expect(step('petitionLeader', ['不满意核实', '核实交办签批…'])).toMatchObject({
      状态: '核实待批示',
      核实交办签批人: '钱伟',
    });
    expect(
      step('lineLeader', ['不满意核实', '事项分管领导批示…'], { verifyInstruction: '请规划建设部现场核查' }),
    ).toMatchObject({ 状态: '核实办理中', 事项分管领导批示人: '孙丽', 事项分管领导批示意见: '请规划建设部现场核查' });
    expect(
      step('head', ['不满意核实', '部长（主任）办理意见…'], { verifyHeadOpinion: '安排周杰夜间现场核查' }),
    ).toMatchObject({ 状态: '核实办理中', '部长（主任）': '刘洋', '部长（主任）办理意见': '安排周杰夜间现场核查' });
    expect(
      step('liaison', ['不满意核实', '提交核实说明…'], {
        verifyHandler: '周杰',
        verifyStatement: '经现场核查，施工单位已按要求停止夜间施工。',
        verifyCommunication: '已与信访人张三电话沟通，告知核查结果。',
      }),
    ).toMatchObject({
      状态: '核实待签发',
      核实承办人: '周杰',
      目前处理沟通情况: '已与信访人张三电话沟通，告知核查结果。',
    });
    expect(step('lineLeader', ['不满意核实', '核实签发…'])).toMatchObject({ 状态: '核实待回复', 核实签发人: '孙丽' });
    expect(step('office', ['不满意核实', '核实回复'])).toMatchObject({ 状态: '已核实' });
    expect(step('office', ['办结回访', '回访…'], { satisfaction: '基本满意', callbackMethod: '电话' })).toMatchObject({
      状态: '已回访',
      信访人意见: '基本满意',
      回访次数: 2,
    });
    expect(step('office', ['标记与归档', '归档'])).toMatchObject({ 状态: '已归档' });
  });

  it('keeps every 回访 and every signature as records of the case', () => {
    expect(rowsOf(env, '回访记录').filter((r) => r['编号'] === caseNo)).toEqual([
      expect.objectContaining({ 序号: 1, 来源: '回访', 信访人意见: '不满意', 回访方式: '电话', 经办人: '王芳' }),
      expect.objectContaining({ 序号: 2, 来源: '回访', 信访人意见: '基本满意', 回访方式: '电话', 经办人: '王芳' }),
    ]);
    const signed = rowsOf(env, '签批记录').filter((r) => r['编号'] === caseNo);
    expect(signed.map((r) => `${r['环节']}:${r['经办人']}:${r['角色']}`)).toEqual([
      '信访办签收:王芳:信访办',
      '交办签批:钱伟:信访工作分管领导',
      '处理（答复）意见及结论:周杰:承办人',
      '事项分管领导审核:孙丽:事项分管领导',
      '信访分管领导审核:钱伟:信访工作分管领导',
      '办结签批:钱伟:信访工作分管领导',
      '核实件要求:王芳:信访办',
      '核实交办签批:钱伟:信访工作分管领导',
      '事项分管领导批示:孙丽:事项分管领导',
      '部长（主任）办理意见:刘洋:部室负责人',
      '信访事项核实情况说明:李明:部室联络员',
      '核实签发:孙丽:事项分管领导',
    ]);
    expect(signed.find((r) => r['环节'] === '办结签批')).toMatchObject({ 轮次: 1, 意见: '同意办结' });
  });

  it('logs every step in order with who did it and the states', () => {
    const lines = logOf(env, caseNo);
    expect(lines.map((l) => `${l['动作']}:${l['原状态'] || ''}→${l['新状态']}`)).toEqual([
      '登记:→待签收',
      '签收:待签收→待交办签批',
      '交办签批:待交办签批→待交办',
      '交办:待交办→办理中',
      '提交审核:办理中→审核中',
      '事项分管领导审核:审核中→信访审核中',
      '信访分管领导审核:信访审核中→待办结签批',
      '办结签批:待办结签批→已办结',
      '系统回复:已办结→待回访',
      '回访:待回访→核实中',
      '核实交办:核实中→核实待签批',
      '核实交办签批:核实待签批→核实待批示',
      '事项分管领导批示:核实待批示→核实办理中',
      '部长（主任）办理意见:核实办理中→核实办理中',
      '提交核实说明:核实办理中→核实待签发',
      '核实签发:核实待签发→核实待回复',
      '核实回复:核实待回复→已核实',
      '回访:已核实→已回访',
      '归档:已回访→已归档',
    ]);
    expect(lines[1]!['操作人']).toBe(`王芳 <${PEOPLE.office.email}>`);
    expect(lines[2]!['操作人']).toBe(`钱伟 <${PEOPLE.petitionLeader.email}>`);
  });

  it('leaves the other case untouched by all of it', () => {
    expect(rowsOf(env, '台账').find((r) => r['信访人姓名'] === '阿宝')).toMatchObject({
      状态: '待签收',
      编号: '镜访〔2026〕001号',
    });
  });
});
