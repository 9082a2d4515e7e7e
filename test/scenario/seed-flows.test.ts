// The seed's flows the first ledger lacked, through the real bundle as people click them: 接收 by liaison A or B (and
// the daily flag for a case nobody received), 转送 on the office's own judgment, a platform 不满意 after a satisfied
// 回访, the full verification loop of a 检举控告 case in annex 5's order, 联系函 letters and replies, 复查/复核, 交办
// to the departments of 部室 only, the case card a leader signs under, and 接收必登 at registration.
import type { GasEnvironment } from '../../emulator/index';
import {
  act,
  caseRow,
  cellOf,
  lastAlert,
  lastDialogData,
  logOf,
  ok,
  PEOPLE,
  PLATFORM_CASE,
  register,
  rowsOf,
  selectCase,
  startOffice,
  type Who,
} from './office';

let env: GasEnvironment;
beforeEach(() => {
  env = startOffice();
});

/** A step that must succeed; returns the case's row afterwards. */
function done(who: Who, caseNo: string, path: [string, string], fields?: Record<string, string>) {
  const r = act(env, who, caseNo, path, fields);
  if (r) expect([path[1], r]).toMatchObject([path[1], { ok: true }]);
  return caseRow(env, caseNo);
}

/** A step that must be refused: returns what the person read; the row and the log are unchanged. */
function refused(who: Who, caseNo: string, path: [string, string], fields?: Record<string, string>): string {
  const before = caseRow(env, caseNo);
  const logBefore = logOf(env, caseNo).length;
  ok(env);
  const r = act(env, who, caseNo, path, fields);
  expect(caseRow(env, caseNo)).toEqual(before);
  expect(logOf(env, caseNo)).toHaveLength(logBefore);
  return r ? r.message : lastAlert(env);
}

/** A platform case registered, signed for, approved and assigned to 规划建设部. */
function assigned(fields: Record<string, string> = {}, signer: Who = 'petitionLeader'): string {
  const { caseNo } = register(env, { ...PLATFORM_CASE, dueDate: '2026-11-08', ...fields });
  done('office', caseNo, ['受理交办', '签收']);
  done(signer, caseNo, ['受理交办', '交办签批…']);
  done('office', caseNo, ['受理交办', '交办…'], { department: '规划建设部' });
  return caseNo;
}

/** From 办理中 to 待回访, each sign-off by its role (`closer` signs the closure). */
function closed(caseNo: string, closer: Who = 'petitionLeader'): void {
  done('handler', caseNo, ['办理审核', '填写办理意见…'], { handler: '周杰', opinion: '已约谈施工单位，夜间停工。' });
  done('lineLeader', caseNo, ['办理审核', '事项分管领导审核…'], { itemReviewOpinion: '同意' });
  done('petitionLeader', caseNo, ['办理审核', '信访分管领导审核…'], { petitionReviewOpinion: '同意' });
  done(closer, caseNo, ['办结回访', '办结签批…'], { closeSignOpinion: '同意办结' });
  done('office', caseNo, ['办结回访', '系统回复']);
}

describe('接收 (当天接处)', () => {
  it('liaison B records the receipt the same day; A is then told it is taken', () => {
    const caseNo = assigned();
    expect(done('liaisonB', caseNo, ['受理交办', '接收'])).toMatchObject({
      状态: '办理中',
      接收人: '陈晨',
      逾期接收: '否',
    });
    expect(logOf(env, caseNo).pop()).toMatchObject({ 动作: '接收', 说明: '陈晨（B角）接收' });
    expect(refused('liaison', caseNo, ['受理交办', '接收'])).toMatch(/已由陈晨于 2026-10-09 \d\d:\d\d 接收/);
  });

  it('a case not received by the end of its working day is flagged by the daily refresh, for the reminders', () => {
    const caseNo = assigned();
    expect(caseRow(env, caseNo)['逾期接收']).toBe('');
    expect(String(logOf(env, caseNo).pop()!['说明'])).toContain('接收时限至 2026-10-09');
    env.clock.set('2026-10-10T07:00:00+08:00'); // the refresh runs within 06:00–07:00
    env.runDueTriggers();
    expect(caseRow(env, caseNo)).toMatchObject({ 逾期接收: '是', 接收人: '' });
    env.clock.set('2026-10-12T09:00:00+08:00');
    done('liaison', caseNo, ['受理交办', '接收']);
    expect(caseRow(env, caseNo)).toMatchObject({ 接收人: '李明', 逾期接收: '是' });
    expect(logOf(env, caseNo).pop()!['说明']).toBe('李明（A角）接收；逾期接收（接收时限至 2026-10-09 23:59）');
  });
});

describe('转送 by the 信访办 on its own judgment', () => {
  it('forwards a case straight from 待签收 with the receiving unit and the reason; a reason is required', () => {
    const { caseNo } = register(env, PLATFORM_CASE);
    expect(refused('office', caseNo, ['受理交办', '转送…'], { forwardedTo: '越城区住建局' })).toContain(
      '「转送」须填写：转送理由',
    );
    expect(
      done('office', caseNo, ['受理交办', '转送…'], {
        forwardedTo: '越城区住建局',
        forwardReason: '反映的工地不在开发区范围，属越城区职权',
      }),
    ).toMatchObject({ 状态: '已转送', 转送单位: '越城区住建局', 转送理由: '反映的工地不在开发区范围，属越城区职权' });
    expect(logOf(env, caseNo).pop()).toMatchObject({
      动作: '转送',
      原状态: '待签收',
      新状态: '已转送',
      说明: '转送：越城区住建局；理由：反映的工地不在开发区范围，属越城区职权',
    });
  });

  it('forwards a case the department is handling, and tells the department', () => {
    const caseNo = assigned();
    done('office', caseNo, ['受理交办', '转送…'], {
      forwardedTo: '绍兴市生态环境局',
      forwardReason: '噪音执法权属环保部门',
    });
    expect(caseRow(env, caseNo)['状态']).toBe('已转送');
    const toLiaison = env.outbox.filter((m) => m.to.includes(PEOPLE.liaison.email)).pop();
    expect(toLiaison?.body).toContain(`${caseNo} 已由信访办转送绍兴市生态环境局，本部室不再办理`);
  });
});

describe('交办 offers the departments of 部室', () => {
  it('as the dialog’s list, and refuses an unknown one before anything changes', () => {
    const { caseNo } = register(env, PLATFORM_CASE);
    done('office', caseNo, ['受理交办', '签收']);
    done('petitionLeader', caseNo, ['受理交办', '交办签批…']);
    env.open({ user: PEOPLE.office.email });
    selectCase(env, 'office', caseNo);
    env.clickMenu('信访台账', '受理交办', '交办…', { user: PEOPLE.office.email });
    const data = lastDialogData(env) as unknown as { fields: { key: string; options: string[] }[] };
    expect(data.fields.find((f) => f.key === 'department')?.options).toEqual([
      '规划建设部',
      '综合事务部',
      '经济发展部',
    ]);
    const message = refused('office', caseNo, ['受理交办', '交办…'], { department: '规划建设局' });
    expect(message).toContain(
      '承办部室「规划建设局」不在「部室」表中，不能交办（可选：规划建设部、综合事务部、经济发展部）',
    );
    expect(caseRow(env, caseNo)).toMatchObject({ 状态: '待交办', 承办部室: '' });
  });
});

describe('a leader signs what they can read', () => {
  it('every sign-off dialog shows the case card above the opinion box, the petitioner masked', () => {
    const caseNo = assigned();
    done('handler', caseNo, ['办理审核', '填写办理意见…'], { handler: '周杰', opinion: '已约谈施工单位，夜间停工。' });
    env.open({ user: PEOPLE.lineLeader.email });
    selectCase(env, 'lineLeader', caseNo);
    env.clickMenu('信访台账', '办理审核', '事项分管领导审核…', { user: PEOPLE.lineLeader.email });
    const dialog = env.ui.dialogs[env.ui.dialogs.length - 1]!;
    const data = lastDialogData(env) as unknown as {
      cards: { caseNo: string; facts: [string, string][]; opinions: { step: string; by: string }[] }[];
    };
    expect(data.cards).toHaveLength(1);
    expect(data.cards[0]!.facts).toEqual(
      expect.arrayContaining([
        ['编号', caseNo],
        ['事项类型', '投诉'],
        ['信访人', '张*　138****5678'],
        ['信访诉求', PLATFORM_CASE.demand],
        ['承办部室', '规划建设部'],
        ['处理（答复）意见及结论', '已约谈施工单位，夜间停工。'],
        ['期限', '办理期限 2026-11-08（平台）'],
      ]),
    );
    expect(data.cards[0]!.opinions.map((o) => `${o.step}:${o.by}`)).toEqual([
      '信访办签收:王芳',
      '交办签批:钱伟',
      '处理（答复）意见及结论:周杰',
    ]);
    expect(dialog.html).not.toMatch(/张三|13812345678|11010519491231002X/);
    expect(dialog.html.indexOf('id="cards"')).toBeLessThan(dialog.html.indexOf('id="form"'));
  });

  it('a signature without an opinion (核实签发, 批准延期) opens its dialog too, with the card', () => {
    const caseNo = assigned();
    act(env, 'liaison', caseNo, ['办理审核', '申请延期…'], { extRequestDays: '10', extReason: '需第三方检测' });
    env.open({ user: PEOPLE.petitionLeader.email });
    selectCase(env, 'petitionLeader', caseNo);
    const before = env.ui.dialogs.length;
    env.clickMenu('信访台账', '办理审核', '批准延期…', { user: PEOPLE.petitionLeader.email });
    expect(env.ui.dialogs).toHaveLength(before + 1);
    const data = lastDialogData(env) as unknown as { fields: unknown[]; cards: { facts: [string, string][] }[] };
    expect(data.fields).toEqual([]);
    expect(data.cards[0]!.facts).toContainEqual(['期限', '办理期限 2026-11-08（平台）；申请延期 10日：需第三方检测']);
    expect(caseRow(env, caseNo)['延期审批结果']).toBe('');
  });
});

describe('a platform 不满意 after a satisfied 回访', () => {
  it('starts verification without a rollback; every 回访 and evaluation is kept, the row shows the latest', () => {
    const caseNo = assigned();
    closed(caseNo);
    done('office', caseNo, ['办结回访', '回访…'], { satisfaction: '满意', callbackMethod: '电话' });
    expect(
      done('office', caseNo, ['办结回访', '平台评价…'], { platformRating: '不满意', platformRatedDate: '2026-10-10' }),
    ).toMatchObject({
      状态: '核实中',
      信访人意见: '满意',
      回访方式: '电话',
      回访次数: 1,
      平台评价: '不满意',
      平台评价日期: '2026-10-10',
      办结签批人: '钱伟',
    });
    expect(logOf(env, caseNo).pop()).toMatchObject({
      动作: '平台评价',
      原状态: '已回访',
      新状态: '核实中',
      说明: '平台评价：不满意（2026-10-10），进入不满意核实',
    });
    expect(
      rowsOf(env, '回访记录').map((r) => [r['编号'], r['序号'], r['来源'], r['信访人意见'], r['回访方式']]),
    ).toEqual([
      [caseNo, 1, '回访', '满意', '电话'],
      [caseNo, 2, '平台评价', '不满意', ''],
    ]);
    // The verification loop then runs as after any 不满意 (annex 5, annex 6).
    done('office', caseNo, ['不满意核实', '核实交办…'], { verifyRequirement: '核实是否仍有夜间施工' });
    done('petitionLeader', caseNo, ['不满意核实', '核实交办签批…']);
    done('lineLeader', caseNo, ['不满意核实', '事项分管领导批示…'], { verifyInstruction: '请现场核查' });
    done('head', caseNo, ['不满意核实', '部长（主任）办理意见…'], { verifyHeadOpinion: '安排夜间巡查' });
    done('handler', caseNo, ['不满意核实', '提交核实说明…'], {
      verifyStatement: '连续三晚巡查，未见夜间施工。',
      verifyCommunication: '已与信访人当面沟通。',
    });
    done('petitionLeader', caseNo, ['不满意核实', '核实签发…']);
    expect(done('office', caseNo, ['不满意核实', '核实回复'])).toMatchObject({ 状态: '已核实', 核实签发人: '钱伟' });
  });
});

describe('a 检举控告 case through the full verification loop (annexes 5 and 6)', () => {
  it('is signed by the 主职领导 at 交办, 办结 and the verification’s 交办签批, every box in the annex’s order', () => {
    const caseNo = assigned({ matterType: '检举控告', demand: '举报某工程项目负责人收受好处。' }, 'principal');
    closed(caseNo, 'principal');
    done('office', caseNo, ['办结回访', '回访…'], { satisfaction: '不满意', callbackMethod: '当面' });
    done('office', caseNo, ['不满意核实', '核实交办…'], { verifyRequirement: '核实举报事项的处理是否到位' });
    expect(refused('petitionLeader', caseNo, ['不满意核实', '核实交办签批…'])).toContain(
      '检举控告类信访件的核实交办签批须由主职领导签批',
    );
    expect(done('principal', caseNo, ['不满意核实', '核实交办签批…'])).toMatchObject({
      状态: '核实待批示',
      核实交办签批人: '赵强',
    });
    expect(refused('head', caseNo, ['不满意核实', '部长（主任）办理意见…'], { verifyHeadOpinion: 'x' })).toContain(
      '当前状态为「核实待批示」',
    );
    done('lineLeader', caseNo, ['不满意核实', '事项分管领导批示…'], { verifyInstruction: '请纪检组配合核查' });
    expect(
      refused('handler', caseNo, ['不满意核实', '提交核实说明…'], { verifyStatement: 'x', verifyCommunication: 'y' }),
    ).toContain('须先由部室负责人填写「部长（主任）办理意见」');
    done('head', caseNo, ['不满意核实', '部长（主任）办理意见…'], { verifyHeadOpinion: '由周杰牵头核查' });
    done('handler', caseNo, ['不满意核实', '提交核实说明…'], {
      verifyStatement: '经核查，相关人员已受到处理。',
      verifyCommunication: '已当面向信访人反馈。',
    });
    done('lineLeader', caseNo, ['不满意核实', '核实签发…']);
    done('office', caseNo, ['不满意核实', '核实回复']);
    expect(caseRow(env, caseNo)).toMatchObject({
      状态: '已核实',
      核实件要求: '核实举报事项的处理是否到位',
      核实交办签批人: '赵强',
      事项分管领导批示人: '孙丽',
      事项分管领导批示意见: '请纪检组配合核查',
      '部长（主任）': '刘洋',
      '部长（主任）办理意见': '由周杰牵头核查',
      核实情况说明: '经核查，相关人员已受到处理。',
      目前处理沟通情况: '已当面向信访人反馈。',
      核实承办人: '周杰',
      核实签发人: '孙丽',
    });
    const verification = rowsOf(env, '签批记录')
      .filter((r) => r['编号'] === caseNo)
      .slice(-6)
      .map((r) => `${r['环节']}:${r['经办人']}:${r['角色']}`);
    expect(verification).toEqual([
      '核实件要求:王芳:信访办',
      '核实交办签批:赵强:主职领导',
      '事项分管领导批示:孙丽:事项分管领导',
      '部长（主任）办理意见:刘洋:部室负责人',
      '信访事项核实情况说明:周杰:承办人',
      '核实签发:孙丽:事项分管领导',
    ]);
    // The department's head is asked for the 部长（主任）办理意见 when the line leader has instructed.
    const toHead = env.outbox.filter((m) => m.to.includes(PEOPLE.head.email));
    expect(toHead.map((m) => m.body).join('\n')).toContain('不满意件核实交办，请填写部长（主任）办理意见');
  });
});

describe('信访事项联系函 (annex 7)', () => {
  it('each letter is a record with its own number; the row shows how many and the last; a reply completes one', () => {
    const caseNo = assigned();
    done('handler', caseNo, ['办理审核', '发联系函…'], {
      liaisonUnit: '越城区住建局',
      letterMatter: '工地施工许可归属',
    });
    expect(
      done('office', caseNo, ['办理审核', '发联系函…'], { liaisonUnit: '镜湖街道', letterMatter: '夜间巡查配合' }),
    ).toMatchObject({
      联系函数: 2,
      联系函编号: '镜信联〔2026〕002号',
      联系函单位: '镜湖街道',
      协调联系事项: '夜间巡查配合',
    });
    expect(
      done('liaison', caseNo, ['办理审核', '联系函回复…'], {
        letterReply: '街道同意每晚巡查',
        letterReplyDate: '2026-10-09',
      }),
    ).toMatchObject({ 联系函回复: '街道同意每晚巡查', 联系函回复日期: '2026-10-09' });
    expect(
      rowsOf(env, '联系函').map((r) => [r['序号'], r['联系函编号'], r['收函单位'], r['协调联系事项'], r['回复内容']]),
    ).toEqual([
      [1, '镜信联〔2026〕001号', '越城区住建局', '工地施工许可归属', ''],
      [2, '镜信联〔2026〕002号', '镜湖街道', '夜间巡查配合', '街道同意每晚巡查'],
    ]);
    expect(
      logOf(env, caseNo)
        .map((l) => l['说明'])
        .slice(-3),
    ).toEqual([
      '联系函 镜信联〔2026〕001号（第1封）致：越城区住建局',
      '联系函 镜信联〔2026〕002号（第2封）致：镜湖街道',
      '联系函 镜信联〔2026〕002号（镜湖街道）回复（2026-10-09）：街道同意每晚巡查',
    ]);
  });

  it('numbers letters with the prefix in 设置, across cases, once per year', () => {
    const settings = env.globals.SpreadsheetApp.getActive().getSheetByName('设置')!;
    const keys = settings
      .getRange(2, 1, settings.getLastRow() - 1, 1)
      .getValues()
      .map((r) => r[0]);
    env.typeInto('设置', `B${keys.indexOf('联系函编号前缀') + 2}`, '镜开联', { user: PEOPLE.office.email });
    const a = assigned();
    const b = assigned({ upstreamNo: 'ZJ2026100900999' });
    done('office', a, ['办理审核', '发联系函…'], { liaisonUnit: '越城区住建局', letterMatter: '许可' });
    done('office', b, ['办理审核', '发联系函…'], { liaisonUnit: '越城区住建局', letterMatter: '许可' });
    expect([caseRow(env, a)['联系函编号'], caseRow(env, b)['联系函编号']]).toEqual([
      '镜开联〔2026〕001号',
      '镜开联〔2026〕002号',
    ]);
  });
});

describe('复查 / 复核', () => {
  it('records the request with its 30-日 limit and the outcome, on the row and as a record', () => {
    const caseNo = assigned();
    closed(caseNo);
    done('office', caseNo, ['办结回访', '回访…'], { satisfaction: '不满意', callbackMethod: '电话' });
    expect(
      done('office', caseNo, ['复查复核', '复查复核申请…'], { reviewKind: '复查', reviewRequestDate: '2026-10-09' }),
    ).toMatchObject({
      状态: '核实中',
      复查复核类别: '复查',
      复查复核申请日期: '2026-10-09',
      复查复核期限: '2026-11-09',
    });
    expect(refused('office', caseNo, ['复查复核', '复查复核申请…'], { reviewKind: '复核' })).toContain(
      '已有待办结的复查申请（2026-10-09）',
    );
    expect(
      done('office', caseNo, ['复查复核', '复查复核结论…'], {
        reviewOutcome: '维持',
        reviewOpinion: '原处理意见并无不当',
      }),
    ).toMatchObject({ 复查复核结论: '维持', 复查复核意见: '原处理意见并无不当', 复查复核办结日期: '2026-10-09' });
    expect(rowsOf(env, '复查复核')).toEqual([
      expect.objectContaining({
        编号: caseNo,
        序号: 1,
        类别: '复查',
        申请日期: '2026-10-09',
        办理期限: '2026-11-09',
        结论: '维持',
        复查复核意见: '原处理意见并无不当',
        办结日期: '2026-10-09',
      }),
    ]);
    expect(
      logOf(env, caseNo)
        .slice(-2)
        .map((l) => l['说明']),
    ).toEqual(['复查申请（2026-10-09）；复查时限至 2026-11-09', '复查结论：维持；原处理意见并无不当']);
  });
});

describe('接收必登', () => {
  it('registers a bad ID number and phone as given, flagged on the row, and the sidebar says so', () => {
    const r = register(env, {
      ...PLATFORM_CASE,
      idNumber: '110105194912310021',
      phone: '1381234567',
      dueDate: '2026-11-08',
    });
    expect(r).toMatchObject({ ok: true, state: '待签收' });
    expect(r.warnings).toEqual([
      `${r.caseNo} 已登记，请核对：身份证号码校验位不正确（应为 X）`,
      `${r.caseNo} 已登记，请核对：联系电话手机号应为 11 位（现为 10 位）`,
    ]);
    expect(caseRow(env, r.caseNo)).toMatchObject({
      身份证号码: '110105194912310021',
      联系电话: '1381234567',
      登记提示: '身份证号码校验位不正确（应为 X）；联系电话手机号应为 11 位（现为 10 位）',
    });
    // Putting the number right clears its flag.
    env.typeInto('台账', cellOf(env, r.caseNo, '身份证号码'), '11010519491231002X', { user: PEOPLE.office.email });
    expect(caseRow(env, r.caseNo)['登记提示']).toBe('联系电话手机号应为 11 位（现为 10 位）');
  });

  it('registers an unsigned letter as 匿名', () => {
    const r = register(env, {
      ...PLATFORM_CASE,
      source: '本级',
      upstreamNo: '',
      form: '来信',
      petitionerName: '',
      phone: '',
      idNumber: '',
    });
    expect(caseRow(env, r.caseNo)).toMatchObject({ 信访人姓名: '匿名', 登记提示: '未署名，按匿名登记' });
  });

  it('registers a platform case without the platform’s deadline on the default limit, flagged until it is typed', () => {
    const r = register(env, PLATFORM_CASE);
    expect(caseRow(env, r.caseNo)).toMatchObject({
      办理期限: '2026-12-08',
      期限来源: '计算',
      登记提示: '上级平台办理期限未填，暂按默认时限计算（填入「办理期限」即改用平台期限）',
    });
    env.typeInto('台账', cellOf(env, r.caseNo, '办理期限'), '2026-11-20', { user: PEOPLE.office.email });
    expect(caseRow(env, r.caseNo)).toMatchObject({ 办理期限: '2026-11-20', 期限来源: '手填', 登记提示: '' });
  });
});
