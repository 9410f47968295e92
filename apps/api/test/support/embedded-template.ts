import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { entities } from '../../src/entities';
import { loadConfig } from '../../src/platform/config/app-config';
import { Database } from '../../src/platform/database/database';

const root = resolve(__dirname, '../../../..');
const migrations = resolve(__dirname, '../../src/platform/database/migrations');

/**
 * A migrated, empty embedded database's files, which each test's in-memory database starts from (about 0.5 s) instead
 * of PostgreSQL's initdb and every migration (about 3 s on 2 cores, for each of the many databases a run makes).
 * Made once for the migrations as they are (named by a hash of their files and PGlite's version) under
 * node_modules/.cache, written atomically, so test files and runs at the same time share it; on PostgreSQL
 * (DATABASE_URL) there is none.
 */
export function embeddedTemplate(): Promise<Blob | undefined> {
  // Read once per test file (a file may start several databases); a Blob is read anew by each database it starts.
  template ??= process.env.DATABASE_URL ? Promise.resolve(undefined) : readOrMakeTemplate();
  return template;
}

let template: Promise<Blob | undefined> | null = null;

async function readOrMakeTemplate(): Promise<Blob> {
  const dir = join(root, 'node_modules/.cache/commonplan-pglite');
  const file = join(dir, `migrated-${templateKey()}.tar`);
  if (!existsSync(file)) {
    const database = await Database.open(loadConfig({ NODE_ENV: 'test', DATA_DIR: dir }), entities, { embeddedDataDir: null });
    try {
      const snapshot = (await database.embeddedSnapshot()) as Blob;
      mkdirSync(dir, { recursive: true });
      const partial = `${file}.${process.pid}.partial`;
      writeFileSync(partial, Buffer.from(await snapshot.arrayBuffer()));
      renameSync(partial, file);
    } finally {
      await database.close();
    }
  }
  return new Blob([readFileSync(file)]);
}

function templateKey(): string {
  const hash = createHash('sha256');
  for (const name of readdirSync(migrations).sort()) hash.update(name).update(readFileSync(join(migrations, name)));
  hash.update(JSON.parse(readFileSync(join(root, 'node_modules/@electric-sql/pglite/package.json'), 'utf8')).version);
  return hash.digest('hex').slice(0, 16);
}
