import { ConsoleLogger, type LogLevel } from '@nestjs/common';
import { currentRequest } from './request-context';

/**
 * The server's logger: Nest's ConsoleLogger, writing one JSON object per line when `json` (LOG_FORMAT=json, the
 * default in production) with the id of the request being served (`requestId`), so that the lines of one request can
 * be found across a deployment's instances. Log lines never carry personal data: no e-mail addresses, names, IP
 * addresses or tokens (the code that logs keeps to ids and counts).
 */
export class AppLogger extends ConsoleLogger {
  constructor(options: { json: boolean; logLevels: LogLevel[] }) {
    super({ json: options.json, logLevels: options.logLevels, colors: !options.json && process.stdout.isTTY === true });
  }

  protected override getJsonLogObject(message: unknown, options: { context: string; logLevel: LogLevel; writeStreamType?: 'stdout' | 'stderr'; errorStack?: unknown }) {
    const entry = super.getJsonLogObject(message, options);
    const request = currentRequest();
    return request ? Object.assign(entry, { requestId: request.requestId }) : entry;
  }
}
