import { type FormEvent, useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useParams } from 'react-router';
import { errorText } from '../../api/error-text';
import { ErrorMessage, StatusMessage } from '../../ui/Messages';
import { PageHeading } from '../../ui/PageHeading';
import { SubmitButton } from '../../ui/SubmitButton';
import { TextField } from '../../ui/TextField';
import { When } from '../rounds/RoundDetails';
import { OwnCommentEditor } from './OwnCommentEditor';
import { editPublicComment, type OwnComment, readPublicComment, withdrawPublicComment } from './round-comments-api';

/** The secret from the page's fragment (`#kod=…`, as the receipt links it). */
function secretOf(hash: string): string {
  return new URLSearchParams(hash.replace(/^#/, '')).get('kod') ?? '';
}

/**
 * /consultations/:roundId/comments/:commentId: a public comment's sender reads it and, until the close, changes or
 * withdraws it, with the code from the receipt (taken from the link's fragment, or typed in).
 */
export function OwnCommentPage() {
  const { t } = useTranslation();
  const { roundId = '', commentId = '' } = useParams();
  const location = useLocation();
  const [secret, setSecret] = useState(secretOf(location.hash));
  const [typed, setTyped] = useState('');
  const [comment, setComment] = useState<OwnComment | null>(null);
  const [failure, setFailure] = useState<unknown>(null);
  const [notice, setNotice] = useState<string | null>(null);

  const load = useCallback(async () => {
    if (!secret) return;
    setFailure(null);
    try {
      setComment(await readPublicComment(commentId, secret));
    } catch (error) {
      setComment(null);
      setFailure(error);
    }
  }, [commentId, secret]);
  useEffect(() => void load(), [load]);

  function showWithCode(event: FormEvent) {
    event.preventDefault();
    setSecret(typed.trim());
  }

  const title = comment ? t('commentForm.own.title', { number: comment.number }) : t('commentForm.own.titleUnknown');
  return (
    <>
      <PageHeading title={title}>{title}</PageHeading>
      <StatusMessage message={notice} />
      <ErrorMessage message={failure ? errorText(failure, t) : null} />
      {!comment && (
        <form onSubmit={showWithCode} noValidate aria-label={t('commentForm.own.codeForm')}>
          <TextField id="own-code" label={t('commentForm.own.code')} hint={t('commentForm.own.codeHint')} value={typed} onChange={setTyped} autoComplete="off" required />
          <SubmitButton label={t('commentForm.own.show')} busyLabel={t('commentForm.own.show')} />
        </form>
      )}
      {comment && (
        <>
          <dl className="facts">
            <dt>{t('commentForm.receipt.number')}</dt>
            <dd>{comment.number}</dd>
            <dt>{t('commentForm.receipt.submittedAt')}</dt>
            <dd>
              <When iso={comment.createdAt} />
            </dd>
            <dt>{t('commentForm.mine.state')}</dt>
            <dd>{comment.withdrawn ? t('commentForm.mine.withdrawn') : t('commentForm.mine.submitted')}</dd>
          </dl>
          {comment.editable ? (
            <OwnCommentEditor
              comment={comment}
              onSave={async (content) => {
                setComment({ ...(await editPublicComment(comment.id, secret, content)), roundId: comment.roundId, editable: true });
                setNotice(t('commentForm.own.saved', { number: comment.number }));
              }}
              onWithdraw={async () => {
                await withdrawPublicComment(comment.id, secret);
                setNotice(t('commentForm.mine.withdrawn_notice', { number: comment.number }));
                await load();
              }}
            />
          ) : (
            <>
              <p>{t(comment.withdrawn ? 'commentForm.own.isWithdrawn' : 'commentForm.own.closed')}</p>
              <dl className="facts">
                <dt>{t('commentForm.fields.part')}</dt>
                <dd>{comment.part}</dd>
                <dt>{t('commentForm.fields.currentWording')}</dt>
                <dd>{comment.currentWording || t('common.none')}</dd>
                <dt>{t('commentForm.fields.proposedWording')}</dt>
                <dd>{comment.proposedWording || t('common.none')}</dd>
                <dt>{t('commentForm.fields.justification')}</dt>
                <dd>{comment.justification}</dd>
              </dl>
            </>
          )}
        </>
      )}
      <p>
        <Link to={`/consultations/${roundId}`}>{t('commentForm.own.back')}</Link>
      </p>
    </>
  );
}
