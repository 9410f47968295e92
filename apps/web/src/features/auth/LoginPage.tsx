import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, useLocation, useNavigate, useSearchParams } from 'react-router';
import { fieldErrorsOf, formErrorText } from '../../api/error-text';
import { useSession } from '../../session/session';
import { StatusMessage } from '../../ui/Messages';
import { PageHeading } from '../../ui/PageHeading';
import { login } from './auth-api';
import { LoginForm, type LoginValues } from './LoginForm';

/**
 * Where to go after signing in: the page that sent the person here, if it is a path of this site. Anything that a
 * browser could read as another site is refused: `//host`, `/\host` (a backslash counts as a slash), and control
 * characters or whitespace that browsers strip from URLs (`/\t/host`).
 */
export function safeNext(next: string | null): string {
  if (!next || !next.startsWith('/') || next.startsWith('//')) return '/';
  if (/[\\\s\u0000-\u001f\u007f]/u.test(next)) return '/';
  return next;
}

export function LoginPage() {
  const { t } = useTranslation();
  const { state, refresh } = useSession();
  const navigate = useNavigate();
  const location = useLocation();
  const [params] = useSearchParams();
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<unknown>(null);
  const next = safeNext(params.get('next'));
  const notice = (location.state as { notice?: string } | null)?.notice;

  if (state.status === 'signedIn' && !busy) return <Navigate to={next} replace />;

  async function submit(values: LoginValues) {
    setBusy(true);
    setFailure(null);
    try {
      await login(values.email, values.password);
      await refresh();
      navigate(next, { replace: true });
    } catch (error) {
      setFailure(error);
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="narrow">
      <PageHeading title={t('auth.login.title')}>{t('auth.login.title')}</PageHeading>
      <p>{t('auth.login.intro')}</p>
      <StatusMessage message={notice ? t(notice) : null} />
      <LoginForm
        onSubmit={submit}
        busy={busy}
        error={formErrorText(failure, t)}
        fieldErrors={fieldErrorsOf(failure, t)}
      />
      <p>
        <Link to="/reset-password">{t('auth.login.forgot')}</Link>
      </p>
    </div>
  );
}
