// The one table of every function Apps Script calls by name: menus, triggers and dialogs all name handlers by
// string, so setup, the menu, the build's generated stubs and the tests all read this table.

/** How Apps Script reaches a handler. Menu items appear in table order; `separatorBefore` draws a line. */
export type HandlerKind =
  | { kind: 'simpleTrigger'; event: 'open' }
  | { kind: 'installableTrigger'; event: 'edit' | 'open' }
  | { kind: 'timeTrigger'; atHour: number; everyDays?: number; onMonthDay?: number }
  | { kind: 'menu'; caption: string; submenu?: string; separatorBefore?: boolean }
  | { kind: 'dialog' };

/** The top-level menu's caption. */
export const MENU_TITLE = '信访台账';

/** Every handler by its top-level name. A name never ends in `_` (Apps Script hides such functions). */
export const HANDLERS = {
  onOpen: { kind: 'simpleTrigger', event: 'open' },
  showHelp: { kind: 'menu', caption: '帮助', separatorBefore: true },
} as const satisfies Record<string, HandlerKind>;

export type HandlerName = keyof typeof HANDLERS;

/** The handlers of one kind, in table order. */
export function handlersOfKind<K extends HandlerKind['kind']>(kind: K): [HandlerName, Extract<HandlerKind, { kind: K }>][] {
  return (Object.entries(HANDLERS) as [HandlerName, HandlerKind][]).filter(
    (e): e is [HandlerName, Extract<HandlerKind, { kind: K }>] => e[1].kind === kind,
  );
}
