// Jest projects mirror the folders of test/; the core project also runs under TZ=UTC (see package.json).
const transform = { '^.+\\.(t|j)sx?$': ['@swc/jest', { jsc: { target: 'es2022', parser: { syntax: 'typescript' } } }] };
const project = (name, extra = {}) => ({
  displayName: name,
  testEnvironment: 'node',
  transform,
  testMatch: [`<rootDir>/test/${name}/**/*.test.ts`],
  ...extra,
});
// These projects drive the bundle (and Chromium, LibreOffice) through many executions: see test/helpers/slow-tests.ts.
const SLOW = { setupFilesAfterEnv: ['<rootDir>/test/helpers/slow-tests.ts'] };
module.exports = {
  projects: [
    project('core'),
    project('app'),
    project('build'),
    project('emulator', SLOW),
    project('gas', SLOW),
    project('scenario', SLOW),
  ],
};
