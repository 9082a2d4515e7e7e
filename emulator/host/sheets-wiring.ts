// What the environment needs from the SpreadsheetApp module: the bound spreadsheet, per-person selection,
// typed input (with the edit it makes, for on-edit events) and the toasts shown.
import type { EnvInternals } from './environment';
import type { Toast } from '../spreadsheet/context';

/** The edit a person's typing made, as on-edit events report it. */
export interface TypedEdit {
  /** The Range host object edited. */
  range: object;
  /** Single-cell edits only: the new value as a string. */
  value?: string;
  /** Single-cell edits only, and only when the cell was not empty: the old value as a string. */
  oldValue?: string;
}

/** The SpreadsheetApp module's handle, as the environment uses it. */
export interface SheetsWiring {
  /** The bound spreadsheet (a Spreadsheet host object). */
  spreadsheet(): object;
  spreadsheetId(): string;
  select(person: string, sheetName: string, a1: string): void;
  typeInto(person: string, sheetName: string, a1: string, values: unknown): TypedEdit;
  toasts(): Toast[];
}

/** The wired SpreadsheetApp module, or null before it is wired. */
export function sheetsWiring(env: EnvInternals): SheetsWiring | null {
  return env.sheets;
}
