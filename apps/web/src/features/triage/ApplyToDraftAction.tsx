import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { errorText } from '../../api/error-text';
import { useApiData } from '../../api/useApiData';
import { ErrorMessage } from '../../ui/Messages';
import { TextAreaField } from '../../ui/TextAreaField';
import { useWorkspace } from '../workspace/workspace-context';
import { applyProposal, type Proposal, proposalPath } from './proposal-api';
import type { TriageRow } from './triage-api';

export interface ApplyToDraftActionProps {
  roundId: string;
  /** An accepted or partly accepted comment (TriageDetail shows the action for those only). */
  row: TriageRow;
  /** After the wording was applied: the page announces the message and reloads the table. */
  onDone: (message: string) => void;
}

/**
 * "Zastosuj w projekcie": the comment's proposed wording as a suggestion against its passage in the live draft (found
 * through every edit since the consulted version), editable before it goes in; applying it is an ordinary change of
 * the document, recorded in the comment and the document's history. Someone else's change to the passage meanwhile
 * stops it, and the passage is shown again.
 */
export function ApplyToDraftAction({ row, onDone }: ApplyToDraftActionProps) {
  const { t } = useTranslation();
  const [opened, setOpened] = useState(false);
  if (row.applied) {
    return (
      <section aria-labelledby={`applied-${row.id}`} className="apply-draft">
        <h4 id={`applied-${row.id}`}>{t('proposal.heading')}</h4>
        <p>{t('proposal.applied', { text: row.applied.text })}</p>
      </section>
    );
  }
  if (!row.passage) {
    return (
      <section aria-labelledby={`apply-${row.id}`} className="apply-draft">
        <h4 id={`apply-${row.id}`}>{t('proposal.heading')}</h4>
        <p>{t('proposal.noPassage')}</p>
      </section>
    );
  }
  return (
    <section aria-labelledby={`apply-${row.id}`} className="apply-draft">
      <h4 id={`apply-${row.id}`}>{t('proposal.heading')}</h4>
      {opened ? (
        <Suggestion row={row} onDone={onDone} onCancel={() => setOpened(false)} />
      ) : (
        <button type="button" className="button" onClick={() => setOpened(true)}>
          {t('proposal.open')}
        </button>
      )}
    </section>
  );
}

function Suggestion({ row, onDone, onCancel }: { row: TriageRow; onDone: (message: string) => void; onCancel: () => void }) {
  const { t } = useTranslation();
  const workspace = useWorkspace();
  const source = useApiData<Proposal>(proposalPath(row.id));
  const [text, setText] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<unknown>(null);
  const proposal = source.data;
  if (!proposal) return source.error ? <ErrorMessage message={errorText(source.error, t)} /> : <p className="muted">{t('proposal.loading')}</p>;
  const wording = text ?? proposal.proposedWording;
  const documentLink = <Link to={`/w/${workspace.id}/d/${proposal.documentId}`}>{t('proposal.openDocument')}</Link>;

  async function apply(expected: string) {
    if (busy) return;
    setBusy(true);
    setFailure(null);
    try {
      await applyProposal(row.id, wording, expected);
      onDone(t('proposal.done', { number: row.number }));
    } catch (error) {
      setFailure(error);
      source.reload(); // show where the passage stands now
    } finally {
      setBusy(false);
    }
  }

  if (!proposal.live) {
    return (
      <>
        <p>{t('proposal.gone')}</p>
        <p>{documentLink}</p>
      </>
    );
  }
  const live = proposal.live;
  return (
    <div className="suggestion">
      <ErrorMessage message={failure ? errorText(failure, t) : null} />
      <p>{t('proposal.nowInDraft')}</p>
      <blockquote className="suggestion__current">
        <del>
          <span className="visually-hidden">{t('proposal.removed')} </span>
          {live.text}
        </del>
      </blockquote>
      <TextAreaField id={`proposal-text-${row.id}`} label={t('proposal.newWording')} hint={t('proposal.newWordingHint')} value={wording} onChange={setText} rows={4} />
      <p>
        <button type="button" className="button button--primary" aria-disabled={busy} onClick={() => void apply(live.text)}>
          {t('proposal.apply')}
        </button>{' '}
        <button type="button" className="button" onClick={onCancel}>
          {t('proposal.cancel')}
        </button>{' '}
        {documentLink}
      </p>
    </div>
  );
}
