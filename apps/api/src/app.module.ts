import { type DynamicModule, Module } from '@nestjs/common';
import { AccessModule } from './access/access.module';
import { AuditModule } from './audit/audit.module';
import { AuthModule } from './auth/auth.module';
import { CollabModule } from './collab/collab.module';
import { DocumentsModule } from './documents/documents.module';
import { HealthModule } from './health/health.module';
import { NotificationsModule } from './notifications/notifications.module';
import { OrganisationsModule } from './organisations/organisations.module';
import { PeopleModule } from './people/people.module';
import { PersonalDataModule } from './personal-data/personal-data.module';
import type { AppConfig } from './platform/config/app-config';
import type { Database } from './platform/database/database';
import { MetricsModule } from './platform/metrics/metrics.module';
import { PlatformModule } from './platform/platform.module';
import { ProjectsModule } from './projects/projects.module';
import { PublicationModule } from './publication/publication.module';
import { CommentsModule } from './comments/comments.module';
import { RoundsModule } from './consultations/rounds.module';
import { ReportModule } from './consultations/report/report.module';
import { DecisionsModule } from './decisions/decisions.module';
import { DocumentFilesModule } from './document-files/document-files.module';
import { SearchModule } from './search/search.module';
import { TasksModule } from './tasks/tasks.module';
import { VersionsModule } from './versions/versions.module';
import { WorkspacesModule } from './workspaces/workspaces.module';

@Module({})
export class AppModule {
  static forRoot(config: AppConfig, database: Database): DynamicModule {
    return {
      module: AppModule,
      imports: [
        PlatformModule.forRoot(config, database),
        MetricsModule,
        AuditModule,
        AccessModule,
        NotificationsModule,
        HealthModule,
        AuthModule,
        WorkspacesModule,
        OrganisationsModule,
        PeopleModule,
        DocumentsModule,
        CollabModule,
        VersionsModule,
        CommentsModule,
        DocumentFilesModule,
        RoundsModule,
        ReportModule,
        ProjectsModule,
        DecisionsModule,
        TasksModule,
        SearchModule,
        PublicationModule,
        PersonalDataModule,
      ],
    };
  }
}
