import { useTranslation } from 'react-i18next';
import { Navigate, Outlet, useLocation } from 'react-router';
import { CollabProvider } from '../features/collab/useCollab';
import { useSession } from '../session/session';
import { Loading } from '../ui/Loading';

/** The pages behind sign-in: a signed-out reader is sent to /login and brought back afterwards. */
export function RequireSession() {
  const { t } = useTranslation();
  const { state } = useSession();
  const location = useLocation();
  if (state.status === 'loading') return <Loading label={t('session.checking')} />;
  if (state.status === 'signedOut') {
    // After the sign-out button: the login page says goodbye. Otherwise it brings the reader back here afterwards.
    if (state.reason === 'signedOut') return <Navigate to="/login" replace state={{ notice: 'auth.signedOutNotice' }} />;
    // The fragment too: an e-mail's link to /account#notifications lands on that section after signing in.
    const next = location.pathname + location.search + location.hash;
    const notice = state.reason === 'expired' ? { notice: 'errors.signedOut' } : null;
    return <Navigate to={next === '/' ? '/login' : `/login?next=${encodeURIComponent(next)}`} replace state={notice} />;
  }
  // One co-drafting connection per signed-in person, gone with the session (sign-out, expiry).
  return (
    <CollabProvider key={state.me.id}>
      <Outlet />
    </CollabProvider>
  );
}
