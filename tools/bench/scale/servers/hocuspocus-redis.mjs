// Hocuspocus 3.4.x in memory with its Redis extension (@hocuspocus/extension-redis 3.4.4), the peer of bench:scale
// on several instances: like ../../sync/servers/hocuspocus.mjs, plus the extension on the Redis at
// $BENCH_HOCUSPOCUS_REDIS (redis://host:port), which the runner sets before it starts the instances.
// Usage: node hocuspocus-redis.mjs <port>
import { Redis } from '@hocuspocus/extension-redis';
import { Server } from '@hocuspocus/server';

const port = Number(process.argv[2]);
const redis = new URL(process.env.BENCH_HOCUSPOCUS_REDIS ?? 'redis://127.0.0.1:6379');
const server = new Server({
  port,
  address: '127.0.0.1',
  quiet: true,
  stopOnSignals: false,
  extensions: [new Redis({ host: redis.hostname, port: Number(redis.port || 6379) })],
});
await server.listen();
process.stdout.write(`listening ${port}\n`);
process.on('SIGTERM', () => server.destroy().then(() => process.exit(0)));
