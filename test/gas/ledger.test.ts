// The 台账 adapter against the local runtime: columns found by the model's labels whatever their order, a renamed or
// doubled header refused loudly with its code, and writes that touch only the cells that change.
import type { GasEnvironment } from '../../emulator/index';
import { fromShanghai } from '../../src/core/dates';
import { SheetLedger } from '../../src/gas/ledger';
import { LedgerError } from '../../src/gas/table';
import { columnLetter, lastAlert, ok, PEOPLE } from '../scenario/office';
import {
  bareOffice,
  headerLabels,
  recordingWrites,
  recordsOf,
  rewriteLedgerHeader,
  runSetup,
  seedRows,
  spreadsheet,
} from './seeders';

const NO = '镜访〔2026〕001号';
const now = (): Date => fromShanghai(2026, 10, 9, 10, 0);
const CASE = {
  编号: NO,
  状态: '待签收',
  信访日期: '2026-10-09',
  信访人姓名: '张三',
  信访件来源: '本级',
  信访形式: '来信',
  事项类型: '投诉',
  信访诉求: '道路积水',
};

let env: GasEnvironment;
beforeEach(() => {
  env = bareOffice();
  runSetup(env);
});

const thrown = (fn: () => unknown): unknown => {
  try {
    fn();
  } catch (e) {
    return e;
  }
  throw new Error('expected an error');
};

describe('columns by the model’s labels', () => {
  it('reads and writes a case whatever the column order, leaving the office’s own column alone', () => {
    rewriteLedgerHeader(env, (labels) => {
      const reversed = [...labels].reverse();
      reversed.splice(5, 0, '科室备注');
      return reversed;
    });
    seedRows(env, '台账', [{ ...CASE, 科室备注: '老台账导入' }]);
    const ledger = new SheetLedger(spreadsheet(env), now);
    expect(ledger.loadByIds([NO])).toEqual([
      expect.objectContaining({ caseNo: NO, petitionerName: '张三', state: '待签收' }),
    ]);
    ledger.saveCases([{ caseNo: NO, fields: { state: '待交办签批', signedBy: '王芳' } }]);
    expect(recordsOf(env, '台账')[0]).toMatchObject({
      编号: NO,
      状态: '待交办签批',
      签收人: '王芳',
      信访诉求: '道路积水',
      科室备注: '老台账导入',
    });
  });

  it('refuses a renamed header with NO_HEADER, naming the label, and tells the person clicking a menu', () => {
    rewriteLedgerHeader(env, (labels) => labels.map((l) => (l === '信访人姓名' ? '姓名' : l)));
    seedRows(
      env,
      '台账',
      [{ ...CASE, 姓名: '张三', 信访人姓名: undefined }].map(({ 信访人姓名: _x, ...r }) => r),
    );
    expect(thrown(() => new SheetLedger(spreadsheet(env), now))).toMatchObject({
      name: 'LedgerError',
      code: 'NO_HEADER',
      message: expect.stringContaining('「台账」缺少表头：信访人姓名。如果改过这些列的名称，请改回原名'),
    });
    env.open({ user: PEOPLE.office.email });
    env.select('台账', 'A2', { user: PEOPLE.office.email });
    ok(env);
    env.clickMenu('信访台账', '受理交办', '签收', { user: PEOPLE.office.email });
    expect(lastAlert(env)).toContain('「台账」缺少表头：信访人姓名');
    expect(recordsOf(env, '台账')[0]).toMatchObject({ 状态: '待签收' });
  });

  it('refuses a doubled header with DUP_HEADER, naming the label', () => {
    rewriteLedgerHeader(env, (labels) => [...labels, '信访诉求']);
    const e = thrown(() => new SheetLedger(spreadsheet(env), now));
    expect(e).toBeInstanceOf(LedgerError);
    expect(e).toMatchObject({ code: 'DUP_HEADER', message: expect.stringContaining('表头「信访诉求」出现了不止一次') });
  });

  it('does not mind a doubled column of the office’s own', () => {
    rewriteLedgerHeader(env, (labels) => [...labels, '科室备注', '科室备注']);
    seedRows(env, '台账', [CASE]);
    expect(new SheetLedger(spreadsheet(env), now).loadByIds([NO])).toHaveLength(1);
  });
});

describe('writing a case', () => {
  it('writes only the changed cells, one call per run of adjacent columns, so a cell typed meanwhile stays', () => {
    const row = seedRows(env, '台账', [CASE]);
    const { ss, writes } = recordingWrites(spreadsheet(env));
    const ledger = new SheetLedger(ss, now);
    const [c] = ledger.loadByIds([NO]);
    expect(c).toMatchObject({ demand: '道路积水' });
    // Between the read and the write a person types into the same row, in a column between the changed ones.
    const labels = headerLabels(env, '台账');
    const col = (label: string): number => labels.indexOf(label) + 1;
    spreadsheet(env).getSheetByName('台账')!.getRange(row, col('信访诉求')).setValue('道路积水，已持续一周');
    ledger.saveCases([{ caseNo: NO, fields: { state: '待交办签批', signedBy: '王芳', signedAt: now() } }]);
    expect(recordsOf(env, '台账')[0]).toMatchObject({
      状态: '待交办签批',
      签收人: '王芳',
      签收时间: now(),
      信访诉求: '道路积水，已持续一周',
    });
    const cell = (label: string): string => `${columnLetter(col(label))}${row}`;
    expect(col('签收时间')).toBe(col('签收人') + 1);
    expect(writes).toEqual([`台账!${cell('状态')}`, `台账!${cell('签收人')}:${cell('签收时间')}`]);
  });
});

/** The spreadsheet with every Range.getValues of 台账 counted (the adapter takes the spreadsheet as a parameter). */
function countingReads(ss: GoogleAppsScript.Spreadsheet.Spreadsheet): { ss: typeof ss; reads: () => number } {
  let reads = 0;
  const bind = <T extends object>(target: T, prop: string | symbol): unknown => {
    const v = Reflect.get(target, prop) as unknown;
    return typeof v === 'function' ? v.bind(target) : v;
  };
  const range = (r: GoogleAppsScript.Spreadsheet.Range) =>
    new Proxy(r, {
      get: (t, prop) => (prop === 'getValues' ? (reads++, t.getValues.bind(t)) : bind(t, prop)),
    });
  const sheet = (s: GoogleAppsScript.Spreadsheet.Sheet) =>
    new Proxy(s, {
      get: (t, prop) =>
        prop === 'getRange'
          ? (...args: unknown[]) =>
              range((t.getRange as (...a: unknown[]) => GoogleAppsScript.Spreadsheet.Range)(...args))
          : bind(t, prop),
    });
  const proxy = new Proxy(ss, {
    get: (t, prop) =>
      prop === 'getSheetByName'
        ? (name: string) => {
            const s = t.getSheetByName(name);
            return s && name === '台账' ? sheet(s) : s;
          }
        : bind(t, prop),
  });
  return { ss: proxy, reads: () => reads };
}

describe('the row of a case (a notice links to it)', () => {
  const NO2 = '镜访〔2026〕002号';
  const NO3 = '镜访〔2026〕003号';

  it('is the row the ledger loaded or saved it at, without reading again', () => {
    seedRows(env, '台账', [CASE, { ...CASE, 编号: NO2 }]);
    const { ss, reads } = countingReads(spreadsheet(env));
    const ledger = new SheetLedger(ss, now);
    ledger.loadByIds([NO2]);
    ledger.saveCases([
      { caseNo: NO2, fields: { state: '待交办签批' } },
      { caseNo: NO3, create: true, fields: { caseNo: NO3, state: '待签收' } },
    ]);
    const before = reads();
    expect([ledger.rowOf(NO), ledger.rowOf(NO2), ledger.rowOf(NO3)]).toEqual([2, 3, 4]);
    expect(reads()).toBe(before);
  });

  it('finds a case it has not read by a TextFinder search, reading no column, and is null for a case it does not hold', () => {
    seedRows(env, '台账', [CASE, { ...CASE, 编号: NO2 }]);
    const { ss, reads } = countingReads(spreadsheet(env));
    const ledger = new SheetLedger(ss, now);
    const before = reads();
    expect(ledger.rowOf(NO2)).toBe(3);
    expect(ledger.rowOf(NO)).toBe(2);
    expect(ledger.rowOf('镜访〔2026〕099号')).toBeNull();
    expect(reads()).toBe(before);
  });

  it('asked for many cases (a run of reminders), reads the anchor column once instead of searching for each', () => {
    const nos = Array.from({ length: 8 }, (_, i) => `镜访〔2026〕${String(i + 1).padStart(3, '0')}号`);
    seedRows(
      env,
      '台账',
      nos.map((no) => ({ ...CASE, 编号: no, '系统编号（勿改）': no })),
    );
    const { ss, reads } = countingReads(spreadsheet(env));
    const ledger = new SheetLedger(ss, now);
    const before = reads();
    // Four searches cost what one read of the column does: the fifth case reads it (every row anchored: that column
    // only), and it answers the rest.
    expect(nos.map((no) => ledger.rowOf(no))).toEqual(nos.map((_, i) => i + 2));
    expect(ledger.rowOf('镜访〔2026〕099号')).toBeNull();
    expect(reads() - before).toBe(1);
  });
});
