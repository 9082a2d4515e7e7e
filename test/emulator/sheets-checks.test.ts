// SpreadsheetApp contract checks, run in the local runtime.
import { runChecks } from './checks/harness';
import { rangeChecks } from './checks/sheets-range.checks';
import { ruleChecks } from './checks/sheets-rules.checks';
import { spreadsheetChecks } from './checks/sheets-spreadsheet.checks';
import { structureChecks } from './checks/sheets-structure.checks';
import { valueChecks } from './checks/sheets-values.checks';

runChecks('SpreadsheetApp and Spreadsheet', spreadsheetChecks);
runChecks('Range geometry and shapes', rangeChecks);
runChecks('Cell values, formats and styles', valueChecks);
runChecks('Sheet structure', structureChecks);
runChecks('Validation, rules, protections, selection', ruleChecks);
