import { entities } from '../src/entities';
import { loadConfig } from '../src/platform/config/app-config';
import { Database } from '../src/platform/database/database';
import { migrations } from '../src/platform/database/migrations';

// eslint-disable-next-line @typescript-eslint/no-require-imports, @nx/enforce-module-boundaries
const { createFreshDatabase } = require('../../../tools/test-db.cjs') as {
  createFreshDatabase(serverUrl?: string): Promise<{ url: string; drop(): Promise<void> } | null>;
};

/**
 * Instances of a deployment started together on an empty PostgreSQL (a rollout, docker compose up) take turns at the
 * migrations: every one starts, and each migration ran once.
 */
describe('migrations when several instances start at once', () => {
  it('runs each migration once, and every instance starts', async () => {
    const fresh = await createFreshDatabase(process.env.DATABASE_URL);
    if (!fresh) throw new Error('this suite needs DATABASE_URL (a PostgreSQL server the instances share)');
    const config = loadConfig({ NODE_ENV: 'test', DATABASE_URL: fresh.url, DATA_DIR: '/tmp', SEED_DEMO: 'false' });
    const opened: Database[] = [];
    try {
      const results = await Promise.allSettled([1, 2, 3].map(() => Database.open(config, entities)));
      for (const result of results) if (result.status === 'fulfilled') opened.push(result.value);
      expect(results.map((r) => (r.status === 'rejected' ? String(r.reason) : 'ok'))).toEqual(['ok', 'ok', 'ok']);
      const ran: { name: string; n: number }[] = await opened[0].dataSource.query(`SELECT name, count(*)::int AS n FROM migrations GROUP BY name`);
      expect(ran).toHaveLength(migrations.length);
      expect(ran.every((row) => row.n === 1)).toBe(true);
    } finally {
      await Promise.all(opened.map((database) => database.close()));
      await fresh.drop();
    }
  });
});
