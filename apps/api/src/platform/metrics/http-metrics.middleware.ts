import { performance } from 'node:perf_hooks';
import { Injectable, type NestMiddleware } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';
import { Metrics } from './metrics';

/** The methods that get a label of their own; anything else is "OTHER", so a client cannot add series at will. */
const METHODS = new Set(['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS']);

/** Requests being timed (the middleware may be mounted on more than one path a request matches). */
const timed = new WeakSet<Request>();

/** The method as a label. */
export function methodLabel(method: string): string {
  return METHODS.has(method) ? method : 'OTHER';
}

/**
 * The route as a label: the pattern of the route that answered (/api/documents/:documentId), never the address with
 * its ids; "unmatched" when no route did (404 for an unknown address, or a refusal before routing).
 */
export function routeLabel(request: { route?: { path?: unknown } }): string {
  const path = request.route?.path;
  return typeof path === 'string' && path !== '' ? path : 'unmatched';
}

/** Times every request to the API (and to /metrics) into http_request_duration_seconds. */
@Injectable()
export class HttpMetricsMiddleware implements NestMiddleware {
  constructor(private readonly metrics: Metrics) {}

  use(request: Request, response: Response, next: NextFunction): void {
    if (!timed.has(request)) {
      timed.add(request);
      const started = performance.now();
      // Nest mounts middleware as Express routes (this one as /api/{*path}), so request.route is this one's now; the
      // route that answers replaces it (GET /metrics is one too). Still this one at the end: no route answered.
      const mountedAs = request.route as unknown;
      response.once('finish', () => {
        const answered = request.route === mountedAs ? {} : request;
        this.metrics.observeHttpRequest(methodLabel(request.method), routeLabel(answered), response.statusCode, (performance.now() - started) / 1000);
      });
    }
    next();
  }
}
