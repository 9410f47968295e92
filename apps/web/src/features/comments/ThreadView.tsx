import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorText } from '../../api/error-text';
import type { Person } from '../../api/types';
import { formatDateTime } from '../../i18n/format';
import { CommentComposer } from './CommentComposer';
import type { Thread } from './comments-api';

export interface ThreadViewProps {
  thread: Thread;
  /** Where its passage is now: false when it was deleted entirely. */
  passageFound: boolean;
  canComment: boolean;
  people: Person[];
  active: boolean;
  onShow: () => void;
  onReply: (reply: { body: string; mentions: string[] }) => Promise<void>;
  onStatus: (status: 'resolve' | 'reopen') => Promise<void>;
}

/** One thread: its passage (or a note that it was deleted, with the words it had), comments, reply, resolve. */
export function ThreadView({ thread, passageFound, canComment, people, active, onShow, onReply, onStatus }: ThreadViewProps) {
  const { t, i18n } = useTranslation();
  const [failure, setFailure] = useState<unknown>(null);
  const run = async (action: () => Promise<void>) => {
    setFailure(null);
    try {
      await action();
    } catch (error) {
      setFailure(error);
      throw error;
    }
  };
  const headingId = `thread-${thread.id}-heading`;
  return (
    <article id={`thread-${thread.id}`} className={`thread${active ? ' thread--active' : ''}${thread.status === 'resolved' ? ' thread--resolved' : ''}`} aria-labelledby={headingId} tabIndex={-1}>
      <h4 id={headingId} className="thread__heading">
        {t('comments.threadBy', { name: thread.createdBy?.displayName ?? t('comments.someone') })}
      </h4>
      {passageFound ? (
        <button type="button" className="thread__quote" onClick={onShow} aria-label={t('comments.showPassage', { quote: thread.quote })}>
          „{thread.quote}”
        </button>
      ) : (
        <p className="thread__quote thread__quote--gone">
          <span className="badge">{t('comments.passageDeleted')}</span> <del>„{thread.quote}”</del>
        </p>
      )}
      <ol className="thread__comments">
        {thread.comments.map((comment) => (
          <li key={comment.id}>
            <p className="thread__meta">
              <strong>{comment.author?.displayName ?? t('comments.someone')}</strong> · {formatDateTime(comment.createdAt, i18n.language)}
            </p>
            <p className="thread__body">{comment.body}</p>
          </li>
        ))}
      </ol>
      {thread.status === 'resolved' && thread.resolvedBy && (
        <p className="muted">{t('comments.resolvedBy', { name: thread.resolvedBy.displayName })}</p>
      )}
      {failure != null && <p className="field__error">{errorText(failure, t)}</p>}
      {canComment && (
        <>
          {thread.status === 'open' && (
            <CommentComposer label={t('comments.reply')} submitLabel={t('comments.replySubmit')} people={people} onSubmit={(reply) => run(() => onReply(reply))} />
          )}
          <button type="button" className="button button--small" onClick={() => void run(() => onStatus(thread.status === 'open' ? 'resolve' : 'reopen')).catch(() => undefined)}>
            {thread.status === 'open' ? t('comments.resolve') : t('comments.reopen')}
          </button>
        </>
      )}
    </article>
  );
}
