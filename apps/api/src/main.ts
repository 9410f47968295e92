import 'reflect-metadata';
import { join } from 'node:path';
import { Logger } from '@nestjs/common';
import { type RunningServer, startServer } from './bootstrap';
import { HealthChecks } from './health/health-checks';
import { ConfigError, loadConfig } from './platform/config/app-config';
import { AppLogger } from './platform/logging/app-logger';

async function main(): Promise<void> {
  let config;
  try {
    config = loadConfig(process.env, { webDist: join(__dirname, '..', 'web') });
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(`Commonplan cannot start.\n${error.message}`);
      process.exit(1);
    }
    throw error;
  }
  Logger.overrideLogger(new AppLogger({ json: config.logFormat === 'json', logLevels: ['log', 'warn', 'error'] }));
  const logger = new Logger('Commonplan');
  logger.log(`starting (${config.nodeEnv}, ${config.databaseKind === 'embedded' ? `embedded database in ${config.dataDir}` : 'PostgreSQL'})`);
  const server = await startServer(config);
  logger.log(`listening on ${config.publicUrl} (port ${config.port})`);
  closeOnSignals(server, config.shutdownDrainMs, logger);
}

/**
 * SIGTERM (and SIGINT): readiness answers 503 at once while the server serves on for SHUTDOWN_DRAIN_MS, so a balancer
 * notices and sends new requests elsewhere before connections close; then app.close(), which lets the requests under
 * way finish. A second signal during that wait closes at once.
 */
function closeOnSignals(server: RunningServer, drainMs: number, logger: Logger): void {
  let drain: NodeJS.Timeout | undefined;
  let closing = false;
  const close = (): void => {
    closing = true;
    clearTimeout(drain);
    server.close().then(
      () => process.exit(0),
      (error) => {
        logger.error(error);
        process.exit(1);
      },
    );
  };
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.on(signal, () => {
      if (closing) return;
      if (drain) {
        logger.log(`${signal} again: shutting down without waiting for the rest of the drain`);
        close();
        return;
      }
      server.app.get(HealthChecks).beginShutdown();
      logger.log(drainMs > 0 ? `${signal}: not ready from now on, shutting down in ${drainMs} ms` : `${signal}: shutting down`);
      drain = setTimeout(close, drainMs);
    });
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
