import { useTranslation } from 'react-i18next';
import { Navigate } from 'react-router';
import { useMe } from '../session/session';
import { PageHeading } from '../ui/PageHeading';

/** /: the first workspace, or a word that there is none yet. */
export function HomeRedirect() {
  const { t } = useTranslation();
  const me = useMe();
  const first = me.workspaces[0];
  if (first) return <Navigate to={`/w/${first.id}`} replace />;
  return (
    <>
      <PageHeading title={t('home.title')}>{t('home.title')}</PageHeading>
      <p>{t('home.noWorkspaces')}</p>
    </>
  );
}
