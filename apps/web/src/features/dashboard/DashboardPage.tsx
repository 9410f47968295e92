import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { can } from '@commonplan/domain';
import type { DocumentSummary, Organisation, Person, WorkspaceDetails } from '../../api/types';
import { useApiData } from '../../api/useApiData';
import { DataView } from '../../ui/DataView';
import { PageHeading } from '../../ui/PageHeading';
import { isStaff } from '../triage/triage-api';
import { useWorkspace } from '../workspace/workspace-context';
import { ImportForm } from '../document-files/ImportForm';
import { DocumentsTable } from './DocumentsTable';
import { MembersTable } from './MembersTable';
import { NewDocumentForm } from './NewDocumentForm';
import { PartnersTable } from './PartnersTable';
import { PeopleTable } from './PeopleTable';
import { type RoundSummary, RoundsTable } from './RoundsTable';
import { SummaryCounts } from './SummaryCounts';
import { WaitingForYou } from './WaitingForYou';

/** /w/:workspaceId: the association at a glance. */
export function DashboardPage() {
  const { t } = useTranslation();
  const workspace = useWorkspace();
  const base = `/workspaces/${workspace.id}`;
  const details = useApiData<WorkspaceDetails>(base);
  const members = useApiData<Organisation[]>(`${base}/organisations?kind=member`);
  const partners = useApiData<Organisation[]>(`${base}/organisations?kind=partner`);
  const people = useApiData<Person[]>(`${base}/people`);
  const documents = useApiData<DocumentSummary[]>(`${base}/documents`);
  const rounds = useApiData<RoundSummary[]>(`${base}/rounds`);

  return (
    <>
      <PageHeading title={t('dashboard.documentTitle', { workspace: workspace.shortName })}>{workspace.name}</PageHeading>
      <p className="lead">{t('dashboard.lead')}</p>
      <WaitingForYou workspaceId={workspace.id} />
      <DataView source={details}>{(d) => <SummaryCounts summary={d.summary} />}</DataView>

      <section aria-labelledby="documents-heading">
        <h2 id="documents-heading">{t('dashboard.documents.heading')}</h2>
        <DataView source={documents}>{(list) => <DocumentsTable workspaceId={workspace.id} documents={list} />}</DataView>
        {can(workspace.role, 'documents.create') && (
          <>
            <NewDocumentForm workspaceId={workspace.id} />
            <ImportForm workspaceId={workspace.id} />
          </>
        )}
      </section>

      <section aria-labelledby="rounds-heading">
        <h2 id="rounds-heading">{t('dashboard.rounds.heading')}</h2>
        <DataView source={rounds}>{(list) => <RoundsTable workspaceId={workspace.id} rounds={list} warnings={isStaff(workspace.role)} />}</DataView>
        {can(workspace.role, 'consultations.manage') && (
          <p>
            <Link to={`/w/${workspace.id}/rounds/new`} className="button">
              {t('roundForm.newLink')}
            </Link>
          </p>
        )}
      </section>

      <section aria-labelledby="members-heading">
        <h2 id="members-heading">{t('dashboard.members.heading')}</h2>
        <DataView source={members}>{(list) => <MembersTable members={list} />}</DataView>
      </section>

      <section aria-labelledby="partners-heading">
        <h2 id="partners-heading">{t('dashboard.partners.heading')}</h2>
        <DataView source={partners}>{(list) => <PartnersTable partners={list} />}</DataView>
      </section>

      <section aria-labelledby="people-heading">
        <h2 id="people-heading">{t('dashboard.people.heading')}</h2>
        <DataView source={people}>
          {(list) => <PeopleTable people={list} showEmail={can(workspace.role, 'people.readContact')} />}
        </DataView>
      </section>
    </>
  );
}
