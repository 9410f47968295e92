// Several instances of a server under test, each its own process started by the sync harness's launcher
// (../sync/servers.mjs: same flags, the same memory hook, the same logins): Commonplan on one database with REDIS_URL
// when there are several, Hocuspocus in memory, with its Redis extension when there are several.
import { join } from 'node:path';
import { SERVERS, startServer } from '../sync/servers.mjs';

// startServer runs the sync harness's servers/<kind>.mjs; a kind that climbs into this directory starts ours the
// same way. Its Redis comes from the environment (the launcher passes the runner's environment to the peers).
const HOCUSPOCUS_REDIS = '../../scale/servers/hocuspocus-redis';
SERVERS[HOCUSPOCUS_REDIS] = { label: 'Hocuspocus 3.4.4 + Redis extension', client: 'hocuspocus' };

export const SYSTEMS = {
  commonplan: { label: 'Commonplan' },
  hocuspocus: { label: 'Hocuspocus 3.4.4' },
};

/**
 * Starts `count` instances of `system` one after the other (Commonplan's migrations and seed run once at a time).
 * `ctx`: { db, dataDir, serverMain, logDir }; `redis`: the benchmark's Redis (required when count > 1); `extraEnv`:
 * more settings for Commonplan. Returns the servers of ../sync/servers.mjs.
 */
export async function startInstances(system, count, { ctx, redis, label, extraEnv = {} }) {
  if (count > 1 && !redis) throw new Error('several instances need a Redis');
  const servers = [];
  try {
    for (let i = 0; i < count; i++) {
      const logFile = join(ctx.logDir, `${system}-${label}-${i + 1}.log`);
      if (system === 'commonplan') {
        const env = { ...(count > 1 ? { REDIS_URL: redis.url } : {}), ...extraEnv };
        servers.push(await startServer('commonplan', { db: ctx.db.url, dataDir: ctx.dataDir, logFile, extraEnv: env, main: ctx.serverMain }));
      } else if (count > 1) {
        process.env.BENCH_HOCUSPOCUS_REDIS = redis.url;
        servers.push(await startServer(HOCUSPOCUS_REDIS, { logFile }));
      } else {
        servers.push(await startServer('hocuspocus', { logFile }));
      }
    }
  } catch (error) {
    await stopInstances(servers);
    throw error;
  }
  return servers;
}

export async function stopInstances(servers) {
  await Promise.all(servers.map((s) => s.stop()));
}

export const targetOf = (server) => ({ client: server.client, url: server.url, token: server.token });
