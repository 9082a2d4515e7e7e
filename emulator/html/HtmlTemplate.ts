// HtmlTemplate (https://developers.google.com/apps-script/reference/html/html-template): variables set on the template, evaluated in the execution's realm.
import { GasObject } from '../host/kernel';
import { evaluateTemplate } from './template-compiler';
import { HtmlOutputHost } from './HtmlOutput';
import { HtmlServiceHost } from './HtmlService';

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
