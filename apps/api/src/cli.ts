import 'reflect-metadata';
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { backupDatabase } from './backup/backup';
import { type BackupScope, verifyBackupFile } from './backup/backup-file';
import { BackupRefusal } from './backup/backup-refusal';
import { restoreDatabase } from './backup/restore';
import { deleteWorkspace } from './backup/workspace-delete';
import { type AppConfig, ConfigError, loadConfig } from './platform/config/app-config';
import { Database } from './platform/database/database';
import { entities } from './entities';
import { createWorkspace } from './workspaces/create-workspace';

const USAGE = `Commonplan administration (reads the same environment as the server)

  node dist/api/cli.js migrate
      run pending database migrations
  node dist/api/cli.js create-workspace --slug <slug> --name <name> --short <short name> --coordinator <email> [--coordinator-name <name>]
      create a workspace for a new association and invite its first coordinator by e-mail
  node dist/api/cli.js backup --out <file> [--workspace <id or slug>]
      write a backup of the whole database, or of one workspace, to a new file (gzip'ed JSON lines); on the
      embedded database, stop the server first
  node dist/api/cli.js restore --in <file>
      restore a backup into a database migrated first to the backup's level: a whole database's into an empty one; a
      workspace's into an empty one or beside the other workspaces of a database that does not hold that workspace
      (delete a damaged one first), keeping the people it holds already as they are; on the embedded database, stop
      the server first. Refuses, writing nothing, a damaged file, a database that is not empty (a whole database's
      backup) or holds the workspace, and rows that clash with the database's
  node dist/api/cli.js delete-workspace --workspace <id or slug> --backup <file>
      delete one workspace and everything it holds (not its people, who may belong to other workspaces), after
      writing exactly what it deletes to a new backup file, in one transaction that keeps writers to its tables waiting
      meanwhile; to replace a damaged workspace, restore an earlier backup of it afterwards`;

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  if (!command || command === 'help' || command === '--help') {
    console.log(USAGE);
    return command ? 0 : 1;
  }
  const config = loadConfig(process.env);
  if (command === 'migrate') {
    const ran = await withDatabase(config, { migrate: false }, (database) => database.dataSource.runMigrations({ transaction: 'each' }));
    console.log(ran.length ? `ran ${ran.map((m) => m.name).join(', ')}` : 'the database is up to date');
    return 0;
  }
  if (command === 'create-workspace') {
    const { values } = parseArgs({
      args: rest,
      options: {
        slug: { type: 'string' },
        name: { type: 'string' },
        short: { type: 'string' },
        coordinator: { type: 'string' },
        'coordinator-name': { type: 'string' },
      },
    });
    for (const field of ['slug', 'name', 'short', 'coordinator'] as const) {
      if (!values[field]) {
        console.error(`--${field} is required\n\n${USAGE}`);
        return 1;
      }
    }
    const result = await withDatabase(config, {}, (database) =>
      createWorkspace(database.dataSource, config, {
        slug: values.slug as string,
        name: values.name as string,
        shortName: values.short as string,
        coordinatorEmail: values.coordinator as string,
        coordinatorName: values['coordinator-name'] ?? null,
      }),
    );
    console.log(`created workspace ${result.workspaceId}; invitation link for the coordinator:\n${result.invitationLink}`);
    return 0;
  }
  if (command === 'backup') {
    const values = options(rest, { out: { type: 'string' }, workspace: { type: 'string' } });
    if (!values) return 1;
    if (typeof values.out !== 'string') return usage('--out <file> is required');
    // A backup reads; it leaves the database as it found it, migrations included.
    const summary = await withDatabase(config, { migrate: false }, (database) =>
      backupDatabase(database.dataSource, { out: values.out as string, workspace: (values.workspace as string | undefined) ?? null }),
    );
    console.log(`wrote ${summary.file}: ${scopeName(summary.scope)}, ${rowCount(summary.rows)}, at migration ${summary.migration}`);
    return 0;
  }
  if (command === 'restore') {
    const values = options(rest, { in: { type: 'string' } });
    if (!values) return 1;
    if (typeof values.in !== 'string') return usage('--in <file> is required');
    // The file is checked before the database is opened (and migrated): a damaged file changes nothing.
    const verified = await verifyBackupFile(values.in);
    const summary = await withDatabase(config, {}, (database) => restoreDatabase(database.dataSource, values.in as string, { verified }));
    const kept = summary.keptPeople ? `; ${summary.keptPeople} of its people were in the database already and are kept as they are there` : '';
    console.log(`restored ${summary.file}: ${scopeName(summary.scope)}, ${rowCount(summary.rows)}, at migration ${summary.migration}${kept}`);
    return 0;
  }
  if (command === 'delete-workspace') {
    const values = options(rest, { workspace: { type: 'string' }, backup: { type: 'string' } });
    if (!values) return 1;
    if (typeof values.workspace !== 'string') return usage('--workspace <id or slug> is required');
    if (typeof values.backup !== 'string') return usage('--backup <file> is required: what is deleted is written there first');
    const summary = await withDatabase(config, { migrate: false }, (database) =>
      deleteWorkspace(database.dataSource, { workspace: values.workspace as string, backup: values.backup as string }),
    );
    console.log(`deleted ${scopeName(summary.backup.scope)}: ${rowCount(summary.rows)}, written first to ${summary.backup.file}`);
    return 0;
  }
  console.error(`unknown command "${command}"\n\n${USAGE}`);
  return 1;
}

/** The options of a command, or null (after printing why and the usage) when they do not parse. */
function options(args: string[], spec: NonNullable<ParseArgsConfig['options']>): Record<string, string | boolean | undefined> | null {
  try {
    return parseArgs({ args, options: spec, allowPositionals: false }).values as Record<string, string | boolean | undefined>;
  } catch (error) {
    usage((error as Error).message);
    return null;
  }
}

/** Opens the database for one command and closes it whatever happens. */
async function withDatabase<T>(config: AppConfig, options: { migrate?: boolean }, work: (database: Database) => Promise<T>): Promise<T> {
  const database = await Database.open(config, entities, options);
  try {
    return await work(database);
  } finally {
    await database.close();
  }
}

function scopeName(scope: BackupScope): string {
  return scope.kind === 'workspace' ? `workspace ${scope.slug} (${scope.id})` : 'the whole database';
}

/** "N rows of M tables". */
function rowCount(rows: Record<string, number>): string {
  return `${Object.values(rows).reduce((sum, n) => sum + n, 0)} rows of ${Object.keys(rows).length} tables`;
}

function usage(problem: string): number {
  console.error(`${problem}\n\n${USAGE}`);
  return 1;
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error) => {
    // Expected refusals are one line; anything else keeps its stack for whoever has to look into it.
    console.error(error instanceof ConfigError || error instanceof BackupRefusal ? error.message : error);
    process.exit(1);
  },
);
