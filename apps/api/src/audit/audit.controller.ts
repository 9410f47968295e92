import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiProperty, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, Max, Min } from 'class-validator';
import { WorkspaceCapability } from '../access/access.decorators';
import { UuidParam } from '../platform/http/params';
import { AuditPageDto, ChainReportDto } from './audit-responses.dto';
import { type ChainReport, AuditService } from './audit.service';

class AuditListQuery {
  @ApiPropertyOptional({ description: 'entries older than this sequence number (for paging back)' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(Number.MAX_SAFE_INTEGER)
  before?: number;

  @ApiProperty({ required: false, default: 50, maximum: 200 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(200)
  limit?: number;
}

@ApiTags('audit')
@ApiBearerAuth()
@Controller('workspaces/:workspaceId/audit')
export class AuditController {
  constructor(private readonly audit: AuditService) {}

  /** The workspace's trail, newest first. */
  @WorkspaceCapability('audit.read')
  @Get()
  @ApiOkResponse({ type: AuditPageDto })
  async list(@UuidParam('workspaceId') workspaceId: string, @Query() query: AuditListQuery) {
    const entries = await this.audit.list(workspaceId, query.before ?? null, query.limit ?? 50);
    return {
      entries: entries.map((e) => ({
        id: e.id,
        seq: e.seq,
        createdAt: e.createdAt,
        actor: e.actorId ? { id: e.actorId, displayName: e.actorName } : null,
        action: e.action,
        targetType: e.targetType,
        targetId: e.targetId,
        details: e.details,
        hash: e.hash,
      })),
    };
  }

  /** Recomputes the hash chain and names the first broken entry. */
  @WorkspaceCapability('audit.read')
  @Get('verify')
  @ApiOkResponse({ type: ChainReportDto })
  verify(@UuidParam('workspaceId') workspaceId: string): Promise<ChainReport> {
    return this.audit.verify(workspaceId);
  }
}
