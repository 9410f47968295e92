import { performance } from 'node:perf_hooks';
import { Injectable, type NestMiddleware } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';
import { Metrics } from './metrics';
import { markMiddlewareRoute, routeLabel } from './route-label';

/** The methods that get a label of their own; anything else is "OTHER", so a client cannot add series at will. */
const METHODS = new Set(['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS']);

/** Requests being timed (the middleware may be mounted on more than one path a request matches). */
const timed = new WeakSet<Request>();

/** The method as a label. */
export function methodLabel(method: string): string {
  return METHODS.has(method) ? method : 'OTHER';
}

/** Times every request to the API (and to /metrics) into http_request_duration_seconds. */
@Injectable()
export class HttpMetricsMiddleware implements NestMiddleware {
  constructor(private readonly metrics: Metrics) {}

  use(request: Request, response: Response, next: NextFunction): void {
    // request.route is the route Nest mounted this middleware as; the route that answers replaces it (GET /metrics is
    // one too). Still this one at the end: no route answered.
    markMiddlewareRoute(request);
    if (!timed.has(request)) {
      timed.add(request);
      const started = performance.now();
      response.once('finish', () => {
        this.metrics.observeHttpRequest(methodLabel(request.method), routeLabel(request), response.statusCode, (performance.now() - started) / 1000);
      });
    }
    next();
  }
}
