import { randomUUID } from 'node:crypto';
import { Injectable, Logger, type OnApplicationShutdown, type OnModuleInit } from '@nestjs/common';
import Redis from 'ioredis';
import { AppConfig } from './config/app-config';
import { closeRedis, subscribedWithin } from './redis-close';
import { AccessEvents, DocumentEvents, InboxEvents, SessionEvents, type Topic } from './events';

/** The Redis channel on which the instances of one deployment tell each other their events. */
export const EVENTS_CHANNEL = 'commonplan:events';

/** How long the start waits for the subscription. */
const SUBSCRIBE_WAIT_MS = 5_000;

interface RelayedNews {
  from: string;
  topic: string;
  news: unknown;
}

/**
 * With REDIS_URL, relays the event topics between the instances of the app: what one instance publishes is published
 * on Redis and delivered to the listeners of every other instance (each ignores its own). Without REDIS_URL there is
 * one instance and nothing to relay. When Redis is unreachable, events stay local and ioredis reconnects; sessions
 * then still end on the other instances at their next sweep (LiveConnections), at most a minute later.
 */
@Injectable()
export class RedisRelay implements OnModuleInit, OnApplicationShutdown {
  private readonly logger = new Logger('RedisRelay');
  private readonly instance = randomUUID();
  private publisher: Redis | null = null;
  private subscriber: Redis | null = null;
  private readonly topics: Map<string, Topic<unknown>>;

  constructor(
    private readonly config: AppConfig,
    access: AccessEvents,
    sessions: SessionEvents,
    documents: DocumentEvents,
    inbox: InboxEvents,
  ) {
    this.topics = new Map<string, Topic<unknown>>([access, sessions, documents, inbox].map((topic) => [topic.name, topic as Topic<unknown>]));
  }

  async onModuleInit(): Promise<void> {
    if (!this.config.redisUrl) return;
    this.publisher = new Redis(this.config.redisUrl);
    this.subscriber = new Redis(this.config.redisUrl);
    for (const client of [this.publisher, this.subscriber]) client.on('error', (error) => this.logger.warn(`Redis: ${error.message}`));
    this.subscriber.on('message', (_channel, text) => this.received(text));
    for (const topic of this.topics.values()) {
      topic.relay = (news) => {
        const message: RelayedNews = { from: this.instance, topic: topic.name, news };
        this.publisher?.publish(EVENTS_CHANNEL, JSON.stringify(message)).catch((error: Error) => this.logger.warn(`could not relay ${topic.name}: ${error.message}`));
      };
    }
    // Start once subscribed, so no event of another instance is missed; a Redis that does not answer in time does not
    // keep the server from starting (ioredis subscribes when it comes).
    const subscribed = await subscribedWithin(this.subscriber, EVENTS_CHANNEL, SUBSCRIBE_WAIT_MS);
    if (!subscribed) this.logger.warn(`Redis did not answer within ${SUBSCRIBE_WAIT_MS} ms: events stay on this instance until it does`);
  }

  async onApplicationShutdown(): Promise<void> {
    for (const topic of this.topics.values()) topic.relay = null;
    await Promise.all([closeRedis(this.subscriber), closeRedis(this.publisher)]);
  }

  /**
   * Whether Redis answers a PING now (readiness). False without REDIS_URL and while disconnected: the command is not
   * sent then, so it cannot wait in ioredis's offline queue. The caller bounds the wait for an answer.
   */
  async ping(): Promise<boolean> {
    const client = this.publisher;
    if (!client || client.status !== 'ready') return false;
    return client.ping().then(
      (answer) => answer === 'PONG',
      () => false,
    );
  }

  private received(text: string): void {
    let message: RelayedNews;
    try {
      message = JSON.parse(text) as RelayedNews;
    } catch {
      return;
    }
    if (message.from === this.instance || typeof message.topic !== 'string' || typeof message.news !== 'object' || message.news === null) return;
    this.topics.get(message.topic)?.deliver(message.news);
  }
}
