import 'reflect-metadata';
import { parseArgs } from 'node:util';
import { ConfigError, loadConfig } from './platform/config/app-config';
import { Database } from './platform/database/database';
import { entities } from './entities';
import { createWorkspace } from './workspaces/create-workspace';

const USAGE = `Commonplan administration (reads the same environment as the server)

  node dist/api/cli.js migrate
      run pending database migrations
  node dist/api/cli.js create-workspace --slug <slug> --name <name> --short <short name> --coordinator <email> [--coordinator-name <name>]
      create a workspace for a new association and invite its first coordinator by e-mail`;

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
  console.error(`unknown command "${command}"\n\n${USAGE}`);
  return 1;
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error) => {
    console.error(error instanceof ConfigError ? error.message : error);
    process.exit(1);
  },
);
