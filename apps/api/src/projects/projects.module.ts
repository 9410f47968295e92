import { Module } from '@nestjs/common';
import { FundingCallsController } from './funding-calls.controller';
import { FundingCallsService } from './funding-calls.service';
import { IndicatorsController } from './indicators.controller';
import { IndicatorsService } from './indicators.service';
import { MonitoringController } from './monitoring/monitoring.controller';
import { MonitoringService } from './monitoring/monitoring.service';
import { ProjectsController } from './projects.controller';
import { ProjectsService } from './projects.service';
import { StatementsController } from './statements/statements.controller';
import { StatementsService } from './statements/statements.service';

/**
 * Joint projects and external funding (the practice's third procedure): projects, their pipeline and cost sharing, and
 * the funding calls they are matched to, members' statements, the strategy's indicators and its monitoring report.
 */
@Module({
  controllers: [ProjectsController, FundingCallsController, StatementsController, IndicatorsController, MonitoringController],
  providers: [ProjectsService, FundingCallsService, StatementsService, IndicatorsService, MonitoringService],
})
export class ProjectsModule {}
