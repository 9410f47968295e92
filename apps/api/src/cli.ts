import 'reflect-metadata';
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { backupDatabase } from './backup/backup';
import { verifyBackupFile } from './backup/backup-file';
import { BackupRefusal } from './backup/backup-refusal';
import { restoreDatabase } from './backup/restore';
import { deleteWorkspace } from './backup/workspace-delete';
import { ConfigError, loadConfig } from './platform/config/app-config';
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
    const database = await Database.open(config, entities, { migrate: false });
    try {
      const ran = await database.dataSource.runMigrations({ transaction: 'each' });
      console.log(ran.length ? `ran ${ran.map((m) => m.name).join(', ')}` : 'the database is up to date');
    } finally {
      await database.close();
    }
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
    const database = await Database.open(config, entities);
    try {
      const result = await createWorkspace(database.dataSource, config, {
        slug: values.slug as string,
        name: values.name as string,
        shortName: values.short as string,
        coordinatorEmail: values.coordinator as string,
        coordinatorName: values['coordinator-name'] ?? null,
      });
      console.log(`created workspace ${result.workspaceId}; invitation link for the coordinator:\n${result.invitationLink}`);
    } finally {
      await database.close();
    }
    return 0;
  }
  if (command === 'backup') {
    const values = options(rest, { out: { type: 'string' }, workspace: { type: 'string' } });
    if (!values) return 1;
    if (typeof values.out !== 'string') return usage('--out <file> is required');
    // A backup reads; it leaves the database as it found it, migrations included.
    const database = await Database.open(config, entities, { migrate: false });
    try {
      const summary = await backupDatabase(database.dataSource, { out: values.out, workspace: (values.workspace as string | undefined) ?? null });
      const rows = Object.values(summary.rows).reduce((sum, n) => sum + n, 0);
      const scope = summary.scope.kind === 'workspace' ? `workspace ${summary.scope.slug} (${summary.scope.id})` : 'the whole database';
      console.log(`wrote ${summary.file}: ${scope}, ${rows} rows of ${Object.keys(summary.rows).length} tables, at migration ${summary.migration}`);
    } finally {
      await database.close();
    }
    return 0;
  }
  if (command === 'restore') {
    const values = options(rest, { in: { type: 'string' } });
    if (!values) return 1;
    if (typeof values.in !== 'string') return usage('--in <file> is required');
    // The file is checked before the database is opened (and migrated): a damaged file changes nothing.
    const verified = await verifyBackupFile(values.in);
    const database = await Database.open(config, entities);
    try {
      const summary = await restoreDatabase(database.dataSource, values.in, { verified });
      const rows = Object.values(summary.rows).reduce((sum, n) => sum + n, 0);
      const scope = summary.scope.kind === 'workspace' ? `workspace ${summary.scope.slug} (${summary.scope.id})` : 'the whole database';
      const kept = summary.keptPeople ? `; ${summary.keptPeople} of its people were in the database already and are kept as they are there` : '';
      console.log(`restored ${summary.file}: ${scope}, ${rows} rows of ${Object.keys(summary.rows).length} tables, at migration ${summary.migration}${kept}`);
    } finally {
      await database.close();
    }
    return 0;
  }
  if (command === 'delete-workspace') {
    const values = options(rest, { workspace: { type: 'string' }, backup: { type: 'string' } });
    if (!values) return 1;
    if (typeof values.workspace !== 'string') return usage('--workspace <id or slug> is required');
    if (typeof values.backup !== 'string') return usage('--backup <file> is required: what is deleted is written there first');
    const database = await Database.open(config, entities, { migrate: false });
    try {
      const summary = await deleteWorkspace(database.dataSource, { workspace: values.workspace, backup: values.backup });
      const rows = Object.values(summary.rows).reduce((sum, n) => sum + n, 0);
      const scope = summary.backup.scope.kind === 'workspace' ? `workspace ${summary.backup.scope.slug} (${summary.backup.scope.id})` : '';
      console.log(`deleted ${scope}: ${rows} rows of ${Object.keys(summary.rows).length} tables, written first to ${summary.backup.file}`);
    } finally {
      await database.close();
    }
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
