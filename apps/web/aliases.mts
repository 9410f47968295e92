// The workspace libraries the web app imports, resolved to their sources (the same map as tools/vitest-shared.mjs).
import { resolve } from 'node:path';

export const workspaceRoot = resolve(import.meta.dirname, '../..');

export const aliases = {
  // Before the library itself: an alias matches every path it starts (test support, never in the built app).
  '@commonplan/editor/testing': resolve(workspaceRoot, 'libs/editor/src/testing/random-changes.ts'),
  '@commonplan/domain': resolve(workspaceRoot, 'libs/domain/src/index.ts'),
  '@commonplan/sync': resolve(workspaceRoot, 'libs/sync/src/index.ts'),
  '@commonplan/editor': resolve(workspaceRoot, 'libs/editor/src/index.ts'),
};
