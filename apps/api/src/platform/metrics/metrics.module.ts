import { Global, type MiddlewareConsumer, Module, type NestModule, RequestMethod } from '@nestjs/common';
import { HttpMetricsMiddleware } from './http-metrics.middleware';
import { Metrics } from './metrics';
import { MetricsEndpoint } from './metrics-endpoint.middleware';

/**
 * Prometheus metrics: Metrics (global, so the co-drafting engine and others can feed it), the timing of every HTTP
 * request, and GET /metrics (outside the /api prefix: bootstrap.ts excludes it).
 */
@Global()
@Module({ providers: [Metrics], exports: [Metrics] })
export class MetricsModule implements NestModule {
  configure(consumer: MiddlewareConsumer): void {
    consumer.apply(HttpMetricsMiddleware).forRoutes({ path: '{*path}', method: RequestMethod.ALL });
    consumer.apply(MetricsEndpoint).forRoutes({ path: 'metrics', method: RequestMethod.GET });
  }
}
