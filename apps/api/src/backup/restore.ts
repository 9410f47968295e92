import { createHash } from 'node:crypto';
import type { DataSource, QueryRunner } from 'typeorm';
import { latestMigration } from './backup';
import { type BackupHeader, type BackupScope, backupLines, type RowLine, type VerifiedBackup, verifyBackupFile } from './backup-file';
import { BackupRefusal } from './backup-refusal';
import { markEverythingForSearch } from '../search/search-marks';
import { holdTriggers, releaseTriggers } from './held-triggers';
import { decodeValue, placeholder } from './row-codec';
import { type ColumnInfo, ident, SchemaCatalog } from './schema-catalog';
import { insertRefusal, PeopleMerge, refuseExistingWorkspace } from './workspace-restore';
import { USERS_TABLE } from './workspace-scope';

export interface RestoreSummary {
  file: string;
  scope: BackupScope;
  migration: string;
  /** The rows of each table the backup holds (people kept as the database had them count too: see keptPeople). */
  rows: Record<string, number>;
  /** People of a workspace's backup who were in the database already, kept as they are there (not overwritten). */
  keptPeople: number;
  /** Triggers that guard inserts (a closed vote takes no ballot), held back while the rows go in: see held-triggers.ts. */
  heldTriggers: string[];
}

/** Rows per INSERT, within PostgreSQL's 65,535 parameters and a few megabytes per statement. */
const BATCH_ROWS = 500;
const BATCH_PARAMETERS = 30_000;
const BATCH_BYTES = 8 * 1024 * 1024;

/**
 * Restores a backup into a database that is migrated to the backup's migration level (the command line runs the
 * migrations first): a whole database's into an empty database only; a workspace's into an empty database or beside
 * other workspaces, when that workspace is not there (workspace-restore.ts), its people merged with the database's.
 * Refuses, writing nothing, when the file does not match its checksum, the level differs, the database is not empty
 * (a whole database's backup) or the workspace is there, or a row clashes with one of the database (a key that is
 * there already, a reference to a row that is nowhere). Inserts every row in foreign-key order in one transaction,
 * with the ids it had, then moves each serial sequence past the largest value of its column, never back. `verified`:
 * the file as verifyBackupFile read it, when the caller already checked it.
 */
export async function restoreDatabase(dataSource: DataSource, file: string, options: { verified?: VerifiedBackup } = {}): Promise<RestoreSummary> {
  const { header, trailer } = options.verified ?? (await verifyBackupFile(file));
  const runner = dataSource.createQueryRunner();
  try {
    await runner.connect();
    await runner.startTransaction();
    const migration = await latestMigration(runner);
    if (migration !== header.migration) {
      throw new BackupRefusal(
        `the backup was made at migration ${header.migration} and this database is at ${migration}: ` +
          'restore it with the version of Commonplan that made it, then upgrade',
      );
    }
    const catalog = await SchemaCatalog.read(runner);
    const columns = matchTables(catalog, header);
    const tables = header.tables.map((t) => t.name);
    let people: PeopleMerge | null = null;
    if (header.scope.kind === 'workspace') {
      // Beside the other workspaces: the tables the backup holds are locked, so that the checks stay true until the
      // commit (their writers wait for the restore; readers go on, seeing the database as it was until then).
      await lockTables(runner, tables);
      await refuseExistingWorkspace(runner, header.scope);
      const userColumns = columns.get(USERS_TABLE);
      if (userColumns) people = new PeopleMerge(runner, userColumns, (rows) => insertBatch(runner, USERS_TABLE, userColumns, rows));
    } else {
      // Nobody writes while the rows go in (the check that the tables are empty stays true until the commit).
      const all = [...catalog.tables.keys()];
      await lockTables(runner, all);
      const filled = await nonEmptyTables(runner, all);
      if (filled.length > 0) {
        throw new BackupRefusal(
          `the database is not empty (${filled.slice(0, 3).join(', ')}${filled.length > 3 ? ', …' : ''} hold rows): ` +
            'restore into a new database, which the restore migrates',
        );
      }
    }
    const held = await holdTriggers(runner, tables, 'insert');
    const rows = await insertRows(runner, file, columns, (table, batch) => {
      if (people && table === USERS_TABLE) return people.add(batch);
      return insertBatch(runner, table, columns.get(table) as ColumnInfo[], batch);
    });
    if (rows.sha256 !== trailer.sha256) throw new BackupRefusal(`${file} changed while it was being restored; nothing was restored`);
    for (const table of tables) {
      if ((rows.counts[table] ?? 0) !== (trailer.rows[table] ?? 0)) throw new BackupRefusal(`${file} changed while it was being restored; nothing was restored`);
    }
    await restoreSequences(runner, tables);
    await releaseTriggers(runner, held);
    // The search index is not in backups: what came back is indexed anew once committed.
    await markEverythingForSearch(runner);
    await runner.commitTransaction();
    const restored = Object.fromEntries(tables.map((table) => [table, rows.counts[table] ?? 0]));
    return { file, scope: header.scope, migration, rows: restored, keptPeople: people?.kept ?? 0, heldTriggers: held.map((t) => `${t.table}.${t.name}`) };
  } catch (error) {
    if (runner.isTransactionActive) await runner.rollbackTransaction().catch(() => undefined);
    throw error;
  } finally {
    await runner.release();
  }
}

/** Locks the tables against writers (readers go on) until the transaction ends. */
async function lockTables(runner: QueryRunner, tables: string[]): Promise<void> {
  if (tables.length > 0) await runner.query(`LOCK TABLE ${tables.map(ident).join(', ')} IN EXCLUSIVE MODE`);
}

/** Each table of the backup as the database has it, column for column, or a refusal naming the difference. */
function matchTables(catalog: SchemaCatalog, header: BackupHeader): Map<string, ColumnInfo[]> {
  const columns = new Map<string, ColumnInfo[]>();
  for (const table of header.tables) {
    const here = catalog.tables.get(table.name);
    if (!here) throw new BackupRefusal(`the backup holds a table ${table.name} that this database does not have`);
    const wanted = table.columns.map(([name, type]) => `${name} ${type}`).join(', ');
    const have = here.columns.map((c) => `${c.name} ${c.type}`).join(', ');
    if (wanted !== have) throw new BackupRefusal(`the table ${table.name} of the backup (${wanted}) differs from this database's (${have})`);
    columns.set(table.name, here.columns);
  }
  return columns;
}

async function nonEmptyTables(runner: QueryRunner, tables: string[]): Promise<string[]> {
  const filled: string[] = [];
  for (const table of tables) {
    const [row] = await runner.query(`SELECT EXISTS (SELECT 1 FROM ${ident(table)}) AS filled`);
    if (row.filled) filled.push(table);
  }
  return filled;
}

/**
 * Reads the file again and inserts its rows in batches, hashing the lines as it goes: the caller compares the hash with
 * the trailer's before it commits, so a file changed since it was verified is not restored.
 */
async function insertRows(
  runner: QueryRunner,
  file: string,
  columns: Map<string, ColumnInfo[]>,
  insert: (table: string, rows: unknown[][]) => Promise<void>,
): Promise<{ counts: Record<string, number>; sha256: string }> {
  const hash = createHash('sha256');
  const counts: Record<string, number> = {};
  let batch: { table: string; rows: unknown[][]; bytes: number } | null = null;
  const flush = async () => {
    const full = batch;
    batch = null;
    if (!full || full.rows.length === 0) return;
    try {
      await insert(full.table, full.rows);
    } catch (error) {
      throw insertRefusal(error, full.table);
    }
  };
  let previous: Buffer | null = null;
  let lineNumber = 0;
  for await (const line of backupLines(file)) {
    if (previous) {
      hash.update(previous).update('\n');
      // Line 1 is the header; the last one (still in `previous` when the loop ends) is the trailer.
      if (lineNumber > 1) {
        const row = parseRow(previous);
        const tableColumns = row ? columns.get(row.t) : undefined;
        if (!row || !tableColumns || !Array.isArray(row.v) || row.v.length !== tableColumns.length) {
          // The file was verified before: it has changed since.
          throw new BackupRefusal(`${file} changed while it was being restored (line ${lineNumber} is not a row); nothing was restored`);
        }
        if (batch && (batch.table !== row.t || batch.rows.length >= Math.min(BATCH_ROWS, BATCH_PARAMETERS / tableColumns.length) || batch.bytes >= BATCH_BYTES)) await flush();
        batch ??= { table: row.t, rows: [], bytes: 0 };
        batch.rows.push(row.v.map((value, i) => decodeValue(tableColumns[i], value)));
        batch.bytes += previous.length;
        counts[row.t] = (counts[row.t] ?? 0) + 1;
      }
    }
    previous = Buffer.from(line);
    lineNumber += 1;
  }
  await flush();
  return { counts, sha256: hash.digest('hex') };
}

function parseRow(line: Buffer): RowLine | null {
  try {
    return JSON.parse(line.toString('utf8')) as RowLine;
  } catch {
    return null;
  }
}

async function insertBatch(runner: QueryRunner, table: string, columns: ColumnInfo[], rows: unknown[][]): Promise<void> {
  // Identity columns take the restored value instead of a new one (serial columns do so anyway).
  const overriding = columns.some((c) => c.identity) ? 'OVERRIDING SYSTEM VALUE' : '';
  const values = rows.map((_, r) => `(${columns.map((column, i) => placeholder(column, r * columns.length + i + 1)).join(', ')})`);
  await runner.query(
    `INSERT INTO ${ident(table)} (${columns.map((c) => ident(c.name)).join(', ')}) ${overriding} VALUES ${values.join(', ')}`,
    rows.flat(),
  );
}

/**
 * Moves every serial or identity sequence of the restored tables past the largest value of its column, never back (a
 * database that holds other workspaces may have handed out larger values, of rows since deleted too).
 */
async function restoreSequences(runner: QueryRunner, tables: string[]): Promise<void> {
  for (const table of tables) {
    const sequences: { column: string; sequence: string }[] = await runner.query(
      `SELECT a.attname AS column, pg_get_serial_sequence($1::text, a.attname) AS sequence
       FROM pg_attribute a WHERE a.attrelid = $1::text::regclass AND a.attnum > 0 AND NOT a.attisdropped
         AND pg_get_serial_sequence($1::text, a.attname) IS NOT NULL`,
      [`public.${ident(table)}`],
    );
    for (const { column, sequence } of sequences) {
      // `sequence` is pg_get_serial_sequence's, a qualified name quoted where it needs to be.
      await runner.query(
        `SELECT setval($1, x.m, true) FROM (SELECT max(${ident(column)}) AS m FROM ${ident(table)}) x, ${sequence} s
         WHERE x.m > s.last_value OR (x.m = s.last_value AND NOT s.is_called)`,
        [sequence],
      );
    }
  }
}
