import { type FormEvent, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { DOCUMENT_KINDS, type DocumentKind } from '@commonplan/domain';
import { api } from '../../api/client';
import { fieldErrorsOf, formErrorText } from '../../api/error-text';
import type { DocumentDetails } from '../../api/types';
import { ErrorMessage } from '../../ui/Messages';
import { SelectField } from '../../ui/SelectField';
import { SubmitButton } from '../../ui/SubmitButton';
import { TextField } from '../../ui/TextField';
import { useFocusFirstError } from '../../ui/useFocusFirstError';

/** The API's limit on a title. */
export const TITLE_MAX_LENGTH = 300;

/** POST /api/workspaces/:id/documents: an empty document of the workspace, in drafting. */
export const createDocument = (workspaceId: string, title: string, kind: DocumentKind) =>
  api.post<DocumentDetails>(`/workspaces/${workspaceId}/documents`, { title, kind });

/** A new, empty document of the workspace (those who may create documents); it opens once created. */
export function NewDocumentForm({ workspaceId }: { workspaceId: string }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const id = useId();
  const form = useRef<HTMLFormElement>(null);
  const [title, setTitle] = useState('');
  const [kind, setKind] = useState<DocumentKind>('strategy');
  const [titleError, setTitleError] = useState<string | undefined>(undefined);
  const [attempt, setAttempt] = useState(0);
  const [failure, setFailure] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  useFocusFirstError(form, { title: titleError }, attempt);

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (busy) return;
    const trimmed = title.trim();
    const problem = !trimmed
      ? t('dashboard.newDocument.titleRequired')
      : trimmed.length > TITLE_MAX_LENGTH
        ? t('dashboard.newDocument.titleTooLong', { max: TITLE_MAX_LENGTH })
        : undefined;
    setTitleError(problem);
    setAttempt((n) => n + 1);
    setFailure(null);
    if (problem) return;
    setBusy(true);
    try {
      const created = await createDocument(workspaceId, trimmed, kind);
      void navigate(`/w/${workspaceId}/d/${created.id}`);
    } catch (error) {
      setFailure(error);
      const fields = fieldErrorsOf(error, t);
      if (fields.title) {
        setTitleError(fields.title);
        setAttempt((n) => n + 1);
      }
    } finally {
      setBusy(false);
    }
  }

  return (
    <form ref={form} className="form form--inline-block" onSubmit={(event) => void submit(event)} noValidate aria-labelledby={`${id}-heading`}>
      <h3 id={`${id}-heading`}>{t('dashboard.newDocument.heading')}</h3>
      <ErrorMessage message={formErrorText(failure, t)} />
      <TextField id={`${id}-title`} label={t('dashboard.newDocument.title')} value={title} onChange={setTitle} error={titleError} required />
      <SelectField
        id={`${id}-kind`}
        label={t('dashboard.newDocument.kind')}
        value={kind}
        onChange={(value) => setKind(value as DocumentKind)}
        options={DOCUMENT_KINDS.map((value) => ({ value, label: t(`documentKinds.${value}`) }))}
      />
      <SubmitButton busy={busy} label={t('dashboard.newDocument.submit')} busyLabel={t('dashboard.newDocument.busy')} />
    </form>
  );
}
