// Shared Vitest settings for the libraries: node environment, tsconfig path aliases, a JSON report per project
// under reports/ that tools/test-all.mjs sums into the one "N passed, N failed" line.
import { resolve } from 'node:path';

const root = resolve(import.meta.dirname, '..');

export const aliases = {
  // Before the library itself: an alias matches every path it starts.
  '@commonplan/editor/testing': resolve(root, 'libs/editor/src/testing/random-changes.ts'),
  '@commonplan/domain': resolve(root, 'libs/domain/src/index.ts'),
  '@commonplan/sync': resolve(root, 'libs/sync/src/index.ts'),
  '@commonplan/editor': resolve(root, 'libs/editor/src/index.ts'),
};

/**
 * With TEST_SHUFFLE_SEED (tools/test-all.mjs sets it when TEST_SHUFFLE is given) the test files run in an order drawn
 * from that seed, to show a test that depends on another file's having run before it; the tests of a file keep their
 * order. The same seed gives the same order, so a failure can be replayed.
 */
export function shuffledSequence() {
  const seed = Number(process.env.TEST_SHUFFLE_SEED);
  return Number.isInteger(seed) && seed > 0 ? { shuffle: { files: true, tests: false }, seed } : {};
}

export function libTestConfig(name, dir) {
  return {
    root: dir,
    resolve: { alias: aliases },
    test: {
      environment: 'node',
      include: ['src/**/*.spec.ts'],
      sequence: shuffledSequence(),
      reporters: ['default', ['json', { outputFile: resolve(root, `reports/vitest-${name}.json`) }]],
    },
  };
}
