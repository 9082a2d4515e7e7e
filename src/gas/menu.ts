// Builds the 信访台账 menu from the handler table (the only place menu captions live).
import { MENU_TITLE, handlersOfKind } from '../handlers';

type Entry =
  { item: [caption: string, fn: string]; separatorBefore?: boolean } | { submenu: string; items: [string, string][] };

/** The menu's entries in table order, each submenu gathered where its first item appears. */
function entries(): Entry[] {
  const out: Entry[] = [];
  const subs = new Map<string, [string, string][]>();
  for (const [name, h] of handlersOfKind('menu')) {
    if (!h.submenu) {
      out.push({ item: [h.caption, name], separatorBefore: h.separatorBefore });
      continue;
    }
    let items = subs.get(h.submenu);
    if (!items) {
      subs.set(h.submenu, (items = []));
      out.push({ submenu: h.submenu, items });
    }
    items.push([h.caption, name]);
  }
  return out;
}

/**
 * Adds the menu for the person who opened the spreadsheet. Safe in a simple trigger (no authorised service).
 * Each submenu is complete before it is added: the reference only shows filled submenus being added.
 */
export function buildMenu(): void {
  const ui = SpreadsheetApp.getUi();
  const menu = ui.createMenu(MENU_TITLE);
  for (const e of entries()) {
    if ('submenu' in e) {
      const sub = ui.createMenu(e.submenu);
      for (const [caption, fn] of e.items) sub.addItem(caption, fn);
      menu.addSubMenu(sub);
      continue;
    }
    if (e.separatorBefore) menu.addSeparator();
    menu.addItem(...e.item);
  }
  menu.addToUi();
}
