import { useTranslation } from 'react-i18next';
import { ErrorMessage } from '../../ui/Messages';
import { type Refresh, voteHeadingId } from './AgendaItem';
import { openMotion } from './assembly-api';
import { decisionErrorText } from './decision-errors';
import { useAction } from './useAction';

/**
 * The chair's button that puts a motion to the vote (the agenda's adoption, earlier minutes): the vote opens and the
 * focus moves to it once the meeting is read again; the API's refusal is said above the button.
 */
export function MotionVoteButton({ meetingId, motion, label, primary = false, refresh }: { meetingId: string; motion: Parameters<typeof openMotion>[1]; label: string; primary?: boolean; refresh: Refresh }) {
  const { t } = useTranslation();
  const { busy, failure, run } = useAction();
  return (
    <>
      {failure ? <ErrorMessage message={decisionErrorText(failure, t)} /> : null}
      <p>
        <button
          type="button"
          className={primary ? 'button button--primary' : 'button'}
          aria-disabled={busy}
          onClick={() =>
            void run(async () => {
              const vote = await openMotion(meetingId, motion);
              await refresh(voteHeadingId(vote.id));
            })
          }
        >
          {label}
        </button>
      </p>
    </>
  );
}
