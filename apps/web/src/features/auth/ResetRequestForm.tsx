import { type FormEvent, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorMessage } from '../../ui/Messages';
import { TextField } from '../../ui/TextField';
import { useFocusFirstError } from '../../ui/useFocusFirstError';
import { emailError, problems } from './validation';

export interface ResetRequestFormProps {
  onSubmit: (email: string) => void;
  busy?: boolean;
  error?: string | null;
  fieldErrors?: Record<string, string>;
}

/** Asks for the e-mail address to send a reset link to. */
export function ResetRequestForm({ onSubmit, busy = false, error = null, fieldErrors = {} }: ResetRequestFormProps) {
  const { t } = useTranslation();
  const [email, setEmail] = useState('');
  const [ownErrors, setOwnErrors] = useState<Record<string, string>>({});
  const [attempt, setAttempt] = useState(0);
  const form = useRef<HTMLFormElement>(null);
  const errors = { ...fieldErrors, ...ownErrors };
  useFocusFirstError(form, errors, attempt);

  function submit(event: FormEvent) {
    event.preventDefault();
    if (busy) return;
    const found = problems({ email: emailError(email, t) });
    setOwnErrors(found);
    setAttempt((a) => a + 1);
    if (Object.keys(found).length === 0) onSubmit(email.trim());
  }

  return (
    <form ref={form} onSubmit={submit} noValidate className="form">
      <ErrorMessage message={error} />
      <TextField
        id="reset-email"
        label={t('auth.email')}
        type="email"
        autoComplete="email"
        required
        value={email}
        onChange={setEmail}
        error={errors.email}
      />
      <button type="submit" className="button button--primary" aria-disabled={busy}>
        {t('auth.reset.request.submit')}
      </button>
    </form>
  );
}
