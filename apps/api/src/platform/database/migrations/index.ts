import { Foundation1764489600000 } from './1764489600000-foundation';
import { CoDrafting1764576000000 } from './1764576000000-co-drafting';
import { DocumentVersions1796037735201 } from './1796037735201-document-versions';
import { DocumentComments1796039067976 } from './1796039067976-document-comments';
import { ConsultationRounds1796041745052 } from './1796041745052-consultation-rounds';
import { ConsultationComments1796041982505 } from './1796041982505-consultation-comments';
import { ConsultationDispositions1796042277402 } from './1796042277402-consultation-dispositions';
import { ConsultationProposals1796045593014 } from './1796045593014-consultation-proposals';
import { ConsultationReports1796045643353 } from './1796045643353-consultation-reports';
import { Decisions1796047544392 } from './1796047544392-decisions';
import { ResolutionAttachments1796049094747 } from './1796049094747-resolution-attachments';
import { Jobs1796522420241 } from './1796522420241-jobs';
import { SecretTalliesSealedVotes1796529177240 } from './1796529177240-secret-tallies-sealed-votes';
import { ConsultationReportFacts1796529753449 } from './1796529753449-consultation-report-facts';
import { AdoptedTextFrozen1796529901526 } from './1796529901526-adopted-text-frozen';
import { StatuteRules1796537100000 } from './1796537100000-statute-rules';
import { DocumentOrganisationAccess1796543098836 } from './1796543098836-document-organisation-access';
import { NotificationDelivery1796560000000 } from './1796560000000-notification-delivery';
import { ThreadPassageDeleted1796560000100 } from './1796560000100-thread-passage-deleted';
import { RoundNotifications1796560000200 } from './1796560000200-round-notifications';
import { JointProjects1796570000000 } from './1796570000000-joint-projects';
import { FundingCalls1796570000100 } from './1796570000100-funding-calls';
import { MembershipFees1796570000200 } from './1796570000200-membership-fees';
import { Indicators1796570000300 } from './1796570000300-indicators';
import { MonitoringReports1796570000400 } from './1796570000400-monitoring-reports';
import { JointProcurement1796570000500 } from './1796570000500-joint-procurement';

/** Every migration, oldest first. `npm run db:migration:create -- <name>` adds a file and a line here. */
export const migrations = [Foundation1764489600000, CoDrafting1764576000000, DocumentVersions1796037735201, DocumentComments1796039067976, ConsultationRounds1796041745052, ConsultationComments1796041982505, ConsultationDispositions1796042277402, ConsultationProposals1796045593014, ConsultationReports1796045643353, Decisions1796047544392, ResolutionAttachments1796049094747, Jobs1796522420241, SecretTalliesSealedVotes1796529177240, ConsultationReportFacts1796529753449, AdoptedTextFrozen1796529901526, StatuteRules1796537100000, DocumentOrganisationAccess1796543098836, NotificationDelivery1796560000000, ThreadPassageDeleted1796560000100, RoundNotifications1796560000200, JointProjects1796570000000, FundingCalls1796570000100, MembershipFees1796570000200, Indicators1796570000300, MonitoringReports1796570000400, JointProcurement1796570000500];
