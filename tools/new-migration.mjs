// npm run db:migration:create -- <name>: writes apps/api/src/platform/database/migrations/<timestamp>-<name>.ts with an
// empty up/down and registers it in migrations/index.ts (the build bundles migrations, so they are listed, not globbed).
import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';

const name = process.argv[2];
if (!name || !/^[a-z][a-z0-9-]*$/.test(name)) {
  console.error('usage: npm run db:migration:create -- <kebab-case-name>   e.g. document-comments');
  process.exit(1);
}
const dir = resolve(import.meta.dirname, '../apps/api/src/platform/database/migrations');
const stamp = Date.now();
const className = `${name.replace(/(^|-)([a-z0-9])/g, (_, __, c) => c.toUpperCase())}${stamp}`;
const file = `${stamp}-${name}`;
writeFileSync(
  resolve(dir, `${file}.ts`),
  `import type { MigrationInterface, QueryRunner } from 'typeorm';

export class ${className} implements MigrationInterface {
  name = '${className}';

  async up(q: QueryRunner): Promise<void> {
    await q.query(\`\`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(\`\`);
  }
}
`,
);
const indexPath = resolve(dir, 'index.ts');
let index = readFileSync(indexPath, 'utf8');
index = index.replace(/^(import [^\n]+\n)(?![\s\S]*^import )/m, `$1import { ${className} } from './${file}';\n`);
index = index.replace(/export const migrations = \[([^\]]*)\];/, (_, list) => `export const migrations = [${list.trim()}, ${className}];`);
writeFileSync(indexPath, index);
console.log(`created migrations/${file}.ts and registered ${className} in migrations/index.ts`);
