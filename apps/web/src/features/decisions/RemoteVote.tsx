import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { VoteChoice } from '@commonplan/domain';
import { When } from '../rounds/RoundDetails';
import { Ballot, type Refresh, voteHeadingId } from './AgendaItem';
import { CloseVoteControl } from './CloseVoteControl';
import { type BodyView, meetingPage, type ResolutionView, type VoteView } from './decisions-api';
import { voteRulesText } from './rules-text';
import { RollTable, VoteOutcome } from './VoteOutcome';
import { VotedText } from './VotedText';

/**
 * One vote on the resolution's page. A remote vote while open: its window (closing time), the count of votes cast of
 * the body's members (a named ballot's tally and roll too), a representative's ballot for their member, and for
 * coordinators the close once the time is over (the system closes it within a minute anyway). A vote taken in a
 * meeting is followed on the meeting's page. Once closed: the outcome with its figures.
 */
export function ResolutionVotePanel({
  workspaceId,
  resolution,
  vote,
  body,
  number,
  coordinator,
  ownId,
  refresh,
}: {
  workspaceId: string;
  resolution: ResolutionView;
  vote: VoteView;
  /** The body that decides (its members name the roll and count as eligible); null while it loads. */
  body: BodyView | null;
  number: number | null;
  coordinator: boolean;
  /** The member the reader represents (representatives only). */
  ownId: string | null;
  refresh: Refresh;
}) {
  const { t } = useTranslation();
  const remote = vote.meetingId === null;
  const names = new Map((body?.members ?? []).map((m) => [m.id, m.name]));
  const eligible = body?.members.length ?? 0;
  const count = (choice: VoteChoice) => (vote.roll ?? []).filter((entry) => entry.choice === choice).length;
  const kind = remote ? t(`decisions.remoteVote.heading.${vote.ballot}`) : t(`decisions.vote.heading.${vote.ballot}`);

  return (
    <div className="vote">
      <h3 id={voteHeadingId(vote.id)} tabIndex={-1}>
        {kind}
        {number !== null && ` ${number}`} <span className="badge">{t(`decisions.vote.states.${vote.state}`)}</span>
      </h3>
      <p className="muted">{voteRulesText(vote.rules, t, names)}</p>
      <VotedText workspaceId={workspaceId} resolution={resolution} vote={vote} />
      {remote ? (
        <dl className="facts">
          <dt>{t('decisions.remoteVote.opensAt')}</dt>
          <dd>
            <When iso={vote.opensAt} />
          </dd>
          <dt>{t('decisions.remoteVote.closesAtFact')}</dt>
          <dd>
            <When iso={vote.closesAt} />
          </dd>
          {vote.closedAt && (
            <>
              <dt>{t('decisions.remoteVote.closedAt')}</dt>
              <dd>
                <When iso={vote.closedAt} />
              </dd>
            </>
          )}
        </dl>
      ) : (
        vote.meetingId && (
          <p>
            {t(vote.state === 'open' ? 'decisions.remoteVote.inMeetingOpen' : 'decisions.remoteVote.inMeeting')} <Link to={meetingPage(workspaceId, vote.meetingId)}>{t('decisions.remoteVote.meetingLink')}</Link>
          </p>
        )
      )}
      {remote && vote.state === 'open' && (
        <>
          <div role="status" id={`tally-${vote.id}`} className="tally">
            {body && (
              <p>
                {vote.ballot === 'named'
                  ? t('decisions.vote.liveNamed', { for: count('for'), against: count('against'), abstain: count('abstain'), cast: vote.castCount, eligible })
                  : t('decisions.vote.liveSecret', { cast: vote.castCount, eligible })}
              </p>
            )}
          </div>
          {vote.ballot === 'secret' && <p>{t('decisions.vote.secretNote')}</p>}
          {vote.roll && <RollTable roll={vote.roll} names={names} caption={t('decisions.vote.rollCaption', { title: resolution.title })} />}
          {ownId && body && <RemoteBallot vote={vote} body={body} ownId={ownId} refresh={refresh} />}
          {coordinator && <CloseRemoteVote resolution={resolution} vote={vote} eligible={eligible} refresh={refresh} />}
        </>
      )}
      {vote.state === 'closed' && vote.outcome && <VoteOutcome voteId={vote.id} outcome={vote.outcome} resolution={resolution} roll={vote.roll} names={names} verification={vote.verification} />}
    </div>
  );
}

/** The representative's ballot in a remote vote: only for their own member (no proxies outside a meeting), if it belongs to the body. */
function RemoteBallot({ vote, body, ownId, refresh }: { vote: VoteView; body: BodyView; ownId: string; refresh: Refresh }) {
  const { t } = useTranslation();
  const own = body.members.find((m) => m.id === ownId);
  if (!own) return <p>{t('decisions.remoteVote.notInBody', { body: body.name })}</p>;
  return (
    <div className="ballots">
      <Ballot vote={vote} member={own} proxy={false} refresh={refresh} />
    </div>
  );
}

/**
 * Coordinators close a remote vote once its time is over (the API refuses earlier with 409, explained in words);
 * before that the page says when it closes by itself.
 */
function CloseRemoteVote({ resolution, vote, eligible, refresh }: { resolution: ResolutionView; vote: VoteView; eligible: number; refresh: Refresh }) {
  const { t } = useTranslation();
  const over = vote.closesAt !== null && new Date(vote.closesAt).getTime() <= Date.now();
  const before = over ? undefined : (
    <p>
      {t('decisions.remoteVote.closesByItself')} <When iso={vote.closesAt} />.
    </p>
  );
  return (
    <>
      {over && <p>{t('decisions.remoteVote.timeOver')}</p>}
      <CloseVoteControl resolution={resolution} vote={vote} eligible={eligible} refresh={refresh} before={before} />
    </>
  );
}
