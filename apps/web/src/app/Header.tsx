import { useTranslation } from 'react-i18next';
import { Link, useMatch, useNavigate } from 'react-router';
import { LanguageSwitch } from '../i18n/LanguageSwitch';
import { useSession } from '../session/session';
import { useUnreadCount } from '../features/notifications/notifications-api';
import { HeaderSearch } from '../features/search/HeaderSearch';
import { MainNav } from './MainNav';
import { WorkspaceSwitcher } from './WorkspaceSwitcher';

/**
 * Product name, workspace, the search box, navigation, the signed-in person with their role, sign-out and the language
 * switch.
 */
export function Header() {
  const { t } = useTranslation();
  const { state, signOut } = useSession();
  const navigate = useNavigate();
  const match = useMatch('/w/:workspaceId/*');
  const me = state.status === 'signedIn' ? state.me : null;
  const workspaceId = match?.params.workspaceId ?? null;
  const workspace = me?.workspaces.find((w) => w.id === workspaceId) ?? null;
  const unread = useUnreadCount(workspace?.id ?? null);
  // The search page has a search box of its own.
  const onSearchPage = useMatch('/w/:workspaceId/search') !== null;

  return (
    <header className="site-header">
      <div className="site-header__bar">
        <Link to="/" className="brand">
          {t('app.name')}
        </Link>
        <div className="site-header__tools">
          {me && (
            <p className="signed-in">
              <Link to="/account" className="signed-in__name" aria-label={t('account.link', { name: me.displayName })}>
                {me.displayName}
              </Link>
              {workspace && <span className="signed-in__role">{t(`roles.${workspace.role}`)}</span>}
            </p>
          )}
          {me && (
            <button type="button" className="button button--small" onClick={() => void signOut().catch(() => undefined)}>
              {t('header.signOut')}
            </button>
          )}
          <LanguageSwitch />
        </div>
      </div>
      {me && (workspace || me.workspaces.length > 1) && (
        <div className="site-header__context">
          <WorkspaceSwitcher
            key={workspaceId ?? 'none'}
            workspaces={me.workspaces}
            currentId={workspaceId}
            onSwitch={(id) => navigate(`/w/${id}`)}
          />
          {workspace && !onSearchPage && <HeaderSearch workspaceId={workspace.id} />}
        </div>
      )}
      {workspace && <MainNav workspaceId={workspace.id} role={workspace.role} unread={unread} />}
    </header>
  );
}
