import { Logger, type LogLevel, RequestMethod } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { SwaggerModule } from '@nestjs/swagger';
import cookieParser from 'cookie-parser';
import helmet from 'helmet';
import { AppModule } from './app.module';
import { AuditService } from './audit/audit.service';
import { CollabIoAdapter } from './collab/collab-io-adapter';
import { seedDemoIfEmpty } from './demo/demo-seeder';
import { entities } from './entities';
import type { AppConfig } from './platform/config/app-config';
import { Database } from './platform/database/database';
import { accessLog } from './platform/logging/access-log';
import { AppLogger } from './platform/logging/app-logger';
import { requestIds } from './platform/logging/request-context';
import { crossSiteGuard } from './platform/http/cross-site-guard';
import { ErrorFilter } from './platform/http/error-filter';
import { inputGuard, limitJsonDepth } from './platform/http/input-guard';
import { createOpenApiDocument } from './platform/http/openapi';
import { createValidationPipe } from './platform/http/validation';
import { serveWebApp } from './platform/http/web-app';
import { PasswordHasher } from './platform/security/password-hasher';

export interface RunningServer {
  app: NestExpressApplication;
  database: Database;
  /** http://127.0.0.1:<port> */
  url: string;
  close(): Promise<void>;
}

export interface StartOptions {
  /** An already open database (tests share one per file); otherwise opened from the config. */
  database?: Database;
  logLevels?: LogLevel[];
}

/**
 * Starts the whole server: the database (migrated), the demo data when configured, the Nest app with its security
 * and validation set-up, and the web app. main.ts and the integration tests both start it this way.
 */
export async function startServer(config: AppConfig, options: StartOptions = {}): Promise<RunningServer> {
  const database = options.database ?? (await Database.open(config, entities));
  let app: NestExpressApplication | undefined;
  try {
    app = await NestFactory.create<NestExpressApplication>(AppModule.forRoot(config, database), {
      logger: new AppLogger({ json: config.logFormat === 'json', logLevels: options.logLevels ?? ['log', 'warn', 'error'] }),
      bodyParser: false,
    });
    configureApp(app, config);
    if (config.seedDemo) await seedDemoIfEmpty(database.dataSource, app.get(PasswordHasher), app.get(AuditService));
    await app.listen(config.port, config.host);
  } catch (error) {
    await app?.close();
    if (!options.database) await database.close();
    throw error;
  }
  const address = app.getHttpServer().address() as { port: number };
  const running = app;
  return {
    app: running,
    database,
    url: `http://127.0.0.1:${address.port}`,
    async close() {
      await running.close();
      if (!options.database) await database.close();
    },
  };
}

export function configureApp(app: NestExpressApplication, config: AppConfig): void {
  app.set('trust proxy', config.trustProxy);
  app.use(requestIds());
  app.use(accessLog());
  app.use(crossSiteGuard(config.publicUrl));
  app.useBodyParser('json', { limit: '1mb', verify: limitJsonDepth() });
  app.use(inputGuard());
  app.use(
    helmet({
      contentSecurityPolicy: {
        directives: {
          'default-src': ["'self'"],
          'connect-src': ["'self'"],
          'img-src': ["'self'", 'data:'],
          // Swagger UI (/api/docs) styles itself inline.
          'style-src': ["'self'", "'unsafe-inline'"],
          'upgrade-insecure-requests': config.secureCookies ? [] : null,
        },
      },
      strictTransportSecurity: config.secureCookies,
    }),
  );
  app.use(cookieParser());
  // GET /metrics (platform/metrics) sits where Prometheus looks by default.
  app.setGlobalPrefix('api', { exclude: [{ path: 'metrics', method: RequestMethod.GET }] });
  app.useGlobalPipes(createValidationPipe());
  app.useGlobalFilters(new ErrorFilter());
  app.useWebSocketAdapter(new CollabIoAdapter(app, config));

  SwaggerModule.setup('api/docs', app, () => createOpenApiDocument(app), {
    jsonDocumentUrl: 'api/docs-json',
  });

  if (serveWebApp(app, config.webDist)) new Logger('Web').log(`serving the web app from ${config.webDist}`);
}
