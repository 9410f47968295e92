import { existsSync, renameSync, rmSync } from 'node:fs';
import type { DataSource, QueryRunner } from 'typeorm';
import { BACKUP_FORMAT, BACKUP_FORMAT_VERSION, type BackupHeader, type BackupScope, BackupWriter } from './backup-file';
import { BackupRefusal } from './backup-refusal';
import { encodeValue, selectExpression } from './row-codec';
import { ident, MIGRATIONS_TABLE, SchemaCatalog } from './schema-catalog';
import { USERS_TABLE, WORKSPACE_LOOKUP, WorkspaceScope } from './workspace-scope';

export interface BackupOptions {
  /** The file to write; it must not exist yet. */
  out: string;
  /** A workspace's id or slug: back up that workspace only. */
  workspace?: string | null;
}

export interface BackupSummary {
  file: string;
  scope: BackupScope;
  migration: string;
  rows: Record<string, number>;
}

/** Rows read per round trip: few where a row can hold megabytes (Yjs snapshots, attachments). */
const FETCH_ROWS = 1000;
const FETCH_ROWS_WITH_BYTES = 10;

/**
 * Writes a backup of the whole database, or of one workspace, to `out` (see backup-file.ts for the format). Reads in
 * one read-only REPEATABLE READ transaction, so the backup is one consistent moment even while the server runs on
 * PostgreSQL, and streams each table through a cursor ordered by its primary key: no table is held in memory. The file
 * appears under its name only once complete.
 */
export async function backupDatabase(dataSource: DataSource, options: BackupOptions): Promise<BackupSummary> {
  const runner = dataSource.createQueryRunner();
  try {
    await runner.connect();
    await runner.startTransaction('REPEATABLE READ');
    await runner.query('SET TRANSACTION READ ONLY');
    const summary = await writeBackup(runner, options);
    await runner.commitTransaction();
    return summary;
  } catch (error) {
    if (runner.isTransactionActive) await runner.rollbackTransaction().catch(() => undefined);
    throw error;
  } finally {
    await runner.release();
  }
}

/**
 * Writes the backup within the caller's transaction, which must be REPEATABLE READ (one consistent moment) and may go
 * on to change what it backed up (deleteWorkspace). The file appears under its name only once complete.
 */
export async function writeBackup(runner: QueryRunner, options: BackupOptions): Promise<BackupSummary> {
  if (existsSync(options.out)) throw new BackupRefusal(`${options.out} already exists: a backup never overwrites a file`);
  const partial = `${options.out}.partial`;
  let writer: BackupWriter | null = null;
  try {
    // Values are read in their text forms (row-codec.ts): fix the settings those forms depend on.
    await runner.query(`SET LOCAL TimeZone = 'UTC'`);
    await runner.query(`SET LOCAL DateStyle = 'ISO, YMD'`);
    await runner.query(`SET LOCAL IntervalStyle = 'postgres'`);
    await runner.query(`SET LOCAL extra_float_digits = 1`);
    const migration = await latestMigration(runner);
    const catalog = await SchemaCatalog.read(runner);
    let scope: BackupScope = { kind: 'database' };
    let workspaceScope: WorkspaceScope | null = null;
    if (options.workspace) {
      const workspace = await findWorkspace(runner, options.workspace);
      scope = { kind: 'workspace', id: workspace.id, slug: workspace.slug };
      workspaceScope = new WorkspaceScope(catalog, workspace.id);
    }
    const included = workspaceScope ? workspaceScope.tables() : [...catalog.tables.keys()];
    const order = catalog.foreignKeyOrder(included);
    const header: BackupHeader = {
      type: BACKUP_FORMAT,
      format: BACKUP_FORMAT_VERSION,
      migration,
      createdAt: new Date().toISOString(),
      scope,
      tables: order.map((name) => ({ name, columns: catalog.table(name).columns.map((c): [string, string] => [c.name, c.type]) })),
      leftOut: [...catalog.tables.keys()].filter((name) => !included.includes(name)).sort(),
    };
    writer = new BackupWriter(partial, options.out);
    await writer.line(header);
    const rows: Record<string, number> = {};
    for (const name of order) rows[name] = await writeTable(runner, writer, catalog, name, workspaceScope);
    await writer.finish(rows);
    writer = null;
    renameSync(partial, options.out);
    return { file: options.out, scope, migration, rows };
  } catch (error) {
    await writer?.abort();
    rmSync(partial, { force: true });
    throw error;
  }
}

/** The last migration applied (TypeORM's migrations table), which a restore's database must be at too. */
export async function latestMigration(runner: QueryRunner): Promise<string> {
  const [table] = await runner.query(`SELECT to_regclass($1) IS NOT NULL AS present`, [`public.${MIGRATIONS_TABLE}`]);
  if (!table.present) throw new BackupRefusal('the database has never been migrated (it has no migrations table)');
  const [last] = await runner.query(`SELECT name FROM ${ident(MIGRATIONS_TABLE)} ORDER BY timestamp DESC, id DESC LIMIT 1`);
  if (!last) throw new BackupRefusal('the database has never been migrated (no migration is recorded)');
  return last.name as string;
}

/** The workspace of that id or slug, or a refusal naming what was given. */
export async function findWorkspace(runner: QueryRunner, idOrSlug: string): Promise<{ id: string; slug: string }> {
  const [workspace] = await runner.query(WORKSPACE_LOOKUP, [idOrSlug]);
  if (!workspace) throw new BackupRefusal(`there is no workspace "${idOrSlug}" (give a workspace's id or its slug)`);
  return workspace;
}

/** Streams one table's rows (in scope) to the file through a cursor; returns how many. */
async function writeTable(runner: QueryRunner, writer: BackupWriter, catalog: SchemaCatalog, name: string, scope: WorkspaceScope | null): Promise<number> {
  const table = catalog.table(name);
  const columns = table.columns.map((column, i) => {
    const credential = scope && name === USERS_TABLE ? scope.usersColumn(column.name, 't') : null;
    return `${selectExpression(column, 't', credential ?? undefined)} AS c${i}`;
  });
  const where = scope ? `WHERE ${scope.filter(name, 't')}` : '';
  const pk = table.primaryKey.map((c) => `t.${ident(c)}`).join(', ');
  const self = catalog.selfReferences(name);
  let sql: string;
  if (self.length > 0 && table.primaryKey.length > 0) {
    // A row that points to another row of its table must come after it: rows go by their depth from the rows that
    // point to none, then by primary key.
    const keys = [...new Set([...table.primaryKey, ...self.flatMap((fk) => fk.referencedColumns)])];
    const root = self
      .map((fk) => {
        const unset = fk.columns.map((c) => `r.${ident(c)} IS NULL`).join(' OR ');
        const itself = fk.columns.map((c, i) => `r.${ident(c)} = r.${ident(fk.referencedColumns[i])}`).join(' AND ');
        return `(${unset} OR (${itself}))`;
      })
      .join(' AND ');
    const step = self.map((fk) => `(${fk.columns.map((c, i) => `c.${ident(c)} = w.${ident(fk.referencedColumns[i])}`).join(' AND ')})`).join(' OR ');
    const other = table.primaryKey.map((c) => `c.${ident(c)} IS DISTINCT FROM w.${ident(c)}`).join(' OR ');
    const keyList = keys.map(ident).join(', ');
    const pkList = table.primaryKey.map(ident).join(', ');
    sql = `WITH RECURSIVE walk (${keyList}, walk_depth) AS (
             SELECT ${keys.map((k) => `r.${ident(k)}`).join(', ')}, 0 FROM ${ident(name)} r WHERE ${root}
             UNION ALL
             SELECT ${keys.map((k) => `c.${ident(k)}`).join(', ')}, w.walk_depth + 1 FROM ${ident(name)} c JOIN walk w ON (${step}) AND (${other})
             WHERE w.walk_depth < (SELECT count(*) FROM ${ident(name)})
           ), depths AS (SELECT ${pkList}, max(walk_depth) AS walk_depth FROM walk GROUP BY ${pkList})
           SELECT ${columns.join(', ')} FROM ${ident(name)} t
           LEFT JOIN depths d ON ${table.primaryKey.map((c) => `d.${ident(c)} = t.${ident(c)}`).join(' AND ')}
           ${where} ORDER BY d.walk_depth NULLS LAST, ${pk}`;
  } else {
    sql = `SELECT ${columns.join(', ')} FROM ${ident(name)} t ${where} ORDER BY ${pk || 't::text'}`;
  }
  const size = table.columns.some((c) => c.typeName === 'bytea') ? FETCH_ROWS_WITH_BYTES : FETCH_ROWS;
  await runner.query(`DECLARE backup_rows NO SCROLL CURSOR FOR ${sql}`);
  let count = 0;
  for (;;) {
    const batch: Record<string, unknown>[] = await runner.query(`FETCH ${size} FROM backup_rows`);
    for (const row of batch) {
      await writer.line({ t: name, v: table.columns.map((column, i) => encodeValue(column, row[`c${i}`])) });
    }
    count += batch.length;
    if (batch.length < size) break;
  }
  await runner.query('CLOSE backup_rows');
  return count;
}
