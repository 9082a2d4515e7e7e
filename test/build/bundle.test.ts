// What dist/ holds: the bundle loads in a context with no Node globals, every handler of the table is a top-level
// function there, no runtime (emulator) code or module syntax slipped in, and clasp would push only dist/.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import vm from 'node:vm';
import ts from 'typescript';
import gasLocal from 'gas-local';
import { HANDLERS } from '../../src/handlers';
import { ensureDist, ROOT } from '../helpers/dist';

const NODE_GLOBALS = [
  'require',
  'module',
  'exports',
  'process',
  'Buffer',
  'global',
  'setTimeout',
  'setInterval',
  'setImmediate',
  'fetch',
  'URL',
  'URLSearchParams',
  'TextEncoder',
  'TextDecoder',
  'atob',
  'btoa',
  'structuredClone',
];

let dist: string;
let code: string;
beforeAll(() => {
  dist = ensureDist();
  code = fs.readFileSync(path.join(dist, 'Code.js'), 'utf8');
});

describe('dist/Code.js loaded with gas-local in a context without Node', () => {
  let ctx: vm.Context;
  beforeAll(() => {
    // gas-local builds the vm context from the object it is given: an empty one has only the JS built-ins.
    ctx = gasLocal.require(dist, {}, { filter: (f: string) => f.endsWith('.js') });
  });

  it.each(NODE_GLOBALS)('has no %s inside the context', (name) => {
    expect(vm.runInContext(`typeof ${name}`, ctx)).toBe('undefined');
  });

  it.each(Object.keys(HANDLERS))('exposes %s as a top-level function declaration', (name) => {
    expect(new RegExp(`^function ${name}\\(`, 'm').test(code)).toBe(true);
    expect(typeof Object.getOwnPropertyDescriptor(ctx, name)?.value).toBe('function');
  });
});

describe('the bundle is plain Apps Script V8 code', () => {
  function walk(node: ts.Node, found: string[]): void {
    if (ts.isImportDeclaration(node) || ts.isExportDeclaration(node) || ts.isExportAssignment(node))
      found.push('import/export');
    if (ts.isPrivateIdentifier(node)) found.push(`private field ${node.text}`);
    if (ts.isPropertyDeclaration(node) && node.modifiers?.some((m) => m.kind === ts.SyntaxKind.StaticKeyword))
      found.push('static field');
    if (ts.isCallExpression(node) && node.expression.kind === ts.SyntaxKind.ImportKeyword) found.push('dynamic import');
    ts.forEachChild(node, (c) => walk(c, found));
  }

  it('has no import/export, private #fields or static field declarations', () => {
    const found: string[] = [];
    walk(ts.createSourceFile('Code.js', code, ts.ScriptTarget.ES2022, true, ts.ScriptKind.JS), found);
    expect(found).toEqual([]);
  });

  it('contains none of the local runtime', () => {
    for (const marker of [
      'not implemented in the local runtime',
      'GasException',
      'createGasEnvironment',
      'emulator/',
    ]) {
      expect(code).not.toContain(marker);
    }
    // A Node built-in module named anywhere (import, require or a string such as "node:fs").
    expect(code).not.toMatch(/["'`]node:[a-z_]+["'`]|\brequire\(/);
  });
});

describe('what clasp pushes', () => {
  it('is exactly dist/Code.js, dist/appsscript.json and the UI pages', () => {
    // A throwaway copy of the project with the tracked .clasp.json plus a made-up script id (clasp needs one).
    const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'clasp-status-'));
    const tracked = JSON.parse(fs.readFileSync(path.join(ROOT, '.clasp.json'), 'utf8'));
    fs.writeFileSync(
      path.join(tmp, '.clasp.json'),
      JSON.stringify({ ...tracked, scriptId: '1ThrowawayScriptIdForTheBuildTestOnly0000000000000' }),
    );
    for (const dir of ['dist', 'src', 'test/build'])
      fs.cpSync(path.join(ROOT, dir), path.join(tmp, dir), { recursive: true });
    fs.mkdirSync(path.join(tmp, 'node_modules', 'somepkg'), { recursive: true });
    fs.writeFileSync(path.join(tmp, 'node_modules', 'somepkg', 'index.js'), 'module.exports = 1;');
    const out = execFileSync(
      process.execPath,
      [path.join(ROOT, 'node_modules', '@google', 'clasp', 'build', 'src', 'index.js'), 'show-file-status', '--json'],
      { cwd: tmp, encoding: 'utf8' },
    );
    const pushed: string[] = JSON.parse(out).filesToPush;
    const pages = fs
      .readdirSync(path.join(ROOT, 'src', 'ui'))
      .filter((f) => f.endsWith('.html'))
      .map((f) => `dist/${f}`);
    expect([...pushed].sort()).toEqual(['dist/Code.js', 'dist/appsscript.json', ...pages].sort());
    fs.rmSync(tmp, { recursive: true, force: true });
  });
});
