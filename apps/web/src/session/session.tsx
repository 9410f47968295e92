import { useQueryClient } from '@tanstack/react-query';
import { createContext, type ReactNode, useCallback, useContext, useEffect, useMemo, useRef, useState } from 'react';
import { ApiError, setUnauthorizedHandler } from '../api/client';
import { forgetApiData } from '../api/query-client';
import type { Me } from '../api/types';
import { fetchMe, logout } from '../features/auth/auth-api';
import { deleteOfflineCopies } from '../features/document/offline-copy';

/** Signed out: never signed in this visit (null), by the sign-out button, or because the session ended. */
export type SignedOutReason = 'signedOut' | 'expired' | null;

export type SessionState =
  | { status: 'loading' }
  | { status: 'signedOut'; reason: SignedOutReason }
  | { status: 'signedIn'; me: Me };

export interface Session {
  state: SessionState;
  /** Asks the API who is signed in (after sign-in or accepting an invitation). */
  refresh: () => Promise<SessionState>;
  signOut: () => Promise<void>;
  /**
   * Asks the API whether the session still holds, after a live connection was closed by the server (the session was
   * ended on another device, by a password reset, or expired); when it does not, the app is signed out as expired.
   */
  verify: () => void;
}

const SessionContext = createContext<Session | null>(null);

export function SessionProvider({ children }: { children: ReactNode }) {
  const [state, setState] = useState<SessionState>({ status: 'loading' });

  const refresh = useCallback(async (): Promise<SessionState> => {
    let next: SessionState;
    try {
      next = { status: 'signedIn', me: await fetchMe() };
    } catch (error) {
      if (!(error instanceof ApiError) || error.status !== 401) throw error;
      next = { status: 'signedOut', reason: null };
    }
    setState(next);
    return next;
  }, []);

  // While signing out, the requests and sockets that the ended session refuses (401, the server closing the sockets)
  // are the sign-out itself, not an expiry: the login page says goodbye, and asks for no page to come back to.
  const signingOut = useRef(false);
  const expired = useCallback(() => {
    if (signingOut.current) return;
    setState((current) => (current.status === 'signedOut' ? current : { status: 'signedOut', reason: 'expired' }));
  }, []);

  const signOut = useCallback(async () => {
    signingOut.current = true;
    try {
      await logout();
    } finally {
      // The copies of documents kept for offline work belong to the person signing out.
      await deleteOfflineCopies();
      setState({ status: 'signedOut', reason: 'signedOut' });
      signingOut.current = false;
    }
  }, []);

  const verify = useCallback(() => {
    fetchMe().catch((error: unknown) => {
      if (error instanceof ApiError && error.status === 401) expired();
    });
  }, [expired]);

  useEffect(() => {
    refresh().catch(() => setState({ status: 'signedOut', reason: null }));
    setUnauthorizedHandler(expired);
    return () => setUnauthorizedHandler(null);
  }, [refresh, expired]);

  useForgetDataOfOthers(state);

  const value = useMemo(() => ({ state, refresh, signOut, verify }), [state, refresh, signOut, verify]);
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

/**
 * Forgets the API answers read for a person once they are no longer the one signed in (signed out by the button or
 * because the session ended, or another person found signed in on this browser): nothing read for one person is shown
 * to the next (forgetApiData).
 */
function useForgetDataOfOthers(state: SessionState): void {
  const client = useQueryClient();
  // Who the answers in the cache were read for (null: nobody signed in, they are public).
  const reader = useRef<string | null>(null);
  const person = state.status === 'signedIn' ? state.me.id : null;
  useEffect(() => {
    if (reader.current !== null && reader.current !== person) void forgetApiData(client, person === null ? 'nobody' : 'another');
    reader.current = person;
  }, [person, client]);
}

export function useSession(): Session {
  const session = useContext(SessionContext);
  if (!session) throw new Error('useSession must be used inside <SessionProvider>');
  return session;
}

const noCheck = () => undefined;

/** `verify` of the session (a no-op outside a SessionProvider, as in component tests of a single hook). */
export function useSessionCheck(): () => void {
  return useContext(SessionContext)?.verify ?? noCheck;
}

/** The signed-in person; only for components under RequireSession. */
export function useMe(): Me {
  const { state } = useSession();
  if (state.status !== 'signedIn') throw new Error('useMe needs a signed-in session');
  return state.me;
}
