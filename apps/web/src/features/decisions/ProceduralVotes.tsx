import { useTranslation } from 'react-i18next';
import { When } from '../rounds/RoundDetails';
import type { MeetingView } from './decisions-api';
import { type Refresh, VotePanel } from './AgendaItem';
import { motionTitle } from './motion-text';
import { MotionVoteButton } from './MotionVoteButton';

/** Whether a vote is open at the meeting now (one at a time). */
export const voteOpenAt = (meeting: MeetingView) => meeting.agenda.some((i) => i.votes.some((v) => v.state === 'open')) || meeting.motions.some((m) => m.votes.some((v) => v.state === 'open'));

/**
 * Procedural votes of a meeting: whether the agenda was adopted (the chair puts it to the vote at the opening), and
 * each vote on the agenda, its changes and minutes with its outcome. Amendments' votes are shown with the amendments.
 */
export function ProceduralVotes({ meeting, chair, ownId, refresh }: { meeting: MeetingView; chair: boolean; ownId: string | null; refresh: Refresh }) {
  const { t, i18n } = useTranslation();
  const motions = meeting.motions.filter((m) => m.kind !== 'amendment');
  const canAdopt = chair && meeting.state === 'open' && !meeting.agendaAdoptedAt && !voteOpenAt(meeting);
  return (
    <section aria-labelledby="procedural-heading" className="procedural-votes">
      <h2 id="procedural-heading" tabIndex={-1}>
        {t('decisions.assembly.motions.heading')}
      </h2>
      <p>
        {meeting.agendaAdoptedAt ? (
          <>
            {t('decisions.assembly.motions.agendaAdopted')} <When iso={meeting.agendaAdoptedAt} />
          </>
        ) : (
          t('decisions.assembly.motions.agendaNotAdopted')
        )}
      </p>
      {canAdopt && <MotionVoteButton meetingId={meeting.id} motion={{ kind: 'agenda' }} label={t('decisions.assembly.motions.voteAgenda')} primary refresh={refresh} />}
      {motions.length === 0 && <p className="muted">{t('decisions.assembly.motions.none')}</p>}
      {motions.map((motion) => {
        const title = motionTitle(motion, meeting, t, i18n.language);
        return (
          <div key={motion.id} className="procedural-votes__motion">
            <h3>{title}</h3>
            {motion.votes.map((vote) => (
              <VotePanel key={vote.id} meeting={meeting} resolution={{ id: motion.id, title, number: null, fullTitle: null, documentId: '' }} motion vote={vote} number={null} coordinator={chair} ownId={ownId} refresh={refresh} />
            ))}
          </div>
        );
      })}
    </section>
  );
}

/** An agenda item approving an earlier meeting's minutes: approved or not, and the chair's button to vote on it. */
export function MinutesApproval({ meeting, itemId, chair, refresh }: { meeting: MeetingView; itemId: string; chair: boolean; refresh: Refresh }) {
  const { t } = useTranslation();
  const approved = meeting.motions.some((m) => m.kind === 'minutes' && m.agendaItemId === itemId && m.votes.some((v) => v.outcome?.adopted));
  if (approved) return <p>{t('decisions.assembly.minutes.approved')}</p>;
  if (!chair || meeting.state !== 'open' || voteOpenAt(meeting)) return null;
  return <MotionVoteButton meetingId={meeting.id} motion={{ kind: 'minutes', agendaItemId: itemId }} label={t('decisions.assembly.minutes.vote')} refresh={refresh} />;
}
