import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { isNotificationKind, NOTIFICATION_KINDS, type NotificationKind } from '@commonplan/domain';
import { errorText } from '../../api/error-text';
import { useInvalidateApi } from '../../api/query-client';
import { useApiData } from '../../api/useApiData';
import { formatDateTime } from '../../i18n/format';
import { Loading } from '../../ui/Loading';
import { ErrorMessage, StatusMessage } from '../../ui/Messages';
import { PageHeading } from '../../ui/PageHeading';
import { SelectField } from '../../ui/SelectField';
import { useWorkspace } from '../workspace/workspace-context';
import { kindName, notificationText, openLabel, safeLink } from './notification-text';
import { markAllRead, markRead, type NotificationItem, type NotificationKindCount, type Notifications, notificationsPath } from './notifications-api';

/** The order of kinds in the filter: as libs/domain lists them (co-drafting, consultations, decisions). */
const KIND_ORDER = Object.keys(NOTIFICATION_KINDS) as NotificationKind[];

interface Group {
  kind: NotificationKind;
  items: NotificationItem[];
  total: number;
  unread: number;
}

/**
 * The notifications shown, by kind: the kind with the newest notification first; inside a kind, the unread first,
 * then the newest. Kinds with notifications beyond the newest 100 read come last, with only their counts.
 */
export function groupByKind(items: NotificationItem[], counts: NotificationKindCount[], only: NotificationKind | null): Group[] {
  const groups = new Map<NotificationKind, Group>();
  const count = (kind: NotificationKind) => counts.find((c) => c.kind === kind);
  for (const item of items) {
    if (!isNotificationKind(item.kind)) continue;
    let group = groups.get(item.kind);
    if (!group) {
      const known = count(item.kind);
      group = { kind: item.kind, items: [], total: known?.total ?? 0, unread: known?.unread ?? 0 };
      groups.set(item.kind, group);
    }
    group.items.push(item);
  }
  for (const known of counts) {
    if (!isNotificationKind(known.kind) || groups.has(known.kind) || known.total === 0) continue;
    if (only && known.kind !== only) continue;
    groups.set(known.kind, { kind: known.kind, items: [], total: known.total, unread: known.unread });
  }
  for (const group of groups.values()) {
    // The API's order is newest first; a stable sort keeps it among the unread and among the read.
    group.items.sort((a, b) => Number(a.read) - Number(b.read));
    group.total = Math.max(group.total, group.items.length);
    group.unread = Math.max(group.unread, group.items.filter((i) => !i.read).length);
  }
  return [...groups.values()];
}

/**
 * /w/:workspaceId/notifications: what happened for the person in the workspace, grouped by kind, each written in the
 * reader's language; opening one marks it read; all, or all of a kind, can be marked read; `?kind=` shows one kind.
 */
export function NotificationsPage() {
  const { t, i18n } = useTranslation();
  const workspace = useWorkspace();
  const invalidate = useInvalidateApi();
  const [search, setSearch] = useSearchParams();
  const asked = search.get('kind');
  const only = isNotificationKind(asked) ? asked : null;
  // Everything (shared with the header's count) gives the counts by kind; a filter reads that kind's own newest.
  const everything = useApiData<Notifications>(notificationsPath(workspace.id));
  const filtered = useApiData<Notifications>(only ? notificationsPath(workspace.id, only) : null);
  const shown = only ? filtered : everything;
  const [failure, setFailure] = useState<unknown>(null);
  const [status, setStatus] = useState<string | null>(null);

  const counts = everything.data?.kinds ?? shown.data?.kinds ?? [];
  const unread = everything.data?.unread ?? 0;

  const choose = (kind: string) => {
    setStatus(null);
    setFailure(null);
    const next = new URLSearchParams(search);
    if (isNotificationKind(kind)) next.set('kind', kind);
    else next.delete('kind');
    setSearch(next);
  };

  const readAll = (kind: NotificationKind | null, focusId: string) => {
    setFailure(null);
    setStatus(null);
    markAllRead(workspace.id, kind).then(
      () => {
        setStatus(kind ? t('notifications.kindRead', { name: kindName(kind, t) }) : t('notifications.allRead'));
        void invalidate(notificationsPath(workspace.id)).catch(() => undefined);
        // The button goes away with the unread: the focus goes to what it was about.
        document.getElementById(focusId)?.focus();
      },
      (error: unknown) => setFailure(error),
    );
  };

  const opened = (item: NotificationItem) => {
    if (!item.read) void markRead(item.id).catch(() => undefined);
  };

  const filterOptions = KIND_ORDER.filter((kind) => kind === only || counts.some((c) => c.kind === kind && c.total > 0)).map((kind) => {
    const known = counts.find((c) => c.kind === kind);
    return { value: kind, label: t('notifications.filterOption', { name: kindName(kind, t), total: known?.total ?? 0 }) };
  });

  let body;
  if (!shown.data) {
    body = shown.error == null ? <Loading label={t('notifications.loading')} /> : <ErrorMessage message={errorText(shown.error, t)} />;
  } else {
    const groups = groupByKind(shown.data.items, counts, only);
    body =
      groups.length === 0 ? (
        <p className="muted">{only ? t('notifications.noneOfKind') : t('notifications.none')}</p>
      ) : (
        groups.map((group) => {
          const name = kindName(group.kind, t);
          const headingId = `notifications-${group.kind}`;
          return (
            <section key={group.kind} aria-labelledby={headingId} className="notification-group">
              <div className="notification-group__header">
                <h2 id={headingId} tabIndex={-1}>
                  {group.unread > 0
                    ? t('notifications.groupHeadingUnread', { name, total: group.total, unread: group.unread })
                    : t('notifications.groupHeading', { name, total: group.total })}
                </h2>
                {group.unread > 0 && (
                  <button type="button" className="button button--small" onClick={() => readAll(group.kind, headingId)}>
                    {t('notifications.readKind', { name })}
                  </button>
                )}
              </div>
              {group.items.length > 0 && (
                <ul className="notifications">
                  {group.items.map((item) => (
                    <li key={item.id} className={item.read ? 'notification' : 'notification notification--unread'}>
                      <p className="notification__text">
                        {!item.read && (
                          <>
                            <span className="badge">{t('notifications.unread')}</span>{' '}
                          </>
                        )}
                        {notificationText(item, t, i18n.language)}
                      </p>
                      <p className="notification__meta">
                        <time dateTime={item.createdAt}>{formatDateTime(item.createdAt, i18n.language)}</time>
                      </p>
                      {item.excerpt && <blockquote className="notification__excerpt">{item.excerpt}</blockquote>}
                      <Link to={safeLink(item.link, `/w/${workspace.id}/notifications`)} onClick={() => opened(item)} onAuxClick={() => opened(item)}>
                        {openLabel(item, t)}
                      </Link>
                    </li>
                  ))}
                </ul>
              )}
              {group.items.length < group.total && (
                <p className="muted">
                  {t('notifications.showingNewest', { shown: group.items.length, total: group.total })}{' '}
                  {!only && (
                    <button type="button" className="button button--small" onClick={() => choose(group.kind)}>
                      {t('notifications.showKind', { name })}
                    </button>
                  )}
                </p>
              )}
            </section>
          );
        })
      );
  }

  return (
    <>
      <PageHeading title={`${t('notifications.heading')} – ${workspace.shortName}`}>{t('notifications.heading')}</PageHeading>
      <ErrorMessage message={failure ? errorText(failure, t) : null} />
      <StatusMessage message={status} />
      <div className="notification-tools">
        <SelectField
          id="notifications-kind"
          label={t('notifications.filter')}
          value={only ?? ''}
          placeholder={t('notifications.filterAll')}
          options={filterOptions}
          onChange={choose}
        />
        {unread > 0 && (
          <button type="button" className="button button--small" onClick={() => readAll(null, 'page-heading')}>
            {t('notifications.readAll')}
          </button>
        )}
      </div>
      {body}
    </>
  );
}
