// The shape of every sheet the app keeps: names, headers, formats, widths, seed rows. Setup creates and repairs
// from this; the adapters find columns by these labels.
import { officialEntries } from '../core/calendar';
import { DEFAULT_TIME_LIMITS } from '../core/deadlines';
import { CASE_FIELDS, ROLES, type FieldSpec } from '../core/model';

export const SHEET = {
  ledger: '台账',
  log: '流转记录',
  departments: '部室',
  people: '人员',
  limits: '时限',
  holidays: '节假日',
  settings: '设置',
} as const;

/** Columns the daily refresh derives from 办理期限 (script-owned, never tracked). */
export const DERIVED = {
  workdaysLeft: '剩余工作日',
  deadlineState: '期限状态',
  overdueWorkdays: '超期工作日',
} as const;

/** 部室 columns: each department with its leader and its two liaisons (双联络员制, A and B). */
export const DEPARTMENT_HEADERS = [
  '部室',
  '分管领导',
  '分管领导邮箱',
  '联络员A',
  '联络员A邮箱',
  '联络员A手机',
  '联络员B',
  '联络员B邮箱',
  '联络员B手机',
] as const;

/** 流转记录 columns. */
export const LOG_HEADERS = ['时间', '编号', '动作', '原状态', '新状态', '操作人', '说明'] as const;

/** A column of a sheet the app lays out. */
export interface ColumnSpec {
  label: string;
  /** Sheets number format: '@' plain text, a date pattern, or undefined for general. */
  format?: string;
  width: number;
  /** Dropdown values (warning, not rejecting: a person may type something else and is told). */
  options?: readonly string[];
  /** Dropdown from another sheet's column (A1 of that range). */
  optionsFrom?: string;
  /** Dropdown from a comma-separated list kept in 设置 under this key (read at each 初始化/修复). */
  optionsFromSetting?: string;
  /** The script owns this column: protected as warning-only. */
  scriptOwned?: boolean;
}

/** One sheet: its columns in order and the rows it starts with when created. */
export interface SheetSpec {
  name: string;
  columns: ColumnSpec[];
  seedRows?: () => unknown[][];
}

export const DATE_FORMAT = 'yyyy-mm-dd';
export const DATETIME_FORMAT = 'yyyy-mm-dd hh:mm';
const YES_NO = ['是', '否'] as const;

function ledgerColumn(f: FieldSpec): ColumnSpec {
  const base = { label: f.label, scriptOwned: f.scriptOwned };
  switch (f.kind) {
    case 'date':
      return { ...base, format: DATE_FORMAT, width: 96 };
    case 'datetime':
      return { ...base, format: DATETIME_FORMAT, width: 128 };
    case 'int':
      return { ...base, format: '0', width: 56 };
    case 'bool':
      return { ...base, options: YES_NO, width: 72 };
    case 'enum':
      return { ...base, options: f.options, width: 96 };
    default:
      if (f.key === 'category') return { ...base, format: '@', width: 120, optionsFromSetting: CATEGORY_SETTING };
      return {
        ...base,
        format: '@',
        width: f.key === 'demand' || f.key === 'opinion' ? 280 : 120,
        ...(f.key === 'department' ? { optionsFrom: `'${SHEET.departments}'!A2:A` } : {}),
      };
  }
}

/** The ledger: the core model's columns, with the derived deadline columns after 办理期限's companions. */
export function ledgerColumns(): ColumnSpec[] {
  const cols = CASE_FIELDS.map((f) => ledgerColumn(f));
  const at = cols.findIndex((c) => c.label === '期限暂定') + 1;
  cols.splice(
    at,
    0,
    { label: DERIVED.workdaysLeft, format: '0', width: 80, scriptOwned: true },
    { label: DERIVED.deadlineState, width: 80, scriptOwned: true },
    { label: DERIVED.overdueWorkdays, format: '0', width: 80, scriptOwned: true },
  );
  return cols;
}

const text = (label: string, width = 120): ColumnSpec => ({ label, format: '@', width });

/** The 设置 key holding the 问题类别 list (domain-facts.md §3.5 practice examples; the office edits it). */
export const CATEGORY_SETTING = '问题类别列表';

/** Default settings: key (Chinese), value, description. */
export const DEFAULT_SETTINGS_ROWS: [string, string, string][] = [
  ['单位名称', '镜湖新区开发办', '印在表单和提醒上的单位名称'],
  ['编号前缀', '镜访', '编号格式：前缀〔年份〕序号号'],
  ['编号括号', '〔〕', '年份两侧的括号（两个字符）'],
  ['提醒时刻', '8', '每天发送提醒的整点（0–23，北京时间）'],
  ['临期提醒工作日', '3', '剩余不超过这么多个工作日时标为「即将到期」'],
  ['主职领导邮箱', '', '多个邮箱用逗号分隔'],
  ['信访工作分管领导邮箱', '', '多个邮箱用逗号分隔'],
  ['集体访人数', '5', '人数达到该值标记为集体访'],
  ['接待人数上限', '5', '现场接访一般不超过的人数（条例第二十条：代表不超过5人）'],
  ['重复信访天数', '365', '同一身份证号或电话在该天数内再次信访，提示重复信访'],
  ['延期最长天数', '30', '一次延期最多延长的日数（条例第三十四条）'],
  ['延期审批角色', '信访工作分管领导', '可批准延期的角色，多个用逗号分隔'],
  ['上班时间', '08:30-12:00,13:30-17:30', '计算「工作小时」期限（退单3个工作小时）'],
  ['综合事务部', '综合事务部', '综合性来访的牵头部室'],
  ['节假日已确认年份', '', '国务院放假安排已录入「节假日」表的年份，多个用逗号分隔'],
  [
    CATEGORY_SETTING,
    '城乡建设,国土资源,农村农业,劳动和社会保障,卫生健康,教育,民政,政法,经济管理,环境保护,党纪政纪,其他',
    '「台账」问题类别的下拉选项，逗号分隔；修改后运行「初始化/修复」生效',
  ],
];

/** Every sheet the app lays out, in tab order. */
export function sheetSpecs(): SheetSpec[] {
  return [
    { name: SHEET.ledger, columns: ledgerColumns() },
    {
      name: SHEET.log,
      columns: [
        { label: '时间', format: DATETIME_FORMAT, width: 128 },
        text('编号', 150),
        text('动作', 110),
        text('原状态', 90),
        text('新状态', 90),
        text('操作人', 180),
        text('说明', 420),
      ],
    },
    {
      name: SHEET.departments,
      columns: DEPARTMENT_HEADERS.map((l) => text(l, 140)),
    },
    {
      name: SHEET.people,
      columns: [text('姓名', 90), text('邮箱', 200), { label: '角色', width: 140, options: ROLES }, text('部室', 140)],
    },
    {
      name: SHEET.limits,
      columns: [
        text('节点', 90),
        text('事项类型', 90),
        { label: '时限', format: '0', width: 60 },
        { label: '单位', width: 80, options: ['日', '工作日', '工作小时'] },
      ],
      seedRows: () => DEFAULT_TIME_LIMITS.map((l) => [l.node, l.matterType ?? '', l.amount, l.unit]),
    },
    {
      name: SHEET.holidays,
      columns: [
        { label: '日期', format: DATE_FORMAT, width: 100 },
        { label: '类型', width: 60, options: ['休', '班'] },
        text('名称', 160),
      ],
      seedRows: () =>
        officialEntries()
          .filter((e) => e.date >= '2025-01-01')
          .map((e) => [e.date, e.kind, e.name ?? '']),
    },
    {
      name: SHEET.settings,
      columns: [text('设置项', 160), text('值', 260), text('说明', 420)],
      seedRows: () => DEFAULT_SETTINGS_ROWS.map((r) => [...r]),
    },
  ];
}
