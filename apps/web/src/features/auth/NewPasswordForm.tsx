import { type FormEvent, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PASSWORD_MIN_LENGTH } from '@commonplan/domain';
import { ErrorMessage } from '../../ui/Messages';
import { TextField } from '../../ui/TextField';
import { useFocusFirstError } from '../../ui/useFocusFirstError';
import { newPasswordError, problems } from './validation';

export interface NewPasswordFormProps {
  onSubmit: (password: string) => void;
  busy?: boolean;
  error?: string | null;
  fieldErrors?: Record<string, string>;
}

/** A new password, typed twice. */
export function NewPasswordForm({ onSubmit, busy = false, error = null, fieldErrors = {} }: NewPasswordFormProps) {
  const { t } = useTranslation();
  const [password, setPassword] = useState('');
  const [repeat, setRepeat] = useState('');
  const [ownErrors, setOwnErrors] = useState<Record<string, string>>({});
  const [attempt, setAttempt] = useState(0);
  const form = useRef<HTMLFormElement>(null);
  const errors = { ...fieldErrors, ...ownErrors };
  useFocusFirstError(form, errors, attempt);

  function submit(event: FormEvent) {
    event.preventDefault();
    if (busy) return;
    const found = problems({
      password: newPasswordError(password, t),
      repeat: password !== repeat ? t('errors.field.passwordsDiffer') : undefined,
    });
    setOwnErrors(found);
    setAttempt((a) => a + 1);
    if (Object.keys(found).length === 0) onSubmit(password);
  }

  return (
    <form ref={form} onSubmit={submit} noValidate className="form">
      <ErrorMessage message={error} />
      <TextField
        id="new-password"
        label={t('auth.reset.confirm.password')}
        hint={t('auth.passwordHint', { min: PASSWORD_MIN_LENGTH })}
        type="password"
        autoComplete="new-password"
        required
        value={password}
        onChange={setPassword}
        error={errors.password}
      />
      <TextField
        id="new-password-repeat"
        label={t('auth.reset.confirm.repeat')}
        type="password"
        autoComplete="new-password"
        required
        value={repeat}
        onChange={setRepeat}
        error={errors.repeat}
      />
      <button type="submit" className="button button--primary" aria-disabled={busy}>
        {t('auth.reset.confirm.submit')}
      </button>
    </form>
  );
}
