// 归档往年… through the real bundle: past years' archived cases, with their 流转记录 lines and records, move to
// 信访台账归档 YYYY in the app's folder (shared like the ledger), driven from the 信访办's sidebar slice by slice; the
// archive read back and compared before anything leaves 台账; a fault at any Sheets or Drive call of the run leaves
// nothing lost or doubled once the person clicks 继续; 查找 finds archived cases; January's summary offers the archive.
import type { GasEnvironment } from '../../emulator/index';
import { sheetsCallKind } from '../../emulator/host/sheets-call-kinds';
import {
  archive,
  archiveIds,
  CASES,
  day,
  everything,
  indexOpenCase,
  indexProblems,
  MOVING,
  MOVING_SHEETS,
  norm,
  NOW,
  OFFICE,
  RECORD_SHEETS,
  records,
  runToEnd,
  seed,
  slice,
  ss,
  STAYING,
  type ArchiveStatus,
  type Seed,
} from './archive';
import { act, headerOf, lastAlert, logOf, ok, PEOPLE, selectCase, startOffice } from './office';

describe('归档往年… on a small ledger', () => {
  let env: GasEnvironment;
  let before: Record<string, Record<string, unknown>[]>;
  let ledgerBefore: Record<string, { values: unknown[]; formats: string[] }>;
  let seen: ArchiveStatus[];
  const shared = {
    [PEOPLE.principal.email]: 'reader',
    [PEOPLE.petitionLeader.email]: 'reader',
    'chenjing@jinghu.gov.cn': 'writer',
  };

  beforeAll(() => {
    env = startOffice(NOW);
    // The ledger shared with the leaders (read) and a second officer (edit), as the office would in Drive.
    for (const [email, role] of Object.entries(shared))
      env.drive.drive.Permissions.create({ type: 'user', role, emailAddress: email }, ss(env).getId(), {
        sendNotificationEmail: false,
      });
    seed(env, CASES);
    before = everything(env);
    const sheet = ss(env).getSheetByName('台账')!;
    const width = sheet.getLastColumn();
    ledgerBefore = Object.fromEntries(
      STAYING.map((no) => {
        const row = records(sheet).findIndex((r) => r['编号'] === no) + 2;
        const range = sheet.getRange(row, 1, 1, width);
        return [no, { values: range.getValues()[0]!, formats: range.getNumberFormats()[0]! }];
      }),
    );
    env.open(OFFICE);
    env.clickMenu('信访台账', '标记与归档', '归档往年…', OFFICE);
  });

  it('opens a sidebar that says what may move, by year, and why the old cases that stay do', () => {
    const d = env.ui.dialogs.at(-1)!;
    expect(d).toMatchObject({ kind: 'sidebar', title: '归档往年信访件' });
    const status = JSON.parse(/var DATA = (.*);/.exec(d.html)![1]!) as ArchiveStatus;
    expect(status).toMatchObject({
      started: false,
      waiting: [
        { year: 2023, count: 3 },
        { year: 2024, count: 2 },
      ],
    });
    expect(status.staying.sort((a, b) => a.reason.localeCompare(b.reason))).toEqual([
      { reason: '仍在复查复核申请期内（至2026-01-19）', count: 1 },
      { reason: '尚未归档', count: 1 },
    ]);
    expect(ss(env).getSheetByName('台账')!.getLastRow()).toBe(CASES.length + 1);
  });

  it('moves them slice by slice, a year at a time, each slice well inside the 6-minute limit', () => {
    seen = runToEnd(env);
    expect(seen.at(-1)).toMatchObject({ finished: true, error: '', message: '已全部完成。' });
    expect(seen.at(-1)!.moved).toEqual([
      { year: 2023, count: 3 },
      { year: 2024, count: 2 },
    ]);
    const runs = env.stats().executions.filter((e) => e.functionName === 'archiveRunSlice');
    expect(runs.length).toBe(seen.length);
    expect(Math.max(...runs.map((e) => e.modelledMs))).toBeLessThan(60_000);
    expect(env.executions().filter((e) => e.functionName === 'archiveRunSlice' && e.outcome !== 'completed')).toEqual(
      [],
    );
  });

  it('leaves the others in 台账 with their anchors, cells and formats as they were', () => {
    const rows = records(ss(env).getSheetByName('台账'));
    expect(rows.map((r) => r['编号'])).toEqual(STAYING);
    const sheet = ss(env).getSheetByName('台账')!;
    rows.forEach((r, i) => {
      expect(r['系统编号（勿改）']).toBe(r['编号']);
      const range = sheet.getRange(i + 2, 1, 1, sheet.getLastColumn());
      expect(range.getValues()[0]).toEqual(ledgerBefore[String(r['编号'])]!.values);
      expect(range.getNumberFormats()[0]).toEqual(ledgerBefore[String(r['编号'])]!.formats);
    });
  });

  it('loses nothing and doubles nothing: every row is in 台账 or in its year’s archive, once', () => {
    const after = everything(env);
    for (const name of MOVING_SHEETS)
      expect([name, after[name]!.map(norm).sort()]).toEqual([name, before[name]!.map(norm).sort()]);
    for (const [year, nos] of [
      [2023, MOVING.slice(0, 3)],
      [2024, MOVING.slice(3)],
    ] as const) {
      const book = archive(env, year);
      expect(records(book.getSheetByName('台账')).map((r) => r['编号'])).toEqual(nos);
      expect(new Set(records(book.getSheetByName('流转记录')).map((r) => r['编号']))).toEqual(new Set(nos));
      for (const name of RECORD_SHEETS)
        for (const r of records(book.getSheetByName(name))) expect(nos).toContain(r['编号']);
    }
    for (const name of ['流转记录', ...RECORD_SHEETS])
      for (const r of records(ss(env).getSheetByName(name))) expect(MOVING).not.toContain(r['编号']);
  });

  it('keeps ID numbers, phones, leading zeros and text that looks like a formula as text', () => {
    const book = archive(env, 2023);
    const sheet = book.getSheetByName('台账')!;
    const h = headerOf(env, '台账');
    const first = records(sheet)[0]!;
    expect(first).toMatchObject({
      身份证号码: '110105194912310021',
      联系电话: '13800000000',
      上级信访件编号: '00042',
    });
    for (const label of ['身份证号码', '联系电话', '上级信访件编号'])
      expect(sheet.getRange(2, h.get(label)!).getNumberFormat()).toBe('@');
    expect(records(sheet)[1]!['备注']).toBe("=1+1 不是公式；'前导撇号");
    expect(records(archive(env, 2024).getSheetByName('台账'))[0]!['联系电话']).toBe('057512345678');
    // Dates read back as the same instants, shown with the ledger's formats.
    expect(first['信访日期']).toEqual(day('2023-03-02'));
    expect(sheet.getRange(2, h.get('信访日期')!).getNumberFormat()).toBe('yyyy-mm-dd');
    // The document links are kept as they were.
    expect(String(records(book.getSheetByName('文书'))[0]!['文档链接'])).toMatch(
      /^https:\/\/docs\.google\.com\/document\/d\//,
    );
  });

  it('makes one archive a year in the app’s folder, with the same tabs and headers, shared like the ledger', () => {
    expect(Object.keys(archiveIds(env)).sort()).toEqual(['2023', '2024']);
    const folder = env.globals.PropertiesService.getScriptProperties().getProperty('FORMS_FOLDER_ID')!;
    for (const year of [2023, 2024]) {
      const book = archive(env, year);
      expect(book.getName()).toBe(`信访台账归档 ${year}`);
      const file = env.drive.store.find(book.getId())!;
      expect(file.parents).toEqual([folder]);
      const perms = Object.fromEntries((file.permissions ?? []).map((p) => [p.emailAddress, p.role]));
      expect(perms).toEqual(shared);
      expect(book.getSheets().map((s) => s.getName())).toEqual([...MOVING_SHEETS]);
      for (const name of MOVING_SHEETS)
        expect([name, [...headerOf(env, name).keys()]]).toEqual([
          name,
          book.getSheetByName(name)!.getRange(1, 1, 1, book.getSheetByName(name)!.getLastColumn()).getValues()[0],
        ]);
      expect(book.getSheetByName('流转记录')!.getMaxColumns()).toBe(7);
    }
    expect(env.drive.store.shareNotices).toEqual([]);
    expect([...env.drive.store.files.values()].filter((f) => f.name.startsWith('信访台账归档')).length).toBe(2);
  });

  it('logs the move, and moves the row numbers the log’s month index and the workbench index keep', () => {
    const lines = records(ss(env).getSheetByName('流转记录')).filter((r) => r['动作'] === '年度归档');
    expect(lines.map((l) => String(l['说明']))).toEqual([
      `2023年 3 件移入「信访台账归档 2023」${archive(env, 2023).getUrl()}：${MOVING.slice(0, 3).join('、')}`,
      `2024年 2 件移入「信访台账归档 2024」${archive(env, 2024).getUrl()}：${MOVING.slice(3).join('、')}`,
    ]);
    expect(lines.map((l) => l['操作人'])).toEqual(new Array(2).fill(`王芳 <${PEOPLE.office.email}>`));
    const index = JSON.parse(env.globals.PropertiesService.getScriptProperties().getProperty('LOG_MONTH_ROWS')!) as [
      string,
      number,
    ][];
    expect(index.length).toBeGreaterThan(3);
    expect(indexProblems(env)).toEqual([]);
  });

  it('finds an archived case with 查找 by ID number, phone or name, naming its archive', () => {
    const byId = env.submitDialog('findCases', ['110105194912310021'], OFFICE) as {
      caseNo: string;
      archive?: { name: string; url: string };
      hint: string;
    }[];
    expect(byId).toEqual([
      expect.objectContaining({
        caseNo: '镜访〔2023〕001号',
        name: '张三',
        archive: { name: '信访台账归档 2023', url: archive(env, 2023).getUrl() },
      }),
    ]);
    expect(byId[0]!.hint).not.toContain('110105194912310021');
    expect(
      (env.submitDialog('findCases', ['13800000000'], OFFICE) as { caseNo: string }[]).map((f) => f.caseNo),
    ).toEqual(['镜访〔2023〕001号']);
    const byNo = env.submitDialog('findCases', ['镜访〔2024〕'], OFFICE) as { caseNo: string; archive?: unknown }[];
    expect(byNo.map((f) => [f.caseNo, !!f.archive]).sort()).toEqual(
      [
        ['镜访〔2024〕001号', true],
        ['镜访〔2024〕002号', true],
        ['镜访〔2024〕003号', false],
        ['镜访〔2024〕004号', false],
      ].sort(),
    );
  });

  it('a second run finds nothing more to move and changes nothing', () => {
    const now = everything(env);
    const again = runToEnd(env);
    expect(again.at(-1)).toMatchObject({ finished: true, moved: [], waiting: [] });
    expect(everything(env)).toEqual(now);
  });

  it('once the 复查 window has passed, the last 2024 case moves into the same archive', () => {
    env.clock.set('2026-01-20T09:00:00+08:00');
    const end = runToEnd(env).at(-1)!;
    expect(end.moved).toEqual([{ year: 2024, count: 1 }]);
    expect(records(archive(env, 2024).getSheetByName('台账')).map((r) => r['编号'])).toEqual([
      ...MOVING.slice(3),
      '镜访〔2024〕004号',
    ]);
    expect(Object.keys(archiveIds(env)).sort()).toEqual(['2023', '2024']);
  });

  it('refuses everyone but the 信访办', () => {
    env.open({ user: PEOPLE.liaison.email });
    expect(() => env.submitDialog('archiveRunSlice', [{ start: true }], { user: PEOPLE.liaison.email })).toThrow(
      '此功能只限「信访办」使用。',
    );
    env.open({ user: PEOPLE.petitionLeader.email });
    ok(env);
    env.clickMenu('信访台账', '标记与归档', '归档往年…', { user: PEOPLE.petitionLeader.email });
    expect(env.ui.alerts.at(-1)!.message).toContain('此功能只限「信访办」使用。');
  });
});

describe('the 信访办’s summary in January', () => {
  it('offers the archive while cases of two or more years ago wait in 台账', () => {
    const env = startOffice(NOW);
    seed(env, CASES);
    env.answerNextDialog({ button: 'YES' });
    ok(env);
    env.open(OFFICE);
    env.clickMenu('信访台账', '期限提醒', '立即发送提醒', OFFICE);
    const summary = env.outbox.find((m) => m.to.includes(PEOPLE.office.email));
    expect(summary?.body).toContain(
      '台账中有 6 件2024年及以前受理的已归档信访件，可用「信访台账 › 标记与归档 › 归档往年…」移入年度归档表格。',
    );
  });
});

describe('the read-back before anything leaves 台账', () => {
  let env: GasEnvironment;
  beforeEach(() => {
    env = startOffice(NOW);
    seed(env, CASES.slice(0, 3));
  });

  it('a cell of the archive that differs from 台账 stops the batch: nothing leaves, 继续 writes it again', () => {
    const first = slice(env, { start: true });
    expect(first.step).toBe('核对「信访台账归档 2023」并从台账移出（3 件）');
    // Someone types into the archive between the write and the read-back.
    const copy = archive(env, 2023).getSheetByName('台账')!;
    copy.getRange(2, headerOf(env, '台账').get('联系电话')!).setValue('13900000000');
    const failed = slice(env);
    expect(failed.error).toBe(
      '「核对归档并从台账移出」未完成：「台账」1 行不一致：镜访〔2023〕001号「联系电话」台账为 13800000000，归档读回 13900000000\n' +
        '台账未改动（没有任何行被移出）。点「继续」重试：已写入归档的不会重复写入。',
    );
    expect(records(ss(env).getSheetByName('台账')).map((r) => r['编号'])).toEqual(CASES.slice(0, 3).map((c) => c.no));
    const end = runToEnd(env, false).at(-1)!;
    expect(end).toMatchObject({ finished: true, moved: [{ year: 2023, count: 3 }] });
    expect(records(archive(env, 2023).getSheetByName('台账')).map((r) => [r['编号'], r['联系电话']])).toEqual([
      ['镜访〔2023〕001号', '13800000000'],
      ['镜访〔2023〕002号', ''],
      ['镜访〔2023〕003号', ''],
    ]);
  });

  it('stopped after the log lines left and before 台账’s rows: 案件历史 reads them from the archive; 继续 ends it', () => {
    slice(env, { start: true });
    // The deletions run 回访记录, 签批记录, 文书 (the sheets holding the batch's records), 流转记录, then 台账.
    env.faults.failOn('SpreadsheetApp.Sheet.deleteRows', { nth: 5, error: 'Service Spreadsheets timed out.' });
    const failed = slice(env);
    env.faults.clear();
    expect(failed.error).toContain('台账未改动；这批信访件的部分流转记录和记录已核对无误、移入归档。');
    const no = CASES[0]!.no;
    expect(logOf(env, no)).toEqual([]);
    env.open(OFFICE);
    selectCase(env, 'office', no);
    ok(env);
    env.clickMenu('信访台账', '案件历史', OFFICE);
    const [title, ...shown] = lastAlert(env).split('\n');
    expect(title).toBe(`案件历史 · ${no}`);
    expect(shown[0]).toBe(`（已移入「信访台账归档 2023」：${archive(env, 2023).getUrl()}）`);
    expect(shown.slice(1).map((l) => l.split(/\s+/)[2])).toEqual(['登记（—', '回访（待回访', '归档（已回访']);
    expect(runToEnd(env, false).at(-1)).toMatchObject({ finished: true, moved: [{ year: 2023, count: 3 }] });
    expect(records(ss(env).getSheetByName('台账'))).toEqual([]);
  });

  it('a case that asks for 复查 between the write and the read-back stays in 台账; the rest move', () => {
    slice(env, { start: true });
    const no = CASES[1]!.no;
    expect(
      act(env, 'office', no, ['复查复核', '复查复核申请…'], { reviewKind: '复查', reviewRequestDate: '2026-01-06' }),
    ).toMatchObject({ ok: true });
    const end = runToEnd(env, false).at(-1)!;
    expect(end).toMatchObject({ finished: true, error: '', moved: [{ year: 2023, count: 2 }] });
    expect(records(ss(env).getSheetByName('台账')).map((r) => r['编号'])).toEqual([no]);
    expect(logOf(env, no).map((l) => l['动作'])).toEqual(['登记', '回访', '归档', '复查复核申请']);
    // 查找 shows it where it is: in 台账 (the copy written before it changed is not a second hit).
    const found = env.submitDialog('findCases', [no], OFFICE) as { caseNo: string; archive?: unknown }[];
    expect(found).toEqual([expect.objectContaining({ caseNo: no })]);
    expect(found[0]!.archive).toBeUndefined();
  });
});

/** The year the fault runs archive: each run's cases are numbered apart, and each run makes the year's archive anew. */
const FAULT_YEAR = 2020;
const batchOf = (run: number): Seed[] => [
  {
    no: `镜访〔${FAULT_YEAR}〕${String(2 * run + 1).padStart(3, '0')}号`,
    date: `${FAULT_YEAR}-03-02`,
    state: '已归档',
    idNumber: '110105194912310021',
    phone: '13800000000',
  },
  {
    no: `镜访〔${FAULT_YEAR}〕${String(2 * run + 2).padStart(3, '0')}号`,
    date: `${FAULT_YEAR}-06-15`,
    state: '已归档',
    upstreamNo: '00042',
  },
];

/** The rows of some cases in the ledger's spreadsheet, or in an archive, by sheet (comparable text, sorted). */
function rowsOfCases(book: GoogleAppsScript.Spreadsheet.Spreadsheet | null, nos: readonly string[]) {
  return Object.fromEntries(
    MOVING_SHEETS.map((name) => [
      name,
      (book ? records(book.getSheetByName(name)) : [])
        .filter((r) => nos.includes(String(r['编号'])))
        .map(norm)
        .sort(),
    ]),
  );
}

/** After a failed step the person clicks 继续 (or 开始归档 when the run never started) until it finishes. */
function resume(env: GasEnvironment): ArchiveStatus {
  const s = slice(env, {});
  if (!s.started || s.finished) return runToEnd(env).at(-1)!;
  return runToEnd(env, false).at(-1)!;
}

/** Sheets calls that reach Google's backend (the runtime's cost model: not the local builder calls). */
const reachesGoogle = (name: string): boolean => {
  if (name.startsWith('Drive.')) return true;
  const [, cls, member] = name.split('.');
  return (
    name.startsWith('SpreadsheetApp.') && sheetsCallKind(member ? cls! : 'SpreadsheetApp', member ?? cls!) !== 'local'
  );
};

describe('a fault at each Sheets and Drive call of a run, then 继续', () => {
  let env: GasEnvironment;
  let run = 0;
  /** Calls made by one run, by name (measured on a run without faults). */
  const calls: Record<string, number> = {};
  const others = CASES.slice(5).map((c) => c.no);
  const props = () => env.globals.PropertiesService.getScriptProperties();

  /**
   * Seeds a new batch of FAULT_YEAR (the year's earlier archive set aside, so this run makes one afresh), runs `act`,
   * and checks that nothing of it is lost or doubled, in 台账, in the new archive and in Drive.
   */
  function check(act: () => void): void {
    const ids = archiveIds(env);
    const earlier = ids[String(FAULT_YEAR)];
    if (earlier) {
      env.drive.store.find(earlier)!.name = `信访台账归档 ${FAULT_YEAR}（第${run}次）`;
      delete ids[String(FAULT_YEAR)];
      props().setProperty('ARCHIVE_IDS', JSON.stringify(ids));
    }
    run += 1;
    const nos = batchOf(run).map((c) => c.no);
    // An open case below the batch: its line in the workbench index names a row that moves up.
    const open = `镜访〔2026〕${String(100 + run)}号`;
    seed(env, [...batchOf(run), { no: open, date: '2026-01-05', state: '办理中' }]);
    indexOpenCase(env, open);
    const before = rowsOfCases(ss(env), nos);
    const stay = rowsOfCases(ss(env), others);
    act();
    expect(rowsOfCases(ss(env), nos)).toEqual(rowsOfCases(null, nos));
    expect(rowsOfCases(archive(env, FAULT_YEAR), nos)).toEqual(before);
    expect(rowsOfCases(ss(env), others)).toEqual(stay);
    expect(indexProblems(env)).toEqual([]);
    const files = [...env.drive.store.files.values()].filter((f) => f.name === `信访台账归档 ${FAULT_YEAR}`);
    expect(files.map((f) => [f.id, f.parents])).toEqual([
      [archiveIds(env)[String(FAULT_YEAR)], [props().getProperty('FORMS_FOLDER_ID')]],
    ]);
    expect((files[0]!.permissions ?? []).map((p) => [p.emailAddress, p.role])).toEqual([
      [PEOPLE.principal.email, 'reader'],
    ]);
  }

  beforeAll(() => {
    env = startOffice(NOW);
    env.drive.drive.Permissions.create(
      { type: 'user', role: 'reader', emailAddress: PEOPLE.principal.email },
      ss(env).getId(),
      { sendNotificationEmail: false },
    );
    seed(env, CASES.slice(5));
    check(() => {
      const t0 = { ...env.stats().total };
      expect(runToEnd(env).at(-1)).toMatchObject({ finished: true, error: '' });
      for (const [k, v] of Object.entries(env.stats().total))
        if (reachesGoogle(k) && v > (t0[k] ?? 0)) calls[k] = v - (t0[k] ?? 0);
    });
  });

  const FAULTS: Record<string, string> = {
    SpreadsheetApp: `Service Spreadsheets timed out while accessing document with id 1xyz.`,
    Drive: 'API call to drive failed with error: Internal Error',
  };

  it('measures the run it faults: the archive created, moved, shared, written, read back; rows deleted', () => {
    expect(calls).toMatchObject({
      'SpreadsheetApp.create': 1,
      'SpreadsheetApp.openById': 1,
      'Drive.Files.update': 1,
      'Drive.Permissions.create': 1,
    });
    expect(calls['SpreadsheetApp.Range.setNumberFormats']).toBeGreaterThanOrEqual(5);
    expect(calls['SpreadsheetApp.Sheet.deleteRows']).toBeGreaterThanOrEqual(7);
  });

  it('leaves nothing lost or doubled, whichever call fails; the sidebar says whether 台账 was touched', () => {
    const said = new Set<string>();
    for (const [name, n] of Object.entries(calls)) {
      for (let nth = 1; nth <= n; nth++) {
        check(() => {
          env.faults.failOn(name, { nth, error: FAULTS[name.split('.')[0]!]! });
          let first: ArchiveStatus | null = null;
          try {
            first = runToEnd(env).at(-1)!;
          } catch {
            // Before the step's own catch (who is calling, the job's properties): the page's failure handler.
          }
          env.faults.clear();
          if (first?.error) said.add(first.error.split('\n')[1]!.replace(/点「继续」.*/, ''));
          expect(resume(env)).toMatchObject({ finished: true, error: '' });
        });
      }
    }
    expect([...said].sort()).toEqual([
      '台账未改动（没有任何行被移出）。',
      '台账未改动；这批信访件的部分流转记录和记录已核对无误、移入归档。',
      '已核对无误的信访件已从台账移出，其余仍在台账。',
    ]);
  });

  it('resumes a slice killed at Apps Script’s time limit at any call that writes, whatever it had saved', () => {
    const writes = Object.entries(calls).filter(([name]) => {
      const [, cls, member] = name.split('.');
      return (
        name.startsWith('Drive.') ||
        !member ||
        !['read', 'roundTrip', 'firstUse'].includes(sheetsCallKind(cls!, member))
      );
    });
    expect(writes.length).toBeGreaterThan(10);
    for (const [name, n] of writes)
      for (let nth = 1; nth <= n; nth++)
        check(() => {
          env.faults.killAt({ call: name, nth });
          expect(() => runToEnd(env)).toThrow('Exceeded maximum execution time');
          env.faults.clear();
          expect(resume(env)).toMatchObject({ finished: true, error: '' });
        });
  });
});
