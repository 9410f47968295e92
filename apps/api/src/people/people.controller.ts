import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Req, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiExtraModels, ApiOkResponse, ApiTags, getSchemaPath } from '@nestjs/swagger';
import type { Response } from 'express';
import { can } from '@commonplan/domain';
import { Public, WorkspaceCapability } from '../access/access.decorators';
import {
  type AppRequest,
  clientOf,
  CurrentMember,
  CurrentPrincipal,
  type Principal,
  type WorkspaceMember,
} from '../access/request-context';
import { setSessionCookies } from '../access/cookies';
import { AppConfig } from '../platform/config/app-config';
import { UuidParam } from '../platform/http/params';
import { AcceptInvitationDto, ChangeRoleDto, InviteDto } from './dto/people.dto';
import { SignedInDto } from '../auth/dto/auth-responses.dto';
import { InvitationDto, InvitationPreviewDto, JoinedWorkspaceDto, MembershipDto, PersonDto } from './dto/people-responses.dto';
import { InvitationsService } from './invitations.service';
import { PeopleService } from './people.service';

@ApiTags('people')
@ApiBearerAuth()
@Controller('workspaces/:workspaceId')
export class PeopleController {
  constructor(
    private readonly people: PeopleService,
    private readonly invitations: InvitationsService,
  ) {}

  /** Everyone in the workspace with role and organisation; e-mail addresses only for coordinators. */
  @WorkspaceCapability('people.read')
  @Get('people')
  @ApiOkResponse({ type: [PersonDto] })
  list(@UuidParam('workspaceId') workspaceId: string, @CurrentMember() member: WorkspaceMember) {
    return this.people.list(workspaceId, can(member.role, 'people.readContact'));
  }

  @WorkspaceCapability('people.manage')
  @Patch('people/:membershipId')
  @ApiOkResponse({ type: MembershipDto })
  changeRole(
    @UuidParam('membershipId') membershipId: string,
    @CurrentMember() member: WorkspaceMember,
    @CurrentPrincipal() principal: Principal,
    @Body() body: ChangeRoleDto,
  ) {
    return this.people.changeRole({ ...member, userId: principal.userId }, membershipId, body.role, body.organisationId ?? null);
  }

  @WorkspaceCapability('people.manage')
  @Post('people/:membershipId/deactivate')
  @HttpCode(200)
  @ApiOkResponse({ type: MembershipDto })
  deactivate(
    @UuidParam('membershipId') membershipId: string,
    @CurrentMember() member: WorkspaceMember,
    @CurrentPrincipal() principal: Principal,
  ) {
    return this.people.setActive({ ...member, userId: principal.userId }, membershipId, false);
  }

  @WorkspaceCapability('people.manage')
  @Post('people/:membershipId/reactivate')
  @HttpCode(200)
  @ApiOkResponse({ type: MembershipDto })
  reactivate(
    @UuidParam('membershipId') membershipId: string,
    @CurrentMember() member: WorkspaceMember,
    @CurrentPrincipal() principal: Principal,
  ) {
    return this.people.setActive({ ...member, userId: principal.userId }, membershipId, true);
  }

  @WorkspaceCapability('people.manage')
  @Get('invitations')
  @ApiOkResponse({ type: [InvitationDto] })
  pending(@UuidParam('workspaceId') workspaceId: string) {
    return this.invitations.pending(workspaceId);
  }

  /** Invites a person by e-mail (through SMTP, or DATA_DIR/outbox/ in development). */
  @WorkspaceCapability('people.manage')
  @Post('invitations')
  @ApiCreatedResponse({ type: InvitationDto })
  invite(@CurrentMember() member: WorkspaceMember, @CurrentPrincipal() principal: Principal, @Body() body: InviteDto) {
    return this.invitations.invite({ ...member, userId: principal.userId, displayName: principal.displayName }, body);
  }

  @WorkspaceCapability('people.manage')
  @Delete('invitations/:invitationId')
  @HttpCode(204)
  async revoke(
    @UuidParam('invitationId') invitationId: string,
    @CurrentMember() member: WorkspaceMember,
    @CurrentPrincipal() principal: Principal,
  ): Promise<void> {
    await this.invitations.revoke({ ...member, userId: principal.userId }, invitationId);
  }
}

/**
 * The invitation link: anyone holding the token may see it. A new person accepts it by setting a name and password
 * (and is signed in); an existing account accepts it only signed in as itself (see InvitationsService.accept).
 */
@ApiTags('people')
@ApiExtraModels(SignedInDto, JoinedWorkspaceDto)
@Controller('invitations')
export class InvitationLinksController {
  constructor(
    private readonly invitations: InvitationsService,
    private readonly config: AppConfig,
  ) {}

  @Public()
  @Get(':token')
  @ApiOkResponse({ type: InvitationPreviewDto })
  lookup(@Param('token') token: string) {
    return this.invitations.lookup(token);
  }

  /** 200: a new account's session (also set as cookies), or `{ workspaceId, role }` for a signed-in existing account. */
  @Public()
  @Post(':token/accept')
  @HttpCode(200)
  @ApiOkResponse({ schema: { oneOf: [{ $ref: getSchemaPath(SignedInDto) }, { $ref: getSchemaPath(JoinedWorkspaceDto) }] } })
  async accept(
    @Param('token') token: string,
    @Body() body: AcceptInvitationDto,
    @Req() req: AppRequest,
    @Res({ passthrough: true }) res: Response,
  ) {
    const principal = req.principal ?? null;
    const result = await this.invitations.accept(token, body, clientOf(req), principal);
    if ('token' in result) setSessionCookies(res, result, this.config.secureCookies);
    return result;
  }
}
