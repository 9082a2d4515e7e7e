// Contract checks of ConditionalFormatRuleBuilder: conditions and formats the built rule keeps
// (https://developers.google.com/apps-script/reference/spreadsheet/conditional-format-rule-builder).
import { runChecks, type Check } from '../harness';

const REF = 'https://developers.google.com/apps-script/reference/spreadsheet/';

export const conditionalFormatRuleBuilderChecks: Check[] = [
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
];

runChecks('spreadsheet.ConditionalFormatRuleBuilder', conditionalFormatRuleBuilderChecks);
