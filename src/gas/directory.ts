// The 人员 and 部室 sheets: who is who (role, department, liaison A or B, mail, mobile) in 人员, the one table the
// app reads for roles and for whom to notify; 部室 is only the list of departments.
import { cachedConfig } from './config-cache';
import type { Directory } from '../app/ports';
import { ROLES, type Person, type Role } from '../core/model';
import { splitList } from '../core/settings';
import { DEPARTMENT_HEADERS, LIAISON_SLOTS, PEOPLE_HEADERS, SHEET } from './layout';
import { readHeader, readRecords, requireColumns, sheetNamed } from './table';

/** The 人员 headers every reader needs (手机 and AB角 are read when present: an old sheet gets them at 初始化/修复). */
const REQUIRED = [PEOPLE_HEADERS.name, PEOPLE_HEADERS.email, PEOPLE_HEADERS.role, PEOPLE_HEADERS.department];

/** One line of 人员 as typed: its row, the person's mail (lower case), one or more roles and departments. */
export interface PersonLine {
  row: number;
  name: string;
  email: string;
  /** The roles typed, as typed (unknown ones included, for the report). */
  roles: string[];
  departments: string[];
  /** 'A' or 'B' for a 部室联络员; '' when not given. */
  liaison: string;
  mobile: string;
}

/** Every line of 人员 with anything typed in it, in sheet order. */
export function readPeopleLines(ss: GoogleAppsScript.Spreadsheet.Spreadsheet): PersonLine[] {
  const sheet = sheetNamed(ss, SHEET.people);
  const header = readHeader(sheet);
  const h = PEOPLE_HEADERS;
  const optional = [h.liaison, h.mobile].filter((l) => header.columns.has(l));
  const cols = requireColumns(SHEET.people, header, [...REQUIRED, ...optional]);
  const cell = (v: Record<string, unknown>, label: string): string => String(v[label] ?? '').trim();
  return readRecords(sheet, cols)
    .map(({ row, values: v }) => ({
      row,
      name: cell(v, h.name),
      email: cell(v, h.email).toLowerCase(),
      roles: splitList(cell(v, h.role)),
      departments: splitList(cell(v, h.department)),
      liaison: cell(v, h.liaison).toUpperCase(),
      mobile: cell(v, h.mobile),
    }))
    .filter((l) => l.name || l.email || l.roles.length || l.departments.length);
}

/** What is wrong with 人员 lines, by sheet, row and field: such a line, or part of it, gives nobody a role. */
export function peopleProblems(lines: readonly PersonLine[], departments: readonly string[]): string[] {
  const out: string[] = [];
  const known = new Set(departments);
  const at = (l: PersonLine, field: string): string => `「${SHEET.people}」第 ${l.row} 行「${field}」`;
  for (const l of lines) {
    if (!l.email) {
      out.push(`${at(l, PEOPLE_HEADERS.email)}为空，本行不生效（按邮箱识别操作人和收件人）`);
      continue;
    }
    const bad = l.roles.filter((r) => !(ROLES as readonly string[]).includes(r));
    if (bad.length)
      out.push(`${at(l, PEOPLE_HEADERS.role)}：「${bad.join('、')}」不是角色（可选：${ROLES.join('、')}），已忽略`);
    if (l.roles.length === 0) out.push(`${at(l, PEOPLE_HEADERS.role)}为空，本行不授予任何角色`);
    const missing = known.size ? l.departments.filter((d) => !known.has(d)) : [];
    if (missing.length)
      out.push(
        `${at(l, PEOPLE_HEADERS.department)}：「${missing.join('、')}」不在「${SHEET.departments}」表中，请核对名称`,
      );
    if (l.liaison && !(LIAISON_SLOTS as readonly string[]).includes(l.liaison))
      out.push(`${at(l, PEOPLE_HEADERS.liaison)}：「${l.liaison}」应为 A 或 B`);
  }
  return out;
}

/** People merged by mail: a person on several lines (one role each) holds every role and department listed. */
export function mergePeople(lines: readonly PersonLine[]): Person[] {
  const byEmail = new Map<string, Person>();
  for (const l of lines) {
    if (!l.email) continue;
    const p = byEmail.get(l.email) ?? { email: l.email, name: l.name || l.email, roles: [], departments: [] };
    if (p.name === p.email && l.name) p.name = l.name;
    for (const r of l.roles)
      if ((ROLES as readonly string[]).includes(r) && !p.roles.includes(r as Role)) p.roles.push(r as Role);
    for (const d of l.departments) if (!p.departments.includes(d)) p.departments.push(d);
    if (l.roles.includes('部室联络员') && l.liaison && !p.liaisonSlot) p.liaisonSlot = l.liaison;
    if (l.mobile && !p.mobile) p.mobile = l.mobile;
    byEmail.set(l.email, p);
  }
  return [...byEmail.values()];
}

/** The 部室 sheet's department names, in order. */
export function readDepartments(ss: GoogleAppsScript.Spreadsheet.Spreadsheet): string[] {
  const sheet = sheetNamed(ss, SHEET.departments);
  const cols = requireColumns(SHEET.departments, readHeader(sheet), DEPARTMENT_HEADERS);
  const names = readRecords(sheet, cols).map(({ values }) => String(values[DEPARTMENT_HEADERS[0]]).trim());
  return [...new Set(names.filter(Boolean))];
}

export class SheetDirectory implements Directory {
  private people: Person[] | null = null;
  /** `cached`: through the Script Cache (the web app; src/gas/config-cache.ts). */
  constructor(
    private readonly ss: GoogleAppsScript.Spreadsheet.Spreadsheet,
    private readonly cached = false,
  ) {}

  /** People by e-mail, read once per execution; unknown roles give nothing. */
  listPeople(): Person[] {
    const read = (): Person[] => mergePeople(readPeopleLines(this.ss));
    return (this.people ??= this.cached ? cachedConfig('people', read) : read());
  }

  findByEmail(email: string): Person | null {
    const e = email.trim().toLowerCase();
    return e ? (this.listPeople().find((p) => p.email === e) ?? null) : null;
  }

  /** The departments of 部室, for the 承办部室 choices. */
  departments(): string[] {
    const read = (): string[] => readDepartments(this.ss);
    return this.cached ? cachedConfig('departments', read) : read();
  }
}
