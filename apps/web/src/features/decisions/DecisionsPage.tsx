import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { can } from '@commonplan/domain';
import type { DocumentSummary, Organisation } from '../../api/types';
import { useApiData } from '../../api/useApiData';
import { DataView } from '../../ui/DataView';
import { PageHeading } from '../../ui/PageHeading';
import { useWorkspace } from '../workspace/workspace-context';
import { AttachmentsSection } from './AttachmentsSection';
import { BodiesSection } from './BodiesSection';
import { memberOrganisationsPath } from './bodies-api';
import { BodyEditor } from './BodyEditor';
import { BodyForm } from './BodyForm';
import { CallMeetingForm } from './CallMeetingForm';
import { type BodyView, bodiesPath, type MeetingSummary, meetingsPath, registerPage, resolutionPage, resolutionsPath, type ResolutionView } from './decisions-api';
import { MeetingsTable } from './MeetingsTable';
import { ResolutionForm } from './ResolutionForm';
import { RemoteVoteForm } from './RemoteVoteForm';
import { ATTACHMENTS_AREA_ID, ResolutionsTable } from './ResolutionsTable';
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
  const navigate = useNavigate();
  const organisations = useApiData<Organisation[]>(manager ? memberOrganisationsPath(workspace.id) : null);
  /** The resolution whose attachments are shown under the table. */
  const [attachmentsOf, setAttachmentsOf] = useState<string | null>(null);
  const shownAttachments = resolutions.data?.find((r) => r.id === attachmentsOf) ?? null;

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
        <DataView source={resolutions}>
          {(list) => (
            <ResolutionsTable
              workspaceId={workspace.id}
              resolutions={list}
              attachmentsShown={shownAttachments?.id ?? null}
              onShowAttachments={(resolution) => setAttachmentsOf((shown) => (shown === resolution.id ? null : resolution.id))}
            />
          )}
        </DataView>
        <div id={ATTACHMENTS_AREA_ID}>{shownAttachments && <AttachmentsSection key={shownAttachments.id} resolution={shownAttachments} onChanged={resolutions.reload} focusOnShow />}</div>
        {manager && bodies.data && documents.data && (
          <ResolutionForm
            workspaceId={workspace.id}
            bodies={bodies.data}
            documents={documents.data}
            resolutions={resolutions.data ?? []}
            onCreated={() => {
              resolutions.reload();
              documents.reload();
            }}
          />
        )}
        {manager && resolutions.data && bodies.data && (
          <RemoteVoteForm resolutions={resolutions.data} bodies={bodies.data} onOpened={(_vote, resolutionId) => navigate(resolutionPage(workspace.id, resolutionId))} />
        )}
      </section>

      <section aria-labelledby="bodies-heading">
        <h2 id="bodies-heading">{t('decisions.bodies.heading')}</h2>
        <DataView source={bodies}>
          {(list) => <BodiesSection bodies={list} editor={manager && organisations.data ? (body) => <BodyEditor body={body} organisations={organisations.data ?? []} onSaved={bodies.reload} /> : undefined} />}
        </DataView>
        {manager && organisations.data && <BodyForm workspaceId={workspace.id} organisations={organisations.data} onCreated={bodies.reload} />}
      </section>
    </>
  );
}
