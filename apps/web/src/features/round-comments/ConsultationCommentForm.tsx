import { type FormEvent, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { fieldErrorsOf, formErrorText } from '../../api/error-text';
import { ErrorMessage } from '../../ui/Messages';
import { SelectField } from '../../ui/SelectField';
import { SubmitButton } from '../../ui/SubmitButton';
import { TextAreaField } from '../../ui/TextAreaField';
import { TextField } from '../../ui/TextField';
import { useFocusFirstError } from '../../ui/useFocusFirstError';
import { When } from '../rounds/RoundDetails';
import { PassagePicker, type PickedPassage } from './PassagePicker';
import { SUBMITTER_KINDS, SUBMITTER_TYPES, type SubmitterKind, type SubmitterType } from '@commonplan/domain';
import { type CommentReceipt, ownCommentPagePath, submitOwnComment, submitPublicComment } from './round-comments-api';

interface Props {
  roundId: string;
  /** The consulted version's content (Tiptap JSON), in which the passage is picked. */
  content: Record<string, unknown>;
  informationClause: string;
  /** public: anyone with the link, naming themselves; signedIn: a member's representative or a partner, in their organisation's name. */
  mode: 'public' | 'signedIn';
  onSubmitted?: (receipt: CommentReceipt) => void;
}

const EMPTY = { part: '', currentWording: '', proposedWording: '', justification: '', kind: 'person', name: '', type: 'resident', email: '', website: '' };

/**
 * The consultation form as Polish practice has it: the part of the document (picked by selecting the passage in the
 * consulted text, which fills the current wording and anchors the comment), current wording, proposed wording,
 * justification and, on the public form, who sends it; then a receipt with the comment's number.
 */
export function ConsultationCommentForm({ roundId, content, informationClause, mode, onSubmitted }: Props) {
  const { t } = useTranslation();
  const form = useRef<HTMLFormElement>(null);
  const [values, setValues] = useState(EMPTY);
  const [passage, setPassage] = useState<PickedPassage | null>(null);
  const [errors, setErrors] = useState<Record<string, string | undefined>>({});
  const [failure, setFailure] = useState<unknown>(null);
  const [attempt, setAttempt] = useState(0);
  const [busy, setBusy] = useState(false);
  const [receipt, setReceipt] = useState<CommentReceipt | null>(null);
  useFocusFirstError(form, errors, attempt);

  const set = (field: keyof typeof EMPTY) => (value: string) => setValues((current) => ({ ...current, [field]: value }));

  function pick(picked: PickedPassage) {
    setPassage(picked);
    setValues((current) => ({ ...current, currentWording: picked.text, part: current.part || picked.heading }));
    form.current?.querySelector<HTMLElement>('#comment-part')?.focus();
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (busy) return;
    setAttempt((n) => n + 1);
    const required = t('errors.field.required');
    const local = {
      part: values.part.trim() ? undefined : required,
      justification: values.justification.trim() ? undefined : required,
      'submitter.name': mode === 'public' && !values.name.trim() ? required : undefined,
    };
    setErrors(local);
    setFailure(null);
    if (Object.values(local).some(Boolean)) return;
    // A passage counts only while the wording still is its text; an edited wording keeps the part, not the anchor.
    const anchored = passage && values.currentWording === passage.text ? { passage: { from: passage.from, to: passage.to } } : {};
    const content = { part: values.part.trim(), currentWording: values.currentWording, proposedWording: values.proposedWording, justification: values.justification.trim(), ...anchored };
    setBusy(true);
    try {
      const result =
        mode === 'public'
          ? await submitPublicComment(roundId, {
              ...content,
              submitter: { kind: values.kind as SubmitterKind, name: values.name.trim(), type: values.type as SubmitterType },
              ...(values.email.trim() ? { email: values.email.trim() } : {}),
              ...(values.website ? { website: values.website } : {}),
            })
          : await submitOwnComment(roundId, content);
      if ('number' in result) {
        setReceipt(result);
        onSubmitted?.(result);
      }
      setValues(EMPTY);
      setPassage(null);
    } catch (error) {
      setErrors(fieldErrorsOf(error, t));
      setFailure(error);
    } finally {
      setBusy(false);
    }
  }

  if (receipt) {
    return (
      <section className="receipt" aria-labelledby="receipt-heading" role="status">
        <h2 id="receipt-heading" tabIndex={-1} ref={(node) => node?.focus()}>
          {t('commentForm.receipt.heading')}
        </h2>
        <dl className="facts">
          <dt>{t('commentForm.receipt.number')}</dt>
          <dd>
            <strong>{receipt.number}</strong>
          </dd>
          <dt>{t('commentForm.receipt.consultation')}</dt>
          <dd>{receipt.roundTitle}</dd>
          <dt>{t('commentForm.receipt.submittedAt')}</dt>
          <dd>
            <When iso={receipt.submittedAt} />
          </dd>
        </dl>
        <p>{t(mode === 'public' ? 'commentForm.receipt.publicNote' : 'commentForm.receipt.signedInNote')}</p>
        {receipt.editSecret && (
          <>
            <p>
              {t('commentForm.receipt.secret')} <code className="hash">{receipt.editSecret}</code>
            </p>
            <p>
              <Link to={ownCommentPagePath(roundId, receipt.id, receipt.editSecret)}>{t('commentForm.own.link')}</Link>
            </p>
          </>
        )}
        <p>
          <button type="button" className="button" onClick={() => setReceipt(null)}>
            {t('commentForm.receipt.another')}
          </button>
        </p>
      </section>
    );
  }

  return (
    <section aria-labelledby="comment-form-heading" className="comment-form">
      <h2 id="comment-form-heading">{t('commentForm.heading')}</h2>
      <PassagePicker content={content} label={t('commentForm.passage.label')} onPick={pick} />
      <form ref={form} onSubmit={(event) => void submit(event)} noValidate aria-labelledby="comment-form-heading">
        <ErrorMessage message={formErrorText(failure, t)} />
        <fieldset>
          <legend>{t('commentForm.sections.passage')}</legend>
          <TextField id="comment-part" label={t('commentForm.fields.part')} hint={t('commentForm.hints.part')} value={values.part} onChange={set('part')} error={errors['part']} required />
          <TextAreaField id="comment-current" label={t('commentForm.fields.currentWording')} hint={t('commentForm.hints.currentWording')} value={values.currentWording} onChange={set('currentWording')} error={errors['currentWording']} />
          {passage && values.currentWording === passage.text && <p className="field__hint">{t('commentForm.passage.anchored')}</p>}
        </fieldset>
        <fieldset>
          <legend>{t('commentForm.sections.comment')}</legend>
          <TextAreaField id="comment-proposed" label={t('commentForm.fields.proposedWording')} value={values.proposedWording} onChange={set('proposedWording')} error={errors['proposedWording']} />
          <TextAreaField id="comment-justification" label={t('commentForm.fields.justification')} value={values.justification} onChange={set('justification')} error={errors['justification']} required />
        </fieldset>
        {mode === 'public' && (
          <fieldset>
            <legend>{t('commentForm.sections.submitter')}</legend>
            <SelectField id="comment-kind" label={t('commentForm.fields.kind')} value={values.kind} onChange={set('kind')} options={SUBMITTER_KINDS.map((kind) => ({ value: kind, label: t(`commentForm.kinds.${kind}`) }))} />
            <TextField id="comment-name" label={t(values.kind === 'person' ? 'commentForm.fields.personName' : 'commentForm.fields.institutionName')} value={values.name} onChange={set('name')} error={errors['submitter.name']} autoComplete={values.kind === 'person' ? 'name' : 'organization'} required />
            <SelectField id="comment-type" label={t('commentForm.fields.type')} value={values.type} onChange={set('type')} options={SUBMITTER_TYPES.map((type) => ({ value: type, label: t(`commentForm.types.${type}`) }))} />
            <TextField id="comment-email" type="email" label={t('commentForm.fields.email')} hint={t('commentForm.hints.email')} value={values.email} onChange={set('email')} error={errors['email']} autoComplete="email" />
            <div className="honeypot" aria-hidden="true">
              <label htmlFor="comment-website">{t('commentForm.fields.website')}</label>
              <input id="comment-website" name="website" tabIndex={-1} autoComplete="off" value={values.website} onChange={(event) => set('website')(event.target.value)} />
            </div>
          </fieldset>
        )}
        <details className="information-clause">
          <summary>{t('commentForm.clause')}</summary>
          <p>{informationClause}</p>
        </details>
        <SubmitButton busy={busy} label={t('commentForm.submit')} busyLabel={t('commentForm.submitting')} />
      </form>
    </section>
  );
}
