import { type FormEvent, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Person } from '../../api/types';
import { ErrorMessage } from '../../ui/Messages';
import { COMMENT_MAX_LENGTH } from './comments-api';

export interface ComposerProps {
  /** The field's label, e.g. "Your comment" or "Reply". */
  label: string;
  submitLabel: string;
  /** People who can be mentioned (the workspace's active members, without the writer). */
  people: Person[];
  onSubmit: (comment: { body: string; mentions: string[] }) => Promise<void>;
  /** Why the comment cannot be sent now (e.g. no passage selected), shown on submit. */
  blocked?: string | null;
  error?: string | null;
}

/**
 * A comment's text with @mentions: choosing a person from the list writes "@Name" into the text and notifies them
 * in the app when the comment is sent (a native select: usable with the keyboard and screen readers everywhere).
 */
export function CommentComposer({ label, submitLabel, people, onSubmit, blocked = null, error = null }: ComposerProps) {
  const { t } = useTranslation();
  const id = useId();
  const [body, setBody] = useState('');
  const [mentions, setMentions] = useState<Person[]>([]);
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const field = useRef<HTMLTextAreaElement>(null);

  function mention(userId: string) {
    const person = people.find((p) => p.userId === userId);
    if (!person) return;
    setMentions((current) => (current.some((p) => p.userId === userId) ? current : [...current, person]));
    setBody((text) => `${text}${text && !text.endsWith(' ') ? ' ' : ''}@${person.displayName} `);
    field.current?.focus();
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (busy) return;
    const text = body.trim();
    const issue = blocked ?? (!text ? t('comments.required') : text.length > COMMENT_MAX_LENGTH ? t('comments.tooLong', { max: COMMENT_MAX_LENGTH }) : null);
    setProblem(issue);
    if (issue) {
      field.current?.focus();
      return;
    }
    setBusy(true);
    try {
      // Only people still named in the text are notified.
      await onSubmit({ body: text, mentions: mentions.filter((p) => text.includes(`@${p.displayName}`)).map((p) => p.userId) });
      setBody('');
      setMentions([]);
    } catch {
      // the parent shows the error
    } finally {
      setBusy(false);
    }
  }

  const errorId = `${id}-error`;
  const shown = problem ?? null;
  return (
    <form className="form comment-form" onSubmit={(event) => void submit(event)} noValidate>
      <ErrorMessage message={error} />
      <div className={shown ? 'field field--invalid' : 'field'}>
        <label htmlFor={`${id}-body`}>{label}</label>
        <textarea
          id={`${id}-body`}
          ref={field}
          rows={3}
          value={body}
          onChange={(event) => setBody(event.target.value)}
          aria-invalid={shown ? true : undefined}
          aria-describedby={shown ? errorId : undefined}
        />
        {shown && (
          <p id={errorId} className="field__error">
            {shown}
          </p>
        )}
      </div>
      {people.length > 0 && (
        <div className="field">
          <label htmlFor={`${id}-mention`}>{t('comments.mention')}</label>
          <select id={`${id}-mention`} value="" onChange={(event) => mention(event.target.value)}>
            <option value="">{t('comments.mentionChoose')}</option>
            {people.map((person) => (
              <option key={person.userId} value={person.userId}>
                {person.organisation ? `${person.displayName} (${person.organisation.name})` : person.displayName}
              </option>
            ))}
          </select>
        </div>
      )}
      <div className="form__actions">
        <button type="submit" className="button button--primary" aria-disabled={busy}>
          {busy ? t('comments.sending') : submitLabel}
        </button>
      </div>
    </form>
  );
}
