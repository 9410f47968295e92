import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DOCUMENT_STATUSES, type DocumentStatus, statusTransitionAllowed } from '@commonplan/domain';
import { ErrorMessage } from '../../ui/Messages';
import { SelectField } from '../../ui/SelectField';
import { SubmitButton } from '../../ui/SubmitButton';

/** The statuses a document may be put in from `current`: the current one first, then the allowed transitions. */
export function statusChoices(current: DocumentStatus): DocumentStatus[] {
  return [current, ...DOCUMENT_STATUSES.filter((status) => statusTransitionAllowed(current, status))];
}

export interface StatusFormProps {
  status: DocumentStatus;
  onSubmit: (status: DocumentStatus) => void;
  busy?: boolean;
  error?: string | null;
}

/** The document's status (coordinators): only the transitions the domain allows are offered. */
export function StatusForm({ status, onSubmit, busy = false, error = null }: StatusFormProps) {
  const { t } = useTranslation();
  const [value, setValue] = useState<DocumentStatus>(status);
  const [shownFor, setShownFor] = useState(status);
  if (shownFor !== status) {
    // The status changed (here or by a reload): start from it again.
    setShownFor(status);
    setValue(status);
  }
  const options = statusChoices(status).map((s) => ({
    value: s,
    label: s === status ? t('document.status.current', { status: t(`documentStatuses.${s}`) }) : t(`documentStatuses.${s}`),
  }));

  function submit(event: FormEvent) {
    event.preventDefault();
    if (busy || value === status) return;
    onSubmit(value);
  }

  return (
    <form onSubmit={submit} noValidate className="form" aria-labelledby="status-heading">
      <h3 id="status-heading">{t('document.status.heading')}</h3>
      <ErrorMessage message={error} />
      <SelectField
        id="document-status"
        label={t('document.status.label')}
        value={value}
        options={options}
        onChange={(next) => setValue(next as DocumentStatus)}
      />
      <SubmitButton busy={busy} label={t('document.status.submit')} busyLabel={t('document.status.saving')} />
    </form>
  );
}
