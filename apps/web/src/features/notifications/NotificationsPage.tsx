import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { errorText } from '../../api/error-text';
import { useApiData } from '../../api/useApiData';
import { formatDateTime } from '../../i18n/format';
import { Loading } from '../../ui/Loading';
import { ErrorMessage } from '../../ui/Messages';
import { PageHeading } from '../../ui/PageHeading';
import { useWorkspace } from '../workspace/workspace-context';
import { markAllRead, markRead, type Notifications, notificationsPath } from './notifications-api';

/** /w/:workspaceId/notifications: where the person was mentioned, newest first; opening one marks it read. */
export function NotificationsPage() {
  const { t, i18n } = useTranslation();
  const workspace = useWorkspace();
  const notifications = useApiData<Notifications>(notificationsPath(workspace.id));
  const [failure, setFailure] = useState<unknown>(null);

  if (!notifications.data) {
    if (notifications.error == null) return <Loading label={t('notifications.loading')} />;
    return (
      <>
        <PageHeading title={t('notifications.heading')}>{t('notifications.heading')}</PageHeading>
        <ErrorMessage message={errorText(notifications.error, t)} />
      </>
    );
  }
  const { items, unread } = notifications.data;
  return (
    <>
      <PageHeading title={`${t('notifications.heading')} – ${workspace.shortName}`}>{t('notifications.heading')}</PageHeading>
      <ErrorMessage message={failure ? errorText(failure, t) : null} />
      {unread > 0 && (
        <p>
          <button
            type="button"
            className="button button--small"
            onClick={() =>
              void markAllRead(workspace.id).then(notifications.reload, (error: unknown) => setFailure(error))
            }
          >
            {t('notifications.readAll')}
          </button>
        </p>
      )}
      {items.length === 0 ? (
        <p className="muted">{t('notifications.none')}</p>
      ) : (
        <ul className="notifications">
          {items.map((item) => (
            <li key={item.id} className={item.read ? 'notification' : 'notification notification--unread'}>
              {!item.read && <span className="badge">{t('notifications.unread')}</span>}{' '}
              {t('notifications.mention', { actor: item.actor?.displayName ?? t('comments.someone'), document: item.document?.title ?? '' })}
              <span className="notification__meta"> · {formatDateTime(item.createdAt, i18n.language)}</span>
              <blockquote className="notification__excerpt">{item.excerpt}</blockquote>
              {item.document && (
                <Link
                  to={`/w/${workspace.id}/d/${item.document.id}${item.threadId ? `#thread-${item.threadId}` : ''}`}
                  onClick={() => void (item.read ? undefined : markRead(item.id).catch(() => undefined))}
                >
                  {t('notifications.open')}
                </Link>
              )}
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
