import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { fieldErrorsOf, formErrorText } from '../../api/error-text';
import { StatusMessage } from '../../ui/Messages';
import { PageHeading } from '../../ui/PageHeading';
import { confirmPasswordReset, requestPasswordReset } from './auth-api';
import { NewPasswordForm } from './NewPasswordForm';
import { ResetRequestForm } from './ResetRequestForm';

/** /reset-password asks for the address; /reset-password?token=… (the link in the e-mail) sets the new password. */
export function PasswordResetPage() {
  const [params] = useSearchParams();
  const token = params.get('token');
  return token ? <ResetConfirm token={token} /> : <ResetRequest />;
}

function ResetRequest() {
  const { t } = useTranslation();
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<unknown>(null);
  const [sent, setSent] = useState(false);

  async function submit(email: string) {
    setBusy(true);
    setFailure(null);
    try {
      await requestPasswordReset(email);
      setSent(true);
    } catch (error) {
      setFailure(error);
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="narrow">
      <PageHeading title={t('auth.reset.request.title')}>{t('auth.reset.request.title')}</PageHeading>
      <p>{t('auth.reset.request.intro')}</p>
      <StatusMessage message={sent ? t('auth.reset.request.sent') : null} />
      {!sent && (
        <ResetRequestForm onSubmit={submit} busy={busy} error={formErrorText(failure, t)} fieldErrors={fieldErrorsOf(failure, t)} />
      )}
      <p>
        <Link to="/login">{t('auth.backToLogin')}</Link>
      </p>
    </div>
  );
}

function ResetConfirm({ token }: { token: string }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<unknown>(null);

  async function submit(password: string) {
    setBusy(true);
    setFailure(null);
    try {
      await confirmPasswordReset(token, password);
      navigate('/login', { replace: true, state: { notice: 'auth.reset.confirm.done' } });
    } catch (error) {
      setFailure(error);
      setBusy(false);
    }
  }

  const fieldErrors = fieldErrorsOf(failure, t);
  // A bad token is not something the reader can correct in the form: say so above it.
  const tokenProblem = fieldErrors.token;
  return (
    <div className="narrow">
      <PageHeading title={t('auth.reset.confirm.title')}>{t('auth.reset.confirm.title')}</PageHeading>
      <NewPasswordForm
        onSubmit={submit}
        busy={busy}
        error={tokenProblem ?? formErrorText(failure, t)}
        fieldErrors={fieldErrors}
      />
      <p>
        <Link to="/reset-password">{t('auth.reset.confirm.newLink')}</Link>
      </p>
    </div>
  );
}
