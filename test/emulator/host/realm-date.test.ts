// Contract checks of the app's Date: the simulated clock, the script's zone, Dates of the execution's realm.
import { runChecks, type Check } from '../harness';

const FIDELITY_1 = '../shared/docs/local-runtime-fidelity.md §1';

export const realmDateChecks: Check[] = [
  {
    name: 'new Date() and Date.now() read the simulated clock',
    source: FIDELITY_1,
    run: (t) => {
      const start = Date.parse('2024-03-05T09:00:00+08:00');
      t.ok(Date.now() >= start && Date.now() < start + 60_000, 'Date.now');
      t.ok(new Date().getTime() >= start && new Date().getTime() < start + 60_000, 'new Date');
      t.equal(typeof Date(), 'string');
    },
  },
  {
    name: "local time is the script's time zone (Asia/Shanghai, UTC+8)",
    source: 'https://developers.google.com/apps-script/concepts/manifests (timeZone); ' + FIDELITY_1,
    run: (t) => {
      t.equal(new Date(2024, 0, 1).getTimezoneOffset(), -480);
      t.equal(new Date(2024, 0, 1).toISOString(), '2023-12-31T16:00:00.000Z');
      t.equal(Session.getScriptTimeZone(), 'Asia/Shanghai');
    },
  },
  {
    name: 'a Date made inside is instanceof Date and its constructor is Date',
    source: FIDELITY_1 + ' (realm trap)',
    run: (t) => {
      const d = new Date(0);
      t.ok(d instanceof Date);
      t.ok(d.constructor === Date);
      t.equal(Object.prototype.toString.call(d), '[object Date]');
    },
  },
];

runChecks('host.realm-date', realmDateChecks);
