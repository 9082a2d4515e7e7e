// Where UrlFetchApp's requests go: internal routes other services register (Drive export…), responders a test
// installs, or a real loopback server; anything else fails the execution loudly. Every request is logged.
import { SyncHttpClient, WireError } from './loopback-worker';

/** A request as responders and internal routes see it. */
export interface HttpRequest {
  /** Upper case: GET, POST, PUT, PATCH, DELETE. */
  method: string;
  url: string;
  headers: Record<string, string>;
  /** The payload as UTF-8 text (null without payload). */
  payload: string | null;
  bytes: Uint8Array | null;
}

/** What a responder or internal route answers; an object body is sent as JSON. */
export interface HttpReply {
  status?: number;
  headers?: Record<string, string | string[]>;
  body?: string | Uint8Array | object;
}

/** A response on the host side: header names keep the server's spelling, repeated headers are arrays. */
export interface HttpResult {
  status: number;
  headers: [string, string][];
  body: Uint8Array;
}

export type HttpMatcher = string | RegExp | ((req: HttpRequest) => boolean);
export type HttpHandler = (req: HttpRequest) => HttpReply;

/** One request as `env.http.log` records it. */
export interface HttpLogEntry {
  method: string;
  url: string;
  headers: Record<string, string>;
  payload: string | null;
  /** The response status, or null when no answer came (unreachable server, no route). */
  status: number | null;
  via: 'internal' | 'responder' | 'forward' | 'none';
  at: Date;
}

/** Thrown when nothing answers a URL: the caller fails the execution with it. */
export class NoRouteError extends Error {}
/** Thrown when a forwarded request could not reach its server (`Address unavailable` in Apps Script). */
export class UnreachableError extends Error {}

/** The test-facing side of UrlFetchApp (`env.http`). */
export class HttpHost {
  readonly log: HttpLogEntry[] = [];
  private readonly internal: { prefix: string; handler: HttpHandler }[] = [];
  private readonly responders: { matcher: HttpMatcher; handler: HttpHandler }[] = [];
  private readonly forwards: { prefix: string; base: string }[] = [];
  private client: SyncHttpClient | null = null;

  constructor(private readonly now: () => Date) {}

  /** Answers matching requests (a string matches as a URL prefix); the latest matching responder wins. */
  respond(matcher: HttpMatcher, handler: HttpHandler): void {
    this.responders.unshift({ matcher, handler });
  }

  /** Sends requests whose URL starts with `prefix` to a real server, e.g. forward('https://oapi.dingtalk.com', 'http://127.0.0.1:4000'). */
  forward(prefix: string, base: string): void {
    if (!/^http:\/\/(127\.0\.0\.1|localhost)(:\d+)?$/.test(base.replace(/\/$/, '')))
      throw new Error(`env.http.forward: base must be http://127.0.0.1:PORT, got ${base}`);
    this.forwards.unshift({ prefix, base: base.replace(/\/$/, '') });
  }

  /** Routes for the runtime's own services (e.g. the Drive v3 export endpoint); checked before anything else. */
  registerInternal(prefix: string, handler: HttpHandler): void {
    this.internal.unshift({ prefix, handler });
  }

  /** Removes responders, forwards and the log (internal routes stay). */
  reset(): void {
    this.responders.length = 0;
    this.forwards.length = 0;
    this.log.length = 0;
  }

  /** Stops the loopback worker thread, if one was started. */
  close(): void {
    this.client?.close();
    this.client = null;
  }

  /** Sends one request (no redirect handling here); throws NoRouteError / UnreachableError. */
  _dispatch(req: HttpRequest): HttpResult {
    const entry: HttpLogEntry = {
      method: req.method,
      url: req.url,
      headers: { ...req.headers },
      payload: req.payload,
      status: null,
      via: 'none',
      at: this.now(),
    };
    this.log.push(entry);
    const internal = this.internal.find((r) => req.url.startsWith(r.prefix));
    const responder = internal ? undefined : this.responders.find((r) => matches(r.matcher, req));
    const forward = internal || responder ? undefined : this.forwards.find((f) => req.url.startsWith(f.prefix));
    let result: HttpResult;
    if (internal || responder) {
      entry.via = internal ? 'internal' : 'responder';
      result = fromReply((internal ?? responder)!.handler(req));
    } else if (forward) {
      entry.via = 'forward';
      result = this.sendForward(req, forward.base + req.url.slice(forward.prefix.length));
    } else {
      throw new NoRouteError(
        `no route for ${req.method} ${req.url} in the local runtime: install one with env.http.respond(matcher, handler) or env.http.forward(prefix, 'http://127.0.0.1:PORT')`,
      );
    }
    entry.status = result.status;
    return result;
  }

  private sendForward(req: HttpRequest, target: string): HttpResult {
    this.client ??= new SyncHttpClient();
    try {
      const res = this.client.request({ method: req.method, url: target, headers: req.headers, body: req.bytes });
      const headers: [string, string][] = [];
      for (let i = 0; i < res.rawHeaders.length; i += 2) headers.push([res.rawHeaders[i], res.rawHeaders[i + 1]]);
      return { status: res.status, headers, body: res.body };
    } catch (e) {
      if (e instanceof WireError)
        throw new UnreachableError(e.code === 'TIMEOUT' ? `Timeout: ${req.url}` : `Address unavailable: ${req.url}`);
      throw e;
    }
  }
}

function matches(m: HttpMatcher, req: HttpRequest): boolean {
  if (typeof m === 'string') return req.url.startsWith(m);
  if (m instanceof RegExp) return m.test(req.url);
  return m(req);
}

function fromReply(reply: HttpReply | undefined): HttpResult {
  const r = reply ?? {};
  const headers: [string, string][] = [];
  for (const [k, v] of Object.entries(r.headers ?? {}))
    for (const x of Array.isArray(v) ? v : [v]) headers.push([k, String(x)]);
  let body: Uint8Array;
  if (r.body === undefined) body = new Uint8Array();
  else if (typeof r.body === 'string') body = new Uint8Array(Buffer.from(r.body, 'utf8'));
  else if (r.body instanceof Uint8Array) body = r.body;
  else {
    body = new Uint8Array(Buffer.from(JSON.stringify(r.body), 'utf8'));
    if (!headers.some(([k]) => k.toLowerCase() === 'content-type'))
      headers.push(['Content-Type', 'application/json; charset=utf-8']);
  }
  return { status: r.status ?? 200, headers, body };
}
