import { useEffect, useRef } from 'react';
import { useSessionCheck } from '../../session/session';
import { io } from 'socket.io-client';
import { COLLAB_SOCKET_PATH, ROUND_EVENTS, ROUNDS_NAMESPACE, type RoundEvent } from '@commonplan/sync';

/**
 * Calls `onEvent` whenever the round's comments change (a new one, an edit or withdrawal, a decision), for staff
 * watching the round; the session cookie authenticates the socket. Does nothing for others (the server refuses them).
 */
export function useRoundEvents(roundId: string, enabled: boolean, onEvent: (event: RoundEvent) => void): void {
  const handler = useRef(onEvent);
  handler.current = onEvent;
  const verifySession = useSessionCheck();
  useEffect(() => {
    if (!enabled || !roundId) return;
    const socket = io(ROUNDS_NAMESPACE, { path: COLLAB_SOCKET_PATH, transports: ['websocket'], withCredentials: true });
    // Watch again after every reconnection: rooms do not survive a new connection.
    socket.on('connect', () => socket.emit(ROUND_EVENTS.watch, roundId, () => undefined));
    socket.on(ROUND_EVENTS.event, (id: string, event: RoundEvent) => {
      if (id === roundId) handler.current(event);
    });
    // The server closes the socket when the session ends (signed out elsewhere, a password reset, expiry).
    socket.on('disconnect', (reason) => {
      if (reason === 'io server disconnect') verifySession();
    });
    return () => {
      socket.disconnect();
    };
  }, [roundId, enabled, verifySession]);
}
