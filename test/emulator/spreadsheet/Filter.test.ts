// Contract checks of Filter: creating, reading column criteria and removing a sheet's filter
// (https://developers.google.com/apps-script/reference/spreadsheet/filter).
import { runChecks, type Check } from '../harness';

const REF = 'https://developers.google.com/apps-script/reference/spreadsheet/';

export const filterChecks: Check[] = [
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
];

runChecks('spreadsheet.Filter', filterChecks);
