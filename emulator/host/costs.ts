// The simulated time each service call costs, so a slow design runs out of Apps Script's time here as it
// would there. Published measurements where they exist (cited), stated assumptions where they do not.

/**
 * Milliseconds a call advances the clock, by `Service.Class.method` or by a prefix ending in '.'.
 * The most specific entry wins. Sources:
 * - Properties get/set 30/62 ms, CacheService put/get 93/3 ms: Luis Peralta, "Apps Script performance",
 *   https://ziritione.org/post/apps_script_performance (100-run averages).
 * - A 4,000-cell setValues under 50 ms; one flush() ≈ 600 ms: SO experiment cited in
 *   ../shared/docs/apps-script-platform.md §9.
 * - Per-cell getRange().getValue() over 1,000 rows 3.06 s ⇒ ≈ 3 ms a read: bugbugnow.net 2019.
 * - Everything else: assumptions (marked "assumed"), chosen on the slow side of what people report.
 */
export const CALL_COSTS: Record<string, number> = {
  'PropertiesService.Properties.getProperty': 30,
  'PropertiesService.Properties.getProperties': 30,
  'PropertiesService.Properties.setProperty': 62,
  'PropertiesService.Properties.setProperties': 62,
  'PropertiesService.Properties.deleteProperty': 62,
  'CacheService.Cache.put': 93,
  'CacheService.Cache.putAll': 93,
  'CacheService.Cache.get': 3,
  'CacheService.Cache.getAll': 3,
  'SpreadsheetApp.flush': 600,
  'SpreadsheetApp.Range.getValues': 40,
  'SpreadsheetApp.Range.getValue': 3,
  'SpreadsheetApp.Range.getDisplayValues': 40,
  'SpreadsheetApp.Range.setValues': 50,
  'SpreadsheetApp.Range.setValue': 5,
  'SpreadsheetApp.Sheet.appendRow': 30, // assumed
  'SpreadsheetApp.': 2, // assumed: a metadata call (getRange, getSheetByName, …)
  'MailApp.sendEmail': 300, // assumed
  'UrlFetchApp.fetch': 400, // assumed: a round trip to a robot webhook from Google's network
  'UrlFetchApp.fetchAll': 400, // assumed
  'Drive.Files.copy': 1500, // assumed
  'Drive.Files.create': 2000, // assumed (conversion)
  'Docs.Documents.batchUpdate': 800, // assumed
  'Docs.Documents.get': 300, // assumed
  'LockService.Lock.waitLock': 5,
  'LockService.Lock.tryLock': 5,
  'ScriptApp.': 50, // assumed
  'HtmlService.': 5, // assumed
  'Utilities.sleep': 0, // sleep advances the clock by its own argument
  'Utilities.': 1,
  'Session.': 1,
  'Logger.': 0,
};

/** The cost of one call: the exact name, else the longest matching prefix, else 1 ms. */
export function callCostMs(name: string): number {
  const exact = CALL_COSTS[name];
  if (exact !== undefined) return exact;
  let best = -1;
  let cost = 1;
  for (const [k, v] of Object.entries(CALL_COSTS)) {
    if (k.endsWith('.') && name.startsWith(k) && k.length > best) {
      best = k.length;
      cost = v;
    }
  }
  return cost;
}
