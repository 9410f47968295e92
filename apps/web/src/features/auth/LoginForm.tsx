import { type FormEvent, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorMessage } from '../../ui/Messages';
import { TextField } from '../../ui/TextField';
import { useFocusFirstError } from '../../ui/useFocusFirstError';
import { emailError, problems } from './validation';

export interface LoginValues {
  email: string;
  password: string;
}

export interface LoginFormProps {
  onSubmit: (values: LoginValues) => void;
  busy?: boolean;
  /** A problem not tied to one field (wrong password, too many attempts), already translated. */
  error?: string | null;
  /** Field problems the API reported, already translated. */
  fieldErrors?: Record<string, string>;
}

export function LoginForm({ onSubmit, busy = false, error = null, fieldErrors = {} }: LoginFormProps) {
  const { t } = useTranslation();
  const [values, setValues] = useState<LoginValues>({ email: '', password: '' });
  const [ownErrors, setOwnErrors] = useState<Record<string, string>>({});
  const [attempt, setAttempt] = useState(0);
  const form = useRef<HTMLFormElement>(null);
  const errors = { ...fieldErrors, ...ownErrors };
  useFocusFirstError(form, errors, attempt);

  function submit(event: FormEvent) {
    event.preventDefault();
    if (busy) return;
    const found = problems({
      email: emailError(values.email, t),
      password: values.password === '' ? t('errors.field.passwordRequired') : undefined,
    });
    setOwnErrors(found);
    setAttempt((a) => a + 1);
    if (Object.keys(found).length === 0) onSubmit({ email: values.email.trim(), password: values.password });
  }

  return (
    <form ref={form} onSubmit={submit} noValidate className="form">
      <ErrorMessage message={error} />
      <TextField
        id="login-email"
        label={t('auth.email')}
        type="email"
        autoComplete="username"
        required
        value={values.email}
        onChange={(email) => setValues((v) => ({ ...v, email }))}
        error={errors.email}
      />
      <TextField
        id="login-password"
        label={t('auth.password')}
        type="password"
        autoComplete="current-password"
        required
        value={values.password}
        onChange={(password) => setValues((v) => ({ ...v, password }))}
        error={errors.password}
      />
      <button type="submit" className="button button--primary" aria-disabled={busy}>
        {busy ? t('auth.login.submitting') : t('auth.login.submit')}
      </button>
    </form>
  );
}
