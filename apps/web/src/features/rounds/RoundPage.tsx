import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { can } from '@commonplan/domain';
import { errorText } from '../../api/error-text';
import { formatDate } from '../../i18n/format';
import { useApiData } from '../../api/useApiData';
import { ErrorMessage, StatusMessage } from '../../ui/Messages';
import { PageHeading } from '../../ui/PageHeading';
import { commentsAsOrganisation, RoundCommenting } from '../round-comments/RoundCommenting';
import { useWorkspace } from '../workspace/workspace-context';
import { isStaff, triagePagePath } from '../triage/triage-api';
import { CloseWhenDue } from './CloseWhenDue';
import { MeetingForm } from './MeetingForm';
import { PublicationForm } from './PublicationForm';
import { InformationClause, RoundFacts, RoundMeetings, RoundUnavailable, When } from './RoundDetails';
import { advanceRound, NEXT_ACTION, type Round, roundPath } from './rounds-api';
import { useRoundEvents } from './useRoundEvents';
import { reportPagePath } from '../report/report-api';

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
  // Staff see the count of comments move as they arrive.
  useRoundEvents(roundId, isStaff(workspace.role), (event) => {
    setUpdated(null);
    source.reload();
    if (event.type === 'comment_submitted') setNotice(t('rounds.live.newComment'));
  });

  if (!round) return <RoundUnavailable error={source.error} />;

  const manages = can(workspace.role, 'consultations.manage');
  const next = manages ? NEXT_ACTION[round.state] : undefined;
  const saved = (result: Round, message: string) => {
    setUpdated(result);
    setNotice(message);
  };

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

  const advanceButton = next && (
    <button type="button" className="button button--primary" aria-disabled={busy} onClick={() => void advance()}>
      {t(`rounds.actions.${next}`)}
    </button>
  );

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
      {/* The statutory timetable is the staff's to keep: mayors (representatives), partners and observers are not warned. */}
      {isStaff(workspace.role) && round.warnings.includes('shorter_than_statutory_minimum') && <p className="notice notice--error">{t('dashboard.rounds.short')}</p>}
      <RoundFacts
        round={round}
        consulted={
          <Link to={`/w/${workspace.id}/d/${round.document.id}/v/${round.version.id}`}>
            {t('dashboard.rounds.consulted', { document: round.document.title, number: round.version.number, name: round.version.name })}
          </Link>
        }
        extra={
          <>
            <dt>{t('rounds.facts.reportDue')}</dt>
            <dd>
              <When iso={round.reportDueAt} />
            </dd>
            <dt>{t('rounds.facts.comments')}</dt>
            <dd>{round.commentCount}</dd>
            {round.approval && (
              <>
                <dt>{t('publication.approvedBy')}</dt>
                <dd>{t('publication.approvalValue', { title: round.approval.title, date: formatDate(round.approval.adoptedAt, i18n.language) })}</dd>
              </>
            )}
          </>
        }
      />
      {next && next !== 'close' && <p>{advanceButton}</p>}
      {next === 'close' && <CloseWhenDue closesAt={round.closesAt} action={<p>{advanceButton}</p>} />}
      {round.state !== 'draft' && (
        <p>
          <Link to={`/consultations/${round.id}`}>{t('rounds.public.link')}</Link>
        </p>
      )}
      {commentsAsOrganisation(workspace.role, round) && <RoundCommenting round={round} />}
      {isStaff(workspace.role) && (
        <p>
          <Link to={triagePagePath(workspace.id, round.id)}>{t('triage.link', { total: round.commentCount })}</Link>
        </p>
      )}
      {isStaff(workspace.role) && round.state !== 'draft' && (
        <p>
          <Link to={reportPagePath(workspace.id, round.id)}>{t('report.link')}</Link>
        </p>
      )}
      <RoundMeetings round={round} withNotes onSaved={manages ? saved : undefined} />
      {manages && round.state !== 'report_published' && <MeetingForm roundId={round.id} onAdded={(result) => setUpdated(result)} />}
      {manages && <PublicationForm key={round.id} round={round} workspaceId={workspace.id} onSaved={(result) => setUpdated(result)} />}
      <InformationClause round={round} />
    </>
  );
}
