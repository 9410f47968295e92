// Builds apps/api into dist/api: esbuild bundles our own code (the app and libs/*) into main.js and cli.js, and the
// worker that reads imported files (parse-worker.js, started from main.js: see document-files/import-parser.ts), and
// leaves every npm package external (PGlite loads its wasm from node_modules at run time). esbuild cannot emit
// TypeScript's decorator metadata, which NestJS's dependency injection reads, so each .ts file is compiled by SWC first.
// The API's tests import `apiBuildOptions` to bundle the worker the same way (apps/api/test/support/global-setup.mjs).
import { rmSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { transformFile } from '@swc/core';
import { build } from 'esbuild';

const root = resolve(import.meta.dirname, '..');

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

/** The bundles: the server, its command line, and the worker that parses imported files. */
export const API_ENTRY_POINTS = {
  main: 'apps/api/src/main.ts',
  cli: 'apps/api/src/cli.ts',
  'parse-worker': 'apps/api/src/document-files/parse-worker.ts',
};

/** esbuild's options for bundling `entryPoints` (name → source, relative to the repository) into `outdir`. */
export function apiBuildOptions(entryPoints, outdir) {
  return {
    absWorkingDir: root,
    entryPoints,
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
  };
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const outdir = resolve(root, 'dist/api');
  rmSync(outdir, { recursive: true, force: true });
  await build(apiBuildOptions(API_ENTRY_POINTS, outdir));
  console.log(`built ${outdir}`);
}
