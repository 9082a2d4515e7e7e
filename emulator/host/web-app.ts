// A deployed web app (https://developers.google.com/apps-script/guides/web): who may open it and as whom it runs
// (the manifest's `webapp`), the event object doGet/doPost get, and what a visitor's browser receives from what the
// script returned. Each request and each google.script.run call from the page is one 'webApp' execution.
import type { EnvInternals } from './environment';
import { ScriptError } from './executions';
import { toWire } from '../html/script-run-wire';
import { HtmlOutputHost } from '../html/HtmlOutput';
import { TextOutputHost } from '../content/TextOutput';
import { CONTENT_MIME_TYPES } from '../content/mime-types';

const WEB = 'https://developers.google.com/apps-script/guides/web';
const domainOf = (email: string): string => email.slice(email.lastIndexOf('@') + 1).toLowerCase();

/** A visitor's request: who (an e-mail, '' for someone not signed in) and the URL's parameters and path. */
export interface WebAppRequest {
  /** The visitor's account; '' for someone not signed in to Google (default: the owner). */
  user?: string;
  /** One value per name (added after `parameters`' values of the same name). */
  parameter?: Record<string, string>;
  /** Every value of each name, in order. */
  parameters?: Record<string, string | string[]>;
  /** The path after /exec (`/exec/case/12` → 'case/12'). */
  pathInfo?: string;
}

/** A POST to the web app: the request and its body. */
export interface WebAppPostRequest extends WebAppRequest {
  /** The body; `type` defaults to an HTML form's application/x-www-form-urlencoded. */
  postData?: { type?: string; contents: string };
}

/** What a browser receives for an HtmlOutput: Google's page around the script's HTML. */
export interface WebAppHtmlPage {
  kind: 'html';
  /** The browser tab's title: setTitle's (null when never set; Google's default title is not emulated). */
  title: string | null;
  /** The page's meta tags: only those added with addMetaTag (tags written in the HTML itself are ignored). */
  metaTags: { name: string; content: string }[];
  /** setFaviconUrl's icon, or null. */
  faviconUrl: string | null;
  /** 'DEFAULT': served with an X-Frame-Options header, so other sites cannot frame it; 'ALLOWALL': no header. */
  xFrameOptions: 'DEFAULT' | 'ALLOWALL';
  /** The script's HTML as served inside Google's sandboxed iframe (on script.googleusercontent.com). */
  html: string;
}

/** What a browser receives for a TextOutput (served as is from script.googleusercontent.com after a redirect). */
export interface WebAppTextPage {
  kind: 'text';
  /** The Content-Type, e.g. 'application/json' (ContentService.MimeType.JSON). */
  mimeType: string;
  content: string;
  /** downloadAsFile's name (the browser saves the content), or null (it shows it). */
  fileName: string | null;
}

/** Google's error page: the script failed or returned nothing it can serve; `message` is the text it shows. */
export interface WebAppErrorPage {
  kind: 'error';
  message: string;
}

/** Google stopped the visitor before any code ran: a sign-in page, or no access to this web app. */
export interface WebAppRefusal {
  kind: 'refused';
  /** True when Google asks the visitor to sign in first (someone not signed in, and access needs an account). */
  signIn: boolean;
  /** Why (the runtime's own words: Google's page text is not emulated). */
  reason: string;
}

/** What a person's browser receives from the web app. */
export type WebAppResponse = WebAppHtmlPage | WebAppTextPage | WebAppErrorPage | WebAppRefusal;

/**
 * Apps Script's page when doGet/doPost returned something it cannot serve (the guide: the function must return an
 * HtmlOutput or a TextOutput). Public reports quote this text for a function that returns nothing; that a string or
 * another object gets the same page is assumed.
 */
export const NOTHING_RETURNED = 'The script completed but did not return anything.';

type Access = { ok: true; effectiveUser: string } | { ok: false; signIn: boolean; reason: string };

/**
 * Google's checks before any code runs (https://developers.google.com/apps-script/manifest/web-app-api-executable#webapp):
 * `access` MYSELF admits only the owner, DOMAIN only accounts of the owner's Workspace domain, ANYONE any signed-in
 * account, ANYONE_ANONYMOUS anyone (guides/web#permissions). Someone not signed in ('') is sent to sign in unless
 * access is ANYONE_ANONYMOUS and the app runs as its deployer: executeAs USER_ACCESSING needs an account to run as.
 * The account the code runs as: the owner (USER_DEPLOYING, the default) or the visitor (USER_ACCESSING; assumed to
 * have authorized the app already).
 */
export function webAppAccess(env: EnvInternals, person: string): Access {
  const webapp = env.core.manifest?.webapp;
  if (!webapp) throw new Error('web app: the manifest declares no "webapp" section, so there is no web app to visit');
  const owner = env.core.options.owner;
  const access = webapp.access ?? 'MYSELF';
  const asVisitor = (webapp.executeAs ?? 'USER_DEPLOYING') === 'USER_ACCESSING';
  const who = person || 'an anonymous visitor';
  if (person === '' && (access !== 'ANYONE_ANONYMOUS' || asVisitor))
    return {
      ok: false,
      signIn: true,
      reason: `web app: access ${access}${asVisitor ? ', executeAs USER_ACCESSING' : ''} — Google asks ${who} to sign in before the script runs`,
    };
  if (access === 'MYSELF' && person !== owner)
    return {
      ok: false,
      signIn: false,
      reason: `web app: access MYSELF — Google refuses ${who} before the script runs`,
    };
  if (access === 'DOMAIN' && (env.core.options.accountType !== 'workspace' || domainOf(person) !== domainOf(owner)))
    return {
      ok: false,
      signIn: false,
      reason: `web app: access DOMAIN — Google refuses ${who} (outside ${domainOf(owner)}) before the script runs`,
    };
  return { ok: true, effectiveUser: asVisitor ? person : owner };
}

/** The account a web-app execution of `person` runs as; throws the refusal (host side) when Google stops them. */
export function webAppIdentity(env: EnvInternals, person: string): string {
  const a = webAppAccess(env, person);
  if (!a.ok) throw new Error(a.reason);
  return a.effectiveUser;
}

/** Decodes one form-urlencoded component ('+' is a space), keeping a malformed escape as written. */
function decodeComponent(s: string): string {
  const t = s.replace(/\+/g, ' ');
  try {
    return decodeURIComponent(t);
  } catch {
    return t;
  }
}

/** name → values of a query string or form body, in order. */
export function parseQuery(query: string | null): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  if (!query) return out;
  for (const part of query.split('&')) {
    if (part === '') continue;
    const eq = part.indexOf('=');
    const name = decodeComponent(eq < 0 ? part : part.slice(0, eq));
    const value = eq < 0 ? '' : decodeComponent(part.slice(eq + 1));
    (out[name] ??= []).push(value);
  }
  return out;
}

/** The query string a browser would send for these parameters; null when there are none. */
export function queryOf(request: WebAppRequest): string | null {
  const multi: Record<string, string[]> = {};
  for (const [k, v] of Object.entries(request.parameters ?? {})) multi[k] = Array.isArray(v) ? [...v] : [v];
  for (const [k, v] of Object.entries(request.parameter ?? {})) (multi[k] ??= []).push(v);
  const pairs = Object.entries(multi).flatMap(([k, vs]) =>
    vs.map((v) => `${encodeURIComponent(k)}=${encodeURIComponent(v)}`),
  );
  return pairs.length ? pairs.join('&') : null;
}

/** The raw request as a browser or a program sends it. */
export interface RawWebAppRequest {
  query: string | null;
  pathInfo: string;
  post?: { type: string; contents: string };
}

/**
 * The event object of doGet/doPost (guides/web#request_parameters): `queryString` (null without one), `parameter`
 * (first value of each name), `parameters` (all values), `contextPath` (always ''), `contentLength` (-1 for a GET,
 * the body's bytes for a POST), `pathInfo` only when the URL has a path after /exec (the event objects public web apps
 * log have no pathInfo otherwise), and for a POST `postData` {length, type, contents, name: 'postData'}. A
 * form-urlencoded body's fields join the parameters after the query's (assumed, as servlet containers do).
 */
export function webAppEvent(raw: RawWebAppRequest): Record<string, unknown> {
  const parameters = parseQuery(raw.query);
  if (raw.post && raw.post.type.split(';')[0].trim().toLowerCase() === 'application/x-www-form-urlencoded')
    for (const [k, vs] of Object.entries(parseQuery(raw.post.contents))) (parameters[k] ??= []).push(...vs);
  const parameter: Record<string, string> = {};
  for (const [k, vs] of Object.entries(parameters)) parameter[k] = vs[0];
  const e: Record<string, unknown> = { queryString: raw.query, parameter, parameters, contextPath: '' };
  if (raw.pathInfo) e.pathInfo = raw.pathInfo;
  if (raw.post) {
    const length = Buffer.byteLength(raw.post.contents, 'utf8');
    e.contentLength = length;
    e.postData = { length, type: raw.post.type, contents: raw.post.contents, name: 'postData' };
  } else e.contentLength = -1;
  return e;
}

/** What the browser receives for the value doGet/doPost returned. */
export function pageFor(value: unknown): WebAppResponse {
  if (value instanceof HtmlOutputHost)
    return {
      kind: 'html',
      title: value._title,
      metaTags: value._metaTags.map((m) => ({ ...m })),
      faviconUrl: value._faviconUrl,
      xFrameOptions: value._xFrameOptionsMode === 'ALLOWALL' ? 'ALLOWALL' : 'DEFAULT',
      html: value._content,
    };
  if (value instanceof TextOutputHost)
    return {
      kind: 'text',
      mimeType: CONTENT_MIME_TYPES[value._mimeType],
      content: value._content,
      fileName: value._fileName,
    };
  return { kind: 'error', message: NOTHING_RETURNED };
}

/**
 * Google's error page for a failed doGet/doPost. A missing function shows "Script function not found: doGet" (the
 * text public reports quote); an uncaught error shows its message as the app would print it ("TypeError: …",
 * "Exception: …"; Google adds the line and file, not emulated).
 */
function errorPage(e: ScriptError, functionName: string): WebAppErrorPage {
  const notFound = `Script function not found: ${functionName}`;
  return { kind: 'error', message: e.message === notFound ? notFound : `${e.name}: ${e.message}` };
}

/** One request to the deployed web app, as its visitor's browser (or a program) sees the answer. */
export function requestWebApp(env: EnvInternals, person: string, raw: RawWebAppRequest): WebAppResponse {
  const access = webAppAccess(env, person);
  if (!access.ok) return { kind: 'refused', signIn: access.signIn, reason: access.reason };
  const functionName = raw.post ? 'doPost' : 'doGet';
  try {
    const value = env.execute({
      functionName,
      kind: 'webApp',
      person,
      effectiveUser: access.effectiveUser,
      args: [webAppEvent(raw)],
    });
    return pageFor(value);
  } catch (e) {
    if (e instanceof ScriptError) return errorPage(e, functionName);
    throw e;
  }
}

/** google.script.run from the web app's page: runs as the web app runs, values checked both ways. */
export function runFromWebApp(env: EnvInternals, functionName: string, args: unknown[], person: string): unknown {
  const effectiveUser = webAppIdentity(env, person);
  const wireArgs = toWire(args, (p) => `Failed due to illegal value in property: ${p}`) as unknown[];
  const result = env.execute({ functionName, kind: 'webApp', person, effectiveUser, args: wireArgs });
  return toWire(
    result,
    (p) =>
      `google.script.run: ${functionName} returned an illegal value in property: ${p} (a Date, function or service object; Apps Script would hand the success handler null)`,
  );
}

/** Deploys the web app (a new version of its one deployment); returns the /exec URL, the same every time. */
export function deployWebApp(env: EnvInternals): string {
  if (!env.core.manifest?.webapp)
    throw new Error(
      'env.webApp.deploy: the manifest declares no "webapp" section, so the project cannot be deployed as a web app',
    );
  return env.deployment.deploy();
}

/** The deployed web app's /exec URL; throws (host side) when the host has not deployed it. */
export function requireDeployed(env: EnvInternals, what: string): string {
  const url = env.deployment.execUrl();
  if (!url) throw new Error(`${what}: the web app is not deployed — call env.webApp.deploy() first (${WEB})`);
  return url;
}

/** The `env.webApp` helpers of one environment. */
export function webAppApi(env: EnvInternals, owner: string) {
  return {
    deploy: (): string => deployWebApp(env),
    url: (): string | null => env.deployment.execUrl(),
    get: (request: WebAppRequest = {}): WebAppResponse => {
      requireDeployed(env, 'env.webApp.get');
      return requestWebApp(env, request.user ?? owner, { query: queryOf(request), pathInfo: request.pathInfo ?? '' });
    },
    post: (request: WebAppPostRequest = {}): WebAppResponse => {
      requireDeployed(env, 'env.webApp.post');
      const body = request.postData ?? { contents: '' };
      return requestWebApp(env, request.user ?? owner, {
        query: queryOf(request),
        pathInfo: request.pathInfo ?? '',
        post: { type: body.type ?? 'application/x-www-form-urlencoded', contents: body.contents },
      });
    },
    run: (functionName: string, args: unknown[] = [], options: { user?: string } = {}): unknown => {
      requireDeployed(env, 'env.webApp.run');
      return runFromWebApp(env, functionName, args, options.user ?? owner);
    },
  };
}
