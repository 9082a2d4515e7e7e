// TextOutput (https://developers.google.com/apps-script/reference/content/text-output): text a web app serves as is
// (the browser is sent to script.googleusercontent.com, which shows it without sanitizing), with its MIME type and,
// when downloadAsFile was called, the file name the browser saves it under.
import { GasObject, type Kernel } from '../host/kernel';
import { signatureMessage } from '../host/java-types';
import { CONTENT_MIME_TYPES } from './mime-types';

/**
 * Characters refused in downloadAsFile's name. The reference says only that "illegal characters" throw; assumed:
 * control characters and those no file system or Content-Disposition header takes (\ / : * ? " < > |).
 */
const illegalFileName = (name: string): boolean =>
  /[\\/:*?"<>|]/.test(name) || [...name].some((c) => c.charCodeAt(0) < 0x20 || c.charCodeAt(0) === 0x7f);

/** A TextOutput. The web-app host reads `_content`, `_mimeType` and `_fileName`. */
export class TextOutputHost extends GasObject implements Partial<GoogleAppsScript.Content.TextOutput> {
  readonly gasService = 'ContentService';
  readonly gasClass = 'TextOutput';
  /** A ContentService.MimeType name; plain text until setMimeType (reference: "The default is plain text"). */
  _mimeType: keyof typeof CONTENT_MIME_TYPES = 'TEXT';
  _fileName: string | null = null;
  constructor(
    private readonly _kernel: Kernel,
    public _content: string,
  ) {
    super();
  }
  append(addedContent: string): GoogleAppsScript.Content.TextOutput {
    this._content += this._text('append', addedContent);
    return this._self();
  }
  clear(): GoogleAppsScript.Content.TextOutput {
    this._content = '';
    return this._self();
  }
  /** Tells browsers to download it under `filename`; null goes back to displaying it (reference). */
  downloadAsFile(filename: string): GoogleAppsScript.Content.TextOutput {
    if (filename === null) {
      this._fileName = null;
      return this._self();
    }
    const name = this._text('downloadAsFile', filename);
    if (name === '' || illegalFileName(name)) throw this._kernel.error('Invalid argument: filename');
    this._fileName = name;
    return this._self();
  }
  getContent(): string {
    return this._content;
  }
  /** null when the content is displayed rather than downloaded (reference). */
  getFileName(): string {
    return this._fileName as string;
  }
  getMimeType(): GoogleAppsScript.Content.MimeType {
    return this._mimeType as unknown as GoogleAppsScript.Content.MimeType;
  }
  setContent(content: string): GoogleAppsScript.Content.TextOutput {
    this._content = this._text('setContent', content);
    return this._self();
  }
  setMimeType(mimeType: GoogleAppsScript.Content.MimeType): GoogleAppsScript.Content.TextOutput {
    const name = String(mimeType);
    if (typeof mimeType !== 'string' || !(name in CONTENT_MIME_TYPES))
      throw this._kernel.error(signatureMessage('ContentService.TextOutput.setMimeType', [mimeType]));
    this._mimeType = name as keyof typeof CONTENT_MIME_TYPES;
    return this._self();
  }
  private _text(method: string, v: unknown): string {
    if (typeof v === 'string') return v;
    if (typeof v === 'number' || typeof v === 'boolean') return String(v);
    throw this._kernel.error(signatureMessage(`ContentService.TextOutput.${method}`, [v]));
  }
  private _self(): GoogleAppsScript.Content.TextOutput {
    return this as unknown as GoogleAppsScript.Content.TextOutput;
  }
}
