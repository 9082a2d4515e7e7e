// The client half of the browser bridge: `google.script.run` and `google.script.host` for a dialog page served
// on loopback. Values are tagged so the server sees a Date or function as one (and refuses it as Apps Script does).

/** Source of the <script> injected at the top of a served dialog. */
export const BRIDGE_CLIENT_SOURCE = `
(function () {
  function tag(v, seen) {
    if (v === null || v === undefined) return v;
    var t = typeof v;
    if (t === 'string' || t === 'number' || t === 'boolean') return v;
    if (t === 'function') return { __gasLocal__: 'function' };
    if (Object.prototype.toString.call(v) === '[object Date]') return { __gasLocal__: 'Date', ms: v.getTime() };
    if (typeof Node !== 'undefined' && v instanceof Node) return { __gasLocal__: 'node', name: v.nodeName };
    if (seen.indexOf(v) >= 0) return { __gasLocal__: 'cycle' };
    seen = seen.concat([v]);
    if (Array.isArray(v)) return v.map(function (x) { return x === undefined ? null : tag(x, seen); });
    var out = {};
    Object.keys(v).forEach(function (k) { if (v[k] !== undefined) out[k] = tag(v[k], seen); });
    return out;
  }
  function formObject(form) {
    var out = {};
    Array.prototype.forEach.call(form.elements, function (el) {
      if (!el.name || el.disabled) return;
      if (el.type === 'file') { out[el.name] = { __gasLocal__: 'file' }; return; }
      if ((el.type === 'checkbox' || el.type === 'radio') && !el.checked) return;
      if (el.type === 'select-multiple') {
        out[el.name] = Array.prototype.filter.call(el.options, function (o) { return o.selected; }).map(function (o) { return o.value; });
        return;
      }
      out[el.name] = el.value;
    });
    return out;
  }
  function post(path, body) {
    return fetch(path, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) }).then(function (r) { return r.json(); });
  }
  function runner(opts) {
    var base = {
      withSuccessHandler: function (f) { return runner(Object.assign({}, opts, { success: f })); },
      withFailureHandler: function (f) { return runner(Object.assign({}, opts, { failure: f })); },
      withUserObject: function (o) { return runner(Object.assign({}, opts, { user: o, hasUser: true })); },
    };
    return new Proxy(base, {
      get: function (target, name) {
        if (name in target || typeof name !== 'string') return target[name];
        return function () {
          var args = Array.prototype.slice.call(arguments).map(function (a) {
            return typeof HTMLFormElement !== 'undefined' && a instanceof HTMLFormElement ? formObject(a) : tag(a, []);
          });
          post('/__gas/run', { functionName: name, args: args }).then(function (res) {
            if (res.ok) { if (opts.success) opts.success(res.value, opts.user); return; }
            var err = new Error(res.error.message);
            err.name = res.error.name;
            if (opts.failure) opts.failure(err, opts.user);
            else console.error(err);
          });
        };
      },
    });
  }
  window.google = window.google || {};
  window.google.script = {
    run: runner({}),
    host: {
      close: function () { post('/__gas/close', {}); },
      setHeight: function (h) { post('/__gas/size', { height: h }); },
      setWidth: function (w) { post('/__gas/size', { width: w }); },
      editor: { focus: function () {} },
    },
  };
})();
`;
