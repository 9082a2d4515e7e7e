// Typing is first class: what staff type or paste into 台账 is judged, completed, flagged and logged by the
// installable on-edit trigger — a fact is never silently reverted; a control (编号, 状态, sign-offs) the rule table
// does not allow is put back, noted and logged (controls.test.ts).
import type { GasEnvironment } from '../../emulator/index';
import {
  caseRow,
  cellOf,
  columnLetter,
  headerOf,
  logOf,
  PEOPLE,
  PLATFORM_CASE,
  register,
  rowsOf,
  startOffice,
} from './office';

let env: GasEnvironment;
let caseNo: string;
const office = { user: PEOPLE.office.email };

beforeEach(() => {
  env = startOffice();
  caseNo = register(env, PLATFORM_CASE).caseNo;
});

function noteOf(no: string, label: string): string {
  return env.globals.SpreadsheetApp.getActive()
    .getSheetByName('台账')!
    .getRange(cellOf(env, no, label))
    .getNote();
}

describe('a row typed by hand', () => {
  it('gets the next 编号, a computed deadline and a 登记 log line', () => {
    const h = headerOf(env, '台账');
    const row = env.globals.SpreadsheetApp.getActive().getSheetByName('台账')!.getLastRow() + 1;
    const line: unknown[] = new Array(h.size).fill('');
    const put = (label: string, v: unknown) => (line[h.get(label)! - 1] = v);
    put('信访日期', '2026/10/9');
    put('信访人姓名', '刘二');
    put('信访件来源', '本级');
    put('信访形式', '来信');
    put('事项类型', '建议');
    put('信访诉求', '建议在梅山公园增设夜间照明。');
    put('联系电话', '13700001111');
    env.typeInto('台账', `A${row}:${columnLetter(h.size)}${row}`, [line], office);
    const typed = rowsOf(env, '台账').find((r) => r['信访人姓名'] === '刘二')!;
    expect(typed).toMatchObject({
      编号: '镜访〔2026〕002号',
      状态: '待签收',
      信访日期: '2026-10-09',
      办理期限: '2026-12-08',
      期限来源: '计算',
      联系电话: '13700001111',
    });
    expect(logOf(env, '镜访〔2026〕002号').map((l) => l['动作'])).toEqual(['登记']);
  });
});

describe('typed edits of an existing case', () => {
  it('logs a tracked field old → new, by whom', () => {
    env.typeInto('台账', cellOf(env, caseNo, '信访诉求'), '噪音扰民，要求夜间停工。', office);
    const last = logOf(env, caseNo).pop()!;
    expect(last).toMatchObject({ 动作: '修改', 操作人: `王芳 <${PEOPLE.office.email}>` });
    expect(String(last['说明'])).toContain(
      '信访诉求：小区旁工地夜间施工，噪音扰民，要求限制施工时间。 → 噪音扰民，要求夜间停工。',
    );
  });

  it('completes a legal typed 状态 change as the menu action would', () => {
    env.typeInto('台账', cellOf(env, caseNo, '状态'), '待交办签批', office);
    // Where the case stands follows at once: the leader's sign-off, due the next working day (Saturday 10-10, 调休).
    expect(caseRow(env, caseNo)).toMatchObject({
      状态: '待交办签批',
      签收人: '王芳',
      当前环节: '交办签批',
      环节期限: '2026-10-10 23:59',
      期限状态: '即将到期',
    });
    expect(logOf(env, caseNo).pop()).toMatchObject({ 动作: '签收', 原状态: '待签收', 新状态: '待交办签批' });
  });

  it('puts an illegal typed 状态 change back (a control: only the workflow changes it), noted and logged', () => {
    env.typeInto('台账', cellOf(env, caseNo, '状态'), '已归档', office);
    expect(caseRow(env, caseNo)['状态']).toBe('待签收');
    expect(noteOf(caseNo, '状态')).toMatch(/未经流程的修改已恢复.*不能从「待签收」直接改为「已归档」/);
    expect(logOf(env, caseNo).pop()).toMatchObject({ 动作: '恢复原值', 操作人: `王芳 <${PEOPLE.office.email}>` });
  });

  it('marks an invalid ID number with a note and a highlight, keeps it, and clears the mark once corrected', () => {
    const sheet = env.globals.SpreadsheetApp.getActive().getSheetByName('台账')!;
    env.typeInto('台账', cellOf(env, caseNo, '身份证号码'), '110105194912310021', office);
    expect(caseRow(env, caseNo)['身份证号码']).toBe('110105194912310021');
    expect(noteOf(caseNo, '身份证号码')).toMatch(/身份证号码.*校验位/);
    expect(sheet.getRange(cellOf(env, caseNo, '身份证号码')).getBackground()).toBe('#fff2cc');
    env.typeInto('台账', cellOf(env, caseNo, '身份证号码'), '11010519491231002X', office);
    expect(noteOf(caseNo, '身份证号码')).toBe('');
  });

  it('keeps the app’s note on a cell to this edit’s messages, once each, beside a person’s own note', () => {
    const sheet = env.globals.SpreadsheetApp.getActive().getSheetByName('台账')!;
    const id = cellOf(env, caseNo, '身份证号码');
    sheet.getRange(id).setNote('号码待信访人确认（王芳）');
    env.typeInto('台账', id, '110105194912310021', office);
    const marked = noteOf(caseNo, '身份证号码');
    expect(marked).toMatch(/^号码待信访人确认（王芳）\n【信访台账】.*校验位[^\n]*$/);
    // Every edit of the row judges the whole row again: the ID number's note says it once, however often.
    env.typeInto('台账', cellOf(env, caseNo, '信访诉求'), '噪音扰民，要求夜间停工。', office);
    env.typeInto('台账', cellOf(env, caseNo, '信访诉求'), '噪音扰民，要求22点后停工。', office);
    expect(noteOf(caseNo, '身份证号码')).toBe(marked);
    env.typeInto('台账', id, '11010519491231002X', office);
    expect(noteOf(caseNo, '身份证号码')).toBe('号码待信访人确认（王芳）');
    expect(sheet.getRange(id).getBackground()).toBe('#ffffff');
  });

  it('logs a typed date as a date, before and after, never as a serial number', () => {
    env.typeInto('台账', cellOf(env, caseNo, '信访日期'), '2026/10/8', office);
    const last = logOf(env, caseNo).pop()!;
    expect(last).toMatchObject({ 动作: '修改' });
    expect(String(last['说明'])).toContain('信访日期：2026-10-09 → 2026-10-08');
    expect(String(last['说明'])).not.toMatch(/\d{5}/);
  });

  it('treats a typed deadline as 手填 and never overwrites it, even on the daily refresh', () => {
    env.typeInto('台账', cellOf(env, caseNo, '办理期限'), '2026-10-30', office);
    expect(caseRow(env, caseNo)).toMatchObject({ 办理期限: '2026-10-30', 期限来源: '手填' });
    env.clock.set('2026-10-29T10:00:00+08:00');
    env.runDueTriggers();
    // The case still waits on 签收 (due the day it came, 10-09); the typed 办结 deadline stays as typed.
    expect(caseRow(env, caseNo)).toMatchObject({
      办理期限: '2026-10-30',
      期限来源: '手填',
      当前环节: '签收',
      环节期限: '2026-10-09 23:59',
      期限状态: '已超期',
    });
  });

  it('keeps formula-looking text and regex characters as plain text', () => {
    const text = '=HYPERLINK("http://x") +1 (a|b)* $1 \\d 😀';
    env.typeInto('台账', cellOf(env, caseNo, '信访诉求'), text, office);
    expect(caseRow(env, caseNo)['信访诉求']).toBe(text);
  });
});

describe('the daily refresh', () => {
  it('recomputes 剩余工作日 and 期限状态 of open cases in one batch, marking overdue ones', () => {
    expect(caseRow(env, caseNo)).toMatchObject({ 当前环节: '签收', 期限状态: '即将到期', 剩余工作日: 0 });
    env.clock.set('2026-12-09T09:00:00+08:00');
    env.runDueTriggers();
    // 签收 was due 10-09: the working days since are 10-10 (a 调休 Saturday), eight full weeks of five, and 12-07–09.
    expect(caseRow(env, caseNo)).toMatchObject({ 期限状态: '已超期', 超期工作日: 1 + 8 * 5 + 3, 剩余工作日: 0 });
  });
});
