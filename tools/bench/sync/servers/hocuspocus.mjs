// Hocuspocus 3.4.x in memory (no extensions: no persistence, no auth), as a peer of the benchmark.
// Usage: node hocuspocus.mjs <port>
import { Server } from '@hocuspocus/server';

const port = Number(process.argv[2]);
const server = new Server({ port, address: '127.0.0.1', quiet: true, stopOnSignals: false });
await server.listen();
process.stdout.write(`listening ${port}\n`);
process.on('SIGTERM', () => server.destroy().then(() => process.exit(0)));
