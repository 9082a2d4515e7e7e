// How many of the spreadsheet's 10 million cells its sheets hold (decision 13): each sheet's grid, used or not.

/** Every sheet's rows × columns: two metadata calls a sheet (Apps Script gives no total). */
export function cellsUsed(ss: GoogleAppsScript.Spreadsheet.Spreadsheet): number {
  return ss.getSheets().reduce((sum, s) => sum + s.getMaxRows() * s.getMaxColumns(), 0);
}
