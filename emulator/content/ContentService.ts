// ContentService (https://developers.google.com/apps-script/reference/content/content-service): text outputs a web
// app returns from doGet/doPost, and the MimeType enum.
import { GasObject } from '../host/kernel';
import type { EnvCore, ServiceModule } from '../host/env-core';
import { signatureMessage } from '../host/java-types';
import { TextOutputHost } from './TextOutput';
import { CONTENT_MIME_TYPES } from './mime-types';

const MIME_TYPE = Object.freeze(
  Object.fromEntries(Object.keys(CONTENT_MIME_TYPES).map((k) => [k, k])) as Record<
    keyof typeof CONTENT_MIME_TYPES,
    string
  >,
);

/** The ContentService. */
export class ContentServiceHost extends GasObject implements Partial<GoogleAppsScript.Content.ContentService> {
  readonly gasService = 'ContentService';
  readonly gasClass = 'ContentService';
  readonly MimeType = MIME_TYPE as unknown as typeof GoogleAppsScript.Content.MimeType;
  constructor(private readonly _core: EnvCore) {
    super();
  }
  /** `createTextOutput()` (empty) or `createTextOutput(content)`. */
  createTextOutput(...args: unknown[]): GoogleAppsScript.Content.TextOutput {
    const content = args[0];
    if (args.length > 1 || (args.length === 1 && typeof content !== 'string'))
      throw this._core.kernel.error(signatureMessage('ContentService.createTextOutput', args));
    return new TextOutputHost(this._core.kernel, (content as string | undefined) ?? '') as never;
  }
}

/** The ContentService module. */
export function createContentModule(core: EnvCore): ServiceModule {
  return { globals: { ContentService: new ContentServiceHost(core) } };
}
