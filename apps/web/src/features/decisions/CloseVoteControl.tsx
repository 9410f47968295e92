import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ConfirmAction } from '../../ui/ConfirmAction';
import { ErrorMessage } from '../../ui/Messages';
import { decisionErrorText } from './decision-errors';
import { closeVote, type ResolutionView, type VoteView } from './decisions-api';
import { useAction } from './useAction';
import { outcomeId } from './VoteOutcome';

/**
 * "Zamknij głosowanie" for coordinators, after a confirmation naming how many have voted; the focus goes to the
 * outcome, or back to the button when the API refuses (its reason in words). `before` is shown instead of the button
 * while the vote may not be closed yet, unless a refusal is to be explained.
 */
export function CloseVoteControl({
  resolution,
  vote,
  eligible,
  refresh,
  before,
  motion = false,
}: {
  /** What is voted on: a resolution, or (with `motion`) a motion of the meeting named by its title. */
  resolution: Pick<ResolutionView, 'title'>;
  vote: VoteView;
  eligible: number;
  refresh: (focusId?: string) => Promise<void>;
  before?: React.ReactNode;
  motion?: boolean;
}) {
  const { t } = useTranslation();
  const [confirming, setConfirming] = useState(false);
  const { busy, failure, run } = useAction();
  const closeButton = useRef<HTMLButtonElement>(null);

  async function close() {
    const ok = await run(async () => {
      await closeVote(vote.id);
      await refresh(outcomeId(vote.id));
    });
    setConfirming(false);
    if (!ok) requestAnimationFrame(() => closeButton.current?.focus());
  }

  if (before && !failure) return <>{before}</>;
  return (
    <>
      <ErrorMessage message={failure ? decisionErrorText(failure, t) : null} />
      {confirming ? (
        <ConfirmAction
          question={t(motion ? 'decisions.vote.closeMotionQuestion' : 'decisions.vote.closeQuestion', { title: resolution.title, cast: vote.castCount, eligible })}
          confirmLabel={t('decisions.vote.closeConfirm')}
          onConfirm={() => void close()}
          onCancel={() => {
            setConfirming(false);
            requestAnimationFrame(() => closeButton.current?.focus());
          }}
          busy={busy}
        />
      ) : (
        <p>
          <button ref={closeButton} type="button" className="button" onClick={() => setConfirming(true)}>
            {t('decisions.vote.close')}
            <span className="visually-hidden">: {resolution.title}</span>
          </button>
        </p>
      )}
    </>
  );
}
