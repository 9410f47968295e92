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
