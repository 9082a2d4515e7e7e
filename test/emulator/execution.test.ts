// The execution-model contract checks, run in the local runtime.
import { runChecks } from './checks/harness';
import { executionChecks } from './checks/execution.checks';

runChecks('Apps Script execution model', executionChecks);
