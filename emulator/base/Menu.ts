// Menu (https://developers.google.com/apps-script/reference/base/menu): items and submenus, snapshotted when added to the Ui.
import { GasObject } from '../host/kernel';
import type { EnvCore } from '../host/env-core';
import { currentScope } from '../host/executions';
import { MenuEntry, MenuSnapshot, checkItems } from './Ui';
import { UiState } from './ui-state';

/** A menu under construction (https://developers.google.com/apps-script/reference/base/menu). */
export class MenuHost extends GasObject implements GoogleAppsScript.Base.Menu {
  readonly gasService = 'Ui';
  readonly gasClass = 'Menu';
  readonly _entries: MenuEntry[] = [];
  constructor(
    private readonly _core: EnvCore,
    private readonly _state: UiState,
    readonly _caption: string,
  ) {
    super();
  }
  addItem(caption: string, functionName: string): this {
    this._entries.push({ type: 'item', caption: String(caption), functionName: String(functionName) });
    return this;
  }
  addSeparator(): this {
    this._entries.push({ type: 'separator' });
    return this;
  }
  addSubMenu(menu: unknown): this {
    if (!(menu instanceof MenuHost)) throw this._core.kernel.error('Invalid argument: menu');
    this._entries.push({ type: 'submenu', menu: menu._snapshot() });
    return this;
  }
  /** Adds the menu to the person's menu bar; every item must name a callable function (checked now, loudly). */
  addToUi(): void {
    const scope = currentScope(this._core.kernel);
    const snap = this._snapshot();
    if (scope) checkItems(scope, snap);
    const person = scope?.person ?? this._core.options.owner;
    const bar = this._state.menubars.get(person) ?? [];
    bar.push(snap);
    this._state.menubars.set(person, bar);
  }
  _snapshot(): MenuSnapshot {
    return { caption: this._caption, entries: this._entries.map((e) => ({ ...e })) };
  }
}
