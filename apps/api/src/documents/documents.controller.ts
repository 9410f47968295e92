import { Controller, Get } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { WorkspaceCapability } from '../access/access.decorators';
import { UuidParam } from '../platform/http/params';
import { DocumentsService } from './documents.service';

@ApiTags('documents')
@ApiBearerAuth()
@Controller('workspaces/:workspaceId/documents')
export class DocumentsController {
  constructor(private readonly documents: DocumentsService) {}

  @WorkspaceCapability('workspace.read')
  @Get()
  list(@UuidParam('workspaceId') workspaceId: string) {
    return this.documents.list(workspaceId);
  }
}
