import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { can } from '@commonplan/domain';
import type { DocumentSummary } from '../../api/types';
import { useApiData } from '../../api/useApiData';
import { DataView } from '../../ui/DataView';
import { PageHeading } from '../../ui/PageHeading';
import { useWorkspace } from '../workspace/workspace-context';
import { BodiesSection } from './BodiesSection';
import { CallMeetingForm } from './CallMeetingForm';
import { type BodyView, bodiesPath, type MeetingSummary, meetingsPath, registerPage, resolutionsPath, type ResolutionView } from './decisions-api';
import { MeetingsTable } from './MeetingsTable';
import { ResolutionForm } from './ResolutionForm';
import { ResolutionsTable } from './ResolutionsTable';
import './decisions.css';

/**
 * /w/:workspaceId/decisions: the association's meetings, resolutions and bodies with their voting rules in words;
 * coordinators draft resolutions and call meetings here.
 */
export function DecisionsPage() {
  const { t } = useTranslation();
  const workspace = useWorkspace();
  const manager = can(workspace.role, 'decisions.manage');
  const bodies = useApiData<BodyView[]>(bodiesPath(workspace.id));
  const resolutions = useApiData<ResolutionView[]>(resolutionsPath(workspace.id));
  const meetings = useApiData<MeetingSummary[]>(meetingsPath(workspace.id));
  const documents = useApiData<DocumentSummary[]>(manager ? `/workspaces/${workspace.id}/documents` : null);

  return (
    <>
      <PageHeading title={t('decisions.page.documentTitle', { workspace: workspace.shortName })}>{t('decisions.page.heading')}</PageHeading>
      <p className="lead">{t('decisions.page.lead')}</p>
      <p>
        <Link to={registerPage(workspace.id)}>{t('decisions.register.link')}</Link>
      </p>

      <section aria-labelledby="meetings-heading">
        <h2 id="meetings-heading">{t('decisions.meetings.heading')}</h2>
        <DataView source={meetings}>{(list) => <MeetingsTable workspaceId={workspace.id} meetings={list} />}</DataView>
        {manager && bodies.data && resolutions.data && <CallMeetingForm workspaceId={workspace.id} bodies={bodies.data} resolutions={resolutions.data} />}
      </section>

      <section aria-labelledby="resolutions-heading">
        <h2 id="resolutions-heading">{t('decisions.resolutions.heading')}</h2>
        <DataView source={resolutions}>{(list) => <ResolutionsTable workspaceId={workspace.id} resolutions={list} />}</DataView>
        {manager && bodies.data && documents.data && (
          <ResolutionForm
            workspaceId={workspace.id}
            bodies={bodies.data}
            documents={documents.data}
            onCreated={() => {
              resolutions.reload();
              documents.reload();
            }}
          />
        )}
      </section>

      <section aria-labelledby="bodies-heading">
        <h2 id="bodies-heading">{t('decisions.bodies.heading')}</h2>
        <DataView source={bodies}>{(list) => <BodiesSection bodies={list} />}</DataView>
      </section>
    </>
  );
}
