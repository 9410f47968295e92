import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Outlet, useParams } from 'react-router';
import type { Capability } from '@commonplan/domain';
import { can } from '@commonplan/domain';
import { useMe } from '../../session/session';
import { ErrorMessage } from '../../ui/Messages';
import { PageHeading } from '../../ui/PageHeading';
import { useWorkspace, WorkspaceContext } from './workspace-context';

/** /w/:workspaceId: finds the workspace among the reader's own and provides it to the pages below. */
export function WorkspaceRoute() {
  const { t } = useTranslation();
  const me = useMe();
  const { workspaceId } = useParams();
  const workspace = me.workspaces.find((w) => w.id === workspaceId);
  if (!workspace) {
    return (
      <>
        <PageHeading title={t('workspace.notFound.title')}>{t('workspace.notFound.title')}</PageHeading>
        <ErrorMessage message={t('workspace.notFound.text')} />
      </>
    );
  }
  return (
    <WorkspaceContext.Provider value={workspace}>
      <Outlet />
    </WorkspaceContext.Provider>
  );
}

/** A page only some roles may see; others get an explanation instead of a broken page. */
export function RequireCapability({ capability, children }: { capability: Capability; children: ReactNode }) {
  const { t } = useTranslation();
  const workspace = useWorkspace();
  if (can(workspace.role, capability)) return <>{children}</>;
  return (
    <>
      <PageHeading title={t('workspace.forbidden.title')}>{t('workspace.forbidden.title')}</PageHeading>
      <ErrorMessage message={t('workspace.forbidden.text')} />
    </>
  );
}
