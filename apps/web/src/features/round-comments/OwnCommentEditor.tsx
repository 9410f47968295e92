import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorText, fieldErrorsOf } from '../../api/error-text';
import { ConfirmAction } from '../../ui/ConfirmAction';
import { ErrorMessage } from '../../ui/Messages';
import { SubmitButton } from '../../ui/SubmitButton';
import { TextAreaField } from '../../ui/TextAreaField';
import { TextField } from '../../ui/TextField';
import type { CommentContent, SubmittedComment } from './round-comments-api';

/**
 * A sent comment changed or withdrawn by its sender until the close. The passage it is pinned to stays (it is in the
 * frozen version); a changed current wording keeps the pin.
 */
export function OwnCommentEditor({ comment, onSave, onWithdraw }: { comment: SubmittedComment; onSave: (content: CommentContent) => Promise<void>; onWithdraw: () => Promise<void> }) {
  const { t } = useTranslation();
  const [values, setValues] = useState({ part: comment.part, currentWording: comment.currentWording, proposedWording: comment.proposedWording, justification: comment.justification });
  const [errors, setErrors] = useState<Record<string, string | undefined>>({});
  const [failure, setFailure] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const set = (field: keyof typeof values) => (value: string) => setValues((current) => ({ ...current, [field]: value }));
  const id = (field: string) => `own-${comment.id}-${field}`;

  async function save(event: FormEvent) {
    event.preventDefault();
    if (busy) return;
    const required = t('errors.field.required');
    const local = { part: values.part.trim() ? undefined : required, justification: values.justification.trim() ? undefined : required };
    setErrors(local);
    setFailure(null);
    if (local.part || local.justification) return;
    setBusy(true);
    try {
      await onSave({ ...values, part: values.part.trim(), justification: values.justification.trim(), ...(comment.passage ? { passage: comment.passage } : {}) });
    } catch (error) {
      setErrors(fieldErrorsOf(error, t));
      setFailure(error);
    } finally {
      setBusy(false);
    }
  }

  async function withdraw() {
    setBusy(true);
    setFailure(null);
    try {
      await onWithdraw();
    } catch (error) {
      setFailure(error);
    } finally {
      setBusy(false);
      setConfirming(false);
    }
  }

  return (
    <form onSubmit={(event) => void save(event)} noValidate aria-label={t('commentForm.own.formLabel', { number: comment.number })}>
      <ErrorMessage message={failure ? errorText(failure, t) : null} />
      <TextField id={id('part')} label={t('commentForm.fields.part')} value={values.part} onChange={set('part')} error={errors['part']} required />
      <TextAreaField id={id('current')} label={t('commentForm.fields.currentWording')} value={values.currentWording} onChange={set('currentWording')} error={errors['currentWording']} />
      <TextAreaField id={id('proposed')} label={t('commentForm.fields.proposedWording')} value={values.proposedWording} onChange={set('proposedWording')} error={errors['proposedWording']} />
      <TextAreaField id={id('justification')} label={t('commentForm.fields.justification')} value={values.justification} onChange={set('justification')} error={errors['justification']} required />
      <SubmitButton busy={busy} label={t('commentForm.own.save')} busyLabel={t('commentForm.own.saving')} />
      {confirming ? (
        <ConfirmAction question={t('commentForm.own.withdrawQuestion', { number: comment.number })} confirmLabel={t('commentForm.own.withdraw')} onConfirm={() => void withdraw()} onCancel={() => setConfirming(false)} busy={busy} />
      ) : (
        <p>
          <button type="button" className="button button--danger" onClick={() => setConfirming(true)}>
            {t('commentForm.own.withdraw')}
          </button>
        </p>
      )}
    </form>
  );
}
