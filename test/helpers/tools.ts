// The Debian programs a few tests drive (Chromium, LibreOffice, poppler), found once, and the one rule for a test that needs
// them: it runs where they are installed and fails, naming the package to install, where they are not — never a skip,
// so no run, local or CI, passes without proving what the test proves (.ci/run and the README install them).
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, realpathSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

const find = (...paths: string[]): string | undefined => paths.find((p) => existsSync(p));

export const SOFFICE = find('/usr/bin/soffice', '/usr/local/bin/soffice', '/usr/lib/libreoffice/program/soffice');
export const PDFTOTEXT = find('/usr/bin/pdftotext', '/usr/local/bin/pdftotext');
export const PDFFONTS = find('/usr/bin/pdffonts', '/usr/local/bin/pdffonts');
/** Calc's library beside soffice: libreoffice-writer-nogui alone converts no spreadsheet. */
export const CALC = !!SOFFICE && existsSync(join(dirname(realpathSync(SOFFICE)), 'libsclo.so'));

/** A program a test needs: whether it is here and the Debian package that provides it. */
export interface Tool {
  found: unknown;
  pkg: string;
}

/** Debian's Chromium, driven by playwright-core (a tool's own browser download does not work here). */
export const CHROMIUM = find('/usr/bin/chromium');

export const TOOLS = {
  chromium: { found: CHROMIUM, pkg: 'chromium' },
  writer: { found: SOFFICE, pkg: 'libreoffice-writer-nogui' },
  calc: { found: CALC, pkg: 'libreoffice-calc-nogui' },
  poppler: { found: PDFTOTEXT && PDFFONTS, pkg: 'poppler-utils' },
} satisfies Record<string, Tool>;

/** `test(name, fn, timeout)` when `tools` are all here; else a test that fails naming what to install. */
export function testWithTools(tools: Tool[], name: string, fn: jest.ProvidesCallback, timeout?: number): void {
  const missing = tools.filter((t) => !t.found).map((t) => t.pkg);
  if (missing.length === 0) return void test(name, fn, timeout);
  test(name, () => {
    throw new Error(`${missing.join(', ')} missing: apt-get install --no-install-recommends ${missing.join(' ')}`);
  });
}

/** `describe(name, fn)` when `tools` are all here; else one test that fails naming what to install. */
export function describeWithTools(tools: Tool[], name: string, fn: () => void): void {
  const missing = tools.filter((t) => !t.found).map((t) => t.pkg);
  if (missing.length === 0) return void describe(name, fn);
  describe(name, () => testWithTools(tools, 'needs its programs', () => undefined));
}

/** `soffice --headless --convert-to <to>` of `file` into `dir`, with a throwaway user profile. */
export function sofficeConvert(file: string, to: string, dir: string): void {
  const profile = mkdtempSync(join(tmpdir(), 'lo-profile-'));
  try {
    execFileSync(
      SOFFICE!,
      [`-env:UserInstallation=file://${profile}`, '--headless', '--convert-to', to, '--outdir', dir, file],
      { timeout: 120_000, stdio: 'pipe' },
    );
  } finally {
    rmSync(profile, { recursive: true, force: true });
  }
}
