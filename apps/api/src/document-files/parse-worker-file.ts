import { resolve } from 'node:path';

/**
 * Where the import worker's code is: tools/build-api.mjs bundles parse-worker.ts as parse-worker.js beside main.js
 * (dist/api), which is where `__dirname` points in the bundle. The API's tests bundle it once per run and point here
 * instead (test/support/global-setup.mjs, test/support/parse-worker.ts). A module of its own that loads nothing of the app, so
 * that the tests' set-up can set it cheaply.
 */
export const parseWorker = { file: resolve(__dirname, 'parse-worker.js') };
