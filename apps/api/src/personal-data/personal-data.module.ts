import { Module } from '@nestjs/common';
import { PersonalDataController } from './personal-data.controller';
import { PersonalDataService } from './personal-data.service';
import { RetentionService } from './retention.service';

/**
 * Personal data of the people a workspace deals with (issue 17): the retention of consultation commenters' contact
 * data and its hourly erasure, and the export of everything held about a person.
 */
@Module({
  controllers: [PersonalDataController],
  providers: [RetentionService, PersonalDataService],
  exports: [RetentionService],
})
export class PersonalDataModule {}
