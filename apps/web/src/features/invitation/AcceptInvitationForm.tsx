import { type FormEvent, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PASSWORD_MIN_LENGTH } from '@commonplan/domain';
import { ErrorMessage } from '../../ui/Messages';
import { TextField } from '../../ui/TextField';
import { useFocusFirstError } from '../../ui/useFocusFirstError';
import { newPasswordError, problems, requiredError } from '../auth/validation';

export interface AcceptValues {
  displayName?: string;
  password?: string;
}

export interface AcceptInvitationFormProps {
  /** The invited address already has an account: only a button to accept. */
  accountExists: boolean;
  email: string;
  /** The name the coordinator typed in the invitation, offered as the starting value. */
  suggestedName?: string | null;
  onSubmit: (values: AcceptValues) => void;
  busy?: boolean;
  error?: string | null;
  fieldErrors?: Record<string, string>;
}

export function AcceptInvitationForm(props: AcceptInvitationFormProps) {
  const { accountExists, email, suggestedName, onSubmit, busy = false, error = null, fieldErrors = {} } = props;
  const { t } = useTranslation();
  const [displayName, setDisplayName] = useState(suggestedName ?? '');
  const [password, setPassword] = useState('');
  const [ownErrors, setOwnErrors] = useState<Record<string, string>>({});
  const [attempt, setAttempt] = useState(0);
  const form = useRef<HTMLFormElement>(null);
  const errors = { ...fieldErrors, ...ownErrors };
  useFocusFirstError(form, errors, attempt);

  function submit(event: FormEvent) {
    event.preventDefault();
    if (busy) return;
    if (accountExists) {
      onSubmit({});
      return;
    }
    const found = problems({ displayName: requiredError(displayName, t), password: newPasswordError(password, t, email) });
    setOwnErrors(found);
    setAttempt((a) => a + 1);
    if (Object.keys(found).length === 0) onSubmit({ displayName: displayName.trim(), password });
  }

  return (
    <form ref={form} onSubmit={submit} noValidate className="form">
      <ErrorMessage message={error} />
      {accountExists ? (
        <p>{t('invitation.accountExists', { email })}</p>
      ) : (
        <>
          <p>{t('invitation.newAccount', { email })}</p>
          <TextField
            id="invitation-name"
            label={t('invitation.displayName')}
            autoComplete="name"
            required
            value={displayName}
            onChange={setDisplayName}
            error={errors.displayName}
          />
          <TextField
            id="invitation-password"
            label={t('invitation.password')}
            hint={t('auth.passwordHint', { min: PASSWORD_MIN_LENGTH })}
            type="password"
            autoComplete="new-password"
            required
            value={password}
            onChange={setPassword}
            error={errors.password}
          />
        </>
      )}
      <button type="submit" className="button button--primary" aria-disabled={busy}>
        {busy ? t('invitation.accepting') : t('invitation.accept')}
      </button>
    </form>
  );
}
