import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorMessage } from '../../ui/Messages';
import { PassagePicker, type PickedPassage } from '../round-comments/PassagePicker';
import { proposeAmendment, resolutionLiveText } from './assembly-api';
import { decisionErrorText } from './decision-errors';
import type { AmendmentView, ResolutionView } from './decisions-api';
import { useAction } from './useAction';

/**
 * A new amendment: the passage picked in the resolution's text as it is now (with the mouse, a finger or the
 * keyboard, as a consultation comment's passage), the wording proposed in its place (empty deletes it) and why. Staff
 * name the body on whose behalf they propose it; a member's representative proposes for their member.
 */
export function ProposeAmendmentForm({
  resolution,
  staff,
  onProposed,
  onCancel,
}: {
  resolution: Pick<ResolutionView, 'id' | 'title'>;
  /** Staff propose on behalf of a body or committee, which they name. */
  staff: boolean;
  onProposed: (amendment: AmendmentView) => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const id = useId();
  const [content, setContent] = useState<Record<string, unknown> | null>(null);
  const [loadFailure, setLoadFailure] = useState<unknown>(null);
  const [picked, setPicked] = useState<PickedPassage | null>(null);
  const [proposed, setProposed] = useState('');
  const [justification, setJustification] = useState('');
  const [proposerName, setProposerName] = useState('');
  const [missing, setMissing] = useState(false);
  const { busy, failure, run } = useAction();

  useEffect(() => {
    let current = true;
    resolutionLiveText(resolution.id).then(
      (text) => current && setContent(text.content),
      (error: unknown) => current && setLoadFailure(error),
    );
    return () => {
      current = false;
    };
  }, [resolution.id]);

  async function submit(event: React.FormEvent) {
    event.preventDefault();
    if (!picked) {
      setMissing(true);
      document.getElementById(`${id}-picked`)?.focus();
      return;
    }
    await run(async () => {
      const amendment = await proposeAmendment(resolution.id, {
        from: picked.from,
        to: picked.to,
        expectedText: picked.text,
        proposedText: proposed,
        ...(justification.trim() ? { justification: justification.trim() } : {}),
        ...(staff ? { proposerName: proposerName.trim() } : {}),
      });
      onProposed(amendment);
    });
  }

  return (
    <form className="amendment-form panel" aria-labelledby={`${id}-heading`} onSubmit={(event) => void submit(event)} noValidate>
      <h5 id={`${id}-heading`} tabIndex={-1}>
        {t('decisions.assembly.amendments.formHeading', { title: resolution.title })}
      </h5>
      {content ? (
        <PassagePicker
          content={content}
          label={t('decisions.assembly.amendments.passageLabel')}
          onPick={(passage) => {
            setPicked(passage);
            setMissing(false);
            setProposed(passage.text);
            requestAnimationFrame(() => document.getElementById(`${id}-proposed`)?.focus());
          }}
        />
      ) : loadFailure ? (
        <ErrorMessage message={decisionErrorText(loadFailure, t)} />
      ) : null}
      <div id={`${id}-picked`} tabIndex={-1} className="field">
        <p>
          <strong>{t('decisions.assembly.amendments.picked')}</strong>
        </p>
        {picked ? <blockquote className="wording">{picked.text}</blockquote> : <p className={missing ? 'field__error' : 'muted'}>{t('decisions.assembly.amendments.pickFirst')}</p>}
      </div>
      <div className="field">
        <label htmlFor={`${id}-proposed`}>{t('decisions.assembly.amendments.proposedLabel')}</label>
        <textarea id={`${id}-proposed`} rows={3} maxLength={20_000} value={proposed} onChange={(event) => setProposed(event.target.value)} />
      </div>
      <div className="field">
        <label htmlFor={`${id}-justification`}>{t('decisions.assembly.amendments.justificationLabel')}</label>
        <textarea id={`${id}-justification`} rows={3} maxLength={10_000} value={justification} onChange={(event) => setJustification(event.target.value)} />
      </div>
      {staff && (
        <div className="field">
          <label htmlFor={`${id}-proposer`}>{t('decisions.assembly.amendments.proposerName')}</label>
          <input id={`${id}-proposer`} type="text" maxLength={300} required value={proposerName} onChange={(event) => setProposerName(event.target.value)} />
        </div>
      )}
      {failure ? <ErrorMessage message={decisionErrorText(failure, t)} /> : null}
      <div className="form__actions">
        <button type="submit" className="button button--primary" aria-disabled={busy}>
          {t('decisions.assembly.amendments.submit')}
        </button>{' '}
        <button type="button" className="button" onClick={onCancel}>
          {t('decisions.assembly.amendments.cancel')}
        </button>
      </div>
    </form>
  );
}
