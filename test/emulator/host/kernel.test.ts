// Contract checks of the kernel: the guard every service call passes through — enum identity, realm crossing, error
// shape, "not implemented", time limits, faults and auth modes.
import { runChecks, type Check } from '../harness';

const FIDELITY_1 = '../shared/docs/local-runtime-fidelity.md §1';
const QUOTAS = 'https://developers.google.com/apps-script/guides/services/quotas';
/** Which classes and members Apps Script has: emulator/host/gas-members.json, generated from these types. */
const TYPES = 'https://www.npmjs.com/package/@types/google-apps-script';

export const kernelChecks: Check[] = [
  {
    name: 'enum objects of a service are the same object on every read, so they compare and can be cached',
    source: 'https://developers.google.com/apps-script/reference/script/auth-mode',
    run: (t) => {
      t.ok(ScriptApp.AuthMode === ScriptApp.AuthMode, 'ScriptApp.AuthMode is one object');
      t.ok(
        SpreadsheetApp.ProtectionType === SpreadsheetApp.ProtectionType,
        'SpreadsheetApp.ProtectionType is one object',
      );
      t.equal(ScriptApp.AuthMode.FULL, ScriptApp.AuthMode.FULL);
    },
  },
  {
    name: 'arrays passed from the app reach the service intact (setValues with the app realm arrays)',
    source: 'https://developers.google.com/apps-script/reference/spreadsheet/range#setValues(Object)',
    run: (t) => {
      const sh = SpreadsheetApp.getActive().getSheets()[0]!;
      const rows = [1, 2, 3].map((n) => [n, String(n * 2)]);
      sh.getRange(1, 1, 3, 2).setValues(rows);
      const back = sh.getRange(1, 1, 3, 2).getValues();
      t.ok(Array.isArray(back) && back instanceof Array, 'getValues returns an array of the app realm');
      t.deepEqual(back, [
        [1, 2],
        [2, 4],
        [3, 6],
      ]);
    },
  },
  {
    name: "arrays and objects returned by services belong to the execution's realm",
    source: FIDELITY_1 + ' (realm trap)',
    run: (t) => {
      const props = PropertiesService.getScriptProperties().setProperty('a', '1');
      t.ok(props.getKeys() instanceof Array);
      t.ok(props.getProperties() instanceof Object);
      t.equal(Object.getPrototypeOf(props.getProperties()), Object.prototype);
    },
  },
  {
    name: "a service error is an Error of the app's realm named Exception; String(e) is 'Exception: <message>'",
    source: '../shared/docs/local-runtime-fidelity.md §2',
    run: (t) => {
      try {
        PropertiesService.getScriptProperties().setProperty('k', 'x'.repeat(10_000));
        t.ok(false, 'should have thrown');
      } catch (e) {
        t.ok(e instanceof Error);
        t.equal((e as Error).name, 'Exception');
        t.equal(String(e), 'Exception: Argument too large: value');
      }
    },
  },
  {
    name: 'a member Apps Script has that the runtime lacks fails loudly instead of returning undefined',
    source: '../shared/docs/style.md habit 10; ' + TYPES,
    run: (t) => {
      const u = Utilities as unknown as Record<string, unknown>;
      t.throws(() => u.parseCsv, /^not implemented in the local runtime: Utilities\.parseCsv$/, 'NotImplemented');
      t.throws(
        () => (DocumentApp as unknown as Record<string, unknown>).openById,
        /not implemented in the local runtime: DocumentApp\.openById/,
        'NotImplemented',
      );
      t.equal((DocumentApp as unknown as Record<string, unknown>).openByIdd, undefined);
    },
  },
  {
    name: 'a member Apps Script does not have reads undefined; calling it is a TypeError',
    source: 'https://developers.google.com/apps-script/reference/spreadsheet/range (no getValuez)',
    run: (t) => {
      const range = SpreadsheetApp.getActive().getRange('A1') as unknown as Record<string, unknown>;
      t.equal(range.getValuez, undefined);
      t.equal((SpreadsheetApp as unknown as Record<string, unknown>).foo, undefined);
      t.equal('getValuez' in range, false);
      t.throws(() => (range.getValuez as () => unknown)(), /is not a function/, 'TypeError');
    },
  },
  {
    name: "the runtime's own members (underscored, gasService, gasClass) are not there for the app",
    source: TYPES,
    run: (t) => {
      const lock = LockService.getScriptLock() as unknown as Record<string, unknown>;
      t.equal(lock._key, undefined);
      t.equal(lock.gasClass, undefined);
      t.equal((MailApp as unknown as Record<string, unknown>)._outbox, undefined);
      t.equal(JSON.stringify(SpreadsheetApp.getActive().getRange('A1')), '{}');
    },
  },
  {
    name: 'advanced services: a Drive API method the runtime lacks is loud, an unknown name is undefined',
    source: 'https://developers.google.com/drive/api/reference/rest/v3/files; ' + TYPES,
    setup: (env) =>
      env.loadSource('', {
        timeZone: 'Asia/Shanghai',
        dependencies: { enabledAdvancedServices: [{ userSymbol: 'Drive', serviceId: 'drive', version: 'v3' }] },
      }),
    run: (t) => {
      const files = Drive!.Files as unknown as Record<string, unknown>;
      t.throws(() => files.emptyTrash, /not implemented in the local runtime: Files\.emptyTrash/, 'NotImplemented');
      t.equal(files.emptyBin, undefined);
      t.throws(() => (Drive as unknown as Record<string, unknown>).Comments, /Drive\.Comments/, 'NotImplemented');
      const permissions = Drive!.Permissions as unknown as Record<string, unknown>;
      t.throws(() => permissions.remove, /not implemented in the local runtime: Permissions\.remove/, 'NotImplemented');
    },
  },
  {
    name: 'an execution that runs past 6 minutes is killed at its next service call',
    source: QUOTAS + ' (Script runtime 6 min / execution)',
    setup: (env) => void env.holdLock('script'),
    run: (t) => {
      const lock = LockService.getScriptLock();
      t.equal(lock.tryLock(200_000), false);
      t.equal(lock.tryLock(200_000), false);
      PropertiesService.getScriptProperties().getProperty('x');
    },
    fails: /Exception: Exceeded maximum execution time/,
  },
  {
    name: 'a simple trigger is killed after 30 seconds',
    source: 'https://developers.google.com/apps-script/guides/triggers#restrictions',
    kind: 'simpleTrigger',
    setup: (env) => void env.holdLock('script'),
    run: (t) => {
      t.equal(LockService.getScriptLock().tryLock(31_000), false);
      PropertiesService.getScriptProperties().getProperty('x');
    },
    fails: /Exceeded maximum execution time/,
  },
  {
    name: 'the time limit cannot be caught: catching the error does not let the execution complete',
    source: QUOTAS,
    setup: (env) => env.faults.killAt({ call: 'PropertiesService.Properties.getProperty' }),
    run: () => {
      try {
        PropertiesService.getScriptProperties().getProperty('x');
      } catch {
        // an app that swallows errors still dies
      }
      return 'survived';
    },
    fails: /Exceeded maximum execution time/,
    after: (env) => expect(env.executions()[0].outcome).toBe('failed'),
  },
  {
    name: 'an injected fault fails exactly the nth call, once, as an Exception',
    source: '../shared/docs/local-runtime-fidelity.md §2 (transient service errors)',
    setup: (env) =>
      env.faults.failOn('PropertiesService.Properties.getProperty', {
        nth: 2,
        error: 'Service unavailable: Properties',
      }),
    run: (t) => {
      const p = PropertiesService.getScriptProperties();
      t.equal(p.getProperty('a'), null);
      t.throws(() => p.getProperty('a'), /^Service unavailable: Properties$/);
      t.equal(p.getProperty('a'), null);
    },
  },
  {
    name: 'a simple trigger may not send mail or fetch URLs (services that need authorization)',
    source: 'https://developers.google.com/apps-script/guides/triggers#restrictions',
    kind: 'simpleTrigger',
    run: (t) => {
      t.throws(
        () => MailApp.sendEmail('a@example.gov.cn', 's', 'b'),
        /^You do not have permission to call MailApp\.sendEmail/,
      );
      t.throws(
        () => UrlFetchApp.fetch('https://oapi.dingtalk.com/robot/send'),
        /^You do not have permission to call UrlFetchApp\.fetch/,
      );
    },
  },
  {
    name: 'the same service call works in an installable trigger (AuthMode.FULL)',
    source: 'https://developers.google.com/apps-script/guides/triggers/installable',
    kind: 'installableTrigger',
    run: (t) => t.ok(MailApp.getRemainingDailyQuota() > 0),
  },
];

runChecks('host.kernel', kernelChecks);
