// HtmlService (https://developers.google.com/apps-script/reference/html/html-service): HtmlOutput, HtmlTemplate
// (evaluated in the execution's realm), files of the bundle, and the XFrameOptionsMode/SandboxMode enums.
import { GasObject, NotImplementedError, type Kernel } from '../host/kernel';
import type { EnvCore, ServiceModule } from '../host/env-core';
import { signatureMessage } from '../host/java-types';
import { BlobHost, blobOf } from '../base/Blob';
import { evaluateTemplate } from './template-compiler';

const XFRAME = Object.freeze({ ALLOWALL: 'ALLOWALL', DEFAULT: 'DEFAULT' });
const SANDBOX = Object.freeze({ EMULATED: 'EMULATED', IFRAME: 'IFRAME', NATIVE: 'NATIVE' });

/** An HtmlOutput. Other modules (dialogs, the browser bridge) read `_content`, `_title`, `_width`, `_height`. */
export class HtmlOutputHost extends GasObject implements Partial<GoogleAppsScript.HTML.HtmlOutput> {
  readonly gasService = 'HtmlService';
  readonly gasClass = 'HtmlOutput';
  _title: string | null = null;
  _width: number | null = null;
  _height: number | null = null;
  _xFrameOptionsMode: string | null = null;
  _faviconUrl: string | null = null;
  readonly _metaTags: { name: string; content: string }[] = [];
  constructor(
    private readonly _html: HtmlServiceHost,
    public _content: string,
  ) {
    super();
  }
  getContent(): string {
    return this._content;
  }
  setContent(content: string): GoogleAppsScript.HTML.HtmlOutput {
    this._content = String(content);
    return this._self();
  }
  append(addedContent: string): GoogleAppsScript.HTML.HtmlOutput {
    this._content += String(addedContent);
    return this._self();
  }
  /** Escaped as HTML text (Google's contextual escaping elsewhere is not emulated). */
  appendUntrusted(addedContent: string): GoogleAppsScript.HTML.HtmlOutput {
    this._content += String(addedContent)
      .replace(/&/g, '&amp;')
      .replace(/</g, '&lt;')
      .replace(/>/g, '&gt;')
      .replace(/"/g, '&quot;')
      .replace(/'/g, '&#39;');
    return this._self();
  }
  clear(): GoogleAppsScript.HTML.HtmlOutput {
    this._content = '';
    return this._self();
  }
  setTitle(title: string): GoogleAppsScript.HTML.HtmlOutput {
    this._title = String(title);
    return this._self();
  }
  /** '' until setTitle (Apps Script's default is unverified). */
  getTitle(): string {
    return this._title ?? '';
  }
  setWidth(width: number): GoogleAppsScript.HTML.HtmlOutput {
    this._width = this._pixels('setWidth', width);
    return this._self();
  }
  /** null until setWidth (Apps Script's default is unverified; web apps get null). */
  getWidth(): number {
    return this._width as number;
  }
  setHeight(height: number): GoogleAppsScript.HTML.HtmlOutput {
    this._height = this._pixels('setHeight', height);
    return this._self();
  }
  /** null until setHeight (Apps Script's default is unverified; web apps get null). */
  getHeight(): number {
    return this._height as number;
  }
  setXFrameOptionsMode(mode: GoogleAppsScript.HTML.XFrameOptionsMode): GoogleAppsScript.HTML.HtmlOutput {
    if (!(String(mode) in XFRAME))
      throw this._html._kernel.error(signatureMessage('HtmlService.HtmlOutput.setXFrameOptionsMode', [mode]));
    this._xFrameOptionsMode = String(mode);
    return this._self();
  }
  /** No effect: every page runs in IFRAME mode now (reference). */
  setSandboxMode(mode: GoogleAppsScript.HTML.SandboxMode): GoogleAppsScript.HTML.HtmlOutput {
    if (!(String(mode) in SANDBOX))
      throw this._html._kernel.error(signatureMessage('HtmlService.HtmlOutput.setSandboxMode', [mode]));
    return this._self();
  }
  addMetaTag(name: string, content: string): GoogleAppsScript.HTML.HtmlOutput {
    this._metaTags.push({ name: String(name), content: String(content) });
    return this._self();
  }
  setFaviconUrl(iconUrl: string): GoogleAppsScript.HTML.HtmlOutput {
    this._faviconUrl = String(iconUrl);
    return this._self();
  }
  getFaviconUrl(): string {
    if (this._faviconUrl === null) throw new NotImplementedError('HtmlOutput.getFaviconUrl before setFaviconUrl');
    return this._faviconUrl;
  }
  getBlob(): GoogleAppsScript.Base.Blob {
    return BlobHost._fromString(this._content, 'text/html') as unknown as GoogleAppsScript.Base.Blob;
  }
  asTemplate(): GoogleAppsScript.HTML.HtmlTemplate {
    return this._html._template(this._content);
  }
  private _pixels(method: string, v: unknown): number {
    if (typeof v !== 'number' || !Number.isInteger(v))
      throw this._html._kernel.error(signatureMessage(`HtmlService.HtmlOutput.${method}`, [v]));
    return v;
  }
  private _self(): GoogleAppsScript.HTML.HtmlOutput {
    return this as unknown as GoogleAppsScript.HTML.HtmlOutput;
  }
}

/** An HtmlTemplate; the app's own properties live in `_vars` (see HtmlServiceHost._template). */
export class HtmlTemplateHost extends GasObject implements Partial<GoogleAppsScript.HTML.HtmlTemplate> {
  readonly gasService = 'HtmlService';
  readonly gasClass = 'HtmlTemplate';
  readonly _vars: Record<string, unknown> = {};
  constructor(
    private readonly _html: HtmlServiceHost,
    readonly _raw: string,
  ) {
    super();
  }
  getRawContent(): string {
    return this._raw;
  }
  /** Runs the scriptlets in the running execution's realm: they call the app's own functions (e.g. include). */
  evaluate(): GoogleAppsScript.HTML.HtmlOutput {
    const realm = this._html._kernel.realm;
    if (!realm || !this._html._kernel.current)
      throw new Error("HtmlTemplate.evaluate needs a running execution: the template sees the app's globals");
    return new HtmlOutputHost(
      this._html,
      evaluateTemplate(this._raw, this._vars, realm.context),
    ) as unknown as GoogleAppsScript.HTML.HtmlOutput;
  }
}

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
