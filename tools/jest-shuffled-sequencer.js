// Jest's order of test files drawn from TEST_SHUFFLE_SEED (tools/test-all.mjs sets it when TEST_SHUFFLE is given), as
// tools/vitest-shared.mjs does for the Vitest suites: a file that passes only after another one shows. The tests of a
// file keep their order (the API's integration files are scenarios whose steps build on each other).
const Sequencer = require('@jest/test-sequencer').default;

/** mulberry32: a small seeded generator, so that one seed always gives one order. */
function random(seed) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

class ShuffledSequencer extends Sequencer {
  sort(tests) {
    const next = random(Number(process.env.TEST_SHUFFLE_SEED));
    const sorted = [...tests].sort((a, b) => a.path.localeCompare(b.path));
    for (let i = sorted.length - 1; i > 0; i--) {
      const j = Math.floor(next() * (i + 1));
      [sorted[i], sorted[j]] = [sorted[j], sorted[i]];
    }
    return sorted;
  }
}

module.exports = ShuffledSequencer;
