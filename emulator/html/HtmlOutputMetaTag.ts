// HtmlOutputMetaTag (https://developers.google.com/apps-script/reference/html/html-output-meta-tag): a meta tag added
// with HtmlOutput.addMetaTag, as getMetaTags returns it.
import { GasObject } from '../host/kernel';

export class HtmlOutputMetaTagHost extends GasObject implements GoogleAppsScript.HTML.HtmlOutputMetaTag {
  readonly gasService = 'HtmlService';
  readonly gasClass = 'HtmlOutputMetaTag';
  constructor(
    readonly _name: string,
    readonly _content: string,
  ) {
    super();
  }
  getName(): string {
    return this._name;
  }
  getContent(): string {
    return this._content;
  }
}
