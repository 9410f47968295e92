// The failed tests of a suite's report (vitest's json reporter, or tools/jest-json-reporter.js in the same shape), as
// lines for the end of `npm test`, where a cut CI log still shows them.
import { relative } from 'node:path';

/** Each failed test of a report as "✗ file › name" and the first lines of its message (vitest's and our jest's shape). */
export function failuresIn(report, totals, root) {
  const lines = [];
  for (const file of totals.testResults ?? []) {
    const where = `${report}: ${relative(root, file.name ?? '')}`;
    if (file.message && !(file.assertionResults ?? []).some((test) => test.status === 'failed')) {
      lines.push(`✗ ${where}`, ...firstLines(file.message));
    }
    for (const test of file.assertionResults ?? []) {
      if (test.status !== 'failed') continue;
      lines.push(`✗ ${where} › ${test.fullName ?? test.title}`, ...firstLines((test.failureMessages ?? []).join('\n')));
    }
  }
  return lines;
}

function firstLines(message) {
  // eslint-disable-next-line no-control-regex
  const plain = message.replace(/\u001b\[[0-9;]*m/g, '');
  return plain.split('\n').filter((line) => line.trim() !== '' && !line.includes('node_modules')).slice(0, 8).map((line) => `    ${line.slice(0, 300)}`);
}
