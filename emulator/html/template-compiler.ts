// HtmlService templates (https://developers.google.com/apps-script/guides/html/templates): scriptlets
// compiled to one JavaScript function that runs in the execution's own realm, so it sees the app's globals.
import vm from 'node:vm';
import { NotImplementedError } from '../host/kernel';

/** One piece of a template: text, `<? code ?>`, `<?= expr ?>` (escaped) or `<?!= expr ?>` (raw). */
export type TemplatePart =
  { kind: 'text'; text: string } | { kind: 'code' | 'print' | 'force'; code: string; inScript: boolean };

/** Splits a template into text and scriptlets; an unclosed `<?` is a syntax error. */
export function parseTemplate(raw: string): TemplatePart[] {
  const parts: TemplatePart[] = [];
  let pos = 0;
  let html = '';
  while (pos < raw.length) {
    const open = raw.indexOf('<?', pos);
    if (open < 0) {
      parts.push({ kind: 'text', text: raw.slice(pos) });
      break;
    }
    if (open > pos) parts.push({ kind: 'text', text: raw.slice(pos, open) });
    html += raw.slice(pos, open);
    const close = raw.indexOf('?>', open + 2);
    if (close < 0) throw new SyntaxError('Unterminated scriptlet: a "<?" without its "?>"');
    let code = raw.slice(open + 2, close);
    let kind: 'code' | 'print' | 'force' = 'code';
    if (code.startsWith('!=')) [kind, code] = ['force', code.slice(2)];
    else if (code.startsWith('=')) [kind, code] = ['print', code.slice(1)];
    parts.push({ kind, code, inScript: insideScriptOrStyle(html) });
    pos = close + 2;
  }
  return parts;
}

/** True when the HTML so far leaves us inside a <script> or <style> element. */
function insideScriptOrStyle(html: string): boolean {
  const lower = html.toLowerCase();
  return ['script', 'style'].some((tag) => lower.lastIndexOf(`<${tag}`) > lower.lastIndexOf(`</${tag}`));
}

const PRELUDE = `
  var __out__ = [];
  var __s__ = function (v) { return v === undefined || v === null ? '' : String(v); };
  var __e__ = function (v) {
    return __s__(v).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
  };
  var output = {
    append: function (s) { __out__.push(__s__(s)); return output; },
    appendUntrusted: function (s) { __out__.push(__e__(s)); return output; },
  };`;

/**
 * The template as one function source `(function (__vars__) { … return html; })`. Printing scriptlets inside
 * <script>/<style> would get Google's JavaScript/CSS contextual escaping, which is not emulated: loud.
 */
export function compileTemplate(raw: string): string {
  const body = parseTemplate(raw).map((p) => {
    if (p.kind === 'text') return `__out__.push(${JSON.stringify(p.text)});`;
    if (p.kind === 'code') return `${p.code}\n`;
    const expr = p.code.trim().replace(/;+\s*$/, '');
    if (p.kind === 'print' && p.inScript) {
      throw new NotImplementedError(
        `HtmlTemplate printing scriptlet <?= ${expr} ?> inside <script>/<style> (Google escapes it for JavaScript/CSS; use <?!= JSON.stringify(…) ?>)`,
      );
    }
    return `__out__.push(${p.kind === 'print' ? '__e__' : '__s__'}((${expr})));`;
  });
  return `(function (__vars__) {${PRELUDE}\n  with (__vars__) {\n${body.join('\n')}\n  }\n  return __out__.join('');\n})`;
}

/**
 * Evaluates a template inside `context` (the running execution's realm) with `vars` (values of that realm)
 * in scope; returns the HTML.
 */
export function evaluateTemplate(raw: string, vars: Record<string, unknown>, context: vm.Context): string {
  const fn = vm.runInContext(compileTemplate(raw), context, { filename: 'HtmlTemplate' }) as (v: unknown) => unknown;
  const scope = vm.runInContext('Object.create(null)', context) as Record<string, unknown>;
  for (const [k, v] of Object.entries(vars)) scope[k] = v;
  return String(fn(scope));
}
