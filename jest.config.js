// Jest projects mirror the folders of test/; the core project also runs under TZ=UTC (see package.json).
const transform = { '^.+\\.(t|j)sx?$': ['@swc/jest', { jsc: { target: 'es2022', parser: { syntax: 'typescript' } } }] };
const project = (name, extra = {}) => ({
  displayName: name,
  testEnvironment: 'node',
  transform,
  testMatch: [`<rootDir>/test/${name}/**/*.test.ts`],
  ...extra,
});
module.exports = {
  projects: [
    project('core'),
    project('app'),
    project('build'),
    project('emulator'),
    project('gas'),
    project('scenario'),
  ],
};
