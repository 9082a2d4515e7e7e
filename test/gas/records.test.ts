// The record sheets against the local runtime: laid out by 初始化/修复 from the one table and trimmed to their
// columns; a case's records found from the 编号 and 序号 columns only; appends in one write per kind, 序号 given in
// turn per case; updates of single records; a missing sheet refused loudly.
import { keptAsText } from '../../src/gas/table';
import type { GasEnvironment } from '../../emulator/index';
import { fromShanghai } from '../../src/core/dates';
import { RECORD_KIND_IDS, recordColumns, recordSpec } from '../../src/core/records';
import { SheetRecords } from '../../src/gas/records';
import { LedgerError } from '../../src/gas/table';
import { bareOffice, headerLabels, recordingWrites, recordsOf, runSetup, sheet, spreadsheet } from './seeders';

const A = '镜访〔2026〕001号';
const B = '镜访〔2026〕002号';
const at = fromShanghai(2026, 10, 9, 10, 0);

let env: GasEnvironment;
beforeEach(() => {
  env = bareOffice();
  runSetup(env);
  // The adapter keeps each sheet's month index in Script Properties.
  Object.assign(globalThis, { PropertiesService: env.globals.PropertiesService });
});
afterAll(() => {
  delete (globalThis as { PropertiesService?: unknown }).PropertiesService;
});

/** The spreadsheet with every Range.getValues recorded as `sheet!A1`, every TextFinder as `find sheet!A1`. */
function recordingReads(ss: GoogleAppsScript.Spreadsheet.Spreadsheet): { ss: typeof ss; reads: string[] } {
  const reads: string[] = [];
  const wrap = <T extends object>(o: T, hook: (prop: string | symbol, v: unknown, target: T) => unknown): T =>
    new Proxy(o, {
      get(target, prop) {
        const v = Reflect.get(target, prop) as unknown;
        const hooked = hook(prop, v, target);
        if (hooked !== undefined) return hooked;
        return typeof v === 'function' ? v.bind(target) : v;
      },
    });
  const proxy = wrap(ss, (prop, _v, target) =>
    prop === 'getSheetByName'
      ? (name: string) => {
          const s = target.getSheetByName(name);
          return (
            s &&
            wrap(s, (p2, _v2, sh) =>
              p2 === 'getRange'
                ? (...args: unknown[]) => {
                    const r = (sh.getRange as (...a: unknown[]) => GoogleAppsScript.Spreadsheet.Range)(...args);
                    return wrap(r, (p3, _v3, range) =>
                      p3 === 'getValues'
                        ? () => {
                            reads.push(`${sh.getName()}!${range.getA1Notation()}`);
                            return range.getValues();
                          }
                        : p3 === 'createTextFinder'
                          ? (text: string) => {
                              reads.push(`find ${sh.getName()}!${range.getA1Notation()}`);
                              return range.createTextFinder(text);
                            }
                          : undefined,
                    );
                  }
                : undefined,
            )
          );
        }
      : undefined,
  );
  return { ss: proxy, reads };
}

describe('the record sheets', () => {
  it('are laid out by 初始化/修复 with the table’s labels, exactly as wide as their columns', () => {
    for (const kind of RECORD_KIND_IDS) {
      const name = recordSpec(kind).sheet;
      expect(headerLabels(env, name)).toEqual(recordColumns(kind).map((c) => c.label));
      expect(sheet(env, name).getMaxColumns()).toBe(recordColumns(kind).length);
    }
    expect(headerLabels(env, '联系函')).toEqual([
      '编号',
      '序号',
      '时间',
      '经办人',
      '联系函编号',
      '收函单位',
      '协调联系事项',
      '发函日期',
      '回复内容',
      '回复日期',
    ]);
  });

  it('appends in one write per kind, giving each case its next 序号', () => {
    const { ss, writes } = recordingWrites(spreadsheet(env));
    const store = new SheetRecords(ss);
    store.append([
      { kind: 'callback', caseNo: A, at, by: '王芳', source: '回访', date: '2026-10-09', satisfaction: '不满意' },
      { kind: 'callback', caseNo: B, at, by: '王芳', source: '回访', date: '2026-10-09', satisfaction: '满意' },
      { kind: 'callback', caseNo: A, at, by: '王芳', source: '平台评价', date: '2026-10-10', satisfaction: '不满意' },
      { kind: 'signoff', caseNo: A, at, by: '钱伟', step: '交办签批', round: 1, role: '信访工作分管领导' },
    ]);
    expect(writes).toEqual(['回访记录!A2:H4', '签批记录!A2:H2']);
    expect(recordsOf(env, '回访记录').map((r) => [r['编号'], r['序号'], r['来源'], r['信访人意见']])).toEqual([
      [A, 1, '回访', '不满意'],
      [B, 1, '回访', '满意'],
      [A, 2, '平台评价', '不满意'],
    ]);
    // A later execution continues the numbering from the sheet.
    new SheetRecords(spreadsheet(env)).append([{ kind: 'callback', caseNo: A, at, by: '王芳', source: '回访' }]);
    expect(recordsOf(env, '回访记录').pop()).toMatchObject({ 编号: A, 序号: 3 });
  });

  it('loads one case’s records from the header, a TextFinder search of 编号, and that case’s rows only, typed', () => {
    const store = new SheetRecords(spreadsheet(env));
    const many = Array.from({ length: 30 }, (_, i) => ({
      kind: 'letter' as const,
      caseNo: i === 12 || i === 13 ? A : `镜访〔2026〕${String(100 + i)}号`,
      at,
      by: '王芳',
      letterNo: `镜信联〔2026〕${i + 1}号`,
      unit: '越城区住建局',
      sentDate: '2026-10-09',
    }));
    store.append(many);
    const { ss, reads } = recordingReads(spreadsheet(env));
    const loaded = new SheetRecords(ss).load([A], ['letter']);
    // Never the 编号/序号 columns of every record: only the rows the search found.
    expect(reads).toEqual(['联系函!1:1', 'find 联系函!A2:A', '联系函!A14:B15', '联系函!A14:J15']);
    expect(loaded).toEqual([
      expect.objectContaining({
        kind: 'letter',
        caseNo: A,
        seq: 1,
        letterNo: '镜信联〔2026〕13号',
        sentDate: '2026-10-09',
      }),
      expect.objectContaining({ kind: 'letter', caseNo: A, seq: 2, letterNo: '镜信联〔2026〕14号' }),
    ]);
    expect(loaded[0]!.at).toEqual(at);
  });

  describe('searched from the month the case was registered (the sheet’s month index)', () => {
    const september = fromShanghai(2026, 9, 10, 9, 0);
    const registered = new Map([[A, fromShanghai(2026, 10, 8, 9, 0)]]);
    beforeEach(() => {
      // 80 letters of other cases in September (rows 2–81), then A's two in October (rows 82–83).
      new SheetRecords(spreadsheet(env)).append([
        ...Array.from({ length: 80 }, (_, i) => ({
          kind: 'letter' as const,
          caseNo: `镜访〔2026〕${String(100 + i)}号`,
          at: september,
          by: '王芳',
          letterNo: `L${i}`,
          unit: '越城区住建局',
        })),
        { kind: 'letter' as const, caseNo: A, at, by: '王芳', letterNo: 'A1', unit: '越城区住建局' },
        { kind: 'letter' as const, caseNo: A, at, by: '王芳', letterNo: 'A2', unit: '镜湖街道' },
      ]);
    });
    const loadA = () => {
      const { ss, reads } = recordingReads(spreadsheet(env));
      const loaded = new SheetRecords(ss).load([A], ['letter'], registered);
      return { reads, letters: loaded.map((r) => (r.kind === 'letter' ? r.letterNo : '')) };
    };

    it('searches from October’s first row (less the margin), the index kept by the appends (no column read)', () => {
      const first = loadA();
      expect(first.letters).toEqual(['A1', 'A2']);
      expect(first.reads).toEqual([
        '联系函!1:1',
        // Setup indexed the empty sheet; the appends since marked each month's first row: no rebuild.
        '联系函!A82:C82', // the indexed row still holds the record it marked
        'find 联系函!A32:A',
        '联系函!A82:B83',
        '联系函!A82:J83',
      ]);
      // The next execution too.
      expect(loadA().reads).toEqual([
        '联系函!1:1',
        '联系函!A82:C82',
        'find 联系函!A32:A',
        '联系函!A82:B83',
        '联系函!A82:J83',
      ]);
    });

    it('is built by 初始化/修复 (ensureIndexes), so no action pays for the first build; kept when it still fits', () => {
      new SheetRecords(spreadsheet(env)).ensureIndexes();
      expect(loadA().reads).not.toContain('联系函!A2:C83');
      const { ss, reads } = recordingReads(spreadsheet(env));
      new SheetRecords(ss).ensureIndexes();
      expect(reads).not.toContain('联系函!A2:C83'); // its last marked row still holds its line: not rebuilt
    });

    it('rebuilds the index when the sheet was sorted by hand, and still finds every record', () => {
      expect(loadA().letters).toEqual(['A1', 'A2']); // the index is kept
      // Sorted by 编号: A's letters now stand first, October's row holds a September letter of another case.
      sheet(env, '联系函').getRange(2, 1, 82, recordColumns('letter').length).sort(1);
      const after = loadA();
      expect(after.letters).toEqual(['A1', 'A2']);
      expect(after.reads).toContain('联系函!A2:C83');
    });

    it('gives a new record the next 序号 from a search that starts at the registration month', () => {
      const store = new SheetRecords(spreadsheet(env));
      store.load([A], ['letter'], registered);
      store.append([{ kind: 'letter', caseNo: A, at, by: '王芳', letterNo: 'A3', unit: '镜湖街道' }]);
      expect(
        new SheetRecords(spreadsheet(env))
          .load([A], ['letter'], registered)
          .map((r) => [r.seq, r.kind === 'letter' ? r.letterNo : '']),
      ).toEqual([
        [1, 'A1'],
        [2, 'A2'],
        [3, 'A3'],
      ]);
    });
  });

  it('updates the cells of one record and refuses a record it cannot find', () => {
    const store = new SheetRecords(spreadsheet(env));
    store.append([
      { kind: 'letter', caseNo: A, at, by: '王芳', letterNo: 'L1', unit: '越城区住建局' },
      { kind: 'letter', caseNo: A, at, by: '王芳', letterNo: 'L2', unit: '镜湖街道' },
    ]);
    store.update([{ kind: 'letter', caseNo: A, seq: 2, fields: { reply: '已协调', replyDate: '2026-10-12' } }]);
    expect(new SheetRecords(spreadsheet(env)).load([A])).toEqual([
      expect.objectContaining({ seq: 1, letterNo: 'L1' }),
      expect.objectContaining({ seq: 2, letterNo: 'L2', reply: '已协调', replyDate: '2026-10-12' }),
    ]);
    const e = (() => {
      try {
        store.update([{ kind: 'letter', caseNo: B, seq: 1, fields: { reply: 'x' } }]);
      } catch (err) {
        return err;
      }
      return null;
    })();
    expect(e).toBeInstanceOf(LedgerError);
    expect(e).toMatchObject({ code: 'NOT_FOUND' });
  });

  it('writes text people typed as text, never as a formula', () => {
    new SheetRecords(spreadsheet(env)).append([
      { kind: 'signoff', caseNo: A, at, by: '钱伟', step: '交办签批', opinion: '=HYPERLINK("x")' },
    ]);
    expect(new SheetRecords(spreadsheet(env)).load([A])[0]).toMatchObject({ opinion: '=HYPERLINK("x")' });
  });

  it('refuses to work without its sheet and names it', () => {
    spreadsheet(env).deleteSheet(sheet(env, '复查复核'));
    const e = (() => {
      try {
        new SheetRecords(spreadsheet(env)).load([A], ['review']);
      } catch (err) {
        return err;
      }
      return null;
    })();
    expect(e).toMatchObject({ code: 'NO_SHEET', message: expect.stringContaining('复查复核') });
  });
});

describe('what an appendRow may write as it is (keptAsText)', () => {
  it('dates, numbers and Chinese text go by appendRow; anything Sheets could read as a number, date or formula does not', () => {
    for (const v of [
      new Date(),
      3,
      '',
      '同意',
      '王芳 <wangfang@jinghu.gov.cn>',
      '镜访〔2026〕001号',
      '信访诉求：（空） → =1+1',
    ])
      expect([v, keptAsText(v)]).toEqual([v, true]);
    for (const v of [
      '=1+1 同意',
      '+86 138',
      '-5',
      "'文本",
      '@x',
      '00123',
      'wangfang@jinghu.gov.cn',
      '2026年10月5日',
      '上午10:30',
      '100元',
      'TRUE',
    ])
      expect([v, keptAsText(v)]).toEqual([v, false]);
  });
});
