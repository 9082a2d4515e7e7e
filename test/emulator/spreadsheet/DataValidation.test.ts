// Contract checks of DataValidation: what a rule does to writes
// (https://developers.google.com/apps-script/reference/spreadsheet/data-validation).
import { runChecks, type Check } from '../harness';

const FIDELITY = '../shared/docs/local-runtime-fidelity.md';

export const dataValidationChecks: Check[] = [
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
];

runChecks('spreadsheet.DataValidation', dataValidationChecks);
