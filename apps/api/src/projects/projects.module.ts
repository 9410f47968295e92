import { Module } from '@nestjs/common';
import { FundingCallsController } from './funding-calls.controller';
import { FundingCallsService } from './funding-calls.service';
import { IndicatorsController } from './indicators.controller';
import { IndicatorsService } from './indicators.service';
import { ProjectsController } from './projects.controller';
import { ProjectsService } from './projects.service';
import { StatementsController } from './statements/statements.controller';
import { StatementsService } from './statements/statements.service';

/**
 * Joint projects and external funding (the practice's third procedure): projects, their pipeline and cost sharing, and
 * the funding calls they are matched to.
 */
@Module({
  controllers: [ProjectsController, FundingCallsController, StatementsController, IndicatorsController],
  providers: [ProjectsService, FundingCallsService, StatementsService, IndicatorsService],
})
export class ProjectsModule {}
