// 初始化/修复 through the real bundle: idempotent, keeps existing data and extra columns, installs triggers only for
// their recorded owner, and 接管定时任务 moves them without doubling what a trigger does.
import type { GasEnvironment } from '../../emulator/index';
import { createGasEnvironment } from '../../emulator/index';
import { ensureDist } from '../helpers/dist';
import {
  cellOf,
  headerOf,
  lastAlert,
  LEAD_LABELS,
  logOf,
  ok,
  PEOPLE,
  PLATFORM_CASE,
  register,
  rowsOf,
  startOffice,
} from './office';

/** Everything setup could touch, as plain data: sheets, values, formats, notes, rules, protections, triggers. */
/** A second 信访办 officer typed into 人员 below the office's people; returns their e-mail. */
function addSecondOfficer(env: GasEnvironment): string {
  const email = 'liuyang@jinghu.gov.cn';
  const people = env.globals.SpreadsheetApp.getActive().getSheetByName('人员')!;
  env.typeInto('人员', `A${people.getLastRow() + 1}`, [['刘洋', email, '信访办', '综合事务部', '', '']]);
  return email;
}

function snapshot(env: GasEnvironment): unknown {
  const ss = env.globals.SpreadsheetApp.getActive();
  return {
    zone: ss.getSpreadsheetTimeZone(),
    locale: ss.getSpreadsheetLocale(),
    sheets: ss.getSheets().map((sh) => {
      const width = Math.max(1, sh.getLastColumn());
      const rows = Math.max(1, sh.getLastRow());
      const block = sh.getRange(1, 1, Math.min(rows + 1, sh.getMaxRows()), width);
      return {
        name: sh.getName(),
        maxRows: sh.getMaxRows(),
        maxColumns: sh.getMaxColumns(),
        frozen: sh.getFrozenRows(),
        values: block.getValues(),
        formats: block.getNumberFormats(),
        notes: block.getNotes(),
        validations: block
          .getDataValidations()
          .map((r) => r.map((v) => (v ? v.getCriteriaValues().map(String) : null))),
        filter: sh.getFilter()?.getRange().getA1Notation() ?? null,
        rules: sh.getConditionalFormatRules().map((r) => r.getBooleanCondition()?.getCriteriaValues().map(String)),
        protections: sh
          .getProtections(env.globals.SpreadsheetApp.ProtectionType.RANGE)
          .map((p) => `${p.getDescription()}@${p.getRange().getA1Notation()}:${p.isWarningOnly()}`),
      };
    }),
    triggers: env.triggers().map((t) => `${t.owner}:${t.handler}:${t.eventType}:${t.uid}`),
  };
}

describe('初始化/修复', () => {
  it('lays out the seven sheets with Chinese headers, frozen header rows and the script-owned columns protected', () => {
    const env = startOffice();
    const ss = env.globals.SpreadsheetApp.getActive();
    for (const name of ['台账', '流转记录', '部室', '人员', '时限', '节假日', '设置'])
      expect(ss.getSheetByName(name)?.getFrozenRows()).toBe(1);
    expect(rowsOf(env, '流转记录')).toEqual([]);
    expect(ss.getSheetByName('流转记录')!.getRange(1, 1, 1, 7).getValues()[0]).toEqual([
      '时间',
      '编号',
      '动作',
      '原状态',
      '新状态',
      '操作人',
      '说明',
    ]);
    expect(ss.getSpreadsheetTimeZone()).toBe('Asia/Shanghai');
    expect(ss.getSpreadsheetLocale()).toBe('zh_CN');
    const ledger = ss.getSheetByName('台账')!;
    const header = ledger.getRange(1, 1, 1, ledger.getLastColumn()).getValues()[0]!;
    expect(header.slice(0, 7)).toEqual(LEAD_LABELS.slice(0, 7));
    expect([ledger.getFrozenRows(), ledger.getFrozenColumns()]).toEqual([1, 2]);
    const col = (label: string) => header.indexOf(label) + 1;
    expect(ledger.getRange(2, col('编号')).getNumberFormat()).toBe('@');
    expect(ledger.getRange(2, col('身份证号码')).getNumberFormat()).toBe('@');
    expect(ledger.getRange(2, col('联系电话')).getNumberFormat()).toBe('@');
    expect(ledger.getRange(2, col('信访日期')).getNumberFormat()).toBe('yyyy-mm-dd');
    const protectedCols = ledger
      .getProtections(env.globals.SpreadsheetApp.ProtectionType.RANGE)
      .map((p) => p.getDescription());
    expect(protectedCols).toContain('信访台账：由脚本维护的列「编号」');
    expect(ledger.getProtections(env.globals.SpreadsheetApp.ProtectionType.RANGE).every((p) => p.isWarningOnly())).toBe(
      true,
    );
    expect(rowsOf(env, '时限').map((r) => `${r['节点']}${r['时限']}${r['单位']}`)).toContain('办结60日');
    expect(rowsOf(env, '节假日').find((r) => r['日期'] === '2026-10-01')).toMatchObject({ 类型: '休' });
    expect(rowsOf(env, '设置').find((r) => r['设置项'] === '集体访人数')).toMatchObject({ 值: '5' });
    // Dropdowns: fixed lists from the case model, 承办部室 from 部室, 问题类别 from the list kept in 设置.
    const rule = (label: string) => ledger.getRange(2, col(label)).getDataValidation()!;
    expect(rule('信访形式').getCriteriaValues()[0]).toEqual(['来信', '来访', '来电', '网上信访', '信访代办']);
    expect(rule('问题类别').getCriteriaValues()[0]).toContain('城乡建设');
    expect((rule('承办部室').getCriteriaValues()[0] as GoogleAppsScript.Spreadsheet.Range).getA1Notation()).toMatch(
      /^A2:A/,
    );
  });

  it('changes nothing when run twice, spreadsheet and triggers alike', () => {
    const env = startOffice();
    register(env, PLATFORM_CASE);
    const before = snapshot(env);
    ok(env);
    env.clickMenu('信访台账', '初始化/修复', '初始化/修复');
    expect(snapshot(env)).toEqual(before);
  });

  it('installs nothing for a second officer and tells them who owns the triggers', () => {
    const env = startOffice();
    const second = addSecondOfficer(env);
    const before = env.triggers().map((t) => t.uid);
    env.open({ user: second });
    ok(env);
    env.clickMenu('信访台账', '初始化/修复', '初始化/修复', { user: second });
    expect(lastAlert(env)).toContain(`定时任务由 ${PEOPLE.office.email} 负责，本次未安装`);
    expect(env.triggers().map((t) => t.uid)).toEqual(before);
  });

  it('is refused to anyone but the 信访办 once 人员 lists people, and changes nothing', () => {
    const env = startOffice();
    const before = snapshot(env);
    const triggers = env.triggers().map((t) => t.uid);
    for (const user of [PEOPLE.petitionLeader.email, PEOPLE.liaison.email, 'stranger@jinghu.gov.cn']) {
      env.open({ user });
      ok(env);
      env.clickMenu('信访台账', '初始化/修复', '初始化/修复', { user });
      expect(lastAlert(env)).toContain('「初始化/修复」只限「人员」表中的「信访办」人员运行。');
    }
    expect(snapshot(env)).toEqual(before);
    expect(env.triggers().map((t) => t.uid)).toEqual(triggers);
  });

  it('keeps existing data and an extra column when repairing an old ledger', () => {
    const env = createGasEnvironment({ now: '2026-10-09T09:00:00+08:00', owner: PEOPLE.office.email });
    env.loadBundle(ensureDist());
    const ss = env.globals.SpreadsheetApp.getActive();
    const old = ss.insertSheet('台账');
    old.getRange('A1:D1').setValues([['备注（本科室）', '编号', '信访人姓名', '状态']]);
    old.getRange('A2:D2').setValues([['老台账导入', '镜访〔2026〕007号', '钱七', '办理中']]);
    env.open();
    ok(env);
    env.clickMenu('信访台账', '初始化/修复', '初始化/修复');
    const rows = rowsOf(env, '台账');
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      '备注（本科室）': '老台账导入',
      编号: '镜访〔2026〕007号',
      信访人姓名: '钱七',
      状态: '办理中',
    });
    // The lead columns moved to the left whole (each cell stays in its row); the office's own column follows them.
    const header = old.getRange(1, 1, 1, old.getLastColumn()).getValues()[0]!;
    expect(header.slice(0, 8)).toEqual(LEAD_LABELS.slice(0, 8));
    expect(header.indexOf('备注（本科室）')).toBeGreaterThan(10);
    expect(old.getRange('A2:B2').getValues()[0]).toEqual(['镜访〔2026〕007号', '办理中']);
    expect(lastAlert(env)).toMatch(/补充表头：.*台账\.信访日期/);
    // Run again: nothing moves.
    ok(env);
    env.clickMenu('信访台账', '初始化/修复', '初始化/修复');
    expect(old.getRange(1, 1, 1, old.getLastColumn()).getValues()[0]).toEqual(header);
  });
});

describe('接管定时任务', () => {
  it('moves the triggers to the person taking over; the old owner’s triggers then do nothing', () => {
    const env = startOffice();
    const { caseNo } = register(env, PLATFORM_CASE);
    const taker = addSecondOfficer(env);
    env.open({ user: taker });
    env.answerNextDialog({ button: 'YES' });
    ok(env);
    env.clickMenu('信访台账', '初始化/修复', '接管定时任务', { user: taker });
    expect(
      env
        .triggers()
        .filter((t) => t.owner === taker)
        .map((t) => t.handler)
        .sort(),
    ).toEqual([
      'buildMonthlyAnalysis',
      'dailyRefresh',
      'dailyReminders',
      ...Array.from({ length: 9 }, () => 'hourlyChase'),
      'onLedgerEdit',
    ]);
    // Both accounts' edit triggers fire on an edit; only the new owner's acts, so the edit is logged once.
    env.typeInto('台账', cellOf(env, caseNo, '信访诉求'), '工地夜间施工噪音扰民，已持续两周。', {
      user: PEOPLE.office.email,
    });
    expect(logOf(env, caseNo).filter((l) => l['动作'] === '修改')).toHaveLength(1);
    const ran = env
      .executions()
      .filter((e) => e.functionName === 'onLedgerEdit')
      .slice(-2);
    expect(ran.map((e) => e.effectiveUser).sort()).toEqual([taker, PEOPLE.office.email].sort());
  });
});

describe('接管定时任务 by someone not in the 信访办', () => {
  it('is refused with the reason and the triggers stay where they are', () => {
    const env = startOffice();
    const before = env.triggers().map((t) => [t.uid, t.owner]);
    env.open({ user: PEOPLE.petitionLeader.email });
    ok(env);
    env.clickMenu('信访台账', '初始化/修复', '接管定时任务', { user: PEOPLE.petitionLeader.email });
    expect(lastAlert(env)).toContain('此功能只限「信访办」使用。');
    expect(env.triggers().map((t) => [t.uid, t.owner])).toEqual(before);
  });
});

describe('初始化/修复 on a large ledger', () => {
  it('leaves formats, dropdowns and protections that are in place alone, and restores a column whose format was changed', () => {
    const env = startOffice();
    const ledger = env.globals.SpreadsheetApp.getActive().getSheetByName('台账')!;
    const dateCol = headerOf(env, '台账').get('信访日期')!;
    ledger.getRange(2, dateCol, ledger.getMaxRows() - 1, 1).setNumberFormat('0.00');
    /** Calls of `name` made by a 初始化/修复 run from the menu. */
    const repair = (): Record<string, number> => {
      const before = { ...env.stats().total };
      ok(env);
      env.clickMenu('信访台账', '初始化/修复', '初始化/修复');
      const after = env.stats().total;
      return Object.fromEntries(Object.keys(after).map((k) => [k, after[k]! - (before[k] ?? 0)]));
    };
    expect(repair()['SpreadsheetApp.Range.setNumberFormat']).toBe(1);
    expect(ledger.getRange(ledger.getMaxRows(), dateCol).getNumberFormat()).toBe('yyyy-mm-dd');
    const again = repair();
    expect(again['SpreadsheetApp.Range.setNumberFormat'] ?? 0).toBe(0);
    expect(again['SpreadsheetApp.Range.setDataValidation'] ?? 0).toBe(0);
    // The script-owned columns' protections: read once, left alone while they span their columns…
    expect(again['SpreadsheetApp.Sheet.getProtections']).toBe(1);
    expect(again['SpreadsheetApp.Range.protect'] ?? 0).toBe(0);
    // …and made anew to the last row once the sheet has grown.
    ledger.insertRowsAfter(ledger.getMaxRows(), 500);
    const grown = repair();
    const protections = ledger.getProtections(env.globals.SpreadsheetApp.ProtectionType.RANGE);
    expect(grown['SpreadsheetApp.Range.protect']).toBe(protections.length);
    expect(protections.every((p) => p.getRange().getLastRow() === ledger.getMaxRows())).toBe(true);
  });
});
