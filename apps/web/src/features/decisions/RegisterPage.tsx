import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useApiData } from '../../api/useApiData';
import { DataView } from '../../ui/DataView';
import { PageHeading } from '../../ui/PageHeading';
import { useWorkspace } from '../workspace/workspace-context';
import { decisionsPage, publicRegisterPage, type RegisterEntry, registerPath, resolutionPage } from './decisions-api';
import { RegisterTable } from './RegisterTable';
import { RegisterVerification } from './RegisterVerification';
import './decisions.css';

/** /w/:workspaceId/register: the decision register, its verification and the link to the published register. */
export function RegisterPage() {
  const { t } = useTranslation();
  const workspace = useWorkspace();
  const entries = useApiData<RegisterEntry[]>(registerPath(workspace.id));
  return (
    <>
      <p className="back-link">
        <Link to={decisionsPage(workspace.id)}>
          <span aria-hidden="true">← </span>
          {t('decisions.meeting.back')}
        </Link>
      </p>
      <PageHeading title={t('decisions.register.documentTitle', { workspace: workspace.shortName })}>{t('decisions.register.heading')}</PageHeading>
      <p className="lead">{t('decisions.register.lead')}</p>
      <RegisterVerification workspaceId={workspace.id} />
      <section aria-labelledby="register-heading">
        <h2 id="register-heading">{t('decisions.register.entriesHeading')}</h2>
        <DataView source={entries}>{(list) => <RegisterTable entries={list} entryHref={(entry) => resolutionPage(workspace.id, entry.resolutionId)} />}</DataView>
      </section>
      <p>
        <Link to={publicRegisterPage(workspace.slug)}>{t('decisions.register.publicLink')}</Link>
      </p>
    </>
  );
}
