// Component tests: jsdom + Testing Library, one JSON report for tools/test-all.mjs.
import { resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vitest/config';
import { shuffledSequence } from '../../tools/vitest-shared.mjs';
import { aliases, workspaceRoot as root } from './aliases.mts';

export default defineConfig({
  root: import.meta.dirname,
  plugins: [react()],
  resolve: { alias: aliases },
  test: {
    environment: 'jsdom',
    include: ['src/**/*.test.{ts,tsx}'],
    setupFiles: ['src/test/setup.ts'],
    sequence: shuffledSequence(),
    reporters: ['default', ['json', { outputFile: resolve(root, 'reports/vitest-web.json') }]],
  },
});
