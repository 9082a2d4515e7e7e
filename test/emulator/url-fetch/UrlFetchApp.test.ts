// Contract checks of UrlFetchApp: request encoding and defaults, Apps Script's exception for HTTP errors, mute,
// redirects, whitelist, limits and permissions
// (https://developers.google.com/apps-script/reference/url-fetch/url-fetch-app); plus the DingTalk 加签 robot on a
// real loopback server, an unreachable server and the daily quota.
import path from 'node:path';
import { runCheck, runChecks, type Check } from '../harness';
import { createGasEnvironment } from '../../../emulator/index';
import { startLoopbackServer, type LoopbackServer } from '../../../emulator/url-fetch/loopback-server';

const FETCH = 'https://developers.google.com/apps-script/reference/url-fetch/url-fetch-app#fetch(String,Object)';
const API = 'https://api.example.com';
const OBS = ' — message as seen in public Apps Script error logs (fidelity doc §10)';

const echo = (env: Parameters<NonNullable<Check['setup']>>[0]): void =>
  env.http.respond(API, (req) => ({
    status: 200,
    headers: { 'Content-Type': 'application/json' },
    body: { method: req.method, headers: req.headers, payload: req.payload },
  }));

export const urlFetchAppChecks: Check[] = [
  {
    name: 'fetch defaults to GET and returns the response',
    source: FETCH,
    setup: echo,
    run: (t) => {
      const res = UrlFetchApp.fetch('https://api.example.com/ping');
      t.equal(res.getResponseCode(), 200);
      t.equal(JSON.parse(res.getContentText()).method, 'GET');
    },
    after: (env) =>
      expect(env.http.log[0]).toMatchObject({
        method: 'GET',
        url: 'https://api.example.com/ping',
        payload: null,
        status: 200,
        via: 'responder',
      }),
  },
  {
    name: 'an object payload is sent form-encoded as application/x-www-form-urlencoded',
    source: FETCH + ' (payload: "A JavaScript object will be interpreted as a map of form field names to values")',
    setup: echo,
    run: (t) => {
      const body = JSON.parse(
        UrlFetchApp.fetch('https://api.example.com/form', {
          method: 'post',
          payload: { name: '张 三', n: 2 },
        }).getContentText(),
      );
      t.equal(body.payload, 'name=%E5%BC%A0+%E4%B8%89&n=2');
      t.equal(body.headers['Content-Type'], 'application/x-www-form-urlencoded');
    },
  },
  {
    name: 'JSON needs JSON.stringify plus contentType',
    source: '../shared/docs/apps-script-platform.md §7 (contentType defaults to application/x-www-form-urlencoded)',
    setup: echo,
    run: (t) => {
      const body = JSON.parse(
        UrlFetchApp.fetch('https://api.example.com/json', {
          method: 'post',
          contentType: 'application/json',
          payload: JSON.stringify({ msgtype: 'text' }),
        }).getContentText(),
      );
      t.equal(body.payload, '{"msgtype":"text"}');
      t.equal(body.headers['Content-Type'], 'application/json');
      const plain = JSON.parse(
        UrlFetchApp.fetch('https://api.example.com/raw', { method: 'post', payload: 'a=b' }).getContentText(),
      );
      t.equal(
        plain.headers['Content-Type'],
        'application/x-www-form-urlencoded',
        'a string payload keeps the default content type',
      );
    },
  },
  {
    name: 'HTTP 404 without muteHttpExceptions throws Apps Script\'s "Request failed for" exception',
    source: FETCH + OBS,
    setup: (env) => env.http.respond(/missing/, () => ({ status: 404, body: '{"error":"missing"}' })),
    run: (t) => {
      t.throws(
        () => UrlFetchApp.fetch('https://api.example.com/missing?token=secret'),
        'Request failed for https://api.example.com returned code 404. Truncated server response: {"error":"missing"} (use muteHttpExceptions option to examine full response)',
      );
    },
  },
  {
    name: 'a long error body is cut to 147 characters and "..."',
    source: FETCH + OBS,
    setup: (env) => env.http.respond(API, () => ({ status: 500, body: 'x'.repeat(147) + 'TAIL' + 'y'.repeat(100) })),
    run: (t) => {
      const e = t.throws(() => UrlFetchApp.fetch('https://api.example.com/boom'), /returned code 500/);
      t.ok(e.message.indexOf('x'.repeat(147) + '... (use muteHttpExceptions') > 0, e.message);
    },
  },
  {
    name: 'muteHttpExceptions returns the error response instead',
    source: FETCH + ' (muteHttpExceptions)',
    setup: (env) => env.http.respond(API, () => ({ status: 503, body: 'busy' })),
    run: (t) => {
      const res = UrlFetchApp.fetch('https://api.example.com/x', { muteHttpExceptions: true });
      t.equal(res.getResponseCode(), 503);
      t.equal(res.getContentText(), 'busy');
    },
  },
  {
    name: 'a URL nothing answers fails the execution loudly (not a silent 404)',
    source: '../shared/docs/local-runtime-fidelity.md §10 ("unmatched URL throws")',
    fails: /no route for GET https:\/\/unknown\.example\.com\/x/,
    run: () => {
      try {
        UrlFetchApp.fetch('https://unknown.example.com/x');
      } catch {
        return 'caught';
      }
      return 'fetched';
    },
  },
  {
    name: "the manifest's urlFetchWhitelist refuses other URLs",
    source:
      'https://developers.google.com/apps-script/manifest/allowlist-url — message from grahamearley/FirestoreGoogleAppsScript#135',
    setup: (env) => {
      env.loadSource('', { urlFetchWhitelist: ['https://oapi.dingtalk.com/robot/'] });
      env.http.respond('https://oapi.dingtalk.com/', () => ({ body: { errcode: 0 } }));
    },
    run: (t) => {
      t.equal(
        UrlFetchApp.fetch('https://oapi.dingtalk.com/robot/send?access_token=x', {
          method: 'post',
          payload: '{}',
        }).getResponseCode(),
        200,
      );
      t.throws(
        () => UrlFetchApp.fetch('https://evil.example.com/steal'),
        'Request to https://evil.example.com/steal failed because the URL has not been whitelisted in the script manifest.',
      );
      t.throws(() => UrlFetchApp.fetch('https://oapi.dingtalk.com/other'), /has not been whitelisted/);
    },
    after: (env) =>
      expect(env.http.log.map((e) => e.url)).toEqual(['https://oapi.dingtalk.com/robot/send?access_token=x']),
  },
  {
    name: 'fetchAll returns the responses in request order',
    source: 'https://developers.google.com/apps-script/reference/url-fetch/url-fetch-app#fetchAll(Object)',
    setup: (env) => env.http.respond(API, (req) => ({ body: req.url.slice(-1) })),
    run: (t) => {
      const res = UrlFetchApp.fetchAll([
        'https://api.example.com/a',
        { url: 'https://api.example.com/b', method: 'post', payload: 'x' },
        'https://api.example.com/c',
      ]);
      t.deepEqual(
        res.map((r) => r.getContentText()),
        ['a', 'b', 'c'],
      );
    },
    after: (env) => expect(env.http.log.map((e) => e.method)).toEqual(['GET', 'POST', 'GET']),
  },
  {
    name: 'a URL longer than 2,082 characters is refused',
    source: FETCH + ' ("The URL can have up to 2,082 characters") — message seen in public logs',
    setup: echo,
    run: (t) => {
      const base = 'https://api.example.com/?q=';
      t.equal(UrlFetchApp.fetch(base + 'x'.repeat(2082 - base.length)).getResponseCode(), 200);
      t.throws(() => UrlFetchApp.fetch(base + 'x'.repeat(2083 - base.length)), 'Limit Exceeded: URLFetch URL Length.');
    },
  },
  {
    name: 'redirects are followed unless followRedirects is false',
    source: FETCH + ' (followRedirects)',
    setup: (env) => {
      env.http.respond('https://api.example.com/old', () => ({ status: 302, headers: { Location: '/new' } }));
      env.http.respond('https://api.example.com/new', () => ({ body: 'moved' }));
    },
    run: (t) => {
      t.equal(UrlFetchApp.fetch('https://api.example.com/old').getContentText(), 'moved');
      t.equal(UrlFetchApp.fetch('https://api.example.com/old', { followRedirects: false }).getResponseCode(), 302);
    },
  },
  {
    name: 'spaces and Chinese in the URL are escaped (escaping defaults to true)',
    source: FETCH + ' (escaping)',
    setup: echo,
    run: (t) => {
      UrlFetchApp.fetch('https://api.example.com/search?q=信访 台账');
      t.throws(
        () => UrlFetchApp.fetch('https://api.example.com/search?q=a b', { escaping: false }),
        /Invalid argument/,
      );
    },
    after: (env) =>
      expect(env.http.log[0].url).toBe('https://api.example.com/search?q=%E4%BF%A1%E8%AE%BF%20%E5%8F%B0%E8%B4%A6'),
  },
  {
    name: 'a simple trigger may not fetch URLs',
    source: 'https://developers.google.com/apps-script/guides/triggers#restrictions',
    kind: 'simpleTrigger',
    run: (t) => {
      t.throws(
        () => UrlFetchApp.fetch('https://api.example.com/'),
        'You do not have permission to call UrlFetchApp.fetch',
      );
    },
  },
];

runChecks('url-fetch.UrlFetchApp', urlFetchAppChecks);

const DINGTALK_SECRET = 'SECa1b2c3d4e5f6a1b2c3d4e5f6a1b2c3d4e5f6a1b2c3d4e5f6a1b2c3d4e5f6a1b2';
let robot: LoopbackServer | null = null;

/** The DingTalk robot on a real loopback server (in a child process): the app signs, the server verifies. */
export const dingTalkCheck: Check = {
  name: 'DingTalk 加签: HmacSHA256(timestamp + "\\n" + secret), Base64, URL-encoded, verified by a real server',
  source: '../shared/docs/apps-script-platform.md §8 (https://open.dingtalk.com/document/orgapp/custom-robot-access)',
  setup: async (env) => {
    robot = await startLoopbackServer(path.join(__dirname, '../../fixtures/bridge/dingtalk-robot.ts'), {
      env: { DINGTALK_SECRET, DINGTALK_NOW_MS: String(env.clock.nowMs()) },
    });
    env.http.forward('https://oapi.dingtalk.com', robot.url);
    env.globals.PropertiesService.getScriptProperties().setProperty('DINGTALK_SECRET', DINGTALK_SECRET);
  },
  run: (t) => {
    const send = (secret: string): { errcode: number; errmsg: string } => {
      const ts = Date.now();
      const sign = encodeURIComponent(
        Utilities.base64Encode(
          Utilities.computeHmacSha256Signature(ts + '\n' + secret, secret, Utilities.Charset.UTF_8),
        ),
      );
      const res = UrlFetchApp.fetch(
        'https://oapi.dingtalk.com/robot/send?access_token=TOKEN&timestamp=' + ts + '&sign=' + sign,
        {
          method: 'post',
          contentType: 'application/json',
          payload: JSON.stringify({ msgtype: 'text', text: { content: '新信访件：2024-001' } }),
        },
      );
      t.equal(res.getResponseCode(), 200, 'DingTalk answers 200 even when it refuses');
      return JSON.parse(res.getContentText());
    };
    const secret = PropertiesService.getScriptProperties().getProperty('DINGTALK_SECRET') as string;
    t.deepEqual(send(secret), { errcode: 0, errmsg: 'ok' });
    t.deepEqual(send('SECwrong'), { errcode: 310000, errmsg: 'sign not match' });
  },
  after: async (env) => {
    expect(env.http.log.map((e) => [e.via, e.status])).toEqual([
      ['forward', 200],
      ['forward', 200],
    ]);
  },
};

/** Stops the robot server (call from afterAll: it also runs when the check failed). */
export async function stopDingTalkRobot(): Promise<void> {
  await robot?.close();
  robot = null;
}

describe('UrlFetchApp to a real loopback server', () => {
  afterAll(stopDingTalkRobot);
  test(`${dingTalkCheck.name}  [${dingTalkCheck.source}]`, () => runCheck(dingTalkCheck), 30_000);

  test('a forwarded request to a port nobody listens on fails with "Address unavailable"', () => {
    const env = createGasEnvironment();
    env.http.forward('https://down.example.com', 'http://127.0.0.1:9');
    const message = env.runCheck(
      'function () { try { UrlFetchApp.fetch("https://down.example.com/x"); return "no error"; } catch (e) { return e.name + ": " + e.message; } }',
    );
    expect(message).toBe('Exception: Address unavailable: https://down.example.com/x');
    env.http.close();
  });
});

describe('UrlFetchApp daily quota', () => {
  test('consumer accounts get 20,000 calls a day; the next one fails', () => {
    const env = createGasEnvironment({ accountType: 'consumer' });
    env.http.respond('https://api.example.com/', () => ({ body: 'ok' }));
    env.loadSource(`
      function batch() { var r = []; for (var i = 0; i < 1000; i++) r.push('https://api.example.com/' + i); return UrlFetchApp.fetchAll(r).length; }
      function one() { return UrlFetchApp.fetch('https://api.example.com/x').getResponseCode(); }
    `);
    for (let i = 0; i < 20; i++) expect(env.run('batch')).toBe(1000);
    expect(() => env.run('one')).toThrow('Service invoked too many times for one day: urlfetch.');
    env.clock.advance(24 * 3600_000);
    expect(env.run('one')).toBe(200);
  });
});
