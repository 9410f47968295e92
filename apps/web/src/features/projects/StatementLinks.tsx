import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { can } from '@commonplan/domain';
import type { WorkspaceOfUser } from '../../api/types';
import { feesPage, memberPage, readsAllStatements } from './statements-api';

/**
 * The projects page's links to the members' money: a representative's own municipality, every member's statement for
 * coordinators, experts and observers, and the fees for coordinators. Partners get none (statements are for members).
 */
export function StatementLinks({ workspace }: { workspace: WorkspaceOfUser }) {
  const { t } = useTranslation();
  const own = workspace.role === 'representative' && workspace.organisationId ? workspace.organisationId : null;
  const all = readsAllStatements(workspace.role);
  const fees = can(workspace.role, 'projects.manage');
  if (!own && !all && !fees) return null;
  return (
    <ul className="plain-list">
      {own && (
        <li>
          <Link to={memberPage(workspace.id, own)}>{t('projects.member.link')}</Link>
        </li>
      )}
      {all && (
        <li>
          <Link to={memberPage(workspace.id)}>{t('projects.member.allLink')}</Link>
        </li>
      )}
      {fees && (
        <li>
          <Link to={feesPage(workspace.id)}>{t('projects.fees.link')}</Link>
        </li>
      )}
    </ul>
  );
}
