// next/jest over ts-jest: it compiles with the same SWC transform and config as `next build`, so tests
// see the code the portal runs; type checking is done once for the whole tree by `tsc --noEmit`.
const nextJest = require('next/jest');

const createJestConfig = nextJest({ dir: __dirname });

const config = createJestConfig({
  testEnvironment: '<rootDir>/__tests__/support/node-environment.ts',
  roots: ['<rootDir>/__tests__'],
  testMatch: ['**/*.test.ts', '**/*.test.tsx'],
  moduleNameMapper: {
    '^server-only$': '<rootDir>/__tests__/support/empty-module.js',
    '^@/(.*)$': '<rootDir>/$1',
  },
  testTimeout: 60000,
  globalSetup: '<rootDir>/__tests__/support/global-setup.ts',
  globalTeardown: '<rootDir>/__tests__/support/global-teardown.ts',
  setupFiles: ['<rootDir>/__tests__/support/quiet-info-logs.ts'],
  // Suites start real processes (emulator, portal, Chromium): two at a time fits this machine.
  maxWorkers: 2,
});

// next-intl and the formatjs packages it stands on ship only ES modules: SWC compiles them for jest
// like our own code (next/jest skips node_modules by default).
const ESM_PACKAGES = ['next-intl', 'use-intl', '@formatjs', 'intl-messageformat', 'icu-minify'];

module.exports = async () => {
  const resolved = await config();
  return {
    ...resolved,
    transformIgnorePatterns: [`/node_modules/(?!(${ESM_PACKAGES.join('|')})/)`, ...resolved.transformIgnorePatterns.filter((p) => !p.includes('node_modules'))],
  };
};
