import { useTranslation } from 'react-i18next';
import { NavLink } from 'react-router';
import { can, type Role } from '@commonplan/domain';

/**
 * Dashboard, decisions, joint projects and notifications (with the unread count) for everyone; People, the public site's
 * details and the Audit trail only for roles that may manage people / the public site / read the audit trail.
 */
export function MainNav({ workspaceId, role, unread = 0 }: { workspaceId: string; role: Role; unread?: number }) {
  const { t } = useTranslation();
  const base = `/w/${workspaceId}`;
  return (
    <nav aria-label={t('nav.label')} className="main-nav">
      <ul>
        <li>
          <NavLink to={base} end>
            {t('nav.dashboard')}
          </NavLink>
        </li>
        <li>
          <NavLink to={`${base}/decisions`}>{t('nav.decisions')}</NavLink>
        </li>
        <li>
          <NavLink to={`${base}/projects`}>{t('nav.projects')}</NavLink>
        </li>
        {can(role, 'people.manage') && (
          <li>
            <NavLink to={`${base}/people`}>{t('nav.people')}</NavLink>
          </li>
        )}
        {can(role, 'publication.manage') && (
          <li>
            <NavLink to={`${base}/publication`}>{t('nav.publication')}</NavLink>
          </li>
        )}
        {can(role, 'audit.read') && (
          <li>
            <NavLink to={`${base}/audit`}>{t('nav.audit')}</NavLink>
          </li>
        )}
        <li>
          <NavLink to={`${base}/notifications`}>{unread > 0 ? t('notifications.linkUnread', { count: unread }) : t('notifications.link')}</NavLink>
        </li>
      </ul>
    </nav>
  );
}
