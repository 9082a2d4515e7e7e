// Synchronous HTTP to a loopback server for UrlFetchApp: the request runs in a worker thread while the
// execution blocks on Atomics.wait, as Apps Script's fetch blocks. (A server in this thread would deadlock.)
import { MessageChannel, Worker, receiveMessageOnPort, type MessagePort } from 'node:worker_threads';

/** A request as it goes on the wire. */
export interface WireRequest {
  method: string;
  url: string;
  headers: Record<string, string>;
  body: Uint8Array | null;
}

/** What came back: raw header pairs keep the server's spelling. */
export interface WireResponse {
  status: number;
  rawHeaders: string[];
  body: Uint8Array;
}

const WORKER_SOURCE = `
const { parentPort } = require('node:worker_threads');
const http = require('node:http');
parentPort.once('message', ({ port }) => {
  port.on('message', ({ flag, req, timeoutMs }) => {
    const done = (msg) => { port.postMessage(msg); Atomics.store(flag, 0, 1); Atomics.notify(flag, 0); };
    const r = http.request(req.url, { method: req.method, headers: req.headers, timeout: timeoutMs }, (res) => {
      const chunks = [];
      res.on('data', (c) => chunks.push(c));
      res.on('end', () => done({ status: res.statusCode, rawHeaders: res.rawHeaders, body: new Uint8Array(Buffer.concat(chunks)) }));
      res.on('error', (e) => done({ error: e.code || e.message }));
    });
    r.on('timeout', () => { r.destroy(); done({ error: 'TIMEOUT' }); });
    r.on('error', (e) => done({ error: e.code || e.message }));
    if (req.body) r.write(Buffer.from(req.body));
    r.end();
  });
});
`;

/** Thrown when the server could not be reached or did not answer in time. */
export class WireError extends Error {
  constructor(readonly code: string) {
    super(code);
  }
}

/** One worker thread that performs HTTP requests for the main thread, one at a time. */
export class SyncHttpClient {
  private worker: Worker | null = null;
  private port: MessagePort | null = null;

  constructor(private readonly timeoutMs = 30_000) {}

  /** Sends the request and blocks until the answer (or a WireError). Only http:// targets. */
  request(req: WireRequest): WireResponse {
    if (!req.url.startsWith('http://')) throw new WireError(`only http:// loopback targets are supported: ${req.url}`);
    const port = this.ensure();
    const flag = new Int32Array(new SharedArrayBuffer(4));
    port.postMessage({ flag, req, timeoutMs: this.timeoutMs });
    const waited = Atomics.wait(flag, 0, 0, this.timeoutMs + 5_000);
    const msg = receiveMessageOnPort(port)?.message as (WireResponse & { error?: string }) | undefined;
    if (waited === 'timed-out' || !msg) throw new WireError('TIMEOUT');
    if (msg.error) throw new WireError(msg.error);
    return { status: msg.status, rawHeaders: msg.rawHeaders, body: new Uint8Array(msg.body) };
  }

  /** Stops the worker (it is unref'd, so it never keeps the process alive anyway). */
  close(): void {
    void this.worker?.terminate();
    this.port?.close();
    this.worker = null;
    this.port = null;
  }

  private ensure(): MessagePort {
    if (this.port) return this.port;
    const { port1, port2 } = new MessageChannel();
    const worker = new Worker(WORKER_SOURCE, { eval: true });
    worker.postMessage({ port: port2 }, [port2]);
    worker.unref();
    port1.unref();
    this.worker = worker;
    this.port = port1;
    return port1;
  }
}
