// The member lists the kernel's guard reads (emulator/host/gas-members.json) are what scripts/gen-gas-members.ts
// makes of the installed @types/google-apps-script, and they name every class the runtime has.
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { GAS_MEMBERS_PATH, collect, render } from '../../../scripts/gen-gas-members';
import { isGasMember } from '../../../emulator/host/gas-members';
import { LOUD_SERVICES } from '../../../emulator/host/not-implemented-services';

const EMULATOR = resolve(__dirname, '../../../emulator');

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? sources(p) : p.endsWith('.ts') ? [p] : [];
  });
}

/** Every (gasService, gasClass) a host class of the runtime declares (one class a file, chart builder variants). */
function runtimeClasses(): [string, string][] {
  const out: [string, string][] = [];
  for (const file of sources(EMULATOR)) {
    const text = readFileSync(file, 'utf8');
    const service = /readonly gasService = '(\w+)'/.exec(text)?.[1];
    if (!service) continue;
    for (const m of text.matchAll(/gasClass(?:: string)? = '(\w+)'/g)) out.push([service, m[1]]);
    for (const m of text.matchAll(/'(Embedded\w+ChartBuilder)'/g)) out.push([service, m[1]]);
  }
  for (const name of LOUD_SERVICES) out.push([name, name]);
  return out;
}

describe('gas-members.json', () => {
  test('is what scripts/gen-gas-members.ts writes for the installed @types/google-apps-script', () => {
    expect(readFileSync(GAS_MEMBERS_PATH, 'utf8')).toBe(render(collect()));
  });

  test('lists every class the runtime has', () => {
    const classes = runtimeClasses();
    expect(classes.length).toBeGreaterThan(60);
    const unlisted = classes.filter(([s, c]) => isGasMember(s, c, 'toString') === null).map(([s, c]) => `${s}.${c}`);
    expect(unlisted).toEqual([]);
  });

  test('knows Apps Script members from names Apps Script lacks', () => {
    expect(isGasMember('SpreadsheetApp', 'Range', 'getValues')).toBe(true);
    expect(isGasMember('SpreadsheetApp', 'Range', 'getValuez')).toBe(false);
    expect(isGasMember('Ui', 'Ui', 'ButtonSet')).toBe(true);
    expect(isGasMember('Drive', 'Files', 'copy')).toBe(true);
    expect(isGasMember('Docs', 'Documents', 'batchUpdate')).toBe(true);
    expect(isGasMember('DocumentApp', 'DocumentApp', 'openById')).toBe(true);
    expect(isGasMember('NoSuchService', 'X', 'y')).toBeNull();
  });
});
