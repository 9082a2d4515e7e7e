// Contract checks of SpreadsheetTriggerBuilder: spreadsheet triggers and their event types
// (https://developers.google.com/apps-script/reference/script/spreadsheet-trigger-builder).
import { runChecks, type Check } from '../harness';

const REF = 'https://developers.google.com/apps-script/reference/script/';

export const spreadsheetTriggerBuilderChecks: Check[] = [
  {
    name: 'a spreadsheet trigger records ON_EDIT, the SPREADSHEETS source and the spreadsheet id',
    source: REF + 'spreadsheet-trigger-builder',
    run: (t) => {
      const tr = ScriptApp.newTrigger('onEditInstalled').forSpreadsheet('sheet-id-1').onEdit().create();
      t.equal(tr.getEventType(), ScriptApp.EventType.ON_EDIT);
      t.equal(tr.getTriggerSource(), ScriptApp.TriggerSource.SPREADSHEETS);
      t.equal(tr.getTriggerSourceId(), 'sheet-id-1');
      t.equal(
        ScriptApp.newTrigger('o').forSpreadsheet('sheet-id-1').onOpen().create().getEventType(),
        ScriptApp.EventType.ON_OPEN,
      );
      t.equal(
        ScriptApp.newTrigger('c').forSpreadsheet('sheet-id-1').onChange().create().getEventType(),
        ScriptApp.EventType.ON_CHANGE,
      );
    },
  },
  {
    name: 'a spreadsheet trigger without an event type is refused',
    source: REF + 'spreadsheet-trigger-builder',
    run: (t) => t.throws(() => ScriptApp.newTrigger('x').forSpreadsheet('id').create(), /Trigger type not specified/),
  },
];

runChecks('script.SpreadsheetTriggerBuilder', spreadsheetTriggerBuilderChecks);
