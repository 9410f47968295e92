import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { errorText } from '../../api/error-text';
import { useApiData } from '../../api/useApiData';
import { Loading } from '../../ui/Loading';
import { ErrorMessage } from '../../ui/Messages';
import { PageHeading } from '../../ui/PageHeading';
import { type PublicRegister, publicRegisterEntryPage, publicRegisterPath } from './decisions-api';
import { RegisterTable } from './RegisterTable';
import './decisions.css';

/** /registers/:slug, open to anyone: the association's register of adopted resolutions. */
export function PublicRegisterPage() {
  const { t } = useTranslation();
  const { slug = '' } = useParams();
  const source = useApiData<PublicRegister>(publicRegisterPath(slug));
  const register = source.data;
  if (!register) {
    if (source.error == null) return <Loading />;
    return (
      <>
        <PageHeading title={t('decisions.register.unavailable')}>{t('decisions.register.unavailable')}</PageHeading>
        <ErrorMessage message={errorText(source.error, t)} />
      </>
    );
  }
  const title = t('decisions.register.publicHeading', { workspace: register.workspace });
  return (
    <>
      <PageHeading title={title}>{title}</PageHeading>
      <p className="lead">{t('decisions.register.publicLead')}</p>
      <RegisterTable entries={register.entries} entryHref={(entry) => publicRegisterEntryPage(slug, entry.position)} />
    </>
  );
}
