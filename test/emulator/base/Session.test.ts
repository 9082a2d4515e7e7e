// Contract checks of Session: who is running, when Google hides it, zone and locale
// (https://developers.google.com/apps-script/reference/base/session).
import { runChecks, type Check } from '../harness';
import type { GasEnvironment, Manifest } from '../../../emulator/index';

const SESSION = 'https://developers.google.com/apps-script/reference/base/session';
const CLERK = 'clerk@example.gov.cn';
const MANIFEST = 'https://developers.google.com/apps-script/manifest/web-app-api-executable#webapp';

/** A project deployed as a web app with this manifest `webapp` section (checks then run as the web app runs). */
const webApp =
  (webapp: NonNullable<Manifest['webapp']>) =>
  (env: GasEnvironment): void => {
    env.loadSource('', { timeZone: 'Asia/Shanghai', webapp });
    env.webApp.deploy();
  };
const AS_ME = { executeAs: 'USER_DEPLOYING', access: 'ANYONE_ANONYMOUS' } as const;

export const sessionChecks: Check[] = [
  {
    name: 'in an editor run the active and effective user are the person running it',
    source: SESSION + '#getActiveUser()',
    run: (t) => {
      t.equal(Session.getActiveUser().getEmail(), 'owner@example.gov.cn');
      t.equal(Session.getEffectiveUser().getEmail(), 'owner@example.gov.cn');
    },
  },
  {
    name: 'a colleague of the same Workspace domain is visible to the script',
    source: SESSION + '#getActiveUser()',
    user: CLERK,
    run: (t) => t.equal(Session.getActiveUser().getEmail(), 'clerk@example.gov.cn'),
  },
  {
    name: "a simple trigger shows a colleague of the owner's Workspace domain",
    source: SESSION + '#getActiveUser() (restrictions do not apply within the same Google Workspace domain)',
    kind: 'simpleTrigger',
    user: CLERK,
    run: (t) => t.equal(Session.getActiveUser().getEmail(), 'clerk@example.gov.cn'),
  },
  {
    name: 'a simple trigger shows the owner running it themselves',
    source: SESSION + '#getActiveUser() (restrictions do not apply if the developer runs the script themselves)',
    kind: 'simpleTrigger',
    run: (t) => t.equal(Session.getActiveUser().getEmail(), 'owner@example.gov.cn'),
  },
  {
    name: "a simple trigger hides someone outside the owner's domain",
    source: SESSION + '#getActiveUser() (not available in a simple onOpen(e) or onEdit(e) trigger)',
    kind: 'simpleTrigger',
    user: 'someone@gmail.com',
    run: (t) => t.equal(Session.getActiveUser().getEmail(), ''),
  },
  {
    name: 'on a consumer account a simple trigger hides everyone but the owner',
    source: SESSION + '#getActiveUser()',
    kind: 'simpleTrigger',
    user: 'friend@gmail.com',
    options: { accountType: 'consumer', owner: 'owner@gmail.com' },
    run: (t) => t.equal(Session.getActiveUser().getEmail(), ''),
  },
  {
    name: 'script time zone and user locale',
    source: SESSION + '#getScriptTimeZone()',
    run: (t) => {
      t.equal(Session.getScriptTimeZone(), 'Asia/Shanghai');
      t.equal(Session.getActiveUserLocale(), 'zh_CN');
    },
  },
  {
    name: 'the temporary active-user key is stable for a user and differs between users',
    source: SESSION + '#getTemporaryActiveUserKey()',
    setup: (env) => {
      env.loadSource('function key() { return Session.getTemporaryActiveUserKey(); }');
      expect(env.run('key', undefined, { user: CLERK })).not.toBe(env.run('key'));
    },
    run: (t) => {
      t.equal(Session.getTemporaryActiveUserKey(), Session.getTemporaryActiveUserKey());
      t.ok(Session.getTemporaryActiveUserKey().length > 10);
    },
  },
  {
    name: 'reading an e-mail without the userinfo.email scope fails with the required scope',
    source: 'https://developers.google.com/apps-script/concepts/scopes',
    setup: (env) =>
      env.loadSource('', {
        timeZone: 'Asia/Shanghai',
        oauthScopes: ['https://www.googleapis.com/auth/spreadsheets.currentonly'],
      }),
    run: (t) =>
      t.throws(
        () => Session.getActiveUser().getEmail(),
        /^Specified permissions are not sufficient to call User\.getEmail\. Required permissions: https:\/\/www\.googleapis\.com\/auth\/userinfo\.email$/,
      ),
  },
  // Web apps (reference: the e-mail is not available in "a web app deployed to 'execute as me' (that is, authorized
  // by the developer instead of the user). However, these restrictions generally do not apply if the developer runs
  // the script themselves or belongs to the same Google Workspace domain as the user.").
  {
    name: "a web app executing as me shows a visitor of the owner's Workspace domain; it runs as the owner",
    source: SESSION + '#getActiveUser() (same Google Workspace domain); ' + MANIFEST,
    kind: 'webApp',
    user: CLERK,
    setup: webApp(AS_ME),
    run: (t) => {
      t.equal(Session.getActiveUser().getEmail(), 'clerk@example.gov.cn');
      t.equal(Session.getEffectiveUser().getEmail(), 'owner@example.gov.cn');
    },
  },
  {
    name: "a web app executing as me hides a visitor outside the owner's domain; it runs as the owner",
    source: SESSION + "#getActiveUser() (a web app deployed to 'execute as me')",
    kind: 'webApp',
    user: 'someone@gmail.com',
    setup: webApp(AS_ME),
    run: (t) => {
      t.equal(Session.getActiveUser().getEmail(), '');
      t.equal(Session.getEffectiveUser().getEmail(), 'owner@example.gov.cn');
    },
  },
  {
    name: 'a web app executing as me shows the owner visiting it',
    source: SESSION + '#getActiveUser() (the developer runs the script themselves)',
    kind: 'webApp',
    setup: webApp(AS_ME),
    run: (t) => t.equal(Session.getActiveUser().getEmail(), 'owner@example.gov.cn'),
  },
  {
    name: 'a visitor not signed in (ANYONE_ANONYMOUS) is no one to the script; it runs as the owner',
    source: SESSION + '#getActiveUser(); ' + MANIFEST,
    kind: 'webApp',
    user: '',
    setup: webApp(AS_ME),
    run: (t) => {
      t.equal(Session.getActiveUser().getEmail(), '');
      t.equal(Session.getEffectiveUser().getEmail(), 'owner@example.gov.cn');
    },
  },
  {
    name: 'on a consumer account a web app executing as me hides every visitor but the owner',
    source: SESSION + "#getActiveUser() (a web app deployed to 'execute as me')",
    kind: 'webApp',
    user: 'friend@gmail.com',
    options: { accountType: 'consumer', owner: 'owner@gmail.com' },
    setup: webApp({ executeAs: 'USER_DEPLOYING', access: 'ANYONE' }),
    run: (t) => {
      t.equal(Session.getActiveUser().getEmail(), '');
      t.equal(Session.getEffectiveUser().getEmail(), 'owner@gmail.com');
    },
  },
  {
    name: 'a web app executing as the user accessing it shows and runs as the visitor, inside or outside the domain',
    source: SESSION + '#getEffectiveUser(); ' + MANIFEST,
    kind: 'webApp',
    user: 'someone@gmail.com',
    setup: webApp({ executeAs: 'USER_ACCESSING', access: 'ANYONE' }),
    run: (t) => {
      t.equal(Session.getActiveUser().getEmail(), 'someone@gmail.com');
      t.equal(Session.getEffectiveUser().getEmail(), 'someone@gmail.com');
    },
  },
];

runChecks('base.Session', sessionChecks);
