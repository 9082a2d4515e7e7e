// 生成表单 › 附件3–7 through the real bundle: each annex generated from a case walked through its flow by the right
// people, read back box by box (every seed label, the values where the box table puts them, the ticks, no placeholder
// left), with its 文书 record, the ledger's link, the 流转记录 line and the case folder's sharing; the state gate, a
// regenerated form's 〔作废〕 copy, the PDF beside it, and the templates setup keeps or rebuilds.
import type { GasEnvironment } from '../../emulator/index';
import { ANNEXES } from '../../src/core/forms';
import {
  act,
  caseRow,
  lastAlert,
  lastToast,
  logOf,
  ok,
  PEOPLE,
  PLATFORM_CASE,
  register,
  rowsOf,
  type Who,
} from './office';
import {
  box,
  docAt,
  docText,
  formsOffice,
  generate,
  LEFTOVER,
  nextSlice,
  SECOND_OFFICER,
  type FormBatchStatus,
} from './forms';

function step(env: GasEnvironment, who: Who, caseNo: string, path: [string, string], fields?: Record<string, string>) {
  const r = act(env, who, caseNo, path, fields);
  if (r) expect(r).toMatchObject({ ok: true });
}

/** A platform case from registration to 已办结 and 待回访, each step by its role. */
function closedPlatformCase(env: GasEnvironment, petition = PLATFORM_CASE): string {
  const { caseNo } = register(env, petition);
  step(env, 'office', caseNo, ['受理交办', '签收']);
  step(env, 'petitionLeader', caseNo, ['受理交办', '交办签批…'], { assignSignOpinion: '请规划建设部核处' });
  step(env, 'office', caseNo, ['受理交办', '交办…'], { department: '规划建设部' });
  step(env, 'handler', caseNo, ['办理审核', '填写办理意见…'], {
    handler: '周杰',
    opinion: '已约谈施工单位，夜间22时后停止施工。',
  });
  step(env, 'lineLeader', caseNo, ['办理审核', '事项分管领导审核…'], { itemReviewOpinion: '同意' });
  step(env, 'petitionLeader', caseNo, ['办理审核', '信访分管领导审核…'], { petitionReviewOpinion: '同意上报' });
  step(env, 'petitionLeader', caseNo, ['办结回访', '办结签批…'], { closeSignOpinion: '同意办结' });
  step(env, 'office', caseNo, ['办结回访', '系统回复']);
  return caseNo;
}

/** The one form the status made, and its document. */
function madeDoc(env: GasEnvironment, s: FormBatchStatus | undefined, caseNo: string) {
  expect(s).toMatchObject({ finished: true, refused: [] });
  const made = s!.made.filter((m) => m.caseNo === caseNo);
  expect(made).toHaveLength(1);
  return { url: made[0]!.url, doc: docAt(env, made[0]!.url) };
}

/** The form is a 文书 record of the case, the row links it and 流转记录 has its line. */
function expectRecorded(env: GasEnvironment, caseNo: string, annex: 3 | 4 | 5 | 6 | 7, url: string): void {
  expect(rowsOf(env, '文书').filter((r) => r['编号'] === caseNo && r['文档链接'] === url)).toEqual([
    expect.objectContaining({ 附件: `附件${annex}`, 文书名称: ANNEXES[annex].title, 文书状态: '现行', 经办人: '王芳' }),
  ]);
  expect(String(caseRow(env, caseNo)['文书'])).toContain(url);
  expect(logOf(env, caseNo).pop()).toMatchObject({
    动作: '生成表单',
    说明: expect.stringContaining(`${ANNEXES[annex].caption}`),
  });
  expect(String(logOf(env, caseNo).pop()!['说明'])).toContain(url);
}

function expectEveryLabel(text: string, annex: 3 | 4 | 5 | 6 | 7): void {
  for (const label of ANNEXES[annex].labels) expect(text).toContain(label);
}

describe('附件3 “2211”信访流程办理单 from a platform case', () => {
  let env: GasEnvironment;
  let caseNo: string;
  let url: string;
  let doc: ReturnType<typeof docAt>;
  let signToast: string;

  beforeAll(() => {
    env = formsOffice();
    const { caseNo: no } = register(env, PLATFORM_CASE);
    caseNo = no;
    step(env, 'office', caseNo, ['受理交办', '签收']);
    signToast = lastToast(env);
    step(env, 'petitionLeader', caseNo, ['受理交办', '交办签批…'], { assignSignOpinion: '请规划建设部核处' });
    step(env, 'office', caseNo, ['受理交办', '交办…'], { department: '规划建设部' });
    step(env, 'handler', caseNo, ['办理审核', '填写办理意见…'], {
      handler: '周杰',
      opinion: '已约谈施工单位，夜间22时后停止施工。',
    });
    step(env, 'lineLeader', caseNo, ['办理审核', '事项分管领导审核…'], { itemReviewOpinion: '同意' });
    step(env, 'petitionLeader', caseNo, ['办理审核', '信访分管领导审核…'], { petitionReviewOpinion: '同意上报' });
    step(env, 'petitionLeader', caseNo, ['办结回访', '办结签批…'], { closeSignOpinion: '同意办结' });
    step(env, 'office', caseNo, ['办结回访', '系统回复']);
    step(env, 'office', caseNo, ['办结回访', '回访…'], { satisfaction: '满意', callbackMethod: '电话' });
    step(env, 'office', caseNo, ['标记与归档', '周会商…'], { weeklyConsult: '是' });
    step(env, 'office', caseNo, ['标记与归档', '督查督办…'], { supervised: '否' });
    ({ url, doc } = madeDoc(env, generate(env, 'office', [caseNo], 3), caseNo));
  });

  it('is offered in the message after 签收', () => {
    expect(signToast).toContain(`可生成附件3 “2211”信访流程办理单：选中${caseNo}所在行`);
  });

  it('prints every label of the seed’s annex 3 and leaves no placeholder', () => {
    const text = docText(doc);
    expectEveryLabel(text, 3);
    expect(text).not.toMatch(LEFTOVER);
    expect(text).not.toMatch(/undefined|null/);
  });

  it('fills the office, the number and the petitioner’s boxes from 设置 and the case', () => {
    expect(docText(doc)).toContain('单位名称（盖章）：绍兴市镜湖新区开发建设办公室　　　　单号：' + caseNo);
    expect(box(doc, '信访人姓名')).toBe('张三');
    expect(box(doc, '人数')).toBe('1');
    expect(box(doc, '联系电话')).toBe('13812345678');
    expect(box(doc, '身份证号码')).toBe('11010519491231002X');
    expect(box(doc, '信访日期')).toBe('2026年10月09日');
    expect(box(doc, '单位及住址')).toBe('镜湖新区梅山街道某小区');
    expect(box(doc, '信访诉求')).toBe(PLATFORM_CASE.demand);
  });

  it('ticks the source, the form, the call-back and the two flags as the case has them', () => {
    expect(box(doc, '信访件来源')).toBe('上级☑（信访件编号：ZJ2026100900123）　本级☐');
    expect(box(doc, '信访形式')).toBe('来信☐　来访☐　来电☐　网上信访☑　信访代办☐');
    expect(box(doc, '信访办回访')).toBe(
      '信访人意见：满意☑　基本满意☐　不满意☐\n回访日期：2026年10月09日　　回访人签名：王芳\n回访方式：电话☑　当面☐',
    );
    expect(box(doc, '是否进入周会商')).toBe('是☑　否☐');
    expect(box(doc, '是否进入督查督办')).toBe('是☐　否☑');
  });

  it('puts each sign-off, with its signer and date, in its box', () => {
    expect(box(doc, '信访办签收')).toBe('签名：王芳\n签收日期：2026年10月09日');
    expect(box(doc, '主职领导交办签批')).toBe('签名：钱伟\n2026年10月09日');
    expect(box(doc, '处理（答复）意见及结论')).toBe(
      '已约谈施工单位，夜间22时后停止施工。\n事项承办人签名：周杰\n2026年10月09日',
    );
    expect(box(doc, '事项分管领导审核意见')).toBe('同意\n签名：孙丽\n2026年10月09日');
    expect(box(doc, '信访分管领导审核意见')).toBe('同意上报\n签名：钱伟\n2026年10月09日');
    expect(box(doc, '主职领导办结签批意见')).toBe('同意办结\n签名：钱伟\n2026年10月09日');
  });

  it('keeps a 文书 record, shows the link on the row and logs the form', () => {
    expect(rowsOf(env, '文书')).toEqual([
      expect.objectContaining({
        编号: caseNo,
        序号: 1,
        经办人: '王芳',
        附件: '附件3',
        文书名称: '“2211”信访流程办理单',
        文档链接: url,
        文书状态: '现行',
      }),
    ]);
    expect(caseRow(env, caseNo)['文书']).toBe(`附件3：${url}`);
    expect(logOf(env, caseNo).pop()).toMatchObject({
      动作: '生成表单',
      操作人: `王芳 <${PEOPLE.office.email}>`,
      说明: `附件3 “2211”信访流程办理单：${url}`,
    });
  });

  it('files it in 信访台账/2026/<编号>/, shared with the 信访办 and the signing leaders only, without Drive’s mail', () => {
    const store = env.drive.store;
    const file = store.find(/\/d\/([^/]+)/.exec(url)![1]!)!;
    const folder = store.find(file.parents[0]!)!;
    const year = store.find(folder.parents[0]!)!;
    const root = store.find(year.parents[0]!)!;
    expect([root.name, year.name, folder.name]).toEqual(['信访台账', '2026', caseNo]);
    expect(file.name).toBe(`${caseNo} 附件3 “2211”信访流程办理单`);
    const shared = Object.fromEntries((folder.permissions ?? []).map((p) => [p.emailAddress, p.role]));
    expect(shared).toEqual({
      [SECOND_OFFICER.email]: 'writer',
      [PEOPLE.principal.email]: 'reader',
      [PEOPLE.petitionLeader.email]: 'reader',
      [PEOPLE.lineLeader.email]: 'reader',
    });
    // Every 信访办 of 人员 may write the app's folder (to file forms of new cases); its owner is 王芳.
    expect(root.ownerEmail).toBe(PEOPLE.office.email);
    expect((root.permissions ?? []).map((p) => [p.emailAddress, p.role])).toEqual([[SECOND_OFFICER.email, 'writer']]);
    expect(year.permissions ?? []).toEqual([]);
    expect(store.shareNotices).toEqual([]);
  });

  it('regenerated, keeps one current copy: the earlier one renamed 〔作废〕 into the case folder’s 作废', () => {
    const again = madeDoc(env, generate(env, 'office', [caseNo], 3), caseNo);
    expect(again.url).not.toBe(url);
    const store = env.drive.store;
    const old = store.find(/\/d\/([^/]+)/.exec(url)![1]!)!;
    const fresh = store.find(/\/d\/([^/]+)/.exec(again.url)![1]!)!;
    expect(old.name).toBe(`〔作废〕${caseNo} 附件3 “2211”信访流程办理单`);
    const voidFolder = store.find(old.parents[0]!)!;
    expect(voidFolder.name).toBe('作废');
    expect(voidFolder.parents).toEqual(fresh.parents);
    expect(old.trashed).toBe(false);
    expect(rowsOf(env, '文书').map((r) => [r['序号'], r['文书状态']])).toEqual([
      [1, '作废'],
      [2, '现行'],
    ]);
    expect(caseRow(env, caseNo)['文书']).toBe(`附件3：${again.url}`);
    expect(logOf(env, caseNo).pop()!['说明']).toContain('原文书已作废');
    url = again.url;
  });

  it('exports a PDF beside it when the sidebar asks, with the record pointing at both', () => {
    nextSlice(env, 'office', { pdf: true });
    const s = generate(env, 'office', [caseNo], 3)!;
    expect(s.pdf).toBe(true);
    const made = s.made.find((m) => m.caseNo === caseNo)!;
    expect(made.pdfUrl).toMatch(/^https:\/\/drive\.google\.com\/file\/d\/[\w-]+\/view/);
    const pdf = env.drive.store.find(/\/d\/([^/]+)/.exec(made.pdfUrl)![1]!)!;
    expect(pdf.mimeType).toBe('application/pdf');
    expect(pdf.name).toBe(`${caseNo} 附件3 “2211”信访流程办理单.pdf`);
    expect(Buffer.from(pdf.bytes!.subarray(0, 5)).toString('latin1')).toBe('%PDF-');
    const doc = env.drive.store.find(/\/d\/([^/]+)/.exec(made.url)![1]!)!;
    expect(pdf.parents).toEqual(doc.parents);
    expect(rowsOf(env, '文书').pop()).toMatchObject({ PDF链接: made.pdfUrl, 文书状态: '现行' });
    expect(caseRow(env, caseNo)['文书']).toBe(`附件3：${made.url}（PDF：${made.pdfUrl}）`);
  });
});

describe('附件4 来访登记单 from a walk-in visit', () => {
  it('fills the visit, the receiving department’s, the line leader’s and the office head’s boxes', () => {
    const env = formsOffice();
    const r = register(env, {
      petitionDate: '2026-10-09',
      petitionerName: '李四',
      personCount: '2',
      phone: '0575-88001234',
      idNumber: '440524188001010014',
      address: '镜湖新区某村',
      source: '本级',
      form: '来访',
      visitRouting: '综合性',
      matterType: '求助',
      demand: '村集体分红分配不公，请求重新核算。',
    });
    const caseNo = r.caseNo;
    step(env, 'liaison2', caseNo, ['办理审核', '填写办理意见…'], { handler: '吴敏', opinion: '已召集村委会说明。' });
    step(env, 'head2', caseNo, ['办理审核', '接待部室意见…'], { receptionOpinion: '已当面答复' });
    step(env, 'lineLeader', caseNo, ['办理审核', '事项分管领导审核…'], { itemReviewOpinion: '同意' });
    step(env, 'principal', caseNo, ['办结回访', '办结签批…'], { closeSignOpinion: '同意办结' });
    step(env, 'office', caseNo, ['办结回访', '系统回复']);
    step(env, 'office', caseNo, ['办结回访', '回访…'], { satisfaction: '基本满意', callbackMethod: '当面' });
    const { doc, url } = madeDoc(env, generate(env, 'office', [caseNo], 4), caseNo);
    expectRecorded(env, caseNo, 4, url);
    const text = docText(doc);
    expectEveryLabel(text, 4);
    expect(text).not.toMatch(LEFTOVER);
    expect(text).toContain('镜湖新区开发办接待群众来访登记单');
    expect(text).toContain(`编号：${caseNo}`);
    expect(box(doc, '信访人姓名')).toBe('李四');
    expect(box(doc, '人数')).toBe('2');
    expect(box(doc, '身份证号码')).toBe('440524188001010014');
    expect(box(doc, '联系电话')).toBe('0575-88001234');
    expect(box(doc, '单位地址')).toBe('镜湖新区某村');
    expect(box(doc, '来访日期')).toBe('2026年10月09日');
    expect(box(doc, '反映内容及诉求摘要')).toBe('村集体分红分配不公，请求重新核算。');
    expect(box(doc, '接待部室（单位）意见')).toBe('已当面答复\n签名：何静\n2026年10月09日');
    expect(box(doc, '事项分管领导意见')).toBe('同意\n签名：孙丽\n2026年10月09日');
    expect(box(doc, '办主要领导意见')).toBe('同意办结\n签名：赵强\n2026年10月09日');
    expect(box(doc, '回访')).toBe(
      '信访人意见：满意☐　基本满意☑　不满意☐\n回访日期：2026年10月09日　　回访人签名：王芳\n回访方式：电话☐　当面☑',
    );
    expect(box(doc, '是否进入周会商')).toBe('是☐　否☐');
    expect(rowsOf(env, '文书').map((x) => x['附件'])).toEqual(['附件4']);
  });

  it('is refused, with the reason, for a case that is not a visit', () => {
    const env = formsOffice();
    const { caseNo } = register(env, PLATFORM_CASE);
    ok(env);
    expect(generate(env, 'office', [caseNo], 4)).toBeUndefined();
    expect(lastAlert(env)).toContain(`${caseNo}：${caseNo} 的信访形式为「网上信访」，附件4 来访登记单只用于来访`);
    expect(env.drive.store.docs().filter((f) => f.name.startsWith(caseNo))).toEqual([]);
    expect(rowsOf(env, '文书')).toEqual([]);
  });
});

describe('附件5 不满意核实件 and 附件6 核实情况说明 of a dissatisfied case', () => {
  let env: GasEnvironment;
  let caseNo: string;
  beforeAll(() => {
    env = formsOffice();
    caseNo = closedPlatformCase(env);
  });

  it('refuses 附件5 before a 不满意, with the reason, and makes nothing', () => {
    ok(env);
    expect(generate(env, 'office', [caseNo], 5)).toBeUndefined();
    expect(lastAlert(env)).toMatch(
      /不能生成表单[\s\S]*信访人意见为「未回访」，回访（或平台评价）不满意后才能生成附件5/,
    );
    expect(rowsOf(env, '文书')).toEqual([]);
    expect(logOf(env, caseNo).pop()!['动作']).not.toBe('生成表单');
  });

  it('prints annex 5 with its three sign-offs in order and the department’s statement', () => {
    step(env, 'office', caseNo, ['办结回访', '回访…'], { satisfaction: '不满意', callbackMethod: '电话' });
    step(env, 'office', caseNo, ['不满意核实', '核实交办…'], { verifyRequirement: '核实夜间施工是否仍在继续' });
    step(env, 'petitionLeader', caseNo, ['不满意核实', '核实交办签批…']);
    step(env, 'lineLeader', caseNo, ['不满意核实', '事项分管领导批示…'], { verifyInstruction: '请规划建设部现场核查' });
    step(env, 'head', caseNo, ['不满意核实', '部长（主任）办理意见…'], { verifyHeadOpinion: '由周杰负责核查' });
    step(env, 'liaison', caseNo, ['不满意核实', '提交核实说明…'], {
      verifyHandler: '周杰',
      verifyStatement: '经现场核查，施工单位已按要求停止夜间施工。',
      verifyCommunication: '已与信访人张三电话沟通，其表示理解。',
    });
    const { doc, url } = madeDoc(env, generate(env, 'office', [caseNo], 5), caseNo);
    expectRecorded(env, caseNo, 5, url);
    const text = docText(doc);
    expectEveryLabel(text, 5);
    expect(text).not.toMatch(LEFTOVER);
    expect(text).toContain(`${caseNo.replace(/号$/, '')}号信访件信访人不满意核实件`);
    expect(box(doc, '信访人姓名')).toBe('张三');
    expect(box(doc, '信访件来源')).toBe('上级☑（信访件编号：ZJ2026100900123）　本级☐');
    expect(box(doc, '核实件要求')).toBe('核实夜间施工是否仍在继续');
    expect(box(doc, '原处理（答复）意见及结论')).toBe('已约谈施工单位，夜间22时后停止施工。');
    expect(box(doc, '主职领导交办签批')).toBe('签名：钱伟\n2026年10月09日');
    expect(box(doc, '事项分管领导批示意见')).toBe('请规划建设部现场核查\n签名：孙丽\n2026年10月09日');
    expect(box(doc, '部长（主任）办理意见')).toBe('由周杰负责核查\n签名：刘洋\n2026年10月09日');
    expect(box(doc, '信访事项核实情况说明（可另附页）')).toBe(
      '经现场核查，施工单位已按要求停止夜间施工。\n事项承办人签名：周杰\n2026年10月09日',
    );
  });

  it('prints annex 6 to the bureau of 设置, signed by the issuing leader, with the three sections', () => {
    step(env, 'lineLeader', caseNo, ['不满意核实', '核实签发…']);
    const { doc, url } = madeDoc(env, generate(env, 'office', [caseNo], 6), caseNo);
    expectRecorded(env, caseNo, 6, url);
    const text = docText(doc);
    expectEveryLabel(text, 6);
    expect(text).not.toMatch(LEFTOVER);
    expect(text).toContain('关于张三（编号ZJ2026100900123）信访事项\n核实情况说明');
    expect(text).toContain('签发人：孙丽（需责任分管领导手签）');
    expect(text).toContain('\n绍兴市信访局：\n');
    expect(text).toContain(
      '绍兴市信访局12345政务热线信访事项（编号ZJ2026100900123）为信访人评价不满意，经我单位再次调查核实，现将基本情况汇报如下：',
    );
    expect(text).toContain(
      '基本情况\n信访人：张三，身份证号码：11010519491231002X，联系电话：13812345678，单位及住址：镜湖新区梅山街道某小区。主要诉求：小区旁工地夜间施工，噪音扰民，要求限制施工时间。',
    );
    expect(text).toContain('调查核实情况\n经现场核查，施工单位已按要求停止夜间施工。');
    expect(text).toContain('目前处理沟通情况\n已与信访人张三电话沟通，其表示理解。');
    expect(text).toMatch(/绍兴市镜湖新区开发建设办公室\n2026年10月09日$/);
    expect(rowsOf(env, '文书').map((x) => x['附件'])).toEqual(['附件5', '附件6']);
    expect(caseRow(env, caseNo)['文书']).toMatch(/^附件5：https:\S+\n附件6：https:\S+$/);
  });
});

describe('附件7 信访事项联系函', () => {
  let env: GasEnvironment;
  let caseNo: string;
  beforeAll(() => {
    env = formsOffice();
    const { caseNo: no } = register(env, PLATFORM_CASE);
    caseNo = no;
    step(env, 'office', caseNo, ['受理交办', '签收']);
    step(env, 'petitionLeader', caseNo, ['受理交办', '交办签批…'], { assignSignOpinion: '请规划建设部核处' });
    step(env, 'office', caseNo, ['受理交办', '交办…'], { department: '规划建设部' });
  });

  it('prints the case’s only letter: its number, the receiving unit, what is asked', () => {
    step(env, 'liaison', caseNo, ['办理审核', '发联系函…'], {
      liaisonUnit: '市自然资源和规划局',
      letterMatter: '该工地的夜间施工许可由贵局核发，请协助核查许可范围。',
    });
    const letterNo = String(caseRow(env, caseNo)['联系函编号']);
    expect(letterNo).not.toBe('');
    const { doc, url } = madeDoc(env, generate(env, 'office', [caseNo], 7), caseNo);
    expectRecorded(env, caseNo, 7, url);
    const text = docText(doc);
    expectEveryLabel(text, 7);
    expect(text).not.toMatch(LEFTOVER);
    expect(text).toContain(`编号：${letterNo}\n市自然资源和规划局：\n`);
    expect(text).toContain(
      '绍兴市信访局信访事项（编号ZJ2026100900123）为我单位主办件，因涉贵单位有关职责，现将有关事项联系如下：',
    );
    expect(text).toContain('二、协调联系事项\n该工地的夜间施工许可由贵局核发，请协助核查许可范围。\n请予以支持为感。');
    expect(text).toMatch(/绍兴市镜湖新区开发建设办公室\n2026年10月09日$/);
    expect(rowsOf(env, '文书').pop()).toMatchObject({ 附件: '附件7', 联系函编号: letterNo });
  });

  it('asks which letter when the case sent several (the newest chosen by default) and prints the one picked', () => {
    const first = String(caseRow(env, caseNo)['联系函编号']);
    step(env, 'liaison', caseNo, ['办理审核', '发联系函…'], {
      liaisonUnit: '市生态环境局',
      letterMatter: '请协助监测夜间噪声。',
    });
    const second = String(caseRow(env, caseNo)['联系函编号']);
    expect(generate(env, 'office', [caseNo], 7)).toBeUndefined();
    const picker = env.ui.dialogs[env.ui.dialogs.length - 1]!;
    expect(picker).toMatchObject({ kind: 'modal', title: '附件7 信访事项联系函 · 选择联系函' });
    const data = JSON.parse(/var DATA = (\{.*?\});\n/.exec(picker.html)![1]!) as {
      cases: { caseNo: string; letters: { seq: number; text: string }[] }[];
      rest: string[];
    };
    expect(data.rest).toEqual([]);
    expect(data.cases).toEqual([
      {
        caseNo,
        letters: [
          { seq: 1, text: first + '　市自然资源和规划局　2026-10-09' },
          { seq: 2, text: second + '　市生态环境局　2026-10-09' },
        ],
      },
    ]);
    const s = env.submitDialog('formsPickLetters', [[{ caseNo, seq: 2 }]], {
      user: PEOPLE.office.email,
    }) as FormBatchStatus;
    const { doc } = madeDoc(env, s, caseNo);
    expect(docText(doc)).toContain(`编号：${second}\n市生态环境局：\n`);
    // Each letter keeps its own current form: the first letter's is not voided by the second's.
    expect(rowsOf(env, '文书').map((r) => [r['联系函编号'], r['文书状态']])).toEqual([
      [first, '现行'],
      [second, '现行'],
    ]);
  });
});

describe('values are text, never syntax', () => {
  it('inserts $1, \\n, a newline, {{信访人姓名}}, .*, emoji and 3,000 characters verbatim', () => {
    const env = formsOffice();
    const long = '长'.repeat(3000);
    // Placeholders filled after the box the value sits in ({{信访诉求}}, {{签收人}}) as well as its own.
    const name = '$1{{信访人姓名}}😀{{信访诉求}}';
    const demand = `要求：$1 $& \\n \\ .* {{信访诉求}} {{编号}} 👨‍👩‍👧\n第二行 ${long}`;
    const address = '{{单位及住址}}{{签收人}}$$.*\\';
    const { caseNo } = register(env, { ...PLATFORM_CASE, petitionerName: name, demand, address });
    expect(caseRow(env, caseNo)).toMatchObject({ 信访人姓名: name, 信访诉求: demand, 单位及住址: address });
    step(env, 'office', caseNo, ['受理交办', '签收']);
    const { doc } = madeDoc(env, generate(env, 'office', [caseNo], 3), caseNo);
    expect(box(doc, '信访人姓名')).toBe(name);
    expect(box(doc, '信访诉求')).toBe(demand);
    expect(box(doc, '单位及住址')).toBe(address);
    expect(docText(doc)).not.toMatch(/[\uE000-\uF8FF]/);
    // Every placeholder of the template was replaced; only the values' own braces remain.
    expect(docText(doc).match(/\{\{[^{}]*\}\}/g)).toEqual([
      '{{信访人姓名}}',
      '{{信访诉求}}',
      '{{单位及住址}}',
      '{{签收人}}',
      '{{信访诉求}}',
      '{{编号}}',
    ]);
  });
});

describe('the templates', () => {
  it('are uploaded once; 初始化/修复 keeps an edited template, 重建模板 replaces it after a yes', () => {
    const env = formsOffice();
    const props = (): Record<string, string> => env.globals.PropertiesService.getScriptProperties().getProperties();
    const before = props()['FORM_TEMPLATE_3']!;
    // The office restyles the template in Google Docs (here: a line added above the title).
    env.drive.store
      .find(before)!
      .doc!.blocks.unshift({ type: 'paragraph', style: 'NORMAL_TEXT', runs: [{ text: '（徽标）' }] });
    ok(env);
    env.clickMenu('信访台账', '初始化/修复', '初始化/修复', { user: PEOPLE.office.email });
    expect(lastAlert(env)).toContain('表单模板齐全（已修改的模板保持不变）');
    expect(props()['FORM_TEMPLATE_3']).toBe(before);
    expect(docText(env.drive.store.find(before)!.doc!)).toMatch(/^（徽标）/);
    env.answerNextDialog({ button: 'NO' });
    env.clickMenu('信访台账', '初始化/修复', '重建模板', { user: PEOPLE.office.email });
    expect(props()['FORM_TEMPLATE_3']).toBe(before);
    env.answerNextDialog({ button: 'YES' });
    ok(env);
    env.clickMenu('信访台账', '初始化/修复', '重建模板', { user: PEOPLE.office.email });
    expect(lastAlert(env)).toContain('已重建表单模板：附件3 “2211”信访流程办理单、附件4');
    const after = props()['FORM_TEMPLATE_3']!;
    expect(after).not.toBe(before);
    expect(docText(env.drive.store.find(after)!.doc!)).not.toContain('（徽标）');
    expect(env.drive.store.find(before)!.name).toBe('〔作废〕模板 附件3 “2211”信访流程办理单');
  });

  it('are refused to anyone but the 信访办', () => {
    const env = formsOffice();
    env.open({ user: PEOPLE.petitionLeader.email });
    ok(env);
    env.clickMenu('信访台账', '初始化/修复', '重建模板', { user: PEOPLE.petitionLeader.email });
    expect(lastAlert(env)).toContain('此功能只限「信访办」使用。');
  });
});
