// The client process: every client of a benchmark run lives here, in one process separate from the server's.
// The runner forks it and sends commands over IPC (ipc.mjs: { id, cmd, args }; each answer is { id, ok, result | error }).
import { runIdleOpen } from './idle.mjs';
import { serveCommands } from './ipc.mjs';
import { runMany } from './many.mjs';
import { runJoin, runTrace } from './trace.mjs';
import { sleep } from './providers.mjs';

// y-websocket's provider adds a process 'exit' listener per instance; hundreds of clients are expected here.
process.setMaxListeners(0);

const session = { clients: [] };

const commands = {
  trace: (args) => runTrace(session, args),
  join: (args) => runJoin(session, args),
  many: (args) => runMany(session, args),
  idleOpen: (args) => runIdleOpen(session, args),
  async closeAll() {
    for (const client of session.clients.splice(0)) client.destroy();
    await sleep(200);
    return { closed: true };
  },
  cpu: () => {
    const { user, system } = process.cpuUsage();
    return { seconds: (user + system) / 1e6, rss: process.memoryUsage().rss };
  },
};

serveCommands(commands);
