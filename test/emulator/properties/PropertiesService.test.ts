// Contract checks of PropertiesService: the script store across executions, per-user stores
// (https://developers.google.com/apps-script/reference/properties/properties-service).
import { runChecks, type Check } from '../harness';

const CLERK = 'clerk@example.gov.cn';

export const propertiesServiceChecks: Check[] = [
  {
    name: 'script properties written in one execution are read in the next',
    source: 'https://developers.google.com/apps-script/guides/properties',
    setup: (env) => {
      env.loadSource('function save() { PropertiesService.getScriptProperties().setProperty("cursor", "17"); }');
      env.run('save', undefined, { user: CLERK });
    },
    run: (t) => t.equal(PropertiesService.getScriptProperties().getProperty('cursor'), '17'),
  },
  {
    name: "user properties belong to each user: another user's are not visible",
    source: 'https://developers.google.com/apps-script/guides/properties (user properties)',
    setup: (env) => {
      env.loadSource('function save() { PropertiesService.getUserProperties().setProperty("mine", "clerk"); }');
      env.run('save', undefined, { user: CLERK });
    },
    run: (t) => t.equal(PropertiesService.getUserProperties().getProperty('mine'), null),
  },
];

runChecks('properties.PropertiesService', propertiesServiceChecks);
