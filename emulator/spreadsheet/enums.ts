// SpreadsheetApp's enums as frozen objects whose values are their names (Apps Script enum values print so).
import { BOOLEAN_CRITERIA, RELATIVE_DATES } from './ConditionalFormatRule';
import { DATA_VALIDATION_CRITERIA } from './DataValidation';

function enumOf(names: readonly string[]): Readonly<Record<string, string>> {
  return Object.freeze(Object.fromEntries(names.map((n) => [n, n])));
}

/** The enums hung on the SpreadsheetApp global. */
export const SPREADSHEET_ENUMS = {
  ProtectionType: enumOf(['RANGE', 'SHEET']),
  DataValidationCriteria: enumOf(DATA_VALIDATION_CRITERIA),
  BooleanCriteria: enumOf(BOOLEAN_CRITERIA),
  RelativeDate: enumOf(RELATIVE_DATES),
  BorderStyle: enumOf(['DOTTED', 'DASHED', 'SOLID', 'SOLID_MEDIUM', 'SOLID_THICK', 'DOUBLE']),
  WrapStrategy: enumOf(['WRAP', 'OVERFLOW', 'CLIP']),
  Dimension: enumOf(['COLUMNS', 'ROWS']),
  Direction: enumOf(['UP', 'DOWN', 'PREVIOUS', 'NEXT']),
  CopyPasteType: enumOf([
    'PASTE_NORMAL',
    'PASTE_NO_BORDERS',
    'PASTE_FORMAT',
    'PASTE_FORMULA',
    'PASTE_DATA_VALIDATION',
    'PASTE_VALUES',
    'PASTE_CONDITIONAL_FORMATTING',
    'PASTE_COLUMN_WIDTHS',
  ]),
  SheetType: enumOf(['GRID', 'OBJECT']),
  TextDirection: enumOf(['LEFT_TO_RIGHT', 'RIGHT_TO_LEFT']),
  AutoFillSeries: enumOf(['DEFAULT_SERIES', 'ALTERNATE_SERIES']),
  DeveloperMetadataVisibility: enumOf(['DOCUMENT', 'PROJECT']),
  GroupControlTogglePosition: enumOf(['BEFORE', 'AFTER']),
};
