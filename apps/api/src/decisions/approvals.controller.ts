import { Controller, Get, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { SignedIn } from '../access/access.decorators';
import { CurrentPrincipal, type Principal } from '../access/request-context';
import { UuidParam } from '../platform/http/params';
import { ApprovalsService } from './approvals.service';
import { ApprovalSubjectDto, VersionApprovalDto } from './dto/decisions-responses.dto';

@ApiTags('decisions')
@ApiBearerAuth()
@Controller('documents/:documentId/versions/:versionId/approvals')
export class ApprovalsController {
  constructor(private readonly approvals: ApprovalsService) {}

  /** Which members approved this version, with the hash each approved. */
  @SignedIn()
  @Get()
  @ApiOkResponse({ type: [VersionApprovalDto] })
  list(@UuidParam('documentId') documentId: string, @UuidParam('versionId') versionId: string, @CurrentPrincipal() principal: Principal) {
    return this.approvals.list(principal.userId, documentId, versionId);
  }

  /** What a sign-off is about: the document, the version with its SHA-256, and the resolutions that adopt it. */
  @SignedIn()
  @Get('subject')
  @ApiOkResponse({ type: ApprovalSubjectDto })
  subject(@UuidParam('documentId') documentId: string, @UuidParam('versionId') versionId: string, @CurrentPrincipal() principal: Principal) {
    return this.approvals.subject(principal.userId, documentId, versionId);
  }

  /** A member's representative approves the version for its member (once). */
  @SignedIn()
  @Post()
  @ApiCreatedResponse({ type: [VersionApprovalDto], description: 'the version’s approvals, this one included' })
  approve(@UuidParam('documentId') documentId: string, @UuidParam('versionId') versionId: string, @CurrentPrincipal() principal: Principal) {
    return this.approvals.approve(principal.userId, documentId, versionId);
  }
}
