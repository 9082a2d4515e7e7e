// Named seeders for the adapter tests: a sheet laid out by the real bundle's 初始化/修复, then seeded from the host the
// way an office's sheet could look (old layouts, reordered or renamed headers, typed settings).
import { createGasEnvironment, type GasEnvironment } from '../../emulator/index';
import { ensureDist } from '../helpers/dist';
import { ok, PEOPLE } from '../scenario/office';

export type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
export type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

/** A local Apps Script project with the real bundle, owned by 信访办's 王芳; nothing laid out yet. */
export function bareOffice(now = '2026-10-09T09:00:00+08:00'): GasEnvironment {
  const env = createGasEnvironment({ now, owner: PEOPLE.office.email, seed: 11 });
  env.loadBundle(ensureDist());
  return env;
}

/** The owner runs 初始化/修复 from the menu; returns the alert they read. */
export function runSetup(env: GasEnvironment, user: string = PEOPLE.office.email): string {
  env.open({ user });
  ok(env);
  env.clickMenu('信访台账', '初始化/修复', '初始化/修复', { user });
  const a = env.ui.alerts[env.ui.alerts.length - 1];
  return a ? `${a.title ?? ''}\n${a.message ?? ''}` : '';
}

/** The spreadsheet as the owner sees it (host access, outside any execution). */
export function spreadsheet(env: GasEnvironment): Spreadsheet {
  return env.globals.SpreadsheetApp.getActive();
}

export function sheet(env: GasEnvironment, name: string): Sheet {
  const s = spreadsheet(env).getSheetByName(name);
  if (!s) throw new Error(`no sheet ${name}`);
  return s;
}

/** A sheet's header labels, in order. */
export function headerLabels(env: GasEnvironment, name: string): string[] {
  const s = sheet(env, name);
  return s
    .getRange(1, 1, 1, s.getLastColumn())
    .getValues()[0]!
    .map((v) => String(v));
}

/** Writes a sheet's rows (below the header) as records keyed by header label; unknown labels are an error. */
export function seedRows(
  env: GasEnvironment,
  name: string,
  rows: Record<string, unknown>[],
  startRow?: number,
): number {
  const s = sheet(env, name);
  const labels = headerLabels(env, name);
  const first = startRow ?? s.getLastRow() + 1;
  const grid = rows.map((r) => {
    for (const k of Object.keys(r)) if (!labels.includes(k)) throw new Error(`${name} has no column ${k}`);
    return labels.map((l) => (l in r ? r[l] : ''));
  });
  if (grid.length) s.getRange(first, 1, grid.length, labels.length).setValues(grid);
  return first;
}

/** A sheet's rows as records keyed by header label (the first of a doubled label wins). */
export function recordsOf(env: GasEnvironment, name: string): Record<string, unknown>[] {
  const s = sheet(env, name);
  const labels = headerLabels(env, name);
  if (s.getLastRow() < 2) return [];
  return s
    .getRange(2, 1, s.getLastRow() - 1, labels.length)
    .getValues()
    .map((r) => {
      const out: Record<string, unknown> = {};
      labels.forEach((l, i) => (l in out ? undefined : (out[l] = r[i])));
      return out;
    });
}

/** The 台账 header rewritten: `edit` gets the model's labels in sheet order and returns the header to write. */
export function rewriteLedgerHeader(env: GasEnvironment, edit: (labels: string[]) => string[]): void {
  const s = sheet(env, '台账');
  const labels = edit(headerLabels(env, '台账'));
  if (labels.length > s.getMaxColumns()) s.insertColumnsAfter(s.getMaxColumns(), labels.length - s.getMaxColumns());
  s.getRange(1, 1, 1, s.getMaxColumns()).clearContent();
  s.getRange(1, 1, 1, labels.length).setValues([labels]);
}

/** The old 部室 layout (before 人员 held the liaisons): each department with its leader and A/B liaisons. */
export const OLD_DEPARTMENT_HEADER = [
  '部室',
  '分管领导',
  '分管领导邮箱',
  '联络员A',
  '联络员A邮箱',
  '联络员A手机',
  '联络员B',
  '联络员B邮箱',
  '联络员B手机',
];

/** An office's sheet from before the people table: 部室 with liaison columns, 设置 with the leaders' mail rows. */
export function seedOldLayout(env: GasEnvironment, departments: string[][], leaderMails: Record<string, string>): void {
  const ss = spreadsheet(env);
  const dept = ss.insertSheet('部室');
  dept.getRange(1, 1, 1, OLD_DEPARTMENT_HEADER.length).setValues([OLD_DEPARTMENT_HEADER]);
  if (departments.length) dept.getRange(2, 1, departments.length, OLD_DEPARTMENT_HEADER.length).setValues(departments);
  const settings = ss.insertSheet('设置');
  const rows = [
    ['单位名称', '镜湖新区开发办', '印在表单和提醒上的单位名称'],
    ...Object.entries(leaderMails).map(([k, v]) => [k, v, '多个邮箱用逗号分隔']),
    ['集体访人数', '5', '人数达到该值标记为集体访'],
  ];
  settings.getRange(1, 1, 1, 3).setValues([['设置项', '值', '说明']]);
  settings.getRange(2, 1, rows.length, 3).setValues(rows);
}

/** Sets 设置 values by key (host write; the row of each key is found by reading the sheet). */
export function setSettings(env: GasEnvironment, values: Record<string, string>): void {
  const s = sheet(env, '设置');
  const keys = s
    .getRange(2, 1, s.getLastRow() - 1, 1)
    .getValues()
    .map((r) => String(r[0]));
  for (const [k, v] of Object.entries(values)) {
    const i = keys.indexOf(k);
    if (i < 0) throw new Error(`设置 has no row ${k}`);
    s.getRange(i + 2, 2).setValue(v);
  }
}

/** The row of a 设置 key. */
export function settingRow(env: GasEnvironment, key: string): number {
  return recordsOf(env, '设置').findIndex((r) => r['设置项'] === key) + 2;
}

/**
 * The spreadsheet with every Range.setValues recorded as `sheet!A1` (the adapters take the spreadsheet as a
 * parameter, so a test can see exactly which cells an adapter writes).
 */
export function recordingWrites(ss: Spreadsheet): { ss: Spreadsheet; writes: string[] } {
  const writes: string[] = [];
  const wrapRange = (r: GoogleAppsScript.Spreadsheet.Range, sheetName: string): GoogleAppsScript.Spreadsheet.Range =>
    new Proxy(r, {
      get(target, prop) {
        if (prop === 'setValues' || prop === 'setValue')
          return (...args: unknown[]) => {
            writes.push(`${sheetName}!${target.getA1Notation()}`);
            return (target[prop] as (...a: unknown[]) => unknown).apply(target, args);
          };
        const v = Reflect.get(target, prop) as unknown;
        return typeof v === 'function' ? v.bind(target) : v;
      },
    });
  const wrapSheet = (s: Sheet): Sheet =>
    new Proxy(s, {
      get(target, prop) {
        if (prop === 'getRange')
          return (...args: unknown[]) =>
            wrapRange(
              (target.getRange as (...a: unknown[]) => GoogleAppsScript.Spreadsheet.Range)(...args),
              target.getName(),
            );
        const v = Reflect.get(target, prop) as unknown;
        return typeof v === 'function' ? v.bind(target) : v;
      },
    });
  const proxy = new Proxy(ss, {
    get(target, prop) {
      if (prop === 'getSheetByName')
        return (name: string) => {
          const s = target.getSheetByName(name);
          return s ? wrapSheet(s) : s;
        };
      const v = Reflect.get(target, prop) as unknown;
      return typeof v === 'function' ? v.bind(target) : v;
    },
  });
  return { ss: proxy, writes };
}
