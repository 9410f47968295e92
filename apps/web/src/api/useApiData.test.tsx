import { act, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { describe, expect, it, vi } from 'vitest';
import type { Me } from './types';
import { SessionProvider, useSession } from '../session/session';
import { type ApiCall, fakeApi, meAs, reply } from '../test/fake-api';
import { renderWithApp } from '../test/render';
import { api } from './client';
import { API_QUERY, invalidateApi, underPrefix } from './query-client';
import { useApiData } from './useApiData';

/** What useApiData gives for `path`, as text for the test to read (and each value drawn, in `drawn`), with a reload button. */
function Probe({ path, name = 'probe', drawn }: { path: string | null; name?: string; drawn?: string[] }) {
  const source = useApiData<{ value: string }>(path);
  drawn?.push(source.data?.value ?? 'none');
  const error = source.error as { status?: number } | null;
  return (
    <section aria-label={name}>
      <output data-testid={`${name}-data`}>{source.data?.value ?? 'none'}</output>
      <output data-testid={`${name}-loading`}>{source.loading ? 'loading' : 'idle'}</output>
      <output data-testid={`${name}-error`}>{error ? `error ${error.status}` : 'no error'}</output>
      <button type="button" onClick={source.reload}>
        reload {name}
      </button>
    </section>
  );
}

const shown = (name = 'probe') => screen.getByTestId(`${name}-data`).textContent;
const loading = (name = 'probe') => screen.getByTestId(`${name}-loading`).textContent;
const errorOf = (name = 'probe') => screen.getByTestId(`${name}-error`).textContent;
const reads = (calls: ApiCall[], path: string) => calls.filter((c) => c.method === 'GET' && c.path === path).length;

/** An answer the test gives when it wants: `route` answers with a promise kept pending until `answer(value)`. */
function deferred() {
  const waiting: Array<(value: unknown) => void> = [];
  return {
    route: () => new Promise((resolve) => waiting.push(resolve)),
    answer: (value: unknown) => waiting.shift()!(value),
    get pending() {
      return waiting.length;
    },
  };
}

/** fakeApi's routes answer synchronously; this one answers once the test says (fetch stays pending until then). */
function fakeApiWithPending(routes: Record<string, unknown>, pending: Record<string, ReturnType<typeof deferred>>): ApiCall[] {
  const calls = fakeApi(routes);
  const answered = globalThis.fetch;
  const wrapped = async (input: string, init: RequestInit = {}) => {
    const path = new URL(String(input), 'http://localhost').pathname.replace(/^\/api/, '');
    const later = pending[path];
    if (later) {
      calls.push({ method: (init.method ?? 'GET').toUpperCase(), path, body: undefined });
      const value = await later.route();
      return new Response(JSON.stringify(value), { status: 200, headers: { 'content-type': 'application/json' } });
    }
    return answered(input, init);
  };
  vi.stubGlobal('fetch', wrapped);
  return calls;
}

/** A probe reading /old, then /new once "change" is pressed. */
function PathChange() {
  const [path, setPath] = useState('/old');
  return (
    <>
      <Probe path={path} />
      <button type="button" onClick={() => setPath('/new')}>
        change
      </button>
    </>
  );
}

describe('useApiData on the query cache', () => {
  it('shows a fresh answer to a second component asking for the same path without asking again', async () => {
    const calls = fakeApi({ 'GET /things': { value: 'first' } });
    function Page() {
      const [second, setSecond] = useState(false);
      return (
        <>
          <Probe path="/things" name="one" />
          <button type="button" onClick={() => setSecond(true)}>
            open second
          </button>
          {second && <Probe path="/things" name="two" />}
        </>
      );
    }
    renderWithApp(<Page />);
    await waitFor(() => expect(shown('one')).toBe('first'));
    await userEvent.click(screen.getByRole('button', { name: 'open second' }));
    // At once, from the cache, with nothing on its way.
    expect(shown('two')).toBe('first');
    expect(loading('two')).toBe('idle');
    expect(reads(calls, '/things')).toBe(1);
  });

  it('reads again, when next shown, what was read before a change the API accepted (and not after a refused one)', async () => {
    let value = 'before';
    const calls = fakeApi({
      'GET /things': () => ({ value }),
      'POST /things': () => {
        value = 'after';
        return { ok: true };
      },
      'POST /refused': reply(409, { message: 'no' }),
    });
    function Page() {
      const [second, setSecond] = useState(0);
      return (
        <>
          <Probe path="/things" name="one" />
          <button type="button" onClick={() => void api.post('/refused').catch(() => setSecond(1))}>
            refused change
          </button>
          <button type="button" onClick={() => void api.post('/things').then(() => setSecond(2))}>
            change
          </button>
          {second === 1 && <Probe path="/things" name="two" />}
          {second === 2 && <Probe path="/things" name="three" />}
        </>
      );
    }
    renderWithApp(<Page />);
    await waitFor(() => expect(shown('one')).toBe('before'));
    await userEvent.click(screen.getByRole('button', { name: 'refused change' }));
    // Still fresh after a refusal: shown from the cache, not asked again.
    await waitFor(() => expect(shown('two')).toBe('before'));
    expect(reads(calls, '/things')).toBe(1);
    await userEvent.click(screen.getByRole('button', { name: 'change' }));
    await waitFor(() => expect(shown('three')).toBe('after'));
    expect(reads(calls, '/things')).toBe(2);
  });

  it('reloads on request, showing the current data until the new answer arrives', async () => {
    const later = deferred();
    let n = 0;
    fakeApiWithPending({}, { '/things': later });
    renderWithApp(<Probe path="/things" />);
    await waitFor(() => expect(later.pending).toBe(1));
    act(() => later.answer({ value: `answer ${++n}` }));
    await waitFor(() => expect(shown()).toBe('answer 1'));
    expect(loading()).toBe('idle');

    await userEvent.click(screen.getByRole('button', { name: 'reload probe' }));
    await waitFor(() => expect(later.pending).toBe(1));
    expect(shown()).toBe('answer 1');
    expect(loading()).toBe('loading');
    act(() => later.answer({ value: `answer ${++n}` }));
    await waitFor(() => expect(shown()).toBe('answer 2'));
    expect(loading()).toBe('idle');
  });

  it('shows nothing of the old path after a path change, and drops the old path’s late answer', async () => {
    const old = deferred();
    const next = deferred();
    fakeApiWithPending({}, { '/old': old, '/new': next });
    renderWithApp(<PathChange />);
    await waitFor(() => expect(old.pending).toBe(1));
    await userEvent.click(screen.getByRole('button', { name: 'change' }));
    await waitFor(() => expect(next.pending).toBe(1));
    act(() => old.answer({ value: 'old, late' }));
    expect(shown()).toBe('none');
    expect(loading()).toBe('loading');
    act(() => next.answer({ value: 'new' }));
    await waitFor(() => expect(shown()).toBe('new'));
  });

  it('shows the data of the new path only, never the old one, when it changes after an answer', async () => {
    const next = deferred();
    fakeApiWithPending({ 'GET /old': { value: 'old' } }, { '/new': next });
    renderWithApp(<PathChange />);
    await waitFor(() => expect(shown()).toBe('old'));
    await userEvent.click(screen.getByRole('button', { name: 'change' }));
    expect(shown()).toBe('none');
    expect(loading()).toBe('loading');
    await waitFor(() => expect(next.pending).toBe(1));
    act(() => next.answer({ value: 'new' }));
    await waitFor(() => expect(shown()).toBe('new'));
  });

  it('asks nothing for a null path, is not loading, and its reload asks nothing either', async () => {
    const calls = fakeApi({});
    renderWithApp(<Probe path={null} />);
    expect(loading()).toBe('idle');
    expect(shown()).toBe('none');
    await userEvent.click(screen.getByRole('button', { name: 'reload probe' }));
    await act(async () => undefined);
    expect(calls).toHaveLength(0);
    expect(loading()).toBe('idle');
  });

  it('gives a refusal (4xx) as the error at once, never asking again by itself', async () => {
    const calls = fakeApi({ 'GET /things': reply(403, { detail: 'not yours', code: 'forbidden' }) });
    renderWithApp(<Probe path="/things" />);
    await waitFor(() => expect(errorOf()).toBe('error 403'));
    // A failure worth retrying would have been asked for again before its error showed.
    expect(reads(calls, '/things')).toBe(1);
    expect(loading()).toBe('idle');
    expect(shown()).toBe('none');
    // The retry button asks again, the error cleared meanwhile.
    await userEvent.click(screen.getByRole('button', { name: 'reload probe' }));
    await waitFor(() => expect(reads(calls, '/things')).toBe(2));
    await waitFor(() => expect(errorOf()).toBe('error 403'));
  });

  it('tries a server failure (5xx) again before giving an error, and shows the answer that then comes', async () => {
    let n = 0;
    const calls = fakeApi({ 'GET /things': () => (n++ === 0 ? reply(503, { detail: 'down' }) : { value: 'back' }) });
    renderWithApp(<Probe path="/things" />);
    await waitFor(() => expect(reads(calls, '/things')).toBe(1));
    // Until it has tried again, the page is loading, with no error.
    expect(loading()).toBe('loading');
    expect(errorOf()).toBe('no error');
    await waitFor(() => expect(shown()).toBe('back'));
    expect(reads(calls, '/things')).toBe(2);
    expect(errorOf()).toBe('no error');
  });

  it('reads again what is shown under an invalidated prefix, and only that', async () => {
    let n = 0;
    const answer = () => ({ value: `answer ${++n}` });
    const calls = fakeApi({ 'GET /rounds/r1': answer, 'GET /rounds/r1/triage': answer, 'GET /rounds/r10': answer });
    const { queryClient } = renderWithApp(
      <>
        <Probe path="/rounds/r1" name="round" />
        <Probe path="/rounds/r1/triage?disposition=none" name="triage" />
        <Probe path="/rounds/r10" name="other" />
      </>,
    );
    await waitFor(() => expect(['round', 'triage', 'other'].every((name) => shown(name) !== 'none')).toBe(true));
    const before = { round: shown('round'), triage: shown('triage'), other: shown('other') };
    await act(() => invalidateApi(queryClient, '/rounds/r1'));
    await waitFor(() => expect(shown('round')).not.toBe(before.round));
    await waitFor(() => expect(shown('triage')).not.toBe(before.triage));
    expect(shown('other')).toBe(before.other);
    expect(reads(calls, '/rounds/r1')).toBe(2);
    expect(reads(calls, '/rounds/r1/triage?disposition=none')).toBe(2);
    expect(reads(calls, '/rounds/r10')).toBe(1);
  });

  it('takes a prefix as a whole path segment', () => {
    expect(underPrefix('/rounds/r1', '/rounds/r1')).toBe(true);
    expect(underPrefix('/rounds/r1/triage', '/rounds/r1')).toBe(true);
    expect(underPrefix('/rounds/r1?x=1', '/rounds/r1')).toBe(true);
    expect(underPrefix('/rounds/r10', '/rounds/r1')).toBe(false);
    expect(underPrefix('/rounds/r10', '/rounds/')).toBe(true);
  });
});

describe('the query cache and the session', () => {
  /** The session's person and, once signed in, a read of theirs; buttons to sign out and to ask who is signed in. */
  const publicDrawn: string[] = [];

  function App({ gated }: { gated: boolean }) {
    const { state, signOut, refresh } = useSession();
    const signedIn = state.status === 'signedIn';
    return (
      <>
        <output data-testid="who">{signedIn ? state.me.id : state.status}</output>
        {(signedIn || !gated) && <Probe path="/workspaces/w1/people" />}
        <Probe path="/public/rounds/r1" name="public" drawn={publicDrawn} />
        <button type="button" onClick={() => void signOut()}>
          sign out
        </button>
        <button type="button" onClick={() => void refresh()}>
          check
        </button>
      </>
    );
  }

  function openAs(first: Me, gated: boolean) {
    publicDrawn.length = 0;
    let me: Me | null = first;
    const calls = fakeApi({
      'GET /auth/me': () => me ?? reply(401, { detail: 'sign in first', code: 'sign_in_required' }),
      'POST /auth/logout': () => {
        me = null;
        return reply(204);
      },
      'GET /workspaces/w1/people': () => (me ? { value: `people seen by ${me.id}` } : reply(401, { detail: 'sign in first' })),
      'GET /public/rounds/r1': () => ({ value: `round seen by ${me?.id ?? 'nobody'}` }),
    });
    const rendered = renderWithApp(
      <SessionProvider>
        <App gated={gated} />
      </SessionProvider>,
    );
    return { ...rendered, calls, become: (next: Me | null) => (me = next) };
  }

  it('forgets every answer at sign-out: the next person signing in on this browser sees none of them', async () => {
    const { queryClient, calls, become } = openAs(meAs('coordinator', 'u1'), true);
    await waitFor(() => expect(shown()).toBe('people seen by u1'));
    await userEvent.click(screen.getByRole('button', { name: 'sign out' }));
    await waitFor(() => expect(screen.getByTestId('who').textContent).toBe('signedOut'));
    // Only the public page on the screen is kept (and read again).
    await waitFor(() => expect(queryClient.getQueryCache().findAll({ queryKey: [API_QUERY] }).map((q) => q.queryKey[1])).toEqual(['/public/rounds/r1']));

    become(meAs('observer', 'u2'));
    await userEvent.click(screen.getByRole('button', { name: 'check' }));
    await waitFor(() => expect(screen.getByTestId('who').textContent).toBe('u2'));
    // Read for u2, within the time u1's answer would still have been fresh.
    expect(shown()).not.toBe('people seen by u1');
    await waitFor(() => expect(shown()).toBe('people seen by u2'));
    expect(reads(calls, '/workspaces/w1/people')).toBe(2);
  });

  it('keeps a public page shown through a sign-out, reading it again for nobody', async () => {
    const { calls } = openAs(meAs('coordinator', 'u1'), true);
    await waitFor(() => expect(shown('public')).toBe('round seen by u1'));
    await userEvent.click(screen.getByRole('button', { name: 'sign out' }));
    await waitFor(() => expect(shown('public')).toBe('round seen by nobody'));
    expect(reads(calls, '/public/rounds/r1')).toBe(2);
    // Shown (as on a reload) until the new answer replaced it: the page did not fall back to loading.
    const after = publicDrawn.slice(publicDrawn.indexOf('round seen by u1'));
    expect(after).not.toContain('none');
  });

  it('forgets the answers when another person is found signed in, and reads again what is shown for them', async () => {
    const { calls, become } = openAs(meAs('coordinator', 'u1'), false);
    await waitFor(() => expect(shown()).toBe('people seen by u1'));
    become(meAs('observer', 'u2'));
    await userEvent.click(screen.getByRole('button', { name: 'check' }));
    await waitFor(() => expect(screen.getByTestId('who').textContent).toBe('u2'));
    await waitFor(() => expect(shown()).toBe('people seen by u2'));
    expect(reads(calls, '/workspaces/w1/people')).toBe(2);
  });

  it('keeps the answers when the same person is asked for again', async () => {
    const { calls } = openAs(meAs('coordinator', 'u1'), false);
    await waitFor(() => expect(shown()).toBe('people seen by u1'));
    await userEvent.click(screen.getByRole('button', { name: 'check' }));
    await waitFor(() => expect(reads(calls, '/auth/me')).toBe(2));
    await act(async () => undefined);
    expect(shown()).toBe('people seen by u1');
    expect(reads(calls, '/workspaces/w1/people')).toBe(1);
  });
});
