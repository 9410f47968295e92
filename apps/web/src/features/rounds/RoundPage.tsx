import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { can } from '@commonplan/domain';
import { ApiError } from '../../api/client';
import { errorText, formErrorText } from '../../api/error-text';
import { formatDate } from '../../i18n/format';
import { useApiData } from '../../api/useApiData';
import { ConfirmAction } from '../../ui/ConfirmAction';
import { useFocusWhenShown } from '../../ui/focus-when-shown';
import { ErrorMessage, StatusMessage } from '../../ui/Messages';
import { PageHeading } from '../../ui/PageHeading';
import { commentsAsOrganisation, RoundCommenting } from '../round-comments/RoundCommenting';
import { useWorkspace } from '../workspace/workspace-context';
import { isStaff, triagePagePath } from '../triage/triage-api';
import { CloseWhenDue } from './CloseWhenDue';
import { MeetingForm } from './MeetingForm';
import { roundFieldErrors } from './NewRoundPage';
import { PublicationForm } from './PublicationForm';
import { EDIT_HEADING_ID, RoundForm } from './RoundForm';
import { InformationClause, RoundFacts, RoundMeetings, RoundUnavailable, When } from './RoundDetails';
import { advanceRound, canDeleteRound, canEditRound, deleteRound, NEXT_ACTION, type Round, type RoundChanges, roundPath, updateRound } from './rounds-api';
import { useRoundEvents } from './useRoundEvents';
import { reportPagePath } from '../report/report-api';

/**
 * /w/:workspaceId/rounds/:roundId: a consultation round: what is consulted, the timetable (with the report's due
 * date), audience, channels, legal basis, meetings, and for coordinators the next step (announce, open, close), the
 * round's changes until it opens (RoundEditing) and the deletion of a draft.
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
  const [editing, setEditing] = useState(false);
  // Deleted by another coordinator while shown (a draft).
  const [deleted, setDeleted] = useState<string | null>(null);
  const round = updated?.id === roundId ? updated : source.data;
  // Staff see the count of comments move as they arrive, and another coordinator's changes.
  useRoundEvents(roundId, isStaff(workspace.role), (event) => {
    if (event.type === 'round_deleted') {
      setDeleted(roundId);
      return;
    }
    setUpdated(null);
    source.reload();
    if (event.type === 'comment_submitted') setNotice(t('rounds.live.newComment'));
  });

  if (deleted === roundId) return <RoundUnavailable error={new ApiError(404, 'consultation round not found')} />;
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

  const changeable = manages && canEditRound(round);
  const changes = changeable && (
    <RoundChanging
      round={round}
      editing={editing}
      onEditing={(value) => {
        setEditing(value);
        if (value) setNotice(null);
      }}
      onSaved={(result) => saved(result, t('rounds.edit.saved'))}
    />
  );

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
      {changes}
      {!editing && (
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
      )}
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

const EDIT_BUTTON_ID = 'round-edit';

/**
 * A coordinator's changes to a draft or announced round: "Edytuj rundę" opens the round form prefilled (the focus goes
 * to its heading, and back to the button when it closes), and a draft can be deleted after a confirmation, which leads
 * back to the workspace's dashboard. The API refuses both once the round opens (409), said in words here.
 */
function RoundChanging({ round, editing, onEditing, onSaved }: { round: Round; editing: boolean; onEditing: (editing: boolean) => void; onSaved: (round: Round) => void }) {
  const { t } = useTranslation();
  const workspace = useWorkspace();
  const navigate = useNavigate();
  const focusWhenShown = useFocusWhenShown();
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<unknown>(null);
  const [confirming, setConfirming] = useState(false);
  const conflict = failure instanceof ApiError && failure.status === 409;
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (editing) heading.current?.focus();
  }, [editing]);

  function close() {
    setFailure(null);
    onEditing(false);
    focusWhenShown(EDIT_BUTTON_ID);
  }

  async function save(changes: RoundChanges) {
    if (busy) return;
    setBusy(true);
    setFailure(null);
    try {
      onSaved(await updateRound(round.id, changes));
      close();
    } catch (error) {
      setFailure(error);
    } finally {
      setBusy(false);
    }
  }

  async function remove() {
    if (busy) return;
    setBusy(true);
    setFailure(null);
    try {
      await deleteRound(round.id);
      void navigate(`/w/${workspace.id}`);
    } catch (error) {
      setFailure(error);
      setBusy(false);
    }
  }

  if (editing) {
    return (
      <section className="panel" aria-labelledby={EDIT_HEADING_ID}>
        <h2 id={EDIT_HEADING_ID} tabIndex={-1} ref={heading}>
          {t('rounds.edit.heading')}
        </h2>
        <RoundForm
          editing={round}
          onSave={save}
          onCancel={close}
          busy={busy}
          error={conflict ? t('rounds.edit.conflict') : formErrorText(failure, t)}
          fieldErrors={roundFieldErrors(failure, t)}
        />
      </section>
    );
  }
  return (
    <div className="round-changes">
      {confirming ? (
        <ConfirmAction
          question={t('rounds.delete.question', { title: round.title })}
          confirmLabel={t('rounds.delete.confirm')}
          onConfirm={() => void remove()}
          onCancel={() => {
            setConfirming(false);
            setFailure(null);
            focusWhenShown(DELETE_BUTTON_ID);
          }}
          busy={busy}
          error={failure ? (conflict ? t('rounds.delete.conflict') : errorText(failure, t)) : null}
        />
      ) : (
        <p className="form__actions">
          <button id={EDIT_BUTTON_ID} type="button" className="button" onClick={() => onEditing(true)}>
            {t('rounds.edit.open')}
          </button>
          {canDeleteRound(round) && (
            <button id={DELETE_BUTTON_ID} type="button" className="button button--danger" onClick={() => setConfirming(true)}>
              {t('rounds.delete.open')}
            </button>
          )}
        </p>
      )}
    </div>
  );
}

const DELETE_BUTTON_ID = 'round-delete';
