// ScriptApp contract checks, run in the local runtime.
import { runChecks } from './checks/harness';
import { scriptAppChecks } from './checks/script-app.checks';

runChecks('ScriptApp', scriptAppChecks);
