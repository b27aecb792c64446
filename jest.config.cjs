/** Core, adapter and CLI tests run on Node; task pane tests in jsdom. ts-jest compiles without type-checking (tsc does that in `npm test`). */
const transform = {
  '^.+\\.tsx?$': [
    'ts-jest',
    { tsconfig: { isolatedModules: true, module: 'commonjs', moduleResolution: 'node', target: 'ES2022', esModuleInterop: true, resolveJsonModule: true, jsx: 'react-jsx' } },
  ],
};
module.exports = {
  testTimeout: 30000,
  reporters: ['default', '<rootDir>/tests/helpers/summary-reporter.cjs'],
  projects: [
    { displayName: 'core', testEnvironment: 'node', roots: ['<rootDir>/tests'], testMatch: ['**/*.test.ts'], transform },
    {
      displayName: 'taskpane',
      testEnvironment: 'jsdom',
      roots: ['<rootDir>/tests/taskpane'],
      testMatch: ['**/*.test.tsx'],
      transform,
      setupFiles: ['<rootDir>/tests/taskpane/setup.ts'],
      moduleNameMapper: { '\\.css$': '<rootDir>/tests/taskpane/style-stub.ts' },
    },
  ],
};
