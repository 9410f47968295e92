// Builds apps/api into dist/api: esbuild bundles our own code (the app and libs/*) into main.js and cli.js and leaves
// every npm package external (PGlite loads its wasm from node_modules at run time). esbuild cannot emit TypeScript's
// decorator metadata, which NestJS's dependency injection reads, so each .ts file is compiled by SWC first.
import { rmSync } from 'node:fs';
import { resolve } from 'node:path';
import { transformFile } from '@swc/core';
import { build } from 'esbuild';

const root = resolve(import.meta.dirname, '..');
const outdir = resolve(root, 'dist/api');

export const swcOptions = {
  jsc: {
    parser: { syntax: 'typescript', decorators: true },
    transform: { legacyDecorator: true, decoratorMetadata: true, useDefineForClassFields: false },
    target: 'es2022',
    keepClassNames: true,
  },
  module: { type: 'es6' },
  sourceMaps: 'inline',
};

const swc = {
  name: 'swc',
  setup(b) {
    b.onLoad({ filter: /\.ts$/ }, async (args) => {
      const out = await transformFile(args.path, { ...swcOptions, filename: args.path, swcrc: false, configFile: false });
      return { contents: out.code, loader: 'js' };
    });
  },
};

rmSync(outdir, { recursive: true, force: true });
await build({
  absWorkingDir: root,
  entryPoints: { main: 'apps/api/src/main.ts', cli: 'apps/api/src/cli.ts' },
  outdir,
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  packages: 'external',
  tsconfig: 'tsconfig.base.json',
  sourcemap: 'linked',
  keepNames: true,
  logLevel: 'warning',
  plugins: [swc],
});
console.log(`built ${outdir}`);
