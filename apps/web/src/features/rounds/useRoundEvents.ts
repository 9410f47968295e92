import { useEffect, useRef } from 'react';
import { nextMoment, useInvalidateApi } from '../../api/query-client';
import { useSessionCheck } from '../../session/session';
import { io } from 'socket.io-client';
import { COLLAB_SOCKET_PATH, ROUND_EVENTS, ROUNDS_NAMESPACE, type RoundEvent } from '@commonplan/sync';
import { roundPath } from './rounds-api';

/**
 * Follows the round's changes (a comment sent, edited, withdrawn or decided; the round changed or deleted), for staff
 * watching the round; the session cookie authenticates the socket. Does nothing for others (the server refuses them).
 * On every event, whatever was read under /rounds/:roundId (the round, its triage table, its report) is read again if
 * shown, or when next shown; then `onEvent`, if given, does what else the page wants (a notice…).
 */
export function useRoundEvents(roundId: string, enabled: boolean, onEvent?: (event: RoundEvent) => void): void {
  const handler = useRef(onEvent);
  handler.current = onEvent;
  const verifySession = useSessionCheck();
  const invalidate = useInvalidateApi();
  useEffect(() => {
    if (!enabled || !roundId) return;
    const socket = io(ROUNDS_NAMESPACE, { path: COLLAB_SOCKET_PATH, transports: ['websocket'], withCredentials: true });
    // Watch again after every reconnection (rooms do not survive a new connection), and catch up on what was missed.
    let connections = 0;
    socket.on('connect', () => {
      socket.emit(ROUND_EVENTS.watch, roundId, () => undefined);
      if (connections++ > 0) void invalidate(roundPath(roundId));
    });
    socket.on(ROUND_EVENTS.event, (id: string, event: RoundEvent) => {
      if (id !== roundId) return;
      // The page's own reloads go first: the invalidation then joins the reads they asked (after the change).
      const heardAt = nextMoment();
      handler.current?.(event);
      void invalidate(roundPath(roundId), heardAt);
    });
    // The server closes the socket when the session ends (signed out elsewhere, a password reset, expiry).
    socket.on('disconnect', (reason) => {
      if (reason === 'io server disconnect') verifySession();
    });
    return () => {
      socket.disconnect();
    };
  }, [roundId, enabled, verifySession, invalidate]);
}
