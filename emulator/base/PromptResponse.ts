// PromptResponse (https://developers.google.com/apps-script/reference/base/prompt-response): the button and text of an answered prompt.
import { GasObject } from '../host/kernel';

/** A prompt's answer (https://developers.google.com/apps-script/reference/base/prompt-response). */
export class PromptResponseHost extends GasObject implements GoogleAppsScript.Base.PromptResponse {
  readonly gasService = 'Ui';
  readonly gasClass = 'PromptResponse';
  constructor(
    private readonly _button: string,
    private readonly _text: string,
  ) {
    super();
  }
  getSelectedButton(): GoogleAppsScript.Base.Button {
    return this._button as unknown as GoogleAppsScript.Base.Button;
  }
  getResponseText(): string {
    return this._text;
  }
}
