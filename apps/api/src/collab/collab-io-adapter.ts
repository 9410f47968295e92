import { type INestApplicationContext, Logger } from '@nestjs/common';
import { IoAdapter } from '@nestjs/platform-socket.io';
import { createAdapter } from '@socket.io/redis-streams-adapter';
import Redis from 'ioredis';
import type { ServerOptions } from 'socket.io';
import type { AppConfig } from '../platform/config/app-config';
import { closeRedis, settlingSubscribes } from '../platform/redis-close';

/** The Redis stream the instances' socket.io servers share (rooms, broadcasts to the followers of a topic). */
export const SOCKET_IO_STREAM = 'commonplan:socket.io';

/**
 * socket.io on the API's HTTP server, configured from AppConfig: its buffer is twice the engine's message limit (so the
 * engine, not socket.io, refuses an oversized message with a reason), and it leaves upgrade requests it does not own
 * (the y-websocket endpoint /collab/...) alone.
 *
 * With REDIS_URL, the namespaces' rooms span every instance through socket.io's Redis Streams adapter: what a topic
 * gateway tells the followers of a meeting or a round reaches them on whichever instance they are connected to. A
 * stream (not pub/sub) is read from where each instance left off, so a short Redis outage delays news, never loses it.
 * The app's clients use the WebSocket transport only; one instance also offers long-polling to other clients.
 */
export class CollabIoAdapter extends IoAdapter {
  private readonly logger = new Logger('SocketIo');
  private redis: Redis | null = null;

  constructor(
    app: INestApplicationContext,
    private readonly config: AppConfig,
  ) {
    super(app);
  }

  override createIOServer(port: number, options?: ServerOptions) {
    return super.createIOServer(port, {
      ...options,
      path: '/socket.io',
      serveClient: false,
      // Long-polling spreads one client's requests over the instances behind a balancer without sticky sessions; the
      // app's clients use WebSocket only, so with several instances (REDIS_URL) polling is off.
      transports: this.config.redisUrl ? ['websocket'] : ['websocket', 'polling'],
      maxHttpBufferSize: 2 * this.config.collab.maxMessageBytes,
      destroyUpgrade: false,
      perMessageDeflate: false,
      cors: { origin: false },
      ...(this.config.redisUrl ? { adapter: createAdapter(this.sharedRedis(this.config.redisUrl), { streamName: SOCKET_IO_STREAM, maxLen: 10_000 }) } : {}),
    } as ServerOptions);
  }

  override async dispose(): Promise<void> {
    const redis = this.redis;
    this.redis = null;
    await closeRedis(redis);
  }

  private sharedRedis(url: string): Redis {
    if (!this.redis) {
      // The adapter subscribes on copies of this client without handling the SUBSCRIBE's promise (redis-close.ts).
      this.redis = settlingSubscribes(new Redis(url));
      this.redis.on('error', (error) => this.logger.warn(`Redis: ${error.message}`));
    }
    return this.redis;
  }
}
