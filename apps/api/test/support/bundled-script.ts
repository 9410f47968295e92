import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

const root = resolve(__dirname, '../../../..');

/**
 * Runs `source` (TypeScript, importing our modules by absolute path) as the built server runs code: bundled with the
 * build's own esbuild options (`apiBuildOptions` of tools/build-api.mjs, an ES module Jest's CommonJS cannot import, so
 * a Node process of its own bundles it), then run in another Node process (whose `import()` and unhandled rejections
 * are Node's, not Jest's sandbox's). Returns what it printed. The bundle is written under node_modules, where its
 * packages resolve (Node's import() reads no NODE_PATH), and removed afterwards.
 */
export function runBundled(source: string): string {
  mkdirSync(join(root, 'node_modules/.cache'), { recursive: true });
  const dir = mkdtempSync(join(root, 'node_modules/.cache/commonplan-bundled-'));
  try {
    const entry = join(dir, 'entry.ts');
    writeFileSync(entry, source);
    const bundle = `import { build } from 'esbuild';
      import { apiBuildOptions } from ${JSON.stringify(join(root, 'tools/build-api.mjs'))};
      await build(apiBuildOptions({ entry: ${JSON.stringify(entry)} }, ${JSON.stringify(dir)}));`;
    execFileSync(process.execPath, ['--input-type=module', '-e', bundle], { cwd: root, stdio: ['ignore', 'ignore', 'inherit'], timeout: 60_000 });
    return execFileSync(process.execPath, [join(dir, 'entry.js')], { cwd: root, encoding: 'utf8', timeout: 60_000 });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
