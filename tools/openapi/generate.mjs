// `npm run openapi:generate`: writes the web app's copy of the API contract (apps/web/src/api/openapi.json and the
// types in schema.d.ts) from the API's code, without a database. `--check` writes nothing and exits 1 when a
// committed file differs from what the code produces. The API's TypeScript is bundled as for the build
// (tools/build-api.mjs: SWC for the decorator metadata that @nestjs/swagger reads) into node_modules/.cache.
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';
import { build } from 'esbuild';
import { apiBuildOptions } from '../build-api.mjs';

const root = resolve(import.meta.dirname, '../..');

/** The generated files' contents by path (relative to the repository), from the API's current code. */
export async function renderContract() {
  const dir = join(root, 'node_modules/.cache/commonplan-openapi');
  mkdirSync(dir, { recursive: true });
  const { outputFiles } = await build({
    ...apiBuildOptions({ contract: 'tools/openapi/contract.ts' }, dir),
    write: false,
    sourcemap: 'inline',
  });
  const code = outputFiles[0].contents;
  const file = join(dir, `contract-${process.pid}.cjs`);
  writeFileSync(file, code);
  try {
    return await createRequire(import.meta.url)(file).renderContract();
  } finally {
    rmSync(file, { force: true });
  }
}

/** The paths whose committed content differs from `files`. */
export function staleFiles(files) {
  return Object.entries(files)
    .filter(([path, content]) => {
      try {
        return readFileSync(join(root, path), 'utf8') !== content;
      } catch {
        return true;
      }
    })
    .map(([path]) => path);
}

async function main() {
  const files = await renderContract();
  const stale = staleFiles(files);
  if (process.argv.includes('--check')) {
    if (stale.length === 0) return console.log('the API contract is up to date');
    console.error(`stale: ${stale.join(', ')}\nrun \`npm run openapi:generate\` and commit the result`);
    process.exit(1);
  }
  for (const path of stale) writeFileSync(join(root, path), files[path]);
  console.log(stale.length === 0 ? 'the API contract is up to date' : `wrote ${stale.join(', ')}`);
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(import.meta.filename)) {
  await main();
  process.exit(0);
}
