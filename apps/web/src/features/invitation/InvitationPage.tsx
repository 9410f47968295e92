import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router';
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

/** /invitation?token=…: what the person is invited to, and the form that accepts it. */
export function InvitationPage() {
  const { t, i18n } = useTranslation();
  const [params] = useSearchParams();
  const token = params.get('token');
  const preview = useApiData<InvitationPreview>(token ? invitationPath(token) : null);
  const { refresh } = useSession();
  const navigate = useNavigate();
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<unknown>(null);

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
    }
  }

  const invitation = preview.data;
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
          <AcceptInvitationForm
            accountExists={invitation.accountExists}
            email={invitation.email}
            suggestedName={invitation.displayName}
            onSubmit={accept}
            busy={busy}
            error={formErrorText(failure, t)}
            fieldErrors={fieldErrorsOf(failure, t)}
          />
        </>
      )}
    </div>
  );
}
