// The app's `Date` reads the simulated clock: `new Date()`, `Date()` and `Date.now()` inside an execution
// give the environment's time, while every Date stays a native Date of the execution's realm.
import vm from 'node:vm';

const INSTALL = `(function (now) {
  var NativeDate = globalThis.Date;
  var SimDate = function Date(a, b, c, d, e, f, g) {
    if (!new.target) return new NativeDate(now()).toString();
    var n = arguments.length;
    var args = n === 0 ? [now()] : Array.prototype.slice.call(arguments);
    return Reflect.construct(NativeDate, args, new.target);
  };
  SimDate.prototype = NativeDate.prototype;
  Object.defineProperty(NativeDate.prototype, 'constructor', { value: SimDate, writable: true, configurable: true, enumerable: false });
  SimDate.now = function now_() { return now(); };
  Object.defineProperty(SimDate.now, 'name', { value: 'now' });
  SimDate.parse = NativeDate.parse;
  SimDate.UTC = NativeDate.UTC;
  Object.defineProperty(globalThis, 'Date', { value: SimDate, writable: true, configurable: true, enumerable: false });
})`;

/** Replaces the context's `Date` with one whose "now" is `nowMs()`; instances remain the realm's native Dates. */
export function installRealmDate(context: vm.Context, nowMs: () => number): void {
  const install = vm.runInContext(INSTALL, context) as (now: () => number) => void;
  install(nowMs);
}
