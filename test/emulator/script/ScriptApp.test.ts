// Contract checks of ScriptApp: per-user trigger lists, the 20-trigger cap, enums, what simple triggers and narrow
// manifests are refused (https://developers.google.com/apps-script/reference/script/script-app).
import { runChecks, type Check } from '../harness';

const REF = 'https://developers.google.com/apps-script/reference/script/';
const SCOPES = { timeZone: 'Asia/Shanghai', oauthScopes: ['https://www.googleapis.com/auth/spreadsheets.currentonly'] };

const INSTALLER =
  'function install() { ScriptApp.newTrigger("job").timeBased().everyHours(1).create(); }\nfunction job() {}';

export const scriptAppChecks: Check[] = [
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
];

runChecks('script.ScriptApp', scriptAppChecks);
