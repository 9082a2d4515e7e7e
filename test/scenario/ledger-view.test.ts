// The ledger as people see it, read back from the exported .xlsx with exceljs (and opened by LibreOffice Calc): the
// lead columns first with 编号 and 状态 frozen, the sign-off, verification, extension, correction and 七个到位 columns
// grouped and collapsed, headers wrapping, overdue and due-soon rows coloured, every sheet as wide as its columns and
// no stray starter sheet.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import ExcelJS from 'exceljs';
import type { GasEnvironment } from '../../emulator/index';
import { sofficeConvert, testWithTools, TOOLS } from '../helpers/tools';
import { act, columnLetter, headerOf, LEAD_LABELS, PLATFORM_CASE, register, startOffice } from './office';

let env: GasEnvironment;
let dir: string;
let file: string;
let wb: ExcelJS.Workbook;

beforeAll(async () => {
  env = startOffice();
  // Three cases: one left at 签收 (overdue by the time of the refresh), one assigned (接收 due), one forwarded.
  const overdue = register(env, PLATFORM_CASE).caseNo;
  const assigned = register(env, { ...PLATFORM_CASE, petitionerName: '李四' }).caseNo;
  const forwarded = register(env, { ...PLATFORM_CASE, petitionerName: '王五' }).caseNo;
  env.clock.set('2026-10-12T09:00:00+08:00');
  for (const c of [assigned]) {
    act(env, 'office', c, ['受理交办', '签收']);
    act(env, 'petitionLeader', c, ['受理交办', '交办签批…']);
    act(env, 'office', c, ['受理交办', '交办…'], { department: '规划建设部' });
  }
  act(env, 'office', forwarded, ['受理交办', '转送…'], { forwardedTo: '越城区住建局', forwardReason: '属越城区职权' });
  env.clock.set('2026-10-13T07:00:00+08:00'); // the refresh runs within 06:00–07:00
  env.runDueTriggers();
  expect([overdue, assigned].length).toBe(2);
  dir = mkdtempSync(join(tmpdir(), 'ledger-view-'));
  const files = await env.exportTo(dir);
  file = files.find((f) => f.endsWith('.xlsx'))!;
  wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const ledger = (): ExcelJS.Worksheet => wb.getWorksheet('台账')!;
type Rule = { formulae?: string[]; style?: Partial<ExcelJS.Style> };
/** The sheet's conditional formats as exceljs reads them (its typings leave the property out). */
function rulesOf(ws: ExcelJS.Worksheet): { ref: string; formula: string; fill?: string }[] {
  const read = (ws as unknown as { conditionalFormattings?: { ref: string; rules: Rule[] }[] }).conditionalFormattings;
  return (read ?? []).flatMap((cf) =>
    cf.rules.map((r) => ({
      ref: cf.ref,
      formula: r.formulae?.[0] ?? '',
      fill: (r.style?.fill as ExcelJS.FillPattern | undefined)?.bgColor?.argb,
    })),
  );
}
const colOf = (label: string): number => headerOf(env, '台账').get(label)!;

test('the lead columns come first, 编号 and 状态 frozen with the header row, headers wrapping', () => {
  const ws = ledger();
  const header = (ws.getRow(1).values as unknown[]).slice(1, 12);
  expect(header).toEqual(LEAD_LABELS);
  expect(ws.views[0]).toMatchObject({ state: 'frozen', xSplit: 2, ySplit: 1 });
  expect(ws.getCell(1, 1).alignment?.wrapText).toBe(true);
  expect(ws.getCell(1, colOf('事项分管领导审核意见')).alignment?.wrapText).toBe(true);
});

test('the sign-off trail, verification, extension, correction and 七个到位 columns are grouped and collapsed', () => {
  const ws = ledger();
  const groups: [string, string][] = [
    ['信访程序终结到位', '就地教育稳控到位'],
    ['签收人', '系统回复时间'],
    ['核实交办时间', '核实回复时间'],
    ['延期申请人', '累计延期天数'],
    ['更正原因', '更正时间'],
  ];
  for (const [from, to] of groups) {
    const cols = [colOf(from), colOf(to)];
    expect([from, cols.map((c) => ws.getColumn(c).outlineLevel)]).toEqual([from, [1, 1]]);
    expect([from, cols.map((c) => ws.getColumn(c).hidden)]).toEqual([from, [true, true]]);
    // The column before and after each group is in view.
    expect([from, ws.getColumn(cols[0]! - 1).outlineLevel ?? 0]).toEqual([from, 0]);
    expect([from, ws.getColumn(cols[1]! + 1).hidden]).toEqual([from, false]);
  }
  expect(ws.getColumn(colOf('不合理诉求')).hidden).toBe(false);
});

test('overdue and due-soon rows are coloured by 期限状态, done rows grey; the case rows say which is which', () => {
  const ws = ledger();
  const status = columnLetter(colOf('期限状态'));
  const rules = rulesOf(ws);
  const byColour = new Map(rules.map((r) => [r.fill, r.formula]));
  expect(byColour.get('FFF4CCCC')).toContain(`LEFT($${status}2,3)="已超期"`);
  expect(byColour.get('FFFCE5CD')).toContain(`LEFT($${status}2,4)="即将到期"`);
  expect(byColour.get('FFEEEEEE')).toContain('已转送');
  // Every rule spans the whole rows, from column A.
  for (const r of rules) expect(r.ref).toMatch(/^A2:/);
  const states = [2, 3, 4].map((r) => ws.getCell(r, colOf('期限状态')).value);
  expect(states).toEqual(['已超期', '已超期', '已转送']);
});

test('every sheet is as wide as its columns (the log 7), and the starter sheet is gone', () => {
  const names = wb.worksheets.map((w) => w.name);
  expect(names).not.toContain('Sheet1');
  const ss = env.globals.SpreadsheetApp.getActive();
  expect(ss.getSheetByName('流转记录')!.getMaxColumns()).toBe(7);
  for (const sheet of ss.getSheets()) {
    expect([sheet.getName(), sheet.getMaxColumns()]).toEqual([sheet.getName(), headerOf(env, sheet.getName()).size]);
  }
});

testWithTools(
  [TOOLS.calc],
  'LibreOffice Calc opens the ledger: its own .xlsx keeps the groups, the collapsed columns and the colour rules',
  async () => {
    const out = mkdtempSync(join(tmpdir(), 'ledger-view-lo-'));
    try {
      sofficeConvert(file, 'xlsx', out);
      const back = new ExcelJS.Workbook();
      await back.xlsx.readFile(join(out, basename(file)));
      const ws = back.getWorksheet('台账')!;
      const c = colOf('签收人');
      expect([ws.getColumn(c).outlineLevel, ws.getColumn(c).hidden]).toEqual([1, true]);
      expect(ws.getCell(1, 1).value).toBe('编号');
      const formulas = rulesOf(ws).map((r) => r.formula);
      expect(formulas.some((f) => f.includes('已超期'))).toBe(true);
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  },
  150_000,
);
