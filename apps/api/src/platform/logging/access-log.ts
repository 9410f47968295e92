import { Logger } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';
import { routeLabel } from '../metrics/route-label';

/**
 * One line per API request once it is answered: method, the route as declared (`/api/documents/:documentId`, so no
 * ids, no query string and no token ever reach the log; `unmatched` when no route answered, as in the metrics),
 * status and duration in milliseconds. The request id comes with the line (AppLogger). Not for the web app's static
 * files.
 */
export function accessLog() {
  const logger = new Logger('Http');
  return (req: Request, res: Response, next: NextFunction): void => {
    const started = process.hrtime.bigint();
    res.on('finish', () => {
      if (!req.originalUrl.startsWith('/api/')) return;
      const route = routeLabel(req);
      const ms = Number(process.hrtime.bigint() - started) / 1e6;
      logger.log({ method: req.method, route, status: res.statusCode, ms: Math.round(ms * 10) / 10 });
    });
    next();
  };
}
