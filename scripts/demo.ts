// npm start: a month of the petition desk (November 2026) run locally against the real bundle — cases registered
// and handled by the office's people through the menus, triggers firing every day — then exported to out/demo/
// as files a person can open (.xlsx ledger, .eml mails, webhook .json).
import fs from 'node:fs';
import path from 'node:path';
import { toShanghaiDate } from '../src/core/dates';
import { act, caseRow, PEOPLE, register, rowsOf, startOffice, type Who } from '../test/scenario/office';
import type { GasEnvironment } from '../emulator/index';

const OUT = path.resolve(__dirname, '..', 'out', 'demo');

/** A small, fixed cast of petitions (names and numbers are made up; the ID numbers pass the checksum). */
const PETITIONS: Record<string, string>[] = [
  {
    petitionerName: '张三',
    idNumber: '11010519491231002X',
    phone: '13812345678',
    source: '上级',
    upstreamNo: 'ZJ20261102001',
    form: '网上信访',
    matterType: '投诉',
    category: '城乡建设',
    demand: '小区旁工地夜间施工，噪音扰民。',
  },
  {
    petitionerName: '李四',
    idNumber: '440524188001010014',
    phone: '0575-88001234',
    source: '本级',
    form: '来访',
    visitRouting: '综合性',
    personCount: '6',
    matterType: '求助',
    category: '民政',
    demand: '村集体分红分配不公，六位村民一同来访。',
  },
  {
    petitionerName: '王五',
    idNumber: '34052419800101001X',
    phone: '13900001111',
    source: '上级',
    upstreamNo: '12345-20261104-88',
    form: '来电',
    matterType: '咨询',
    category: '劳动和社会保障',
    demand: '咨询灵活就业人员社保缴费政策。',
  },
  {
    petitionerName: '赵六',
    idNumber: '370101190102039973',
    phone: '13700002222',
    source: '上级',
    upstreamNo: 'ZJ20261106017',
    form: '网上信访',
    matterType: '检举控告',
    category: '党纪政纪',
    demand: '举报某项目负责人在招标中违规操作。',
  },
  {
    petitionerName: '钱七',
    phone: '13600003333',
    source: '本级',
    form: '来信',
    matterType: '建议',
    category: '城乡建设',
    demand: '建议在梅山公园增设夜间照明。',
  },
];

type Step = [Who, [string, string], Record<string, string>?];

/** The path each case takes; one step is done each working day, so cases are at different points at month end. */
const PLATFORM_PATH: Step[] = [
  ['office', ['受理交办', '签收']],
  ['petitionLeader', ['受理交办', '交办签批…'], { assignSignOpinion: '请相关部室核处' }],
  ['office', ['受理交办', '交办…'], { department: '规划建设部' }],
  ['liaisonB', ['受理交办', '接收']],
  ['handler', ['办理审核', '发联系函…'], { liaisonUnit: '越城区住建局', letterMatter: '请协助核实相关施工许可情况。' }],
  ['handler', ['办理审核', '填写办理意见…'], { handler: '周杰', opinion: '经调查核实，已督促整改，并向信访人说明。' }],
  ['lineLeader', ['办理审核', '事项分管领导审核…'], { itemReviewOpinion: '同意' }],
  ['petitionLeader', ['办理审核', '信访分管领导审核…'], { petitionReviewOpinion: '同意' }],
  ['petitionLeader', ['办结回访', '办结签批…'], { closeSignOpinion: '同意办结' }],
  ['office', ['办结回访', '系统回复']],
  ['office', ['办结回访', '回访…'], { satisfaction: '满意', callbackMethod: '电话' }],
  ['office', ['标记与归档', '归档']],
];

/** Walk-ins are received by the leading department at once and closed by the 主职领导 (annexes 2 and 4). */
const WALK_IN_PATH: Step[] = [
  ['liaison2', ['受理交办', '接收']],
  ['liaison2', ['办理审核', '填写办理意见…'], { handler: '吴敏', opinion: '已召集村委会说明分配方案，村民表示理解。' }],
  ['head2', ['办理审核', '接待部室意见…'], { receptionOpinion: '已接待来访村民，同意处理意见。' }],
  ['lineLeader', ['办理审核', '事项分管领导审核…'], { itemReviewOpinion: '同意' }],
  ['principal', ['办结回访', '办结签批…'], { closeSignOpinion: '同意' }],
  ['office', ['办结回访', '系统回复']],
  ['office', ['办结回访', '回访…'], { satisfaction: '不满意', callbackMethod: '当面' }],
  ['office', ['不满意核实', '核实交办…'], { verifyRequirement: '核实分配方案是否经村民代表大会通过' }],
  ['petitionLeader', ['不满意核实', '核实交办签批…']],
  ['lineLeader', ['不满意核实', '事项分管领导批示…'], { verifyInstruction: '请综合事务部调阅会议记录核实' }],
  ['head2', ['不满意核实', '部长（主任）办理意见…'], { verifyHeadOpinion: '由吴敏调阅村民代表大会记录' }],
  [
    'liaison2',
    ['不满意核实', '提交核实说明…'],
    {
      verifyStatement: '经核实，方案已经村民代表大会表决通过。',
      verifyCommunication: '已与信访人当面沟通，说明表决情况。',
    },
  ],
  ['lineLeader', ['不满意核实', '核实签发…']],
  ['office', ['不满意核实', '核实回复']],
  ['office', ['办结回访', '回访…'], { satisfaction: '基本满意', callbackMethod: '电话' }],
];

/** 检举控告类: the 主职领导 signs at 交办 and at 办结. */
const REPORT_SIGNER: Partial<Record<string, Who>> = {
  交办签批: 'principal',
  办结签批: 'principal',
  核实交办签批: 'principal',
};

function isWorkday(env: GasEnvironment): boolean {
  const day = env.clock.now().getUTCDay();
  return day !== 0 && day !== 6;
}

interface Progress {
  step: number;
  matterType: string;
  walkIn: boolean;
}

/** One person does the case's next step; false when its path is done. */
function advance(env: GasEnvironment, caseNo: string, p: Progress): boolean {
  const step = (p.walkIn ? WALK_IN_PATH : PLATFORM_PATH)[p.step];
  if (!step) return false;
  const [planned, menuPath, fields] = step;
  const who = p.matterType === '检举控告' ? (REPORT_SIGNER[menuPath[1].replace('…', '')] ?? planned) : planned;
  act(env, who, caseNo, menuPath, fields);
  p.step++;
  return true;
}

async function main(): Promise<void> {
  const env = startOffice('2026-11-02T09:00:00+08:00');
  env.globals.SpreadsheetApp.getActive().rename('信访台账（演示月）');
  const progress = new Map<string, Progress>();
  let registered = 0;
  for (let day = 0; day < 28; day++) {
    if (day > 0) env.clock.set(new Date(Date.parse('2026-11-02T09:00:00+08:00') + day * 86_400_000));
    env.runDueTriggers();
    if (!isWorkday(env)) continue;
    const petition = PETITIONS[registered % PETITIONS.length]!;
    if (registered < 12) {
      const r = register(env, {
        ...petition,
        petitionDate: toShanghaiDate(env.clock.now()),
        upstreamNo: petition.upstreamNo ? `${petition.upstreamNo}-${registered}` : '',
      });
      if (r.ok) progress.set(r.caseNo, { step: 0, matterType: petition.matterType, walkIn: r.state === '办理中' });
      registered++;
    }
    for (const [caseNo, p] of progress) {
      if ((day + caseNo.length) % 2 === 0) continue; // not every case moves every day
      advance(env, caseNo, p);
    }
  }
  fs.rmSync(OUT, { recursive: true, force: true });
  const files = await env.exportTo(OUT);
  summarise(env, files);
}

function summarise(env: GasEnvironment, files: string[]): void {
  const ledger = rowsOf(env, '台账');
  const byState = new Map<string, number>();
  for (const r of ledger) byState.set(String(r['状态']), (byState.get(String(r['状态'])) ?? 0) + 1);
  const stats = env.stats();
  console.log(`信访台账 · 演示月（2026年11月）`);
  console.log(`  信访件 ${ledger.length} 件：${[...byState].map(([s, n]) => `${s} ${n}`).join('，')}`);
  console.log(
    `  流转记录 ${rowsOf(env, '流转记录').length} 条；通知邮件 ${env.outbox.length} 封；执行 ${env.executions().length} 次（失败 ${env.executions().filter((e) => e.outcome === 'failed').length} 次）`,
  );
  console.log(`  服务调用 ${stats.serviceCalls} 次，其中表格 ${stats.spreadsheetCalls} 次`);
  const sample = ledger[0] ? caseRow(env, String(ledger[0]['编号'])) : null;
  if (sample)
    console.log(
      `  例：${sample['编号']} ${sample['状态']} 办理期限 ${sample['办理期限']} 期限状态 ${sample['期限状态'] || '—'}`,
    );
  const kinds = new Map<string, number>();
  for (const f of files) kinds.set(path.extname(f), (kinds.get(path.extname(f)) ?? 0) + 1);
  console.log(
    `  导出到 ${path.relative(process.cwd(), OUT)}/：${[...kinds].map(([ext, n]) => `${n} 个 ${ext}`).join('，')}`,
  );
  console.log(
    `  （用 LibreOffice/Excel 打开 .xlsx，用邮件程序打开 .eml；人员：${Object.values(PEOPLE)
      .map((p) => p.name)
      .join('、')}）`,
  );
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
