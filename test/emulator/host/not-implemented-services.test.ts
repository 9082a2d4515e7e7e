// Contract checks of the built-in services the app must not use: their globals exist and every Apps Script member is
// loud (a name Apps Script lacks reads undefined, as for every service: see test/emulator/host/kernel.test.ts).
import { runChecks, type Check } from '../harness';

export const notImplementedServiceChecks: Check[] = [
  {
    name: 'DocumentApp exists and every member is loud (the app uses the Docs advanced service)',
    source: '../shared/docs/decisions.md §4',
    run: (t) => {
      t.equal(typeof DocumentApp, 'object');
      t.throws(
        () => DocumentApp.openById('x'),
        /^not implemented in the local runtime: DocumentApp\.openById$/,
        'NotImplemented',
      );
    },
  },
  {
    name: 'DriveApp and GmailApp exist and every member is loud',
    source: '../shared/docs/decisions.md §3–4',
    run: (t) => {
      t.throws(
        () => DriveApp.getFileById('x'),
        /^not implemented in the local runtime: DriveApp\.getFileById$/,
        'NotImplemented',
      );
      t.throws(
        () => GmailApp.sendEmail('a@example.com', 's', 'b'),
        /^not implemented in the local runtime: GmailApp\.sendEmail$/,
        'NotImplemented',
      );
    },
  },
];

runChecks('host.not-implemented-services', notImplementedServiceChecks);
