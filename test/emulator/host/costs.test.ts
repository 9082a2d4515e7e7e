// The cost model of the local runtime (decision 12; figures: /work/shared/docs/apps-script-costs.md): Sheets calls
// priced by kind and by cell, writes held and priced when committed, TextFinder searches priced server-side,
// stats() reporting it; and the TextFinder the runtime now has, checked against its reference page.
import fs from 'node:fs';
import path from 'node:path';
import { createGasEnvironment, type GasEnvironment } from '../../../emulator/index';
import { GasObject } from '../../../emulator/host/kernel';
import type { CheckAssert } from '../../../emulator/host/check-assert';
import { SHEETS_PRICES_NS } from '../../../emulator/host/costs';
import { listedKind, SHEETS_SERVICES, sheetsCallKind } from '../../../emulator/host/sheets-call-kinds';

const COSTS = '/work/shared/docs/apps-script-costs.md';
const TEXT_FINDER = 'https://developers.google.com/apps-script/reference/spreadsheet/text-finder';
const NOW = '2024-03-05T09:00:00+08:00';

/** An environment whose first sheet holds `rows` × `cols` of text, written host-side (uncounted, unpriced). */
function envWith(rows = 0, cols = 0): GasEnvironment {
  const env = createGasEnvironment({ now: NOW, seed: 7 });
  if (rows > 0) {
    const sheet = env.globals.SpreadsheetApp.getActive().getSheets()[0];
    if (sheet.getMaxRows() < rows) sheet.insertRowsAfter(sheet.getMaxRows(), rows - sheet.getMaxRows());
    const grid = Array.from({ length: rows }, (_, i) => Array.from({ length: cols }, (_, j) => `r${i}c${j}`));
    sheet.getRange(1, 1, rows, cols).setValues(grid);
  }
  return env;
}

/** Runs a check and returns its result with the execution's figures. */
function priced<T>(env: GasEnvironment, fn: (t: never) => T) {
  const result = env.runCheck(fn) as T;
  const s = env.stats();
  return { result, figures: s.executions[s.executions.length - 1] };
}

describe('prices (central figures of apps-script-costs.md)', () => {
  test('the constants are the central column', () => {
    expect(SHEETS_PRICES_NS).toEqual({
      roundTrip: 40_000_000,
      local: 1_000_000,
      cellRead: 35_000,
      cellWritten: 100_000,
      cellScanned: 8_750,
    });
  });

  test(`getValues of N cells costs 40 ms + N × 35 µs  [${COSTS} rows "round trip", "per cell read"]`, () => {
    const env = envWith(200, 10);
    const { result, figures } = priced(env, () => {
      const r = SpreadsheetApp.getActive().getSheets()[0].getRange(1, 1, 200, 10);
      const t0 = Date.now();
      const n = r.getValues().length;
      return [Date.now() - t0, n];
    });
    expect(result).toEqual([40 + 2000 * 0.035, 200]);
    expect(figures).toMatchObject({ cellsRead: 2000, cellsWritten: 0 });
  });

  test('a getRange is a local call of 1 ms; metadata is a round trip; the sheet list is fetched once', () => {
    const env = envWith(3, 3);
    const { result, figures } = priced(env, () => {
      const lap = (f: () => unknown) => {
        const t0 = Date.now();
        f();
        return Date.now() - t0;
      };
      const ss = SpreadsheetApp.getActive();
      const first = lap(() => ss.getSheetByName('Sheet1'));
      const again = lap(() => ss.getSheetByName('Sheet1'));
      const sheet = ss.getSheets()[0];
      return [
        first,
        again,
        lap(() => sheet.getRange('A1:C3')),
        lap(() => sheet.getName()),
        lap(() => sheet.getRange('A1:C3').getNumRows()),
        lap(() => sheet.getLastRow()),
        lap(() => sheet.getMaxRows()),
        lap(() => SpreadsheetApp.newDataValidation().requireCheckbox().build()),
      ];
    });
    expect(result).toEqual([40, 1, 1, 1, 2, 40, 40, 3]);
    // getSheetByName ×2, getSheets, getLastRow, getMaxRows … : 3 round trips, the rest local.
    expect(figures).toMatchObject({ roundTrips: 3, cellsRead: 0 });
  });

  test('two setValues then a getValues: one commit round trip + the written cells, then the read', () => {
    const env = envWith();
    const { result, figures } = priced(env, () => {
      const sheet = SpreadsheetApp.getActive().getSheets()[0];
      const t0 = Date.now();
      sheet.getRange('A1:J1').setValues([[1, 2, 3, 4, 5, 6, 7, 8, 9, 10]]);
      sheet.getRange('A2:T2').setValues([Array.from({ length: 20 }, (_, i) => i)]);
      const t1 = Date.now();
      const read = sheet.getRange(1, 1, 20, 10).getValues();
      const t2 = Date.now();
      return [t1 - t0, t2 - t1, read[1][9]];
    });
    // Two getRange + two setValues: 4 local calls. Then a getRange (1), the commit (40 + 30 × 0.1) and the
    // read (40 + 200 × 0.035).
    expect(result).toEqual([4, 1 + 40 + 3 + 40 + 7, 9]);
    expect(figures).toMatchObject({ cellsWritten: 30, cellsRead: 200 });
    // getSheets (first use), the commit and the read.
    expect(figures.roundTrips).toBe(3);
  });

  test('values land at once (a host read sees them), only the price waits for the commit', () => {
    const env = envWith();
    env.runCheck(() => {
      SpreadsheetApp.getActive().getSheets()[0].getRange('B2').setValue('已写');
    });
    expect(env.globals.SpreadsheetApp.getActive().getSheets()[0].getRange('B2').getValue()).toBe('已写');
  });

  test('the end of the execution commits the writes still held', () => {
    const env = envWith();
    const t0 = env.clock.nowMs();
    const { figures } = priced(env, () => {
      SpreadsheetApp.getActive().getSheets()[0].getRange(1, 1, 10, 10).setValue('x');
    });
    // getActive 1 + getSheets 40 + getRange 1 + setValue 1, then the commit 40 + 100 × 0.1.
    expect(figures).toMatchObject({ roundTrips: 2, localCalls: 3, cellsWritten: 100, modelledMs: 93 });
    expect(env.clock.nowMs() - t0).toBe(93);
    expect(env.stats().cost).toMatchObject({ roundTrips: 2, cellsWritten: 100, modelledMs: 93 });
  });

  test('flush commits the held writes; a flush with nothing held is one round trip', () => {
    const env = envWith();
    const { result, figures } = priced(env, () => {
      const sheet = SpreadsheetApp.getActive().getSheets()[0];
      sheet.getRange(1, 1, 10, 10).setValue('x');
      sheet.appendRow(['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i', 'j']);
      const t0 = Date.now();
      SpreadsheetApp.flush();
      const t1 = Date.now();
      SpreadsheetApp.flush();
      return [t1 - t0, Date.now() - t1];
    });
    // 100 cells set and a row of 10 appended: 40 + 110 × 0.1 ms; then nothing is held.
    expect(result).toEqual([40 + 11, 40]);
    expect(figures).toMatchObject({ roundTrips: 3, cellsWritten: 110 });
  });

  test('a toast or a dialog is a round trip that commits the held writes first', () => {
    const env = envWith();
    const { result } = priced(env, () => {
      const ss = SpreadsheetApp.getActive();
      ss.getSheets()[0].getRange('A1:A10').setValue(1);
      const t0 = Date.now();
      ss.toast('done');
      return Date.now() - t0;
    });
    expect(result).toBe(40 + 1 + 40);
  });

  test('another service keeps its own price: Properties get 30 ms, set 60 ms', () => {
    const env = envWith();
    const { result, figures } = priced(env, () => {
      const p = PropertiesService.getScriptProperties();
      const t0 = Date.now();
      p.getProperty('a');
      const t1 = Date.now();
      p.setProperty('a', '1');
      return [t1 - t0, Date.now() - t1];
    });
    expect(result).toEqual([30, 60]);
    expect(figures).toMatchObject({ roundTrips: 0, localCalls: 0 });
  });

  test(`a TextFinder search is one round trip plus the scanned cells at a quarter of the read price (assumed)  [${COSTS}]`, () => {
    const env = envWith(40, 20);
    const { result, figures } = priced(env, () => {
      const finder = SpreadsheetApp.getActive().getSheets()[0].createTextFinder('不在表里');
      const t0 = Date.now();
      const found = finder.findAll().length;
      return [Date.now() - t0, found];
    });
    // The sheet is 1000 × 26 but only its used 40 × 20 is scanned: 40 + 800 × 8.75 µs.
    expect(result).toEqual([40 + 7, 0]);
    expect(figures).toMatchObject({ cellsScanned: 800, cellsRead: 0 });
  });

  test('stats() reports per execution and in total; the old fields stay', () => {
    const env = envWith(10, 10);
    env.runCheck(() => SpreadsheetApp.getActive().getSheets()[0].getRange('A1:J10').getValues());
    env.runCheck(() => SpreadsheetApp.getActive().getSheets()[0].getRange('A1:E2').getValues());
    const s = env.stats();
    expect(s.executions.map((e) => [e.cellsRead, e.roundTrips, e.localCalls, e.spreadsheetCalls])).toEqual([
      [100, 2, 2, 4],
      [10, 2, 2, 4],
    ]);
    expect(s.cost).toMatchObject({ cellsRead: 110, roundTrips: 4, localCalls: 4, cellsWritten: 0 });
    expect(s.cost.modelledMs).toBe(s.executions[0].modelledMs + s.executions[1].modelledMs);
    expect(s.spreadsheetCalls).toBe(8);
  });
});

describe('every SpreadsheetApp member is classified', () => {
  /** Host classes of the Sheets services, with the gasService and gasClass their sources declare. */
  function sheetsClasses(): { name: string; gasService: string; gasClass: string; ctor: { prototype: object } }[] {
    const root = path.resolve(__dirname, '../../../emulator');
    const out: { name: string; gasService: string; gasClass: string; ctor: { prototype: object } }[] = [];
    for (const dir of ['spreadsheet', 'base']) {
      for (const f of fs.readdirSync(path.join(root, dir)).filter((n) => n.endsWith('.ts'))) {
        const file = path.join(root, dir, f);
        const parts = fs.readFileSync(file, 'utf8').split(/(?=export (?:abstract )?class )/);
        for (const part of parts) {
          const name = /^export (?:abstract )?class (\w+) extends GasObject/.exec(part)?.[1];
          const gasService = /gasService(?:: string)? = '(\w+)'/.exec(part)?.[1];
          const gasClass = /gasClass(?:: string)? = '(\w+)'/.exec(part)?.[1];
          if (!name || !gasService || !gasClass || !SHEETS_SERVICES.has(gasService)) continue;
          // eslint-disable-next-line @typescript-eslint/no-require-imports
          const mod = require(file) as Record<string, { prototype: object }>;
          out.push({ name, gasService, gasClass, ctor: mod[name] });
        }
      }
    }
    return out;
  }

  function members(proto: object): string[] {
    const names = new Set<string>();
    for (let p = proto; p && p !== GasObject.prototype; p = Object.getPrototypeOf(p) as object)
      for (const n of Object.getOwnPropertyNames(p))
        if (
          n !== 'constructor' &&
          !n.startsWith('_') &&
          typeof Object.getOwnPropertyDescriptor(p, n)?.value === 'function'
        )
          names.add(n);
    return [...names];
  }

  test('the classes are found (Range, Sheet, Spreadsheet, SpreadsheetApp, TextFinder, Ui…)', () => {
    const found = sheetsClasses().map((c) => c.gasClass);
    for (const cls of ['Range', 'Sheet', 'Spreadsheet', 'SpreadsheetApp', 'TextFinder', 'RangeList', 'Ui', 'Menu'])
      expect(found).toContain(cls);
  });

  test('each member of each class has a listed kind (an unlisted one would be priced as a round trip)', () => {
    const missing: string[] = [];
    for (const c of sheetsClasses()) {
      expect(c.ctor).toBeDefined();
      for (const m of members(c.ctor.prototype))
        if (listedKind(c.gasClass, m) === undefined) missing.push(`${c.gasClass}.${m}`);
    }
    expect(missing).toEqual([]);
  });

  test('an unlisted member defaults to a round trip, never to free', () => {
    expect(listedKind('Range', 'getBandings')).toBeUndefined();
    expect(sheetsCallKind('Range', 'getBandings')).toBe('roundTrip');
    expect(sheetsCallKind('Range', 'getValues')).toBe('read');
    expect(sheetsCallKind('Range', 'setValues')).toBe('write');
    expect(sheetsCallKind('Sheet', 'getRange')).toBe('local');
    expect(sheetsCallKind('EmbeddedBarChartBuilder', 'setTitle')).toBe('local');
  });
});

describe('TextFinder', () => {
  const seed = (env: GasEnvironment) => {
    const sheet = env.globals.SpreadsheetApp.getActive().getSheets()[0];
    sheet.getRange('A1:C3').setValues([
      ['Apple pie', 'apple', 'Banana'],
      ['pineAPPLE', 'Café', 12.5],
      ['', 'APPLE', '=A1'],
    ]);
    sheet.getRange('C2').setNumberFormat('0.00');
  };
  const check = (name: string, anchor: string, fn: (t: never) => unknown) =>
    test(`${name}  [${TEXT_FINDER}${anchor}]`, () => {
      const env = createGasEnvironment({ now: NOW, seed: 7 });
      seed(env);
      env.runCheck(fn);
    });

  check(
    'findAll returns Ranges, row by row, case-insensitive and partial by default',
    '#findAll()',
    (t: CheckAssert) => {
      const all = SpreadsheetApp.getActive().getSheets()[0].createTextFinder('apple').findAll();
      t.deepEqual(
        all.map((r: GoogleAppsScript.Spreadsheet.Range) => r.getA1Notation()),
        ['A1', 'B1', 'A2', 'B3'],
      );
      t.equal(all[0].getValue(), 'Apple pie');
    },
  );

  check('matchCase(true) matches the case exactly', '#matchCase(Boolean)', (t: CheckAssert) => {
    const f = SpreadsheetApp.getActive().getSheets()[0].createTextFinder('apple').matchCase(true);
    t.deepEqual(
      f.findAll().map((r: GoogleAppsScript.Spreadsheet.Range) => r.getA1Notation()),
      ['B1'],
    );
  });

  check('matchEntireCell(true) matches the whole content only', '#matchEntireCell(Boolean)', (t: CheckAssert) => {
    const f = SpreadsheetApp.getActive().getSheets()[0].createTextFinder('apple').matchEntireCell(true);
    t.deepEqual(
      f.findAll().map((r: GoogleAppsScript.Spreadsheet.Range) => r.getA1Notation()),
      ['B1', 'B3'],
    );
  });

  check('the display text is searched (a number as formatted)', '#findAll()', (t: CheckAssert) => {
    const f = SpreadsheetApp.getActive().getSheets()[0].createTextFinder('12.50');
    t.deepEqual(
      f.findAll().map((r: GoogleAppsScript.Spreadsheet.Range) => r.getA1Notation()),
      ['C2'],
    );
  });

  check('matchFormulaText(true) searches formulas', '#matchFormulaText(Boolean)', (t: CheckAssert) => {
    const sheet = SpreadsheetApp.getActive().getSheets()[0];
    t.equal(sheet.createTextFinder('=A1').findAll().length, 0);
    t.deepEqual(
      sheet
        .createTextFinder('=A1')
        .matchFormulaText(true)
        .findAll()
        .map((r: GoogleAppsScript.Spreadsheet.Range) => r.getA1Notation()),
      ['C3'],
    );
  });

  check(
    'useRegularExpression(true) reads the text as a pattern',
    '#useRegularExpression(Boolean)',
    (t: CheckAssert) => {
      const f = SpreadsheetApp.getActive().getSheets()[0].createTextFinder('^a.*e$').useRegularExpression(true);
      t.deepEqual(
        f.findAll().map((r: GoogleAppsScript.Spreadsheet.Range) => r.getA1Notation()),
        ['A1', 'B1', 'B3'],
      );
    },
  );

  check(
    'without useRegularExpression the text is plain: ".*", "(", "[" and "^…$" match only cells holding them',
    '#useRegularExpression(Boolean)',
    (t: CheckAssert) => {
      const sheet = SpreadsheetApp.getActive().getSheets()[0];
      sheet.getRange('D1:D2').setValues([['a.*e (1)'], ['镜访〔2026〕[x]']]);
      const a1 = (text: string) =>
        sheet
          .createTextFinder(text)
          .findAll()
          .map((r: GoogleAppsScript.Spreadsheet.Range) => r.getA1Notation());
      t.deepEqual(a1('.*'), ['D1']);
      t.deepEqual(a1('('), ['D1']);
      t.deepEqual(a1('〔2026〕[x'), ['D2']);
      t.deepEqual(a1('^a.*e$'), []);
      t.deepEqual(
        sheet
          .createTextFinder('^a.*e$')
          .useRegularExpression(false)
          .findAll()
          .map((r: GoogleAppsScript.Spreadsheet.Range) => r.getA1Notation()),
        [],
      );
    },
  );

  check(
    'matchCase(true) with matchEntireCell(true): the whole cell, case as written',
    '#matchEntireCell(Boolean)',
    (t: CheckAssert) => {
      const f = SpreadsheetApp.getActive()
        .getSheets()[0]
        .createTextFinder('APPLE')
        .matchCase(true)
        .matchEntireCell(true);
      t.deepEqual(
        f.findAll().map((r: GoogleAppsScript.Spreadsheet.Range) => r.getA1Notation()),
        ['B3'],
      );
    },
  );

  check('ignoreDiacritics(true) matches "Cafe" to "Café"', '#ignoreDiacritics(Boolean)', (t: CheckAssert) => {
    const sheet = SpreadsheetApp.getActive().getSheets()[0];
    t.equal(sheet.createTextFinder('cafe').findAll().length, 0);
    t.equal(sheet.createTextFinder('cafe').ignoreDiacritics(true).findAll()[0].getA1Notation(), 'B2');
  });

  check(
    'findNext walks forward, getCurrentMatch is the last found, findPrevious walks back, null at the end',
    '#findNext()',
    (t: CheckAssert) => {
      const f = SpreadsheetApp.getActive().getSheets()[0].createTextFinder('apple');
      t.equal(f.getCurrentMatch(), null);
      const seen: string[] = [];
      for (let r = f.findNext(); r; r = f.findNext()) seen.push(r.getA1Notation());
      t.deepEqual(seen, ['A1', 'B1', 'A2', 'B3']);
      t.equal(f.getCurrentMatch()!.getA1Notation(), 'B3');
      t.equal(f.findPrevious()!.getA1Notation(), 'A2');
      t.equal(f.findPrevious()!.getA1Notation(), 'B1');
      t.equal(f.getCurrentMatch()!.getA1Notation(), 'B1');
    },
  );

  check('startFrom(range) continues right after the range', '#startFrom(Range)', (t: CheckAssert) => {
    const sheet = SpreadsheetApp.getActive().getSheets()[0];
    const f = sheet.createTextFinder('apple').startFrom(sheet.getRange('B1'));
    t.equal(f.findNext()!.getA1Notation(), 'A2');
  });

  check('Range.createTextFinder searches only the range', '#findAll()', (t: CheckAssert) => {
    const r = SpreadsheetApp.getActive().getSheets()[0].getRange('B1:B3');
    t.deepEqual(
      r
        .createTextFinder('apple')
        .findAll()
        .map((x: GoogleAppsScript.Spreadsheet.Range) => x.getA1Notation()),
      ['B1', 'B3'],
    );
  });

  check('Spreadsheet.createTextFinder searches every sheet in tab order', '#findAll()', (t: CheckAssert) => {
    const ss = SpreadsheetApp.getActive();
    ss.insertSheet('二').getRange('D4').setValue('APPLE tree');
    t.deepEqual(
      ss
        .createTextFinder('apple tree')
        .findAll()
        .map((x: GoogleAppsScript.Spreadsheet.Range) => `${x.getSheet().getName()}!${x.getA1Notation()}`),
      ['二!D4'],
    );
    t.equal(ss.createTextFinder('apple').findAll().length, 5);
  });

  check('replaceAllWith and replaceWith are not emulated', '#replaceAllWith(String)', (t: CheckAssert) => {
    const f = SpreadsheetApp.getActive().getSheets()[0].createTextFinder('apple');
    t.throws(() => f.replaceAllWith('pear'), 'not implemented in the local runtime: TextFinder.replaceAllWith', null);
    t.throws(() => f.replaceWith('pear'), 'not implemented in the local runtime: TextFinder.replaceWith', null);
  });
});
