/** @type {import('jest').Config} */
export default {
  clearMocks: true,
  testEnvironment: 'node',
  testMatch: ['**/__tests__/**/*.test.ts'],
  testPathIgnorePatterns: ['/dist/', '/node_modules/'],
  extensionsToTreatAsEsm: ['.ts'],
  moduleFileExtensions: ['ts', 'js'],
  moduleNameMapper: { '^(\\.{1,2}/.*)\\.js$': '$1' },
  transform: { '^.+\\.ts$': '<rootDir>/scripts/jest-esbuild.mjs' },
  globalSetup: '<rootDir>/scripts/jest-temp-setup.mjs',
  globalTeardown: '<rootDir>/scripts/jest-temp-teardown.mjs',
  // Child processes, Azurite and Node 24 make the end-to-end suite slow; keep it off the unit tests' clock.
  testTimeout: 30000,
  // Most tests wait on child processes, Python and emulated services, not on the CPU: on a 2-core machine
  // jest's default (cores - 1) would run every file one after the other.
  maxWorkers: 2,
  verbose: true
}
