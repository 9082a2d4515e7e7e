// The lint rule that keeps Apps Script globals and the clock out of src/core and src/app, and lets the adapters
// (src/gas) and the entry use them.
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { ROOT } from '../helpers/dist';

/** ESLint's findings for `code` as if it were `file` (a child process: the flat config loads as ESM). */
function messages(file: string, code: string): string[] {
  const bin = path.join(ROOT, 'node_modules', 'eslint', 'bin', 'eslint.js');
  const r = spawnSync(process.execPath, [bin, '--stdin', '--stdin-filename', file, '--format', 'json'], {
    cwd: ROOT,
    input: code,
    encoding: 'utf8',
  });
  const [result] = JSON.parse(r.stdout) as { messages: { ruleId: string; message: string }[] }[];
  return result!.messages.map((m) => `${m.ruleId}: ${m.message}`);
}

describe('per-folder lint rules', () => {
  it.each(['src/core/probe.ts', 'src/app/probe.ts'])('refuse an Apps Script global in %s', (file) => {
    const found = messages(file, 'export const n = SpreadsheetApp.getActive().getName();\n');
    expect(found.join('\n')).toMatch(
      /no-restricted-globals: .*SpreadsheetApp is an Apps Script global: only src\/gas\/ and src\/main.ts/,
    );
  });

  it('refuses a clock read in the core', () => {
    const found = messages('src/core/probe.ts', 'export const t = Date.now() + new Date().getTime();\n');
    expect(found.filter((m) => m.includes('reads no clock of its own'))).toHaveLength(2);
  });

  it.each(['src/gas/probe.ts', 'src/main.ts'])('allow them in %s', (file) => {
    const found = messages(file, 'export const n = SpreadsheetApp.getActive().getName();\n');
    expect(found.filter((m) => m.startsWith('no-restricted-globals'))).toEqual([]);
  });
});
