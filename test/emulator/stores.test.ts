// PropertiesService and CacheService contract checks, run in the local runtime.
import { runChecks } from './checks/harness';
import { cacheChecks, propertiesChecks } from './checks/stores.checks';

runChecks('PropertiesService', propertiesChecks);
runChecks('CacheService', cacheChecks);
