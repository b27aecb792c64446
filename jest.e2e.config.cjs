/** Browser tests of the preview (Playwright + Debian Chromium) against the built dist/web. */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/tests/e2e'],
  testMatch: ['**/*.e2e.ts'],
  testTimeout: 120000,
  reporters: ['default', '<rootDir>/tests/helpers/summary-reporter.cjs'],
  transform: {
    '^.+\\.tsx?$': ['ts-jest', { tsconfig: { isolatedModules: true, module: 'commonjs', moduleResolution: 'node', target: 'ES2022', esModuleInterop: true } }],
  },
};
