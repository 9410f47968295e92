import type Redis from 'ioredis';

/**
 * Lets go of a Redis client at shutdown: a connected one quits (its pending replies come first), any other is cut at
 * once. `quit()` on a client that is not connected waits behind its queued commands (a SUBSCRIBE sent while Redis was
 * away) and may never settle, and a failed quit would leave the client reconnecting forever.
 */
export async function closeRedis(client: Redis | null | undefined): Promise<void> {
  if (!client) return;
  if (client.status !== 'ready') {
    client.disconnect();
    return;
  }
  await client.quit().catch(() => client.disconnect());
}

/**
 * `client` with its copies (`duplicate()`) settling every SUBSCRIBE's promise, which is still returned as it was. For a
 * library that subscribes on a copy and leaves that promise unhandled (socket.io's Redis Streams adapter 0.3): a copy
 * closed while its SUBSCRIBE waits (Redis away at shutdown) refuses it with "Connection is closed.", and an unhandled
 * rejection is the process's failure, not the library's.
 */
export function settlingSubscribes(client: Redis): Redis {
  const subscribe = client.subscribe.bind(client) as (...args: unknown[]) => Promise<unknown>;
  client.subscribe = ((...args: unknown[]) => {
    const answer = subscribe(...args);
    answer.catch(() => undefined);
    return answer;
  }) as Redis['subscribe'];
  const duplicate = client.duplicate.bind(client);
  client.duplicate = ((...args: Parameters<Redis['duplicate']>) => settlingSubscribes(duplicate(...args))) as Redis['duplicate'];
  return client;
}

/**
 * Subscribes `client` to `channel`: true once subscribed, false when Redis refused it or did not answer within `waitMs`
 * (ioredis subscribes when it comes back). The SUBSCRIBE's own promise is settled either way: one still queued when
 * the wait gave up is refused at shutdown ("Connection is closed."), which must not be an unhandled rejection.
 */
export async function subscribedWithin(client: Redis, channel: string, waitMs: number): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const subscribed = client.subscribe(channel).then(
    () => true,
    () => false,
  );
  const gaveUp = new Promise<false>((resolve) => (timer = setTimeout(() => resolve(false), waitMs)));
  try {
    return await Promise.race([subscribed, gaveUp]);
  } finally {
    clearTimeout(timer);
  }
}
