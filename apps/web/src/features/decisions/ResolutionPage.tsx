import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { can } from '@commonplan/domain';
import { api } from '../../api/client';
import { errorText } from '../../api/error-text';
import { useApiData } from '../../api/useApiData';
import { Loading } from '../../ui/Loading';
import { ErrorMessage } from '../../ui/Messages';
import { PageHeading } from '../../ui/PageHeading';
import { When } from '../rounds/RoundDetails';
import { useWorkspace } from '../workspace/workspace-context';
import { voteHeadingId } from './AgendaItem';
import { AttachmentsSection } from './AttachmentsSection';
import { type BodyView, decisionsPage, resolutionPage, resolutionPath, type ResolutionView, resolutionVotesPath, undecided, type VoteView } from './decisions-api';
import { ResolutionVotePanel } from './RemoteVote';
import { RemoteVoteForm, remoteVotingAllowed } from './RemoteVoteForm';
import { AdoptedVersion, ResolutionStateBadge, ResolutionTextLink } from './ResolutionsTable';
import { useReloadAndFocus } from './useReloadAndFocus';
import './decisions.css';

/** What the page says of a resolution's text once it may no longer be edited. */
const FROZEN_NOTE: Record<ResolutionView['state'], string> = { voting: 'frozenWhileVoting', adopted: 'frozenForGood', rejected: 'frozenRejected', draft: '', no_quorum: '' };

/** How often the page reads the resolution and its votes again while it is shown. */
export const RESOLUTION_POLL_MS = 30_000;

/**
 * The resolution and its votes as the API has them now; `reload` resolves once the answer is shown (late answers of
 * older reads are dropped). Meeting events (socket.io `/meetings`) cover only votes taken in a meeting, not remote
 * votes, so this page reads again every 30 seconds while it is visible and whenever the window gets the focus back.
 */
function useResolution(resolutionId: string) {
  const [state, setState] = useState<{ id: string; resolution: ResolutionView | null; votes: VoteView[]; error: unknown }>({ id: resolutionId, resolution: null, votes: [], error: null });
  const generation = useRef(0);
  const reload = useCallback(async () => {
    const mine = ++generation.current;
    try {
      const [resolution, votes] = await Promise.all([api.get<ResolutionView>(resolutionPath(resolutionId)), api.get<VoteView[]>(resolutionVotesPath(resolutionId))]);
      if (mine === generation.current) setState({ id: resolutionId, resolution, votes, error: null });
    } catch (error) {
      if (mine === generation.current) setState((s) => ({ ...s, id: resolutionId, error }));
    }
  }, [resolutionId]);
  useEffect(() => {
    void reload();
    const again = () => {
      if (document.visibilityState !== 'hidden') void reload();
    };
    const timer = window.setInterval(again, RESOLUTION_POLL_MS);
    window.addEventListener('focus', again);
    return () => {
      window.clearInterval(timer);
      window.removeEventListener('focus', again);
    };
  }, [reload]);
  const fresh = state.id === resolutionId;
  return { resolution: fresh ? state.resolution : null, votes: fresh ? state.votes : [], error: fresh ? state.error : null, reload };
}

/**
 * /w/:workspaceId/resolutions/:resolutionId: a resolution (title, kind, state, number and full title once adopted,
 * its text, the version it adopts, its attachments) and its votes. Coordinators open a remote vote on it while it is
 * undecided and close one once its time is over; a member's representative votes in an open remote vote.
 */
export function ResolutionPage() {
  const { t } = useTranslation();
  const { resolutionId = '' } = useParams();
  const workspace = useWorkspace();
  const { resolution, votes, error, reload } = useResolution(resolutionId);
  const coordinator = can(workspace.role, 'decisions.manage');
  const ownId = can(workspace.role, 'decisions.vote') ? workspace.organisationId : null;
  // The deciding body: its members name the roll, count as eligible and say whether the reader's member votes.
  const body = useApiData<BodyView>(resolution ? `/bodies/${resolution.body.id}` : null);

  // After an action, the focus goes to what it asked for (e.g. the recorded vote, the outcome) once it is shown.
  const { refresh } = useReloadAndFocus(reload);

  if (!resolution) {
    if (error == null) return <Loading label={t('decisions.resolution.loading')} />;
    return (
      <>
        <PageHeading title={t('decisions.resolution.unavailable')}>{t('decisions.resolution.unavailable')}</PageHeading>
        <ErrorMessage message={errorText(error, t)} />
      </>
    );
  }

  const canOpen = coordinator && undecided(resolution) && !votes.some((v) => v.state === 'open');
  // Remote voting only where the body's rules allow it for this kind; if the body cannot be read, the API decides.
  const remoteAllowed = body.data ? remoteVotingAllowed(resolution, [body.data]) : body.error ? null : false;
  return (
    <>
      <p className="back-link">
        <Link to={decisionsPage(workspace.id)}>
          <span aria-hidden="true">← </span>
          {t('decisions.meeting.back')}
        </Link>
      </p>
      <PageHeading title={`${resolution.number ? `${resolution.number} ` : ''}${resolution.title} – ${workspace.shortName}`}>{resolution.fullTitle ?? resolution.title}</PageHeading>
      <dl className="facts">
        <dt>{t('decisions.resolutions.body')}</dt>
        <dd>{resolution.body.name}</dd>
        <dt>{t('decisions.resolutions.kind')}</dt>
        <dd>{t(`decisions.kinds.${resolution.kind}`)}</dd>
        <dt>{t('decisions.resolutions.state')}</dt>
        <dd>
          <ResolutionStateBadge resolution={resolution} />
          {resolution.decidedAt && (
            <span className="table-note">
              {t('decisions.resolution.decidedAt')} <When iso={resolution.decidedAt} />
            </span>
          )}
        </dd>
        <dt>{t('decisions.resolutions.number')}</dt>
        <dd>{resolution.number ?? t('common.none')}</dd>
        {resolution.fullTitle && (
          <>
            <dt>{t('decisions.resolution.subject')}</dt>
            <dd>{resolution.title}</dd>
          </>
        )}
        <dt>{t('decisions.resolutions.textColumn')}</dt>
        <dd>
          <ResolutionTextLink workspaceId={workspace.id} resolution={resolution} />
        </dd>
        <dt>{t('decisions.resolutions.adopts')}</dt>
        <dd>{resolution.adopts ? <AdoptedVersion workspaceId={workspace.id} adopts={resolution.adopts} /> : t('common.none')}</dd>
        {resolution.changes && (
          <>
            <dt>{t(`decisions.register.changes.${resolution.changes.kind}`)}</dt>
            <dd>
              <Link to={resolutionPage(workspace.id, resolution.changes.resolutionId)}>{resolution.changes.number}</Link>
            </dd>
          </>
        )}
        {resolution.changedBy && resolution.changedBy.length > 0 && (
          <>
            <dt>{t('decisions.register.changedByHeading')}</dt>
            <dd>
              <ul className="plain-list">
                {resolution.changedBy.map((c) => (
                  <li key={c.resolutionId}>
                    {t(`decisions.register.changedBy.${c.kind}`)} <Link to={resolutionPage(workspace.id, c.resolutionId)}>{c.number}</Link>
                  </li>
                ))}
              </ul>
            </dd>
          </>
        )}
      </dl>
      {!undecided(resolution) && <p className="notice">{t(`decisions.resolution.${FROZEN_NOTE[resolution.state]}`)}</p>}

      {resolution.justification && (
        <section aria-labelledby="justification-heading">
          <h2 id="justification-heading">{t('decisions.agenda.justification')}</h2>
          <p className="wording">{resolution.justification}</p>
        </section>
      )}

      <AttachmentsSection resolution={resolution} onChanged={() => void reload()} headingLevel={2} />

      <section aria-labelledby="votes-heading">
        <h2 id="votes-heading" tabIndex={-1}>
          {t('decisions.resolution.votes')}
        </h2>
        {votes.length === 0 && <p>{t('decisions.resolution.noVotes')}</p>}
        {votes.map((vote, index) => (
          <ResolutionVotePanel
            key={vote.id}
            workspaceId={workspace.id}
            resolution={resolution}
            vote={vote}
            body={body.data}
            number={votes.length > 1 ? index + 1 : null}
            coordinator={coordinator}
            ownId={ownId}
            refresh={refresh}
          />
        ))}
        {canOpen && remoteAllowed !== false && <RemoteVoteForm resolution={resolution} onOpened={(vote) => refresh(voteHeadingId(vote.id))} />}
        {canOpen && body.data && remoteAllowed === false && (
          <p>{t('decisions.remoteVote.notAllowed', { body: body.data.name, kind: t(`decisions.kinds.${resolution.kind}`) })}</p>
        )}
      </section>
    </>
  );
}
