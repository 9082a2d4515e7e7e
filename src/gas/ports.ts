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
import { LedgerError } from './table';

/** Script Properties: the ledger's spreadsheet id, recorded by 初始化/修复. */
export const LEDGER_ID_KEY = 'LEDGER_SPREADSHEET_ID';

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
  const ss = SpreadsheetApp.getActive() ?? openLedgerById();
  if (made && made.ss === ss && made.actor === actorEmail) return made.ports;
  const ports = newPorts(ss, actorEmail);
  made = { ss, actor: actorEmail, ports };
  return ports;
}

/**
 * The ledger when there is no active spreadsheet (the web app): opened by the id 初始化/修复 recorded (a bound
 * script's container is not available to a web app; decision 3).
 */
let opened: GoogleAppsScript.Spreadsheet.Spreadsheet | null = null;
function openLedgerById(): GoogleAppsScript.Spreadsheet.Spreadsheet {
  if (opened) return opened;
  const id = PropertiesService.getScriptProperties().getProperty(LEDGER_ID_KEY);
  if (!id) throw new LedgerError('NO_SHEET', '部室工作台尚未设置：请信访办在「信访台账」表格中运行「初始化/修复」。');
  return (opened = SpreadsheetApp.openById(id));
}

function newPorts(ss: GoogleAppsScript.Spreadsheet.Spreadsheet, actorEmail: string): GasPorts {
  // The configuration sheets are read through the Script Cache (cleared by their edits and by 初始化/修复).
  const cached = true;
  const ledger = new SheetLedger(ss, systemClock.now);
  const noticeFailures: string[] = [];
  const settings = new SheetSettings(ss, cached);
  followSaves(ss, ledger, () => settings.rules(), systemClock.now);
  return {
    ss,
    ledger,
    repo: ledger,
    audit: new SheetAuditLog(ss),
    directory: new SheetDirectory(ss, cached),
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
