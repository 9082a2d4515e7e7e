// The 流转记录 month index (issue 16) through the real bundle: each month's first row recorded when the log first
// reaches the month, once; lines written late (parked by a Sheets timeout, then written in the next month) never move
// it back; 初始化/修复 rebuilds it from the 时间 column; rows removed from the log make the next reader rebuild it.
import type { GasEnvironment } from '../../emulator/index';
import { act, ok, PLATFORM_CASE, register, rowsOf, startOffice } from './office';

let env: GasEnvironment;
const props = () => env.globals.PropertiesService.getScriptProperties();
const index = (): [string, number][] => JSON.parse(props().getProperty('LOG_MONTH_ROWS') ?? 'null');
/** The month of each log line, in sheet order. */
const logMonths = (): string[] => rowsOf(env, '流转记录').map((r) => String(r['时间']).slice(0, 7));

beforeEach(() => {
  env = startOffice('2026-09-29T10:00:00+08:00');
});

it('records the first row of each month once; a parked September line written in October does not move it', () => {
  expect(index()).toEqual([]); // 初始化/修复 on an empty log
  const { caseNo } = register(env, PLATFORM_CASE);
  expect(index()).toEqual([['2026-09', 2]]);
  act(env, 'office', caseNo, ['受理交办', '签收']);
  expect(index()).toEqual([['2026-09', 2]]); // unchanged within the month: no write

  // A line of 09-30 that Sheets refused, parked in Script Properties as the log parks it (test/scenario/faults.test.ts
  // shows the parking itself).
  const parked = {
    at: '2026-09-30T08:00:00.000Z',
    caseNo,
    action: '交办签批',
    actorEmail: 'qianwei@jinghu.gov.cn',
    actorName: '钱伟',
    note: '',
  };
  props().setProperty('AUDIT_PENDING_1_000', JSON.stringify([parked]));
  expect(logMonths()).toEqual(['2026-09', '2026-09']);

  // 交办签批 on 10-09 writes the parked September line, then its own October line.
  env.clock.set('2026-10-09T10:00:00+08:00');
  act(env, 'petitionLeader', caseNo, ['受理交办', '交办签批…']);
  expect(logMonths()).toEqual(['2026-09', '2026-09', '2026-09', '2026-10']);
  expect(index()).toEqual([
    ['2026-09', 2],
    ['2026-10', 5],
  ]);
});

it('初始化/修复 rebuilds a missing index; rows removed from the log make the analysis rebuild it', () => {
  const { caseNo } = register(env, PLATFORM_CASE);
  env.clock.set('2026-10-09T10:00:00+08:00');
  act(env, 'office', caseNo, ['受理交办', '签收']);
  props().deleteProperty('LOG_MONTH_ROWS');
  act(env, 'petitionLeader', caseNo, ['受理交办', '交办签批…']);
  expect(index()).toBeNull(); // an append never guesses the rows before it
  ok(env);
  env.clickMenu('信访台账', '初始化/修复', '初始化/修复');
  expect(index()).toEqual([
    ['2026-09', 2],
    ['2026-10', 3],
  ]);
  // The office deletes the September line (as the yearly archive will move old lines): the index points past the end.
  env.globals.SpreadsheetApp.getActive().getSheetByName('流转记录')!.deleteRows(2, 2);
  env.answerNextDialog({ button: 'OK', text: '2026-09' });
  ok(env);
  env.clickMenu('信访台账', '生成月度分析…');
  expect(index()).toEqual([['2026-10', 2]]);
});
