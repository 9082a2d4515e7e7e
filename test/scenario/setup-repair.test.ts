// 初始化/修复 on a ledger the app wrote, through the real bundle: the rows a sort of only the visible columns left out
// of step and a row pasted without an anchor are repaired, while every other row is read for four cells only and
// never written; an old ledger taken in by a run that was killed (or ran out of time) part-way is finished by the
// next run, each case logged 补录 once.
import type { GasEnvironment } from '../../emulator/index';
import { decodeRecord, encodeRecord } from '../../src/core/controls';
import type { Case } from '../../src/core/model';
import { headerOf, lastAlert, logOf, ok, PLATFORM_CASE, register, rowsOf, startOffice } from './office';

function ledger(env: GasEnvironment): GoogleAppsScript.Spreadsheet.Sheet {
  return env.globals.SpreadsheetApp.getActive().getSheetByName('台账')!;
}

/** `n` closed cases as the app writes them (anchor, record), below the last row, as the owner outside any run. */
function seedAppRows(env: GasEnvironment, n: number): void {
  const h = headerOf(env, '台账');
  const sheet = ledger(env);
  const rows = Array.from({ length: n }, (_, i) => {
    const line: unknown[] = new Array(h.size).fill('');
    const put = (label: string, v: unknown) => (line[h.get(label)! - 1] = v);
    const no = `镜访〔2025〕${String(i + 1).padStart(3, '0')}号`;
    put('编号', no);
    put('状态', '已归档');
    put('信访日期', new Date(Date.UTC(2025, i % 12, 1 + (i % 27))));
    put('信访人姓名', `群众${i}`);
    put('事项类型', '咨询');
    put('信访诉求', `第${i}件的诉求`);
    put('系统编号（勿改）', no);
    put('系统流程记录（勿改）', encodeRecord({ caseNo: no, state: '已归档' } as Case));
    return line;
  });
  const start = sheet.getLastRow() + 1;
  if (sheet.getMaxRows() < start + n) sheet.insertRowsAfter(sheet.getMaxRows(), start + n - sheet.getMaxRows());
  sheet.getRange(start, 1, n, h.size).setValues(rows);
}

/** Rows of an old Excel ledger pasted below the last row (no anchor, no record), as the owner outside any run. */
function pasteOld(env: GasEnvironment, rows: { no: string; name: string; state: string }[]): void {
  const h = headerOf(env, '台账');
  const width = [...h.keys()].filter((l) => !l.includes('勿改')).length;
  const grid = rows.map((r) => {
    const line: unknown[] = new Array(width).fill('');
    const put = (label: string, v: unknown) => (line[h.get(label)! - 1] = v);
    put('编号', r.no);
    put('状态', r.state);
    put('信访日期', new Date(Date.UTC(2026, 2, 2)));
    put('信访人姓名', r.name);
    put('事项类型', '咨询');
    put('信访诉求', `${r.name}的诉求`);
    put('承办部室', '规划建设部');
    return line;
  });
  const sheet = ledger(env);
  sheet.getRange(sheet.getLastRow() + 1, 1, grid.length, width).setValues(grid);
}

/** 初始化/修复 from the menu; the cost of its execution. */
function repair(env: GasEnvironment): ReturnType<GasEnvironment['stats']>['executions'][number] {
  ok(env);
  env.clickMenu('信访台账', '初始化/修复', '初始化/修复');
  return env.stats().executions.at(-1)!;
}

describe('初始化/修复 on a ledger the app wrote', () => {
  /**
   * `n` closed cases, then 甲 and 乙 registered and their visible columns sorted (the hidden anchors stay where they
   * were), then one old row pasted without an anchor.
   */
  function office(n: number): { env: GasEnvironment; a: string; b: string; untouched: unknown[][] } {
    const env = startOffice();
    seedAppRows(env, n);
    const a = register(env, { ...PLATFORM_CASE, petitionerName: '甲', upstreamNo: 'Z1', phone: '13900000001' }).caseNo;
    const b = register(env, { ...PLATFORM_CASE, petitionerName: '乙', upstreamNo: 'Z2', phone: '13900000002' }).caseNo;
    const h = headerOf(env, '台账');
    const visible = [...h.keys()].filter((l) => !l.includes('勿改')).length;
    ledger(env)
      .getRange(n + 2, 1, 2, visible)
      .sort({ column: h.get('信访人姓名')!, ascending: true });
    pasteOld(env, [{ no: '镜访〔2026〕040号', name: '赵一', state: '办理中' }]);
    const untouched = ledger(env).getRange(2, 1, n, h.size).getValues();
    return { env, a, b, untouched };
  }

  it('puts back the anchors a sort left behind and takes in the pasted row, reading four cells of every other row and writing none', () => {
    const runs = [200, 2000].map((n) => {
      const { env, a, b, untouched } = office(n);
      const cost = repair(env);
      const rows = rowsOf(env, '台账');
      const h = headerOf(env, '台账');
      // 乙 and 甲 (sorted) are each their own case again: anchor and record back on the row that shows the 编号.
      expect(rows.slice(n).map((r) => `${r['信访人姓名']}:${r['编号']}:${r['系统编号（勿改）']}`)).toEqual([
        `乙:${b}:${b}`,
        `甲:${a}:${a}`,
        '赵一:镜访〔2026〕040号:镜访〔2026〕040号',
      ]);
      expect(rows.slice(n).map((r) => decodeRecord(r['系统流程记录（勿改）'])?.caseNo)).toEqual([
        b,
        a,
        '镜访〔2026〕040号',
      ]);
      expect(rows[n + 2]).toMatchObject({ 状态: '办理中', 当前环节: '接收' });
      expect(logOf(env, '镜访〔2026〕040号')).toEqual([expect.objectContaining({ 动作: '补录', 新状态: '办理中' })]);
      expect([a, b].map((no) => logOf(env, no).map((l) => l['动作']))).toEqual([['登记'], ['登记']]);
      expect(lastAlert(env)).toContain('2 件的系统记录已对回其所在行');
      expect(lastAlert(env)).toContain('补录 1 件的流转记录');
      // The app's other rows are as they were, cell for cell.
      expect(ledger(env).getRange(2, 1, n, h.size).getValues()).toEqual(untouched);
      return cost;
    });
    const [small, large] = runs as [(typeof runs)[0], (typeof runs)[0]];
    // Nothing written grows with the rows left alone; of each of them four cells are read (编号, 状态, anchor, record).
    expect(large.cellsWritten).toBe(small.cellsWritten);
    expect(large.cellsRead - small.cellsRead).toBe(4 * 1800);
  });
});

describe('a case’s row pasted back without its hidden columns', () => {
  it('is anchored again, its log found by one search of the log’s 编号 column, and not logged 补录', () => {
    const env = startOffice();
    const { caseNo } = register(env, PLATFORM_CASE);
    const row = ledger(env).getLastRow();
    ledger(env).deleteRow(row);
    pasteOld(env, [{ no: caseNo, name: '张三', state: '待签收' }]);
    const before = { ...env.stats().total };
    repair(env);
    expect(
      env.stats().total['SpreadsheetApp.TextFinder.findNext']! - (before['SpreadsheetApp.TextFinder.findNext'] ?? 0),
    ).toBe(1);
    expect(rowsOf(env, '台账').map((r) => `${r['编号']}:${r['系统编号（勿改）']}`)).toEqual([`${caseNo}:${caseNo}`]);
    expect(logOf(env, caseNo).map((l) => l['动作'])).toEqual(['登记']);
    expect(lastAlert(env)).toContain('台账中原有的 1 件信访件已登记');
    expect(lastAlert(env)).not.toContain('补录');
  });
});

describe('an old ledger taken in by a run that stops part-way', () => {
  let batch = 0;
  /** Three old rows with new numbers (one with a blank 状态); returns their 编号. */
  function pasteBatch(env: GasEnvironment): string[] {
    batch += 1;
    const rows = ['办理中', '', '已归档'].map((state, i) => ({
      no: `镜访〔2025〕${String(100 + batch * 3 + i)}号`,
      name: `旧${batch}-${i}`,
      state,
    }));
    pasteOld(env, rows);
    return rows.map((r) => r.no);
  }

  /** Each case of the batch is a row anchored to its 编号, logged 补录 exactly once. */
  function expectTakenIn(env: GasEnvironment, nos: string[]): void {
    const rows = rowsOf(env, '台账');
    for (const no of nos) {
      expect([no, rows.filter((r) => r['系统编号（勿改）'] === no).map((r) => r['编号'])]).toEqual([no, [no]]);
      expect([no, logOf(env, no).map((l) => l['动作'])]).toEqual([no, ['补录']]);
    }
  }

  it('is finished by the next run, whichever write the kill came before, each case logged 补录 once', () => {
    const env = startOffice();
    const first = pasteBatch(env);
    const before = { ...env.stats().total };
    repair(env);
    expectTakenIn(env, first);
    const after = env.stats().total;
    const writes = [
      'SpreadsheetApp.Range.setValues',
      'SpreadsheetApp.Range.setNote',
      'PropertiesService.Properties.setProperty',
      'SpreadsheetApp.Sheet.insertRowsAfter',
    ];
    const counts = writes.map((name) => [name, (after[name] ?? 0) - (before[name] ?? 0)] as const);
    expect(counts.find(([n]) => n === 'SpreadsheetApp.Range.setValues')![1]).toBeGreaterThan(3);
    let killed = 0;
    for (const [name, n] of counts) {
      for (let nth = 1; nth <= n; nth++) {
        const nos = pasteBatch(env);
        env.faults.killAt({ call: name, nth });
        ok(env);
        try {
          env.clickMenu('信访台账', '初始化/修复', '初始化/修复');
        } catch {
          // the killed run's error, as Apps Script reports it
        }
        env.faults.clear();
        if (env.executions().at(-1)!.outcome === 'failed') killed += 1;
        repair(env);
        expect(lastAlert(env)).not.toContain('未登记');
        expectTakenIn(env, nos);
      }
    }
    expect(killed).toBeGreaterThan(5);
    expect(rowsOf(env, '流转记录').filter((l) => l['动作'] === '补录')).toHaveLength(batch * 3);
  });

  it('stops taking rows in when its time is nearly up, says how many are left, and the next run takes them in', () => {
    const env = startOffice();
    const nos = pasteBatch(env);
    // A slow Google service: the run reaches the ledger's rows with less than two minutes of its six left.
    env.faults.slowOn('SpreadsheetApp.Sheet.getProtections', { ms: 4 * 60_000 });
    repair(env);
    env.faults.clear();
    expect(lastAlert(env)).toContain('台账还有 3 行未登记');
    expect(rowsOf(env, '台账').filter((r) => nos.includes(String(r['编号'])) && r['系统编号（勿改）'])).toEqual([]);
    repair(env);
    expect(lastAlert(env)).not.toContain('未登记');
    expectTakenIn(env, nos);
  });
});
