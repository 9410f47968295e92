import { type DynamicModule, Global, Module } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AppConfig } from './config/app-config';
import { Database } from './database/database';
import { AccessEvents, DocumentEvents, InboxEvents, SessionEvents } from './events';
import { JobQueue } from './jobs/job-queue';
import { RateLimits } from './rate-limits';
import { RedisRelay } from './redis-relay';
import { MailService } from './mail/mail.service';
import { PasswordHasher } from './security/password-hasher';
import { TokenService } from './security/tokens';

/**
 * What every feature may use: the validated configuration, the open database and mail. The config and the database
 * are created before Nest (see bootstrap.ts) and handed in, so that start-up is explicit and tests can choose them.
 */
@Global()
@Module({})
export class PlatformModule {
  static forRoot(config: AppConfig, database: Database): DynamicModule {
    return {
      module: PlatformModule,
      providers: [
        { provide: AppConfig, useValue: config },
        { provide: Database, useValue: database },
        { provide: DataSource, useValue: database.dataSource },
        MailService,
        TokenService,
        PasswordHasher,
        AccessEvents,
        SessionEvents,
        DocumentEvents,
        InboxEvents,
        RedisRelay,
        RateLimits,
        JobQueue,
      ],
      exports: [AppConfig, Database, DataSource, MailService, TokenService, PasswordHasher, AccessEvents, SessionEvents, DocumentEvents, InboxEvents, RateLimits, JobQueue],
    };
  }
}
