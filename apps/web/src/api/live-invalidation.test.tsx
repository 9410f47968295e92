// The live hooks mark what a socket event changed as stale in the query cache. The socket is replaced (socket.io's
// client, not ours): a test connects it and sends events; the API behind useApiData is the fake fetch.
import { act, waitFor } from '@testing-library/react';
import { type ReactNode, useState } from 'react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { MEETING_EVENTS, type MeetingEvent, ROUND_EVENTS, type RoundEvent } from '@commonplan/sync';
import { useMeetingEvents } from '../features/decisions/useMeetingEvents';
import { useRoundEvents } from '../features/rounds/useRoundEvents';
import { WorkspaceContext } from '../features/workspace/workspace-context';
import { type ApiCall, fakeApi, workspaceOf } from '../test/fake-api';
import { renderWithApp } from '../test/render';
import { type ApiData, useApiData } from './useApiData';

const live = vi.hoisted(() => {
  class FakeSocket {
    handlers = new Map<string, Array<(...args: unknown[]) => void>>();
    emitted: unknown[][] = [];
    disconnected = false;
    on(event: string, handler: (...args: unknown[]) => void) {
      this.handlers.set(event, [...(this.handlers.get(event) ?? []), handler]);
      return this;
    }
    emit(...args: unknown[]) {
      this.emitted.push(args);
      return this;
    }
    disconnect() {
      this.disconnected = true;
      return this;
    }
    fire(event: string, ...args: unknown[]) {
      for (const handler of this.handlers.get(event) ?? []) handler(...args);
    }
  }
  return { FakeSocket, sockets: [] as FakeSocket[] };
});

vi.mock('socket.io-client', () => ({
  io: () => {
    const socket = new live.FakeSocket();
    live.sockets.push(socket);
    return socket;
  },
}));

beforeEach(() => {
  live.sockets = [];
});

const socket = () => live.sockets.at(-1)!;
const fire = (event: string, ...args: unknown[]) => act(() => socket().fire(event, ...args));
const reads = (calls: ApiCall[], path: string) => calls.filter((c) => c.method === 'GET' && c.path === path).length;

/** Every path answers with how many times it was read. */
function countingApi(paths: string[]): ApiCall[] {
  const count = new Map<string, number>();
  const answer = (call: ApiCall) => {
    count.set(call.path, (count.get(call.path) ?? 0) + 1);
    return { n: count.get(call.path) };
  };
  return fakeApi(Object.fromEntries(paths.map((path) => [`GET ${path}`, answer])));
}

/** Reads each path and shows nothing; `onRead` gets the round's source (for its reload). */
function Reads({ paths, onRead }: { paths: string[]; onRead?: (source: ApiData<unknown>) => void }) {
  return (
    <>
      {paths.map((path) => (
        <Read key={path} path={path} onRead={onRead} />
      ))}
    </>
  );
}

function Read({ path, onRead }: { path: string; onRead?: (source: ApiData<unknown>) => void }) {
  const source = useApiData<unknown>(path);
  onRead?.(source);
  return null;
}

function inWorkspace(children: ReactNode) {
  return <WorkspaceContext.Provider value={workspaceOf('coordinator')}>{children}</WorkspaceContext.Provider>;
}

describe('useRoundEvents and the query cache', () => {
  const paths = ['/rounds/r1', '/rounds/r1/triage', '/rounds/r2'];

  it('reads again what is shown of the round on its events, once, with the page’s own reload joined', async () => {
    const calls = countingApi(paths);
    const heard: RoundEvent[] = [];
    let round: ApiData<unknown> | null = null;
    function Page() {
      // The page's handler reloads the round itself, as RoundPage does.
      useRoundEvents('r1', true, (event) => {
        heard.push(event);
        round?.reload();
      });
      return <Reads paths={paths} onRead={(source) => (round ??= source)} />;
    }
    renderWithApp(<Page />);
    await waitFor(() => expect(paths.every((path) => reads(calls, path) === 1)).toBe(true));
    fire('connect');
    expect(socket().emitted).toContainEqual([ROUND_EVENTS.watch, 'r1', expect.any(Function)]);

    fire(ROUND_EVENTS.event, 'r2', { type: 'comment_submitted' });
    fire(ROUND_EVENTS.event, 'r1', { type: 'comment_submitted' });
    expect(heard).toEqual([{ type: 'comment_submitted' }]);
    await waitFor(() => expect(reads(calls, '/rounds/r1/triage')).toBe(2));
    await waitFor(() => expect(reads(calls, '/rounds/r1')).toBe(2));
    await act(async () => undefined);
    expect(reads(calls, '/rounds/r1')).toBe(2);
    expect(reads(calls, '/rounds/r2')).toBe(1);
  });

  it('catches up after a reconnection without calling the page, and needs no handler', async () => {
    const calls = countingApi(paths);
    function Page() {
      useRoundEvents('r1', true);
      return <Reads paths={paths} />;
    }
    renderWithApp(<Page />);
    await waitFor(() => expect(reads(calls, '/rounds/r1')).toBe(1));
    fire('connect');
    await act(async () => undefined);
    expect(reads(calls, '/rounds/r1')).toBe(1);
    fire('disconnect', 'transport close');
    fire('connect');
    await waitFor(() => expect(reads(calls, '/rounds/r1')).toBe(2));
    fire(ROUND_EVENTS.event, 'r1', { type: 'round_changed' });
    await waitFor(() => expect(reads(calls, '/rounds/r1/triage')).toBe(3));
    expect(reads(calls, '/rounds/r2')).toBe(1);
  });
});

describe('a change heard while a read is on its way', () => {
  /** The round answers how many times it was read; its second read is held until `release`, with what was true before. */
  function secondReadHeld() {
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    let n = 0;
    const calls = fakeApi({
      'GET /rounds/r1': async () => {
        const mine = ++n;
        if (mine === 2) await held;
        return { n: mine };
      },
    });
    return { calls, release, held };
  }

  it('asks again a read asked before the change (its answer cannot hold it), and shows the newer answer', async () => {
    const { calls, release, held } = secondReadHeld();
    const shown: { round: ApiData<unknown> | null } = { round: null };
    function Page() {
      useRoundEvents('r1', true);
      return <Read path="/rounds/r1" onRead={(source) => (shown.round = source)} />;
    }
    renderWithApp(<Page />);
    await waitFor(() => expect(shown.round?.data).toEqual({ n: 1 }));
    fire('connect');
    // A read on its way (a reload, a refocus), asked before the change…
    act(() => shown.round?.reload());
    await waitFor(() => expect(reads(calls, '/rounds/r1')).toBe(2));
    // …then the change is heard: the round is asked again, and the held answer, older, is not what stays shown.
    fire(ROUND_EVENTS.event, 'r1', { type: 'comment_submitted' });
    await waitFor(() => expect(reads(calls, '/rounds/r1')).toBe(3));
    await waitFor(() => expect(shown.round?.data).toEqual({ n: 3 }));
    release();
    await act(async () => held);
    await act(async () => undefined);
    expect(shown.round?.data).toEqual({ n: 3 });
    expect(reads(calls, '/rounds/r1')).toBe(3);
  });

  it('drops the answer of a read asked before the change that left the screen meanwhile: shown again, it is read again', async () => {
    const { calls, release, held } = secondReadHeld();
    const shown: { round: ApiData<unknown> | null } = { round: null };
    let setVisible!: (visible: boolean) => void;
    function Page() {
      const [visible, set] = useState(true);
      setVisible = set;
      useRoundEvents('r1', true);
      return visible ? <Read path="/rounds/r1" onRead={(source) => (shown.round = source)} /> : null;
    }
    renderWithApp(<Page />);
    await waitFor(() => expect(shown.round?.data).toEqual({ n: 1 }));
    fire('connect');
    act(() => shown.round?.reload());
    await waitFor(() => expect(reads(calls, '/rounds/r1')).toBe(2));
    // The round leaves the screen with its read on the way; the change is heard; the old answer comes.
    act(() => setVisible(false));
    fire(ROUND_EVENTS.event, 'r1', { type: 'comment_submitted' });
    release();
    await act(async () => held);
    await act(async () => undefined);
    // Shown again within the freshness time, the round is read again rather than shown from the old answer.
    shown.round = null;
    act(() => setVisible(true));
    await waitFor(() => expect(shown.round?.data).toEqual({ n: 3 }));
    expect(reads(calls, '/rounds/r1')).toBe(3);
  });
});

describe('useMeetingEvents and the query cache', () => {
  const paths = ['/meetings/m1', '/workspaces/w1/meetings', '/workspaces/w1/register', '/workspaces/w1/people'];

  function Page({ heard }: { heard: MeetingEvent[] }) {
    useMeetingEvents('m1', true, (event) => heard.push(event));
    return <Reads paths={paths} />;
  }

  it('reads the meeting again on every event, and the workspace’s decisions when a vote or the meeting opens or closes', async () => {
    const calls = countingApi(paths);
    const heard: MeetingEvent[] = [];
    renderWithApp(inWorkspace(<Page heard={heard} />));
    await waitFor(() => expect(paths.every((path) => reads(calls, path) === 1)).toBe(true));
    fire('connect');

    fire(MEETING_EVENTS.event, 'm1', { type: 'ballot_cast', voteId: 'v1' });
    await waitFor(() => expect(reads(calls, '/meetings/m1')).toBe(2));
    expect(reads(calls, '/workspaces/w1/meetings')).toBe(1);

    fire(MEETING_EVENTS.event, 'm1', { type: 'vote_closed', voteId: 'v1' });
    await waitFor(() => expect(reads(calls, '/workspaces/w1/register')).toBe(2));
    expect(reads(calls, '/workspaces/w1/meetings')).toBe(2);
    expect(reads(calls, '/meetings/m1')).toBe(3);
    expect(reads(calls, '/workspaces/w1/people')).toBe(1);
    expect(heard.map((e) => e.type)).toEqual(['ballot_cast', 'vote_closed']);

    // Another meeting's news changes nothing here.
    fire(MEETING_EVENTS.event, 'm2', { type: 'meeting_changed' });
    await act(async () => undefined);
    expect(reads(calls, '/meetings/m1')).toBe(3);
  });
});
