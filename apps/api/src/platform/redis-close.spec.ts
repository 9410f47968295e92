import { join } from 'node:path';
import { runBundled } from '../../test/support/bundled-script';

/**
 * A SUBSCRIBE refused while nobody handles its promise is an unhandled rejection: Node's own process, not Jest's
 * sandbox, tells whether one happened, so the check runs in a process of its own. A client not connected, with no
 * offline queue, refuses the SUBSCRIBE at once, as a copy closed at shutdown refuses the one it queued.
 */
describe('settlingSubscribes', () => {
  it('settles the SUBSCRIBE of the client and of its copies, and still returns the refusal to a caller who waits', () => {
    const printed = runBundled(
      `import Redis from 'ioredis';
       import { settlingSubscribes } from ${JSON.stringify(join(__dirname, 'redis-close'))};
       const unhandled: string[] = [];
       process.on('unhandledRejection', (reason) => unhandled.push((reason as Error).message));
       const options = { lazyConnect: true, enableOfflineQueue: false };
       const plain = new Redis('redis://127.0.0.1:1', options).duplicate();
       const settling = settlingSubscribes(new Redis('redis://127.0.0.1:1', options));
       const copy = settling.duplicate();
       for (const client of [plain, settling, copy]) client.on('error', () => undefined);
       void plain.subscribe('plain');
       void settling.subscribe('own');
       void copy.subscribe('copy');
       copy.subscribe('awaited').then(() => 'subscribed', (error: Error) => error.message).then((seen) => {
         setTimeout(() => {
           console.log(JSON.stringify({ unhandled: unhandled.length, seen: seen.includes('enableOfflineQueue') }));
           process.exit(0); // the clients would go on trying to connect
         }, 100);
       });`,
    );
    // Only the plain copy's refusal goes unhandled (it shows the check sees one); the caller who waits sees its refusal.
    expect(JSON.parse(printed)).toEqual({ unhandled: 1, seen: true });
  });
});

describe('subscribedWithin', () => {
  it('says false for a refused SUBSCRIBE and for one Redis does not answer in time, and leaves the latter settled when it is refused at shutdown', () => {
    const printed = runBundled(
      `import Redis from 'ioredis';
       import { subscribedWithin } from ${JSON.stringify(join(__dirname, 'redis-close'))};
       const unhandled: string[] = [];
       process.on('unhandledRejection', (reason) => unhandled.push((reason as Error).message));
       // Refused at once: not connected, no offline queue.
       const refusing = new Redis('redis://127.0.0.1:1', { lazyConnect: true, enableOfflineQueue: false });
       // Never answered: the SUBSCRIBE waits in the offline queue of a client that cannot connect.
       const waiting = new Redis('redis://127.0.0.1:1', { lazyConnect: true, retryStrategy: () => 1_000 });
       for (const client of [refusing, waiting]) client.on('error', () => undefined);
       (async () => {
         const refused = await subscribedWithin(refusing, 'refused', 5_000);
         const started = Date.now();
         const late = await subscribedWithin(waiting, 'late', 100);
         const waited = Date.now() - started;
         waiting.disconnect(); // as at shutdown: the queued SUBSCRIBE is refused with "Connection is closed."
         setTimeout(() => {
           console.log(JSON.stringify({ refused, late, waitedEnough: waited >= 100, unhandled }));
           process.exit(0);
         }, 100);
       })();`,
    );
    expect(JSON.parse(printed)).toEqual({ refused: false, late: false, waitedEnough: true, unhandled: [] });
  });
});
