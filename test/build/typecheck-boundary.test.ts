// src/ is typed for Apps Script only: Node's globals fail its typecheck, Apps Script's typings are there.
import path from 'node:path';
import ts from 'typescript';
import { ROOT } from '../helpers/dist';

/** Typechecks one snippet as if it were a file in src/, with src/tsconfig.json. */
function diagnose(snippet: string): string[] {
  const configPath = path.join(ROOT, 'src', 'tsconfig.json');
  const parsed = ts.parseJsonConfigFileContent(
    ts.readConfigFile(configPath, ts.sys.readFile).config,
    ts.sys,
    path.dirname(configPath),
  );
  const file = path.join(ROOT, 'src', '__probe__.ts');
  const host = ts.createCompilerHost(parsed.options);
  const read = host.readFile.bind(host);
  host.readFile = (f) => (path.resolve(f) === file ? snippet : read(f));
  host.fileExists = (
    (exists) => (f: string) =>
      path.resolve(f) === file || exists(f)
  )(host.fileExists.bind(host));
  const program = ts.createProgram([file], parsed.options, host);
  return ts.getPreEmitDiagnostics(program).map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n'));
}

describe('src/ typecheck boundary', () => {
  it.each([
    ['setTimeout', 'setTimeout(() => 1, 10);'],
    ['Buffer', "Buffer.from('x');"],
    ['process', 'process.exit(1);'],
    ['require', "require('fs');"],
    ['fetch', "fetch('https://example.com');"],
  ])('rejects %s, which Apps Script does not have', (_name, snippet) => {
    expect(diagnose(`export {};\n${snippet}\n`).join('\n')).toMatch(/Cannot find name/);
  });

  it('accepts Apps Script services, typed by @types/google-apps-script', () => {
    expect(diagnose('export const n: number = SpreadsheetApp.getActive().getSheets().length;\n')).toEqual([]);
  });
});
