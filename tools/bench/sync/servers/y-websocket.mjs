// The reference server of y-websocket 1.x (its bin/utils.js) in memory (no YPERSISTENCE), as a peer of the benchmark.
// Usage: node y-websocket.mjs <port>
import { createServer } from 'node:http';
import { createRequire } from 'node:module';
import { WebSocketServer } from 'ws';

const require = createRequire(import.meta.url);
delete process.env.YPERSISTENCE;
const { setupWSConnection } = require('y-websocket/bin/utils');

const port = Number(process.argv[2]);
const server = createServer((_req, res) => {
  res.writeHead(200, { 'Content-Type': 'text/plain' });
  res.end('okay');
});
const wss = new WebSocketServer({ server });
wss.on('connection', (conn, req) => {
  const docName = decodeURIComponent(new URL(req.url ?? '/', 'http://localhost').pathname.slice(1).split('?')[0]);
  setupWSConnection(conn, req, { docName });
});
server.listen(port, '127.0.0.1', () => process.stdout.write(`listening ${port}\n`));
process.on('SIGTERM', () => {
  for (const client of wss.clients) client.terminate();
  server.close(() => process.exit(0));
});
