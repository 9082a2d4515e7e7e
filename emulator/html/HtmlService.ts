// HtmlService (https://developers.google.com/apps-script/reference/html/html-service): outputs and templates from
// strings and from the bundle's files, and the XFrameOptionsMode/SandboxMode enums.
import { GasObject, type Kernel } from '../host/kernel';
import type { EnvCore, ServiceModule } from '../host/env-core';
import { signatureMessage } from '../host/java-types';
import { blobOf } from '../base/Blob';
import { HtmlOutputHost } from './HtmlOutput';
import { HtmlTemplateHost } from './HtmlTemplate';

export const XFRAME = Object.freeze({ ALLOWALL: 'ALLOWALL', DEFAULT: 'DEFAULT' });
export const SANDBOX = Object.freeze({ EMULATED: 'EMULATED', IFRAME: 'IFRAME', NATIVE: 'NATIVE' });

/** The HtmlService. */
export class HtmlServiceHost extends GasObject implements Partial<GoogleAppsScript.HTML.HtmlService> {
  readonly gasService = 'HtmlService';
  readonly gasClass = 'HtmlService';
  readonly XFrameOptionsMode = XFRAME as unknown as typeof GoogleAppsScript.HTML.XFrameOptionsMode;
  readonly SandboxMode = SANDBOX as unknown as typeof GoogleAppsScript.HTML.SandboxMode;
  constructor(private readonly _core: EnvCore) {
    super();
  }
  get _kernel(): Kernel {
    return this._core.kernel;
  }
  createHtmlOutput(...args: unknown[]): GoogleAppsScript.HTML.HtmlOutput {
    return new HtmlOutputHost(
      this,
      this._text('createHtmlOutput', args),
    ) as unknown as GoogleAppsScript.HTML.HtmlOutput;
  }
  createHtmlOutputFromFile(...args: unknown[]): GoogleAppsScript.HTML.HtmlOutput {
    return new HtmlOutputHost(
      this,
      this._file('createHtmlOutputFromFile', args),
    ) as unknown as GoogleAppsScript.HTML.HtmlOutput;
  }
  createTemplate(...args: unknown[]): GoogleAppsScript.HTML.HtmlTemplate {
    return this._template(this._text('createTemplate', args));
  }
  createTemplateFromFile(...args: unknown[]): GoogleAppsScript.HTML.HtmlTemplate {
    return this._template(this._file('createTemplateFromFile', args));
  }

  private _text(method: string, args: unknown[]): string {
    const html = args[0];
    if (html === undefined && method === 'createHtmlOutput') return '';
    if (typeof html === 'string') return html;
    const blob = blobOf(html);
    if (blob) return blob._text();
    throw this._kernel.error(signatureMessage(`HtmlService.${method}`, args));
  }
  /** A bundle file by name without ".html" ("No HTML file named X was found." otherwise). */
  private _file(method: string, args: unknown[]): string {
    const name = args[0];
    if (typeof name !== 'string' || args.length !== 1)
      throw this._kernel.error(signatureMessage(`HtmlService.${method}`, args));
    const content = this._core.files.get(`${name}.html`);
    if (content === undefined) throw this._kernel.error(`No HTML file named ${name} was found.`);
    return content;
  }

  /**
   * A template the app can set properties on (`t.items = …`), which Apps Script puts in the scriptlets'
   * scope. The kernel's guard refuses assignments, so the app gets a small proxy: its own properties are
   * stored raw (values of the app's realm), everything else goes through the guarded template.
   */
  _template(raw: string): GoogleAppsScript.HTML.HtmlTemplate {
    const host = new HtmlTemplateHost(this, raw);
    const guarded = this._kernel.expose(host) as unknown as Record<string | symbol, unknown>;
    const vars = host._vars;
    const handle = new Proxy(Object.create(null) as object, {
      get: (_t, prop) =>
        typeof prop === 'string' && Object.prototype.hasOwnProperty.call(vars, prop) ? vars[prop] : guarded[prop],
      set: (_t, prop, value) => {
        if (typeof prop !== 'string') return false;
        vars[prop] = value;
        return true;
      },
      has: (_t, prop) => typeof prop === 'string' && (prop in vars || prop in host),
      deleteProperty: (_t, prop) => typeof prop === 'string' && delete vars[prop],
      ownKeys: () => Object.keys(vars),
      getOwnPropertyDescriptor: (_t, prop) =>
        typeof prop === 'string' && Object.prototype.hasOwnProperty.call(vars, prop)
          ? { value: vars[prop], writable: true, enumerable: true, configurable: true }
          : undefined,
      getPrototypeOf: () => null,
    });
    templates.set(handle, host);
    return handle as unknown as GoogleAppsScript.HTML.HtmlTemplate;
  }
}

const templates = new WeakMap<object, HtmlTemplateHost>();

/** The template host behind a handle the app holds (host code, e.g. dialogs given a template by mistake). */
export function templateOf(v: unknown): HtmlTemplateHost | undefined {
  return typeof v === 'object' && v !== null ? templates.get(v) : undefined;
}

/** The HtmlService module. */
export function createHtmlModule(core: EnvCore): ServiceModule & { html: HtmlServiceHost } {
  const html = new HtmlServiceHost(core);
  return { globals: { HtmlService: html }, html };
}
