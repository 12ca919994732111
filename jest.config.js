// next/jest over ts-jest: it compiles with the same SWC transform and config as `next build`, so tests
// see the code the portal runs; type checking is done once for the whole tree by `tsc --noEmit`.
const nextJest = require('next/jest');

const createJestConfig = nextJest({ dir: __dirname });

module.exports = createJestConfig({
  testEnvironment: 'node',
  roots: ['<rootDir>/__tests__'],
  testMatch: ['**/*.test.ts', '**/*.test.tsx'],
  moduleNameMapper: {
    '^server-only$': '<rootDir>/__tests__/support/empty-module.js',
    '^@/(.*)$': '<rootDir>/$1',
  },
  testTimeout: 60000,
  globalSetup: '<rootDir>/__tests__/support/global-setup.ts',
  // Suites start real processes (emulator, portal, Chromium): two at a time fits this machine.
  maxWorkers: 2,
});
