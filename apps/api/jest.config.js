// API tests: unit specs beside the code (src/**/*.spec.ts) and integration suites (test/**/*.e2e-spec.ts) that boot
// the whole server on a real database: a fresh one per test file (see test/support/test-server.ts).
const { resolve } = require('node:path');

const root = resolve(__dirname, '../..');

module.exports = {
  rootDir: __dirname,
  testEnvironment: 'node',
  // *.pg-e2e-spec.ts: suites of several server processes on one database, which the embedded PostgreSQL (one process)
  // cannot be: they run where DATABASE_URL names a server (CI always; docs/testing.md).
  testMatch: ['<rootDir>/src/**/*.spec.ts', '<rootDir>/test/**/*.e2e-spec.ts', ...(process.env.DATABASE_URL ? ['<rootDir>/test/**/*.pg-e2e-spec.ts'] : [])],
  transform: {
    '^.+\\.ts$': [
      '@swc/jest',
      {
        jsc: {
          parser: { syntax: 'typescript', decorators: true },
          transform: { legacyDecorator: true, decoratorMetadata: true, useDefineForClassFields: false },
          target: 'es2022',
          keepClassNames: true,
        },
        module: { type: 'commonjs' },
        swcrc: false,
      },
    ],
  },
  moduleNameMapper: {
    '^@commonplan/domain$': `${root}/libs/domain/src/index.ts`,
    '^@commonplan/sync$': `${root}/libs/sync/src/index.ts`,
    '^@commonplan/editor$': `${root}/libs/editor/src/index.ts`,
    '^@commonplan/editor/testing$': `${root}/libs/editor/src/testing/random-changes.ts`,
  },
  // Imported files are read in a worker thread, which runs JavaScript: the worker is bundled once per run.
  globalSetup: '<rootDir>/test/support/global-setup.mjs',
  setupFiles: ['<rootDir>/test/support/parse-worker.ts'],
  // TEST_SHUFFLE_SEED: the files in an order drawn from the seed (tools/test-all.mjs, docs/testing.md).
  ...(Number(process.env.TEST_SHUFFLE_SEED) > 0 ? { testSequencer: `${root}/tools/jest-shuffled-sequencer.js` } : {}),
  // A ceiling for a loaded machine (a file's server starts, migrates and seeds the demo in its beforeAll), never a wait.
  testTimeout: 180_000,
  maxWorkers: 2,
  reporters: ['default', ['<rootDir>/../../tools/jest-json-reporter.js', { outputFile: `${root}/reports/${process.env.JEST_API_REPORT ?? 'jest-api'}.json` }]],
};
