// Writes emulator/host/gas-members.json: for each Apps Script class of the services the local runtime has, the
// names of its members as @types/google-apps-script declares them (run: npx tsx scripts/gen-gas-members.ts).
// The runtime's guard (emulator/host/kernel.ts) reads it: a member Apps Script has but the runtime lacks throws
// "not implemented in the local runtime"; a member Apps Script does not have reads undefined, as it does there.
import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import ts from 'typescript';

const root = resolve(__dirname, '..');
const typesDir = resolve(root, 'node_modules/@types/google-apps-script');
export const GAS_MEMBERS_PATH = resolve(root, 'emulator/host/gas-members.json');

/**
 * The runtime's `gasService` names (emulator/**: `readonly gasService = …`) → the @types namespace under
 * `GoogleAppsScript` whose interfaces are its classes. Every interface of these namespaces is listed.
 */
const SERVICES: Record<string, string> = {
  SpreadsheetApp: 'Spreadsheet',
  Charts: 'Charts',
  ScriptApp: 'Script',
  Session: 'Base',
  Logger: 'Base',
  Ui: 'Base',
  Base: 'Base',
  HtmlService: 'HTML',
  ContentService: 'Content',
  UrlFetchApp: 'URL_Fetch',
  CacheService: 'Cache',
  LockService: 'Lock',
  PropertiesService: 'Properties',
  MailApp: 'Mail',
  Utilities: 'Utilities',
};

/**
 * Built-in services whose globals exist only to be loud (emulator/host/not-implemented-services.ts): just the
 * service's own class is listed, so `DocumentApp.openById` stays "not implemented" and `DocumentApp.foo` is undefined.
 */
const LOUD_SERVICES: Record<string, string> = {
  DocumentApp: 'Document',
  DriveApp: 'Drive',
  GmailApp: 'Gmail',
  SlidesApp: 'Slides',
  FormApp: 'Forms',
  CalendarApp: 'Calendar',
  ContactsApp: 'Contacts',
  GroupsApp: 'Groups',
  LanguageApp: 'Language',
  Maps: 'Maps',
  SitesApp: 'Sites',
  XmlService: 'XML_Service',
  Jdbc: 'JDBC',
  CardService: 'Card_Service',
};

/**
 * Advanced services are typed apart from the built-in ones: the global is a top-level interface
 * (`GoogleAppsScript.Drive`, `GoogleAppsScript.Docs`) and each collection an `…Collection` interface of the API's
 * namespace. They are listed under a namespace of their own (`Drive_v3`, `Docs_v1`): the service object as the
 * runtime's gasClass (`Drive`, `Docs`), each collection by the name the global gives it (`Files`, `Documents`).
 */
const ADVANCED: Record<string, { ns: string; global: string; collections: string[] }> = {
  Drive: { ns: 'Drive_v3', global: 'Drive', collections: ['Drive_v3', 'Drive', 'V3', 'Collection'] },
  Docs: { ns: 'Docs_v1', global: 'Docs', collections: ['Docs', 'Collection'] },
};

export interface GasMembers {
  /** Where the lists come from. */
  source: string;
  /** The runtime's gasService → the key prefix of its classes. */
  services: Record<string, string>;
  /** `Namespace.Class` → member names, sorted. */
  classes: Record<string, string[]>;
}

function program(): { checker: ts.TypeChecker; root: ts.Symbol } {
  const index = resolve(typesDir, 'index.d.ts');
  const p = ts.createProgram([index], {
    noEmit: true,
    types: [],
    lib: ['lib.es2020.d.ts'],
    target: ts.ScriptTarget.ES2020,
  });
  const checker = p.getTypeChecker();
  const file = p.getSourceFile(resolve(typesDir, 'google-apps-script.base.d.ts'));
  if (!file) throw new Error('gen-gas-members: @types/google-apps-script is not installed');
  const gas = checker.getSymbolsInScope(file, ts.SymbolFlags.Namespace).find((s) => s.name === 'GoogleAppsScript');
  if (!gas) throw new Error('gen-gas-members: no GoogleAppsScript namespace');
  return { checker, root: gas };
}

function child(checker: ts.TypeChecker, ns: ts.Symbol, name: string): ts.Symbol {
  const s = checker.getExportsOfModule(ns).find((x) => x.name === name);
  if (!s) throw new Error(`gen-gas-members: GoogleAppsScript has no ${name} under ${ns.name}`);
  return s;
}

function membersOf(checker: ts.TypeChecker, s: ts.Symbol): string[] {
  const names = checker.getPropertiesOfType(checker.getDeclaredTypeOfSymbol(s)).map((p) => p.name);
  return [...new Set(names)].sort();
}

/** The lists for the installed @types/google-apps-script. */
export function collect(): GasMembers {
  const { checker, root: gas } = program();
  const classes: Record<string, string[]> = {};
  const services: Record<string, string> = {};
  for (const [service, ns] of Object.entries(SERVICES)) {
    services[service] = ns;
    for (const s of checker.getExportsOfModule(child(checker, gas, ns))) {
      if (s.flags & ts.SymbolFlags.Interface) classes[`${ns}.${s.name}`] = membersOf(checker, s);
    }
  }
  for (const [service, ns] of Object.entries(LOUD_SERVICES)) {
    services[service] = ns;
    classes[`${ns}.${service}`] = membersOf(checker, child(checker, child(checker, gas, ns), service));
  }
  for (const [service, a] of Object.entries(ADVANCED)) {
    services[service] = a.ns;
    classes[`${a.ns}.${service}`] = membersOf(checker, child(checker, gas, a.global));
    let coll = gas;
    for (const step of a.collections) coll = child(checker, coll, step);
    for (const s of checker.getExportsOfModule(coll)) {
      if (s.flags & ts.SymbolFlags.Interface && s.name.endsWith('Collection'))
        classes[`${a.ns}.${s.name.slice(0, -'Collection'.length)}`] = membersOf(checker, s);
    }
  }
  const version = (JSON.parse(readFileSync(resolve(typesDir, 'package.json'), 'utf8')) as { version: string }).version;
  const sorted = Object.fromEntries(Object.entries(classes).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
  return { source: `@types/google-apps-script@${version}`, services, classes: sorted };
}

/** The file's text: one class a line, so a new @types version shows as a readable diff. */
export function render(m: GasMembers): string {
  const cls = Object.entries(m.classes).map(([k, v]) => `    ${JSON.stringify(k)}: ${JSON.stringify(v)}`);
  return [
    '{',
    `  "generatedBy": "scripts/gen-gas-members.ts — do not edit by hand",`,
    `  "source": ${JSON.stringify(m.source)},`,
    `  "services": ${JSON.stringify(m.services)},`,
    '  "classes": {',
    cls.join(',\n'),
    '  }',
    '}',
    '',
  ].join('\n');
}

function main(): void {
  const text = render(collect());
  writeFileSync(GAS_MEMBERS_PATH, text);
  console.log(`Wrote ${GAS_MEMBERS_PATH} (${text.length} characters)`);
}

if (require.main === module) main();
