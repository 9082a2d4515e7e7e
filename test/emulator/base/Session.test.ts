// Contract checks of Session: who is running, when Google hides it, zone and locale
// (https://developers.google.com/apps-script/reference/base/session).
import { runChecks, type Check } from '../harness';

const SESSION = 'https://developers.google.com/apps-script/reference/base/session';
const CLERK = 'clerk@example.gov.cn';

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
];

runChecks('base.Session', sessionChecks);
