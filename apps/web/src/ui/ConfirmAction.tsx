import { useEffect, useId, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorMessage } from './Messages';

export interface ConfirmActionProps {
  question: string;
  confirmLabel: string;
  onConfirm: () => void;
  onCancel: () => void;
  busy?: boolean;
  error?: string | null;
}

/** An inline "Are you sure?" with the question as the group's name; the confirm button takes the focus. */
export function ConfirmAction({ question, confirmLabel, onConfirm, onCancel, busy = false, error = null }: ConfirmActionProps) {
  const { t } = useTranslation();
  const questionId = useId();
  const confirm = useRef<HTMLButtonElement>(null);
  useEffect(() => confirm.current?.focus(), []);
  return (
    <div role="group" aria-labelledby={questionId} className="confirm">
      <p id={questionId}>{question}</p>
      <ErrorMessage message={error} />
      <div className="form__actions">
        <button ref={confirm} type="button" className="button button--danger" aria-disabled={busy} onClick={() => !busy && onConfirm()}>
          {confirmLabel}
        </button>
        <button type="button" className="button" onClick={onCancel}>
          {t('common.cancel')}
        </button>
      </div>
    </div>
  );
}
