import { Controller, Get, ServiceUnavailableException } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Public } from '../access/access.decorators';
import { Database } from '../platform/database/database';

@ApiTags('health')
@Controller('health')
export class HealthController {
  constructor(private readonly database: Database) {}

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
}
