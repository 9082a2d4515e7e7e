// The Debian programs a few tests drive (LibreOffice, poppler), found once, and the one rule for a test that needs
// them: it runs where they are installed; it is skipped locally with the package to install named; under CI it runs
// and fails when one is missing (.ci/run installs them all), so CI can never pass by skipping it.
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

export const TOOLS = {
  writer: { found: SOFFICE, pkg: 'libreoffice-writer-nogui' },
  calc: { found: CALC, pkg: 'libreoffice-calc-nogui' },
  poppler: { found: PDFTOTEXT && PDFFONTS, pkg: 'poppler-utils' },
} satisfies Record<string, Tool>;

/** `test(name, fn, timeout)` when `tools` are all here; see the file's head for the other cases. */
export function testWithTools(tools: Tool[], name: string, fn: jest.ProvidesCallback, timeout?: number): void {
  const missing = tools.filter((t) => !t.found).map((t) => t.pkg);
  if (missing.length === 0) return void test(name, fn, timeout);
  if (!process.env.CI) return void test.skip(`${name} — skipped here: apt-get install ${missing.join(' ')}`, fn);
  test(name, () => {
    throw new Error(`${missing.join(', ')} missing and CI is set: .ci/run must install ${missing.join(' ')}`);
  });
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
