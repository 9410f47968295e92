import { Body, Controller, Get, NotFoundException, Param, ParseIntPipe, Put, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiParam, ApiTags } from '@nestjs/swagger';
import { WorkspaceCapability } from '../../access/access.decorators';
import { CurrentMember, CurrentPrincipal, type Principal, type WorkspaceMember } from '../../access/request-context';
import { ApiFileResponse, fileDownload } from '../../platform/http/file-download';
import { fieldError } from '../../platform/http/field-error';
import { UuidParam } from '../../platform/http/params';
import { FeeDto, MemberStatementDto, PutFeesDto, StatementQueryDto } from './statement.dto';
import { STATEMENT_FORMATS, type StatementFormat, StatementsService } from './statements.service';

/** A year in the address: 2000 to 2100, else a 400 naming it. */
const yearParam = new ParseIntPipe({ exceptionFactory: () => fieldError('year', 'year must be a whole number from 2000 to 2100') });
function checkYear(year: number): number {
  if (year < 2000 || year > 2100) throw fieldError('year', 'year must be a whole number from 2000 to 2100');
  return year;
}

@ApiTags('projects')
@ApiBearerAuth()
@Controller()
export class StatementsController {
  constructor(private readonly statements: StatementsService) {}

  /** The members' fees for a year. */
  @WorkspaceCapability('workspace.read')
  @Get('workspaces/:workspaceId/membership-fees/:year')
  @ApiOkResponse({ type: [FeeDto] })
  fees(@CurrentMember() member: WorkspaceMember, @Param('year', yearParam) year: number) {
    return this.statements.fees(member.workspaceId, checkYear(year));
  }

  /** Sets the members' fees for a year (coordinators): the list replaces the year's. */
  @WorkspaceCapability('projects.manage')
  @Put('workspaces/:workspaceId/membership-fees/:year')
  @ApiOkResponse({ type: [FeeDto] })
  putFees(@CurrentMember() member: WorkspaceMember, @CurrentPrincipal() principal: Principal, @Param('year', yearParam) year: number, @Body() body: PutFeesDto) {
    return this.statements.putFees(member, principal.userId, checkYear(year), body);
  }

  /** A member's statement year by year: fee, own contributions, external funds, leverage (not for partners). */
  @WorkspaceCapability('workspace.read')
  @Get('workspaces/:workspaceId/members/:organisationId/statement')
  @ApiOkResponse({ type: MemberStatementDto })
  async statement(@CurrentMember() member: WorkspaceMember, @UuidParam('organisationId') organisationId: string, @Query() query: StatementQueryDto) {
    const { language: _language, ...content } = await this.statements.statement(member, organisationId, query.lang ?? 'pl');
    return content;
  }

  /** The statement as a file: pdf or xlsx, Polish by default (`?lang=en`). */
  @WorkspaceCapability('workspace.read')
  @Get('workspaces/:workspaceId/members/:organisationId/statement.:format')
  @ApiFileResponse('the statement as a file', ['application/pdf', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'])
  @ApiParam({ name: 'format', enum: STATEMENT_FORMATS })
  async statementFile(
    @CurrentMember() member: WorkspaceMember,
    @UuidParam('organisationId') organisationId: string,
    @Param('format') format: string,
    @Query() query: StatementQueryDto,
  ) {
    if (!(STATEMENT_FORMATS as readonly string[]).includes(format)) throw new NotFoundException(`the statement comes as ${STATEMENT_FORMATS.join(', ')}`);
    return fileDownload(await this.statements.file(member, organisationId, format as StatementFormat, query.lang ?? 'pl'));
  }
}
