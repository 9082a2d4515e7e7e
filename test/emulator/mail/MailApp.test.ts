// Contract checks of MailApp: every sendEmail overload, validation and per-message limits, the daily recipient quotas
// (consumer 100; Workspace 1,500 outside the domain and 2,000 within), scopes and simple triggers, and what the
// outbox records (https://developers.google.com/apps-script/reference/mail/mail-app); plus what only the host sees:
// the sender of trigger mail, per-user quotas, the clock.
import { runChecks, type Check } from '../harness';
import { createGasEnvironment } from '../../../emulator/index';

const MAIL = 'https://developers.google.com/apps-script/reference/mail/mail-app';
const QUOTAS = 'https://developers.google.com/apps-script/guides/services/quotas';
const EH = 'ErrorHandler NORMALIZED_ERRORS (RomainVialard/ErrorHandler), fidelity doc §6';
const CONSUMER = { accountType: 'consumer' as const };

export const mailAppChecks: Check[] = [
  {
    name: 'sendEmail(recipient, subject, body) sends one mail from the effective user',
    source: MAIL + '#sendEmail(String,String,String)',
    run: () => MailApp.sendEmail('a@example.com', '提醒', '请处理'),
    after: (env) => {
      expect(env.outbox).toHaveLength(1);
      expect(env.outbox[0]).toMatchObject({
        from: env.core.options.owner,
        to: ['a@example.com'],
        cc: [],
        bcc: [],
        subject: '提醒',
        body: '请处理',
        htmlBody: null,
        name: null,
        replyTo: null,
        noReply: false,
      });
      expect(env.outbox[0].at.getTime()).toBe(env.clock.now().getTime());
    },
  },
  {
    name: 'sendEmail(recipient, subject, body, options): cc, bcc, name, replyTo, htmlBody',
    source: MAIL + '#sendEmail(String,String,String,Object)',
    run: () =>
      MailApp.sendEmail('a@example.com, b@example.com', 'S', 'plain', {
        cc: 'c@example.com',
        bcc: 'd@example.com,e@example.com',
        name: '信访办',
        replyTo: 'desk@example.com',
        htmlBody: '<b>html</b>',
      }),
    after: (env) => {
      expect(env.outbox[0]).toMatchObject({
        to: ['a@example.com', 'b@example.com'],
        cc: ['c@example.com'],
        bcc: ['d@example.com', 'e@example.com'],
        name: '信访办',
        replyTo: 'desk@example.com',
        htmlBody: '<b>html</b>',
        body: 'plain',
      });
    },
  },
  {
    name: 'sendEmail(to, replyTo, subject, body) with four strings',
    source: MAIL + '#sendEmail(String,String,String,String)',
    run: () => MailApp.sendEmail('a@example.com', 'reply@example.com', 'Subject', 'Body'),
    after: (env) => {
      expect(env.outbox[0]).toMatchObject({
        to: ['a@example.com'],
        replyTo: 'reply@example.com',
        subject: 'Subject',
        body: 'Body',
      });
    },
  },
  {
    name: 'sendEmail(message) with the message object',
    source: MAIL + '#sendEmail(Object)',
    run: () =>
      MailApp.sendEmail({
        to: 'a@example.com',
        cc: 'c@example.com',
        subject: 'S',
        htmlBody: '<p>x</p>',
        name: 'N',
        noReply: true,
      }),
    after: (env) => {
      expect(env.outbox[0]).toMatchObject({
        to: ['a@example.com'],
        cc: ['c@example.com'],
        subject: 'S',
        body: '',
        htmlBody: '<p>x</p>',
        name: 'N',
        noReply: true,
      });
    },
  },
  {
    name: 'attachments are copied blobs; later changes to the blob do not change the sent mail',
    source: MAIL + '#sendEmail(String,String,String,Object)',
    run: () => {
      const blob = Utilities.newBlob('序号,姓名', 'text/csv', '名单.csv');
      MailApp.sendEmail('a@example.com', 'S', 'B', { attachments: [blob] });
      blob.setName('changed.csv');
    },
    after: (env) => {
      const [att] = env.outbox[0].attachments;
      expect(att.getName()).toBe('名单.csv');
      expect(att.getContentType()).toBe('text/csv');
      expect(att.getDataAsString()).toBe('序号,姓名');
    },
  },
  {
    name: 'an invalid address is refused with "Invalid email: <addr>"',
    source: EH,
    run: (t) => {
      t.throws(() => MailApp.sendEmail('not-an-address', 'S', 'B'), 'Invalid email: not-an-address');
      t.throws(
        () => MailApp.sendEmail('a@example.com', 'S', 'B', { cc: 'ok@example.com, bad@' }),
        'Invalid email: bad@',
      );
    },
    after: (env) => expect(env.outbox).toHaveLength(0),
  },
  {
    name: 'no recipient at all: "Failed to send email: no recipient"',
    source: EH,
    run: (t) => {
      t.throws(() => MailApp.sendEmail({ subject: 'S', body: 'B' }), 'Failed to send email: no recipient');
      t.throws(() => MailApp.sendEmail('', 'S', 'B'), 'Failed to send email: no recipient');
    },
  },
  {
    name: 'more than 50 recipients in one message is refused',
    source: QUOTAS + ' (Email recipients per message: 50); message from ' + EH,
    run: (t) => {
      const list = (n: number) => Array.from({ length: n }, (_, i) => 'p' + i + '@example.com').join(',');
      MailApp.sendEmail({ to: 'a@example.com', bcc: list(49), subject: 'S', body: 'B' });
      t.throws(
        () => MailApp.sendEmail({ to: 'a@example.com', bcc: list(50), subject: 'S', body: 'B' }),
        'Limit Exceeded: Email Recipients Per Message.',
      );
    },
  },
  {
    name: 'consumer accounts: the 101st recipient of the day fails',
    source: QUOTAS + ' (Email recipients per day: 100 consumer)',
    options: CONSUMER,
    run: (t) => {
      const list = (from: number, n: number) =>
        Array.from({ length: n }, (_, i) => 'p' + (from + i) + '@example.com').join(',');
      t.equal(MailApp.getRemainingDailyQuota(), 100);
      MailApp.sendEmail({ to: list(0, 50), subject: 'S', body: 'B' });
      MailApp.sendEmail({ to: list(50, 25), cc: list(75, 25), subject: 'S', body: 'B' });
      t.equal(MailApp.getRemainingDailyQuota(), 0);
      t.throws(
        () => MailApp.sendEmail('late@example.com', 'S', 'B'),
        'Service invoked too many times for one day: email.',
      );
    },
    after: (env) => expect(env.outbox).toHaveLength(2),
  },
  {
    name: 'a message with more recipients than are left fails as a whole',
    source: MAIL + '#getRemainingDailyQuota()',
    options: CONSUMER,
    run: (t) => {
      const list = (n: number) => Array.from({ length: n }, (_, i) => 'p' + i + '@example.com').join(',');
      MailApp.sendEmail({ to: list(50), subject: 'S', body: 'B' });
      MailApp.sendEmail({ to: list(20), bcc: list(20), subject: 'S', body: 'B' });
      t.equal(MailApp.getRemainingDailyQuota(), 10);
      t.throws(
        () => MailApp.sendEmail({ to: list(11), subject: 'S', body: 'B' }),
        'Service invoked too many times for one day: email.',
      );
      t.equal(MailApp.getRemainingDailyQuota(), 10);
      MailApp.sendEmail({ to: list(10), subject: 'S', body: 'B' });
      t.equal(MailApp.getRemainingDailyQuota(), 0);
    },
  },
  {
    name: 'Workspace accounts get 1,500 recipients a day',
    source: QUOTAS + ' (Email recipients per day: 1,500 Workspace)',
    options: { accountType: 'workspace' },
    run: (t) => {
      t.equal(MailApp.getRemainingDailyQuota(), 1500);
      MailApp.sendEmail('a@example.com', 'S', 'B', { cc: 'b@example.com', bcc: 'c@example.com' });
      t.equal(MailApp.getRemainingDailyQuota(), 1497, 'every To, Cc and Bcc address counts');
    },
  },
  {
    name: "Workspace: recipients inside the sender's domain have their own 2,000 a day; getRemainingDailyQuota reports the 1,500 outside",
    source: QUOTAS + ' (Email recipients per day 1,500; Email recipients per day within domain 2,000: Workspace)',
    options: { accountType: 'workspace' },
    run: (t) => {
      const list = (domain: string, from: number, n: number) =>
        Array.from({ length: n }, (_, i) => 'p' + (from + i) + '@' + domain).join(',');
      for (let i = 0; i < 30; i++) MailApp.sendEmail({ to: list('example.com', i * 50, 50), subject: 'S', body: 'B' });
      t.equal(MailApp.getRemainingDailyQuota(), 0);
      t.throws(
        () => MailApp.sendEmail('late@example.com', 'S', 'B'),
        'Service invoked too many times for one day: email.',
      );
      // A message to a colleague and an outsider fails as a whole: it takes nothing from either quota.
      t.throws(
        () => MailApp.sendEmail('p0@example.gov.cn', 'S', 'B', { cc: 'late@example.com' }),
        'Service invoked too many times for one day: email.',
      );
      // Colleagues still get mail: they count against the within-domain quota (all 2,000 of it).
      for (let i = 0; i < 40; i++)
        MailApp.sendEmail({ to: list('EXAMPLE.gov.cn', i * 50, 50), subject: 'S', body: 'B' });
      t.equal(MailApp.getRemainingDailyQuota(), 0);
      t.throws(
        () => MailApp.sendEmail('clerk@example.gov.cn', 'S', 'B'),
        'Service invoked too many times for one day: email.',
      );
    },
    after: (env) => expect(env.outbox).toHaveLength(70),
  },
  {
    name: 'Workspace: a message to colleagues leaves the outside quota alone; a mixed one counts its outsiders',
    source: QUOTAS + ' (Email recipients per day within domain)',
    options: { accountType: 'workspace' },
    run: (t) => {
      MailApp.sendEmail('clerk@example.gov.cn', 'S', 'B', { cc: 'leader@example.gov.cn' });
      t.equal(MailApp.getRemainingDailyQuota(), 1500);
      MailApp.sendEmail('clerk@example.gov.cn', 'S', 'B', { cc: 'friend@example.com' });
      t.equal(MailApp.getRemainingDailyQuota(), 1499);
    },
  },
  {
    name: 'consumer accounts: every recipient counts against the one 100 a day, whatever its domain',
    source: QUOTAS + ' (Email recipients per day 100, within domain 100: consumer)',
    options: { accountType: 'consumer', owner: 'owner@gmail.com' },
    run: (t) => {
      MailApp.sendEmail('friend@gmail.com', 'S', 'B');
      t.equal(MailApp.getRemainingDailyQuota(), 99);
    },
  },
  {
    name: 'the quota comes back 24 hours after the first send',
    source:
      'https://developers.google.com/apps-script/guides/services/quotas (quotas reset 24 hours after the first request)',
    options: CONSUMER,
    setup: (env) => {
      env.runCheck(() => MailApp.sendEmail({ to: 'a@example.com', bcc: 'b@example.com', subject: 'S', body: 'B' }));
      env.clock.advance(23 * 3600_000);
      expect(env.runCheck(() => MailApp.getRemainingDailyQuota())).toBe(98);
      env.clock.advance(3600_000);
    },
    run: (t) => t.equal(MailApp.getRemainingDailyQuota(), 100),
  },
  {
    name: 'the body is limited to 200 KB on consumer accounts',
    source: QUOTAS + ' (Email body size: 200 KB consumer / 400 KB Workspace)',
    options: CONSUMER,
    run: (t) => {
      const big = new Array(200 * 1024 + 2).join('x');
      t.throws(() => MailApp.sendEmail('a@example.com', 'S', big), 'Limit Exceeded: Email Body Size.');
      MailApp.sendEmail('a@example.com', 'S', big.slice(1));
    },
  },
  {
    name: 'Workspace bodies may reach 400 KB',
    source: QUOTAS + ' (Email body size: 400 KB Workspace)',
    run: (t) => {
      MailApp.sendEmail('a@example.com', 'S', new Array(300 * 1024).join('x'));
      t.throws(
        () => MailApp.sendEmail('a@example.com', 'S', new Array(400 * 1024 + 2).join('x')),
        'Limit Exceeded: Email Body Size.',
      );
    },
  },
  {
    name: 'noReply is for Workspace accounts only (refused locally on consumer accounts)',
    source: MAIL + '#sendEmail(String,String,String,Object) ("only possible for Google Workspace accounts")',
    options: CONSUMER,
    run: (t) => {
      t.throws(() => MailApp.sendEmail('a@example.com', 'S', 'B', { noReply: true }), /noReply/, 'NotImplemented');
    },
  },
  {
    name: 'a simple trigger may not send mail',
    source: 'https://developers.google.com/apps-script/guides/triggers#restrictions',
    kind: 'simpleTrigger',
    run: (t) => {
      t.throws(
        () => MailApp.sendEmail('a@example.com', 'S', 'B'),
        'You do not have permission to call MailApp.sendEmail',
      );
    },
  },
  {
    name: 'explicit oauthScopes without script.send_mail: the call is refused',
    source: 'https://developers.google.com/apps-script/concepts/scopes',
    setup: (env) => env.loadSource('', { oauthScopes: ['https://www.googleapis.com/auth/spreadsheets.currentonly'] }),
    run: (t) => {
      t.throws(
        () => MailApp.sendEmail('a@example.com', 'S', 'B'),
        'Specified permissions are not sufficient to call MailApp.sendEmail. Required permissions: https://www.googleapis.com/auth/script.send_mail',
      );
    },
  },
  {
    name: 'arguments that match no overload are refused',
    source: MAIL + '#sendEmail(String,String,String)',
    run: (t) => {
      t.throws(
        () => (MailApp.sendEmail as unknown as (...a: unknown[]) => void)('a@example.com', 'S'),
        /don't match the method signature for MailApp.sendEmail/,
      );
      t.throws(
        () => (MailApp.sendEmail as unknown as (...a: unknown[]) => void)('a@example.com', 'S', 1),
        /don't match the method signature/,
      );
    },
  },
  {
    name: 'an option MailApp does not know (e.g. "from") is refused loudly',
    source: MAIL + ' (MailAdvancedParameters lists no "from")',
    run: (t) => {
      t.throws(
        () => MailApp.sendEmail('a@example.com', 'S', 'B', { from: 'x@example.com' } as never),
        /option "from"/,
        'NotImplemented',
      );
    },
  },
  {
    name: 'a subject longer than 250 characters is too large',
    source: EH + ' (Argument too large: subject)',
    run: (t) => {
      t.throws(() => MailApp.sendEmail('a@example.com', new Array(252).join('s'), 'B'), 'Argument too large: subject');
    },
  },
];

runChecks('mail.MailApp', mailAppChecks);

describe('MailApp on the host side', () => {
  test('mail from an installable trigger comes from the installer, and counts against the installer', () => {
    const env = createGasEnvironment({ accountType: 'consumer', owner: 'owner@example.com' });
    env.loadSource(
      'function notify() { MailApp.sendEmail("a@example.com", "S", "B"); return MailApp.getRemainingDailyQuota(); }',
    );
    expect(env.run('notify', {}, { as: 'installableTrigger', user: 'clerk@example.com' })).toBe(99);
    expect(env.outbox[0].from).toBe('clerk@example.com');
    expect(env.run('notify')).toBe(99);
    expect(env.outbox[1].from).toBe('owner@example.com');
  });

  test('sendEmail advances the simulated clock by its cost', () => {
    const env = createGasEnvironment();
    env.loadSource('function send() { MailApp.sendEmail("a@example.com", "S", "B"); }');
    const before = env.clock.nowMs();
    env.run('send');
    expect(env.clock.nowMs() - before).toBeGreaterThanOrEqual(300);
    expect(env.stats().total['MailApp.sendEmail']).toBe(1);
  });
});
