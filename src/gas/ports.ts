// Builds the Apps Script implementations of the use cases' ports for one execution.
import type { Ports } from '../app/ports';
import { SheetAuditLog } from './audit';
import { SheetDirectory } from './directory';
import { activeUserEmail, mailNotifier, propertyCounter, scriptLock, systemClock } from './infra';
import { SheetLedger } from './ledger';
import { SheetSettings } from './settings';

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

export function gasPorts(actorEmail: string = activeUserEmail()): GasPorts {
  const ss = SpreadsheetApp.getActive();
  const ledger = new SheetLedger(ss, systemClock.now);
  const noticeFailures: string[] = [];
  return {
    ss,
    ledger,
    repo: ledger,
    audit: new SheetAuditLog(ss),
    directory: new SheetDirectory(ss),
    clock: systemClock,
    lock: scriptLock,
    settings: new SheetSettings(ss),
    notifier: mailNotifier(noticeFailures),
    counter: propertyCounter,
    actorEmail,
    noticeFailures,
  };
}
