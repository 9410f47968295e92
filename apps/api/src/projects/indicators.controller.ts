import { Body, Controller, Get, Param, ParseIntPipe, Patch, Post, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { SignedIn, WorkspaceCapability } from '../access/access.decorators';
import { CurrentMember, CurrentPrincipal, type Principal, type WorkspaceMember } from '../access/request-context';
import { fieldError } from '../platform/http/field-error';
import { UuidParam } from '../platform/http/params';
import { CreateIndicatorDto, IndicatorDto, IndicatorValueInputDto, UpdateIndicatorDto } from './indicator.dto';
import { IndicatorsService } from './indicators.service';

const yearParam = new ParseIntPipe({ exceptionFactory: () => fieldError('year', 'year must be a whole number from 1990 to 2100') });

@ApiTags('projects')
@ApiBearerAuth()
@Controller()
export class IndicatorsController {
  constructor(private readonly indicators: IndicatorsService) {}

  /** The strategy's indicators with their values, progress and the projects that move them. */
  @WorkspaceCapability('workspace.read')
  @Get('workspaces/:workspaceId/indicators')
  @ApiOkResponse({ type: [IndicatorDto] })
  list(@CurrentMember() member: WorkspaceMember) {
    return this.indicators.list(member);
  }

  /** Defines an indicator (coordinators). */
  @WorkspaceCapability('projects.manage')
  @Post('workspaces/:workspaceId/indicators')
  @ApiCreatedResponse({ type: IndicatorDto })
  create(@CurrentMember() member: WorkspaceMember, @CurrentPrincipal() principal: Principal, @Body() body: CreateIndicatorDto) {
    return this.indicators.create(member, principal.userId, body);
  }

  @SignedIn()
  @Get('indicators/:indicatorId')
  @ApiOkResponse({ type: IndicatorDto })
  one(@UuidParam('indicatorId') indicatorId: string, @CurrentPrincipal() principal: Principal) {
    return this.indicators.get(principal.userId, indicatorId);
  }

  /** Changes an indicator (coordinators). */
  @SignedIn()
  @Patch('indicators/:indicatorId')
  @ApiOkResponse({ type: IndicatorDto })
  update(@UuidParam('indicatorId') indicatorId: string, @CurrentPrincipal() principal: Principal, @Body() body: UpdateIndicatorDto) {
    return this.indicators.update(principal.userId, indicatorId, body);
  }

  /** Records the value of a year with its source (coordinators). */
  @SignedIn()
  @Put('indicators/:indicatorId/values/:year')
  @ApiOkResponse({ type: IndicatorDto })
  value(@UuidParam('indicatorId') indicatorId: string, @Param('year', yearParam) year: number, @CurrentPrincipal() principal: Principal, @Body() body: IndicatorValueInputDto) {
    if (year < 1990 || year > 2100) throw fieldError('year', 'year must be a whole number from 1990 to 2100');
    return this.indicators.putValue(principal.userId, indicatorId, year, body);
  }
}
