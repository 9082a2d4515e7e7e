// clasp wrappers: create or bind a script and keep its id out of git; push refuses without an id; deploy-webapp keeps
// the 部室工作台 on one deployment (its id in a git-ignored file) so its /exec URL never changes.
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const root = path.resolve(__dirname, '..');
const claspFile = path.join(root, '.clasp.json');
const claspBin = path.join(root, 'node_modules', '@google', 'clasp', 'build', 'src', 'index.js');

function readProject(): { scriptId: string; rootDir: string } {
  return JSON.parse(fs.readFileSync(claspFile, 'utf8'));
}

/** Tells git to leave the local .clasp.json (now holding a personal script id) out of every commit. */
function hideFromGit(): void {
  execFileSync('git', ['update-index', '--skip-worktree', '.clasp.json'], { cwd: root, stdio: 'inherit' });
}

function clasp(args: string[]): number {
  return spawnSync(process.execPath, [claspBin, ...args], { cwd: root, stdio: 'inherit' }).status ?? 1;
}

function use(scriptId: string | undefined): void {
  if (!scriptId || !/^[A-Za-z0-9_-]{20,}$/.test(scriptId)) {
    console.error('用法 / usage: npm run clasp:use -- <scriptId>（在 Apps Script 编辑器「项目设置」中可找到脚本 ID）');
    process.exit(2);
  }
  fs.writeFileSync(claspFile, JSON.stringify({ ...readProject(), scriptId }, null, 2) + '\n');
  hideFromGit();
  console.log(`.clasp.json now points at ${scriptId} (kept out of git with --skip-worktree).`);
}

function create(): void {
  if (readProject().scriptId) {
    console.error('.clasp.json already names a script; use `npm run clasp:use -- <scriptId>` to switch.');
    process.exit(2);
  }
  hideFromGit();
  fs.mkdirSync(path.join(root, 'dist'), { recursive: true });
  const status = clasp(['create', '--type', 'sheets', '--title', '信访台账', '--rootDir', 'dist']);
  if (status !== 0) process.exit(status);
  // clasp create may write .clasp.json into dist/ or rewrite rootDir; keep ours at the top with rootDir dist.
  const created = [path.join(root, 'dist', '.clasp.json'), claspFile].find(
    (f) => fs.existsSync(f) && JSON.parse(fs.readFileSync(f, 'utf8')).scriptId,
  );
  if (!created) throw new Error('clasp create did not write a script id');
  const scriptId = JSON.parse(fs.readFileSync(created, 'utf8')).scriptId as string;
  if (created !== claspFile) fs.rmSync(created);
  use(scriptId);
}

function requireScriptId(): void {
  if (!readProject().scriptId) {
    console.error('没有脚本 ID / no script id: run `npm run clasp:create` or `npm run clasp:use -- <scriptId>` first.');
    process.exit(2);
  }
}

function push(): void {
  requireScriptId();
  process.exit(clasp(['push', '--force']));
}

/** The 部室工作台's one deployment, recorded locally (git-ignored): its /exec URL stays the same across versions. */
const deploymentFile = path.join(root, '.webapp-deployment.json');

/**
 * Pushes, then moves the recorded deployment to a new version (clasp update-deployment), or creates it the first
 * time and records its id. Run by the trigger owner: the web app executes as the account that deploys it.
 */
function deployWebapp(): void {
  requireScriptId();
  const pushed = clasp(['push', '--force']);
  if (pushed !== 0) process.exit(pushed);
  const description = `部室工作台 ${new Date().toISOString().slice(0, 16)}`;
  const recorded = fs.existsSync(deploymentFile)
    ? (JSON.parse(fs.readFileSync(deploymentFile, 'utf8')) as { deploymentId?: string }).deploymentId
    : undefined;
  if (recorded) {
    const status = clasp(['update-deployment', recorded, '--description', description]);
    if (status === 0) console.log(`已更新部署 ${recorded}：工作台链接不变。`);
    process.exit(status);
  }
  const r = spawnSync(process.execPath, [claspBin, 'create-deployment', '--description', description], {
    cwd: root,
    encoding: 'utf8',
  });
  process.stdout.write(r.stdout ?? '');
  process.stderr.write(r.stderr ?? '');
  const id = /AKfyc[A-Za-z0-9_-]+/.exec(r.stdout ?? '')?.[0];
  if (r.status !== 0 || !id) process.exit(r.status || 1);
  fs.writeFileSync(deploymentFile, JSON.stringify({ deploymentId: id }, null, 2) + '\n');
  console.log(
    `已创建部署 ${id}，记录在 .webapp-deployment.json（不入 git）。请用浏览器打开一次其 /exec 链接，` +
      '然后在表格中用「信访台账 › 复制工作台链接」取得发给各部室的链接。',
  );
}

const [cmd, arg] = process.argv.slice(2);
if (cmd === 'use') use(arg);
else if (cmd === 'create') create();
else if (cmd === 'push') push();
else if (cmd === 'deploy-webapp') deployWebapp();
else {
  console.error('usage: tsx scripts/clasp.ts create | use <scriptId> | push | deploy-webapp');
  process.exit(2);
}
