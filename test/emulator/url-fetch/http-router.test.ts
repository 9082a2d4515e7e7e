// The HTTP router behind UrlFetchApp on the host side: internal routes, responders, the request log.
import { createGasEnvironment } from '../../../emulator/index';

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
