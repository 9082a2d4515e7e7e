// 初始化/修复's part for people and settings: moves what older sheets kept elsewhere into the one table of each fact
// (部室's liaison and leader columns and 设置's leader mail rows into 人员), completes 设置 from the settings table,
// and reports what is wrong with 人员 and 设置. Appends only: a line the office typed is never overwritten.
import { readSettings, settingRows, splitList } from '../core/settings';
import type { Role } from '../core/model';
import { peopleProblems, readDepartments, readPeopleLines, type PersonLine } from './directory';
import { NOTE_MARK } from './edits';
import { PEOPLE_HEADERS, SETTINGS_HEADERS, SHEET } from './layout';
import { readSettingRows, SheetSettings } from './settings';
import { appendRows, readHeader, readRecords, requireColumns, sheetNamed } from './table';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

/** The 部室 columns of the old layout, where department leaders and the A/B liaisons used to be kept. */
const OLD_DEPARTMENT_COLUMNS = {
  leader: { name: '分管领导', email: '分管领导邮箱' },
  A: { name: '联络员A', email: '联络员A邮箱', mobile: '联络员A手机' },
  B: { name: '联络员B', email: '联络员B邮箱', mobile: '联络员B手机' },
} as const;

/** The 设置 rows of the old layout that named leaders by mail; their role now comes from 人员. */
const OLD_LEADER_SETTINGS: readonly { key: string; role: Role }[] = [
  { key: '主职领导邮箱', role: '主职领导' },
  { key: '信访工作分管领导邮箱', role: '信访工作分管领导' },
];

const RETIRED_NOTE = `${NOTE_MARK}本列已停用：部室的分管领导和联络员（A、B角）改在「${SHEET.people}」表登记，初始化/修复已把本列内容迁入。核对「${SHEET.people}」无误后可删除本列。`;

/** A person the old layout names, to be found in (or added to) 人员. */
interface Candidate {
  name: string;
  email: string;
  role: Role;
  department: string;
  liaison: string;
  mobile: string;
  /** Where it came from, for the note and the report. */
  from: string;
}

/**
 * Runs at every 初始化/修复 after the sheets are laid out; returns the lines to tell the person (what moved, what is
 * wrong). Running it again changes nothing.
 */
export function migratePeopleAndSettings(ss: Spreadsheet): string[] {
  const out: string[] = [];
  const lines = readPeopleLines(ss);
  const fromDepartments = departmentCandidates(ss, out);
  const fromSettings = leaderSettingCandidates(ss);
  out.push(...addPeople(ss, lines, [...fromDepartments, ...fromSettings.candidates]));
  out.push(...removeSettingRows(ss, fromSettings.rows));
  out.push(...completeSettings(ss));
  out.push(...peopleProblems(readPeopleLines(ss), readDepartments(ss)));
  out.push(...new SheetSettings(ss).load().warnings);
  return out;
}

/** The leaders and liaisons in the old 部室 columns; the columns get a note saying they are retired. */
function departmentCandidates(ss: Spreadsheet, out: string[]): Candidate[] {
  const sheet = ss.getSheetByName(SHEET.departments);
  if (!sheet) return [];
  const header = readHeader(sheet);
  const old = OLD_DEPARTMENT_COLUMNS;
  const retired = [old.leader, old.A, old.B].flatMap((g) => Object.values(g)).filter((l) => header.columns.has(l));
  if (retired.length === 0) return [];
  const cols = requireColumns(SHEET.departments, header, [SHEET.departments, ...retired]);
  const markCells = retired.map((l) => sheet.getRange(1, cols.get(l)!));
  for (const cell of markCells) if (cell.getNote() !== RETIRED_NOTE) cell.setNote(RETIRED_NOTE);
  const text = (v: Record<string, unknown>, label: string): string => String(v[label] ?? '').trim();
  const found: Candidate[] = [];
  for (const { row, values: v } of readRecords(sheet, cols)) {
    const department = text(v, SHEET.departments);
    if (!department) continue;
    const people = [
      { role: '事项分管领导' as Role, slot: '', labels: old.leader, what: '分管领导' },
      { role: '部室联络员' as Role, slot: 'A', labels: old.A, what: '联络员A' },
      { role: '部室联络员' as Role, slot: 'B', labels: old.B, what: '联络员B' },
    ];
    for (const p of people) {
      const name = text(v, p.labels.name);
      const email = text(v, p.labels.email).toLowerCase();
      const mobile = 'mobile' in p.labels ? text(v, p.labels.mobile) : '';
      const from = `「${SHEET.departments}」第 ${row} 行${p.what}`;
      if (!email) {
        if (name) out.push(`${from}「${name}」没有邮箱，未迁入「${SHEET.people}」，请在「${SHEET.people}」中登记`);
        continue;
      }
      found.push({ name, email, role: p.role, department, liaison: p.slot, mobile, from });
    }
  }
  return found;
}

/** The addresses in the old leader mail settings, and the rows holding them. */
function leaderSettingCandidates(ss: Spreadsheet): { candidates: Candidate[]; rows: number[] } {
  const candidates: Candidate[] = [];
  const rows: number[] = [];
  for (const r of readSettingRows(ss)) {
    const old = OLD_LEADER_SETTINGS.find((o) => o.key === r.key);
    if (!old) continue;
    rows.push(r.row);
    for (const email of splitList(r.value).filter((e) => e.includes('@'))) {
      const from = `「${SHEET.settings}」${old.key}`;
      candidates.push({
        name: '',
        email: email.toLowerCase(),
        role: old.role,
        department: '',
        liaison: '',
        mobile: '',
        from,
      });
    }
  }
  return { candidates, rows };
}

/** True when `l` already gives the candidate's role for its department (a leader with no lines oversees all). */
function covers(l: PersonLine, c: Candidate): boolean {
  if (l.email !== c.email || !l.roles.includes(c.role)) return false;
  if (!c.department) return true;
  if (c.role === '事项分管领导' && l.departments.length === 0) return true;
  return l.departments.includes(c.department);
}

/**
 * Appends a 人员 line for each candidate nobody's line covers yet (one write), notes where it came from, and fills
 * only empty 手机 / AB角 cells of the lines that already cover one.
 */
function addPeople(ss: Spreadsheet, lines: readonly PersonLine[], candidates: readonly Candidate[]): string[] {
  if (candidates.length === 0) return [];
  const sheet = sheetNamed(ss, SHEET.people);
  const h = PEOPLE_HEADERS;
  const at = requireColumns(SHEET.people, readHeader(sheet), Object.values(h));
  const width = Math.max(...at.values());
  const known: PersonLine[] = [...lines];
  const added: Candidate[] = [];
  const filled: string[] = [];
  for (const c of candidates) {
    const line = known.find((l) => covers(l, c));
    if (!line) {
      added.push(c);
      known.push({ ...c, row: 0, roles: [c.role], departments: c.department ? [c.department] : [] });
      continue;
    }
    if (line.row === 0) continue;
    const fill: [string, string][] = [];
    if (c.mobile && !line.mobile) fill.push([h.mobile, c.mobile]);
    const ownLine = line.departments.length === 1 && line.departments[0] === c.department;
    if (c.liaison && !line.liaison && ownLine) fill.push([h.liaison, c.liaison]);
    for (const [label, value] of fill) {
      sheet.getRange(line.row, at.get(label)!).setValue(value);
      (line as { mobile: string; liaison: string })[label === h.mobile ? 'mobile' : 'liaison'] = value;
      filled.push(`第 ${line.row} 行${label}「${value}」（${c.from}）`);
    }
  }
  const out: string[] = [];
  if (added.length) {
    const rows = added.map((c) => {
      const row: unknown[] = new Array(width).fill('');
      const put = (label: string, v: string): void => void (row[at.get(label)! - 1] = v);
      put(h.name, c.name);
      put(h.email, c.email);
      put(h.role, c.role);
      put(h.department, c.department);
      put(h.liaison, c.liaison);
      put(h.mobile, c.mobile);
      return row;
    });
    const start = appendRows(sheet, rows);
    const ask = (c: Candidate): string => (c.name ? '' : '，请补填姓名');
    sheet
      .getRange(start, at.get(h.name)!, added.length, 1)
      .setNotes(added.map((c) => [`${NOTE_MARK}初始化/修复自${c.from}迁入${ask(c)}`]));
    const who = (c: Candidate): string =>
      `${c.name || c.email}（${c.role}${c.department ? `，${c.department}` : ''}${c.liaison ? `，${c.liaison}角` : ''}）`;
    out.push(
      `「${SHEET.people}」新增 ${added.length} 行（自旧的「部室」联络员、分管领导列或领导邮箱设置迁入）：${added.map(who).join('、')}`,
    );
  }
  if (filled.length) out.push(`「${SHEET.people}」补填：${filled.join('；')}`);
  if (added.length || filled.length) console.log(out.join('\n'));
  return out;
}

/** Removes the old leader mail rows from 设置, bottom up, once their addresses are in 人员. */
function removeSettingRows(ss: Spreadsheet, rows: readonly number[]): string[] {
  if (rows.length === 0) return [];
  const sheet = sheetNamed(ss, SHEET.settings);
  const keys = readSettingRows(ss).filter((r) => rows.includes(r.row));
  for (const row of [...rows].sort((a, b) => b - a)) sheet.deleteRow(row);
  return [
    `「${SHEET.settings}」已移除：${keys.map((k) => k.key).join('、')}（领导改按「${SHEET.people}」表中的角色接收通知）`,
  ];
}

/** Appends the settings the sheet lacks (key, default, description) and keeps every 说明 as the table says. */
function completeSettings(ss: Spreadsheet): string[] {
  const sheet = sheetNamed(ss, SHEET.settings);
  const h = SETTINGS_HEADERS;
  const at = requireColumns(SHEET.settings, readHeader(sheet), [h.key, h.value, h.description]);
  const present = readRecords(sheet, at);
  const table = settingRows();
  const out: string[] = [];
  const descCol = at.get(h.description)!;
  const stale = present.filter(({ values }) => {
    const spec = table.find((t) => t.key === String(values[h.key]).trim());
    return spec && String(values[h.description]) !== spec.description;
  });
  if (stale.length) {
    const first = Math.min(...present.map((p) => p.row));
    const block = sheet.getRange(first, descCol, present.length, 1);
    const desc = present.map(({ values }) => {
      const spec = table.find((t) => t.key === String(values[h.key]).trim());
      return [spec ? spec.description : values[h.description]];
    });
    block.setValues(desc);
  }
  const keys = new Set(present.map(({ values }) => String(values[h.key]).trim()));
  const missing = table.filter((t) => !keys.has(t.key));
  if (missing.length) {
    const width = Math.max(...at.values());
    appendRows(
      sheet,
      missing.map((t) => {
        const row: unknown[] = new Array(width).fill('');
        row[at.get(h.key)! - 1] = t.key;
        row[at.get(h.value)! - 1] = t.defaultText;
        row[descCol - 1] = t.description;
        return row;
      }),
    );
    out.push(`「${SHEET.settings}」补充设置项（默认值）：${missing.map((t) => t.key).join('、')}`);
  }
  markSettingProblems(sheet, at.get(h.value)!, ss);
  return out;
}

/** A note on each 设置 value the app could not use (and none left from an earlier run on a value now fine). */
function markSettingProblems(sheet: GoogleAppsScript.Spreadsheet.Sheet, valueCol: number, ss: Spreadsheet): void {
  const last = sheet.getLastRow();
  if (last < 2) return;
  const { byRow } = readSettings(readSettingRows(ss));
  const block = sheet.getRange(2, valueCol, last - 1, 1);
  const notes = block.getNotes();
  let changed = false;
  notes.forEach((r, i) => {
    const message = byRow.get(i + 2);
    const want = message ? `${NOTE_MARK}${message}` : r[0]!.startsWith(NOTE_MARK) ? '' : r[0]!;
    if (want !== r[0]) [r[0], changed] = [want, true];
  });
  if (changed) block.setNotes(notes);
}
