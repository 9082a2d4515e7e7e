// Checks of rules and metadata on sheets: data validation, conditional formats, protections, named ranges,
// filters, charts, selection, and people typing into cells.
import type { Check } from './harness';

const REF = 'https://developers.google.com/apps-script/reference/spreadsheet/';
const FIDELITY = '../shared/docs/local-runtime-fidelity.md';
const CLERK = 'clerk@example.gov.cn';

export const ruleChecks: Check[] = [
  {
    name: 'a list validation records its criteria, dropdown flag, help text and allowInvalid',
    source: REF + 'data-validation-builder#requireValueInList(String,Boolean)',
    run: (t) => {
      const r = SpreadsheetApp.getActive().getSheets()[0].getRange('C2:C10');
      const rule = SpreadsheetApp.newDataValidation()
        .requireValueInList(['受理', '办结'], true)
        .setAllowInvalid(false)
        .setHelpText('选择状态')
        .build();
      r.setDataValidation(rule);
      const got = r.getCell(5, 1).getDataValidation()!;
      t.equal(got.getCriteriaType(), SpreadsheetApp.DataValidationCriteria.VALUE_IN_LIST);
      t.deepEqual(got.getCriteriaValues(), [['受理', '办结'], true]);
      t.equal(got.getAllowInvalid(), false);
      t.equal(got.getHelpText(), '选择状态');
      t.equal(SpreadsheetApp.getActive().getSheets()[0].getRange('C1').getDataValidation(), null);
    },
  },
  {
    name: 'allowInvalid defaults to true; showDropdown defaults to true',
    source: REF + 'data-validation-builder#setAllowInvalid(Boolean)',
    run: (t) => {
      const rule = SpreadsheetApp.newDataValidation().requireValueInList(['a']).build();
      t.equal(rule.getAllowInvalid(), true);
      t.deepEqual(rule.getCriteriaValues(), [['a'], true]);
    },
  },
  {
    name: 'validation never blocks a script write',
    source: FIDELITY + ' §3.8',
    run: (t) => {
      const r = SpreadsheetApp.getActive().getSheets()[0].getRange('A1');
      r.setDataValidation(
        SpreadsheetApp.newDataValidation().requireValueInList(['是', '否']).setAllowInvalid(false).build(),
      );
      r.setValue('也许');
      t.equal(r.getValue(), '也许');
    },
  },
  {
    name: 'range, date and checkbox validations; getDataValidations is per cell; null removes',
    source: REF + 'range#setDataValidations(DataValidation)',
    run: (t) => {
      const sh = SpreadsheetApp.getActive().getSheets()[0];
      const src = sh.getRange('Z1:Z3');
      const inRange = SpreadsheetApp.newDataValidation().requireValueInRange(src, false).build();
      t.equal(inRange.getCriteriaType(), SpreadsheetApp.DataValidationCriteria.VALUE_IN_RANGE);
      t.equal((inRange.getCriteriaValues()[0] as GoogleAppsScript.Spreadsheet.Range).getA1Notation(), 'Z1:Z3');
      const date = SpreadsheetApp.newDataValidation().requireDate().build();
      const box = SpreadsheetApp.newDataValidation().requireCheckbox().build();
      sh.getRange('A1:C1').setDataValidations([[inRange, date, box]]);
      const got = sh
        .getRange('A1:C1')
        .getDataValidations()[0]
        .map((v) => v && v.getCriteriaType());
      t.deepEqual(got, ['VALUE_IN_RANGE', 'DATE_IS_VALID_DATE', 'CHECKBOX'] as unknown[]);
      sh.getRange('A1').setDataValidation(null);
      t.equal(sh.getRange('A1').getDataValidation(), null);
    },
  },
  {
    name: 'insertCheckboxes sets FALSE and counts as content; check/uncheck/isChecked',
    source: REF + 'range#insertCheckboxes()',
    run: (t) => {
      const sh = SpreadsheetApp.getActive().getSheets()[0];
      const r = sh.getRange('D1:D3').insertCheckboxes();
      t.equal(sh.getLastRow(), 3);
      t.equal(r.isChecked(), false);
      r.getCell(1, 1).check();
      t.equal(r.isChecked(), null);
      r.check();
      t.equal(r.isChecked(), true);
      t.equal(sh.getRange('E1').isChecked(), null);
    },
  },
  {
    name: 'setConditionalFormatRules replaces every rule; getConditionalFormatRules returns copies',
    source: REF + 'conditional-format-rule-builder',
    run: (t) => {
      const sh = SpreadsheetApp.getActive().getSheets()[0];
      const mk = (f: string) =>
        SpreadsheetApp.newConditionalFormatRule()
          .whenFormulaSatisfied(f)
          .setBackground('#F4CCCC')
          .setRanges([sh.getRange('A2:D100')])
          .build();
      sh.setConditionalFormatRules([mk('=$D2>0'), mk('=$D2<0')]);
      sh.setConditionalFormatRules([mk('=$D2=0')]);
      const rules = sh.getConditionalFormatRules();
      t.equal(rules.length, 1);
      const cond = rules[0].getBooleanCondition()!;
      t.equal(cond.getCriteriaType(), SpreadsheetApp.BooleanCriteria.CUSTOM_FORMULA);
      t.deepEqual(cond.getCriteriaValues(), ['=$D2=0']);
      t.equal(cond.getBackground(), '#f4cccc');
      t.equal(rules[0].getRanges()[0].getA1Notation(), 'A2:D100');
      rules.pop();
      t.equal(sh.getConditionalFormatRules().length, 1);
    },
  },
  {
    name: 'appending to the rule list keeps the old rules (the documented read-push-set pattern)',
    source: REF + 'sheet#setConditionalFormatRules(ConditionalFormatRule)',
    run: (t) => {
      const sh = SpreadsheetApp.getActive().getSheets()[0];
      const rule = (text: string) =>
        SpreadsheetApp.newConditionalFormatRule()
          .whenTextEqualTo(text)
          .setFontColor('#ff0000')
          .setRanges([sh.getRange('B:B')])
          .build();
      sh.setConditionalFormatRules([rule('超期')]);
      const rules = sh.getConditionalFormatRules();
      rules.push(rule('临期'));
      sh.setConditionalFormatRules(rules);
      t.deepEqual(
        sh.getConditionalFormatRules().map((r) => r.getBooleanCondition()!.getCriteriaValues()[0]),
        ['超期', '临期'],
      );
    },
  },
  {
    name: 'a conditional format rule on another sheet is refused',
    source: FIDELITY + ' §3.8 (ErrorHandler CONDITIONNAL_RULE_REFERENCE_DIF_SHEET)',
    run: (t) => {
      const ss = SpreadsheetApp.getActive();
      const other = ss.insertSheet('B');
      const rule = SpreadsheetApp.newConditionalFormatRule()
        .whenCellEmpty()
        .setBackground('#ffff00')
        .setRanges([other.getRange('A1')])
        .build();
      t.throws(
        () => ss.getSheets()[0].setConditionalFormatRules([rule]),
        'Conditional format rule cannot reference a different sheet.',
      );
    },
  },
  {
    name: 'number conditions keep their arguments',
    source: REF + 'conditional-format-rule-builder#whenNumberBetween(Number,Number)',
    run: (t) => {
      const b = SpreadsheetApp.newConditionalFormatRule().whenNumberBetween(1, 10).setBold(true);
      const c = b.build().getBooleanCondition()!;
      t.deepEqual([c.getCriteriaType(), c.getCriteriaValues(), c.getBold()], [
        'NUMBER_BETWEEN',
        [1, 10],
        true,
      ] as unknown[]);
    },
  },
  {
    name: 'range.protect records a protection; description and warning-only round-trip',
    source: REF + 'protection',
    run: (t) => {
      const ss = SpreadsheetApp.getActive();
      const p = ss.getSheets()[0].getRange('A1:B10').protect().setDescription('表头');
      t.equal(p.getDescription(), '表头');
      t.equal(p.getProtectionType(), SpreadsheetApp.ProtectionType.RANGE);
      t.equal(p.getRange().getA1Notation(), 'A1:B10');
      t.equal(p.isWarningOnly(), false);
      p.setWarningOnly(true);
      t.equal(ss.getProtections(SpreadsheetApp.ProtectionType.RANGE)[0].isWarningOnly(), true);
      t.equal(ss.getProtections(SpreadsheetApp.ProtectionType.SHEET).length, 0);
    },
  },
  {
    name: 'the documented lock-down pattern leaves only the runner as editor',
    source: REF + 'protection (class example)',
    setup: (env) => {
      env.globals.SpreadsheetApp.getActive().addEditors([CLERK]);
    },
    run: (t) => {
      const p = SpreadsheetApp.getActive().getSheets()[0].getRange('A1:B10').protect();
      t.deepEqual(
        p.getEditors().map((u) => u.getEmail()),
        ['clerk@example.gov.cn'],
        'a new protection mirrors the spreadsheet editors',
      );
      const me = Session.getEffectiveUser();
      p.addEditor(me);
      p.removeEditors(p.getEditors());
      t.deepEqual(
        p.getEditors().map((u) => u.getEmail()),
        [me.getEmail()],
      );
      t.equal(p.canEdit(), true);
    },
  },
  {
    name: 'a warning-only protection has no editor list: addEditor is refused',
    source:
      'https://developers.google.com/sheets/api/reference/rest/v4/spreadsheets/sheets#ProtectedRange (editors not supported with warningOnly)',
    run: (t) => {
      const p = SpreadsheetApp.getActive().getSheets()[0].protect().setWarningOnly(true);
      t.deepEqual(p.getEditors(), []);
      t.throws(() => p.addEditor('x@example.gov.cn'), /warning-only/);
    },
  },
  {
    name: "a non-editor's script write to a hard-protected range fails",
    source: FIDELITY + ' §3.8 (ErrorHandler TRYING_TO_EDIT_PROTECTED_CELL)',
    user: CLERK,
    setup: (env) => {
      const ss = env.globals.SpreadsheetApp.getActive();
      ss.addEditor(CLERK);
      const p = ss.getSheets()[0].getRange('A1:Z1').protect();
      p.removeEditors([CLERK]);
    },
    run: (t) => {
      const sh = SpreadsheetApp.getActive().getSheets()[0];
      t.throws(
        () => sh.getRange('B1').setValue('x'),
        'You are trying to edit a protected cell or object. Please contact the spreadsheet owner to remove protection if you need to edit.',
      );
      t.equal(sh.getRange('A1:Z1').canEdit(), false);
      sh.getRange('A2').setValue('ok');
      t.equal(sh.getRange('A2').getValue(), 'ok');
    },
  },
  {
    name: 'warning-only protections let a non-editor write; the owner always may',
    source: REF + 'protection#setWarningOnly(Boolean)',
    user: CLERK,
    setup: (env) => {
      const sh = env.globals.SpreadsheetApp.getActive().getSheets()[0];
      sh.getRange('A1').protect().setWarningOnly(true);
      sh.getRange('B1').protect().removeEditors([CLERK]);
      sh.getRange('B1').setValue('owner wrote');
    },
    run: (t) => {
      const sh = SpreadsheetApp.getActive().getSheets()[0];
      sh.getRange('A1').setValue('clerk wrote');
      t.equal(sh.getRange('A1').getValue(), 'clerk wrote');
      t.equal(sh.getRange('B1').getValue(), 'owner wrote');
    },
  },
  {
    name: 'sheet protections cover the sheet except its unprotected ranges; remove() lifts them',
    source: REF + 'protection#setUnprotectedRanges(Range)',
    user: CLERK,
    setup: (env) => {
      const sh = env.globals.SpreadsheetApp.getActive().getSheets()[0];
      sh.protect()
        .setUnprotectedRanges([sh.getRange('C:C')])
        .removeEditors([CLERK]);
    },
    run: (t) => {
      const ss = SpreadsheetApp.getActive();
      const sh = ss.getSheets()[0];
      sh.getRange('C5').setValue('ok');
      t.throws(() => sh.getRange('A5').setValue('x'), /protected cell/);
      t.throws(() => sh.insertRowsBefore(1, 1), /protected cell/);
      const p = sh.getProtections(SpreadsheetApp.ProtectionType.SHEET)[0];
      t.equal(p.canEdit(), false);
      t.equal(p.getUnprotectedRanges()[0].getA1Notation(), 'C1:C1000');
    },
  },
  {
    name: 'named ranges: set, get (null when missing), list, remove; they follow inserted rows',
    source: REF + 'spreadsheet#setNamedRange(String,Range)',
    run: (t) => {
      const ss = SpreadsheetApp.getActive();
      const sh = ss.getSheets()[0];
      ss.setNamedRange('状态列表', sh.getRange('Z1:Z5'));
      t.equal(ss.getRangeByName('状态列表')!.getA1Notation(), 'Z1:Z5');
      t.equal(ss.getRangeByName('nope'), null);
      sh.insertRowsBefore(1, 2);
      t.equal(ss.getRangeByName('状态列表')!.getA1Notation(), 'Z3:Z7');
      t.deepEqual(
        ss.getNamedRanges().map((n) => n.getName()),
        ['状态列表'],
      );
      ss.removeNamedRange('状态列表');
      t.equal(ss.getRangeByName('状态列表'), null);
    },
  },
  {
    name: 'a named range name that looks like a cell is refused',
    source: REF + 'spreadsheet#setNamedRange(String,Range)',
    run: (t) => {
      const ss = SpreadsheetApp.getActive();
      t.throws(() => ss.setNamedRange('A1', ss.getRange('A1')), /Named range names/);
    },
  },
  {
    name: 'createFilter, getFilter, column criteria and remove',
    source: REF + 'filter',
    run: (t) => {
      const sh = SpreadsheetApp.getActive().getSheets()[0];
      t.equal(sh.getFilter(), null);
      const f = sh.getRange('A1:D20').createFilter();
      t.equal(sh.getFilter()!.getRange().getA1Notation(), 'A1:D20');
      f.setColumnFilterCriteria(2, SpreadsheetApp.newFilterCriteria().setHiddenValues(['办结']).build());
      t.deepEqual(sh.getFilter()!.getColumnFilterCriteria(2)!.getHiddenValues(), ['办结']);
      f.setColumnFilterCriteria(3, SpreadsheetApp.newFilterCriteria().whenTextEqualTo('甲').build());
      t.equal(f.getColumnFilterCriteria(3)!.getCriteriaType(), SpreadsheetApp.BooleanCriteria.TEXT_EQUAL_TO);
      t.equal(f.getColumnFilterCriteria(1), null);
      f.remove();
      t.equal(sh.getFilter(), null);
    },
  },
  {
    name: 'a second filter on the same sheet is refused',
    source: REF + 'range#createFilter()',
    run: (t) => {
      const sh = SpreadsheetApp.getActive().getSheets()[0];
      sh.getRange('A1:B5').createFilter();
      t.throws(
        () => sh.getRange('C1:D5').createFilter(),
        "You can't create a filter in a sheet that already has a filter.",
      );
    },
  },
  {
    name: 'charts: newChart builds a spec that insertChart keeps; modify + updateChart; removeChart',
    source: REF + 'embedded-chart-builder',
    run: (t) => {
      const sh = SpreadsheetApp.getActive().getSheets()[0];
      const chart = sh
        .newChart()
        .asColumnChart()
        .addRange(sh.getRange('A1:B10'))
        .setPosition(2, 5, 0, 0)
        .setOption('title', '月度受理')
        .build();
      sh.insertChart(chart);
      const [c] = sh.getCharts();
      t.equal(c.getRanges()[0].getA1Notation(), 'A1:B10');
      t.equal(c.getContainerInfo().getAnchorColumn(), 5);
      t.equal(c.getOptions().get('title'), '月度受理');
      sh.updateChart(c.modify().asPieChart().setOption('title', '占比').build());
      t.equal(sh.getCharts()[0].getOptions().get('title'), '占比');
      t.equal(sh.getCharts()[0].modify().getChartType(), Charts.ChartType.PIE);
      sh.removeChart(sh.getCharts()[0]);
      t.equal(sh.getCharts().length, 0);
    },
  },
  {
    name: 'selection: A1 of the first sheet by default; setActiveRange and activate change it',
    source: REF + 'spreadsheet-app#getActiveRange()',
    run: (t) => {
      const ss = SpreadsheetApp.getActive();
      t.equal(SpreadsheetApp.getActiveRange().getA1Notation(), 'A1');
      t.equal(SpreadsheetApp.getCurrentCell().getA1Notation(), 'A1');
      const b = ss.insertSheet('B');
      b.getRange('B2:C3').activate();
      t.equal(ss.getActiveRange()!.getA1Notation(), 'B2:C3');
      t.equal(SpreadsheetApp.getSelection().getActiveSheet().getName(), 'B');
      t.equal(ss.getActiveCell().getA1Notation(), 'B2');
      ss.setActiveRange(ss.getSheets()[0].getRange('D4'));
      t.equal(SpreadsheetApp.getActiveSheet().getName(), 'Sheet1');
    },
  },
  {
    name: "env.select sets a person's selection, seen by their executions",
    source: FIDELITY + ' §3.7',
    setup: (env) => env.select('Sheet1', 'C3:D4'),
    run: (t) => {
      t.equal(SpreadsheetApp.getActiveRange().getA1Notation(), 'C3:D4');
    },
  },
  {
    name: 'a person typing parses in the spreadsheet locale, like a script write',
    source: FIDELITY + ' §3.4',
    setup: (env) => {
      env.loadSource('function noop() {}');
      env.typeInto('Sheet1', 'A1', '2026年10月5日');
      env.typeInto('Sheet1', 'B1:C1', [['00042', '=A1']]);
    },
    run: (t) => {
      const sh = SpreadsheetApp.getActive().getSheets()[0];
      t.equal((sh.getRange('A1').getValue() as Date).getTime(), new Date(2026, 9, 5).getTime());
      t.equal(sh.getRange('B1').getValue(), 42);
      t.equal(sh.getRange('C1').getFormula(), '=A1');
      t.equal(SpreadsheetApp.getActiveRange().getA1Notation(), 'B1:C1');
    },
  },
];
