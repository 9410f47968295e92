import { Injectable, type NestMiddleware, NotFoundException, UnauthorizedException } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';
import { AppConfig } from '../config/app-config';
import { problemBody, sendProblem } from '../http/error-filter';
import { Metrics } from './metrics';
import { metricsAccess } from './metrics-access';

/**
 * GET /metrics for Prometheus. A middleware rather than a controller: it is no route of the API (not in its OpenAPI
 * document) and has its own access rule (metricsAccess) instead of the sessions' AuthGuard.
 */
@Injectable()
export class MetricsEndpoint implements NestMiddleware {
  constructor(
    private readonly metrics: Metrics,
    private readonly config: AppConfig,
  ) {}

  async use(request: Request, response: Response, next: NextFunction): Promise<void> {
    const access = metricsAccess(
      { authorization: request.get('authorization'), remoteAddress: request.socket.remoteAddress, headers: request.headers },
      this.config.metricsToken,
    );
    if (access === 'hidden') {
      // As for any address that names no route.
      sendProblem(response, problemBody(new NotFoundException(`Cannot ${request.method} ${request.path}`), request.originalUrl));
      return;
    }
    if (access === 'unauthorized') {
      response.setHeader('WWW-Authenticate', 'Bearer realm="metrics"');
      sendProblem(response, problemBody(new UnauthorizedException('send the METRICS_TOKEN as "Authorization: Bearer <token>"'), request.originalUrl));
      return;
    }
    try {
      const text = await this.metrics.render();
      // Sent as is: Express's send() would reorder the media type's parameters.
      response.status(200).setHeader('Content-Type', this.metrics.contentType);
      response.setHeader('Cache-Control', 'no-store');
      response.end(text);
    } catch (error) {
      next(error);
    }
  }
}
