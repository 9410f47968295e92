import 'reflect-metadata';
import { join } from 'node:path';
import { Logger } from '@nestjs/common';
import { startServer } from './bootstrap';
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
  let closing = false;
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.on(signal, () => {
      if (closing) return;
      closing = true;
      logger.log(`${signal}: shutting down`);
      server.close().then(
        () => process.exit(0),
        (error) => {
          logger.error(error);
          process.exit(1);
        },
      );
    });
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
