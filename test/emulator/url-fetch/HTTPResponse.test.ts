// Contract checks of HTTPResponse: headers, signed bytes and blobs
// (https://developers.google.com/apps-script/reference/url-fetch/http-response).
import { runChecks, type Check } from '../harness';

const RESPONSE = 'https://developers.google.com/apps-script/reference/url-fetch/http-response';
const API = 'https://api.example.com';

export const httpResponseChecks: Check[] = [
  {
    name: 'request headers go out; response headers come back (repeated ones as arrays in getAllHeaders)',
    source: RESPONSE + '#getAllHeaders()',
    setup: (env) =>
      env.http.respond(API, (req) => ({
        headers: { 'X-Seen': req.headers.Authorization ?? 'none', 'Set-Cookie': ['a=1', 'b=2'] },
        body: 'ok',
      })),
    run: (t) => {
      const res = UrlFetchApp.fetch('https://api.example.com/h', { headers: { Authorization: 'Bearer abc' } });
      const h = res.getHeaders() as Record<string, string>;
      const all = res.getAllHeaders() as Record<string, unknown>;
      t.equal(h['X-Seen'], 'Bearer abc');
      t.deepEqual(all['Set-Cookie'], ['a=1', 'b=2']);
    },
  },
  {
    name: 'getContent returns signed bytes and getBlob carries the content type',
    source: RESPONSE + '#getContent()',
    setup: (env) =>
      env.http.respond(API, () => ({ headers: { 'Content-Type': 'text/plain; charset=utf-8' }, body: '中' })),
    run: (t) => {
      const res = UrlFetchApp.fetch('https://api.example.com/t');
      t.deepEqual(res.getContent(), [-28, -72, -83]);
      t.equal(res.getBlob().getContentType(), 'text/plain');
      t.equal(res.getBlob().getDataAsString(), '中');
    },
  },
];

runChecks('url-fetch.HTTPResponse', httpResponseChecks);
