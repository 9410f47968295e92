// Browser tests: the built app served by the built API on a fresh database, driven by Debian's Chromium through
// playwright-core. Without Chromium they are left out with one line saying so (no test is skipped one by one).
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { defineConfig } from 'vitest/config';
import { shuffledSequence } from '../../../tools/vitest-shared.mjs';

const root = resolve(import.meta.dirname, '../../..');

function findChromium(): string | null {
  if (existsSync('/usr/bin/chromium')) return '/usr/bin/chromium';
  try {
    const found = execFileSync('which', ['chromium'], { encoding: 'utf8' }).trim();
    return found && existsSync(found) ? found : null;
  } catch {
    return null;
  }
}

const chromium = findChromium();
if (!chromium) console.log('browser tests skipped: Chromium not installed (apt-get install chromium)');

export default defineConfig({
  root: import.meta.dirname,
  test: {
    environment: 'node',
    include: chromium ? ['**/*.e2e.ts'] : [],
    passWithNoTests: !chromium,
    globalSetup: chromium ? ['./global-setup.ts'] : [],
    provide: { chromiumPath: chromium ?? '' },
    fileParallelism: false,
    sequence: { concurrent: false, ...shuffledSequence() },
    testTimeout: 120_000,
    hookTimeout: 180_000,
    reporters: ['default', ['json', { outputFile: resolve(root, 'reports/vitest-e2e.json') }]],
  },
});
