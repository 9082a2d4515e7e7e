// HtmlOutput (https://developers.google.com/apps-script/reference/html/html-output): content, title, size and the options a dialog or web page is served with.
import { GasObject, NotImplementedError } from '../host/kernel';
import { signatureMessage } from '../host/java-types';
import { BlobHost } from '../base/Blob';
import { HtmlServiceHost, SANDBOX, XFRAME } from './HtmlService';
import { HtmlOutputMetaTagHost } from './HtmlOutputMetaTag';

/**
 * The only meta tags a page may add (https://developers.google.com/apps-script/reference/html/html-output#addMetaTag(String,String):
 * "Meta tags included directly in an Apps Script HTML file are ignored. Only the following meta tags are allowed").
 */
export const ALLOWED_META_TAGS: readonly string[] = [
  'apple-mobile-web-app-capable',
  'google-site-verification',
  'mobile-web-app-capable',
  'viewport',
];

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
  /**
   * Only the names Apps Script allows (ALLOWED_META_TAGS); another name throws. The reference names no message: the
   * text here is the runtime's own (assumed), as is matching the names exactly (lower case).
   */
  addMetaTag(name: string, content: string): GoogleAppsScript.HTML.HtmlOutput {
    if (typeof name !== 'string' || typeof content !== 'string')
      throw this._html._kernel.error(signatureMessage('HtmlService.HtmlOutput.addMetaTag', [name, content]));
    if (!ALLOWED_META_TAGS.includes(name))
      throw this._html._kernel.error(
        `Meta tag "${name}" is not allowed: only ${ALLOWED_META_TAGS.join(', ')} may be added (local text; Apps Script's message is unverified)`,
      );
    this._metaTags.push({ name, content });
    return this._self();
  }
  getMetaTags(): GoogleAppsScript.HTML.HtmlOutputMetaTag[] {
    return this._metaTags.map((m) => new HtmlOutputMetaTagHost(m.name, m.content));
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
