import { Controller, Get, Res, ServiceUnavailableException } from '@nestjs/common';
import { ApiOkResponse, ApiServiceUnavailableResponse, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { Public } from '../access/access.decorators';
import { Database } from '../platform/database/database';
import { HealthChecks } from './health-checks';
import { LivenessDto, ReadinessDto } from './health.dto';

@ApiTags('health')
@Controller('health')
export class HealthController {
  constructor(
    private readonly database: Database,
    private readonly checks: HealthChecks,
  ) {}

  @Public()
  @Get()
  @ApiOkResponse({ schema: { example: { status: 'ok', database: 'embedded' } } })
  async health(): Promise<{ status: 'ok'; database: 'embedded' | 'postgres' }> {
    try {
      await this.database.dataSource.query('SELECT 1');
    } catch {
      throw new ServiceUnavailableException({ status: 'error', database: this.database.kind });
    }
    return { status: 'ok', database: this.database.kind };
  }

  /** Liveness: the process runs and answers; nothing else is checked, so a dependency's outage restarts nothing. */
  @Public()
  @Get('live')
  @ApiOkResponse({ type: LivenessDto, description: 'the process runs' })
  live(): LivenessDto {
    return { status: 'ok' };
  }

  /** Readiness: whether a load balancer should send this instance requests now. */
  @Public()
  @Get('ready')
  @ApiOkResponse({ type: ReadinessDto, description: 'ready: the database (and Redis, when configured) answered in time' })
  @ApiServiceUnavailableResponse({ type: ReadinessDto, description: 'not ready: a dependency did not answer in time, or the instance is shutting down' })
  async ready(@Res({ passthrough: true }) response: Response): Promise<ReadinessDto> {
    const readiness = await this.checks.readiness();
    response.status(readiness.status === 'ok' ? 200 : 503).setHeader('Cache-Control', 'no-store');
    return readiness;
  }
}
