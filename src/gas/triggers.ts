// Installable triggers from the handler table, installed without duplicates, owned by one recorded account: a
// trigger firing for any other account only logs, so a second person's setup never doubles a log or a reminder.
import { HANDLERS, type HandlerKind, type HandlerName } from '../handlers';

/** Script Properties keys. */
export const OWNER_KEY = 'TRIGGER_OWNER';
const SIGNATURE_KEY = 'TRIGGER_SIGNATURE';

type TriggerSpec = {
  name: HandlerName;
  event: 'edit' | 'open' | 'clock';
  atHour?: number;
  everyDays?: number;
  onMonthDay?: number;
};

/** The triggers the table asks for. */
export function triggerSpecs(): TriggerSpec[] {
  const out: TriggerSpec[] = [];
  for (const [name, h] of Object.entries(HANDLERS) as [HandlerName, HandlerKind][]) {
    if (h.kind === 'installableTrigger') out.push({ name, event: h.event });
    if (h.kind === 'timeTrigger')
      out.push({ name, event: 'clock', atHour: h.atHour, everyDays: h.everyDays, onMonthDay: h.onMonthDay });
  }
  return out;
}

/** The recorded owner of the triggers ('' when none). */
export function triggerOwner(): string {
  return (PropertiesService.getScriptProperties().getProperty(OWNER_KEY) ?? '').toLowerCase();
}

/** True when this execution runs as the trigger owner; otherwise logs why it does nothing. */
export function isOwnerRun(handler: string): boolean {
  const me = Session.getEffectiveUser().getEmail().toLowerCase();
  const owner = triggerOwner();
  if (owner && me === owner) return true;
  console.log(`${handler}: 触发器属于 ${owner || '（未设置）'}，当前账号 ${me || '（未知）'} 不执行，以免重复。`);
  return false;
}

function eventOf(t: GoogleAppsScript.Script.Trigger): TriggerSpec['event'] {
  const e = t.getEventType();
  if (e === ScriptApp.EventType.ON_EDIT) return 'edit';
  if (e === ScriptApp.EventType.ON_OPEN) return 'open';
  return 'clock';
}

function create(spec: TriggerSpec, ss: GoogleAppsScript.Spreadsheet.Spreadsheet): void {
  const b = ScriptApp.newTrigger(spec.name);
  if (spec.event === 'edit') b.forSpreadsheet(ss).onEdit().create();
  else if (spec.event === 'open') b.forSpreadsheet(ss).onOpen().create();
  else if (spec.onMonthDay)
    b.timeBased()
      .onMonthDay(spec.onMonthDay)
      .atHour(spec.atHour ?? 0)
      .inTimezone('Asia/Shanghai')
      .create();
  else
    b.timeBased()
      .everyDays(spec.everyDays ?? 1)
      .atHour(spec.atHour ?? 0)
      .inTimezone('Asia/Shanghai')
      .create();
}

/**
 * Makes this person's triggers match the table: keeps an existing matching trigger (so running twice changes
 * nothing), creates what is missing before deleting what is stale (a quota failure then leaves the old
 * schedule in place), and recreates all when the table's schedules changed.
 */
export function installTriggers(ss: GoogleAppsScript.Spreadsheet.Spreadsheet): { created: number; deleted: number } {
  const specs = triggerSpecs();
  const props = PropertiesService.getScriptProperties();
  const signature = JSON.stringify(specs);
  const changed = props.getProperty(SIGNATURE_KEY) !== signature;
  const mine = ScriptApp.getProjectTriggers();
  const keep = new Set<GoogleAppsScript.Script.Trigger>();
  let created = 0;
  for (const spec of specs) {
    const match = changed
      ? undefined
      : mine.find((t) => !keep.has(t) && t.getHandlerFunction() === spec.name && eventOf(t) === spec.event);
    if (match) keep.add(match);
    else {
      create(spec, ss);
      created++;
    }
  }
  // Every trigger of this project comes from the table: duplicates and those of retired handlers go.
  const stale = mine.filter((t) => !keep.has(t));
  for (const t of stale) ScriptApp.deleteTrigger(t);
  props.setProperty(SIGNATURE_KEY, signature);
  return { created, deleted: stale.length };
}

/** Records `email` as the owner of the triggers. */
export function setTriggerOwner(email: string): void {
  PropertiesService.getScriptProperties().setProperty(OWNER_KEY, email.toLowerCase());
}
