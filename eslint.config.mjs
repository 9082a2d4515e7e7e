// Lint: typescript-eslint's recommended rules, and Apps Script globals kept out of everything in src/ except
// the adapters (src/gas/) and the entry (src/main.ts) — the core and the use cases stay testable in plain Node.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';

const APPS_SCRIPT_GLOBALS = [
  'SpreadsheetApp',
  'DriveApp',
  'DocumentApp',
  'Drive',
  'Docs',
  'MailApp',
  'GmailApp',
  'ScriptApp',
  'PropertiesService',
  'CacheService',
  'LockService',
  'UrlFetchApp',
  'HtmlService',
  'Session',
  'Utilities',
  'Logger',
  'CardService',
  'Browser',
  'Charts',
  'ContentService',
].map((name) => ({
  name,
  message: `${name} is an Apps Script global: only src/gas/ and src/main.ts may use it (see docs/architecture.md).`,
}));

export default tseslint.config(
  {
    ignores: [
      'dist/**',
      'dist.tmp-*/**',
      'node_modules/**',
      'coverage/**',
      'out/**',
      'jest.config.js',
      'test/fixtures/**/*.js',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-explicit-any': 'error',
    },
  },
  { files: ['src/**/*.ts'], languageOptions: { globals: {} } },
  {
    files: ['src/**/*.ts'],
    ignores: ['src/gas/**', 'src/main.ts'],
    rules: {
      'no-restricted-globals': ['error', ...APPS_SCRIPT_GLOBALS],
      'no-restricted-syntax': [
        'error',
        {
          selector: "NewExpression[callee.name='Date'][arguments.length=0]",
          message: 'The core reads no clock of its own: pass the instant in.',
        },
        {
          selector: "CallExpression[callee.object.name='Date'][callee.property.name='now']",
          message: 'The core reads no clock of its own: pass the instant in.',
        },
      ],
    },
  },
  {
    files: ['emulator/**/*.ts', 'scripts/**/*.ts', 'test/**/*.ts', '*.mjs'],
    languageOptions: { globals: { ...globals.node } },
  },
);
