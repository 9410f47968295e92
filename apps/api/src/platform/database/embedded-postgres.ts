import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Extension, PGlite } from '@electric-sql/pglite';
import type { PGLiteSocketServer } from '@electric-sql/pglite-socket';

/**
 * The embedded PostgreSQL: PGlite (PostgreSQL compiled to WebAssembly) served over the PostgreSQL wire protocol on a
 * loopback port by pglite-socket, so that `pg` and TypeORM connect to it exactly as to a PostgreSQL server and the
 * server runs one code path with one SQL dialect.
 *
 * PGlite is a single session: pglite-socket queues statements, not transactions, so two connections would see each
 * other's open transactions. The server therefore connects to it with a pool of one connection (see
 * createDataSource) and the socket server accepts only one.
 */
export class EmbeddedPostgres {
  private constructor(
    private readonly db: PGlite,
    private readonly server: PGLiteSocketServer,
    readonly url: string,
    private readonly lockFile: string | null,
  ) {}

  /**
   * Starts PGlite persisted under `dataDir` (or in memory when null, from `template` when given: a snapshot's files,
   * which spares PostgreSQL's initdb and the migrations) and serves it on 127.0.0.1.
   */
  static async start(dataDir: string | null, template?: Blob): Promise<EmbeddedPostgres> {
    // PGlite loads as an ES module; the dynamic imports keep this file loadable from CommonJS.
    const { PGlite } = await import('@electric-sql/pglite');
    const { PGLiteSocketServer } = await import('@electric-sql/pglite-socket');
    // pg_trgm: search matches titles and names with typos (migration Search1796590000000).
    // (Its subpath has types only under node16 module resolution, hence the cast.)
    const { pg_trgm } = (await import('@electric-sql/pglite/contrib/pg_trgm' as string)) as { pg_trgm: Extension };
    const extensions = { pg_trgm };
    let lockFile: string | null = null;
    let db: PGlite;
    if (dataDir) {
      mkdirSync(dataDir, { recursive: true });
      lockFile = join(dataDir, 'pgdata.lock');
      takeLock(lockFile);
      try {
        db = await PGlite.create(join(dataDir, 'pgdata'), { extensions });
      } catch (error) {
        rmSync(lockFile, { force: true });
        throw error;
      }
    } else {
      db = await PGlite.create(template ? { loadDataDir: template, extensions } : { extensions });
    }
    const server = new PGLiteSocketServer({ db, host: '127.0.0.1', port: 0, maxConnections: 1 });
    await server.start();
    const address = (server as unknown as { server: { address(): { port: number } } }).server.address();
    return new EmbeddedPostgres(db, server, `postgresql://postgres@127.0.0.1:${address.port}/postgres`, lockFile);
  }

  /** A copy of the database's files, uncompressed (PGlite's dumpDataDir), to start another in-memory one from. */
  snapshot(): Promise<Blob> {
    return this.db.dumpDataDir('none');
  }

  async stop(): Promise<void> {
    await this.server.stop();
    await this.db.close();
    if (this.lockFile) rmSync(this.lockFile, { force: true });
  }
}

/** Two processes on one PGlite data folder would corrupt it: refuse the second one with a clear message. */
function takeLock(lockFile: string): void {
  try {
    const pid = Number(readFileSync(lockFile, 'utf8'));
    if (pid && pid !== process.pid && isAlive(pid)) {
      throw new Error(
        `The embedded database in ${lockFile.replace(/pgdata\.lock$/, '')} is in use by process ${pid}. ` +
          'Stop that server, or set DATA_DIR to another folder, or DATABASE_URL to a PostgreSQL server.',
      );
    }
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  writeFileSync(lockFile, String(process.pid));
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
