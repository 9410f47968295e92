import type { Pool } from 'pg';
import { DataSource, type DataSourceOptions, type EntitySchema, type MixedList } from 'typeorm';
import type { AppConfig } from '../config/app-config';
import { AfterCommitSubscriber } from './after-commit';
import { EmbeddedPostgres } from './embedded-postgres';
import { migrations } from './migrations';

// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
export type EntityList = MixedList<Function | string | EntitySchema>;

/** The open database: TypeORM's DataSource plus, in embedded mode, the PGlite server behind it. */
export class Database {
  private constructor(
    readonly dataSource: DataSource,
    readonly kind: 'embedded' | 'postgres',
    private readonly embedded: EmbeddedPostgres | null,
  ) {}

  /**
   * Connects to DATABASE_URL, or starts the embedded PostgreSQL under DATA_DIR, and runs pending migrations.
   * `embeddedDataDir: null` keeps the embedded database in memory (tests), starting from `embeddedTemplate` when given
   * (a copy of an embedded database's files: `embeddedSnapshot`).
   */
  static async open(
    config: Pick<AppConfig, 'databaseUrl' | 'dataDir'>,
    entities: EntityList,
    options: { embeddedDataDir?: string | null; embeddedTemplate?: Blob; migrate?: boolean } = {},
  ): Promise<Database> {
    let embedded: EmbeddedPostgres | null = null;
    let url = config.databaseUrl;
    if (!url) {
      embedded = await EmbeddedPostgres.start(
        options.embeddedDataDir === undefined ? `${config.dataDir}` : options.embeddedDataDir,
        options.embeddedTemplate,
      );
      url = embedded.url;
    }
    const dataSource = new DataSource(dataSourceOptions(url, entities, embedded !== null));
    try {
      await dataSource.initialize();
      if (options.migrate !== false) await migrate(dataSource, embedded === null);
    } catch (error) {
      if (dataSource.isInitialized) await dataSource.destroy();
      await embedded?.stop();
      throw error;
    }
    return new Database(dataSource, embedded ? 'embedded' : 'postgres', embedded);
  }

  /**
   * The `pg` pool behind TypeORM, for the few hot statements that gain from what TypeORM does not offer: named
   * (prepared) statements and binary results. Same connections, same database.
   */
  get pool(): Pool {
    return (this.dataSource.driver as unknown as { master: Pool }).master;
  }

  /** A copy of the embedded database's files (an in-memory database's template: tests), or null on PostgreSQL. */
  async embeddedSnapshot(): Promise<Blob | null> {
    return this.embedded ? this.embedded.snapshot() : null;
  }

  async close(): Promise<void> {
    if (this.dataSource.isInitialized) await this.dataSource.destroy();
    await this.embedded?.stop();
  }
}

export function dataSourceOptions(url: string, entities: EntityList, embedded: boolean): DataSourceOptions {
  return {
    type: 'postgres',
    url,
    entities,
    migrations,
    subscribers: [AfterCommitSubscriber],
    migrationsTableName: 'migrations',
    synchronize: false,
    migrationsRun: false,
    // gen_random_uuid() is built into PostgreSQL 13+ and PGlite; uuid-ossp is not available in PGlite.
    uuidExtension: 'pgcrypto',
    installExtensions: false,
    // Failed statements surface as errors (ErrorFilter logs the unexpected ones); expected ones, such as a unique
    // violation answered with 409, need no log line.
    logging: ['warn', 'migration'],
    // PGlite is one session: one connection, kept open (see EmbeddedPostgres).
    extra: embedded ? { max: 1, idleTimeoutMillis: 0 } : { max: 10 },
  };
}

/** The advisory lock key migrations are run under (any constant; "commonplan migrations" as two int4). */
const MIGRATION_LOCK = [0x636f6d6d, 0x6d696772] as const;

/**
 * Runs pending migrations. On a PostgreSQL server several instances may start at once (a deployment's rollout): they
 * take turns under a session advisory lock, so each finds the others' migrations done instead of running them twice.
 * The embedded database has one process and one connection, and needs no lock.
 */
async function migrate(dataSource: DataSource, shared: boolean): Promise<void> {
  if (!shared) {
    await dataSource.runMigrations({ transaction: 'each' });
    return;
  }
  const runner = dataSource.createQueryRunner();
  await runner.connect();
  try {
    await runner.query(`SELECT pg_advisory_lock($1, $2)`, [...MIGRATION_LOCK]);
    try {
      await dataSource.runMigrations({ transaction: 'each' });
    } finally {
      await runner.query(`SELECT pg_advisory_unlock($1, $2)`, [...MIGRATION_LOCK]);
    }
  } finally {
    await runner.release();
  }
}
