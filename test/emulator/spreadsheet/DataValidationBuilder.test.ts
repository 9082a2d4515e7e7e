// Contract checks of DataValidationBuilder: criteria, defaults and what the built rule records
// (https://developers.google.com/apps-script/reference/spreadsheet/data-validation-builder).
import { runChecks, type Check } from '../harness';

const REF = 'https://developers.google.com/apps-script/reference/spreadsheet/';

export const dataValidationBuilderChecks: Check[] = [
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
    name: 'requireValueInList takes non-string items and gives them back as strings; showDropdown stays a boolean',
    source: REF + 'data-validation-builder#requireValueInList(String)',
    run: (t) => {
      const b = SpreadsheetApp.newDataValidation().requireValueInList([9, false, 'z'] as unknown as string[]);
      t.deepEqual(b.getCriteriaValues(), [['9', 'false', 'z'], true]);
      const rule = b.build();
      t.deepEqual(rule.getCriteriaValues(), [['9', 'false', 'z'], true]);
      t.deepEqual(
        SpreadsheetApp.newDataValidation()
          .requireValueInList([1.5] as unknown as string[], false)
          .getCriteriaValues(),
        [['1.5'], false],
      );
    },
  },
  {
    name: 'requireValueInList with a non-array is a signature error naming only the arguments given',
    source: REF + 'data-validation-builder#requireValueInList(String)',
    run: (t) => {
      t.throws(
        () => SpreadsheetApp.newDataValidation().requireValueInList('a,b' as unknown as string[]),
        /^The parameters \(String\) don't match the method signature for SpreadsheetApp\.DataValidationBuilder\.requireValueInList\.$/,
      );
      t.throws(
        () => SpreadsheetApp.newDataValidation().requireValueInList([{}] as unknown as string[], true),
        /^The parameters \(Object\[\],Boolean\) don't match the method signature/,
      );
      t.throws(
        () =>
          SpreadsheetApp.newDataValidation().requireValueInRange(
            'A1:A3' as unknown as GoogleAppsScript.Spreadsheet.Range,
          ),
        /^The parameters \(String\) don't match the method signature for SpreadsheetApp\.DataValidationBuilder\.requireValueInRange\.$/,
      );
    },
  },
];

runChecks('spreadsheet.DataValidationBuilder', dataValidationBuilderChecks);
