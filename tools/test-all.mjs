// `npm test`: every check and every test suite of the repository, then one line "N passed, N failed" that sums the
// tests of every suite. Each suite writes its totals to reports/*.json (vitest's json reporter, or
// tools/jest-json-reporter.js); a suite that fails without writing them counts as one failure, as does a failed
// lint, type check or build, so that a run that executed nothing can never look green.
//
// With DATABASE_URL set, the API's integration suites whose subject differs between the two databases also run on the
// embedded database (PGlite), the README's default, after the API's first pass (apps/api/project.json test-embedded;
// without DATABASE_URL every suite runs on it). TEST_SHUFFLE=1 (or a seed) runs the files of every suite in an order
// drawn from a seed, printed first so that a failure can be replayed (docs/testing.md).
import { spawn } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { resolve } from 'node:path';
import { failuresIn } from './test-failures.mjs';

const root = resolve(import.meta.dirname, '..');
const reports = resolve(root, 'reports');
const env = { ...process.env, NX_DAEMON: 'false', NX_NO_CLOUD: 'true', NX_TUI: 'false', FORCE_COLOR: process.env.FORCE_COLOR ?? '0' };

if (process.env.TEST_SHUFFLE) {
  const given = Number(process.env.TEST_SHUFFLE);
  const seed = Number.isInteger(given) && given > 1 ? given : 1 + Math.floor(Math.random() * 2 ** 31);
  env.TEST_SHUFFLE_SEED = String(seed);
  console.log(`test files in shuffled order: TEST_SHUFFLE=${seed} replays it`);
}

rmSync(reports, { recursive: true, force: true });

const withDatabase = Boolean(process.env.DATABASE_URL);
const embedded = { ...env };
delete embedded.DATABASE_URL;

// Steps run one after another. A step's lanes run at the same time, the parts of a lane one after another. The
// browser suite runs its files one by one and spends much of its time waiting on pages (a round that closes a minute
// ahead, a socket's echo), so it starts as soon as the build is done, beside the lane of the API's suites, which keeps
// both cores busy meanwhile. The web components' suite follows the browser suite in its lane; the API's suites on the
// embedded database, the libraries' suites and the lint and type checks follow the API's first pass in the other, so
// that the two lanes end at about the same time (docs/testing.md).
const steps = [
  [[{ name: 'build', args: ['run-many', '-t', 'build', '--projects=api,web'] }]],
  [
    [
      { name: 'browser tests', args: ['run', 'web:e2e'], reports: true },
      { name: 'web component tests', args: ['run', 'web:test'], reports: true },
    ],
    [
      { name: 'API unit and integration tests', args: ['run', 'api:test'], reports: true },
      ...(withDatabase ? [{ name: 'API integration tests on the embedded database', args: ['run', 'api:test-embedded'], reports: true, env: embedded }] : []),
      { name: 'library tests', args: ['run-many', '-t', 'test', '--exclude=api,web', '--parallel=1'], reports: true },
      { name: 'lint and type check', args: ['run-many', '-t', 'lint,typecheck'] },
    ],
  ],
];

// A step that failed stops the run (a failed build leaves no app to test): the reports the later steps would have written
// are missing, and each counts as a failure below.
let stepFailures = 0;
for (const step of steps) {
  const results = await Promise.all(step.map(runLane));
  const failures = results.flat().filter((ok) => !ok).length;
  stepFailures += failures;
  if (failures > 0) {
    console.log('\n=== a step failed: the steps after it do not run');
    break;
  }
}

// The suites every run must report on (a missing report is a suite that did not finish).
const expected = ['vitest-domain.json', 'jest-api.json', 'vitest-web.json', 'vitest-e2e.json', ...extraReports()];
let passed = 0;
let failed = stepFailures;
const failures = [];
for (const file of expected) {
  const path = resolve(reports, file);
  if (!existsSync(path)) {
    console.log(`no report from ${file}: counted as one failure`);
    failed++;
    continue;
  }
  const totals = JSON.parse(readFileSync(path, 'utf8'));
  const suiteErrors = (totals.numRuntimeErrorTestSuites ?? 0) + (totals.numFailedTestSuites ?? 0);
  passed += totals.numPassedTests;
  failed += totals.numFailedTests + (totals.numFailedTests === 0 && suiteErrors > 0 ? suiteErrors : 0);
  console.log(`${file}: ${totals.numPassedTests} passed, ${totals.numFailedTests} failed`);
  // Jest's reports name their slowest files (tools/jest-json-reporter.js): where the next cut in CI time is.
  if (totals.durations) console.log(`  slowest: ${totals.durations.slice(0, 5).map((d) => `${d.name.split('/').pop()} ${d.seconds} s`).join(', ')}`);
  failures.push(...failuresIn(file, totals, root));
}
if (failures.length > 0) console.log(['--- failed tests', ...failures, '--- end of failed tests'].join('\n'));
console.log(`\n${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);

/** Runs the parts of a lane one after another (a part that fails does not stop the next); resolves their results. */
async function runLane(lane) {
  const results = [];
  for (const part of lane) results.push(await run(part));
  return results;
}

/**
 * Runs one part through Nx; resolves false when it failed and writes no report the sum would count. Parts running at
 * the same time have their lines prefixed by Nx with the project's name.
 */
function run(part) {
  console.log(`\n=== ${part.name}: nx ${part.args.join(' ')}`);
  const started = Date.now();
  const took = () => `${Math.round((Date.now() - started) / 1000)} s`;
  return new Promise((done) => {
    const child = spawn(resolve(root, 'node_modules/.bin/nx'), [...part.args, '--output-style=stream', '--skip-nx-cache'], {
      cwd: root,
      env: part.env ?? env,
      stdio: 'inherit',
    });
    child.on('close', (code, signal) => {
      if (code === 0) {
        console.log(`=== ${part.name}: done in ${took()}`);
        return done(true);
      }
      console.log(`=== ${part.name} FAILED (exit ${code ?? signal}) after ${took()}`);
      done(Boolean(part.reports));
    });
  });
}

/** Reports beyond the four every run has: libraries added later (vitest-<name>.json), the embedded database's pass. */
function extraReports() {
  const libs = ['sync', 'editor'].filter((lib) => existsSync(resolve(root, `libs/${lib}/vitest.config.mts`))).map((lib) => `vitest-${lib}.json`);
  return [...libs, ...(withDatabase ? ['jest-api-embedded.json'] : [])];
}

