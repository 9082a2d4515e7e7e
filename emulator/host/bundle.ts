// Reads what clasp would push (a dist/ folder or one .js file) and compiles its scripts once.
import fs from 'node:fs';
import path from 'node:path';
import vm from 'node:vm';
import ts from 'typescript';
import type { Manifest } from './env-core';

/** A loaded bundle: its manifest, its files by name, and the compiled scripts in push order. */
export interface LoadedBundle {
  manifest: Manifest | null;
  files: Map<string, string>;
  scripts: vm.Script[];
  /** Names the scripts declare at top level with `function` or `var` (the ones on the global object). */
  globalNames: Set<string>;
}

/** Loads a clasp folder (`appsscript.json`, `*.js`/`*.gs` in name order, `*.html`) or a single .js file. */
export function readBundle(target: string): LoadedBundle {
  const stat = fs.statSync(target);
  const dir = stat.isDirectory() ? target : path.dirname(target);
  const names = stat.isDirectory() ? fs.readdirSync(dir).sort() : [path.basename(target)];
  const files = new Map<string, string>();
  for (const name of names) {
    if (/\.(js|gs|html)$/.test(name) && fs.statSync(path.join(dir, name)).isFile())
      files.set(name, fs.readFileSync(path.join(dir, name), 'utf8'));
  }
  const manifestPath = path.join(dir, 'appsscript.json');
  const manifest = fs.existsSync(manifestPath) ? (JSON.parse(fs.readFileSync(manifestPath, 'utf8')) as Manifest) : null;
  if (stat.isDirectory() && !manifest)
    throw new Error(`loadBundle: ${dir} has no appsscript.json (clasp pushes it with the code)`);
  return { manifest, files, scripts: compile(files, dir), globalNames: globalNames(files) };
}

/** A bundle from source text (for tests that build code on the fly). */
export function bundleFromSource(
  code: string,
  manifest: Manifest | null = null,
  extraFiles: Record<string, string> = {},
): LoadedBundle {
  const files = new Map<string, string>([['Code.js', code], ...Object.entries(extraFiles)]);
  return { manifest, files, scripts: compile(files, ''), globalNames: globalNames(files) };
}

function compile(files: Map<string, string>, dir: string): vm.Script[] {
  const scripts: vm.Script[] = [];
  for (const [name, text] of files) {
    if (/\.(js|gs)$/.test(name)) scripts.push(new vm.Script(text, { filename: dir ? path.join(dir, name) : name }));
  }
  return scripts;
}

/** Top-level `function` and `var` names: whether a simple trigger such as onOpen exists, without running anything. */
function globalNames(files: Map<string, string>): Set<string> {
  const names = new Set<string>();
  for (const [name, text] of files) {
    if (!/\.(js|gs)$/.test(name)) continue;
    const src = ts.createSourceFile(name, text, ts.ScriptTarget.ES2022, false, ts.ScriptKind.JS);
    for (const st of src.statements) {
      if (ts.isFunctionDeclaration(st) && st.name) names.add(st.name.text);
      if (ts.isVariableStatement(st) && !(st.declarationList.flags & ts.NodeFlags.BlockScoped)) {
        for (const d of st.declarationList.declarations) if (ts.isIdentifier(d.name)) names.add(d.name.text);
      }
    }
  }
  return names;
}

/** The host's zone must be the script's: vm contexts share the process zone (Date's local time). */
export function assertHostZone(zone: string): void {
  const host = process.env.TZ || Intl.DateTimeFormat().resolvedOptions().timeZone;
  if (host !== zone) {
    throw new Error(
      `The script's time zone is ${zone} but this process runs in ${host}: vm contexts share the host zone, so the test must run with TZ=${zone}`,
    );
  }
}
