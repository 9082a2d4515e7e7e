// The Script Properties an action reads for its sheets — each record sheet's month index, the log's month index and
// its parked lines — read in one getProperties while the script lock is held (a read costs 30 ms whether it returns
// one property or all: decision 12) and kept until the lock is released. Every write of those properties goes through
// here, so the copy stays what the store holds; another execution writes them only under the same lock. Outside the
// lock each read goes to the store.
let copy: Record<string, string> | null = null;
let holding = false;

const store = (): GoogleAppsScript.Properties.Properties => PropertiesService.getScriptProperties();

/** Every Script Property: under the lock read once and kept, else read now. */
export function allProps(): Readonly<Record<string, string>> {
  if (!holding) return store().getProperties();
  return (copy ??= store().getProperties());
}

/** One property (null when unset). */
export function getProp(key: string): string | null {
  return holding ? (allProps()[key] ?? null) : store().getProperty(key);
}

export function setProp(key: string, value: string): void {
  store().setProperty(key, value);
  if (copy) copy[key] = value;
}

export function setProps(values: Record<string, string>): void {
  store().setProperties(values);
  if (copy) Object.assign(copy, values);
}

export function deleteProp(key: string): void {
  store().deleteProperty(key);
  if (copy) delete copy[key];
}

/** The script lock taken (`true`: reads from now on are kept) or released; either way the copy is dropped. */
export function holdProps(held: boolean): void {
  holding = held;
  copy = null;
}
