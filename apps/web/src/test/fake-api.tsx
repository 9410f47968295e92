// Component tests of pages that talk to the API: fetch is replaced by routes answered in the test, every request is
// recorded (method, path with its query, body), and pages render inside a workspace with a signed-in person.
import type { RenderResult } from '@testing-library/react';
import type { i18n as I18n } from 'i18next';
import type { ReactElement, ReactNode } from 'react';
import { Route, Routes, useLocation } from 'react-router';
import { afterEach, vi } from 'vitest';
import type { Role } from '@commonplan/domain';
import type { Me, WorkspaceOfUser } from '../api/types';
import { WorkspaceContext } from '../features/workspace/workspace-context';
import type { Language } from '../i18n';
import { SessionProvider, useSession } from '../session/session';
import { renderWithApp } from './render';

export interface ApiCall {
  method: string;
  /** Without the /api prefix, with the query string: "/rounds/r1/triage?disposition=none". */
  path: string;
  body: unknown;
}

/** An answer other than 200 with a JSON body. */
export class Reply {
  constructor(
    readonly status: number,
    readonly body: unknown = null,
  ) {}
}

export const reply = (status: number, body: unknown = null) => new Reply(status, body);

/** What a route answers: a body (200), a Reply, or a function of the request giving either (or a promise of it). */
export type FakeRoute = unknown | ((call: ApiCall) => unknown);

/**
 * Replaces fetch. Routes are "METHOD /path" with or without the query string (the exact one wins); a request no route
 * answers gets 404. Returns the list of requests, which grows as the page makes them.
 */
export function fakeApi(routes: Record<string, FakeRoute>): ApiCall[] {
  const calls: ApiCall[] = [];
  vi.stubGlobal('fetch', async (input: string, init: RequestInit = {}) => {
    const url = new URL(String(input), 'http://localhost');
    const path = url.pathname.replace(/^\/api/, '') + url.search;
    const method = (init.method ?? 'GET').toUpperCase();
    // JSON bodies parsed; a multipart upload's FormData as it was sent.
    const body = typeof init.body === 'string' ? JSON.parse(init.body) : init.body instanceof FormData ? init.body : undefined;
    const call = { method, path, body };
    calls.push(call);
    const route = routes[`${method} ${path}`] ?? routes[`${method} ${url.pathname.replace(/^\/api/, '')}`];
    let answer = typeof route === 'function' ? await (route as (c: ApiCall) => unknown)(call) : route;
    if (answer === undefined) answer = method === 'GET' ? reply(404, { message: 'not found' }) : reply(204);
    const { status, body: payload } = answer instanceof Reply ? answer : { status: 200, body: answer };
    return new Response(status === 204 ? null : JSON.stringify(payload), { status, headers: { 'content-type': 'application/json' } });
  });
  return calls;
}

afterEach(() => {
  vi.unstubAllGlobals();
});

export const workspaceOf = (role: Role): WorkspaceOfUser => ({
  id: 'w1',
  name: 'Stowarzyszenie „Szczeciński Obszar Metropolitalny”',
  shortName: 'SSOM',
  slug: 'ssom',
  role,
  organisationId: null,
  organisationName: null,
});

export const meAs = (role: Role, id = 'u1'): Me => ({ id, email: `${id}@som.example`, displayName: 'Anna Koordynator', workspaces: [workspaceOf(role)] });

/** Renders children once the fake /auth/me has answered (pages use useMe). */
function SignedIn({ children }: { children: ReactNode }) {
  const { state } = useSession();
  return state.status === 'signedIn' ? <>{children}</> : null;
}

/** Where the router is now ("/w/w1/rounds/r9?x=1"), shown for tests to read. */
function Location() {
  const location = useLocation();
  return (
    <output data-testid="location" hidden>
      {location.pathname + location.search}
    </output>
  );
}

/**
 * Renders `page` at `path` (matched by `route`, e.g. "/w/:workspaceId/rounds/:roundId/comments") in workspace w1 with
 * the given role, signed in as user `userId`; the fake API must be set up first (GET /auth/me is answered here).
 */
export function renderPage(
  page: ReactElement,
  options: { route: string; path: string; role: Role; userId?: string; language?: Language; routes: Record<string, FakeRoute> },
): RenderResult & { i18n: I18n; calls: ApiCall[]; location: () => string } {
  const calls = fakeApi({ 'GET /auth/me': meAs(options.role, options.userId), ...options.routes });
  const result = renderWithApp(
    <SessionProvider>
      <SignedIn>
        <WorkspaceContext.Provider value={workspaceOf(options.role)}>
          <Routes>
            <Route path={options.route} element={page} />
            <Route path="*" element={<p>elsewhere</p>} />
          </Routes>
          <Location />
        </WorkspaceContext.Provider>
      </SignedIn>
    </SessionProvider>,
    { language: options.language, path: options.path },
  );
  return { ...result, calls, location: () => result.container.ownerDocument.querySelector('[data-testid="location"]')?.textContent ?? '' };
}
