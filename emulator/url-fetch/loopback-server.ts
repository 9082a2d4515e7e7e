// A small HTTP server in a child process for tests that forward UrlFetchApp to a real server: it must not run
// in the thread that blocks on a synchronous fetch. The handler module may be TypeScript (loaded through tsx).
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';

/** What a handler module's default export (or `handler` export) receives and returns. */
export interface LoopbackRequest {
  method: string;
  /** Path and query, as the server saw them. */
  url: string;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}
export interface LoopbackResponse {
  status?: number;
  headers?: Record<string, string>;
  body?: string | object;
}
export type LoopbackHandler = (req: LoopbackRequest) => LoopbackResponse | Promise<LoopbackResponse>;

/** A running loopback server. */
export interface LoopbackServer {
  /** e.g. http://127.0.0.1:40123 */
  url: string;
  port: number;
  close(): Promise<void>;
}

const RUNNER = `
const http = require('node:http');
const { pathToFileURL } = require('node:url');
(async () => {
  const mod = await import(pathToFileURL(process.argv[1]).href);
  const handler = typeof mod.handler === 'function' ? mod.handler
    : typeof mod.default === 'function' ? mod.default : mod.default && mod.default.handler || mod.default && mod.default.default;
  if (typeof handler !== 'function') throw new Error('loopback handler module exports no handler: ' + process.argv[1]);
  const server = http.createServer((req, res) => {
    const chunks = [];
    req.on('data', (c) => chunks.push(c));
    req.on('end', async () => {
      try {
        const out = (await handler({ method: req.method, url: req.url, headers: req.headers, body: Buffer.concat(chunks).toString('utf8') })) || {};
        const body = out.body === undefined ? '' : typeof out.body === 'string' ? out.body : JSON.stringify(out.body);
        const headers = Object.assign({}, typeof out.body === 'object' && out.body !== null ? { 'Content-Type': 'application/json; charset=utf-8' } : {}, out.headers || {});
        res.writeHead(out.status || 200, headers);
        res.end(body);
      } catch (e) {
        res.writeHead(500, { 'Content-Type': 'text/plain' });
        res.end(String((e && e.stack) || e));
      }
    });
  });
  server.listen(0, '127.0.0.1', () => process.stdout.write('LISTENING ' + server.address().port + '\\n'));
})().catch((e) => { process.stderr.write(String((e && e.stack) || e)); process.exit(1); });
`;

/**
 * Starts `handlerModulePath` (default export or `handler`: LoopbackHandler) as an HTTP server on 127.0.0.1
 * in a child process; resolves once it listens. `env` adds environment variables for the child.
 */
export function startLoopbackServer(
  handlerModulePath: string,
  options: { env?: Record<string, string>; startTimeoutMs?: number } = {},
): Promise<LoopbackServer> {
  const child = spawn(process.execPath, ['--import', 'tsx', '-e', RUNNER, path.resolve(handlerModulePath)], {
    cwd: process.cwd(),
    env: { ...process.env, ...options.env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  return new Promise((resolve, reject) => {
    let stderr = '';
    let stdout = '';
    const timer = setTimeout(
      () => fail(new Error(`loopback server did not start in time: ${stderr}`)),
      options.startTimeoutMs ?? 15_000,
    );
    const fail = (e: Error): void => {
      clearTimeout(timer);
      child.kill();
      reject(e);
    };
    child.stderr!.on('data', (d) => (stderr += String(d)));
    child.on('exit', (code) => fail(new Error(`loopback server exited (${code}): ${stderr}`)));
    child.stdout!.on('data', (d) => {
      stdout += String(d);
      const m = /LISTENING (\d+)/.exec(stdout);
      if (!m) return;
      clearTimeout(timer);
      child.removeAllListeners('exit');
      const port = Number(m[1]);
      resolve({ url: `http://127.0.0.1:${port}`, port, close: () => stop(child) });
    });
  });
}

function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.once('exit', () => resolve());
    child.kill();
  });
}
