import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { ApiError } from '../../api/client';
import { errorText, fieldErrorsOf, formErrorText } from '../../api/error-text';
import type { InvitationPreview } from '../../api/types';
import { useApiData } from '../../api/useApiData';
import { formatDateTime } from '../../i18n/format';
import { useSession } from '../../session/session';
import { Loading } from '../../ui/Loading';
import { ErrorMessage } from '../../ui/Messages';
import { PageHeading } from '../../ui/PageHeading';
import { AcceptInvitationForm, type AcceptValues } from './AcceptInvitationForm';
import { acceptInvitation, invitationPath } from './invitation-api';

/** The sign-in page, bringing the person back to this invitation afterwards. */
export const signInToAcceptPath = (token: string) => `/login?next=${encodeURIComponent(`/invitation?token=${encodeURIComponent(token)}`)}`;

const sameAddress = (a: string, b: string) => a.trim().toLowerCase() === b.trim().toLowerCase();

/**
 * /invitation?token=…: what the person is invited to, and how to accept it. A new address sets a name and password
 * here. An address that already has an account is accepted only by that person signed in: signed out, the page links
 * to the sign-in page (which brings them back); signed in as someone else, it says so and offers to sign out.
 */
export function InvitationPage() {
  const { t, i18n } = useTranslation();
  const [params] = useSearchParams();
  const token = params.get('token');
  const preview = useApiData<InvitationPreview>(token ? invitationPath(token) : null);
  const { state, refresh, signOut } = useSession();
  const navigate = useNavigate();
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<unknown>(null);
  const [switched, setSwitched] = useState(false);
  const signInLink = useRef<HTMLAnchorElement>(null);

  // After "sign out to sign in as …" the button is gone: the focus goes to the sign-in link that replaces it.
  useEffect(() => {
    if (switched && state.status === 'signedOut') signInLink.current?.focus();
  }, [switched, state.status]);

  async function accept(values: AcceptValues) {
    if (!token || !preview.data) return;
    setBusy(true);
    setFailure(null);
    try {
      await acceptInvitation(token, values);
      await refresh();
      navigate(`/w/${preview.data.workspace.id}`, { replace: true });
    } catch (error) {
      setFailure(error);
      setBusy(false);
      // Signed out meanwhile, or as someone else: the page follows the session as it is now.
      if (error instanceof ApiError && (error.code === 'sign_in_required' || error.code === 'wrong_account')) await refresh().catch(() => undefined);
    }
  }

  async function switchAccount() {
    setFailure(null);
    setSwitched(true);
    await signOut().catch(() => undefined);
  }

  const invitation = preview.data;

  function acceptStep(invitation: InvitationPreview) {
    const form = (
      <AcceptInvitationForm
        accountExists={invitation.accountExists}
        email={invitation.email}
        suggestedName={invitation.displayName}
        onSubmit={accept}
        busy={busy}
        error={formErrorText(failure, t)}
        fieldErrors={fieldErrorsOf(failure, t)}
      />
    );
    if (!invitation.accountExists || !token) return form;
    if (state.status === 'loading') return <Loading label={t('session.checking')} />;
    if (state.status === 'signedOut') {
      return (
        <>
          <ErrorMessage message={formErrorText(failure, t)} />
          <p>{t('invitation.signInToAccept', { email: invitation.email })}</p>
          <p>
            <Link ref={signInLink} className="button button--primary" to={signInToAcceptPath(token)}>
              {t('invitation.signInLink')}
            </Link>
          </p>
        </>
      );
    }
    if (sameAddress(state.me.email, invitation.email)) return form;
    return (
      <>
        <ErrorMessage message={formErrorText(failure, t)} />
        <p>{t('invitation.otherAccount', { current: state.me.email, email: invitation.email })}</p>
        <button type="button" className="button" onClick={() => void switchAccount()}>
          {t('invitation.switchAccount', { email: invitation.email })}
        </button>
      </>
    );
  }

  return (
    <div className="narrow">
      <PageHeading title={t('invitation.title')}>{t('invitation.title')}</PageHeading>
      {!token && <ErrorMessage message={t('invitation.missingToken')} />}
      {preview.loading && <Loading />}
      {preview.error != null && <ErrorMessage message={errorText(preview.error, t)} />}
      {invitation && (
        <>
          <p>{t('invitation.intro', { workspace: invitation.workspace.name })}</p>
          <dl className="facts">
            <dt>{t('invitation.workspace')}</dt>
            <dd>{invitation.workspace.name}</dd>
            <dt>{t('invitation.role')}</dt>
            <dd>{t(`roles.${invitation.role}`)}</dd>
            {invitation.organisation && (
              <>
                <dt>{t('invitation.organisation')}</dt>
                <dd>{invitation.organisation.name}</dd>
              </>
            )}
            <dt>{t('invitation.email')}</dt>
            <dd>{invitation.email}</dd>
            <dt>{t('invitation.expires')}</dt>
            <dd>{formatDateTime(invitation.expiresAt, i18n.language)}</dd>
          </dl>
          {acceptStep(invitation)}
        </>
      )}
    </div>
  );
}
