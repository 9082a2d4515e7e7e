// Serves the deployed web app to a real browser on loopback, as one visitor opens it: each load of the /exec URL
// runs doGet (a POST, doPost) and gets Google's page around the script's HTML, which lives in a sandboxed iframe of
// another origin (Google serves it from script.googleusercontent.com), with google.script.run running as that
// visitor and google.script.url/history asking the top page for its URL.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { EnvInternals } from './environment';
import { BRIDGE_CLIENT_SOURCE, webAppClientSource, webAppTopSource } from './bridge-client';
import { bridgeCall, readJson, type BridgeCall } from './browser-bridge';
import {
  NOTHING_RETURNED,
  queryOf,
  requestWebApp,
  requireDeployed,
  type RawWebAppRequest,
  type WebAppHtmlPage,
  type WebAppRequest,
  type WebAppResponse,
} from './web-app';

/** The web app being served to one visitor's browser. */
export interface WebAppServer {
  /** The loopback URL of the page the visitor opens (http://127.0.0.1:<port>/exec…), standing for the /exec URL. */
  url: string;
  /** The visitor ('' for someone not signed in). */
  user: string;
  /** What each load of /exec (doGet or doPost) answered, oldest first. */
  responses: WebAppResponse[];
  /** Every google.script.run call the page made. */
  calls: BridgeCall[];
  /**
   * The loopback URL for a URL of the deployment (ScriptApp.getService().getUrl() with a path, query or fragment), so
   * a test can follow a link the app built; throws for any other URL.
   */
  localUrl(url: string): string;
  close(): Promise<void>;
}

const escapeHtml = (s: string): string =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/**
 * The sandbox of the iframe holding the script's HTML. Assumed, after what Google's page allows: scripts, forms,
 * pop-ups, modals, downloads and navigating the top page (links with target="_top"); same-origin keeps the frame's own
 * (other) origin.
 */
const SANDBOX =
  'allow-downloads allow-forms allow-modals allow-popups allow-popups-to-escape-sandbox allow-same-origin allow-scripts allow-top-navigation';

/** Google's top page: title, allowed meta tags and favicon from the HtmlOutput, the script's HTML in the iframe. */
function topPage(page: WebAppHtmlPage, frameSrc: string, frameOrigin: string): string {
  const head = [
    '<meta charset="utf-8">',
    page.title !== null ? `<title>${escapeHtml(page.title)}</title>` : '',
    ...page.metaTags.map((m) => `<meta name="${escapeHtml(m.name)}" content="${escapeHtml(m.content)}">`),
    page.faviconUrl !== null ? `<link rel="shortcut icon" href="${escapeHtml(page.faviconUrl)}">` : '',
    '<style>html,body{margin:0;padding:0;height:100%;overflow:hidden}#sandboxFrame{display:block;border:0;width:100%;height:100%}</style>',
  ].filter(Boolean);
  return `<!DOCTYPE html><html><head>${head.join('')}</head><body><iframe id="sandboxFrame" title="" sandbox="${SANDBOX}" src="${escapeHtml(frameSrc)}"></iframe><script>${webAppTopSource(frameOrigin)}</script></body></html>`;
}

/** The script's HTML with google.script (run, host, url, history) as its first scripts. */
function framePage(html: string, topOrigin: string): string {
  const shim = `<script>${BRIDGE_CLIENT_SOURCE}</script><script>${webAppClientSource(topOrigin)}</script>`;
  const head = /<head[^>]*>/i.exec(html);
  if (head) return html.slice(0, head.index + head[0].length) + shim + html.slice(head.index + head[0].length);
  return shim + html;
}

/** A page of Google's own (an error, a refusal): its text in a minimal page (Google's layout is not emulated). */
function googlePage(title: string, text: string): string {
  return `<!DOCTYPE html><html><head><meta charset="utf-8"><title>${escapeHtml(title)}</title></head><body><p>${escapeHtml(text)}</p></body></html>`;
}

function readBody(req: http.IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

function listen(server: http.Server): Promise<string> {
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () => resolve(`http://127.0.0.1:${(server.address() as AddressInfo).port}`)),
  );
}

function closeServer(server: http.Server): Promise<void> {
  return new Promise((r) => {
    server.closeAllConnections();
    server.close(() => r());
  });
}

/**
 * Serves the deployed web app to `person`'s browser. Two loopback servers stand for Google's two origins: the top
 * page (script.google.com, /exec) and the script's HTML (script.googleusercontent.com, /userCodeAppPanel); calls run
 * synchronously in this thread (the browser waits), each its own execution as `person`.
 */
export async function serveWebApp(
  env: EnvInternals,
  webApp: { run(functionName: string, args: unknown[], options: { user?: string }): unknown },
  person: string,
  request: WebAppRequest,
): Promise<WebAppServer> {
  const execUrl = requireDeployed(env, 'env.serveWebApp');
  const responses: WebAppResponse[] = [];
  const calls: BridgeCall[] = [];
  const frames = new Map<string, string>();
  let nextFrame = 1;
  const origins = { top: '', frame: '' };

  const send = (res: http.ServerResponse, status: number, headers: Record<string, string>, body: string): void => {
    res.writeHead(status, { 'Cache-Control': 'no-store', ...headers });
    res.end(body);
  };
  const answer = (res: http.ServerResponse, page: WebAppResponse): void => {
    responses.push(page);
    const html = 'text/html; charset=utf-8';
    switch (page.kind) {
      case 'html': {
        const key = String(nextFrame++);
        frames.set(key, page.html);
        // DEFAULT sets an X-Frame-Options header (its value here, SAMEORIGIN, is assumed); ALLOWALL sets none.
        const xfo: Record<string, string> = page.xFrameOptions === 'DEFAULT' ? { 'X-Frame-Options': 'SAMEORIGIN' } : {};
        return send(
          res,
          200,
          { 'Content-Type': html, ...xfo },
          topPage(page, `${origins.frame}/userCodeAppPanel?k=${key}`, origins.frame),
        );
      }
      case 'text': {
        const disposition: Record<string, string> =
          page.fileName !== null
            ? { 'Content-Disposition': `attachment; filename*=UTF-8''${encodeURIComponent(page.fileName)}` }
            : {};
        return send(res, 200, { 'Content-Type': `${page.mimeType}; charset=utf-8`, ...disposition }, page.content);
      }
      case 'error':
        return send(
          res,
          200,
          { 'Content-Type': html },
          googlePage(page.message === NOTHING_RETURNED ? 'Apps Script' : 'Error', page.message),
        );
      case 'refused':
        return send(
          res,
          page.signIn ? 401 : 403,
          { 'Content-Type': html },
          googlePage('Google Apps Script', page.reason),
        );
    }
  };

  const top = http.createServer((req, res) => {
    const u = new URL(req.url ?? '/', origins.top);
    const path = /^\/exec(?:\/(.*))?$/.exec(u.pathname);
    if (!path) return send(res, 404, { 'Content-Type': 'text/plain' }, 'not found');
    const q = (req.url ?? '').indexOf('?');
    const raw: RawWebAppRequest = {
      query: q < 0 ? null : (req.url ?? '').slice(q + 1),
      pathInfo: decodeURIComponent(path[1] ?? ''),
    };
    if (req.method === 'GET') return answer(res, requestWebApp(env, person, raw));
    if (req.method !== 'POST') return send(res, 405, { 'Content-Type': 'text/plain' }, 'method not allowed');
    readBody(req).then(
      (contents) => {
        const type = req.headers['content-type'] ?? 'application/x-www-form-urlencoded';
        answer(res, requestWebApp(env, person, { ...raw, post: { type, contents } }));
      },
      (e: unknown) => send(res, 400, { 'Content-Type': 'text/plain' }, String(e)),
    );
  });

  const frame = http.createServer((req, res) => {
    const u = new URL(req.url ?? '/', origins.frame);
    if (req.method === 'GET' && u.pathname === '/userCodeAppPanel') {
      const html = frames.get(u.searchParams.get('k') ?? '');
      if (html === undefined) return send(res, 404, { 'Content-Type': 'text/plain' }, 'no such page');
      return send(res, 200, { 'Content-Type': 'text/html; charset=utf-8' }, framePage(html, origins.top));
    }
    if (req.method !== 'POST') return send(res, 404, { 'Content-Type': 'text/plain' }, 'not found');
    readJson(req).then(
      (body) => {
        if (u.pathname === '/__gas/run') {
          const c = bridgeCall(
            (fn, args) => webApp.run(fn, args, { user: person }),
            String(body.functionName),
            Array.isArray(body.args) ? body.args : [],
          );
          calls.push(c);
          return send(
            res,
            200,
            { 'Content-Type': 'application/json' },
            JSON.stringify(c.ok ? { ok: true, value: c.value } : { ok: false, error: c.error }),
          );
        }
        // google.script.host.close/setHeight/setWidth: no effect in a web app.
        send(res, 200, { 'Content-Type': 'application/json' }, '{"ok":true}');
      },
      (e: unknown) => send(res, 400, { 'Content-Type': 'text/plain' }, String(e)),
    );
  });

  origins.top = await listen(top);
  origins.frame = await listen(frame);
  const localExec = `${origins.top}/exec`;
  const query = queryOf(request);
  const path = request.pathInfo ? `/${request.pathInfo.split('/').map(encodeURIComponent).join('/')}` : '';
  return {
    url: `${localExec}${path}${query !== null ? `?${query}` : ''}`,
    user: person,
    responses,
    calls,
    localUrl: (url: string): string => {
      const rest = url.startsWith(execUrl) ? url.slice(execUrl.length) : null;
      if (rest === null || !/^([/?#]|$)/.test(rest))
        throw new Error(`localUrl: ${url} is not a URL of this deployment (${execUrl})`);
      return localExec + rest;
    },
    close: async () => {
      await closeServer(top);
      await closeServer(frame);
    },
  };
}
