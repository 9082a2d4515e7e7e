// What the people's screens hold (host side): menus per person, queued answers to alerts and prompts, dialogs and sidebars shown.
import type { Execution } from '../host/kernel';
import { AlertRecord, DialogAnswer, DialogRecord, MenuSnapshot } from './Ui';

/** What the people saw of the Ui, shared across executions. */
export class UiState {
  readonly dialogs: DialogRecord[] = [];
  readonly alerts: AlertRecord[] = [];
  readonly answers: DialogAnswer[] = [];
  /** Each person's menu bar, as the last `open()` built it. */
  readonly menubars = new Map<string, MenuSnapshot[]>();
  /** Called when an alert or prompt suspends an execution (its locks are released). */
  onSuspend: (ex: Execution) => void = () => {};
}
