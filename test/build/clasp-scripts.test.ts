// The clasp wrappers in a throwaway clone: push refuses without a script id, and clasp:use fills the id in locally
// while git keeps committing the tracked file without it.
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ROOT } from '../helpers/dist';

const TSX = path.join(ROOT, 'node_modules', 'tsx', 'dist', 'cli.mjs');
let clone: string;

beforeAll(() => {
  clone = fs.mkdtempSync(path.join(os.tmpdir(), 'clasp-wrap-'));
  execFileSync('git', ['clone', '-q', ROOT, clone]);
});
afterAll(() => fs.rmSync(clone, { recursive: true, force: true }));

const run = (...args: string[]) =>
  spawnSync(process.execPath, [TSX, 'scripts/clasp.ts', ...args], { cwd: clone, encoding: 'utf8' });

it('refuses to push with a clear message while no script id is set', () => {
  const r = run('push');
  expect(r.status).toBe(2);
  expect(r.stderr).toContain('no script id: run `npm run clasp:create` or `npm run clasp:use -- <scriptId>` first');
});

it('deploy-webapp refuses too while no script id is set; its deployment record is git-ignored', () => {
  const r = run('deploy-webapp');
  expect(r.status).toBe(2);
  expect(r.stderr).toContain('no script id');
  expect(spawnSync('git', ['check-ignore', '.webapp-deployment.json'], { cwd: clone }).status).toBe(0);
});

it('refuses a malformed script id', () => {
  const r = run('use', 'not an id');
  expect(r.status).toBe(2);
  expect(JSON.parse(fs.readFileSync(path.join(clone, '.clasp.json'), 'utf8')).scriptId).toBe('');
});

it('writes the id into the local .clasp.json only; git sees no change to commit', () => {
  const id = '1AbCdEfGhIjKlMnOpQrStUvWxYz0123456789_-abcdefghijklmn';
  expect(run('use', id).status).toBe(0);
  expect(JSON.parse(fs.readFileSync(path.join(clone, '.clasp.json'), 'utf8'))).toEqual({
    scriptId: id,
    rootDir: 'dist',
  });
  expect(execFileSync('git', ['status', '--porcelain'], { cwd: clone, encoding: 'utf8' })).toBe('');
  expect(JSON.parse(execFileSync('git', ['show', ':.clasp.json'], { cwd: clone, encoding: 'utf8' })).scriptId).toBe('');
});
