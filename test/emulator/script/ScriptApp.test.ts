// Checks of ScriptApp: trigger builders (validation, recording), per-user trigger lists, the 20-trigger cap,
// enums, and what simple triggers and narrow manifests are refused.
import type { Check } from './harness';

const REF = 'https://developers.google.com/apps-script/reference/script/';
const CLOCK = REF + 'clock-trigger-builder';
const SCOPES = { timeZone: 'Asia/Shanghai', oauthScopes: ['https://www.googleapis.com/auth/spreadsheets.currentonly'] };
const INSTALLER =
  'function install() { ScriptApp.newTrigger("job").timeBased().everyHours(1).create(); }\nfunction job() {}';

export const scriptAppChecks: Check[] = [
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
  {
    name: 'getProjectTriggers lists the triggers created, deleteTrigger removes one',
    source: REF + 'script-app#getProjectTriggers()',
    run: (t) => {
      const a = ScriptApp.newTrigger('a').timeBased().everyMinutes(5).create();
      ScriptApp.newTrigger('b').timeBased().everyHours(2).create();
      t.deepEqual(
        ScriptApp.getProjectTriggers().map((x) => x.getHandlerFunction()),
        ['a', 'b'],
      );
      ScriptApp.deleteTrigger(a);
      t.deepEqual(
        ScriptApp.getProjectTriggers().map((x) => x.getHandlerFunction()),
        ['b'],
      );
    },
  },
  {
    name: 'triggers persist across executions (installed in one, listed in the next)',
    source: REF + 'script-app#getProjectTriggers()',
    setup: (env) => {
      env.loadSource(INSTALLER);
      env.run('install');
    },
    run: (t) => t.equal(ScriptApp.getProjectTriggers().length, 1),
  },
  {
    name: "getProjectTriggers returns only the calling user's triggers",
    source: REF + 'script-app#getProjectTriggers()',
    setup: (env) => {
      env.loadSource(INSTALLER);
      env.run('install', undefined, { user: 'clerk@example.gov.cn' });
    },
    run: (t) => t.equal(ScriptApp.getProjectTriggers().length, 0),
    after: (env) => expect(env.triggers().map((x) => x.owner)).toEqual(['clerk@example.gov.cn']),
  },
  {
    name: 'everyMinutes accepts only 1, 5, 10, 15 and 30',
    source: CLOCK + '#everyMinutes(Integer)',
    run: (t) => {
      for (const n of [1, 5, 10, 15, 30]) ScriptApp.newTrigger('f').timeBased().everyMinutes(n);
      for (const n of [2, 20, 60, 0])
        t.throws(
          () => ScriptApp.newTrigger('f').timeBased().everyMinutes(n),
          /Invalid argument/,
          'Exception',
          String(n),
        );
    },
  },
  {
    name: 'everyHours accepts only 1, 2, 4, 6, 8 and 12',
    source: CLOCK + '#everyHours(Integer)',
    run: (t) => {
      for (const n of [1, 2, 4, 6, 8, 12]) ScriptApp.newTrigger('f').timeBased().everyHours(n);
      for (const n of [3, 5, 24])
        t.throws(() => ScriptApp.newTrigger('f').timeBased().everyHours(n), /Invalid argument/, 'Exception', String(n));
    },
  },
  {
    name: 'inTimezone rejects an unknown zone and accepts an IANA id',
    source: CLOCK + '#inTimezone(String)',
    run: (t) => {
      ScriptApp.newTrigger('f').timeBased().inTimezone('America/New_York');
      t.throws(
        () => ScriptApp.newTrigger('f').timeBased().inTimezone('Mars/Olympus_Mons'),
        /Invalid argument: timezone/,
      );
    },
  },
  {
    name: 'atHour and nearMinute reject out-of-range values',
    source: CLOCK + '#atHour(Integer)',
    run: (t) => {
      t.throws(() => ScriptApp.newTrigger('f').timeBased().atHour(24), /Invalid argument: hour/);
      t.throws(() => ScriptApp.newTrigger('f').timeBased().nearMinute(60), /Invalid argument: minute/);
      t.throws(() => ScriptApp.newTrigger('f').timeBased().onMonthDay(32), /Invalid argument: day/);
    },
  },
  {
    name: 'atHour needs a daily or weekly frequency; a schedule needs exactly one frequency',
    source: CLOCK + ' (atHour example: atHour(5).everyDays(1))',
    run: (t) => {
      t.throws(() => ScriptApp.newTrigger('f').timeBased().atHour(9).create(), /Missing trigger frequency/);
      t.throws(
        () => ScriptApp.newTrigger('f').timeBased().everyHours(1).atHour(9).create(),
        /atHour and nearMinute need/,
      );
      t.throws(
        () => ScriptApp.newTrigger('f').timeBased().everyDays(1).everyHours(1).create(),
        /Conflicting trigger frequencies/,
      );
      t.equal(ScriptApp.getProjectTriggers().length, 0);
    },
  },
  {
    name: 'weekly, monthly and one-time schedules can be created',
    source: CLOCK,
    run: (t) => {
      ScriptApp.newTrigger('w').timeBased().onWeekDay(ScriptApp.WeekDay.MONDAY).atHour(8).create();
      ScriptApp.newTrigger('m').timeBased().onMonthDay(1).atHour(6).create();
      ScriptApp.newTrigger('o')
        .timeBased()
        .at(new Date(2024, 2, 6, 10, 0))
        .create();
      ScriptApp.newTrigger('a')
        .timeBased()
        .after(10 * 60 * 1000)
        .create();
      t.equal(ScriptApp.getProjectTriggers().length, 4);
    },
  },
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
  {
    name: "the 21st trigger of a user is refused with Google's message",
    source: 'https://developers.google.com/apps-script/guides/services/quotas (Triggers 20 / user / script)',
    run: (t) => {
      for (let i = 0; i < 20; i++)
        ScriptApp.newTrigger('f' + i)
          .timeBased()
          .everyHours(1)
          .create();
      t.throws(
        () => ScriptApp.newTrigger('f20').timeBased().everyHours(1).create(),
        /^This script has too many triggers\. Triggers must be deleted from the script before more can be added\.$/,
      );
      t.equal(ScriptApp.getProjectTriggers().length, 20);
    },
  },
  {
    name: 'the trigger cap counts per user: another user can still install',
    source: 'https://developers.google.com/apps-script/guides/services/quotas (20 / user / script)',
    setup: (env) => {
      env.loadSource(
        'function fill() { for (var i = 0; i < 20; i++) ScriptApp.newTrigger("f").timeBased().everyHours(1).create(); }',
      );
      env.run('fill', undefined, { user: 'clerk@example.gov.cn' });
    },
    run: (t) => t.equal(ScriptApp.newTrigger('g').timeBased().everyHours(1).create().getHandlerFunction(), 'g'),
  },
  {
    name: 'a simple trigger may not create triggers',
    source: 'https://developers.google.com/apps-script/guides/triggers#restrictions',
    kind: 'simpleTrigger',
    run: (t) => t.throws(() => ScriptApp.newTrigger('x'), /^You do not have permission to call ScriptApp\.newTrigger/),
  },
  {
    name: 'a simple trigger may not list or delete triggers',
    source: 'https://developers.google.com/apps-script/guides/triggers#restrictions',
    kind: 'simpleTrigger',
    run: (t) => {
      t.throws(
        () => ScriptApp.getProjectTriggers(),
        /You do not have permission to call ScriptApp\.getProjectTriggers/,
      );
      t.throws(() => ScriptApp.getOAuthToken(), /You do not have permission to call ScriptApp\.getOAuthToken/);
    },
  },
  {
    name: 'an installable trigger may create triggers (AuthMode.FULL)',
    source: 'https://developers.google.com/apps-script/guides/triggers/installable',
    kind: 'installableTrigger',
    run: (t) => t.equal(ScriptApp.newTrigger('x').timeBased().everyHours(1).create().getHandlerFunction(), 'x'),
  },
  {
    name: 'a manifest without script.scriptapp makes newTrigger fail with the required scope',
    source: 'https://developers.google.com/apps-script/concepts/scopes#setting_explicit_scopes',
    setup: (env) => env.loadSource('', SCOPES),
    run: (t) =>
      t.throws(
        () => ScriptApp.newTrigger('x'),
        /^Specified permissions are not sufficient to call ScriptApp\.newTrigger\. Required permissions: https:\/\/www\.googleapis\.com\/auth\/script\.scriptapp$/,
      ),
  },
  {
    name: 'ScriptApp enums: AuthMode, EventType, TriggerSource, WeekDay',
    source: REF + 'auth-mode',
    run: (t) => {
      t.deepEqual(Object.keys(ScriptApp.AuthMode).sort(), ['CUSTOM_FUNCTION', 'FULL', 'LIMITED', 'NONE']);
      t.equal(ScriptApp.EventType.ON_FORM_SUBMIT, 'ON_FORM_SUBMIT');
      t.equal(ScriptApp.TriggerSource.SPREADSHEETS, 'SPREADSHEETS');
      t.equal(ScriptApp.WeekDay.SUNDAY, 'SUNDAY');
    },
  },
  {
    name: 'getScriptId is a stable string; getOAuthToken a token string',
    source: REF + 'script-app#getScriptId()',
    run: (t) => {
      t.equal(typeof ScriptApp.getScriptId(), 'string');
      t.equal(ScriptApp.getScriptId(), ScriptApp.getScriptId());
      t.ok(ScriptApp.getOAuthToken().length > 20);
    },
  },
  {
    name: 'onWeekDay rejects a value that is not a ScriptApp.WeekDay',
    source: CLOCK + '#onWeekDay(Weekday)',
    run: (t) =>
      t.throws(
        () =>
          ScriptApp.newTrigger('f')
            .timeBased()
            .onWeekDay('Monday' as unknown as GoogleAppsScript.Base.Weekday),
        /Invalid argument: day/,
      ),
  },
];
