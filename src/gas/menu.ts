// Builds the 信访台账 menu from the handler table (the only place menu captions live).
import { MENU_TITLE, handlersOfKind } from '../handlers';

/** Adds the menu for the person who opened the spreadsheet. Safe in a simple trigger (no authorised service). */
export function buildMenu(): void {
  const ui = SpreadsheetApp.getUi();
  const menu = ui.createMenu(MENU_TITLE);
  const subs = new Map<string, GoogleAppsScript.Base.Menu>();
  for (const [name, h] of handlersOfKind('menu')) {
    if (h.submenu) {
      let sub = subs.get(h.submenu);
      if (!sub) {
        sub = ui.createMenu(h.submenu);
        subs.set(h.submenu, sub);
        menu.addSubMenu(sub);
      }
      sub.addItem(h.caption, name);
      continue;
    }
    if (h.separatorBefore) menu.addSeparator();
    menu.addItem(h.caption, name);
  }
  menu.addToUi();
}
