import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import type { Outcome } from '@commonplan/domain';
import { errorText } from '../../api/error-text';
import { useApiData } from '../../api/useApiData';
import { formatNumber } from '../../i18n/format';
import { Loading } from '../../ui/Loading';
import { ErrorMessage, StatusMessage } from '../../ui/Messages';
import { PageHeading } from '../../ui/PageHeading';
import { eligibleCount } from './AgendaItem';
import { type AgendaItemView, type AmendmentView, meetingPage, meetingPath, type MeetingView, type ResolutionView, type VoteView } from './decisions-api';
import { candidateNames, type ElectionSignal, nextText, useElection, useElectionSignal } from './ElectionPanel';
import { agendaItemTitle, motionTitle } from './motion-text';
import { countdownText, type Speakers, useSpeakers } from './SpeakersPanel';
import { useSecondsLeft } from './useSecondsLeft';
import { useMeetingEvents } from './useMeetingEvents';
import { tallyText } from './VoteOutcome';
import './projector.css';

/** A vote taken at the meeting with what it decides, in words. */
interface Voted {
  vote: VoteView;
  /** What is voted on: "2. w sprawie …", "Poprawka nr 1 do projektu uchwały „…”", "Przyjęcie porządku obrad". */
  subject: string;
  /** A motion of the meeting (its result is said as a motion's), not a resolution. */
  motion: boolean;
  /** For a vote on an amendment: the amendment (its passage's wordings are shown). */
  amendment: AmendmentView | null;
  resolution: Pick<ResolutionView, 'number' | 'fullTitle'> | null;
}

/** Every vote taken at this meeting: on the agenda's resolutions and on its motions (the agenda, minutes, amendments). */
function votesAt(meeting: MeetingView, subjectOf: { item: (item: AgendaItemView) => string; motion: (motion: MeetingView['motions'][number]) => string }): Voted[] {
  const here = (vote: VoteView) => vote.meetingId === meeting.id;
  const amendments = meeting.agenda.flatMap((item) => item.amendments);
  return [
    ...meeting.agenda.flatMap((item) => item.votes.filter(here).map((vote) => ({ vote, subject: subjectOf.item(item), motion: false, amendment: null, resolution: item.resolution }))),
    ...meeting.motions.flatMap((motion) =>
      motion.votes.filter(here).map((vote) => ({
        vote,
        subject: subjectOf.motion(motion),
        motion: true,
        amendment: motion.kind === 'amendment' ? (amendments.find((a) => a.id === motion.amendmentId) ?? null) : null,
        resolution: null,
      })),
    ),
  ];
}

/** The time a vote closed, for finding the last one. */
const closedAt = (voted: Voted) => new Date(voted.vote.closedAt ?? voted.vote.opensAt).getTime();

/**
 * What is said to screen readers, politely and only when something new happens: a vote opened, a vote's result, the
 * discussion moved to another item. What is on the screen when the page opens, and each ballot cast, are not said.
 */
function useAnnouncement(news: { item: string | null; itemText: string; open: string | null; openText: string; closed: string | null; closedText: string } | null): string | null {
  const [said, setSaid] = useState<string | null>(null);
  const before = useRef<{ item: string | null; open: string | null; closed: string | null } | null>(null);
  const ready = news !== null;
  const { item = null, itemText = '', open = null, openText = '', closed = null, closedText = '' } = news ?? {};
  useEffect(() => {
    if (!ready) return;
    const previous = before.current;
    before.current = { item, open, closed };
    if (!previous) return;
    const told = [
      closed !== null && closed !== previous.closed ? closedText : null,
      open !== null && open !== previous.open ? openText : null,
      item !== null && item !== previous.item ? itemText : null,
    ].filter((text): text is string => Boolean(text));
    if (told.length > 0) setSaid(told.join(' '));
  }, [ready, item, itemText, open, openText, closed, closedText]);
  return said;
}

/**
 * /w/:workspaceId/meetings/:meetingId/projector: the meeting as the room sees it on a projector, for anyone in the
 * workspace, read only. The item under discussion, the vote open now (what is voted, an amendment's wordings, the
 * ballots cast) or else the last vote's result, who has the floor with the time left and who is next, and an election's
 * round; all read again on every meeting event. Large type in high contrast on a full screen, without the app's header.
 */
export function ProjectorPage() {
  const { t, i18n } = useTranslation();
  const { workspaceId = '', meetingId = '' } = useParams();
  const loaded = useApiData<MeetingView>(meetingPath(meetingId));
  const meeting = loaded.data;
  const speakers = useSpeakers(meetingId, meeting?.state === 'open');
  // Elections are read again when the meeting says one of them (or the meeting) changed.
  const [electionSignal, setElectionSignal] = useState<ElectionSignal>({ electionId: null, n: 0 });
  const { reload } = loaded;
  useMeetingEvents(meetingId, true, (event) => {
    reload();
    if (event.type === 'speakers_changed' || event.type === 'current_item_changed' || event.type === 'meeting_changed') void speakers.reload();
    if (event.type === 'election_changed' || event.type === 'meeting_changed') setElectionSignal((s) => ({ electionId: event.type === 'election_changed' ? (event.electionId ?? null) : null, n: s.n + 1 }));
  });

  const votes = meeting
    ? votesAt(meeting, {
        item: (item) => t('decisions.agenda.itemHeading', { position: item.position, title: agendaItemTitle(item, t, i18n.language) }),
        motion: (motion) => motionTitle(motion, meeting, t, i18n.language),
      })
    : [];
  const openVote = votes.find((v) => v.vote.state === 'open') ?? null;
  const lastClosed = votes.filter((v) => v.vote.state === 'closed' && v.vote.outcome).sort((a, b) => closedAt(b) - closedAt(a))[0] ?? null;
  const current = meeting?.state === 'open' ? (meeting.agenda.find((item) => item.id === meeting.currentItemId) ?? null) : null;
  const resultText = (voted: Voted) => t(voted.motion ? `decisions.outcome.motionResult.${voted.vote.outcome!.reason}` : `decisions.outcome.result.${voted.vote.outcome!.reason}`);
  const said = useAnnouncement(
    meeting
      ? {
          item: current?.id ?? null,
          itemText: current ? t('decisions.speakers.current', { position: current.position, title: agendaItemTitle(current, t, i18n.language) }) : '',
          open: openVote?.vote.id ?? null,
          openText: openVote ? t('decisions.projector.announce.opened', { subject: openVote.subject }) : '',
          closed: lastClosed?.vote.id ?? null,
          closedText: lastClosed ? t('decisions.projector.announce.closed', { subject: lastClosed.subject, result: resultText(lastClosed) }) : '',
        }
      : null,
  );

  const back = (
    <p className="projector__back">
      <Link to={meetingPage(workspaceId, meetingId)}>
        <span aria-hidden="true">← </span>
        {t('decisions.projector.back')}
      </Link>
    </p>
  );

  if (!meeting) {
    return (
      <main id="main" tabIndex={-1} className="projector">
        {back}
        {loaded.error == null ? (
          <Loading label={t('decisions.meeting.loading')} />
        ) : (
          <>
            <PageHeading title={t('decisions.meeting.unavailable')}>{t('decisions.meeting.unavailable')}</PageHeading>
            <ErrorMessage message={errorText(loaded.error, t)} />
          </>
        )}
      </main>
    );
  }

  const eligible = eligibleCount(meeting);
  const names = new Map(meeting.members.map((m) => [m.id, m.name]));
  const elections = meeting.agenda.filter((item) => item.kind === 'election' && item.electionId);

  return (
    <main id="main" tabIndex={-1} className="projector">
      {back}
      <header className="projector__header">
        <PageHeading title={t('decisions.projector.documentTitle', { title: meeting.title })}>{meeting.title}</PageHeading>
        <p className="projector__body">{meeting.body.name}</p>
      </header>
      <StatusMessage message={said} />
      <div className="projector__grid">
        <div className="projector__main">
          <section aria-labelledby="projector-item" className={openVote || lastClosed ? 'projector__panel projector__item projector__item--compact' : 'projector__panel projector__item'}>
            <h2 id="projector-item" className="projector__label">
              {t('decisions.projector.currentItem')}
            </h2>
            {meeting.state === 'planned' ? (
              <p className="projector__big">{t('decisions.projector.notOpened')}</p>
            ) : meeting.state === 'cancelled' ? (
              <p className="projector__big">{t('decisions.meeting.cancelledBanner')}</p>
            ) : meeting.state === 'closed' ? (
              <p className="projector__big">{t('decisions.projector.closed')}</p>
            ) : current ? (
              <p className="projector__big">
                <span className="projector__position">{current.position}.</span> {agendaItemTitle(current, t, i18n.language)}
              </p>
            ) : (
              <p>{t('decisions.speakers.noCurrent')}</p>
            )}
          </section>
          {openVote ? <VoteNow voted={openVote} eligible={eligible} /> : lastClosed && <LastResult voted={lastClosed} resultText={resultText(lastClosed)} names={names} />}
        </div>
        <div className="projector__side">
          {meeting.state === 'open' && <Floor speakers={speakers} />}
          {elections.map((item) => (
            <ProjectorElection key={item.id} item={item} electionId={item.electionId!} current={item.id === current?.id} eligible={eligible} signal={electionSignal} />
          ))}
        </div>
      </div>
    </main>
  );
}

/** Za / Przeciw / Wstrzymało się (and Oddano głosów) as large figures with their names. */
function Figures({ counts, cast }: { counts: { for: number; against: number; abstain: number }; cast?: number }) {
  const { t, i18n } = useTranslation();
  const n = (value: number) => formatNumber(value, i18n.language);
  return (
    <dl className="projector__figures">
      <div className="projector__figure projector__figure--for">
        <dt>{t('decisions.projector.figures.for')}</dt>
        <dd>{n(counts.for)}</dd>
      </div>
      <div className="projector__figure projector__figure--against">
        <dt>{t('decisions.projector.figures.against')}</dt>
        <dd>{n(counts.against)}</dd>
      </div>
      <div className="projector__figure projector__figure--abstain">
        <dt>{t('decisions.projector.figures.abstain')}</dt>
        <dd>{n(counts.abstain)}</dd>
      </div>
      {cast !== undefined && (
        <div className="projector__figure">
          <dt>{t('decisions.projector.figures.cast')}</dt>
          <dd>{n(cast)}</dd>
        </div>
      )}
    </dl>
  );
}

/** An amendment's passage: its wording now struck through and the wording proposed, each named in words. */
function Wording({ amendment }: { amendment: AmendmentView }) {
  const { t } = useTranslation();
  return (
    <div className="projector__wording">
      <p className="projector__passage projector__passage--current">
        <span className="projector__label">{t('decisions.assembly.amendments.current')}</span>
        <del>{amendment.live?.text ?? amendment.currentText}</del>
      </p>
      <p className="projector__passage projector__passage--proposed">
        <span className="projector__label">{t('decisions.assembly.amendments.proposed')}</span>
        {amendment.proposedText ? <ins>{amendment.proposedText}</ins> : <span>{t('decisions.assembly.amendments.deleted')}</span>}
      </p>
    </div>
  );
}

/** The vote open now: what is voted, how, and the ballots cast so far (a named ballot's for, against and abstaining). */
function VoteNow({ voted, eligible }: { voted: Voted; eligible: number }) {
  const { t, i18n } = useTranslation();
  const { vote } = voted;
  const count = (choice: 'for' | 'against' | 'abstain') => (vote.roll ?? []).filter((entry) => entry.choice === choice).length;
  return (
    <section aria-labelledby="projector-vote" className="projector__panel projector__vote">
      <h2 id="projector-vote" className="projector__label">
        {t('decisions.projector.voteOpen')}
      </h2>
      <p className="projector__subject">{voted.subject}</p>
      <p className="projector__ballot">{t(`decisions.vote.heading.${vote.ballot}`)}</p>
      {voted.amendment && <Wording amendment={voted.amendment} />}
      <div className="projector__tally">
        <p className="projector__count">{t('decisions.vote.liveSecret', { cast: formatNumber(vote.castCount, i18n.language), eligible: formatNumber(eligible, i18n.language) })}</p>
        {vote.ballot === 'named' ? <Figures counts={{ for: count('for'), against: count('against'), abstain: count('abstain') }} /> : <p>{t('decisions.vote.secretNote')}</p>}
      </div>
    </section>
  );
}

/** The last vote's result in words, the chair's casting vote if it decided, the number it was adopted under, the figures. */
function LastResult({ voted, resultText, names }: { voted: Voted; resultText: string; names: Map<string, string> }) {
  const { t, i18n } = useTranslation();
  const outcome = voted.vote.outcome as Outcome;
  const { tally } = outcome;
  return (
    <section aria-labelledby="projector-result" className="projector__panel projector__result">
      <h2 id="projector-result" className="projector__label">
        {t('decisions.projector.lastResult')}
      </h2>
      <p className="projector__subject">{voted.subject}</p>
      <p className={outcome.adopted ? 'projector__outcome projector__outcome--adopted' : 'projector__outcome projector__outcome--rejected'}>
        <span aria-hidden="true" className="projector__sign">
          {outcome.adopted ? '✔' : '✖'}
        </span>{' '}
        <strong>{resultText}</strong>
      </p>
      {outcome.castingVote && (
        <p>{t('decisions.outcome.castingVote', { chair: names.get(outcome.castingVote.memberId) ?? outcome.castingVote.memberId, choice: t(`decisions.choices.${outcome.castingVote.choice}`) })}</p>
      )}
      {outcome.adopted && voted.resolution?.fullTitle && (
        <p>
          {t('decisions.outcome.numbered', { number: voted.resolution.number ?? '' })} <strong>{voted.resolution.fullTitle}</strong>
        </p>
      )}
      <Figures counts={{ for: tally.for.count, against: tally.against.count, abstain: tally.abstain.count }} cast={tally.cast.count} />
      {outcome.weighting !== 'equal' && <p>{tallyText(tally, true, t, i18n.language)}</p>}
    </section>
  );
}

/** Who has the floor with the time left, and the next two waiting on the item under discussion. */
function Floor({ speakers }: { speakers: Speakers }) {
  const { t } = useTranslation();
  const view = speakers.data;
  if (!view) return null;
  const speaking = view.speaking;
  const waiting = (view.items.find((item) => item.itemId === view.currentItemId)?.speakers ?? []).filter((s) => s.state === 'waiting').slice(0, 2);
  if (!speaking && waiting.length === 0) return null;
  const entry = (s: { name: string; kind: 'speech' | 'point_of_order' }) => t('decisions.speakers.entry', { name: s.name, kind: t(`decisions.speakers.kinds.${s.kind}`) });
  return (
    <section aria-labelledby="projector-floor" className="projector__panel projector__floor">
      <h2 id="projector-floor" className="projector__label">
        {t('decisions.speakers.speakingHeading')}
      </h2>
      {speaking ? (
        <>
          <p className="projector__speaker">{entry(speaking)}</p>
          {speaking.endsAt && <Clock key={speaking.id} endsAt={speaking.endsAt} serverTime={view.serverTime} />}
        </>
      ) : (
        <p>{t('decisions.speakers.nobody')}</p>
      )}
      {waiting.length > 0 && (
        <>
          <h3 id="projector-next" className="projector__label">
            {t('decisions.projector.nextSpeakers')}
          </h3>
          <ol className="projector__next" aria-labelledby="projector-next">
            {waiting.map((s) => (
              <li key={s.id}>{entry(s)}</li>
            ))}
          </ol>
        </>
      )}
    </section>
  );
}

/** The time left of the speech, mm:ss, ticking silently (a timer is not announced); "time is up" in words at the end. */
function Clock({ endsAt, serverTime }: { endsAt: string; serverTime: string }) {
  const { t } = useTranslation();
  const { left, over } = useSecondsLeft(endsAt, serverTime);
  return (
    <p className="projector__timer">
      <span id="projector-remaining" className="projector__label">
        {t('decisions.speakers.remaining')}
      </span>{' '}
      <span role="timer" aria-live="off" aria-labelledby="projector-remaining" className={over ? 'projector__clock projector__clock--over' : 'projector__clock'}>
        {countdownText(left)}
      </span>
      {over && <strong className="projector__overtime"> ({t('decisions.speakers.overtime')})</strong>}
    </p>
  );
}

/**
 * An election on the agenda, while a round is open (the ballots cast) or while it is the item under discussion (who
 * was elected, in which round, what comes next). Nothing otherwise.
 */
function ProjectorElection({ item, electionId, current, eligible, signal }: { item: AgendaItemView; electionId: string; current: boolean; eligible: number; signal: ElectionSignal }) {
  const { t, i18n } = useTranslation();
  const election = useElection(electionId);
  useElectionSignal(election, electionId, signal);
  const view = election.data;
  if (!view) return null;
  const openRound = view.rounds.find((r) => r.state === 'open') ?? null;
  if (!openRound && !current) return null;
  const last = view.rounds.filter((r) => r.state === 'closed' && r.result).at(-1) ?? null;
  const n = (value: number) => formatNumber(value, i18n.language);
  const headingId = `projector-election-${electionId}`;
  return (
    <section aria-labelledby={headingId} className="projector__panel projector__election">
      <h2 id={headingId} className="projector__label">
        {t('decisions.projector.election')}
      </h2>
      <p className="projector__subject">{t('decisions.agenda.itemHeading', { position: item.position, title: item.title })}</p>
      {openRound ? (
        <p className="projector__count">{t('decisions.projector.electionRound', { n: openRound.n, cast: n(openRound.castCount), eligible: n(eligible) })}</p>
      ) : view.state === 'concluded' ? (
        <p className="projector__big">
          <strong>{view.elected.length > 0 ? t('decisions.elections.concluded.elected', { names: candidateNames(view, view.elected) }) : t('decisions.elections.concluded.nobody')}</strong>
        </p>
      ) : last?.result ? (
        <>
          <p className="projector__big">
            {last.result.elected.length > 0
              ? t('decisions.projector.roundElected', { n: last.n, names: candidateNames(view, last.result.elected) })
              : t('decisions.projector.roundNobody', { n: last.n })}
          </p>
          <p>{nextText(view, last.result.next, t)}</p>
        </>
      ) : (
        <p>{t(`decisions.elections.states.${view.state}`)}</p>
      )}
    </section>
  );
}
