// The in-memory spreadsheet model behind the host objects: spreadsheets, sheets and the specs of rules,
// protections, named ranges, filters and charts. Host classes are thin views over these.
import { Layer, type Rect } from './grid';
import { Outline } from './groups';

/** What a cell holds: a number (dates are serials), a string or a boolean; `undefined` is an empty cell. */
export type CellValue = string | number | boolean;

/** Cell styles kept per cell (number formats, notes and validation have their own layers). */
export type StyleKey =
  | 'background'
  | 'fontColor'
  | 'fontWeight'
  | 'fontStyle'
  | 'fontSize'
  | 'fontFamily'
  | 'fontLine'
  | 'wrap'
  | 'horizontalAlignment'
  | 'verticalAlignment';

/** What each style reads as when never set. */
export const STYLE_DEFAULTS: Record<StyleKey, string | number | boolean> = {
  background: '#ffffff',
  fontColor: '#000000',
  fontWeight: 'normal',
  fontStyle: 'normal',
  fontSize: 10,
  fontFamily: 'arial,sans,sans-serif',
  fontLine: 'none',
  wrap: false,
  horizontalAlignment: 'general',
  verticalAlignment: 'bottom',
};

/** A box on a given sheet (validation source ranges, rule ranges, chart ranges). */
export interface RangeRef {
  sheet: SheetModel;
  rect: Rect;
}

export interface ValidationSpec {
  criteria: string;
  /** Criteria arguments as Apps Script returns them; ranges are RangeRefs, dates host Dates. */
  args: unknown[];
  allowInvalid: boolean;
  helpText: string | null;
}

export interface ConditionSpec {
  criteria: string;
  args: unknown[];
}

export interface RuleFormat {
  background?: string | null;
  fontColor?: string | null;
  bold?: boolean | null;
  italic?: boolean | null;
  strikethrough?: boolean | null;
  underline?: boolean | null;
}

export interface ConditionalRuleSpec {
  ranges: RangeRef[];
  condition: ConditionSpec | null;
  format: RuleFormat;
}

export interface ProtectionSpec {
  id: number;
  type: 'RANGE' | 'SHEET';
  sheet: SheetModel;
  /** The protected box; null for a whole-sheet protection. */
  rect: Rect | null;
  description: string;
  warningOnly: boolean;
  /** Explicit editors; null while the protection still mirrors the spreadsheet's editors. */
  editors: string[] | null;
  unprotected: Rect[];
  domainEdit: boolean;
  removed: boolean;
}

export interface NamedRangeSpec {
  name: string;
  sheet: SheetModel;
  rect: Rect;
}

export interface FilterCriteriaSpec {
  hiddenValues: string[] | null;
  visibleValues: string[] | null;
  condition: ConditionSpec | null;
}

export interface FilterSpec {
  rect: Rect;
  criteria: Map<number, FilterCriteriaSpec>;
}

export interface ChartSpec {
  id: number;
  chartType: string;
  ranges: RangeRef[];
  options: Record<string, unknown>;
  position: { row: number; col: number; offsetX: number; offsetY: number };
  numHeaders: number;
  transpose: boolean;
  hiddenDimensionStrategy: string;
  mergeStrategy: string;
}

export interface BorderSpec {
  rect: Rect;
  sides: (boolean | null)[];
  color: string | null;
  style: string | null;
}

/** One tab: its grid size, cell layers and per-sheet rules. */
export class SheetModel {
  readonly values = new Layer<CellValue>();
  readonly formulas = new Layer<string>();
  readonly numberFormats = new Layer<string>();
  readonly notes = new Layer<string>();
  readonly validations = new Layer<ValidationSpec>();
  readonly styles = new Map<StyleKey, Layer<string | number | boolean>>();
  colWidths: (number | undefined)[] = [];
  rowHeights: (number | undefined)[] = [];
  hiddenRows: (true | undefined)[] = [];
  hiddenCols: (true | undefined)[] = [];
  /** Row and column groups (groups.ts). */
  readonly rowOutline = new Outline();
  readonly colOutline = new Outline();
  frozenRows = 0;
  frozenCols = 0;
  hidden = false;
  tabColor: string | null = null;
  charts: ChartSpec[] = [];
  filter: FilterSpec | null = null;
  conditionalRules: ConditionalRuleSpec[] = [];
  borders: BorderSpec[] = [];
  /** Merged boxes (merges.ts): never overlapping, each of two cells or more, top to bottom then left to right. */
  merges: Rect[] = [];

  constructor(
    readonly parent: SpreadsheetModel,
    public id: number,
    public name: string,
    public maxRows = 1000,
    public maxCols = 26,
  ) {}

  style(key: StyleKey): Layer<string | number | boolean> {
    let l = this.styles.get(key);
    if (!l) this.styles.set(key, (l = new Layer()));
    return l;
  }

  /** Every per-cell layer, for structural edits (insert/delete/sort) that move all of them. */
  cellLayers(): Layer<unknown>[] {
    return [this.values, this.formulas, this.numberFormats, this.notes, this.validations, ...this.styles.values()];
  }

  /** Last row with a value or formula (formatting alone does not count); 0 when empty. */
  lastRow(): number {
    return Math.max(this.values.lastRow(), this.formulas.lastRow());
  }

  lastCol(): number {
    return Math.max(this.values.lastCol(), this.formulas.lastCol());
  }

  get deleted(): boolean {
    return !this.parent.sheets.includes(this);
  }
}

/** Where a person's cursor is: the active sheet and, per sheet, the selected box. */
export interface SelectionState {
  sheet: SheetModel;
  perSheet: Map<SheetModel, Rect>;
}

/** One spreadsheet file. */
export class SpreadsheetModel {
  sheets: SheetModel[] = [];
  namedRanges: NamedRangeSpec[] = [];
  protections: ProtectionSpec[] = [];
  /** People the file is shared with for editing (the owner is kept apart). */
  editors: string[] = [];
  readonly selections = new Map<string, SelectionState>();
  nextProtectionId = 1;
  nextChartId = 1;

  constructor(
    public id: string,
    public name: string,
    public owner: string,
    public locale: string,
    public timeZone: string,
  ) {}

  /** Sheets' names are unique ignoring case. */
  sheetByName(name: string): SheetModel | undefined {
    const lower = name.toLowerCase();
    return this.sheets.find((s) => s.name.toLowerCase() === lower);
  }

  /** Cells in all tabs, against Sheets' 10,000,000-cell limit. */
  cellCount(): number {
    return this.sheets.reduce((n, s) => n + s.maxRows * s.maxCols, 0);
  }
}
