import { Module } from '@nestjs/common';
import { FundingCallsController } from './funding-calls.controller';
import { FundingCallsService } from './funding-calls.service';
import { ProjectsController } from './projects.controller';
import { ProjectsService } from './projects.service';

/**
 * Joint projects and external funding (the practice's third procedure): projects, their pipeline and cost sharing, and
 * the funding calls they are matched to.
 */
@Module({
  controllers: [ProjectsController, FundingCallsController],
  providers: [ProjectsService, FundingCallsService],
})
export class ProjectsModule {}
