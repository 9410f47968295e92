import { useEffect, useState } from 'react';
import { useLocation } from 'react-router';
import { apiClient, call } from '../../api/client';
import type { components } from '../../api/schema';

export type NotificationItem = components['schemas']['NotificationDto'];
export type Notifications = components['schemas']['NotificationsDto'];

export const notificationsPath = (workspaceId: string) => `/workspaces/${workspaceId}/notifications`;
const CHANGED = 'commonplan:notifications-changed';

/** Tells the header's count to look again (notifications were marked read, or a comment may have mentioned us). */
export const notificationsMayHaveChanged = () => window.dispatchEvent(new Event(CHANGED));
const changed = notificationsMayHaveChanged;

export const markRead = (notificationId: string) =>
  call(apiClient.POST('/api/notifications/{notificationId}/read', { params: { path: { notificationId } } })).then(changed);
export const markAllRead = (workspaceId: string) =>
  call(apiClient.POST('/api/workspaces/{workspaceId}/notifications/read-all', { params: { path: { workspaceId } } })).then(changed);

/** How often the header asks for new notifications. */
const POLL_MS = 30_000;

/** The unread count for the header: fetched on every page change, when notifications are marked read, and every 30 s while the page is visible. */
export function useUnreadCount(workspaceId: string | null): number {
  const [unread, setUnread] = useState(0);
  const location = useLocation();
  useEffect(() => {
    if (!workspaceId) return;
    let current = true;
    const fetchCount = () => {
      if (typeof document !== 'undefined' && document.visibilityState === 'hidden') return;
      call(apiClient.GET('/api/workspaces/{workspaceId}/notifications', { params: { path: { workspaceId } } })).then(
        (result) => current && setUnread(result.unread),
        () => undefined,
      );
    };
    fetchCount();
    const timer = setInterval(fetchCount, POLL_MS);
    window.addEventListener(CHANGED, fetchCount);
    return () => {
      current = false;
      clearInterval(timer);
      window.removeEventListener(CHANGED, fetchCount);
    };
  }, [workspaceId, location.pathname, location.search]);
  return workspaceId ? unread : 0;
}
