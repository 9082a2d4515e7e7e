// Ui contract checks, run in the local runtime.
import { runChecks } from './checks/harness';
import { uiChecks } from './checks/ui.checks';

runChecks('Ui (SpreadsheetApp.getUi)', uiChecks);
