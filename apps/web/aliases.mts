// The workspace libraries the web app imports, resolved to their sources (the same map as tools/vitest-shared.mjs).
import { resolve } from 'node:path';

export const workspaceRoot = resolve(import.meta.dirname, '../..');

export const aliases = {
  '@commonplan/domain': resolve(workspaceRoot, 'libs/domain/src/index.ts'),
  '@commonplan/sync': resolve(workspaceRoot, 'libs/sync/src/index.ts'),
  '@commonplan/editor': resolve(workspaceRoot, 'libs/editor/src/index.ts'),
};
