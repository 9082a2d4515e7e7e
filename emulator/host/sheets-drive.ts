// Links the Sheets and Drive services: every spreadsheet (the bound one, and each one SpreadsheetApp.create makes) is
// a Drive file of type application/vnd.google-apps.spreadsheet with the spreadsheet's id, in its creator's My Drive,
// so Drive.Files.get/update/list and Drive.Permissions reach it as they reach any file; its name is the spreadsheet's
// (a rename on either side is the other's). Sources: spreadsheet-app#create(String) ("Creates a new spreadsheet with
// the given name"; the file lands in the creator's My Drive) and the Drive MIME types guide.
import { MIME, type DriveStore, type StoredFile } from '../drive/store';
import type { SheetsStore } from '../spreadsheet/store';
import type { SpreadsheetModel } from '../spreadsheet/model';

/** The Drive file of a spreadsheet, its name read from and written to the spreadsheet's model. */
function fileOf(drive: DriveStore, ss: SpreadsheetModel, appCreated: boolean, nowMs: number): StoredFile {
  const file = {
    id: ss.id,
    mimeType: MIME.spreadsheet,
    parents: [drive.rootId],
    trashed: false,
    createdMs: nowMs,
    modifiedMs: nowMs,
    ownerEmail: ss.owner,
    appCreated,
    version: 1,
  } as Omit<StoredFile, 'name'> as StoredFile;
  Object.defineProperty(file, 'name', {
    get: () => ss.name,
    set: (v: string) => void (ss.name = v),
    enumerable: true,
  });
  return file;
}

/** Registers the spreadsheets that exist (the bound one: not made by the script) and every one created later. */
export function linkSheetsToDrive(sheets: SheetsStore, drive: DriveStore, nowMs: () => number): void {
  for (const ss of sheets.all()) drive.register(fileOf(drive, ss, false, nowMs()));
  sheets.onCreated((ss) => void drive.register(fileOf(drive, ss, true, nowMs())));
}
