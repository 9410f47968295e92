import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { buildSync } from 'esbuild';

const root = resolve(__dirname, '../../../..');

/**
 * Runs `source` (TypeScript, importing our modules by absolute path) as the built server runs code: bundled by esbuild
 * into CommonJS with every package external, in a Node process of its own (whose `import()` and unhandled rejections are
 * Node's, not Jest's sandbox's). Returns what it printed. The bundle is written under node_modules, where its packages
 * resolve (Node's import() reads no NODE_PATH), and removed afterwards.
 */
export function runBundled(source: string): string {
  mkdirSync(join(root, 'node_modules/.cache'), { recursive: true });
  const dir = mkdtempSync(join(root, 'node_modules/.cache/commonplan-bundled-'));
  try {
    const entry = join(dir, 'entry.ts');
    writeFileSync(entry, source);
    const out = join(dir, 'entry.js');
    buildSync({ absWorkingDir: root, entryPoints: [entry], outfile: out, bundle: true, platform: 'node', target: 'node20', format: 'cjs', packages: 'external', logLevel: 'error' });
    return execFileSync(process.execPath, [out], { cwd: root, encoding: 'utf8', timeout: 60_000 });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
