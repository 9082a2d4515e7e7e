// The other paths of process.md through the real bundle: a walk-in visit (annex 2), a 检举控告类 case signed by the
// 主职领导, a case returned by a department and forwarded, a late return refused, an extension, and a correction.
import type { GasEnvironment } from '../../emulator/index';
import { act, caseRow, lastAlert, logOf, ok, PEOPLE, PLATFORM_CASE, register, startOffice, type Who } from './office';

let env: GasEnvironment;
beforeEach(() => {
  env = startOffice();
});

/** Runs a step that must be refused: the person reads an alert and nothing of the case changes. */
function refused(who: Who, caseNo: string, path: [string, string], fields?: Record<string, string>): string {
  const before = caseRow(env, caseNo);
  const logBefore = logOf(env, caseNo).length;
  ok(env);
  const r = act(env, who, caseNo, path, fields);
  expect(caseRow(env, caseNo)).toEqual(before);
  expect(logOf(env, caseNo)).toHaveLength(logBefore);
  return r ? r.message : lastAlert(env);
}

function done(
  who: Who,
  caseNo: string,
  path: [string, string],
  fields?: Record<string, string>,
): Record<string, unknown> {
  const r = act(env, who, caseNo, path, fields);
  if (r) expect(r).toMatchObject({ ok: true });
  return caseRow(env, caseNo);
}

describe('a walk-in visit (annex 2)', () => {
  it('is received at once by the leading department, flagged 集体访, and closed by the 主职领导', () => {
    const r = register(env, {
      petitionDate: '2026-10-09',
      petitionerName: '李四',
      personCount: '6',
      phone: '0575-88001234',
      idNumber: '440524188001010014',
      source: '本级',
      form: '来访',
      visitRouting: '综合性',
      matterType: '求助',
      demand: '村集体分红分配不公，六位村民一同来访。',
    });
    expect(r).toMatchObject({ ok: true, state: '办理中' });
    expect(r.warnings.join('\n')).toMatch(/不超过5人/);
    expect(caseRow(env, r.caseNo)).toMatchObject({ 承办部室: '综合事务部', 集体访: '是', 人数: 6 });
    expect(
      done('liaison2', r.caseNo, ['办理审核', '填写办理意见…'], {
        handler: '吴敏',
        opinion: '已召集村委会说明分配方案。',
      }),
    ).toMatchObject({ 状态: '审核中' });
    // Annex 4's boxes in order: the receiving department's head first, then the line leader.
    expect(refused('lineLeader', r.caseNo, ['办理审核', '事项分管领导审核…'], { itemReviewOpinion: '同意' })).toContain(
      '须先由部室负责人填写「接待部室意见」',
    );
    expect(
      done('head2', r.caseNo, ['办理审核', '接待部室意见…'], { receptionOpinion: '已接待，召集村委会说明' }),
    ).toMatchObject({ 接待部室意见: '已接待，召集村委会说明', 接待部室签名人: '何静' });
    // Annex 4 has no 信访分管领导 box: after the line leader the case waits for the closing signature.
    expect(
      done('lineLeader', r.caseNo, ['办理审核', '事项分管领导审核…'], { itemReviewOpinion: '同意' }),
    ).toMatchObject({ 状态: '待办结签批' });
    expect(refused('petitionLeader', r.caseNo, ['办结回访', '办结签批…'])).toMatch(/主职领导/);
    expect(done('principal', r.caseNo, ['办结回访', '办结签批…'], { closeSignOpinion: '同意' })).toMatchObject({
      状态: '已办结',
      办结签批人: '赵强',
    });
  });
});

describe('a 检举控告类 case', () => {
  it('needs the 主职领导 at 交办签批 and at 办结签批', () => {
    const { caseNo } = register(env, {
      ...PLATFORM_CASE,
      matterType: '检举控告',
      demand: '举报某工程项目负责人收受好处。',
    });
    done('office', caseNo, ['受理交办', '签收']);
    expect(refused('petitionLeader', caseNo, ['受理交办', '交办签批…'])).toMatch(/检举控告类信访件[\s\S]*主职领导/);
    expect(
      done('principal', caseNo, ['受理交办', '交办签批…'], { assignSignOpinion: '请规划建设部严肃核查' }),
    ).toMatchObject({ 状态: '待交办', 交办签批人: '赵强' });
    done('office', caseNo, ['受理交办', '交办…'], { department: '规划建设部' });
    done('handler', caseNo, ['办理审核', '填写办理意见…'], {
      handler: '周杰',
      opinion: '经核查，反映问题部分属实，已移交纪检。',
    });
    done('lineLeader', caseNo, ['办理审核', '事项分管领导审核…'], { itemReviewOpinion: '同意' });
    done('petitionLeader', caseNo, ['办理审核', '信访分管领导审核…'], { petitionReviewOpinion: '同意' });
    expect(refused('petitionLeader', caseNo, ['办结回访', '办结签批…'])).toMatch(/主职领导/);
    expect(done('principal', caseNo, ['办结回访', '办结签批…'], { closeSignOpinion: '同意' })).toMatchObject({
      状态: '已办结',
      办结签批人: '赵强',
    });
  });
});

function assigned(): string {
  const { caseNo } = register(env, PLATFORM_CASE);
  done('office', caseNo, ['受理交办', '签收']);
  done('petitionLeader', caseNo, ['受理交办', '交办签批…']);
  done('office', caseNo, ['受理交办', '交办…'], { department: '规划建设部' });
  return caseNo;
}

describe('a case that is not the department’s', () => {
  it('is returned within 3 working hours with a reason and forwarded by 信访办 (转送 ends it)', () => {
    const caseNo = assigned();
    env.clock.advance(2 * 3600_000);
    expect(done('liaison', caseNo, ['受理交办', '退单…'], { returnReason: '属市住建局职责' })).toMatchObject({
      状态: '已退单',
      退单人: '李明',
      退单原因: '属市住建局职责',
    });
    expect(done('office', caseNo, ['受理交办', '转送…'], { forwardedTo: '绍兴市住房和城乡建设局' })).toMatchObject({
      状态: '已转送',
      转送单位: '绍兴市住房和城乡建设局',
    });
    expect(
      logOf(env, caseNo)
        .map((l) => l['动作'])
        .slice(-2),
    ).toEqual(['退单', '转送']);
  });

  it('is still returned after the 3 working hours, flagged with how many working hours late, and the log says so', () => {
    const caseNo = assigned();
    env.clock.advance(6 * 3600_000); // assigned Friday 09:00; due 13:30 (12:00–13:30 is lunch); now 15:00
    const row = done('liaison', caseNo, ['受理交办', '退单…'], { returnReason: '不属本部室' });
    // About an hour and a half of office hours (13:30–15:00; the runtime's modelled seconds may add a minute and a tenth).
    expect(row).toMatchObject({ 状态: '已退单', 退单人: '李明' });
    expect([1.5, 1.6]).toContain(row['退单超时工作小时']);
    expect(logOf(env, caseNo).pop()!['说明']).toMatch(
      /^退单原因：不属本部室；逾期退单：超过退单时限（至 2026-10-09 13:3\d）1\.[56] 个工作小时$/,
    );
    const toOffice = env.outbox.filter((m) => m.to.includes(PEOPLE.office.email)).pop();
    expect(toOffice?.body).toMatch(/部室退单，请转送或重新交办（逾期 1\.[56] 个工作小时）/);
  });
});

describe('an extension (延期)', () => {
  it('is requested by the department, approved by the 信访工作分管领导, moves the deadline, and is capped at 30 日', () => {
    const caseNo = assigned();
    expect(caseRow(env, caseNo)['办理期限']).toBe('2026-12-08');
    expect(
      done('liaison', caseNo, ['办理审核', '申请延期…'], { extRequestDays: '20', extReason: '需等待第三方检测报告' }),
    ).toMatchObject({ 状态: '办理中', 延期申请人: '李明' });
    expect(refused('handler', caseNo, ['办理审核', '批准延期…'])).toMatch(/信访工作分管领导/);
    // 2026-12-08 + 20 日 = 2026-12-28, a Monday.
    expect(done('petitionLeader', caseNo, ['办理审核', '批准延期…'])).toMatchObject({
      办理期限: '2026-12-28',
      延期审批结果: '批准',
      累计延期天数: 20,
    });
    expect(
      refused('liaison', caseNo, ['办理审核', '申请延期…'], { extRequestDays: '15', extReason: '仍需时间' }),
    ).toMatch(/延期累计不得超过30日/);
  });
});

describe('a correction (更正)', () => {
  it('takes a case back to an earlier state with a reason, by 信访办 only', () => {
    const caseNo = assigned();
    done('handler', caseNo, ['办理审核', '填写办理意见…'], { handler: '周杰', opinion: '已处理' });
    expect(
      refused('liaison', caseNo, ['标记与归档', '更正…'], { toState: '办理中', correctionReason: '意见填错' }),
    ).toMatch(/信访办/);
    expect(
      done('office', caseNo, ['标记与归档', '更正…'], {
        toState: '办理中',
        correctionReason: '承办人误提交，退回修改',
      }),
    ).toMatchObject({
      状态: '办理中',
      更正人: '王芳',
      更正原因: '承办人误提交，退回修改',
    });
    expect(logOf(env, caseNo).pop()).toMatchObject({ 动作: '更正', 原状态: '审核中', 新状态: '办理中' });
  });
});
