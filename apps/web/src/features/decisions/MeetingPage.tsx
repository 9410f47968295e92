import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { can } from '@commonplan/domain';
import { api } from '../../api/client';
import { errorText } from '../../api/error-text';
import { useApiData } from '../../api/useApiData';
import { ConfirmAction } from '../../ui/ConfirmAction';
import { Loading } from '../../ui/Loading';
import { ErrorMessage, StatusMessage } from '../../ui/Messages';
import { PageHeading } from '../../ui/PageHeading';
import { When } from '../rounds/RoundDetails';
import { useWorkspace } from '../workspace/workspace-context';
import { AgendaEditor } from './AgendaEditor';
import { AgendaItem, PlainAgendaItem } from './AgendaItem';
import { AttendanceTable, QuorumIndicator } from './Attendance';
import { CreateElectionForm } from './CreateElectionForm';
import { decisionErrorText } from './decision-errors';
import { type BodyView, closeMeeting, decisionsPage, isResolutionItem, meetingPath, type MeetingTerm, type MeetingView, openMeeting } from './decisions-api';
import { ElectionPanel, type ElectionSignal } from './ElectionPanel';
import { OwnBallots } from './OwnBallots';
import { MeetingChanges } from './MeetingChanges';
import { MeetingStateBadge } from './MeetingsTable';
import { MinutesLinks } from './MinutesLinks';
import { MinutesApproval, ProceduralVotes } from './ProceduralVotes';
import { RepresentativePanel } from './RepresentativePanel';
import { SpeakersPanel, useSpeakers } from './SpeakersPanel';
import { useAction } from './useAction';
import { useReloadAndFocus } from './useReloadAndFocus';
import { useMeetingEvents } from './useMeetingEvents';
import './decisions.css';

/** The meeting as the API has it now; `reload` resolves once the answer is shown (late answers of older reads are dropped). */
function useMeeting(meetingId: string) {
  const [state, setState] = useState<{ id: string; meeting: MeetingView | null; error: unknown }>({ id: meetingId, meeting: null, error: null });
  const generation = useRef(0);
  const reload = useCallback(async () => {
    const mine = ++generation.current;
    try {
      const meeting = await api.get<MeetingView>(meetingPath(meetingId));
      if (mine === generation.current) setState({ id: meetingId, meeting, error: null });
    } catch (error) {
      if (mine === generation.current) setState((s) => ({ ...s, id: meetingId, error }));
    }
  }, [meetingId]);
  const replace = useCallback(
    (meeting: MeetingView) => {
      generation.current += 1;
      setState({ id: meetingId, meeting, error: null });
    },
    [meetingId],
  );
  useEffect(() => {
    void reload();
  }, [reload]);
  const fresh = state.id === meetingId;
  return { meeting: fresh ? state.meeting : null, error: fresh ? state.error : null, reload, replace };
}

/**
 * Whether the moment `iso` has come; the component shows again when it comes (within the longest timeout a browser
 * keeps, later on its next render).
 */
function useHasCome(iso: string | null): boolean {
  const [, setTick] = useState(0);
  const at = iso ? new Date(iso).getTime() : Number.NaN;
  const come = !Number.isNaN(at) && at <= Date.now();
  useEffect(() => {
    if (Number.isNaN(at) || come) return;
    const timer = window.setTimeout(() => setTick((n) => n + 1), Math.min(at - Date.now() + 50, 2_147_483_647));
    return () => window.clearTimeout(timer);
  }, [at, come]);
  return come;
}

/**
 * /w/:workspaceId/meetings/:meetingId: a meeting of a body. Everyone sees the facts, the quorum (live), the attendance
 * and the agenda with its votes, read again on every meeting event; coordinators open and close the meeting and its
 * votes; a member's representative checks in, hands the member's vote to another by proxy, and votes: their page
 * starts with the open ballots and their presence, before the facts and the agenda.
 */
export function MeetingPage() {
  const { t } = useTranslation();
  const { meetingId = '' } = useParams();
  const workspace = useWorkspace();
  const { meeting, error, reload, replace } = useMeeting(meetingId);
  const coordinator = can(workspace.role, 'decisions.manage');
  const ownId = can(workspace.role, 'decisions.vote') ? workspace.organisationId : null;
  const cancelled = meeting?.state === 'cancelled';
  // Nothing is done at a cancelled meeting: a representative has nothing to check in to or vote on.
  const own = cancelled ? null : (meeting?.members.find((m) => m.id === ownId) ?? null);
  // The body's proxy rule, for a representative's proxy form.
  const body = useApiData<BodyView>(own && meeting ? `/bodies/${meeting.body.id}` : null);
  const [notice, setNotice] = useState<string | null>(null);
  const meetingAction = useAction();
  const [confirmClose, setConfirmClose] = useState(false);
  const secondTermCome = useHasCome(meeting?.state === 'planned' ? meeting.secondTermAt : null);

  // The speakers' list of an open meeting, read again when it, the item under discussion or the meeting changes.
  const speakers = useSpeakers(meetingId, meeting?.state === 'open');
  const chair = coordinator || (own !== null && body.data?.chairId === own.id);

  // The page's one socket: elections on it are read again when the meeting says one of them (or the meeting) changed.
  const [electionSignal, setElectionSignal] = useState<ElectionSignal>({ electionId: null, n: 0 });
  useMeetingEvents(meetingId, true, (event) => {
    void reload();
    if (event.type === 'speakers_changed' || event.type === 'current_item_changed' || event.type === 'meeting_changed') void speakers.reload();
    if (event.type === 'election_changed' || event.type === 'meeting_changed') setElectionSignal((s) => ({ electionId: event.type === 'election_changed' ? (event.electionId ?? null) : null, n: s.n + 1 }));
  });

  // After an action, the focus goes to what it asked for (e.g. the recorded vote, the outcome) once it is shown.
  const { refresh, focusWhenShown } = useReloadAndFocus(reload);

  if (!meeting) {
    if (error == null) return <Loading label={t('decisions.meeting.loading')} />;
    return (
      <>
        <PageHeading title={t('decisions.meeting.unavailable')}>{t('decisions.meeting.unavailable')}</PageHeading>
        <ErrorMessage message={errorText(error, t)} />
      </>
    );
  }

  async function transition(to: 'open' | 'closed', term: MeetingTerm = 'first') {
    setNotice(null);
    const ok = await meetingAction.run(async () => {
      replace(to === 'open' ? await openMeeting(meetingId, term) : await closeMeeting(meetingId));
      setNotice(t(to === 'closed' ? 'decisions.meeting.closedNotice' : term === 'second' ? 'decisions.meeting.openedSecondTerm' : 'decisions.meeting.opened'));
    });
    setConfirmClose(false);
    if (ok) focusWhenShown(to === 'open' ? 'agenda-heading' : 'page-heading');
    else if (to === 'closed') focusWhenShown('close-meeting');
  }

  return (
    <>
      <p className="back-link">
        <Link to={decisionsPage(workspace.id)}>
          <span aria-hidden="true">← </span>
          {t('decisions.meeting.back')}
        </Link>
      </p>
      <PageHeading title={`${meeting.title} – ${workspace.shortName}`}>{meeting.title}</PageHeading>
      <StatusMessage message={notice} />
      {meeting.state === 'cancelled' && (
        <div className="notice meeting-cancelled">
          <p>
            <strong>{t('decisions.meeting.cancelledBanner')}</strong>
            {meeting.cancelledAt && (
              <>
                {' '}
                {t('decisions.meeting.cancelledAt')} <When iso={meeting.cancelledAt} />
              </>
            )}
          </p>
          {meeting.cancelReason && <p>{t('decisions.meeting.cancelReason', { reason: meeting.cancelReason })}</p>}
        </div>
      )}
      {/* A representative's page starts with what they do here: the open ballots, then their presence or proxy. */}
      {own && (
        <>
          <OwnBallots meeting={meeting} ownId={own.id} refresh={refresh} electionSignal={electionSignal} />
          <RepresentativePanel
            meeting={meeting}
            own={own}
            proxiesAllowed={body.data ? body.data.rules.general.proxiesAllowed : null}
            onChanged={(next, focus) => {
              replace(next);
              focusWhenShown(focus);
            }}
          />
        </>
      )}
      <dl className="facts">
        <dt>{t('decisions.meeting.body')}</dt>
        <dd>{meeting.body.name}</dd>
        <dt>{t('decisions.meeting.startsAt')}</dt>
        <dd>
          <When iso={meeting.startsAt} />
        </dd>
        {meeting.secondTermAt && (
          <>
            <dt>{t('decisions.meeting.secondTermAt')}</dt>
            <dd>
              <When iso={meeting.secondTermAt} />
            </dd>
          </>
        )}
        <dt>{t('decisions.meeting.place')}</dt>
        <dd>{meeting.place || t('common.notGiven')}</dd>
        <dt>{t('decisions.meeting.state')}</dt>
        <dd>
          <MeetingStateBadge state={meeting.state} />
          {meeting.openedAt && (
            <span className="table-note">
              {t('decisions.meeting.openedAt')} <When iso={meeting.openedAt} />
            </span>
          )}
          {meeting.term && <span className="table-note">{t(`decisions.meeting.term.${meeting.term}`)}</span>}
          {meeting.closedAt && (
            <span className="table-note">
              {t('decisions.meeting.closedAt')} <When iso={meeting.closedAt} />
            </span>
          )}
        </dd>
      </dl>
      {!cancelled && <p className="projector-link"><Link to={`/w/${workspace.id}/meetings/${meeting.id}/projector`} target="_blank">{t('decisions.projector.link')}<span className="visually-hidden"> {t('decisions.projector.newTab')}</span></Link></p>}
      {coordinator && (meeting.state === 'planned' || meeting.state === 'open') && (
        <div className="meeting-controls">
          <ErrorMessage message={meetingAction.failure ? decisionErrorText(meetingAction.failure, t) : null} />
          {meeting.state === 'planned' && (
            <button type="button" className="button button--primary" aria-disabled={meetingAction.busy} onClick={() => void transition('open')}>
              {t('decisions.meeting.open')}
            </button>
          )}
          {meeting.state === 'planned' && meeting.secondTermAt && secondTermCome && (
            <button type="button" className="button" aria-disabled={meetingAction.busy} onClick={() => void transition('open', 'second')}>
              {t('decisions.meeting.openSecondTerm')}
            </button>
          )}
          {meeting.state === 'open' &&
            (confirmClose ? (
              <ConfirmAction
                question={t('decisions.meeting.closeQuestion', { title: meeting.title })}
                confirmLabel={t('decisions.meeting.closeConfirm')}
                onConfirm={() => void transition('closed')}
                onCancel={() => {
                  setConfirmClose(false);
                  focusWhenShown('close-meeting');
                }}
                busy={meetingAction.busy}
              />
            ) : (
              <button id="close-meeting" type="button" className="button" onClick={() => setConfirmClose(true)}>
                {t('decisions.meeting.close')}
              </button>
            ))}
        </div>
      )}
      {coordinator && meeting.state === 'planned' && (
        <MeetingChanges
          meeting={meeting}
          onChanged={(next, message, focus) => {
            replace(next);
            setNotice(message);
            focusWhenShown(focus);
          }}
        />
      )}
      {!cancelled && <QuorumIndicator meeting={meeting} />}
      {ownId && !own && !cancelled && <p>{t('decisions.own.notInBody', { body: meeting.body.name })}</p>}
      {(meeting.state === 'open' || meeting.state === 'closed') && <ProceduralVotes meeting={meeting} chair={chair} ownId={own ? own.id : null} refresh={refresh} />}
      <section aria-labelledby="agenda-heading">
        <h2 id="agenda-heading" tabIndex={-1}>
          {t('decisions.agenda.heading')}
        </h2>
        {meeting.agenda.length === 0 ? (
          <p>{t('decisions.agenda.none')}</p>
        ) : (
          meeting.agenda.map((item) =>
            isResolutionItem(item) ? (
              <AgendaItem key={item.id} meeting={meeting} item={item} coordinator={coordinator} chair={chair} canPropose={coordinator || own !== null} ownId={own ? own.id : null} refresh={refresh} />
            ) : item.kind === 'election' && item.electionId ? (
              <ElectionPanel key={item.id} meeting={meeting} item={item} electionId={item.electionId} chair={chair} signal={electionSignal} />
            ) : (
              <PlainAgendaItem key={item.id} item={item}>
                {item.kind === 'minutes' && <MinutesApproval meeting={meeting} itemId={item.id} chair={chair} refresh={refresh} />}
              </PlainAgendaItem>
            ),
          )
        )}
        {chair && (meeting.state === 'planned' || meeting.state === 'open') && (
          <AgendaEditor
            meeting={meeting}
            refresh={refresh}
            onChanged={(next, message, focus) => {
              replace(next);
              setNotice(message);
              focusWhenShown(focus);
            }}
          />
        )}
      </section>
      {chair && (meeting.state === 'planned' || meeting.state === 'open') && <CreateElectionForm meeting={meeting} refresh={refresh} />}
      {meeting.state === 'open' && <SpeakersPanel meeting={meeting} speakers={speakers} chair={chair} own={own} />}
      {!cancelled && (
        <>
          <AttendanceTable meeting={meeting} />
          <MinutesLinks meeting={meeting} />
        </>
      )}
    </>
  );
}
