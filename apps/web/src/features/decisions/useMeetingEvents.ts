import { useEffect, useRef } from 'react';
import { useSessionCheck } from '../../session/session';
import { io } from 'socket.io-client';
import { COLLAB_SOCKET_PATH, MEETING_EVENTS, MEETINGS_NAMESPACE, type MeetingEvent } from '@commonplan/sync';

/**
 * Calls `onEvent` whenever something happens in the meeting (someone checks in, a proxy is recorded, the meeting or a
 * vote opens or closes, a ballot is cast), for everyone in the workspace following it; the session cookie
 * authenticates the socket. Events carry no choices: the page reads the meeting again through the API.
 */
export function useMeetingEvents(meetingId: string, enabled: boolean, onEvent: (event: MeetingEvent) => void): void {
  const handler = useRef(onEvent);
  handler.current = onEvent;
  const verifySession = useSessionCheck();
  useEffect(() => {
    if (!enabled || !meetingId) return;
    const socket = io(MEETINGS_NAMESPACE, { path: COLLAB_SOCKET_PATH, transports: ['websocket'], withCredentials: true });
    // Watch again after every reconnection (rooms do not survive a new connection), and catch up on what was missed.
    let connections = 0;
    socket.on('connect', () => {
      socket.emit(MEETING_EVENTS.watch, meetingId, () => undefined);
      if (connections++ > 0) handler.current({ type: 'meeting_changed' });
    });
    socket.on(MEETING_EVENTS.event, (id: string, event: MeetingEvent) => {
      if (id === meetingId) handler.current(event);
    });
    // The server closes the socket when the session ends (signed out elsewhere, a password reset, expiry).
    socket.on('disconnect', (reason) => {
      if (reason === 'io server disconnect') verifySession();
    });
    return () => {
      socket.disconnect();
    };
  }, [meetingId, enabled, verifySession]);
}
