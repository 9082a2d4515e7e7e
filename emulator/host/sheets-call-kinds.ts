// What each member of the Sheets services (SpreadsheetApp, the Ui it opens, Charts) costs, by kind: decision 12
// of /work/shared/docs/decisions.md, prices in costs.ts. Every member the runtime emulates is listed here by
// `Class.member`; test/emulator/host/costs.test.ts fails when one is missing, and an unlisted member is priced
// as a round trip (never free).

/**
 * - `local`: answered by the client, no backend work (a builder, a handle's name, a Range's geometry).
 * - `roundTrip`: one round trip to the Sheets backend (metadata, settings, dialogs, toasts); it first commits
 *   the writes held so far.
 * - `read`: a round trip that returns cells; the cells it returns (rows × columns) are priced on top.
 * - `firstUse`: a round trip the first time an execution calls it on a given object (the spreadsheet loads its
 *   sheet list once), `local` after that.
 * - `write`: held, priced when committed: one round trip per commit plus its cells (the range's cells, the
 *   appended row's, the sheet's used area for Sheet.clear/sort); the call itself is `local`.
 * - `edit`: held like `write` but with no cells (structure, settings, selection, protection, rules).
 * - `flush`: commits the held writes (one round trip with their cells), or one round trip when nothing is held.
 * - `scan`: a server-side search: one round trip plus the cells it scans at a quarter of the read price.
 */
export type SheetsCallKind = 'local' | 'roundTrip' | 'read' | 'firstUse' | 'write' | 'edit' | 'flush' | 'scan';

/** The Apps Script services whose calls are priced by this table (`gasService` of the host classes). */
export const SHEETS_SERVICES = new Set(['SpreadsheetApp', 'Ui', 'Charts']);

/**
 * Classes whose members are all `local`: builders and value objects holding data already fetched (a rule's
 * criteria, a validation's help text). A builder's class name ends in "Builder" (every chart builder variant).
 */
export const LOCAL_CLASSES = new Set([
  'DataValidation',
  'DataValidationBuilder',
  'ConditionalFormatRule',
  'ConditionalFormatRuleBuilder',
  'BooleanCondition',
  'FilterCriteria',
  'FilterCriteriaBuilder',
  'ContainerInfo',
  'ChartOptions',
  'EmbeddedChart',
  'Selection',
  'PromptResponse',
]);
const isBuilder = (cls: string): boolean => cls.endsWith('Builder');

/** Range members that are held writes of the range's cells. */
const RANGE_WRITES = [
  'setValue',
  'setValues',
  'setFormula',
  'setFormulas',
  'setNote',
  'setNotes',
  'clearNote',
  'clear',
  'clearContent',
  'clearFormat',
  'setBackground',
  'setBackgrounds',
  'setBackgroundRGB',
  'setFontColor',
  'setFontColors',
  'setFontFamily',
  'setFontLine',
  'setFontSize',
  'setFontStyle',
  'setFontWeight',
  'setFontWeights',
  'setHorizontalAlignment',
  'setHorizontalAlignments',
  'setVerticalAlignment',
  'setNumberFormat',
  'setNumberFormats',
  'setWrap',
  'setWraps',
  'setDataValidation',
  'setDataValidations',
  'clearDataValidations',
  'insertCheckboxes',
  'removeCheckboxes',
  'check',
  'uncheck',
  'sort',
  'copyTo',
  'setBorder',
  // A merge rewrites the covered cells (values cleared, the top-left cell's format copied): priced on the range.
  'merge',
  'mergeAcross',
  'mergeVertically',
];

/** Range members that read cells (a round trip plus every cell returned). */
const RANGE_READS = [
  'getValue',
  'getValues',
  'getDisplayValue',
  'getDisplayValues',
  'getFormula',
  'getFormulas',
  'getNote',
  'getNotes',
  'getBackground',
  'getBackgrounds',
  'getFontColor',
  'getFontColors',
  'getFontFamily',
  'getFontLine',
  'getFontSize',
  'getFontStyle',
  'getFontWeight',
  'getFontWeights',
  'getHorizontalAlignment',
  'getHorizontalAlignments',
  'getVerticalAlignment',
  'getNumberFormat',
  'getNumberFormats',
  'getWrap',
  'getWraps',
  'getDataValidation',
  'getDataValidations',
];

const kinds = (kind: SheetsCallKind, members: string[]): Record<string, SheetsCallKind> =>
  Object.fromEntries(members.map((m) => [m, kind]));

/** The kinds by class, then member. */
export const SHEETS_CALL_KINDS: Record<string, Record<string, SheetsCallKind>> = {
  SpreadsheetApp: {
    ...kinds('local', [
      'getActive',
      'getActiveSpreadsheet',
      'getUi',
      'newDataValidation',
      'newConditionalFormatRule',
      'newFilterCriteria',
    ]),
    // Opening or creating another file and asking for the user's selection reach the backend.
    ...kinds('roundTrip', [
      'create',
      'openById',
      'openByUrl',
      'getActiveSheet',
      'getActiveRange',
      'getCurrentCell',
      'getSelection',
    ]),
    ...kinds('edit', ['setActiveSheet', 'setActiveRange']),
    flush: 'flush',
  },
  Spreadsheet: {
    ...kinds('local', ['getId', 'getUrl', 'getName', 'getRange', 'getRangeList', 'createTextFinder']),
    ...kinds('firstUse', ['getSheets', 'getNumSheets', 'getSheetByName', 'getSheetById']),
    ...kinds('roundTrip', [
      'insertSheet',
      'getActiveSheet',
      'getActiveRange',
      'getActiveCell',
      'getCurrentCell',
      'getSelection',
      'getDataRange',
      'getLastRow',
      'getLastColumn',
      'getRangeByName',
      'getNamedRanges',
      'getProtections',
      'getSpreadsheetTimeZone',
      'getSpreadsheetLocale',
      'toast',
      // Sharing goes through Drive, not the held batch.
      'getOwner',
      'getEditors',
      'addEditor',
      'addEditors',
      'removeEditor',
    ]),
    ...kinds('edit', [
      'rename',
      'deleteSheet',
      'setActiveSheet',
      'moveActiveSheet',
      'setActiveRange',
      'setActiveSelection',
      'setNamedRange',
      'removeNamedRange',
      'setSpreadsheetTimeZone',
      'setSpreadsheetLocale',
    ]),
    appendRow: 'write',
  },
  Sheet: {
    ...kinds('local', [
      'getName',
      'getSheetName',
      'getSheetId',
      'getIndex',
      'getParent',
      'getRange',
      'getRangeList',
      'newChart',
      'createTextFinder',
    ]),
    ...kinds('roundTrip', [
      'getDataRange',
      'getLastRow',
      'getLastColumn',
      'getMaxRows',
      'getMaxColumns',
      'getFrozenRows',
      'getFrozenColumns',
      'getColumnWidth',
      'getRowHeight',
      'isRowHiddenByUser',
      'isColumnHiddenByUser',
      // Groups are the sheet's metadata: reading them reaches the backend.
      'getRowGroup',
      'getColumnGroup',
      'getRowGroupDepth',
      'getColumnGroupDepth',
      'getRowGroupControlPosition',
      'getColumnGroupControlPosition',
      'isSheetHidden',
      'getTabColor',
      'getActiveRange',
      'getActiveCell',
      'getCurrentCell',
      'getProtections',
      'getNamedRanges',
      'getConditionalFormatRules',
      'getFilter',
      'getCharts',
      'protect',
    ]),
    ...kinds('write', ['appendRow', 'clear', 'clearContents', 'clearFormats', 'clearNotes', 'sort']),
    ...kinds('edit', [
      'setName',
      'activate',
      'setActiveRange',
      'setActiveSelection',
      'setConditionalFormatRules',
      'clearConditionalFormatRules',
      'insertChart',
      'updateChart',
      'removeChart',
      'insertRowsBefore',
      'insertRowsAfter',
      'insertRowBefore',
      'insertRowAfter',
      'insertRows',
      'deleteRow',
      'deleteRows',
      'insertColumnsBefore',
      'insertColumnsAfter',
      'insertColumnBefore',
      'insertColumnAfter',
      'insertColumns',
      'deleteColumn',
      'deleteColumns',
      'setFrozenRows',
      'setFrozenColumns',
      'setColumnWidth',
      'setColumnWidths',
      'setRowHeight',
      'setRowHeights',
      'autoResizeColumns',
      'autoResizeColumn',
      'autoResizeRows',
      'hideRows',
      'showRows',
      'hideColumns',
      'showColumns',
      'hideRow',
      'unhideRow',
      'hideColumn',
      'unhideColumn',
      'hideSheet',
      'showSheet',
      'setTabColor',
      'moveRows',
      'moveColumns',
      'collapseAllRowGroups',
      'collapseAllColumnGroups',
      'expandAllRowGroups',
      'expandAllColumnGroups',
      'expandRowGroupsUpToDepth',
      'expandColumnGroupsUpToDepth',
      'setRowGroupControlPosition',
      'setColumnGroupControlPosition',
    ]),
  },
  Range: {
    ...kinds('local', [
      'getRow',
      'getRowIndex',
      'getColumn',
      'getLastRow',
      'getLastColumn',
      'getNumRows',
      'getNumColumns',
      'getHeight',
      'getWidth',
      'getGridId',
      'getA1Notation',
      'getSheet',
      'offset',
      'getCell',
      'createTextFinder',
    ]),
    ...kinds('read', RANGE_READS),
    ...kinds('roundTrip', [
      'isBlank',
      'isChecked',
      'canEdit',
      'getFilter',
      'protect',
      'createFilter',
      // The sheet's merges are its metadata: reading them reaches the backend, no cells.
      'isPartOfMerge',
      'getMergedRanges',
    ]),
    ...kinds('write', RANGE_WRITES),
    ...kinds('edit', [
      'activate',
      'activateAsCurrentCell',
      // Group structure: held like inserting rows (no cells).
      'shiftRowGroupDepth',
      'shiftColumnGroupDepth',
      'collapseGroups',
      'expandGroups',
      // Unmerging changes no cell (only the top-left one held anything): held like other structure, no cells, so a
      // breakApart over a whole tab is not priced on every cell of the grid.
      'breakApart',
    ]),
  },
  RangeList: {
    getRanges: 'local',
    activate: 'edit',
    breakApart: 'edit',
    ...kinds('write', [
      'setValue',
      'setFormula',
      'setNote',
      'setNumberFormat',
      'setBackground',
      'setFontColor',
      'setFontWeight',
      'setWrap',
      'setHorizontalAlignment',
      'setDataValidation',
      'clear',
      'clearContent',
      'clearFormat',
      'insertCheckboxes',
      'check',
      'uncheck',
    ]),
  },
  NamedRange: {
    ...kinds('local', ['getName', 'getRange']),
    ...kinds('edit', ['remove', 'setName', 'setRange']),
  },
  Filter: {
    ...kinds('roundTrip', ['getRange', 'getColumnFilterCriteria']),
    ...kinds('edit', ['remove', 'removeColumnFilterCriteria', 'setColumnFilterCriteria', 'sort']),
  },
  Protection: {
    // The Protection objects getProtections returns carry their settings; editors and edit rights are Drive's.
    ...kinds('local', [
      'getDescription',
      'getProtectionType',
      'getRange',
      'getUnprotectedRanges',
      'isWarningOnly',
      'canDomainEdit',
    ]),
    ...kinds('roundTrip', ['getEditors', 'canEdit']),
    ...kinds('edit', [
      'addEditor',
      'addEditors',
      'removeEditor',
      'removeEditors',
      'setDescription',
      'setDomainEdit',
      'setUnprotectedRanges',
      'setWarningOnly',
      'remove',
    ]),
  },
  Group: {
    // A Group that getRowGroup/getColumnGroup returns carries its span, depth and state (like Protection).
    ...kinds('local', ['getControlIndex', 'getDepth', 'getRange', 'isCollapsed']),
    ...kinds('edit', ['collapse', 'expand', 'remove']),
  },
  TextFinder: {
    ...kinds('local', [
      'getCurrentMatch',
      'ignoreDiacritics',
      'matchCase',
      'matchEntireCell',
      'matchFormulaText',
      'startFrom',
      'useRegularExpression',
    ]),
    ...kinds('scan', ['findAll', 'findNext', 'findPrevious', 'replaceAllWith', 'replaceWith']),
  },
  // Not emulated yet (calls throw "not implemented"); the price is defined for when it is.
  DeveloperMetadataFinder: { find: 'scan' },
  Ui: {
    ...kinds('local', ['createMenu', 'createAddonMenu']),
    ...kinds('roundTrip', ['alert', 'prompt', 'showModalDialog', 'showModelessDialog', 'showSidebar']),
  },
  Menu: {
    ...kinds('local', ['addItem', 'addSeparator', 'addSubMenu']),
    addToUi: 'roundTrip',
  },
};

/** The kind of `Class.member`, or undefined when the table does not list it (then priced as a round trip). */
export function listedKind(cls: string, member: string): SheetsCallKind | undefined {
  const byMember = SHEETS_CALL_KINDS[cls];
  if (byMember && Object.prototype.hasOwnProperty.call(byMember, member)) return byMember[member];
  if (LOCAL_CLASSES.has(cls) || isBuilder(cls)) return 'local';
  return undefined;
}

/** The kind a call is priced as: the listed one, else a round trip (an unlisted member is never free). */
export function sheetsCallKind(cls: string, member: string): SheetsCallKind {
  return listedKind(cls, member) ?? 'roundTrip';
}

/** Cells returned by a read: rows × columns of a 2-D result, the length of a list, 1 for a single value. */
export function cellsReturned(result: unknown): number {
  if (!Array.isArray(result)) return 1;
  let n = 0;
  for (const row of result as unknown[]) n += Array.isArray(row) ? row.length : 1;
  return n;
}

/**
 * Cells a held write commits, from the call's target and arguments (read before the call runs): a range's
 * cells, the sum over a RangeList, the appended row's cells, and a sheet's used area for Sheet.clear/sort.
 * Host objects are read through their host-only fields (`_rect`, `_ranges`, `_model`).
 */
export function cellsWritten(target: object, member: string, args: unknown[]): number {
  if (member === 'appendRow') return Array.isArray(args[0]) ? args[0].length : 0;
  const t = target as {
    _rect?: { numRows: number; numCols: number };
    _ranges?: { _rect: { numRows: number; numCols: number } }[];
    _model?: { lastRow?: () => number; lastCol?: () => number };
  };
  if (t._rect) return t._rect.numRows * t._rect.numCols;
  if (t._ranges) return t._ranges.reduce((n, r) => n + r._rect.numRows * r._rect.numCols, 0);
  if (t._model?.lastRow && t._model.lastCol) return t._model.lastRow() * t._model.lastCol();
  return 0;
}
