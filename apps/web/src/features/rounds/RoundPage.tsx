import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { can } from '@commonplan/domain';
import { errorText } from '../../api/error-text';
import { useApiData } from '../../api/useApiData';
import { formatDateTime } from '../../i18n/format';
import { Loading } from '../../ui/Loading';
import { ErrorMessage, StatusMessage } from '../../ui/Messages';
import { PageHeading } from '../../ui/PageHeading';
import { useWorkspace } from '../workspace/workspace-context';
import { advanceRound, NEXT_ACTION, type Round, roundPath } from './rounds-api';

/**
 * /w/:workspaceId/rounds/:roundId: a consultation round: what is consulted, the timetable (with the report's due
 * date), audience, channels, legal basis, meetings, and for coordinators the next step (announce, open, close).
 */
export function RoundPage() {
  const { t, i18n } = useTranslation();
  const { roundId = '' } = useParams();
  const workspace = useWorkspace();
  const source = useApiData<Round>(roundPath(roundId));
  const [updated, setUpdated] = useState<Round | null>(null);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<unknown>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const round = updated?.id === roundId ? updated : source.data;

  if (!round) {
    if (source.error == null) return <Loading label={t('rounds.loading')} />;
    return (
      <>
        <PageHeading title={t('rounds.unavailable')}>{t('rounds.unavailable')}</PageHeading>
        <ErrorMessage message={errorText(source.error, t)} />
      </>
    );
  }

  const when = (iso: string | null) => (iso ? <time dateTime={iso}>{formatDateTime(iso, i18n.language)}</time> : t('common.none'));
  const next = can(workspace.role, 'consultations.manage') ? NEXT_ACTION[round.state] : undefined;

  async function advance() {
    if (!next || busy) return;
    setBusy(true);
    setFailure(null);
    setNotice(null);
    try {
      const result = await advanceRound(roundId, next);
      setUpdated(result);
      setNotice(t('rounds.done', { state: t(`roundStates.${result.state}`) }));
    } catch (error) {
      setFailure(error);
    } finally {
      setBusy(false);
    }
  }

  return (
    <>
      <p className="back-link">
        <Link to={`/w/${workspace.id}`}>
          <span aria-hidden="true">← </span>
          {t('document.back')}
        </Link>
      </p>
      <PageHeading title={`${round.title} – ${workspace.shortName}`}>{round.title}</PageHeading>
      <StatusMessage message={notice} />
      <ErrorMessage message={failure ? errorText(failure, t) : null} />
      {round.warnings.includes('shorter_than_statutory_minimum') && <p className="notice notice--error">{t('dashboard.rounds.short')}</p>}
      <dl className="facts round-facts">
        <dt>{t('rounds.facts.state')}</dt>
        <dd>
          <span className={`badge badge--round-${round.state}`}>{t(`roundStates.${round.state}`)}</span>
        </dd>
        <dt>{t('rounds.facts.consulted')}</dt>
        <dd>
          <Link to={`/w/${workspace.id}/d/${round.document.id}/v/${round.version.id}`}>
            {t('dashboard.rounds.consulted', { document: round.document.title, number: round.version.number, name: round.version.name })}
          </Link>
        </dd>
        <dt>{t('rounds.facts.opens')}</dt>
        <dd>{when(round.opensAt)}</dd>
        <dt>{t('rounds.facts.closes')}</dt>
        <dd>{when(round.closesAt)}</dd>
        <dt>{t('rounds.facts.reportDue')}</dt>
        <dd>{when(round.reportDueAt)}</dd>
        <dt>{t('rounds.facts.comments')}</dt>
        <dd>{round.commentCount}</dd>
        <dt>{t('rounds.facts.audiences')}</dt>
        <dd>{round.audiences.map((audience) => t(`rounds.audiences.${audience}`)).join(', ')}</dd>
        <dt>{t('rounds.facts.channels')}</dt>
        <dd>{round.channels.map((channel) => t(`rounds.channels.${channel}`)).join(', ')}</dd>
        <dt>{t('rounds.facts.legalBasis')}</dt>
        <dd>{round.legalBasis}</dd>
      </dl>
      {next && (
        <p>
          <button type="button" className="button button--primary" aria-disabled={busy} onClick={() => void advance()}>
            {t(`rounds.actions.${next}`)}
          </button>
        </p>
      )}
      <section aria-labelledby="meetings-heading">
        <h2 id="meetings-heading">{t('rounds.meetings.heading')}</h2>
        {round.meetings.length === 0 ? (
          <p className="muted">{t('rounds.meetings.none')}</p>
        ) : (
          <ul>
            {round.meetings.map((meeting) => (
              <li key={meeting.id}>
                {when(meeting.startsAt)} · {meeting.place}
                {meeting.notes && <span className="table-note">{meeting.notes}</span>}
              </li>
            ))}
          </ul>
        )}
      </section>
      <section aria-labelledby="clause-heading">
        <h2 id="clause-heading">{t('rounds.clause')}</h2>
        <p className="clause">{round.informationClause}</p>
      </section>
    </>
  );
}
