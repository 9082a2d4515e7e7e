// UrlFetchApp contract checks, the DingTalk robot on a real loopback server, and host-only behaviour
// (internal routes, unreachable servers, the request log).
import { runCheck, runChecks } from './checks/harness';
import { dingTalkCheck, stopDingTalkRobot, urlFetchChecks } from './checks/urlfetch.checks';
import { createGasEnvironment } from '../../emulator/index';

runChecks('UrlFetchApp', urlFetchChecks);

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

describe('UrlFetchApp routes on the host side', () => {
  test('internal routes (e.g. the Drive export endpoint) answer before responders and are logged', () => {
    const env = createGasEnvironment();
    env.http.respond('https://www.googleapis.com/', () => ({ status: 500 }));
    env.http.registerInternal('https://www.googleapis.com/internal/', (req) => ({
      body: `auth=${req.headers.Authorization}`,
    }));
    const text = env.runCheck(
      'function () { return UrlFetchApp.fetch("https://www.googleapis.com/internal/x", { headers: { Authorization: "Bearer t" } }).getContentText(); }',
    );
    expect(text).toBe('auth=Bearer t');
    expect(env.http.log[0]).toMatchObject({ via: 'internal', status: 200 });
  });

  test('the latest matching responder wins, and reset() clears responders and the log', () => {
    const env = createGasEnvironment();
    env.http.respond(/example/, () => ({ body: 'first' }));
    env.http.respond(
      (req) => req.url.endsWith('/b'),
      () => ({ body: 'second' }),
    );
    const fetchText = (url: string) =>
      env.runCheck(`function () { return UrlFetchApp.fetch(${JSON.stringify(url)}).getContentText(); }`);
    expect(fetchText('https://example.com/a')).toBe('first');
    expect(fetchText('https://example.com/b')).toBe('second');
    env.http.reset();
    expect(env.http.log).toHaveLength(0);
    expect(() => fetchText('https://example.com/a')).toThrow(/no route for GET https:\/\/example.com\/a/);
  });

  test('getRequest shows the request without sending it', () => {
    const env = createGasEnvironment();
    const req = env.runCheck(
      'function () { return UrlFetchApp.getRequest("https://api.example.com/x", { method: "post", payload: { a: "1 2" } }); }',
    ) as Record<string, unknown>;
    expect(req).toMatchObject({
      url: 'https://api.example.com/x',
      method: 'post',
      payload: 'a=1+2',
      contentType: 'application/x-www-form-urlencoded',
    });
    expect(env.http.log).toHaveLength(0);
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
