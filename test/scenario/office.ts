// A petition office in the local runtime: the real bundle loaded, the sheets set up by the owner through the
// menu, people and departments typed in, and helpers that act as those people and read what they would see.
import { createGasEnvironment, type GasEnvironment } from '../../emulator/index';
import { toShanghaiDate, formatDateTime } from '../../src/core/dates';
import { ensureDist } from '../helpers/dist';

export const DOMAIN = 'jinghu.gov.cn';
const mail = (name: string): string => `${name}@${DOMAIN}`;

/** The office's people (人员) as the scenario uses them; `ab`: which liaison (A or B) of their department. */
export const PEOPLE = {
  office: { name: '王芳', email: mail('wangfang'), role: '信访办', dept: '综合事务部', ab: '', mobile: '' },
  principal: { name: '赵强', email: mail('zhaoqiang'), role: '主职领导', dept: '', ab: '', mobile: '' },
  petitionLeader: { name: '钱伟', email: mail('qianwei'), role: '信访工作分管领导', dept: '', ab: '', mobile: '' },
  lineLeader: {
    name: '孙丽',
    email: mail('sunli'),
    role: '事项分管领导',
    dept: '规划建设部,综合事务部',
    ab: '',
    mobile: '',
  },
  liaison: {
    name: '李明',
    email: mail('liming'),
    role: '部室联络员',
    dept: '规划建设部',
    ab: 'A',
    mobile: '13800000001',
  },
  liaisonB: {
    name: '陈晨',
    email: mail('chenchen'),
    role: '部室联络员',
    dept: '规划建设部',
    ab: 'B',
    mobile: '13800000002',
  },
  handler: { name: '周杰', email: mail('zhoujie'), role: '承办人', dept: '规划建设部', ab: '', mobile: '' },
  /** 规划建设部's head (部长): annex 5's 部长（主任）办理意见 and annex 4's 接待部室意见. */
  head: { name: '刘洋', email: mail('liuyang'), role: '部室负责人', dept: '规划建设部', ab: '', mobile: '' },
  /** 综合事务部's head (主任), who receives comprehensive walk-ins (annex 2). */
  head2: { name: '何静', email: mail('hejing'), role: '部室负责人', dept: '综合事务部', ab: '', mobile: '' },
  liaison2: {
    name: '吴敏',
    email: mail('wumin'),
    role: '部室联络员',
    dept: '综合事务部',
    ab: 'A',
    mobile: '13800000003',
  },
} as const;
export type Who = keyof typeof PEOPLE;

/** 人员 as typed: 姓名, 邮箱, 角色, 部室, AB角, 手机 (the sheet's own column order). */
export const PEOPLE_ROWS = Object.values(PEOPLE).map((p) => [p.name, p.email, p.role, p.dept, p.ab, p.mobile]);

/** The ledger's lead columns as the issue orders them (编号 and 状态 frozen), the case's facts after the first six. */
export const LEAD_LABELS = [
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
] as const;

/** 部室: the departments' names only (who leads and who liaises is in 人员). */
export const DEPARTMENTS = [['规划建设部'], ['综合事务部'], ['经济发展部']];

/** Answers every alert the next step will show with OK (a person reading it and clicking OK). */
export function ok(env: GasEnvironment, times = 1): void {
  for (let i = 0; i < times; i++) env.answerNextDialog({ button: 'OK' });
}

/** A fresh office: bundle loaded, setup run from the menu by the owner (信访办's 王芳), people and departments typed. */
export function startOffice(
  now = '2026-10-09T09:00:00+08:00',
  options: { accountType?: 'workspace' | 'consumer' } = {},
): GasEnvironment {
  const env = createGasEnvironment({ now, owner: PEOPLE.office.email, seed: 11, ...options });
  env.loadBundle(ensureDist());
  env.open();
  ok(env);
  env.clickMenu('信访台账', '初始化/修复', '初始化/修复');
  env.typeInto('人员', 'A2', PEOPLE_ROWS);
  env.typeInto('部室', 'A2', DEPARTMENTS);
  return env;
}

/** Header label → column (1-based) of a sheet, read as the owner. */
export function headerOf(env: GasEnvironment, sheetName: string): Map<string, number> {
  const sheet = env.globals.SpreadsheetApp.getActive().getSheetByName(sheetName)!;
  const labels = sheet.getRange(1, 1, 1, sheet.getLastColumn()).getValues()[0]!;
  return new Map(labels.map((l, i) => [String(l), i + 1]));
}

/** A cell as a person reads it: dates as YYYY-MM-DD (date-times with the time), booleans as written. */
function shown(v: unknown): unknown {
  if (Object.prototype.toString.call(v) === '[object Date]') {
    const d = v as Date;
    const time = formatDateTime(d);
    return time.endsWith('00:00') ? toShanghaiDate(d) : time;
  }
  return v;
}

/** The rows of a sheet as records keyed by header label. */
export function rowsOf(env: GasEnvironment, sheetName: string): Record<string, unknown>[] {
  const sheet = env.globals.SpreadsheetApp.getActive().getSheetByName(sheetName)!;
  const last = sheet.getLastRow();
  if (last < 2) return [];
  const header = [...headerOf(env, sheetName).keys()];
  return sheet
    .getRange(2, 1, last - 1, header.length)
    .getValues()
    .map((r) => Object.fromEntries(header.map((h, i) => [h, shown(r[i])])));
}

/** The ledger row of a case by 编号. */
export function caseRow(env: GasEnvironment, caseNo: string): Record<string, unknown> {
  const row = rowsOf(env, '台账').find((r) => r['编号'] === caseNo);
  if (!row) throw new Error(`no ledger row with 编号 ${caseNo}`);
  return row;
}

/** The sheet row number of a case (it moves when the ledger is sorted). */
export function rowNumberOf(env: GasEnvironment, caseNo: string): number {
  const i = rowsOf(env, '台账').findIndex((r) => r['编号'] === caseNo);
  if (i < 0) throw new Error(`no ledger row with 编号 ${caseNo}`);
  return i + 2;
}

/** The 流转记录 lines of one case. */
export function logOf(env: GasEnvironment, caseNo: string): Record<string, unknown>[] {
  return rowsOf(env, '流转记录').filter((r) => r['编号'] === caseNo);
}

/** A person selects the case's row in 台账 (whole row). */
export function selectCase(env: GasEnvironment, who: Who, ...caseNos: string[]): void {
  const rows = caseNos.map((n) => rowNumberOf(env, n)).sort((a, b) => a - b);
  env.select('台账', `A${rows[0]}:A${rows[rows.length - 1]}`, { user: PEOPLE[who].email });
}

/** The data the last modal dialog was opened with (what the page holds in `DATA`). */
export function lastDialogData(env: GasEnvironment): { action: string; caseIds: string[]; fields: { key: string }[] } {
  const d = env.ui.dialogs[env.ui.dialogs.length - 1];
  if (!d) throw new Error('no dialog was shown');
  const m = /var DATA = (\{.*?\});\n/.exec(d.html);
  if (!m) throw new Error(`the last dialog is not an action dialog: ${d.title}`);
  return JSON.parse(m[1]!);
}

/**
 * A person runs a menu action on the selected case: opens the menu, clicks, and — when a dialog opens — fills its
 * fields and submits it, as google.script.run would. Returns the dialog's answer (or undefined).
 */
export function act(
  env: GasEnvironment,
  who: Who,
  caseNo: string,
  path: [string, string],
  fields?: Record<string, string>,
): { ok: boolean; message: string } | undefined {
  const user = PEOPLE[who].email;
  env.open({ user });
  selectCase(env, who, caseNo);
  const before = env.ui.dialogs.length;
  env.clickMenu('信访台账', ...path, { user });
  if (env.ui.dialogs.length === before) return undefined;
  const data = lastDialogData(env);
  return env.submitDialog('submitAction', [{ action: data.action, caseIds: data.caseIds, fields: fields ?? {} }], {
    user,
  }) as {
    ok: boolean;
    message: string;
  };
}

/** The last toast a person saw. */
export function lastToast(env: GasEnvironment): string {
  const t = env.ui.toasts[env.ui.toasts.length - 1] as { message?: string } | undefined;
  return t?.message ?? '';
}

/** The last alert a person saw. */
export function lastAlert(env: GasEnvironment): string {
  const a = env.ui.alerts[env.ui.alerts.length - 1];
  return a ? `${a.title ?? ''}\n${a.message ?? ''}` : '';
}

/** A platform case's registration form, as 信访办 fills the sidebar. */
export const PLATFORM_CASE = {
  petitionDate: '2026-10-09',
  petitionerName: '张三',
  personCount: '1',
  phone: '13812345678',
  idNumber: '11010519491231002X',
  address: '镜湖新区梅山街道某小区',
  source: '上级',
  upstreamNo: 'ZJ2026100900123',
  form: '网上信访',
  matterType: '投诉',
  category: '城乡建设',
  demand: '小区旁工地夜间施工，噪音扰民，要求限制施工时间。',
};

/** 信访办 registers a case from the 新建信访件 sidebar; returns the sidebar's answer. */
export function register(
  env: GasEnvironment,
  fields: Record<string, string>,
  who: Who = 'office',
): { ok: boolean; caseNo: string; state: string; warnings: string[]; reasons?: string[] } {
  const user = PEOPLE[who].email;
  env.open({ user });
  env.clickMenu('信访台账', '新建信访件…', { user });
  return env.submitDialog('submitNewCase', [fields], { user }) as {
    ok: boolean;
    caseNo: string;
    state: string;
    warnings: string[];
  };
}

/** The A1 address of a case's cell in 台账, by 编号 and column label. */
export function cellOf(env: GasEnvironment, caseNo: string, label: string): string {
  const col = headerOf(env, '台账').get(label);
  if (!col) throw new Error(`台账 has no column ${label}`);
  return `${columnLetter(col)}${rowNumberOf(env, caseNo)}`;
}

/** Column number → letters (1 → A, 27 → AA). */
export function columnLetter(col: number): string {
  let s = '';
  for (let n = col; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}
