// Builds the Apps Script implementations of the use cases' ports for one execution.
import type { Ports } from '../app/ports';
import { SheetAuditLog } from './audit';
import { SheetDirectory } from './directory';
import { activeUserEmail, mailNotifier, propertyCounter, scriptLock, systemClock } from './infra';
import { SheetLedger } from './ledger';
import { caseLinkIn } from './links';
import { SheetRecords } from './records';
import { SheetSettings } from './settings';
import { followSaves } from './workbench-index';

/** The ports plus the handles the adapters share. */
export interface GasPorts extends Ports {
  ss: GoogleAppsScript.Spreadsheet.Spreadsheet;
  ledger: SheetLedger;
  directory: SheetDirectory;
  settings: SheetSettings;
  actorEmail: string;
  /** Notices that could not be sent in this execution, for the message to the person. */
  noticeFailures: string[];
}

/**
 * The ports of this execution for one actor, made once: the bundle's module state lives for one execution (Apps
 * Script runs the top-level code anew each time), so the caller check and the handler after it share what they read
 * (人员, 设置) instead of reading it twice.
 */
let made: { ss: GoogleAppsScript.Spreadsheet.Spreadsheet; actor: string; ports: GasPorts } | null = null;

export function gasPorts(actorEmail: string = activeUserEmail()): GasPorts {
  const ss = SpreadsheetApp.getActive();
  if (made && made.ss === ss && made.actor === actorEmail) return made.ports;
  const ports = newPorts(ss, actorEmail);
  made = { ss, actor: actorEmail, ports };
  return ports;
}

function newPorts(ss: GoogleAppsScript.Spreadsheet.Spreadsheet, actorEmail: string): GasPorts {
  const ledger = new SheetLedger(ss, systemClock.now);
  const noticeFailures: string[] = [];
  const settings = new SheetSettings(ss);
  followSaves(ss, ledger, () => settings.rules(), systemClock.now);
  return {
    ss,
    ledger,
    repo: ledger,
    audit: new SheetAuditLog(ss),
    directory: new SheetDirectory(ss),
    clock: systemClock,
    lock: scriptLock,
    settings,
    notifier: mailNotifier(noticeFailures, () => settings.load().values.officeName, caseLinkIn(ss, ledger)),
    counter: propertyCounter,
    records: new SheetRecords(ss),
    actorEmail,
    noticeFailures,
  };
}
