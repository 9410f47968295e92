import { Injectable, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import { AppConfig } from '../platform/config/app-config';
import { Database } from '../platform/database/database';
import { RedisRelay } from '../platform/redis-relay';
import type { ReadinessDto } from './health.dto';

/** How long readiness waits for each dependency: a balancer's probe must get an answer, not a hang. */
export const CHECK_TIMEOUT_MS = 2_000;

export type CheckResult = 'ok' | 'error';

/** 'ok' when `check` resolves (to anything but false) within `ms`; 'error' when it fails, says false or is late. */
export async function checkWithin(check: () => Promise<unknown>, ms: number): Promise<CheckResult> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<CheckResult>((resolve) => {
    timer = setTimeout(() => resolve('error'), ms);
  });
  const answered = Promise.resolve()
    .then(check)
    .then(
      (result): CheckResult => (result === false ? 'error' : 'ok'),
      (): CheckResult => 'error',
    );
  try {
    return await Promise.race([answered, late]);
  } finally {
    clearTimeout(timer);
  }
}

/** Ready: not shutting down, the database answers, and Redis too when there is one. */
export function readinessOf(database: CheckResult, redis: CheckResult | 'off', shuttingDown: boolean): ReadinessDto {
  const ready = !shuttingDown && database === 'ok' && redis !== 'error';
  return { status: ready ? 'ok' : 'error', database, redis, shuttingDown };
}

/**
 * The readiness of this instance for a load balancer: its database and Redis answer in time, and it is not shutting
 * down. Shutting down begins at SIGTERM (main.ts calls beginShutdown, then waits SHUTDOWN_DRAIN_MS before app.close()),
 * or at the latest at the first hook app.close() calls (onModuleDestroy); either way while the HTTP server still
 * serves: from then on readiness answers 503, so a balancer sends new requests elsewhere while those under way finish.
 */
@Injectable()
export class HealthChecks implements OnModuleInit, OnModuleDestroy {
  private shuttingDown = false;
  private relay: RedisRelay | null = null;

  constructor(
    private readonly database: Database,
    private readonly config: AppConfig,
    private readonly moduleRef: ModuleRef,
  ) {}

  onModuleInit(): void {
    // PlatformModule keeps RedisRelay to itself; it is looked up rather than injected.
    if (this.config.redisUrl) this.relay = this.moduleRef.get(RedisRelay, { strict: false });
  }

  onModuleDestroy(): void {
    this.beginShutdown();
  }

  /** From now on readiness answers 503 (everything else is served as before). */
  beginShutdown(): void {
    this.shuttingDown = true;
  }

  async readiness(): Promise<ReadinessDto> {
    const relay = this.relay;
    const [database, redis] = await Promise.all([
      checkWithin(() => this.database.dataSource.query('SELECT 1'), CHECK_TIMEOUT_MS),
      relay ? checkWithin(() => relay.ping(), CHECK_TIMEOUT_MS) : Promise.resolve('off' as const),
    ]);
    return readinessOf(database, redis, this.shuttingDown);
  }
}
