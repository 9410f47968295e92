import { useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { io } from 'socket.io-client';
import { COLLAB_SOCKET_PATH, INBOX_EVENTS, INBOX_NAMESPACE, type InboxEvent } from '@commonplan/sync';
import type { NotificationKind } from '@commonplan/domain';
import { apiClient, call } from '../../api/client';
import { invalidateApi } from '../../api/query-client';
import type { components } from '../../api/schema';
import { useApiData } from '../../api/useApiData';
import { useSessionCheck } from '../../session/session';

export type NotificationItem = components['schemas']['NotificationDto'];
export type Notifications = components['schemas']['NotificationsDto'];
export type NotificationKindCount = components['schemas']['NotificationKindCountDto'];

/** The workspace's notifications of the caller (all kinds, or one). Every read of the inbox lies under the first. */
export const notificationsPath = (workspaceId: string, kind: NotificationKind | null = null) =>
  `/workspaces/${workspaceId}/notifications${kind ? `?kind=${encodeURIComponent(kind)}` : ''}`;

const CHANGED = 'commonplan:notifications-changed';

/** Tells the header's count to look again (notifications were marked read, or a comment may have mentioned us). */
export const notificationsMayHaveChanged = () => window.dispatchEvent(new Event(CHANGED));
const changed = notificationsMayHaveChanged;

export const markRead = (notificationId: string) =>
  call(apiClient.POST('/api/notifications/{notificationId}/read', { params: { path: { notificationId } } })).then(changed);

/** Marks all of the caller's notifications in the workspace read, or those of one kind. */
export const markAllRead = (workspaceId: string, kind: NotificationKind | null = null) =>
  call(
    apiClient.POST('/api/workspaces/{workspaceId}/notifications/read-all', {
      params: { path: { workspaceId }, query: kind ? { kind } : {} },
    }),
  ).then(changed);

/**
 * Follows the person's inbox in the workspace over socket.io (namespace /notifications, the session cookie
 * authenticates it; socket.io shares one connection among the namespaces of a page): on every `inbox-event`, once
 * the watch begins (after every connection), and when the page says notifications may have changed, every read of the
 * inbox (the header's count, the notifications page, any kind filtered) is read again if shown, or when next shown.
 */
export function useInboxEvents(workspaceId: string | null): void {
  const client = useQueryClient();
  const verifySession = useSessionCheck();
  useEffect(() => {
    if (!workspaceId) return;
    const prefix = notificationsPath(workspaceId);
    const refresh = () => void invalidateApi(client, prefix).catch(() => undefined);
    const socket = io(INBOX_NAMESPACE, { path: COLLAB_SOCKET_PATH, transports: ['websocket'], withCredentials: true });
    socket.on('connect', () => {
      // Rooms do not survive a new connection: watch again after every one. Once watching, read again: what arrived
      // before (while the socket was away, or between the first read and the first watch) is not missed.
      socket.emit(INBOX_EVENTS.watch, workspaceId, () => refresh());
    });
    socket.on(INBOX_EVENTS.event, (id: string, event: InboxEvent) => {
      if (id === workspaceId && event?.type === 'changed') refresh();
    });
    // The server closes the socket when the session ends (signed out elsewhere, a password reset, expiry).
    socket.on('disconnect', (reason: string) => {
      if (reason === 'io server disconnect') verifySession();
    });
    window.addEventListener(CHANGED, refresh);
    return () => {
      window.removeEventListener(CHANGED, refresh);
      socket.disconnect();
    };
  }, [workspaceId, client, verifySession]);
}

/**
 * The unread count for the header, kept live: read through the query cache (the notifications page shares the read)
 * and read again when the inbox changes (useInboxEvents), with no polling.
 */
export function useUnreadCount(workspaceId: string | null): number {
  const inbox = useApiData<Notifications>(workspaceId ? notificationsPath(workspaceId) : null);
  useInboxEvents(workspaceId);
  return workspaceId ? (inbox.data?.unread ?? 0) : 0;
}
