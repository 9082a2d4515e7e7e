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

/**
 * Added to a served web app's page (after BRIDGE_CLIENT_SOURCE): google.script.url
 * (https://developers.google.com/apps-script/guides/html/reference/url) and google.script.history
 * (https://developers.google.com/apps-script/guides/html/reference/history). The page runs in an iframe of another
 * origin, as on Google's servers, so both ask the top page (WEB_APP_TOP_SOURCE), which owns the URL, by postMessage.
 */
export function webAppClientSource(topOrigin: string): string {
  return `
(function () {
  var TOP = ${JSON.stringify(topOrigin)};
  var pending = {}, next = 1, changeHandler = null;
  function ask(type, payload, callback) {
    var id = next++;
    if (callback) pending[id] = callback;
    window.parent.postMessage({ __gasWebApp__: true, id: id, type: type, payload: payload }, TOP);
  }
  window.addEventListener('message', function (ev) {
    var m = ev.data;
    if (ev.origin !== TOP || !m || !m.__gasWebApp__) return;
    if (m.type === 'reply' && pending[m.id]) { var f = pending[m.id]; delete pending[m.id]; f(m.payload); }
    if (m.type === 'popstate' && changeHandler) changeHandler({ state: m.payload.state, location: m.payload.location });
  });
  window.google.script.url = {
    getLocation: function (callback) { ask('getLocation', null, callback); },
  };
  function change(op) {
    return function (stateObject, params, hash) {
      ask(op, { state: stateObject === undefined ? null : stateObject, params: params, hash: hash });
    };
  }
  window.google.script.history = {
    push: change('push'),
    replace: change('replace'),
    setChangeHandler: function (f) { changeHandler = f; },
  };
})();
`;
}

/**
 * The top page's half: answers getLocation from its own URL and changes that URL for history.push/replace
 * (params: null/undefined keep the query, {} clears it; hash: null/undefined keep it, '' clears it), and tells the
 * page about the browser's back/forward (popstate) for setChangeHandler.
 */
export function webAppTopSource(frameOrigin: string): string {
  return `
(function () {
  var FRAME = ${JSON.stringify(frameOrigin)};
  function dec(s) { try { return decodeURIComponent(s.replace(/\\+/g, ' ')); } catch (e) { return s; } }
  function here() {
    var parameter = {}, parameters = {};
    window.location.search.replace(/^\\?/, '').split('&').forEach(function (part) {
      if (!part) return;
      var i = part.indexOf('='), k = dec(i < 0 ? part : part.slice(0, i)), v = i < 0 ? '' : dec(part.slice(i + 1));
      (parameters[k] = parameters[k] || []).push(v);
      if (!(k in parameter)) parameter[k] = v;
    });
    var hash = window.location.hash.replace(/^#/, '');
    try { hash = decodeURIComponent(hash); } catch (e) {}
    return { hash: hash, parameter: parameter, parameters: parameters };
  }
  function frameWindow() { return document.getElementById('sandboxFrame').contentWindow; }
  function tell(message) { message.__gasWebApp__ = true; frameWindow().postMessage(message, FRAME); }
  function setUrl(op, p) {
    var search = window.location.search, hash = window.location.hash;
    if (p.params !== null && p.params !== undefined) {
      var pairs = [];
      Object.keys(p.params).forEach(function (k) {
        [].concat(p.params[k]).forEach(function (v) { pairs.push(encodeURIComponent(k) + '=' + encodeURIComponent(v)); });
      });
      search = pairs.length ? '?' + pairs.join('&') : '';
    }
    if (p.hash !== null && p.hash !== undefined) hash = p.hash === '' ? '' : '#' + encodeURIComponent(String(p.hash));
    var url = window.location.pathname + search + hash;
    if (op === 'push') window.history.pushState(p.state, '', url);
    else window.history.replaceState(p.state, '', url);
  }
  window.addEventListener('message', function (ev) {
    var m = ev.data;
    if (ev.origin !== FRAME || !m || !m.__gasWebApp__) return;
    if (m.type === 'getLocation') tell({ type: 'reply', id: m.id, payload: here() });
    if (m.type === 'push' || m.type === 'replace') setUrl(m.type, m.payload);
  });
  window.addEventListener('popstate', function (ev) { tell({ type: 'popstate', payload: { state: ev.state, location: here() } }); });
})();
`;
}
