// Ui (https://developers.google.com/apps-script/reference/base/ui): the spreadsheet's menus, alerts and prompts
// answered from a queue, dialogs and sidebars recorded.
import { GasObject, type Execution } from '../host/kernel';
import type { EnvCore } from '../host/env-core';
import { failExecution, resolveFunction } from '../host/executions';
import { MenuHost } from './Menu';
import { PromptResponseHost } from './PromptResponse';
import { UiState } from './ui-state';

const BUTTON = Object.freeze({ CLOSE: 'CLOSE', OK: 'OK', CANCEL: 'CANCEL', YES: 'YES', NO: 'NO' });
const BUTTON_SET = Object.freeze({
  OK: 'OK',
  OK_CANCEL: 'OK_CANCEL',
  YES_NO: 'YES_NO',
  YES_NO_CANCEL: 'YES_NO_CANCEL',
});
const SET_BUTTONS: Record<string, string[]> = {
  OK: ['OK'],
  OK_CANCEL: ['OK', 'CANCEL'],
  YES_NO: ['YES', 'NO'],
  YES_NO_CANCEL: ['YES', 'NO', 'CANCEL'],
};

/** One entry of a menu as a person sees it. */
export type MenuEntry =
  | { type: 'item'; caption: string; functionName: string }
  | { type: 'separator' }
  | { type: 'submenu'; menu: MenuSnapshot };
export interface MenuSnapshot {
  caption: string;
  entries: MenuEntry[];
}

/** A dialog, modeless dialog or sidebar the app showed. */
export interface DialogRecord {
  kind: 'sidebar' | 'modal' | 'modeless';
  title: string;
  html: string;
  width: number | null;
  height: number | null;
  user: string;
  executionId: number;
}

/** An alert or prompt the app showed, with the answer the test queued. */
export interface AlertRecord {
  kind: 'alert' | 'prompt';
  title: string;
  message: string;
  buttons: string;
  answer: string;
  text?: string;
  user: string;
}

/** A queued answer for the next `ui.alert` / `ui.prompt`. */
export interface DialogAnswer {
  button?: string;
  text?: string;
}

export function checkItems(scope: Parameters<typeof resolveFunction>[0], menu: MenuSnapshot): void {
  for (const e of menu.entries) {
    if (e.type === 'item') resolveFunction(scope, e.functionName);
    if (e.type === 'submenu') checkItems(scope, e.menu);
  }
}

interface HtmlLike {
  getContent(): string;
  getTitle?(): string;
  getWidth?(): number;
  getHeight?(): number;
}

/** The Ui of one execution (https://developers.google.com/apps-script/reference/base/ui). */
export class UiHost extends GasObject implements Partial<Omit<GoogleAppsScript.Base.Ui, 'Button' | 'ButtonSet'>> {
  readonly gasService = 'Ui';
  readonly gasClass = 'Ui';
  readonly Button = BUTTON;
  readonly ButtonSet = BUTTON_SET;
  constructor(
    private readonly _core: EnvCore,
    private readonly _state: UiState,
    private readonly _person: string,
  ) {
    super();
  }
  createMenu(caption: string): MenuHost {
    return new MenuHost(this._core, this._state, String(caption));
  }
  alert(...args: unknown[]): GoogleAppsScript.Base.Button {
    const [title, message, buttons] = this._parse('alert', args);
    const answer = this._answer('alert', message, buttons);
    this._state.alerts.push({ kind: 'alert', title, message, buttons, answer: answer.button, user: this._person });
    return answer.button as unknown as GoogleAppsScript.Base.Button;
  }
  prompt(...args: unknown[]): PromptResponseHost {
    const [title, message, buttons] = this._parse('prompt', args);
    const answer = this._answer('prompt', message, buttons);
    this._state.alerts.push({
      kind: 'prompt',
      title,
      message,
      buttons,
      answer: answer.button,
      text: answer.text,
      user: this._person,
    });
    return new PromptResponseHost(answer.button, answer.text);
  }
  showSidebar(userInterface: unknown): void {
    // Sidebars are always 300 px wide; the output's width is ignored.
    this._show('sidebar', userInterface, undefined, 300, null);
  }
  showModalDialog(userInterface: unknown, title: string): void {
    this._show('modal', userInterface, title);
  }
  showModelessDialog(userInterface: unknown, title: string): void {
    this._show('modeless', userInterface, title);
  }
  private _show(kind: DialogRecord['kind'], ui: unknown, title?: string, width?: number, height?: number | null): void {
    const out = ui as HtmlLike | null;
    if (!out || typeof out !== 'object' || typeof out.getContent !== 'function')
      throw this._core.kernel.error('Invalid argument: userInterface');
    this._state.dialogs.push({
      kind,
      title: title !== undefined ? String(title) : (out.getTitle?.() ?? ''),
      html: out.getContent(),
      width: width ?? out.getWidth?.() ?? null,
      height: height !== undefined ? height : (out.getHeight?.() ?? null),
      user: this._person,
      executionId: this._core.kernel.current?.id ?? 0,
    });
  }
  private _parse(method: string, args: unknown[]): [string, string, string] {
    const strs = args.map((a) => (a === undefined ? '' : String(a)));
    const [title, message, buttons] =
      args.length >= 3
        ? [strs[0], strs[1], strs[2]]
        : args.length === 2
          ? ['', strs[0], strs[1]]
          : ['', strs[0] ?? '', 'OK'];
    if (!SET_BUTTONS[buttons]) throw this._core.kernel.error(`Invalid argument: buttons (Ui.${method})`);
    return [title, message, buttons];
  }
  /** Takes the next queued answer; a dialog nobody answers fails the execution (a test must script every dialog). */
  private _answer(kind: string, message: string, buttons: string): { button: string; text: string } {
    const ex = this._core.kernel.current;
    if (ex) this._state.onSuspend(ex); // the script is suspended while the dialog is open: its locks are released
    const a = this._state.answers.shift();
    if (!a)
      failExecution(
        this._core.kernel,
        `ui.${kind}("${message}") was shown but no answer was queued: call env.answerNextDialog({ button }) first`,
      );
    const allowed = [...SET_BUTTONS[buttons], 'CLOSE'];
    const button = a.button ?? (buttons === 'OK' ? 'OK' : '');
    if (!allowed.includes(button))
      failExecution(
        this._core.kernel,
        `answerNextDialog: button "${button}" is not offered by ui.${kind}("${message}") (${allowed.join(', ')})`,
      );
    return { button, text: a.text ?? '' };
  }
}

const uis = new WeakMap<Execution, UiHost>();

/** Creates the Ui of an execution that has one (menus, dialogs, editor-less runs have none). */
export function attachUi(core: EnvCore, state: UiState, ex: Execution, person: string): void {
  if (ex.hasUi) uis.set(ex, new UiHost(core, state, person));
}

/**
 * For `SpreadsheetApp.getUi()`: the running execution's Ui, or Apps Script's error where there is none
 * (time-driven triggers, editor runs, outside any execution).
 */
export function getExecutionUi(core: EnvCore): UiHost {
  const ex = core.kernel.current;
  const ui = ex ? uis.get(ex) : undefined;
  if (!ui) throw core.kernel.error('Cannot call SpreadsheetApp.getUi() from this context.');
  return ui;
}

/** Ui calls need script.container.ui; dialogs cannot be shown by a simple trigger. */
export function registerUiScopes(core: EnvCore): void {
  const refused = new Set(['Ui.alert', 'Ui.prompt', 'Ui.showSidebar', 'Ui.showModalDialog', 'Ui.showModelessDialog']);
  core.kernel.addScopeResolver((name) =>
    name.startsWith('Ui.') ? { scopes: ['script.container.ui'], limitedRefused: refused.has(name) } : undefined,
  );
}
