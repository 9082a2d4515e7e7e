// Contract checks of Logger: placeholders, the log of an execution
// (https://developers.google.com/apps-script/reference/base/logger).
import { runChecks, type Check } from '../harness';

const LOGGER = 'https://developers.google.com/apps-script/reference/base/logger';

export const loggerChecks: Check[] = [
  {
    name: 'Logger.log formats %s placeholders; getLog returns the lines; clear empties it',
    source: LOGGER + '#log(String,Object...)',
    run: (t) => {
      Logger.log('case %s of %s', 3, 7).log('plain');
      t.equal(Logger.getLog(), 'case 3 of 7\nplain\n');
      Logger.clear();
      t.equal(Logger.getLog(), '');
    },
  },
  {
    name: "Logger and console output go into the execution's log",
    source: LOGGER + '; https://developers.google.com/apps-script/guides/logging',
    run: () => {
      Logger.log('from Logger');
      console.log('from console %s', 1);
      console.error('bad');
    },
    after: (env) => expect(env.executions()[0].logs).toEqual(['from Logger', 'from console 1', 'ERROR: bad']),
  },
  {
    name: 'the log of one execution does not carry into the next',
    source: LOGGER + '#getLog()',
    setup: (env) => {
      env.loadSource('function noisy() { Logger.log("earlier"); }');
      env.run('noisy');
    },
    run: (t) => t.equal(Logger.getLog(), ''),
  },
];

runChecks('base.Logger', loggerChecks);
