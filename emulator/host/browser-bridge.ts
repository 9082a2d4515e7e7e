// Serves a dialog or sidebar the app showed to a real browser on loopback, with google.script.run wired to
// the environment: each server call is its own 'dialog' execution through env.submitDialog.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { DialogRecord } from '../base/Ui';
import { ScriptError } from './executions';
import { BRIDGE_CLIENT_SOURCE } from './bridge-client';

/** One google.script.run call the page made. */
export interface BridgeCall {
  functionName: string;
  args: unknown[];
  ok: boolean;
  value?: unknown;
  error?: { name: string; message: string };
}

/** A dialog being served. */
export interface DialogServer {
  url: string;
  dialog: DialogRecord;
  calls: BridgeCall[];
  /** True once the page called google.script.host.close(). */
  readonly closed: boolean;
  /** Resolves when the page calls google.script.host.close(). */
  whenClosed: Promise<void>;
  close(): Promise<void>;
}

/** What the bridge needs of an environment. */
export interface BridgeEnv {
  ui: { readonly dialogs: DialogRecord[] };
  submitDialog(functionName: string, args?: unknown[], options?: { user?: string }): unknown;
}

/** Which dialog: its index in env.ui.dialogs, a predicate, or (default) the last one shown. */
export type DialogSelector = number | ((d: DialogRecord) => boolean);

class DomNode {}

/** Undoes the client's tags: Dates and functions come back as such so submitDialog refuses them like Apps Script. */
export function untag(v: unknown): unknown {
  if (v === null || typeof v !== 'object') return v;
  if (Array.isArray(v)) return v.map(untag);
  const o = v as Record<string, unknown>;
  // prettier-ignore
  switch (o.__gasLocal__) {
    case 'Date': return new Date(Number(o.ms));
    case 'function': return () => undefined;
    case 'node': return new DomNode();
    case 'cycle': { const c: Record<string, unknown> = {}; c.self = c; return c; }
    case 'file': throw new Error('not implemented in the local runtime: a file input sent through google.script.run');
  }
  return Object.fromEntries(Object.entries(o).map(([k, x]) => [k, untag(x)]));
}

function pick(env: BridgeEnv, which: DialogSelector | undefined): DialogRecord {
  const all = env.ui.dialogs;
  const d = which === undefined ? all[all.length - 1] : typeof which === 'number' ? all[which] : all.find(which);
  if (!d) throw new Error(`serveDialog: no such dialog (the app showed ${all.length})`);
  return d;
}

/** The page with the google.script shim as the first script. */
export function pageWithShim(html: string): string {
  const shim = `<script>${BRIDGE_CLIENT_SOURCE}</script>`;
  const head = /<head[^>]*>/i.exec(html);
  if (head) return html.slice(0, head.index + head[0].length) + shim + html.slice(head.index + head[0].length);
  return shim + html;
}

/** One google.script.run call of a served page: `run` makes the execution; its error goes back to the page. */
export function bridgeCall(
  run: (functionName: string, args: unknown[]) => unknown,
  functionName: string,
  rawArgs: unknown[],
): BridgeCall {
  let args: unknown[] = rawArgs;
  try {
    args = rawArgs.map(untag);
    const value = run(functionName, args);
    return { functionName, args, ok: true, value };
  } catch (e) {
    const err = e instanceof Error ? e : new Error(String(e));
    return {
      functionName,
      args,
      ok: false,
      error: { name: e instanceof ScriptError ? e.name : err.name, message: err.message },
    };
  }
}

export function readJson(req: http.IncomingMessage): Promise<Record<string, unknown>> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      try {
        resolve(JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}') as Record<string, unknown>);
      } catch (e) {
        reject(e);
      }
    });
    req.on('error', reject);
  });
}

/**
 * Serves a dialog (default: the last one shown) at http://127.0.0.1:<port>/ with google.script.run and
 * google.script.host.close(). Each run call runs synchronously in this thread (the browser waits).
 */
export function serveDialog(env: BridgeEnv, which?: DialogSelector): Promise<DialogServer> {
  const dialog = pick(env, which);
  const calls: BridgeCall[] = [];
  let closed = false;
  let markClosed: () => void = () => {};
  const whenClosed = new Promise<void>((r) => (markClosed = r));
  const send = (res: http.ServerResponse, status: number, type: string, body: string): void => {
    res.writeHead(status, { 'Content-Type': type, 'Cache-Control': 'no-store' });
    res.end(body);
  };
  const server = http.createServer((req, res) => {
    if (req.method === 'GET' && (req.url === '/' || req.url?.startsWith('/?')))
      return send(res, 200, 'text/html; charset=utf-8', pageWithShim(dialog.html));
    if (req.method !== 'POST') return send(res, 404, 'text/plain', 'not found');
    readJson(req).then(
      (body) => {
        if (req.url === '/__gas/run') {
          const c = bridgeCall(
            (fn, args) => env.submitDialog(fn, args, { user: dialog.user }),
            String(body.functionName),
            Array.isArray(body.args) ? body.args : [],
          );
          calls.push(c);
          return send(
            res,
            200,
            'application/json',
            JSON.stringify(c.ok ? { ok: true, value: c.value } : { ok: false, error: c.error }),
          );
        }
        if (req.url === '/__gas/close') {
          closed = true;
          markClosed();
        }
        send(res, 200, 'application/json', '{"ok":true}');
      },
      (e: unknown) => send(res, 400, 'text/plain', String(e)),
    );
  });
  return new Promise((resolve) => {
    server.listen(0, '127.0.0.1', () => {
      const port = (server.address() as AddressInfo).port;
      resolve({
        url: `http://127.0.0.1:${port}/`,
        dialog,
        calls,
        get closed() {
          return closed;
        },
        whenClosed,
        close: () =>
          new Promise<void>((r) => {
            server.closeAllConnections();
            server.close(() => r());
          }),
      });
    });
  });
}
