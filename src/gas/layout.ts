// The shape of every sheet the app keeps: names, headers, formats, widths, seed rows. Setup creates and repairs
// from this; the adapters find columns by these labels.
import { HEADLINE } from '../core/analysis';
import { officialEntries } from '../core/calendar';
import { DEFAULT_TIME_LIMITS } from '../core/deadlines';
import {
  DERIVED_FIELDS,
  ledgerFields,
  ROLES,
  type DerivedFieldSpec,
  type DerivedKey,
  type FieldSpec,
} from '../core/model';
import { RECORD_KIND_IDS, recordColumns, recordSpec, type RecordFieldSpec } from '../core/records';
import { SETTINGS, settingRows } from '../core/settings';

export const SHEET = {
  ledger: '台账',
  log: '流转记录',
  departments: '部室',
  people: '人员',
  limits: '时限',
  holidays: '节假日',
  settings: '设置',
  reminders: '提醒记录',
  summary: '月度汇总',
  queue: '工作台索引',
} as const;

/** The index's columns, in order (the sheet is the app's own: hidden, and never typed into). */
export const QUEUE_HEADERS = [
  '编号',
  '行',
  '承办部室',
  '状态',
  '当前环节',
  '环节期限',
  '期限状态',
  '事项类型',
  '问题类别',
  '信访人姓名',
  '信访诉求',
] as const;

/** 月度汇总: one row per complete month, its headline figures as the analysis counted them (issue 16). */
export const SUMMARY_MONTH = '月份';
export const SUMMARY_BUILT = '生成时间';

/** The derived deadline columns' labels by key, as the model names them (script-owned, never tracked). */
export const DERIVED = Object.fromEntries(DERIVED_FIELDS.fields.map((f) => [f.key, f.label])) as Record<
  DerivedKey,
  string
>;

/** 部室: the list of departments, the 承办部室 dropdown. Who leads and who liaises for each is kept in 人员. */
export const DEPARTMENT_HEADERS = ['部室'] as const;

/**
 * 人员: one line per person and role — who is who. 部室: their own department (部室联络员, 承办人) or the lines they
 * oversee (事项分管领导; empty = every line). AB角: A or B for a 部室联络员 (双联络员制). A person with several roles
 * has several lines; the app merges them by 邮箱.
 */
export const PEOPLE_HEADERS = {
  name: '姓名',
  email: '邮箱',
  role: '角色',
  department: '部室',
  liaison: 'AB角',
  mobile: '手机',
} as const;

/** 设置 columns. */
export const SETTINGS_HEADERS = { key: '设置项', value: '值', description: '说明' } as const;

/** 时限 columns. */
export const LIMIT_HEADERS = { node: '节点', matterType: '事项类型', amount: '时限', unit: '单位' } as const;

/** 节假日 columns. */
export const HOLIDAY_HEADERS = { date: '日期', kind: '类型', name: '名称' } as const;

/** 提醒记录 columns: one row per item delivered to one recipient (the date is text: the record's key). */
export const REMINDER_HEADERS = {
  date: '日期',
  node: '环节',
  caseNo: '编号',
  to: '收件人',
  sentAt: '发送时间',
} as const;

/** 流转记录 columns. */
export const LOG_HEADERS = ['时间', '编号', '动作', '原状态', '新状态', '操作人', '说明'] as const;
const LOG_WIDTHS = [128, 150, 110, 90, 90, 180, 420];

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
  /** Hidden from people (the ledger's row record and anchor); setup keeps it hidden, at the far right. */
  hidden?: boolean;
}

/** One sheet: its columns in order and the rows it starts with when created. */
export interface SheetSpec {
  name: string;
  columns: ColumnSpec[];
  seedRows?: () => unknown[][];
  /** The app's own sheet, hidden from people (the workbench index). */
  hidden?: true;
}

/** The two liaisons of a department (双联络员制, 互为AB角). */
export const LIAISON_SLOTS = ['A', 'B'] as const;

export const DATE_FORMAT = 'yyyy-mm-dd';
export const DATETIME_FORMAT = 'yyyy-mm-dd hh:mm';
const YES_NO = ['是', '否'] as const;

function ledgerColumn(f: FieldSpec | DerivedFieldSpec): ColumnSpec {
  if (!('scriptOwned' in f)) {
    const shown = { label: f.label, scriptOwned: true };
    if (f.kind === 'int') return { ...shown, format: '0', width: 56 };
    if (f.kind === 'datetime') return { ...shown, format: DATETIME_FORMAT, width: 128 };
    return { ...shown, format: '@', width: f.key === 'actor' ? 200 : 96 };
  }
  const base = { label: f.label, scriptOwned: f.scriptOwned, ...(f.hidden ? { hidden: true } : {}) };
  switch (f.kind) {
    case 'date':
      return { ...base, format: DATE_FORMAT, width: 96 };
    case 'datetime':
      return { ...base, format: DATETIME_FORMAT, width: 128 };
    case 'int':
      return { ...base, format: '0', width: 56 };
    case 'number':
      return { ...base, format: '0.0', width: 72 };
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

/** The ledger: every column of the model in the model's order (derived deadline columns included). */
export function ledgerColumns(): ColumnSpec[] {
  return ledgerFields().map(ledgerColumn);
}

const text = (label: string, width = 120): ColumnSpec => ({ label, format: '@', width });

/** The 设置 key holding the 问题类别 list (the office edits it; the dropdown is refreshed by 初始化/修复). */
export const CATEGORY_SETTING = SETTINGS.categories.key;

/** A record sheet's column (src/core/records.ts): typed like the ledger's. */
function recordColumn(f: RecordFieldSpec): ColumnSpec {
  switch (f.kind) {
    case 'date':
      return { label: f.label, format: DATE_FORMAT, width: 96 };
    case 'datetime':
      return { label: f.label, format: DATETIME_FORMAT, width: 128 };
    case 'int':
      return { label: f.label, format: '0', width: 56 };
    case 'number':
      return { label: f.label, format: '0.0', width: 72 };
    case 'bool':
      return { label: f.label, options: YES_NO, width: 72 };
    case 'enum':
      return { label: f.label, options: f.options, width: 96 };
    default:
      return text(f.label, f.key === 'caseNo' ? 150 : f.label.length > 4 ? 280 : 120);
  }
}

/** One sheet per record kind, laid out from the kind's columns. */
export function recordSheetSpecs(): SheetSpec[] {
  return RECORD_KIND_IDS.map((kind) => ({
    name: recordSpec(kind).sheet,
    columns: recordColumns(kind).map(recordColumn),
  }));
}

/** Every sheet the app lays out, in tab order. */
export function sheetSpecs(): SheetSpec[] {
  return [
    { name: SHEET.ledger, columns: ledgerColumns() },
    {
      name: SHEET.log,
      columns: LOG_HEADERS.map((l, i) =>
        i === 0 ? { label: l, format: DATETIME_FORMAT, width: 128 } : text(l, LOG_WIDTHS[i] ?? 120),
      ),
    },
    {
      name: SHEET.departments,
      columns: DEPARTMENT_HEADERS.map((l) => text(l, 140)),
    },
    {
      name: SHEET.people,
      columns: [
        text(PEOPLE_HEADERS.name, 90),
        text(PEOPLE_HEADERS.email, 200),
        { label: PEOPLE_HEADERS.role, width: 140, options: ROLES },
        text(PEOPLE_HEADERS.department, 160),
        { label: PEOPLE_HEADERS.liaison, width: 60, options: LIAISON_SLOTS },
        text(PEOPLE_HEADERS.mobile, 110),
      ],
    },
    {
      name: SHEET.limits,
      columns: [
        text(LIMIT_HEADERS.node, 90),
        text(LIMIT_HEADERS.matterType, 90),
        { label: LIMIT_HEADERS.amount, format: '0', width: 60 },
        { label: LIMIT_HEADERS.unit, width: 80, options: ['日', '工作日', '工作小时'] },
      ],
      seedRows: () => DEFAULT_TIME_LIMITS.map((l) => [l.node, l.matterType ?? '', l.amount, l.unit]),
    },
    {
      name: SHEET.holidays,
      columns: [
        { label: HOLIDAY_HEADERS.date, format: DATE_FORMAT, width: 100 },
        { label: HOLIDAY_HEADERS.kind, width: 60, options: ['休', '班'] },
        text(HOLIDAY_HEADERS.name, 160),
      ],
      seedRows: () =>
        officialEntries()
          .filter((e) => e.date >= '2025-01-01')
          .map((e) => [e.date, e.kind, e.name ?? '']),
    },
    {
      name: SHEET.settings,
      columns: [
        text(SETTINGS_HEADERS.key, 160),
        text(SETTINGS_HEADERS.value, 260),
        text(SETTINGS_HEADERS.description, 420),
      ],
      seedRows: () => settingRows().map((r) => [r.key, r.defaultText, r.description]),
    },
    ...recordSheetSpecs(),
    {
      name: SHEET.reminders,
      columns: [
        text(REMINDER_HEADERS.date, 96),
        text(REMINDER_HEADERS.node, 120),
        text(REMINDER_HEADERS.caseNo, 150),
        text(REMINDER_HEADERS.to, 200),
        { label: REMINDER_HEADERS.sentAt, format: DATETIME_FORMAT, width: 128 },
      ],
    },
    {
      name: SHEET.summary,
      columns: [
        text(SUMMARY_MONTH, 80),
        ...HEADLINE.map((h) => ({
          label: h.label,
          format: h.unit === '比率' ? '0.0%' : h.unit === '工作日' ? '0.0' : '0',
          width: 84,
        })),
        { label: SUMMARY_BUILT, format: DATETIME_FORMAT, width: 128 },
      ],
    },
    {
      name: SHEET.queue,
      hidden: true,
      columns: QUEUE_HEADERS.map((l) =>
        l === '行'
          ? { label: l, format: '0', width: 60 }
          : l === '环节期限'
            ? { label: l, format: DATETIME_FORMAT, width: 128 }
            : text(l, 100),
      ),
    },
  ];
}
