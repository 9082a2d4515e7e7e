// Contract checks of Trigger: what an installed trigger records
// (https://developers.google.com/apps-script/reference/script/trigger).
import { runChecks, type Check } from '../harness';

const REF = 'https://developers.google.com/apps-script/reference/script/';

export const triggerChecks: Check[] = [
  {
    name: 'a time-driven trigger records its handler, CLOCK event type and source, no source id, a string uid',
    source: REF + 'trigger',
    run: (t) => {
      const tr = ScriptApp.newTrigger('job').timeBased().everyDays(1).atHour(9).create();
      t.equal(tr.getHandlerFunction(), 'job');
      t.equal(tr.getEventType(), ScriptApp.EventType.CLOCK);
      t.equal(tr.getTriggerSource(), ScriptApp.TriggerSource.CLOCK);
      t.equal(tr.getTriggerSourceId(), null);
      t.equal(typeof tr.getUniqueId(), 'string');
    },
  },
];

runChecks('script.Trigger', triggerChecks);
