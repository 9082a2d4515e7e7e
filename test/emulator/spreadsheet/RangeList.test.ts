// Contract checks of RangeList: one call applied to every range
// (https://developers.google.com/apps-script/reference/spreadsheet/range-list).
import { runChecks, type Check } from '../harness';

const SHEET = 'https://developers.google.com/apps-script/reference/spreadsheet/sheet';

export const rangeListChecks: Check[] = [
  {
    name: 'getRangeList applies one call to every range',
    source: SHEET + '#getRangeList(String)',
    run: (t) => {
      const sh = SpreadsheetApp.getActive().getSheets()[0];
      sh.getRangeList(['A1', 'C3:D3']).setValue('x');
      t.deepEqual(sh.getRange('A1:D3').getValues(), [
        ['x', '', '', ''],
        ['', '', '', ''],
        ['', '', 'x', 'x'],
      ]);
      t.equal(sh.getRangeList(['A1', 'B2']).getRanges().length, 2);
    },
  },
];

runChecks('spreadsheet.RangeList', rangeListChecks);
