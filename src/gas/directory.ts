// The 人员 and 部室 sheets: who may do what, and each department's liaisons.
import type { Directory } from '../app/ports';
import { ROLES, type Person, type Role } from '../core/model';
import { DEPARTMENT_HEADERS, SHEET } from './layout';
import { readHeader, readRecords, requireColumns, sheetNamed } from './table';

/** One line of 部室. */
export interface Department {
  name: string;
  leader: string;
  leaderEmail: string;
  liaisons: { name: string; email: string; mobile: string }[];
}

const split = (v: unknown): string[] =>
  String(v ?? '')
    .split(/[,，、;；\s]+/)
    .map((s) => s.trim())
    .filter(Boolean);

export class SheetDirectory implements Directory {
  private people: Person[] | null = null;
  constructor(private readonly ss: GoogleAppsScript.Spreadsheet.Spreadsheet) {}

  /** People by e-mail; a person on several lines (one role each) is merged. Unknown roles are ignored. */
  listPeople(): Person[] {
    if (this.people) return this.people;
    const sheet = sheetNamed(this.ss, SHEET.people);
    const cols = requireColumns(SHEET.people, readHeader(sheet), ['姓名', '邮箱', '角色', '部室']);
    const byEmail = new Map<string, Person>();
    for (const { values } of readRecords(sheet, cols)) {
      const email = String(values['邮箱']).trim().toLowerCase();
      if (!email) continue;
      const p = byEmail.get(email) ?? {
        email,
        name: String(values['姓名']).trim() || email,
        roles: [],
        departments: [],
      };
      for (const r of split(values['角色']))
        if ((ROLES as readonly string[]).includes(r) && !p.roles.includes(r as Role)) p.roles.push(r as Role);
      for (const d of split(values['部室'])) if (!p.departments.includes(d)) p.departments.push(d);
      byEmail.set(email, p);
    }
    return (this.people = [...byEmail.values()]);
  }

  findByEmail(email: string): Person | null {
    const e = email.trim().toLowerCase();
    return e ? (this.listPeople().find((p) => p.email === e) ?? null) : null;
  }

  departments(): Department[] {
    const sheet = sheetNamed(this.ss, SHEET.departments);
    const cols = requireColumns(SHEET.departments, readHeader(sheet), DEPARTMENT_HEADERS);
    return readRecords(sheet, cols)
      .map(({ values: v }) => ({
        name: String(v['部室']).trim(),
        leader: String(v['分管领导']).trim(),
        leaderEmail: String(v['分管领导邮箱']).trim(),
        liaisons: (['A', 'B'] as const)
          .map((x) => ({
            name: String(v[`联络员${x}`]).trim(),
            email: String(v[`联络员${x}邮箱`]).trim(),
            mobile: String(v[`联络员${x}手机`]).trim(),
          }))
          .filter((l) => l.name || l.email),
      }))
      .filter((d) => d.name);
  }
}
