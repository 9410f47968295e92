// ES module entry of tools/test-db.cjs (used by the browser suite's global set-up).
export { createFreshDatabase } from './test-db.cjs';
