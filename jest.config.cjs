/** Core, adapter and CLI tests run on Node; ts-jest compiles without type-checking (tsc does that in `npm test`). */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/tests'],
  testMatch: ['**/*.test.ts'],
  transform: {
    '^.+\\.tsx?$': ['ts-jest', { tsconfig: { isolatedModules: true, module: 'commonjs', moduleResolution: 'node', target: 'ES2022', esModuleInterop: true, resolveJsonModule: true } }],
  },
  testTimeout: 30000,
  reporters: ['default', '<rootDir>/tests/helpers/summary-reporter.cjs'],
};
