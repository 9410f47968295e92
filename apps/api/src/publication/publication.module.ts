import { Module } from '@nestjs/common';
import { ReportModule } from '../consultations/report/report.module';
import { DecisionsModule } from '../decisions/decisions.module';
import { PublicFeedService } from './public-feed.service';
import { PublicRecordsService } from './public-records.service';
import { PublicSiteController } from './public-site.controller';
import { PublicSiteService } from './public-site.service';
import { PublicationSettingsController } from './publication-settings.controller';
import { PublicationSettingsService } from './publication-settings.service';

/** Publication: the association's public site, its Atom feed, BIP metadata and exports, the accessibility statement. */
@Module({
  imports: [DecisionsModule, ReportModule],
  controllers: [PublicSiteController, PublicationSettingsController],
  providers: [PublicSiteService, PublicFeedService, PublicRecordsService, PublicationSettingsService],
})
export class PublicationModule {}
