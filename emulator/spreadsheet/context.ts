// What every Sheets host object shares: the kernel, options, the acting user, the registry of spreadsheets,
// recorded toasts/flushes, the caches that keep one host object per spreadsheet and sheet, and error helpers.
import type { EnvCore } from '../host/env-core';
import type { GasException, GasObject, Kernel } from '../host/kernel';
import { signatureMessage } from '../host/java-types';
import type { Rect } from './grid';
import type { SheetModel, SpreadsheetModel } from './model';
import type { RangeHost } from './Range';
import type { RangeListHost } from './RangeList';
import type { SheetHost } from './Sheet';
import type { SpreadsheetHost } from './Spreadsheet';

/** A toast shown with Spreadsheet.toast. */
export interface Toast {
  message: string;
  title: string;
  seconds: number;
  /** When it was shown, on the simulated clock (a person waits that long for it). */
  at: Date;
}

/** Dependencies the execution engine provides. */
export interface SheetsDeps {
  /** The Ui object; throws "Cannot call SpreadsheetApp.getUi() from this context." when there is none. */
  ui: () => GasObject;
  /** Who is acting (selection, protections). */
  currentUser: () => string;
}

/** How a range was written, for getA1Notation ('A:C', '2:5', 'A2:C' keep their open ends). */
export type RangeForm = 'cells' | 'columns' | 'rows' | 'open-rows';

/** Constructors of the main host classes, wired by index.ts (keeps the class modules free of import cycles). */
export interface HostFactories {
  spreadsheet(m: SpreadsheetModel): SpreadsheetHost;
  sheet(m: SheetModel): SheetHost;
  range(sheet: SheetModel, rect: Rect, form?: RangeForm): RangeHost;
  rangeList(ranges: unknown[]): RangeListHost;
}

/** Shared state of the Sheets module. */
export class SheetsContext {
  readonly spreadsheets = new Map<string, SpreadsheetModel>();
  readonly toasts: Toast[] = [];
  flushes = 0;
  boundId = '';
  readonly createdListeners: ((ss: SpreadsheetModel) => void)[] = [];
  make!: HostFactories;
  private readonly ssHosts = new WeakMap<SpreadsheetModel, GasObject>();
  private readonly sheetHosts = new WeakMap<SheetModel, GasObject>();

  constructor(
    readonly core: EnvCore,
    readonly deps: SheetsDeps,
  ) {}

  get kernel(): Kernel {
    return this.core.kernel;
  }

  get owner(): string {
    return this.core.options.owner;
  }

  /** The person whose selection and view calls act on (the person at the keyboard). */
  user(): string {
    return this.deps.currentUser();
  }

  /** The account whose permissions a write uses: the execution's effective user (installer for triggers). */
  writer(): string {
    return this.kernel.current?.effectiveUser ?? this.deps.currentUser();
  }

  now(): Date {
    return this.kernel.clock.now();
  }

  error(message: string): GasException {
    return this.kernel.error(message);
  }

  /** "The parameters (String,number) don't match the method signature for SpreadsheetApp.Sheet.getRange." */
  paramsError(method: string, args: unknown[]): GasException {
    return this.error(signatureMessage(`SpreadsheetApp.${method}`, args));
  }

  /** One host object per model (so `===` holds as in Apps Script's own caching). */
  cached<T extends GasObject>(model: SpreadsheetModel | SheetModel, make: () => T): T {
    const map = ('sheets' in model ? this.ssHosts : this.sheetHosts) as WeakMap<object, GasObject>;
    let host = map.get(model);
    if (!host) map.set(model, (host = make()));
    return host as T;
  }

  /** A fresh pseudo-random id of `n` characters from Drive's id alphabet. */
  randomId(n: number): string {
    const abc = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
    let s = '1';
    while (s.length < n) s += abc[Math.floor(this.core.random() * abc.length)];
    return s;
  }

  /** Checks an argument is an integer (Apps Script's Integer parameters). */
  requireInt(method: string, args: unknown[], ...values: unknown[]): void {
    for (const v of values) if (typeof v !== 'number' || !Number.isInteger(v)) throw this.paramsError(method, args);
  }
}
