// Required fields per state and per action, and the 七个到位 checklist that guards 归档.
import { checklistProblem, missingChecklistItems, SEVEN_IN_PLACE_LABELS } from '../../src/core/checklist';
import type { Case } from '../../src/core/model';
import { inputProblem, missingForState, stateRequirementProblem } from '../../src/core/required';

const NO = '镜访〔2026〕012号';
const basics: Case = {
  caseNo: NO,
  state: '待签收',
  petitionerName: '张三',
  petitionDate: '2026-03-02',
  source: '本级',
  form: '来信',
  matterType: '投诉',
  demand: '道路积水',
};

test('交办 needs 承办部室, naming the field in Chinese', () => {
  expect(stateRequirementProblem(basics, '办理中')).toBe(`${NO} 进入「办理中」前须填写：承办部室`);
  expect(stateRequirementProblem({ ...basics, department: '规划建设部' }, '办理中')).toBeNull();
});

test('办结签批 needs 处理（答复）意见及结论', () => {
  const c = { ...basics, department: '规划建设部', handler: '周科员' };
  expect(stateRequirementProblem(c, '已办结')).toBe(`${NO} 进入「已办结」前须填写：处理（答复）意见及结论`);
});

test('回访 needs 信访人意见 and 回访方式; verification does not (the platform may report the 不满意)', () => {
  const c = { ...basics, department: '规划建设部', handler: '周科员', opinion: '已处理' };
  expect(missingForState(c, '已回访')).toEqual(['satisfaction', 'callbackMethod']);
  expect(stateRequirementProblem(c, '已回访')).toContain('信访人意见、回访方式');
  expect(stateRequirementProblem(c, '核实中')).toBeNull();
});

test('the statement goes to sign-off only with annex 5’s boxes before it and annex 6’s 目前处理沟通情况', () => {
  const c = { ...basics, department: '规划建设部', handler: '周科员', opinion: '已处理', verifyRequirement: '核实' };
  expect(stateRequirementProblem(c, '核实待签发')).toBe(
    `${NO} 进入「核实待签发」前须填写：事项分管领导批示意见、部长（主任）办理意见、核实情况说明、目前处理沟通情况`,
  );
});

test('签收 needs 事项类型 (it decides who signs); 上级 cases need the upstream number', () => {
  const { matterType: _omit, ...noType } = basics;
  expect(stateRequirementProblem(noType, '待交办签批')).toContain('事项类型');
  expect(stateRequirementProblem({ ...basics, source: '上级' }, '待交办签批')).toContain('上级信访件编号');
  expect(stateRequirementProblem(basics, '待签收')).toBeNull();
});

test('a reason is required afresh with the action', () => {
  expect(inputProblem(basics, 'returnCase', '退单', {})).toBe(`${NO}「退单」须填写：退单原因`);
  expect(inputProblem(basics, 'returnCase', '退单', { returnReason: '  ' })).not.toBeNull();
  expect(inputProblem(basics, 'returnCase', '退单', { returnReason: '非本部室职责' })).toBeNull();
  expect(inputProblem(basics, 'flagWeekly', '设置周会商', { weeklyConsult: false })).toBeNull();
  expect(inputProblem(basics, 'sign', '签收', undefined)).toBeNull();
});

describe('七个到位', () => {
  const all = {
    procedureEnded: true,
    channelsTold: true,
    legalAid: true,
    partlySolved: true,
    hardshipAid: true,
    measuresUsed: true,
    localEducation: true,
  };
  test("the seven items in the seed's order", () => {
    expect(SEVEN_IN_PLACE_LABELS).toEqual([
      '信访程序终结到位',
      '其它诉求渠道告知到位',
      '法律咨询援助到位',
      '合理要求部分解决到位',
      '困难救助帮扶到位',
      '综合措施运用到位',
      '就地教育稳控到位',
    ]);
  });
  test('only a case marked 不合理诉求 needs them', () => {
    expect(checklistProblem(basics)).toBeNull();
    expect(checklistProblem({ ...basics, unreasonable: true, ...all })).toBeNull();
  });
  test('names the items not ticked', () => {
    const c: Case = { ...basics, unreasonable: true, ...all, legalAid: false, hardshipAid: undefined };
    expect(missingChecklistItems(c)).toEqual(['法律咨询援助到位', '困难救助帮扶到位']);
    expect(checklistProblem(c)).toBe(
      `${NO} 为不合理诉求，归档前须做到“七个到位”，尚未勾选：法律咨询援助到位、困难救助帮扶到位`,
    );
  });
});
