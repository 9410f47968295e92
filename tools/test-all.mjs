// `npm test`: every check and every test suite of the repository, in order, then one line "N passed, N failed" that
// sums the tests of every suite. Each suite writes its totals to reports/*.json (vitest's json reporter, or
// tools/jest-json-reporter.js); a suite that fails without writing them counts as one failure, as does a failed
// lint, type check or build, so that a run that executed nothing can never look green.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { resolve } from 'node:path';

const root = resolve(import.meta.dirname, '..');
const reports = resolve(root, 'reports');
const env = { ...process.env, NX_DAEMON: 'false', NX_NO_CLOUD: 'true', NX_TUI: 'false', FORCE_COLOR: process.env.FORCE_COLOR ?? '0' };

rmSync(reports, { recursive: true, force: true });

const steps = [
  { name: 'lint and type check', args: ['run-many', '-t', 'lint,typecheck'] },
  { name: 'build', args: ['run-many', '-t', 'build', '--projects=api,web'] },
  { name: 'unit and integration tests', args: ['run-many', '-t', 'test', '--parallel=1'], reports: true },
  { name: 'browser tests', args: ['run', 'web:e2e'], reports: true },
];

let stepFailures = 0;
for (const step of steps) {
  console.log(`\n=== ${step.name}: nx ${step.args.join(' ')}`);
  const result = spawnSync(resolve(root, 'node_modules/.bin/nx'), [...step.args, '--output-style=stream', '--skip-nx-cache'], {
    cwd: root,
    env,
    stdio: 'inherit',
  });
  if (result.status !== 0) {
    console.log(`=== ${step.name} FAILED (exit ${result.status ?? result.signal})`);
    if (!step.reports) stepFailures++;
  }
}

// The suites every run must report on (a missing report is a suite that did not finish).
const expected = ['vitest-domain.json', 'jest-api.json', 'vitest-web.json', 'vitest-e2e.json', ...extraReports()];
let passed = 0;
let failed = stepFailures;
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
}
console.log(`\n${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);

/** Libraries added later report as vitest-<name>.json; every lib with a vitest config must report. */
function extraReports() {
  const libs = ['sync', 'editor'];
  return libs.filter((lib) => existsSync(resolve(root, `libs/${lib}/vitest.config.mts`))).map((lib) => `vitest-${lib}.json`);
}
