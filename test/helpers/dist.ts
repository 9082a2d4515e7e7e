// Gives tests the built bundle: builds dist/ once per test process when it is missing or older than src/.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

export const ROOT = path.resolve(__dirname, '..', '..');
export const DIST = path.join(ROOT, 'dist');

function newestMtime(dir: string): number {
  let newest = 0;
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    newest = Math.max(newest, e.isDirectory() ? newestMtime(p) : fs.statSync(p).mtimeMs);
  }
  return newest;
}

/** The dist/ folder, rebuilt first if src/ or the manifest changed since the last build. */
export function ensureDist(): string {
  const code = path.join(DIST, 'Code.js');
  const stale =
    !fs.existsSync(code) ||
    fs.statSync(code).mtimeMs <
      Math.max(newestMtime(path.join(ROOT, 'src')), fs.statSync(path.join(ROOT, 'appsscript.json')).mtimeMs);
  if (stale)
    execFileSync(process.execPath, [path.join(ROOT, 'node_modules', 'tsx', 'dist', 'cli.mjs'), 'scripts/build.ts'], {
      cwd: ROOT,
      stdio: 'pipe',
    });
  return DIST;
}
