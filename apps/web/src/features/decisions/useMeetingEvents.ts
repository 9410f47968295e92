import { useContext, useEffect, useRef } from 'react';
import { nextMoment, useInvalidateApi } from '../../api/query-client';
import { useSessionCheck } from '../../session/session';
import { io } from 'socket.io-client';
import { COLLAB_SOCKET_PATH, MEETING_EVENTS, MEETINGS_NAMESPACE, type MeetingEvent } from '@commonplan/sync';
import { WorkspaceContext } from '../workspace/workspace-context';
import { meetingPath, meetingsPath, registerPath, resolutionsPath } from './decisions-api';

/**
 * The API reads a meeting event makes stale: the meeting's own and, when the meeting or a vote opened or closed, the
 * workspace's lists of meetings and resolutions and its register (a vote closed adopts or rejects a resolution).
 */
export function readsChangedBy(event: MeetingEvent, meetingId: string, workspaceId: string | null): string[] {
  const reads = [meetingPath(meetingId)];
  if (workspaceId && event.type !== 'attendance_changed' && event.type !== 'ballot_cast' && event.type !== 'speakers_changed') {
    reads.push(meetingsPath(workspaceId), resolutionsPath(workspaceId), registerPath(workspaceId));
  }
  return reads;
}

/**
 * Follows what happens in the meeting (someone checks in, a proxy is recorded, the meeting or a vote opens or closes,
 * a ballot is cast), for everyone in the workspace following it; the session cookie authenticates the socket. Events
 * carry no choices: what the API answered about the meeting, its votes and the workspace's decisions is marked stale
 * (read again if shown, or when next shown), then `onEvent` does what the page wants (reads the meeting again…).
 */
export function useMeetingEvents(meetingId: string, enabled: boolean, onEvent?: (event: MeetingEvent) => void): void {
  const handler = useRef(onEvent);
  handler.current = onEvent;
  const verifySession = useSessionCheck();
  const invalidate = useInvalidateApi();
  const workspaceId = useContext(WorkspaceContext)?.id ?? null;
  useEffect(() => {
    if (!enabled || !meetingId) return;
    const socket = io(MEETINGS_NAMESPACE, { path: COLLAB_SOCKET_PATH, transports: ['websocket'], withCredentials: true });
    // Watch again after every reconnection (rooms do not survive a new connection), and catch up on what was missed.
    let connections = 0;
    const changed = (event: MeetingEvent) => {
      // The page's own reloads go first: the invalidation then joins the reads they asked (after the change).
      const heardAt = nextMoment();
      handler.current?.(event);
      for (const prefix of readsChangedBy(event, meetingId, workspaceId)) void invalidate(prefix, heardAt);
    };
    socket.on('connect', () => {
      socket.emit(MEETING_EVENTS.watch, meetingId, () => undefined);
      if (connections++ > 0) changed({ type: 'meeting_changed' });
    });
    socket.on(MEETING_EVENTS.event, (id: string, event: MeetingEvent) => {
      if (id === meetingId) changed(event);
    });
    // The server closes the socket when the session ends (signed out elsewhere, a password reset, expiry).
    socket.on('disconnect', (reason) => {
      if (reason === 'io server disconnect') verifySession();
    });
    return () => {
      socket.disconnect();
    };
  }, [meetingId, enabled, verifySession, invalidate, workspaceId]);
}
