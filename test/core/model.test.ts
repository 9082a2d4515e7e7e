// The case model: ledger columns, their labels (the seed's words) and the typed Case.
import {
  CASE_FIELDS,
  CASE_STATES,
  caseLabel,
  COLUMN_GROUPS,
  fieldLabel,
  isWalkIn,
  LEDGER_LEAD,
  ledgerLabels,
  type Case,
  type FieldSpec,
} from '../../src/core/model';

const fields: readonly FieldSpec[] = CASE_FIELDS;
const byLabel = (label: string): FieldSpec | undefined => fields.find((f) => f.label === label);

test('keys and labels are unique (the sheet finds columns by label)', () => {
  expect(new Set(fields.map((f) => f.key)).size).toBe(fields.length);
  expect(new Set(fields.map((f) => f.label)).size).toBe(fields.length);
});

test("the seed's own words label the ledger", () => {
  const seedWords = [
    '编号',
    '信访日期',
    '信访人姓名',
    '人数',
    '联系电话',
    '身份证号码',
    '单位及住址',
    '信访件来源',
    '信访形式',
    '信访诉求',
    '处理（答复）意见及结论',
    '信访人意见',
    '回访日期',
    '回访方式',
    '是否进入周会商',
    '是否进入督查督办',
    '事项分管领导审核意见',
    '信访分管领导审核意见',
    '信访程序终结到位',
    '其它诉求渠道告知到位',
    '法律咨询援助到位',
    '合理要求部分解决到位',
    '困难救助帮扶到位',
    '综合措施运用到位',
    '就地教育稳控到位',
  ];
  for (const w of seedWords) expect(byLabel(w)).toBeDefined();
});

test("option lists are the annexes' tick boxes", () => {
  expect(byLabel('信访件来源')?.options).toEqual(['上级', '本级']);
  expect(byLabel('信访形式')?.options).toEqual(['来信', '来访', '来电', '网上信访', '信访代办']);
  expect(byLabel('信访人意见')?.options).toEqual(['满意', '基本满意', '不满意']);
  expect(byLabel('回访方式')?.options).toEqual(['电话', '当面']);
  expect(byLabel('期限来源')?.options).toEqual(['计算', '手填']);
  expect(byLabel('事项类型')?.options).toEqual(['咨询', '求助', '投诉', '建议', '检举控告', '申诉', '其他']);
  expect(byLabel('状态')?.options).toEqual(CASE_STATES);
});

test('annexes that word a field differently are recorded, the model keeps one name', () => {
  expect(byLabel('编号')?.annexLabels).toEqual({ 3: '单号' });
  expect(byLabel('单位及住址')?.annexLabels).toEqual({ 4: '单位地址' });
  expect(byLabel('信访日期')?.annexLabels).toEqual({ 4: '来访日期' });
});

test('every enum has options, only enums have them; kinds are the seven the sheet knows', () => {
  for (const f of fields) {
    expect(['text', 'date', 'datetime', 'int', 'number', 'enum', 'bool']).toContain(f.kind);
    expect(f.kind === 'enum').toBe(Array.isArray(f.options) && f.options.length > 0);
  }
});

test('sign-off and time fields are script-owned; what people type is not', () => {
  for (const label of [
    '编号',
    '签收人',
    '签收时间',
    '交办签批人',
    '交办时间',
    '办结签批时间',
    '系统回复时间',
    '归档时间',
    '期限来源',
  ]) {
    expect(byLabel(label)?.scriptOwned).toBe(true);
  }
  for (const label of ['信访人姓名', '信访诉求', '承办部室', '办理期限', '退单原因', '更正原因', '信访人意见']) {
    expect(byLabel(label)?.scriptOwned).toBe(false);
  }
  expect(fields.filter((f) => f.kind === 'datetime').every((f) => f.scriptOwned)).toBe(true);
});

// The Case type takes only an option list's values: checked by tsc (the typecheck covers test/), not at run time.
// @ts-expect-error 信访件来源 only 上级 / 本级
export const _outsideTheOptions: Case = { state: '待签收', source: '外省' };

test('caseLabel and isWalkIn', () => {
  expect(caseLabel({ caseNo: '镜访〔2026〕012号' })).toBe('镜访〔2026〕012号');
  expect(caseLabel({})).toBe('（未编号信访件）');
  expect(isWalkIn({ state: '办理中', form: '来访', source: '本级' })).toBe(true);
  expect(isWalkIn({ state: '办理中', form: '来访', source: '上级' })).toBe(false);
  expect(fieldLabel('opinion')).toBe('处理（答复）意见及结论');
});

describe('the ledger layout', () => {
  const labels = ledgerLabels();
  const at = (key: string): number => labels.indexOf(fieldLabel(key as never));

  test('the lead columns first, in the issue’s order; the hidden row record and anchor last', () => {
    expect(labels.slice(0, 11)).toEqual([
      '编号',
      '状态',
      '当前环节',
      '环节期限',
      '期限状态',
      '待办方',
      '信访日期',
      '信访人姓名',
      '事项类型',
      '信访诉求',
      '承办部室',
    ]);
    expect(labels.slice(-2)).toEqual(['系统流程记录（勿改）', '系统编号（勿改）']);
    expect(new Set(labels).size).toBe(labels.length);
  });

  test('column groups run forward, never overlap, and a column in view stands between any two (else they merge)', () => {
    const spans = COLUMN_GROUPS.map((g) => [at(g.from), at(g.to)] as const).sort((a, b) => a[0] - b[0]);
    for (const [from, to] of spans) expect(from).toBeLessThanOrEqual(to);
    for (let i = 1; i < spans.length; i++) expect(spans[i]![0]).toBeGreaterThan(spans[i - 1]![1] + 1);
    expect(spans[0]![0]).toBeGreaterThanOrEqual(LEDGER_LEAD.length);
  });
});
