// The simulated time each service call costs, so a slow design runs out of Apps Script's time here as it would
// there (decision 12 of /work/shared/docs/decisions.md). Sheets calls are priced by kind (sheets-call-kinds.ts)
// and by cell, with the central figures of /work/shared/docs/apps-script-costs.md; writes are held and priced
// when committed. Other services are priced by call name. The kernel charges every call it guards through
// `chargeCall` / `settleCall`; the execution engine commits what is still held with `endExecution`.
import { cellsReturned, cellsWritten, SHEETS_SERVICES, sheetsCallKind, type SheetsCallKind } from './sheets-call-kinds';

const NS_PER_MS = 1_000_000;
const NS_PER_US = 1_000;

/**
 * Sheets prices in nanoseconds (integers, so sums stay exact). Each is the central figure of its row in
 * apps-script-costs.md, table "Per call and per cell".
 */
export const SHEETS_PRICES_NS = {
  /**
   * Row "round trip to the Sheets backend": 40 ms (low 10 ms, high 100–160 ms). Interleaved get/get/set ≈ 80 ms
   * a row: https://gas.excelspeedup.com/gas-spreadsheet-speedup ; getLastRow() in a loop ≈ 160 ms a call:
   * https://bugbugnow.net/2019/03/GoogleAppsScript-speed-up.html
   */
  roundTrip: 40 * NS_PER_MS,
  /** Row "local builder call": 1 ms (0.1–3 ms); cached look-ahead reads ≈ 3 ms (bugbugnow.net, same page). */
  local: 1 * NS_PER_MS,
  /**
   * Row "per cell read": 35 µs (25–100 µs). 240k plain cells by getValues in 7.4 s ≈ 31 µs a cell:
   * https://qiita.com/shi-suzuki/items/d23c6c7e4a0bbe2831af
   */
  cellRead: 35 * NS_PER_US,
  /**
   * Row "per cell written", paid when committed: 100 µs (30–300 µs). 10,000 cells via the API ≈ 3 s:
   * https://qiita.com/howdy39/items/2fb95bb7b52cb0bb00ab
   */
  cellWritten: 100 * NS_PER_US,
  /**
   * A TextFinder or developer-metadata search runs server-side: a quarter of the read price per cell scanned.
   * Assumed, to be checked by the self-test.
   */
  cellScanned: (35 * NS_PER_US) / 4,
};

/**
 * Milliseconds a call of another service advances the clock, by `Service.Class.method` or by a prefix ending
 * in '.'; the most specific entry wins, else 1 ms. Sources:
 * - Properties get / set 30 / 60 ms: apps-script-costs.md row "Properties get / set" (central); measured 30 /
 *   62 ms (100-run averages) by Luis Peralta, https://ziritione.org/post/apps_script_performance
 * - CacheService put / get 93 / 3 ms: same page.
 * - Everything else: assumptions (marked "assumed"), chosen on the slow side of what people report.
 */
export const CALL_COSTS: Record<string, number> = {
  'PropertiesService.Properties.getProperty': 30,
  'PropertiesService.Properties.getProperties': 30,
  'PropertiesService.Properties.getKeys': 30,
  'PropertiesService.Properties.setProperty': 60,
  'PropertiesService.Properties.setProperties': 60,
  'PropertiesService.Properties.deleteProperty': 60,
  'PropertiesService.Properties.deleteAllProperties': 60,
  'CacheService.Cache.put': 93,
  'CacheService.Cache.putAll': 93,
  'CacheService.Cache.get': 3,
  'CacheService.Cache.getAll': 3,
  'MailApp.sendEmail': 300, // assumed
  'UrlFetchApp.fetch': 400, // assumed: a round trip to a robot webhook from Google's network
  'UrlFetchApp.fetchAll': 400, // assumed
  'Drive.Files.copy': 1500, // assumed
  'Drive.Files.create': 2000, // assumed (conversion)
  'Drive.Permissions.create': 400, // assumed
  'Drive.Permissions.list': 200, // assumed
  'Docs.Documents.batchUpdate': 800, // assumed
  'Docs.Documents.get': 300, // assumed
  'LockService.Lock.waitLock': 5, // assumed (the wait itself moves the clock)
  'LockService.Lock.tryLock': 5, // assumed
  'ScriptApp.': 50, // assumed
  'HtmlService.': 5, // assumed
  'Utilities.sleep': 0, // sleep advances the clock by its own argument
  'Utilities.': 1, // assumed
  'Session.': 1, // assumed
  'Logger.': 0, // assumed
};

/** The cost of one call of a service other than the Sheets ones: the exact name, the longest prefix, or 1 ms. */
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

/** What an execution's calls ran up; `stats()` reports it per execution and in total. */
export interface CostFigures {
  /** Round trips to the Sheets backend, commits of held writes included. */
  roundTrips: number;
  /** Sheets calls answered without the backend (builders, geometry, and each held write call itself). */
  localCalls: number;
  /** Cells returned by reads. */
  cellsRead: number;
  /** Cells committed by held writes. */
  cellsWritten: number;
  /** Cells scanned by server-side searches (TextFinder). */
  cellsScanned: number;
  /** Simulated duration of the execution: every call's price, sleeps and lock waits (what the time limit bites on). */
  modelledMs: number;
}

/** The parts of an execution the pricing reads (kernel.ts's Execution). */
export interface PricedExecution {
  start: Date;
  end?: Date;
  limitMs: number;
  killed?: string;
}

/** The parts of the kernel the pricing uses. */
export interface PricingKernel {
  clock: { nowMs(): number; advance(ms: number): void };
  /** Ends the running execution with "Exceeded maximum execution time". */
  killCurrent(): never;
}

/** A host service object, as the guard sees it. */
export interface PricedTarget {
  gasService: string;
  gasClass: string;
}

interface Meter {
  roundTrips: number;
  localCalls: number;
  cellsRead: number;
  cellsWritten: number;
  cellsScanned: number;
  /** Writes held since the last commit, and their cells. */
  heldWrites: number;
  heldCells: number;
  /** Nanoseconds charged but not yet on the clock (the clock moves in whole milliseconds). */
  carryNs: number;
  /** Objects whose `firstUse` calls this execution already paid for. */
  loaded: WeakSet<object>;
}

const meters = new WeakMap<PricedExecution, Meter>();

function meterOf(ex: PricedExecution): Meter {
  let m = meters.get(ex);
  if (!m) {
    m = {
      roundTrips: 0,
      localCalls: 0,
      cellsRead: 0,
      cellsWritten: 0,
      cellsScanned: 0,
      heldWrites: 0,
      heldCells: 0,
      carryNs: 0,
      loaded: new WeakSet(),
    };
    meters.set(ex, m);
  }
  return m;
}

/**
 * Moves the clock by `ns`. A charge that would carry the execution past its limit (6 minutes, 30 seconds for
 * simple triggers) stops the clock at the limit and kills the execution with Apps Script's message.
 */
function charge(kernel: PricingKernel, ex: PricedExecution, ns: number, mayThrow = true): void {
  const m = meterOf(ex);
  m.carryNs += ns;
  const whole = Math.floor(m.carryNs / NS_PER_MS);
  m.carryNs -= whole * NS_PER_MS;
  const now = kernel.clock.nowMs();
  const deadline = ex.start.getTime() + ex.limitMs;
  if (now + whole > deadline) {
    if (deadline > now) kernel.clock.advance(deadline - now);
    m.carryNs = 0;
    if (mayThrow) kernel.killCurrent();
    ex.killed ??= 'Exceeded maximum execution time';
    return;
  }
  kernel.clock.advance(whole);
}

/** Commits the held writes: one round trip plus every cell they wrote. */
function commit(kernel: PricingKernel, ex: PricedExecution, m: Meter, mayThrow = true): void {
  if (m.heldWrites === 0) return;
  const cells = m.heldCells;
  m.heldWrites = 0;
  m.heldCells = 0;
  m.roundTrips += 1;
  m.cellsWritten += cells;
  charge(kernel, ex, SHEETS_PRICES_NS.roundTrip + cells * SHEETS_PRICES_NS.cellWritten, mayThrow);
}

/** What a call still owes once it returned (`settleCall`). */
export interface PendingCharge {
  kind: SheetsCallKind;
  /** For `write`: the cells it holds, counted before it ran. */
  cells: number;
}

/**
 * Charges a call before it runs: a round trip (committing held writes first), a local call, or another
 * service's fixed price. Returns what the call owes once it returned (cells read, scanned or held), if anything.
 */
export function chargeCall(
  kernel: PricingKernel,
  ex: PricedExecution,
  target: PricedTarget,
  method: string,
  name: string,
  args: unknown[],
): PendingCharge | null {
  if (!SHEETS_SERVICES.has(target.gasService)) {
    charge(kernel, ex, callCostMs(name) * NS_PER_MS);
    return null;
  }
  const m = meterOf(ex);
  let kind = sheetsCallKind(target.gasClass, method);
  if (kind === 'firstUse') {
    kind = m.loaded.has(target) ? 'local' : 'roundTrip';
    m.loaded.add(target);
  }
  switch (kind) {
    case 'local':
      m.localCalls += 1;
      charge(kernel, ex, SHEETS_PRICES_NS.local);
      return null;
    case 'write':
    case 'edit':
      m.localCalls += 1;
      charge(kernel, ex, SHEETS_PRICES_NS.local);
      return { kind, cells: kind === 'write' ? cellsWritten(target, method, args) : 0 };
    case 'flush':
      if (m.heldWrites > 0) {
        commit(kernel, ex, m);
      } else {
        m.roundTrips += 1;
        charge(kernel, ex, SHEETS_PRICES_NS.roundTrip);
      }
      return null;
    default:
      commit(kernel, ex, m);
      m.roundTrips += 1;
      charge(kernel, ex, SHEETS_PRICES_NS.roundTrip);
      return kind === 'roundTrip' ? null : { kind, cells: 0 };
  }
}

/**
 * After a call returned: a read pays for the cells it returned, a search for the cells it scanned (the
 * TextFinder reports them in `_scanned`), and a write's cells are held until the next commit.
 */
export function settleCall(
  kernel: PricingKernel,
  ex: PricedExecution,
  owed: PendingCharge | null,
  target: object,
  result: unknown,
): void {
  if (!owed) return;
  const m = meterOf(ex);
  if (owed.kind === 'read') {
    const n = cellsReturned(result);
    m.cellsRead += n;
    charge(kernel, ex, n * SHEETS_PRICES_NS.cellRead);
  } else if (owed.kind === 'scan') {
    const n = (target as { _scanned?: number })._scanned ?? 0;
    m.cellsScanned += n;
    charge(kernel, ex, n * SHEETS_PRICES_NS.cellScanned);
  } else {
    m.heldWrites += 1;
    m.heldCells += owed.cells;
  }
}

/** The end of an execution: Apps Script commits the writes still held (not for an execution it killed). */
export function endExecution(kernel: PricingKernel, ex: PricedExecution): void {
  const m = meterOf(ex);
  if (!ex.killed) commit(kernel, ex, m, false);
  m.heldWrites = 0;
  m.heldCells = 0;
  m.carryNs = 0;
}

/** The figures of one execution (its duration so far while it runs). */
export function costFigures(kernel: PricingKernel, ex: PricedExecution): CostFigures {
  const m = meterOf(ex);
  const end = ex.end ? ex.end.getTime() : kernel.clock.nowMs();
  return {
    roundTrips: m.roundTrips,
    localCalls: m.localCalls,
    cellsRead: m.cellsRead,
    cellsWritten: m.cellsWritten,
    cellsScanned: m.cellsScanned,
    modelledMs: Math.max(0, end - ex.start.getTime()),
  };
}

/** The sum of several executions' figures. */
export function sumCostFigures(list: CostFigures[]): CostFigures {
  const total: CostFigures = {
    roundTrips: 0,
    localCalls: 0,
    cellsRead: 0,
    cellsWritten: 0,
    cellsScanned: 0,
    modelledMs: 0,
  };
  for (const f of list) for (const k of Object.keys(total) as (keyof CostFigures)[]) total[k] += f[k];
  return total;
}
