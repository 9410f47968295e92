import { parseWorker } from '../../src/document-files/parse-worker-file';

// Jest set-up file (every test file): the server reads imported files with the worker bundled for this run by
// global-setup.mjs, since jest's TypeScript cannot run in a worker thread.
const file = process.env.COMMONPLAN_TEST_PARSE_WORKER;
if (file) parseWorker.file = file;
