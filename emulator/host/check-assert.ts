// The tiny assert `t` of the contract checks, as source evaluated inside each execution's realm (the same
// code can later be bundled into the real-Apps-Script self-test).

/** Source of an expression evaluating to `t`: equal, deepEqual, ok, throws. */
export const CHECK_ASSERT_SOURCE = `(function () {
  function show(v) {
    if (typeof v === 'string') return JSON.stringify(v);
    if (Object.prototype.toString.call(v) === '[object Date]') return 'Date(' + (isNaN(v.getTime()) ? 'Invalid' : v.toISOString()) + ')';
    if (typeof v === 'function') return 'function ' + v.name;
    try { var s = JSON.stringify(v); return s === undefined ? String(v) : s; } catch (e) { return String(v); }
  }
  function fail(msg, detail) {
    var e = new Error((msg ? msg + ': ' : '') + detail);
    e.name = 'AssertionError';
    throw e;
  }
  function same(a, b) { return a === b || (a !== a && b !== b); }
  function deep(a, b) {
    if (same(a, b)) return true;
    if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
    var ta = Object.prototype.toString.call(a), tb = Object.prototype.toString.call(b);
    if (ta !== tb) return false;
    if (ta === '[object Date]') return a.getTime() === b.getTime();
    if (Array.isArray(a)) {
      if (a.length !== b.length) return false;
      for (var i = 0; i < a.length; i++) if (!deep(a[i], b[i])) return false;
      return true;
    }
    var ka = Object.keys(a).sort(), kb = Object.keys(b).sort();
    if (!deep(ka, kb)) return false;
    for (var j = 0; j < ka.length; j++) if (!deep(a[ka[j]], b[ka[j]])) return false;
    return true;
  }
  return {
    equal: function (actual, expected, msg) {
      if (!same(actual, expected)) fail(msg, 'expected ' + show(expected) + ', got ' + show(actual));
    },
    deepEqual: function (actual, expected, msg) {
      if (!deep(actual, expected)) fail(msg, 'expected ' + show(expected) + ', got ' + show(actual));
    },
    ok: function (value, msg) {
      if (!value) fail(msg, 'expected a truthy value, got ' + show(value));
    },
    /** Calls fn; it must throw an error whose message matches pattern and whose name is \`name\` (default 'Exception'; null: any). */
    throws: function (fn, pattern, name, msg) {
      var expectedName = name === undefined ? 'Exception' : name;
      try { fn(); } catch (e) {
        var message = e && e.message !== undefined ? String(e.message) : String(e);
        var ok = pattern instanceof RegExp ? pattern.test(message) : pattern === undefined || message.indexOf(String(pattern)) >= 0;
        if (!ok) fail(msg, 'expected an error matching ' + String(pattern) + ', got ' + show(message));
        if (expectedName !== null && (!e || e.name !== expectedName)) fail(msg, 'expected an error named ' + expectedName + ', got ' + show(e && e.name) + ' (' + message + ')');
        return e;
      }
      fail(msg, 'expected an error matching ' + String(pattern) + ', but nothing was thrown');
    },
  };
})()`;

/** The assert API checks use (typed for TypeScript check files). */
export interface CheckAssert {
  equal(actual: unknown, expected: unknown, msg?: string): void;
  deepEqual(actual: unknown, expected: unknown, msg?: string): void;
  ok(value: unknown, msg?: string): void;
  /** `name`: the error's expected name (default 'Exception'; null accepts any). */
  throws(fn: () => unknown, pattern?: RegExp | string, name?: string | null, msg?: string): Error;
}
