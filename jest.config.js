// ESM TypeScript through @swc/jest; run with NODE_OPTIONS=--experimental-vm-modules (see package.json).
export default {
  testEnvironment: 'node',
  roots: ['<rootDir>/tests'],
  extensionsToTreatAsEsm: ['.ts'],
  moduleNameMapper: { '^(\\.{1,2}/.*)\\.js$': '$1' },
  transform: {
    '^.+\\.ts$': ['@swc/jest', { jsc: { parser: { syntax: 'typescript' }, target: 'es2022' }, module: { type: 'es6' } }],
  },
  testTimeout: 60000,
  // A throwaway PostgreSQL server for tests/db, unless KG_TEST_DATABASE_URL names one.
  globalSetup: '<rootDir>/tests/setup/postgres-start.mjs',
  globalTeardown: '<rootDir>/tests/setup/postgres-stop.mjs',
};
