import { useEffect, useState } from 'react';
import { useLocation } from 'react-router';
import { api } from '../../api/client';

export interface NotificationItem {
  id: string;
  kind: 'mention';
  actor: { id: string; displayName: string } | null;
  document: { id: string; title: string } | null;
  threadId: string | null;
  excerpt: string;
  createdAt: string;
  read: boolean;
}

export interface Notifications {
  unread: number;
  items: NotificationItem[];
}

export const notificationsPath = (workspaceId: string) => `/workspaces/${workspaceId}/notifications`;
const CHANGED = 'commonplan:notifications-changed';

/** Tells the header's count to look again (notifications were marked read, or a comment may have mentioned us). */
export const notificationsMayHaveChanged = () => window.dispatchEvent(new Event(CHANGED));
const changed = notificationsMayHaveChanged;

export const markRead = (id: string) => api.post<void>(`/notifications/${id}/read`, {}).then(changed);
export const markAllRead = (workspaceId: string) => api.post<void>(`${notificationsPath(workspaceId)}/read-all`, {}).then(changed);

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
      api.get<Notifications>(notificationsPath(workspaceId)).then(
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
