// The client process of bench:scale, like the sync harness's (../../sync/client/driver.mjs) and driven the same way
// over IPC (../../sync/client/ipc.mjs), with the sync harness's workloads: `many` spreads each
// document's editors over several instances (router.mjs) and splits the delivery times by instance (deliveries.mjs).
import { runIdleOpen } from '../../sync/client/idle.mjs';
import { serveCommands } from '../../sync/client/ipc.mjs';
import { runMany } from '../../sync/client/many.mjs';
import { sleep } from '../../sync/client/providers.mjs';
import { deliveryObserver } from './deliveries.mjs';
import { instanceOf, routeRooms, stopRouting } from './router.mjs';

// Thousands of providers, each adding process listeners (y-websocket's 'exit').
process.setMaxListeners(0);

const session = { clients: [] };

const commands = {
  /** runMany over `targets` (one per instance; each document's editors alternate between them, or with `byDocument` stay on one). */
  async many({ targets, byDocument = false, ...args }) {
    routeRooms(
      targets.map((t) => t.url),
      args.docIds,
      { byDocument },
    );
    const observer = deliveryObserver(instanceOf);
    // runMany registers its clients here once connected and before the first edit: the observer starts watching then.
    const clients = [];
    clients.push = (...added) => {
      observer.attach(added);
      return Array.prototype.push.apply(clients, added);
    };
    try {
      const result = await runMany({ clients }, { ...args, target: targets[0] });
      result.split = observer.summary(result.cpu.window);
      return result;
    } finally {
      stopRouting();
      session.clients.push(...clients);
    }
  },
  idleOpen: (args) => runIdleOpen(session, args),
  async closeAll() {
    for (const client of session.clients.splice(0)) client.destroy();
    await sleep(500);
    return { closed: true };
  },
};

serveCommands(commands);
