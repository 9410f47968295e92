import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { VOTE_CHOICES, type VoteChoice } from '@commonplan/domain';
import { ConfirmAction } from '../../ui/ConfirmAction';
import { ErrorMessage } from '../../ui/Messages';
import { decisionErrorText } from './decision-errors';
import { type AgendaItemView, castBallot, type MeetingView, type MotionView, openVote, resolutionPage, type ResolutionAgendaItem, type ResolutionView, undecided, type VoteView } from './decisions-api';
import { AdoptedVersion, ResolutionStateBadge, ResolutionTextLink } from './ResolutionsTable';
import { CloseVoteControl } from './CloseVoteControl';
import { voteRulesText } from './rules-text';
import { useAction } from './useAction';
import { RollTable, VoteOutcome } from './VoteOutcome';
import { VotedText } from './VotedText';
import { AmendmentsSection } from './AmendmentsSection';
import { agendaItemTitle } from './motion-text';
import { OWN_BALLOTS_ID } from './own-ballots-id';

type Member = MeetingView['members'][number];

/** After an action: read the meeting again and move the focus to the element with this id once it is shown. */
export type Refresh = (focusId?: string) => Promise<void>;

export const voteHeadingId = (voteId: string) => `vote-${voteId}`;
export const ballotId = (voteId: string, memberId: string) => `ballot-${voteId}-${memberId}`;

/** Members whose vote can be cast now: present in person or represented by a proxy. */
export const eligibleCount = (meeting: MeetingView) => meeting.members.filter((m) => m.presence !== 'absent').length;

/**
 * One item of the agenda: the resolution (state, kind, text, the version it adopts), for coordinators the button
 * that opens a vote on it, and its votes.
 */
export function AgendaItem({
  meeting,
  item,
  coordinator,
  chair = coordinator,
  canPropose = false,
  ownId,
  refresh,
}: {
  meeting: MeetingView;
  item: ResolutionAgendaItem;
  coordinator: boolean;
  /** Runs the meeting (a coordinator, or the body's chair's representative): orders and puts amendments to the vote. */
  chair?: boolean;
  /** May propose amendments (a member of the body's representative, or staff). */
  canPropose?: boolean;
  /** The member the reader represents (representatives only). */
  ownId: string | null;
  refresh: Refresh;
}) {
  const { t } = useTranslation();
  const { resolution, votes } = item;
  const { busy, failure, run } = useAction();
  const headingId = `item-${resolution.id}`;
  const canOpen = coordinator && meeting.state === 'open' && undecided(resolution) && !votes.some((v) => v.state === 'open');
  return (
    <section aria-labelledby={headingId} className="agenda-item">
      <h3 id={headingId} tabIndex={-1}>
        {t('decisions.agenda.itemHeading', { position: item.position, title: resolution.title })}
      </h3>
      <p>
        <ResolutionStateBadge resolution={resolution} /> · {t(`decisions.kinds.${resolution.kind}`)}
        {resolution.number && <> · {t('decisions.agenda.number', { number: resolution.number })}</>}
      </p>
      <p>
        <ResolutionTextLink workspaceId={meeting.workspaceId} resolution={resolution} />
      </p>
      {resolution.adopts && (
        <p>
          {t('decisions.agenda.adopts')} <AdoptedVersion workspaceId={meeting.workspaceId} adopts={resolution.adopts} />
        </p>
      )}
      {resolution.justification && (
        <details>
          <summary>{t('decisions.agenda.justification')}</summary>
          <p className="wording">{resolution.justification}</p>
        </details>
      )}
      <AmendmentsSection meeting={meeting} item={item} chair={chair} ownId={ownId} canPropose={canPropose} refresh={refresh} />
      {canOpen && (
        <>
          <ErrorMessage message={failure ? decisionErrorText(failure, t) : null} />
          <p>
            <button
              type="button"
              className="button button--primary"
              aria-disabled={busy}
              onClick={() =>
                void run(async () => {
                  const vote = await openVote(resolution.id, meeting.id);
                  await refresh(voteHeadingId(vote.id));
                })
              }
            >
              {t('decisions.vote.open')}
              <span className="visually-hidden">: {resolution.title}</span>
            </button>
          </p>
        </>
      )}
      {votes.map((vote, index) => (
        <VotePanel key={vote.id} meeting={meeting} resolution={resolution} vote={vote} number={votes.length > 1 ? index + 1 : null} coordinator={coordinator} ownId={ownId} refresh={refresh} />
      ))}
    </section>
  );
}

/** A vote: live while open (the tally of a named ballot, only the count of a secret one), the outcome once closed. */
export function VotePanel({
  meeting,
  resolution,
  vote,
  number,
  coordinator,
  ownId,
  refresh,
  motion = false,
}: {
  meeting: MeetingView;
  /** What is voted on: a resolution, or (with `motion`) a motion of the meeting named by its title. */
  resolution: Pick<ResolutionView, 'id' | 'title' | 'number' | 'fullTitle' | 'documentId'>;
  motion?: boolean;
  vote: VoteView;
  number: number | null;
  coordinator: boolean;
  ownId: string | null;
  refresh: Refresh;
}) {
  const { t } = useTranslation();
  const names = new Map(meeting.members.map((m) => [m.id, m.name]));
  const eligible = eligibleCount(meeting);
  const count = (choice: VoteChoice) => (vote.roll ?? []).filter((entry) => entry.choice === choice).length;

  return (
    <div className="vote">
      <h4 id={voteHeadingId(vote.id)} tabIndex={-1}>
        {t(`decisions.vote.heading.${vote.ballot}`)}
        {number !== null && ` ${number}`} <span className="badge">{t(`decisions.vote.states.${vote.state}`)}</span>
      </h4>
      <p className="muted">{voteRulesText(vote.rules, t, names)}</p>
      <VotedText workspaceId={meeting.workspaceId} resolution={resolution} vote={vote} />
      {vote.state === 'open' && vote.meetingId !== meeting.id && (
        <p>
          {t('decisions.vote.elsewhere')} <Link to={resolutionPage(meeting.workspaceId, resolution.id)}>{t('decisions.resolution.goTo', { title: resolution.title })}</Link>
        </p>
      )}
      {vote.state === 'open' && vote.meetingId === meeting.id && (
        <>
          <div role="status" id={`tally-${vote.id}`} className="tally">
            <p>
              {vote.ballot === 'named'
                ? t('decisions.vote.liveNamed', { for: count('for'), against: count('against'), abstain: count('abstain'), cast: vote.castCount, eligible })
                : t('decisions.vote.liveSecret', { cast: vote.castCount, eligible })}
            </p>
          </div>
          {vote.ballot === 'secret' && <p>{t('decisions.vote.secretNote')}</p>}
          {vote.roll && <RollTable roll={vote.roll} names={names} caption={t('decisions.vote.rollCaption', { title: resolution.title })} />}
          {/* The representative's ballots are at the top of the page (OwnBallots), first on a phone's screen. */}
          {ownId && (
            <p>
              <a href={`#${OWN_BALLOTS_ID}`}>{t('decisions.ownBallots.goTo')}</a>
            </p>
          )}
          {coordinator && <CloseVoteControl resolution={resolution} vote={vote} eligible={eligible} refresh={refresh} motion={motion} />}
        </>
      )}
      {vote.state === 'closed' && vote.outcome && <VoteOutcome voteId={vote.id} outcome={vote.outcome} resolution={resolution} roll={vote.roll} names={names} verification={vote.verification} motion={motion} />}
    </div>
  );
}

/** The votes open now at this meeting, with the agenda item each is on. */
export const openVotesHere = (meeting: MeetingView) =>
  meeting.agenda.flatMap((item) => item.votes.filter((vote) => vote.state === 'open' && vote.meetingId === meeting.id).map((vote) => ({ item, vote, motion: null as MotionView | null })));

/** The votes on motions (the agenda, minutes, amendments) open now at this meeting. */
export const openMotionVotes = (meeting: MeetingView) => meeting.motions.flatMap((motion) => motion.votes.filter((vote) => vote.state === 'open').map((vote) => ({ motion, vote })));

/**
 * The representative's ballots in an open vote: one for their own member when it is present, and one for each member
 * that handed them its vote for this meeting. A vote is confirmed before it is cast (it cannot be changed).
 */
export function BallotBox({ meeting, vote, ownId, refresh }: { meeting: MeetingView; vote: VoteView; ownId: string; refresh: Refresh }) {
  const { t } = useTranslation();
  const own = meeting.members.find((m) => m.id === ownId);
  if (!own) return null;
  const voters: Array<{ member: Member; proxy: boolean }> = [
    ...(own.presence === 'present' ? [{ member: own, proxy: false }] : []),
    ...meeting.members.filter((m) => m.presence === 'represented' && m.representedBy === ownId).map((member) => ({ member, proxy: true })),
  ];
  return (
    <div className="ballots">
      {own.presence === 'absent' && <p>{t('decisions.ballot.checkInFirst', { member: own.name })}</p>}
      {own.presence === 'represented' && <p>{t('decisions.ballot.handedOver', { member: own.name })}</p>}
      {voters.map(({ member, proxy }) => (
        <Ballot key={member.id} vote={vote} member={member} proxy={proxy} refresh={refresh} />
      ))}
    </div>
  );
}

/**
 * One member's ballot: Za / Przeciw / Wstrzymuję się, confirmed before it is cast, then what was recorded. Used in a
 * meeting (BallotBox) and in a remote vote on the resolution's page (RemoteVote).
 */
export function Ballot({ vote, member, proxy, refresh }: { vote: VoteView; member: Pick<Member, 'id' | 'name'>; proxy: boolean; refresh: Refresh }) {
  const { t } = useTranslation();
  const [pending, setPending] = useState<VoteChoice | null>(null);
  const { busy, failure, run } = useAction();
  const buttons = useRef<Partial<Record<VoteChoice, HTMLButtonElement | null>>>({});
  const id = ballotId(vote.id, member.id);
  const recorded = vote.roll?.find((entry) => entry.memberId === member.id);

  if (vote.voted.includes(member.id)) {
    return (
      <p id={id} tabIndex={-1} className="ballot__recorded">
        <span aria-hidden="true">✔ </span>
        {recorded ? t('decisions.ballot.recordedChoice', { member: member.name, choice: t(`decisions.choices.${recorded.choice}`) }) : t('decisions.ballot.recorded', { member: member.name })}
      </p>
    );
  }

  async function cast(choice: VoteChoice) {
    const ok = await run(async () => {
      await castBallot(vote.id, choice, proxy ? member.id : undefined);
      await refresh(id);
    });
    setPending(null);
    if (!ok) requestAnimationFrame(() => buttons.current[choice]?.focus());
  }

  const labelId = `${id}-label`;
  return (
    <div role="group" aria-labelledby={labelId} className="ballot">
      <p id={labelId} className="ballot__label">
        {t(proxy ? 'decisions.ballot.forProxy' : 'decisions.ballot.forOwn', { member: member.name })}
      </p>
      <ErrorMessage message={failure ? decisionErrorText(failure, t) : null} />
      {pending ? (
        <ConfirmAction
          question={t('decisions.ballot.confirm', { choice: t(`decisions.choices.${pending}`), member: member.name })}
          confirmLabel={t('decisions.ballot.confirmButton')}
          onConfirm={() => void cast(pending)}
          onCancel={() => {
            const choice = pending;
            setPending(null);
            requestAnimationFrame(() => buttons.current[choice]?.focus());
          }}
          busy={busy}
        />
      ) : (
        <div className="ballot__choices">
          {VOTE_CHOICES.map((choice) => (
            <button
              key={choice}
              ref={(element) => {
                buttons.current[choice] = element;
              }}
              type="button"
              className="button"
              onClick={() => setPending(choice)}
            >
              {t(`decisions.ballot.buttons.${choice}`)}
            </button>
          ))}
        </div>
      )}
    </div>
  );
}

/** An agenda item that is not a resolution: its position, title and kind. */
export function PlainAgendaItem({ item, children }: { item: AgendaItemView; children?: React.ReactNode }) {
  const { t, i18n } = useTranslation();
  const headingId = `item-${item.id}`;
  return (
    <section aria-labelledby={headingId} className="agenda-item">
      <h3 id={headingId} tabIndex={-1}>
        {t('decisions.agenda.itemHeading', { position: item.position, title: agendaItemTitle(item, t, i18n.language) })}
      </h3>
      <p className="muted">{t(`decisions.agenda.itemKinds.${item.kind as 'minutes' | 'election' | 'other'}`)}</p>
      {children}
    </section>
  );
}
