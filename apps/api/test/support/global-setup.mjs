// Jest's global set-up for the API's tests.
//
// The import's worker thread runs plain JavaScript, not the TypeScript
// that jest compiles on the fly, so document-files/parse-worker.ts is bundled once per run, as tools/build-api.mjs
// bundles it, under node_modules/.cache (where its npm packages resolve). The file is named by its content and
// written atomically, so runs at the same time share it and a run that dies leaves nothing half-written; bundles of
// older code are removed after a day. test/support/parse-worker.ts points each test file's server at it.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, renameSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { build } from 'esbuild';
import { API_ENTRY_POINTS, apiBuildOptions } from '../../../../tools/build-api.mjs';

// The tests that start the built server as a separate process (a crash, a SIGKILL) use a build of this run's own,
// under node_modules/.cache/commonplan-api/run-<pid>: never dist/api, which the browser tests' server runs from at the
// same time and which a rebuild empties first (two test files rebuilding it at once, or one while the browser suite
// imports a file, found its parse worker missing). Builds of runs older than a day are removed.

const root = resolve(import.meta.dirname, '../../../..');
const DAY_MS = 24 * 60 * 60 * 1000;

export default async function globalSetup() {
  await bundleParseWorker();
  await buildServer();
}

async function buildServer() {
  const dir = join(root, 'node_modules/.cache/commonplan-api');
  mkdirSync(dir, { recursive: true });
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).mtimeMs < Date.now() - DAY_MS) rmSync(path, { recursive: true, force: true });
  }
  const outdir = join(dir, `run-${process.pid}-${Date.now().toString(36)}`);
  await build(apiBuildOptions(API_ENTRY_POINTS, outdir));
  process.env.COMMONPLAN_TEST_SERVER = join(outdir, 'main.js');
}

async function bundleParseWorker() {
  const dir = join(root, 'node_modules/.cache/commonplan-parse-worker');
  mkdirSync(dir, { recursive: true });
  const { outputFiles } = await build({
    ...apiBuildOptions({ 'parse-worker': API_ENTRY_POINTS['parse-worker'] }, dir),
    write: false,
    sourcemap: 'inline',
  });
  const code = outputFiles[0].contents;
  const file = join(dir, `parse-worker-${createHash('sha256').update(code).digest('hex').slice(0, 16)}.js`);
  if (existsSync(file)) {
    const now = new Date();
    utimesSync(file, now, now);
  } else {
    const temporary = `${file}.${process.pid}.tmp`;
    writeFileSync(temporary, code);
    renameSync(temporary, file);
  }
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (path !== file && statSync(path).mtimeMs < Date.now() - DAY_MS) rmSync(path, { force: true });
  }
  process.env.COMMONPLAN_TEST_PARSE_WORKER = file;
}
