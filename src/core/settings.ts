// The 设置 sheet's one table: each setting's key, default, parser and description. Setup seeds 设置 from it, the
// adapters read the sheet with it, the help describes it; a bad value falls back to its default and is reported.
import { DEFAULT_OFFICE_HOURS, formatOfficeHours, parseOfficeHours, type OfficeHours } from './calendar';
import { DEFAULT_CASE_NUMBER_CONFIG } from './caseNumber';
import { DEFAULT_MAX_EXTENSION_DAYS } from './deadlines';
import { DEFAULT_REPEAT_WINDOW_DAYS } from './duplicates';
import { CLOSE_EVENTS, ROLES, type Role } from './model';
import type { WorkflowSettings } from './roles';

type Parsed<T> = { ok: true; value: T } | { ok: false; reason: string };

/** One setting: its key in 设置 (as the office reads it), its default as the sheet shows it, and how it is read. */
export interface SettingSpec<T> {
  key: string;
  defaultText: string;
  description: string;
  /** Reads the cell's trimmed text ('' included: an empty cell means the default unless the setting says otherwise). */
  parse: (text: string) => Parsed<T>;
}

const setting = <T>(
  key: string,
  defaultText: string,
  description: string,
  parse: (text: string) => Parsed<T>,
): SettingSpec<T> => ({ key, defaultText, description, parse });

/** Items of a list typed into one cell: separated by commas, 、, semicolons or spaces. */
export function splitList(text: string): string[] {
  return String(text ?? '')
    .split(/[,，、;；\s]+/)
    .map((s) => s.trim())
    .filter(Boolean);
}

function int(key: string, def: number, min: number, max: number, description: string): SettingSpec<number> {
  return setting(key, String(def), description, (t) => {
    if (t === '') return { ok: true, value: def };
    const n = Number(t);
    if (Number.isInteger(n) && n >= min && n <= max) return { ok: true, value: n };
    return { ok: false, reason: `「${t}」应为 ${min}–${max} 的整数` };
  });
}

function text(key: string, def: string, description: string): SettingSpec<string> {
  return setting(key, def, description, (t) => ({ ok: true, value: t || def }));
}

/** A list where an empty cell means an empty list. */
function list(key: string, def: readonly string[], description: string): SettingSpec<string[]> {
  return setting(key, def.join(','), description, (t) => ({ ok: true, value: splitList(t) }));
}

function roles(key: string, def: readonly Role[], description: string): SettingSpec<Role[]> {
  return setting(key, def.join(','), description, (t) => {
    const items = splitList(t);
    if (items.length === 0) return { ok: true, value: [...def] };
    const bad = items.filter((r) => !(ROLES as readonly string[]).includes(r));
    if (bad.length) return { ok: false, reason: `「${bad.join('、')}」不是角色（可选：${ROLES.join('、')}）` };
    return { ok: true, value: items as Role[] };
  });
}

function oneOf<const O extends readonly string[]>(
  key: string,
  options: O,
  def: O[number],
  description: string,
): SettingSpec<O[number]> {
  return setting(key, def, description, (t) => {
    if (t === '') return { ok: true, value: def };
    if ((options as readonly string[]).includes(t)) return { ok: true, value: t as O[number] };
    return { ok: false, reason: `「${t}」应为 ${options.join(' 或 ')}` };
  });
}

function years(key: string, description: string): SettingSpec<number[]> {
  return setting(key, '', description, (t) => {
    const items = splitList(t);
    const bad = items.filter((y) => !/^\d{4}$/.test(y));
    if (bad.length) return { ok: false, reason: `「${bad.join('、')}」不是四位年份` };
    return { ok: true, value: items.map(Number) };
  });
}

function brackets(key: string, def: string, description: string): SettingSpec<{ open: string; close: string }> {
  return setting(key, def, description, (t) => {
    const chars = [...(t || def)];
    if (chars.length !== 2) return { ok: false, reason: `「${t}」应为左右两个括号字符，如 〔〕` };
    return { ok: true, value: { open: chars[0]!, close: chars[1]! } };
  });
}

function hours(key: string, description: string): SettingSpec<OfficeHours> {
  return setting(key, formatOfficeHours(DEFAULT_OFFICE_HOURS), description, (t) => {
    if (t === '') return { ok: true, value: DEFAULT_OFFICE_HOURS };
    const r = parseOfficeHours(t);
    return r.ok ? { ok: true, value: r.hours } : { ok: false, reason: r.reason };
  });
}

/** Every setting the 设置 sheet holds, in the order it lists them. Nothing else in 设置 is read. */
export const SETTINGS = {
  officeName: text('单位名称', '镜湖新区开发办', '通知邮件开头署名的单位名称'),
  officeFullName: text('单位全称', '绍兴市镜湖新区开发建设办公室', '表单（附件3–7）中「单位名称」和落款处的单位全称'),
  bureauName: text(
    '上级信访部门',
    '绍兴市信访局',
    '核实情况说明（附件6）的报送单位，联系函（附件7）中「XX信访事项（编号）」的信访部门',
  ),
  caseNoPrefix: text('编号前缀', DEFAULT_CASE_NUMBER_CONFIG.prefix, '编号格式：前缀〔年份〕序号号'),
  caseNoBrackets: brackets(
    '编号括号',
    DEFAULT_CASE_NUMBER_CONFIG.open + DEFAULT_CASE_NUMBER_CONFIG.close,
    '编号中年份两侧的括号（两个字符）',
  ),
  letterNoPrefix: text(
    '联系函编号前缀',
    '镜信联',
    '信访事项联系函（附件7）的编号：前缀〔年份〕序号号（括号同「编号括号」），每年从1号起',
  ),
  reminderHour: int(
    '提醒时刻',
    8,
    0,
    23,
    '工作日每天发送期限提醒的时段（0–23 点，北京时间；Apps Script 在该小时内的某一时刻运行）。修改后运行「初始化/修复」生效',
  ),
  dueSoonWorkdays: int(
    '临期提醒工作日',
    3,
    0,
    30,
    '当前环节的期限只剩这么多个工作日（含当天到期）时，「期限状态」标为「即将到期」',
  ),
  closeEvent: oneOf(
    '平台件办结时点',
    CLOSE_EVENTS,
    '系统回复',
    '上级（平台）交办件的办结期限在哪一步停止计时：系统回复（在平台答复即办结，默认）或 办结签批；本级件在办结签批时停止计时',
  ),
  escalateAfterWorkdays: int(
    '升级提醒工作日',
    3,
    0,
    60,
    '部室的待办逾期超过这么多个工作日时，提醒邮件同时抄送该部室的事项分管领导',
  ),
  chaseWorkHours: int(
    '催办提前工作小时',
    2,
    1,
    8,
    '签收、接收、退单等当天到期的环节，在期限前这么多个工作小时内由上班时间每小时一次的催办提醒一次（每小时的运行时刻不固定，不宜小于2）',
  ),
  groupVisitThreshold: int('集体访人数', 5, 2, 1000, '人数达到该值标记为集体访'),
  receptionLimit: int(
    '接待人数上限',
    5,
    1,
    1000,
    '现场接访一般不超过的人数，超过时提醒（条例第二十条：代表不超过5人）',
  ),
  repeatWindowDays: int(
    '重复信访天数',
    DEFAULT_REPEAT_WINDOW_DAYS,
    1,
    3650,
    '同一身份证号码或电话在该天数内再次信访，提示重复信访',
  ),
  maxExtensionDays: int(
    '延期最长天数',
    DEFAULT_MAX_EXTENSION_DAYS,
    1,
    365,
    '一件信访件累计最多可延期的日数（条例第三十四条：延长期限不得超过30日）',
  ),
  extensionApprovers: roles('延期审批角色', ['信访工作分管领导'], '可批准延期的角色，多个用逗号分隔'),
  officeHours: hours(
    '上班时间',
    '工作日的上班时段，用于按「工作小时」计算的期限（部室退单须在交办后3个工作小时内），如 08:30-12:00,13:30-17:30',
  ),
  comprehensiveDepartment: text('综合事务部', '综合事务部', '综合性来访的牵头部室'),
  confirmedHolidayYears: years(
    '节假日已确认年份',
    '国务院放假安排已完整录入「节假日」表的年份，多个用逗号分隔；其他年份按法定节假日暂定计算期限',
  ),
  categories: list(
    '问题类别列表',
    [
      '城乡建设',
      '国土资源',
      '农村农业',
      '劳动和社会保障',
      '卫生健康',
      '教育',
      '民政',
      '政法',
      '经济管理',
      '环境保护',
      '党纪政纪',
      '其他',
    ],
    '「台账」问题类别的下拉选项，逗号分隔；修改后运行「初始化/修复」生效',
  ),
} as const;

export type SettingId = keyof typeof SETTINGS;
/** Every setting's value as the app uses it. */
export type SettingValues = {
  [K in SettingId]: (typeof SETTINGS)[K] extends SettingSpec<infer T> ? T : never;
};

const IDS = Object.keys(SETTINGS) as SettingId[];
const spec = (id: SettingId): SettingSpec<unknown> => SETTINGS[id] as SettingSpec<unknown>;

/** The 设置 rows as setup writes them: key, default, description. */
export function settingRows(): { key: string; defaultText: string; description: string }[] {
  return IDS.map((id) => {
    const s = spec(id);
    return { key: s.key, defaultText: s.defaultText, description: s.description };
  });
}

/** Every setting at its default. */
export function defaultSettingValues(): SettingValues {
  const out: Record<string, unknown> = {};
  for (const id of IDS) {
    const r = spec(id).parse(spec(id).defaultText);
    if (!r.ok) throw new Error(`The default of ${spec(id).key} does not parse: ${r.reason}`);
    out[id] = r.value;
  }
  return out as SettingValues;
}

/** One line of 设置 as read: its sheet row, key and value (trimmed text). */
export interface SettingRow {
  row: number;
  key: string;
  value: string;
}

/**
 * The settings a sheet's rows give. A value that does not parse falls back to the default and is reported by sheet,
 * row and key; a key that is not a setting, or a key written twice (the later row wins), is reported too. A missing
 * row is its default. `byRow`: each reported row's message, for a note on that row.
 */
export function readSettings(rows: readonly SettingRow[]): {
  values: SettingValues;
  warnings: string[];
  byRow: Map<number, string>;
} {
  const values = defaultSettingValues() as Record<string, unknown>;
  const warnings: string[] = [];
  const byRow = new Map<number, string>();
  const report = (row: number, message: string): void => {
    warnings.push(`「设置」第 ${row} 行${message}`);
    byRow.set(row, message);
  };
  const idByKey = new Map(IDS.map((id) => [spec(id).key, id]));
  const seen = new Map<string, number>();
  for (const { row, key, value } of rows) {
    if (!key) continue;
    const id = idByKey.get(key);
    if (!id) {
      report(row, `「${key}」不是本系统的设置项，已忽略（可删除该行）`);
      continue;
    }
    const earlier = seen.get(key);
    if (earlier !== undefined) report(earlier, `「${key}」与第 ${row} 行重复，按第 ${row} 行的值处理`);
    seen.set(key, row);
    const s = spec(id);
    const r = s.parse(value);
    if (r.ok) values[id] = r.value;
    else {
      values[id] = (s.parse(s.defaultText) as { value: unknown }).value;
      report(row, `「${key}」：${r.reason}，已按默认值 ${s.defaultText || '（空）'} 处理`);
    }
  }
  return { values: values as SettingValues, warnings, byRow };
}

/** The workflow's settings from the 设置 values; the rest are the office's fixed rules (annexes 2 and 4). */
export function workflowSettings(v: SettingValues): WorkflowSettings {
  return {
    groupVisitThreshold: v.groupVisitThreshold,
    dueSoonWorkdays: v.dueSoonWorkdays,
    closeEvent: v.closeEvent,
    receptionLimit: v.receptionLimit,
    refuseOverReceptionLimit: false,
    repeatWindowDays: v.repeatWindowDays,
    maxExtensionDays: v.maxExtensionDays,
    extensionApprovers: v.extensionApprovers,
    walkInCloseSigners: ['主职领导'],
    comprehensiveDepartment: v.comprehensiveDepartment,
    caseNumber: { ...DEFAULT_CASE_NUMBER_CONFIG, prefix: v.caseNoPrefix, ...v.caseNoBrackets },
    letterNumber: { ...DEFAULT_CASE_NUMBER_CONFIG, prefix: v.letterNoPrefix, ...v.caseNoBrackets },
  };
}

/** The workflow's settings when 设置 says nothing. */
export const DEFAULT_SETTINGS: WorkflowSettings = workflowSettings(defaultSettingValues());
