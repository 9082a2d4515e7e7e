// Installable triggers from the handler table, installed without duplicates, owned by one recorded account: a
// trigger firing for any other account only logs, so a second person's setup never doubles a log or a reminder.
import { HANDLERS, type HandlerKind, type HandlerName } from '../handlers';
import { DEFAULT_OFFICE_HOURS, type OfficeHours } from '../core/calendar';
import { SheetSettings } from './settings';

/** Script Properties keys. */
export const OWNER_KEY = 'TRIGGER_OWNER';
const SIGNATURE_KEY = 'TRIGGER_SIGNATURE';
/** Triggers per user per script (https://developers.google.com/apps-script/guides/services/quotas). */
const MAX_TRIGGERS = 20;

type TriggerSpec = {
  name: HandlerName;
  event: 'edit' | 'open' | 'clock';
  atHour?: number;
  everyDays?: number;
  onMonthDay?: number;
};

/** The 设置 values a schedule may name: 提醒时刻, and 上班时间 for the runs inside office hours. */
export type ScheduleSettings = { reminderHour: number; officeHours: OfficeHours };

/** The hours of the day that overlap the office hours (08:30–12:00, 13:30–17:30 → 8, 9, 10, 11, 13, …, 17). */
export function officeHourStarts(hours: OfficeHours): number[] {
  const out: number[] = [];
  for (let h = 0; h < 24; h++) if (hours.some((p) => p.startMin < (h + 1) * 60 && p.endMin > h * 60)) out.push(h);
  return out;
}

/** The triggers the table asks for, with the hours 设置 gives. */
export function triggerSpecs(settings?: ScheduleSettings): TriggerSpec[] {
  const out: TriggerSpec[] = [];
  for (const [name, h] of Object.entries(HANDLERS) as [HandlerName, HandlerKind][]) {
    if (h.kind === 'installableTrigger') out.push({ name, event: h.event });
    if (h.kind !== 'timeTrigger') continue;
    const at = h.atHourSetting && settings ? settings[h.atHourSetting] : h.atHour;
    const hours = h.officeHours ? officeHourStarts(settings?.officeHours ?? DEFAULT_OFFICE_HOURS) : [at];
    for (const atHour of hours) {
      const spec: TriggerSpec = { name, event: 'clock' };
      if (atHour !== undefined) spec.atHour = atHour;
      if (h.everyDays) spec.everyDays = h.everyDays;
      if (h.onMonthDay) spec.onMonthDay = h.onMonthDay;
      out.push(spec);
    }
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
  // A changed 提醒时刻 or 上班时间 changes the signature, so the reminder triggers move to the new hours.
  const { values } = new SheetSettings(ss).load();
  const specs = triggerSpecs({ reminderHour: values.reminderHour, officeHours: values.officeHours });
  const props = PropertiesService.getScriptProperties();
  const signature = JSON.stringify(specs);
  const changed = props.getProperty(SIGNATURE_KEY) !== signature;
  let mine = ScriptApp.getProjectTriggers();
  const keep = new Set<GoogleAppsScript.Script.Trigger>();
  let created = 0;
  let deleted = 0;
  // Apps Script allows 20 triggers per user per script: when the new set could not stand beside the old one, the old
  // goes first (a failure then leaves fewer triggers, and running 初始化/修复 again installs them).
  if (changed && mine.length + specs.length > MAX_TRIGGERS) {
    for (const t of mine) ScriptApp.deleteTrigger(t);
    deleted = mine.length;
    mine = [];
  }
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
  recordTriggerUids();
  return { created, deleted: deleted + stale.length };
}

/** Script Properties: the unique ids of the owner's installed triggers, as installTriggers left them. */
const UIDS_KEY = 'TRIGGER_UIDS';

/** Records the running account's trigger ids (installTriggers; each later trigger run checks its event against them). */
export function recordTriggerUids(): void {
  const uids = ScriptApp.getProjectTriggers().map((t) => t.getUniqueId());
  PropertiesService.getScriptProperties().setProperty(UIDS_KEY, JSON.stringify(uids));
}

/** The recorded owner of the triggers ('' when none) and their ids ([] when none), from one property read. */
export function recordedTriggers(): { owner: string; uids: string[] } {
  const props = PropertiesService.getScriptProperties().getProperties();
  let uids: string[] = [];
  try {
    const v = JSON.parse(props[UIDS_KEY] ?? '[]') as unknown;
    if (Array.isArray(v)) uids = v.map(String);
  } catch {
    // an unreadable record counts as none: the run is then checked against the account's own triggers
  }
  return { owner: (props[OWNER_KEY] ?? '').toLowerCase(), uids };
}

/** Records `email` as the owner of the triggers. */
export function setTriggerOwner(email: string): void {
  PropertiesService.getScriptProperties().setProperty(OWNER_KEY, email.toLowerCase());
}
