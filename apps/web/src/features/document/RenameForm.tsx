import { type FormEvent, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorMessage } from '../../ui/Messages';
import { TextField } from '../../ui/TextField';
import { useFocusFirstError } from '../../ui/useFocusFirstError';
import { SubmitButton } from '../../ui/SubmitButton';

/** The API's limit on a title (UpdateDocumentDto). */
export const TITLE_MAX_LENGTH = 300;

export interface RenameFormProps {
  title: string;
  onSubmit: (title: string) => void;
  busy?: boolean;
  error?: string | null;
  fieldError?: string;
}

/** A new title for the document (people with edit access). */
export function RenameForm({ title, onSubmit, busy = false, error = null, fieldError }: RenameFormProps) {
  const { t } = useTranslation();
  const [value, setValue] = useState(title);
  const [ownError, setOwnError] = useState<string | undefined>();
  const [attempt, setAttempt] = useState(0);
  const form = useRef<HTMLFormElement>(null);
  const shown = ownError ?? fieldError;
  useFocusFirstError(form, { title: shown }, attempt);

  function submit(event: FormEvent) {
    event.preventDefault();
    if (busy) return;
    const next = value.trim();
    const problem = !next
      ? t('document.rename.required')
      : next.length > TITLE_MAX_LENGTH
        ? t('document.rename.tooLong', { max: TITLE_MAX_LENGTH })
        : undefined;
    setOwnError(problem);
    setAttempt((a) => a + 1);
    if (!problem && next !== title) onSubmit(next);
  }

  return (
    <form ref={form} onSubmit={submit} noValidate className="form" aria-labelledby="rename-heading">
      <h3 id="rename-heading">{t('document.rename.heading')}</h3>
      <ErrorMessage message={error} />
      <TextField id="document-title" label={t('document.rename.label')} value={value} onChange={setValue} error={shown} required />
      <SubmitButton busy={busy} label={t('document.rename.submit')} busyLabel={t('document.rename.saving')} />
    </form>
  );
}
