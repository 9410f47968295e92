import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorText } from '../../api/error-text';
import { ErrorMessage, StatusMessage } from '../../ui/Messages';
import { OwnCommentEditor } from './OwnCommentEditor';
import { editOwnComment, type SubmittedComment, withdrawOwnComment } from './round-comments-api';

/** A representative's or partner's own comments in a round, each withdrawable until the close. */
export function MyComments({ comments, open, onChanged }: { comments: SubmittedComment[]; open: boolean; onChanged: () => void }) {
  const { t } = useTranslation();
  const [notice, setNotice] = useState<string | null>(null);
  const [failure, setFailure] = useState<unknown>(null);
  const [editing, setEditing] = useState<string | null>(null);

  async function withdraw(comment: SubmittedComment) {
    setFailure(null);
    try {
      await withdrawOwnComment(comment.id);
      setNotice(t('commentForm.mine.withdrawn_notice', { number: comment.number }));
      onChanged();
    } catch (error) {
      setFailure(error);
    }
  }

  return (
    <section aria-labelledby="my-comments-heading">
      <h2 id="my-comments-heading">{t('commentForm.mine.heading')}</h2>
      <StatusMessage message={notice} />
      <ErrorMessage message={failure ? errorText(failure, t) : null} />
      {comments.length === 0 ? (
        <p>{t('commentForm.mine.none')}</p>
      ) : (
        <div className="table-scroll">
          <table>
            <caption>{t('commentForm.mine.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('commentForm.mine.number')}</th>
                <th scope="col">{t('commentForm.mine.part')}</th>
                <th scope="col">{t('commentForm.fields.proposedWording')}</th>
                <th scope="col">{t('commentForm.mine.state')}</th>
              </tr>
            </thead>
            <tbody>
              {comments.map((comment) => (
                <tr key={comment.id}>
                  <th scope="row">{comment.number}</th>
                  <td>{comment.part}</td>
                  <td>{comment.proposedWording}</td>
                  <td>
                    {comment.withdrawn ? t('commentForm.mine.withdrawn') : t('commentForm.mine.submitted')}
                    {open && !comment.withdrawn && (
                      <>
                        {' '}
                        <button type="button" className="button button--small" aria-expanded={editing === comment.id} onClick={() => setEditing(editing === comment.id ? null : comment.id)}>
                          {t('commentForm.own.edit', { number: comment.number })}
                        </button>{' '}
                        <button type="button" className="button button--small" onClick={() => void withdraw(comment)}>
                          {t('commentForm.mine.withdraw', { number: comment.number })}
                        </button>
                      </>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {comments
        .filter((comment) => comment.id === editing && open && !comment.withdrawn)
        .map((comment) => (
          <OwnCommentEditor
            key={comment.id}
            comment={comment}
            onSave={async (content) => {
              await editOwnComment(comment.id, content);
              setEditing(null);
              setNotice(t('commentForm.own.saved', { number: comment.number }));
              onChanged();
            }}
            onWithdraw={async () => {
              await withdraw(comment);
              setEditing(null);
            }}
          />
        ))}
    </section>
  );
}
