import { type FormEvent, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorMessage } from '../../ui/Messages';
import { TextField } from '../../ui/TextField';
import { useFocusFirstError } from '../../ui/useFocusFirstError';
import { VERSION_NAME_MAX_LENGTH } from './versions-api';
import { SubmitButton } from '../../ui/SubmitButton';

export interface FreezeFormProps {
  onSubmit: (name: string) => void;
  busy?: boolean;
  error?: string | null;
  fieldError?: string;
}

/** Freezes the text as it is now under a name, e.g. "v1.0 — do konsultacji" (edit access). */
export function FreezeForm({ onSubmit, busy = false, error = null, fieldError }: FreezeFormProps) {
  const { t } = useTranslation();
  const [value, setValue] = useState('');
  const [ownError, setOwnError] = useState<string | undefined>();
  const [attempt, setAttempt] = useState(0);
  const form = useRef<HTMLFormElement>(null);
  const shown = ownError ?? fieldError;
  useFocusFirstError(form, { name: shown }, attempt);

  function submit(event: FormEvent) {
    event.preventDefault();
    if (busy) return;
    const name = value.trim();
    const problem = !name
      ? t('versions.freeze.required')
      : name.length > VERSION_NAME_MAX_LENGTH
        ? t('versions.freeze.tooLong', { max: VERSION_NAME_MAX_LENGTH })
        : undefined;
    setOwnError(problem);
    setAttempt((a) => a + 1);
    if (!problem) onSubmit(name);
  }

  return (
    <form ref={form} onSubmit={submit} noValidate className="form" aria-labelledby="freeze-heading">
      <h3 id="freeze-heading">{t('versions.freeze.heading')}</h3>
      <ErrorMessage message={error} />
      <TextField id="version-name" label={t('versions.freeze.label')} hint={t('versions.freeze.hint')} value={value} onChange={setValue} error={shown} required />
      <SubmitButton busy={busy} label={t('versions.freeze.submit')} busyLabel={t('versions.freeze.saving')} />
    </form>
  );
}
