/**
 * The server built for this test run by global-setup.mjs (node_modules/.cache/commonplan-api/run-…/main.js), for tests
 * that start it as its own process: never dist/api, which other suites run from at the same time.
 */
export function builtServer(): string {
  const file = process.env.COMMONPLAN_TEST_SERVER;
  if (!file) throw new Error('COMMONPLAN_TEST_SERVER is not set: the API tests run with test/support/global-setup.mjs');
  return file;
}
