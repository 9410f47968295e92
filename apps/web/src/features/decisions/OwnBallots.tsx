import { useTranslation } from 'react-i18next';
import { useFocusWhenShown } from '../../ui/focus-when-shown';
import { BallotBox, openMotionVotes, openVotesHere, type Refresh } from './AgendaItem';
import type { AgendaItemView, MeetingView } from './decisions-api';
import { ElectionBallots } from './ElectionBallot';
import { type ElectionSignal, useElection, useElectionSignal } from './ElectionPanel';
import { motionTitle } from './motion-text';
import { OWN_BALLOTS_ID } from './own-ballots-id';

/**
 * First on a member's representative's page, before the facts and the agenda: every vote and election round open now
 * at the meeting with the ballots they can cast in it (their member's and those they hold by proxy), so that on a
 * phone the ballot is on the first screen. Nothing while nothing is open.
 */
export function OwnBallots({ meeting, ownId, refresh, electionSignal }: { meeting: MeetingView; ownId: string; refresh: Refresh; electionSignal: ElectionSignal }) {
  const { t, i18n } = useTranslation();
  const open = [
    ...openVotesHere(meeting).map(({ item, vote }) => ({ vote, title: t('decisions.agenda.itemHeading', { position: item.position, title: item.title }) })),
    ...openMotionVotes(meeting).map(({ motion, vote }) => ({ vote, title: motionTitle(motion, meeting, t, i18n.language) })),
  ];
  const rounds = meeting.state === 'open' ? meeting.agenda.filter((item) => item.electionId && item.openElectionRoundId) : [];
  if (open.length === 0 && rounds.length === 0) return null;
  return (
    <section aria-labelledby={OWN_BALLOTS_ID} className="panel own-ballots">
      <h2 id={OWN_BALLOTS_ID} tabIndex={-1}>
        {t('decisions.ownBallots.heading')}
      </h2>
      {open.map(({ title, vote }) => (
        <div key={vote.id} className="own-ballots__vote">
          <h3>{title}</h3>
          <p className="muted">{t(`decisions.vote.heading.${vote.ballot}`)}</p>
          <BallotBox meeting={meeting} vote={vote} ownId={ownId} refresh={refresh} />
        </div>
      ))}
      {rounds.map((item) => (
        <OwnElectionBallots key={item.id} meeting={meeting} item={item} electionId={item.electionId!} ownId={ownId} signal={electionSignal} />
      ))}
    </section>
  );
}

/** The ballots of an election's round open now (ElectionBallots), the focus on what was recorded once cast. */
function OwnElectionBallots({ meeting, item, electionId, ownId, signal }: { meeting: MeetingView; item: AgendaItemView; electionId: string; ownId: string; signal: ElectionSignal }) {
  const { t } = useTranslation();
  const election = useElection(electionId);
  useElectionSignal(election, electionId, signal);
  const focusWhenShown = useFocusWhenShown();
  const view = election.data;
  const round = view?.rounds.find((r) => r.state === 'open') ?? null;
  if (!view || !round) return null;
  return (
    <div className="own-ballots__vote">
      <h3>{t('decisions.agenda.itemHeading', { position: item.position, title: item.title })}</h3>
      <p className="muted">{t('decisions.elections.rounds.heading', { n: round.n })}</p>
      {round.secret && <p className="election__secret">{t('decisions.elections.ballot.secretNote')}</p>}
      <ElectionBallots
        meeting={meeting}
        view={view}
        round={round}
        ownId={ownId}
        onCast={(next, focus) => {
          election.replace(next);
          focusWhenShown(focus);
        }}
      />
    </div>
  );
}
